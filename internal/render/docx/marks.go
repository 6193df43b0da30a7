package docx

import "github.com/bhytdoc/bhytdoc/internal/ir"

// Sizes of the marks and lines of ô 10–14, as the PDF draws them.
const (
	sizeMark    = 13
	sizeContact = 11
	sizeESign   = 10
	markH       = 8 // mm
	markPad     = 3 // mm each side of a box fitted to its text
	markGap     = 2 // mm between stacked boxes
)

// Relationship ids of the parts only some documents have.
const (
	ridContact = "rIdContact" // footer of page 1: ô 13
	ridESign   = "rIdESign"   // header of each annex's first page: ô 14
	ridNoFoot  = "rIdNoFoot"  // empty footer of the annexes' first pages
)

// markPara is a boxed mark: bold text centred in a single border width mm
// wide (0: fitted to the text), placed in a column colW mm wide, centred
// or, with right, against the column's right edge.
func (w *builder) markPara(t ir.Text, width float64, red, right bool, colW float64) para {
	if width == 0 {
		width = w.width(t.S, ir.Bold, sizeMark) + 2*markPad
	}
	width = min(width, colW)
	colour := "000000"
	if red {
		colour = "FF0000"
	}
	left, rt := twips((colW-width)/2), twips((colW-width)/2)
	if right {
		left, rt = twips(colW-width), 0
	}
	p := para{box: colour, jc: "center", left: left, right: rt, before: twips(markGap + 1),
		line: twips(markH), lineRule: "exact", runs: []run{{s: t.S, st: ir.Bold, size: sizeMark, red: red}}}
	if right {
		// The draft mark tops the right column; the PDF moves the
		// national title down by the box and a gap.
		p.before, p.after = 0, twips(markGap)
	}
	return p
}

// markParas are ô 10a, 10b and 11 for the header's left column.
func (w *builder) markParas(colW float64) []para {
	var out []para
	for _, m := range w.doc.Marks {
		out = append(out, w.markPara(m.Text, m.Width, m.Red, false, colW))
	}
	return out
}

// contactFooter is the footer of page 1: a full-width rule over the
// lines of ô 13; with empty, the empty footer that keeps the annexes'
// first pages from inheriting it.
func (w *builder) contactFooter(empty bool) []byte {
	var b buf
	b.str(xmlDecl, `<w:ftr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`)
	if empty {
		b.para(&para{size: sizeContact})
		b.str("</w:ftr>")
		return b.Bytes()
	}
	for i, t := range w.doc.Contact {
		p := para{runs: []run{{s: t.S, size: sizeContact}}}
		p.topRule = i == 0
		b.para(&p)
	}
	b.str("</w:ftr>")
	return b.Bytes()
}

// esignHeader is the header of each annex's first page: the signing lines
// of ô 14, right-aligned, 10 pt.
func (w *builder) esignHeader(lines []ir.Text) []byte {
	var b buf
	b.str(xmlDecl, `<w:hdr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`)
	for _, t := range lines {
		p := para{jc: "right", runs: []run{{s: t.S, size: sizeESign}}}
		b.para(&p)
	}
	b.str("</w:hdr>")
	return b.Bytes()
}
