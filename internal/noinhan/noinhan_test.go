package noinhan

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// mono measures every character, the space included, 1 mm wide.
func mono(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestFit(t *testing.T) {
	const gaps = 2 * pagespec.BraceGap
	const slack = pagespec.CellSlack
	for _, c := range []struct {
		name    string
		names   []string
		purpose string
		width   float64
		// want: the names' column, the purpose's.
		names0, purpose0 float64
	}{
		// Room for all: the brace follows the widest name, the purpose
		// on one line in the rest.
		{"short", []string{"- ab;", "- abcdef;"}, "(x yz)", 40, 9 + slack, 40 - gaps - 9 - slack},
		// "- abcdefghij klmnop;" (20) does not fit beside "(xx yy)"
		// whole (7) in 28: the purpose goes on two lines (widest 3) so
		// that the name keeps one.
		{"wrap purpose", []string{"- abcdefghij klmnop;"}, "(xx yy)", 28, 20 + slack, 28 - gaps - 20 - slack},
		// Nothing spares the name a wrap: it wraps, the purpose keeps one
		// line, and the names take all it leaves.
		{"wrap names", []string{"- abcdefgh ijklmn;"}, "(x y)", 20, 20 - gaps - 5 - slack, 5 + slack},
		// A long purpose never wraps a short name.
		{"long purpose", []string{"- abcd;", "- abcdefghij;"}, "(aa bb cc dd ee ff gg hh ii jj)", 30, 13 + slack, 30 - gaps - 13 - slack},
	} {
		g := Fit(c.names, c.purpose, c.width, 2, mono)
		if math.Abs(g.Names-c.names0) > 1e-9 || math.Abs(g.Purpose-c.purpose0) > 1e-9 {
			t.Errorf("%s: names %.2f purpose %.2f, want %.2f %.2f", c.name, g.Names, g.Purpose, c.names0, c.purpose0)
		}
		if s := g.Names + g.Purpose + gaps; math.Abs(s-c.width) > 1e-9 {
			t.Errorf("%s: columns and brace %.2f wide, the column %.2f", c.name, s, c.width)
		}
	}
}
