package pdf

import (
	"slices"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// AnnexLayout is the page orientation and table geometry this package
// chooses for an annex. Other writers of the same document (DOCX) take it
// from here so that an annex is landscape, and its columns as wide, in
// every format.
type AnnexLayout struct {
	Landscape bool
	Size      float64   // table font size, pt
	Widths    []float64 // column widths, mm
}

// AnnexLayouts returns the layout of each annex of doc, in order.
func AnnexLayouts(doc *ir.Doc, set ir.Settings, fam *fonts.Family) ([]AnnexLayout, error) {
	m, err := newMetrics(fam, doc)
	if err != nil {
		return nil, err
	}
	l := &layout{m: m, set: set, doc: doc, sp: pagespec.For(doc.Kind())}
	out := make([]AnnexLayout, len(doc.Annexes))
	for i := range doc.Annexes {
		g, landscape, err := l.annexGeom(&doc.Annexes[i])
		if err != nil {
			return nil, err
		}
		out[i] = AnnexLayout{Landscape: landscape, Size: g.size, Widths: slices.Clone(g.widths)}
	}
	return out, nil
}
