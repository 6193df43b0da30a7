package pdf

import (
	"math"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/noinhan"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// copies draws the Nơi nhận lines under the label whose baseline is y,
// in a column width mm wide at x, and returns the last baseline. Lines
// wrap under their text, after the "- ". The lines of a group sharing a
// purpose get a brace to their right and the purpose beside it, centred
// on the group and wrapped to as many lines as it needs.
func (l *layout) copies(b *block, x, y, width float64, copies []ir.Text, braces []ir.Brace) float64 {
	clh := l.font(pagespec.Recipients).Size * pagespec.SingleSpacing * pagespec.PtToMM
	dash := l.width("- ", pagespec.Recipients)
	asc, desc := 0.8*l.font(pagespec.Recipients).Size*pagespec.PtToMM, 0.25*l.font(pagespec.Recipients).Size*pagespec.PtToMM
	line := func(t ir.Text, w float64) {
		for i, ln := range l.m.wrap([]ir.Span{{S: t.S}}, l.font(pagespec.Recipients).Size, w, w-dash) {
			y += clh
			lx := x
			if i > 0 {
				lx += dash
			}
			b.ops = append(b.ops, l.m.placeLine(ln, lx, y, w, l.font(pagespec.Recipients).Size, alignLeft)...)
		}
	}
	for i := 0; i < len(copies); i++ {
		br := braceAt(braces, i)
		if br == nil {
			line(copies[i], width)
			continue
		}
		// The names and the purpose share the column as noinhan.Fit
		// says, as in the DOCX.
		to := min(br.To, len(copies)-1)
		names := make([]string, 0, to-i+1)
		for k := i; k <= to; k++ {
			names = append(names, copies[k].S)
		}
		g := noinhan.Fit(names, br.Purpose.S, width, dash, func(s string) float64 { return l.width(s, pagespec.Recipients) })
		top := y + clh - asc
		for ; i <= to; i++ {
			line(copies[i], g.Names)
		}
		i--
		bottom := y + desc
		bx := x + g.Names + pagespec.BraceGap
		l.brace(b, bx, top, bottom)
		px := bx + pagespec.BraceGap
		lines := l.m.wrap([]ir.Span{{S: br.Purpose.S}}, l.font(pagespec.Recipients).Size, x+width-px, x+width-px)
		py := (top+bottom)/2 - float64(len(lines))*clh/2 + (clh-l.font(pagespec.Recipients).Size*pagespec.PtToMM)/2 + asc
		for k, ln := range lines {
			b.ops = append(b.ops, l.m.placeLine(ln, px, py+float64(k)*clh, x+width-px, l.font(pagespec.Recipients).Size, alignLeft)...)
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
