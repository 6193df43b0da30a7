package bhytdoc

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// LayoutForTest exposes the prepared IR and the page layout to the
// external tests, which check positions against Decree 30.
func LayoutForTest(d *Document, o *Options) (*ir.Doc, ir.Settings, []pdf.Page, error) {
	p, err := d.prepare(o, true)
	if err != nil {
		return nil, ir.Settings{}, nil, err
	}
	pages, err := pdf.LayoutDoc(p.ir, p.set, p.font)
	return p.ir, p.set, pages, err
}

// SetBookChunkPages makes b write its pages out every n pages.
func SetBookChunkPages(b *PDFBook, n int) { b.b.SetChunkPages(n) }
