package pdf

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// markBox draws a boxed mark with its top at y, centred on cx, and
// returns its bottom.
func (l *layout) markBox(p *Page, t ir.Text, width float64, red bool, cx, y float64) float64 {
	f := l.font(pagespec.Mark)
	tw := l.m.w(t.S, f.Style, f.Size)
	if width == 0 {
		width = tw + 2*pagespec.MarkPad
	}
	p.Ops = append(p.Ops,
		Op{Kind: OpRect, X: cx - width/2, Y: y, W: width, H: pagespec.MarkH, Red: red},
		Op{Kind: OpText, X: cx - tw/2, Y: y + pagespec.MarkH/2 + 0.35*f.Size*pagespec.PtToMM, W: tw, S: t.S, Style: f.Style, Size: f.Size, Red: red})
	return y + pagespec.MarkH
}

// marks draws ô 10a, 10b and 11 stacked under the number (or V/v), from
// y down, centred on cx; it returns the bottom of the last box, or y.
func (l *layout) marks(p *Page, cx, y float64) float64 {
	for _, m := range l.doc.Marks {
		y = l.markBox(p, m.Text, m.Width, m.Red, cx, y+pagespec.MarkGap+1)
	}
	return y
}

// duThao draws the boxed draft mark at the top right of the text area
// and returns how far both header columns move down for it.
func (l *layout) duThao(p *Page) float64 {
	t := l.doc.DuThao
	if t.S == "" {
		return 0
	}
	w := l.width(t.S, pagespec.Mark) + 2*pagespec.MarkPad
	right := l.set.MarginLeft + l.textW()
	l.markBox(p, t, w, false, right-w/2, l.set.MarginTop)
	return pagespec.MarkH + pagespec.MarkGap
}

// contactLines wraps the lines of ô 13 to the text width.
func (l *layout) contactLines() []line {
	var out []line
	for _, t := range l.doc.Contact {
		out = append(out, l.m.wrap([]ir.Span{{S: t.S}}, l.font(pagespec.Contact).Size, l.textW(), l.textW())...)
	}
	return out
}

// contactBox returns where ô 13 starts (its rule) and how much of the
// text area it takes from page 1's flow. Like a footer, it sits in the
// bottom margin, its last line ending half way down the margin, and
// reaches into the text area only when it has more lines than fit there.
func (l *layout) contactBox() (top, reserve float64) {
	n := len(l.contactLines())
	if n == 0 {
		return pagespec.PageH, 0
	}
	h := pagespec.ContactGap + float64(n)*l.font(pagespec.Contact).Size*pagespec.SingleSpacing*pagespec.PtToMM
	top = pagespec.PageH - l.set.MarginBottom/2 - h
	return top, max(0, pagespec.PageH-l.set.MarginBottom-top)
}

// contactH is the room ô 13 takes from page 1's text area.
func (l *layout) contactH() float64 {
	_, r := l.contactBox()
	return r
}

// contact draws ô 13 at the foot of page 1: a rule across the text width,
// then the lines.
func (l *layout) contact(p *Page) {
	lines := l.contactLines()
	if len(lines) == 0 {
		return
	}
	top, _ := l.contactBox()
	p.Ops = append(p.Ops, Op{Kind: OpLine, X: l.set.MarginLeft, Y: top, W: l.textW()})
	lh := l.font(pagespec.Contact).Size * pagespec.SingleSpacing * pagespec.PtToMM
	y := top + pagespec.ContactGap
	for _, ln := range lines {
		p.Ops = append(p.Ops, l.m.placeLine(ln, l.set.MarginLeft, y+0.8*l.font(pagespec.Contact).Size*pagespec.PtToMM+(lh-l.font(pagespec.Contact).Size*pagespec.PtToMM)/2, l.textW(), l.font(pagespec.Contact).Size, alignLeft)...)
		y += lh
	}
}

// esign draws ô 14 — an organisation's signing lines — at the top right
// of a page (an annex's first, or an electronic copy's page 1): in the
// top margin, right-aligned at the right margin, the last line's descent
// just above the text area.
func (l *layout) esign(p *Page, lines []ir.Text) {
	if len(lines) == 0 {
		return
	}
	pw, _ := p.size()
	right := pw - l.set.MarginRight
	lh := l.font(pagespec.ESign).Size * pagespec.SingleSpacing * pagespec.PtToMM
	y := l.set.MarginTop - 1 - float64(len(lines))*lh
	for _, t := range lines {
		y += lh
		f := l.font(pagespec.ESign)
		w := l.m.w(t.S, f.Style, f.Size)
		p.Ops = append(p.Ops, Op{Kind: OpText, X: right - w, Y: y - 0.25*f.Size*pagespec.PtToMM, W: w, S: t.S, Style: f.Style, Size: f.Size})
	}
}
