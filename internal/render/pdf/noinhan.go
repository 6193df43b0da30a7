package pdf

import (
	"math"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/ir"
)

// braceGap is the room on either side of a Nơi nhận brace, in mm.
const braceGap = 1.5

// copies draws the Nơi nhận lines under the label whose baseline is y,
// in a column width mm wide at x, and returns the last baseline. Lines
// wrap under their text, after the "- ". The lines of a group sharing a
// purpose get a brace to their right and the purpose beside it, centred
// on the group and wrapped to as many lines as it needs.
func (l *layout) copies(b *block, x, y, width float64, copies []ir.Text, braces []ir.Brace) float64 {
	clh := sizeCopies * singleSpacing * ptToMM
	dash := l.m.w("- ", ir.Regular, sizeCopies)
	asc, desc := 0.8*sizeCopies*ptToMM, 0.25*sizeCopies*ptToMM
	line := func(t ir.Text, w float64) float64 {
		widest := 0.0
		for i, ln := range l.m.wrap([]ir.Span{{S: t.S}}, sizeCopies, w, w-dash) {
			y += clh
			lx := x
			if i > 0 {
				lx += dash
			}
			b.ops = append(b.ops, l.m.placeLine(ln, lx, y, w, sizeCopies, alignLeft)...)
			widest = max(widest, lx-x+ln.width)
		}
		return widest
	}
	for i := 0; i < len(copies); i++ {
		br := braceAt(braces, i)
		if br == nil {
			line(copies[i], width)
			continue
		}
		// The names keep their width where they can: the purpose takes
		// the rest of the column, wrapped, and never less than its
		// longest word, so names wrap only when they must.
		natural := 0.0
		for k := i; k <= br.To && k < len(copies); k++ {
			natural = max(natural, l.m.w(copies[k].S, ir.Regular, sizeCopies))
		}
		longest := 0.0
		for _, wd := range strings.Fields(br.Purpose.S) {
			longest = max(longest, l.m.w(wd, ir.Regular, sizeCopies))
		}
		pw := min(l.m.w(br.Purpose.S, ir.Regular, sizeCopies), max(longest, width-natural-2*braceGap))
		nameW := min(natural, width-pw-2*braceGap)
		top := y + clh - asc
		widest := 0.0
		for ; i <= br.To && i < len(copies); i++ {
			widest = max(widest, line(copies[i], nameW))
		}
		i--
		bottom := y + desc
		bx := x + widest + braceGap
		l.brace(b, bx, top, bottom)
		px := bx + braceGap
		lines := l.m.wrap([]ir.Span{{S: br.Purpose.S}}, sizeCopies, x+width-px, x+width-px)
		py := (top+bottom)/2 - float64(len(lines))*clh/2 + (clh-sizeCopies*ptToMM)/2 + asc
		for k, ln := range lines {
			b.ops = append(b.ops, l.m.placeLine(ln, px, py+float64(k)*clh, x+width-px, sizeCopies, alignLeft)...)
		}
		// A purpose longer than its group pushes the next line down, by
		// whole lines so that the pitch stays even.
		if extra := py + float64(len(lines)-1)*clh - y; extra > 0.3*clh {
			y += math.Ceil(extra/clh-0.3) * clh
		}
	}
	return y
}

func braceAt(bs []ir.Brace, i int) *ir.Brace {
	for k := range bs {
		if bs[k].From == i {
			return &bs[k]
		}
	}
	return nil
}

// brace draws "}" from top to bottom at x, with rules: the two arms, the
// spine and the point at mid-height.
func (l *layout) brace(b *block, x, top, bottom float64) {
	const arm = 0.8
	mid := (top + bottom) / 2
	b.ops = append(b.ops,
		Op{Kind: OpLine, X: x - arm, Y: top, W: arm},
		Op{Kind: OpLine, X: x, Y: top, H: bottom - top},
		Op{Kind: OpLine, X: x - arm, Y: bottom, W: arm},
		Op{Kind: OpLine, X: x, Y: mid, W: arm},
	)
}
