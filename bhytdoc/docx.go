package bhytdoc

import (
	"errors"
	"io"

	"github.com/bhytdoc/bhytdoc/internal/render/docx"
	"github.com/bhytdoc/bhytdoc/internal/tablefit"
)

// WriteDOCX renders d as a Word document (.docx, WordprocessingML)
// following Decree 30/2020/NĐ-CP, Appendix I, and writes it to w. It
// takes the same path as WritePDF (normalised copy, validation, glyph
// check) and lays the document out the same way: the header and
// signature as borderless tables with the templates' column widths, the
// body as justified Word paragraphs, page numbers from page 2, each annex
// a section of its own, landscape where the PDF's is. The text is set in
// Times New Roman; the glyph check uses o's font family, which should be
// metric-compatible with it (the default Liberation Serif is). On any
// error nothing is written to w. A nil o uses the defaults.
//
// WriteDOCX is safe for concurrent use. The same input gives the same
// bytes.
func WriteDOCX(w io.Writer, d *Document, o *Options) error {
	if w == nil {
		return errors.New("bhytdoc: WriteDOCX: nil io.Writer")
	}
	b, err := RenderDOCX(d, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// RenderDOCX is WriteDOCX returning the bytes.
func RenderDOCX(d *Document, o *Options) ([]byte, error) {
	p, err := d.prepare(o, true)
	if err != nil {
		return nil, err
	}
	// Tables are fitted once, format-neutrally, as the PDF fits them.
	faces, err := tablefit.NewFaces(p.font)
	if err != nil {
		return nil, err
	}
	annexes, tables, err := tablefit.Doc(p.ir, p.set, faces)
	if err != nil {
		return nil, layoutError(err)
	}
	var issuedAnnexes, issuedTables []*docx.AnnexLayout
	if p.ir.Issued != nil {
		if issuedAnnexes, issuedTables, err = tablefit.Doc(p.ir.Issued, p.set, faces); err != nil {
			return nil, prefixed(layoutError(err), "Issues.")
		}
	}
	return docx.RenderIssued(p.ir, p.set, p.font, annexes, tables, issuedAnnexes, issuedTables)
}
