// Package noinhan fits a braced group of Nơi nhận lines beside its
// purpose, for every writer: the names on the left, a brace, the purpose
// ("(để báo cáo)") on the right, in the Nơi nhận column. The PDF and DOCX
// writers both draw its result, so a group wraps alike in every format.
package noinhan

import (
	"math"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// Measure is the width in mm of a string set in the Nơi nhận font.
type Measure func(s string) float64

// Group is a braced group laid out in a column: Names is the width of the
// names' column (they wrap in it, a wrapped line indented by the dash),
// then the brace with pagespec.BraceGap either side, then Purpose, the
// purpose's column: the rest of the column.
type Group struct {
	Names, Purpose float64
}

// Fit chooses where the names end and the purpose begins in a column
// width mm wide, dash being the width of "- ". Every way of wrapping the
// purpose is tried, each leaving the names the column less the brace and
// the purpose's actual width (its widest line); the one wrapping the
// names least wins (a name wraps only when no purpose leaves it room),
// then the one taking the fewest lines (group or purpose, whichever is
// taller), then the fewest purpose lines. The brace follows the widest
// name when none wraps; when names wrap, their column is all the purpose
// leaves, the purpose's column just its widest line. Each column keeps
// pagespec.CellSlack beyond its text, so that a word processor measuring
// a hair wider than w wraps no differently.
func Fit(names []string, purpose string, width, dash float64, w Measure) Group {
	const slack = pagespec.CellSlack
	room := 2*pagespec.BraceGap + 2*slack
	words := strings.Fields(purpose)
	longest := 0.0
	for _, s := range words {
		longest = max(longest, w(s))
	}
	best, bestScore := Group{}, [3]int{math.MaxInt, 0, 0}
	// Candidate purpose widths: every run of consecutive words.
	tried := map[float64]bool{}
	for i := range words {
		for j := i + 1; j <= len(words); j++ {
			c := w(strings.Join(words[i:j], " "))
			if c < longest || tried[c] {
				continue
			}
			tried[c] = true
			pl, pw := wrap(words, c, 0, w)
			avail := width - room - pw
			nl, nw := 0, 0.0
			for _, n := range names {
				k, x := wrap(strings.Fields(n), avail, dash, w)
				nl, nw = nl+k, max(nw, x)
			}
			if nw > avail+1e-9 {
				continue // a word of a name does not fit beside it
			}
			score := [3]int{nl, max(nl, pl), pl}
			if less(score, bestScore) {
				best, bestScore = Group{Names: nw + slack, Purpose: width - 2*pagespec.BraceGap - nw - slack}, score
				if nl > len(names) {
					// Names wrap: they take all the purpose leaves.
					best = Group{Names: avail + slack, Purpose: pw + slack}
				}
			}
		}
	}
	if bestScore[0] == math.MaxInt {
		// Nothing fits: the purpose's longest word, the names the rest.
		pw := longest + slack
		best = Group{Names: max(width-2*pagespec.BraceGap-pw, 0), Purpose: pw}
	}
	return best
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// wrap breaks words greedily into lines width wide, the lines after the
// first indented by hang, and returns the number of lines and the widest
// (indent included).
func wrap(words []string, width, hang float64, w Measure) (int, float64) {
	sp := w(" ")
	lines, widest, cur, off := 0, 0.0, -1.0, 0.0
	for _, s := range words {
		ww := w(s)
		if cur >= 0 && off+cur+sp+ww <= width+1e-9 {
			cur += sp + ww
			continue
		}
		if cur >= 0 {
			widest = max(widest, off+cur)
			off = hang
		}
		lines++
		cur = ww
	}
	if cur >= 0 {
		widest = max(widest, off+cur)
	}
	return lines, widest
}
