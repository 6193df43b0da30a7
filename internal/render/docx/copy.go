package docx

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// ridCopyESign is the first-page header of an electronic copy (ô 14).
const ridCopyESign = "rIdCopyESign"

// copyBlock writes a paper copy's block after the document: a rule
// across the text width, a borderless two-column header — the copying
// body and number left, the form and place/date right — then its
// signature and Nơi nhận, as the PDF lays them out.
func (w *builder) copyBlock() error {
	c := w.doc.Copy
	if c == nil {
		return nil
	}
	rule := para{topRule: true, before: ptTwips(w.bodyLine()), keepNext: true, size: 2, line: 40, lineRule: "exact"}
	w.b.para(&rule)
	left := w.sp.Head.Left
	var l, r []para
	parent := w.names(c.Parent, w.font(pagespec.Parent), left)
	for _, t := range parent {
		l = append(l, centred(t, w.font(pagespec.Parent)))
	}
	for _, t := range w.names(c.Issuer, w.font(pagespec.Issuer), left) {
		l = append(l, centred(t, w.font(pagespec.Issuer)))
	}
	for range parent {
		r = append(r, centred(ir.Text{}, w.font(pagespec.Parent))) // the form is level with the body's name
	}
	r = append(r, centred(c.Form, w.font(pagespec.CopyForm)))
	num := centred(c.Number, w.font(pagespec.Number))
	date := centred(c.PlaceDate, w.font(pagespec.PlaceDate))
	wl, wr := twips(left), twips(w.textW())-twips(left)
	w.b.table(&table{widths: []int{wl, wr}, rows: []row{
		{cantSplit: true, cells: []cell{{w: wl, paras: l}, {w: wr, paras: r}}},
		{cantSplit: true, cells: []cell{{w: wl, paras: []para{num}}, {w: wr, paras: []para{date}}}},
	}})
	field := func(int) string { return "Copy.Signature" }
	return w.signaturesOf(signParts{[]ir.Signature{c.Signature}, field, c.NoiNhan, c.Recipients, c.Braces, ir.Text{}})
}
