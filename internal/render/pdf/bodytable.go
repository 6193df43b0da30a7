package pdf

import (
	"slices"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// bodyTableGeom fits a body table to the text width of a portrait page,
// at a usual table size (12–13 pt), smaller only when the columns need it
// and not because of widths set by hand, which are then an error.
func (l *layout) bodyTableGeom(t *ir.Table) (tableGeom, error) {
	g, ok := l.tableGeom(t, l.textW(), sizeTableUsual, false)
	if !ok {
		if err := l.handWidths(t, l.textW()); err != nil {
			return g, err
		}
		g, _ = l.tableGeom(t, l.textW(), pagespec.TableSizeFloor, false)
	}
	return g, nil
}

// bodyTable lays a table in the body out as blocks: the header rows as
// one block kept with the first row, then a block per row, each carrying
// the header to repeat when it starts a page; the last body row is kept
// with the totals row.
func (l *layout) bodyTable(t *ir.Table) []block {
	g, _ := l.bodyTableGeom(t) // checked by Layout before the flow
	tw := 0.0
	for _, w := range g.widths {
		tw += w
	}
	x0 := l.set.MarginLeft + (l.textW()-tw)/2
	headH := 0.0
	for _, h := range g.headH {
		headH += h
	}
	ps := l.set.ParagraphSpacing * pagespec.PtToMM
	head := &block{ops: l.headerOps(t, g, x0), h: headH}
	out := []block{{ops: head.ops, h: headH, before: ps, keep: true}}
	for r, row := range t.Rows {
		out = append(out, block{ops: l.rowOps(t, g, x0, row, g.rowH[r], false), h: g.rowH[r], head: head})
	}
	if len(t.Totals) > 0 {
		out[len(out)-1].keep = true
		out = append(out, block{ops: l.rowOps(t, g, x0, t.Totals, g.totalsH, true), h: g.totalsH, head: head})
	}
	// A little room under the table before the next paragraph.
	out[len(out)-1].h += ps / 2
	return out
}

// BodyTableLayouts returns the table font size and column widths of each
// table in doc's body, in order, so that other writers (DOCX) draw them
// as the PDF does. Landscape is always false: body tables sit on the
// document's portrait pages.
func BodyTableLayouts(doc *ir.Doc, set ir.Settings, fam *fonts.Family) ([]AnnexLayout, error) {
	m, err := newMetrics(fam, doc)
	if err != nil {
		return nil, err
	}
	l := &layout{m: m, set: set, doc: doc, sp: pagespec.For(doc.Kind())}
	var out []AnnexLayout
	for i := range doc.Body {
		if t := doc.Body[i].Table; t != nil {
			g, err := l.bodyTableGeom(t)
			if err != nil {
				return nil, err
			}
			out = append(out, AnnexLayout{Size: g.size, Widths: slices.Clone(g.widths)})
		}
	}
	return out, nil
}
