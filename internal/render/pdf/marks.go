package pdf

import "github.com/bhytdoc/bhytdoc/internal/ir"

const (
	sizeMark    = 13 // 13–14: stamps of ô 10–11 and the draft mark
	sizeContact = 11 // 11–12: ô 13 at the foot of page 1
	sizeESign   = 10 // ô 14: Times New Roman 10
	markH       = 8  // mm: the decree's stamp boxes are 8 mm high
	markPad     = 3  // mm each side of a box fitted to its text
	markGap     = 2  // mm between stacked boxes
	contactGap  = 1  // mm between the rule of ô 13 and its first line
)

// markBox draws a boxed mark with its top at y, centred on cx, and
// returns its bottom.
func (l *layout) markBox(p *Page, t ir.Text, width float64, red bool, cx, y float64) float64 {
	tw := l.m.w(t.S, ir.Bold, sizeMark)
	if width == 0 {
		width = tw + 2*markPad
	}
	p.Ops = append(p.Ops,
		Op{Kind: OpRect, X: cx - width/2, Y: y, W: width, H: markH, Red: red},
		Op{Kind: OpText, X: cx - tw/2, Y: y + markH/2 + 0.35*sizeMark*ptToMM, W: tw, S: t.S, Style: ir.Bold, Size: sizeMark, Red: red})
	return y + markH
}

// marks draws ô 10a, 10b and 11 stacked under the number (or V/v), from
// y down, centred on cx; it returns the bottom of the last box, or y.
func (l *layout) marks(p *Page, cx, y float64) float64 {
	for _, m := range l.doc.Marks {
		y = l.markBox(p, m.Text, m.Width, m.Red, cx, y+markGap+1)
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
	w := l.m.w(t.S, ir.Bold, sizeMark) + 2*markPad
	right := l.set.MarginLeft + l.textW()
	l.markBox(p, t, w, false, right-w/2, l.set.MarginTop)
	return markH + markGap
}

// contactLines wraps the lines of ô 13 to the text width.
func (l *layout) contactLines() []line {
	var out []line
	for _, t := range l.doc.Contact {
		out = append(out, l.m.wrap([]ir.Span{{S: t.S}}, sizeContact, l.textW(), l.textW())...)
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
		return pageH, 0
	}
	h := contactGap + float64(n)*sizeContact*singleSpacing*ptToMM
	top = pageH - l.set.MarginBottom/2 - h
	return top, max(0, pageH-l.set.MarginBottom-top)
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
	lh := sizeContact * singleSpacing * ptToMM
	y := top + contactGap
	for _, ln := range lines {
		p.Ops = append(p.Ops, l.m.placeLine(ln, l.set.MarginLeft, y+0.8*sizeContact*ptToMM+(lh-sizeContact*ptToMM)/2, l.textW(), sizeContact, alignLeft)...)
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
	lh := sizeESign * singleSpacing * ptToMM
	y := l.set.MarginTop - 1 - float64(len(lines))*lh
	for _, t := range lines {
		y += lh
		w := l.m.w(t.S, ir.Regular, sizeESign)
		p.Ops = append(p.Ops, Op{Kind: OpText, X: right - w, Y: y - 0.25*sizeESign*ptToMM, W: w, S: t.S, Style: ir.Regular, Size: sizeESign})
	}
}
