package docx

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
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
		width = w.widthOf(t.S, pagespec.Mark) + 2*pagespec.MarkPad
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
	p := para{box: colour, jc: "center", left: left, right: rt, before: twips(pagespec.MarkGap + 1),
		line: twips(pagespec.MarkH), lineRule: "exact", runs: []run{{s: t.S, st: w.font(pagespec.Mark).Style, size: w.font(pagespec.Mark).Size, red: red}}}
	if right {
		// The draft mark tops the right column; the PDF moves the
		// national title down by the box and a gap.
		p.before, p.after = 0, twips(pagespec.MarkGap)
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
	b := buf{styles: w.b.styles}
	b.str(xmlDecl, `<w:ftr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`)
	if empty {
		b.para(&para{size: w.font(pagespec.Contact).Size})
		b.str("</w:ftr>")
		return b.Bytes()
	}
	for i, t := range w.doc.Contact {
		p := para{runs: []run{{s: t.S, size: w.font(pagespec.Contact).Size}}}
		p.topRule = i == 0
		b.para(&p)
	}
	b.str("</w:ftr>")
	return b.Bytes()
}

// esignHeader is the header of each annex's first page: the signing lines
// of ô 14, right-aligned, 10 pt.
func (w *builder) esignHeader(lines []ir.Text) []byte {
	b := buf{styles: w.b.styles}
	b.str(xmlDecl, `<w:hdr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`)
	for _, t := range lines {
		p := para{jc: "right", runs: []run{{s: t.S, size: w.font(pagespec.ESign).Size}}}
		b.para(&p)
	}
	b.str("</w:hdr>")
	return b.Bytes()
}
