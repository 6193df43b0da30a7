package pdf

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
	"github.com/bhytdoc/bhytdoc/internal/tablefit"
)

// bodyTableGeom fits a body table to the text width of a portrait page.
func (l *layout) bodyTableGeom(t *ir.Table) (*tablefit.Layout, error) {
	return fitErr(tablefit.Body(t, l.set, l.faces()))
}

// bodyTable lays a table in the body out as blocks: the header rows as
// one block kept with the first row, then a block per row, each carrying
// the header to repeat when it starts a page; the last body row is kept
// with the totals row.
func (l *layout) bodyTable(t *ir.Table) []block {
	g, _ := l.bodyTableGeom(t) // checked by Layout before the flow
	tw := 0.0
	for _, w := range g.Widths {
		tw += w
	}
	x0 := l.set.MarginLeft + (l.textW()-tw)/2
	headH := 0.0
	for _, h := range g.HeadH {
		headH += h
	}
	ps := l.set.ParagraphSpacing * pagespec.PtToMM
	head := &block{ops: l.headerOps(t, g, x0), h: headH}
	out := []block{{ops: head.ops, h: headH, before: ps, keep: true}}
	for r, row := range t.Rows {
		out = append(out, block{ops: l.rowOps(t, g, x0, row, g.RowH[r], false), h: g.RowH[r], head: head})
	}
	if len(t.Totals) > 0 {
		// The totals row never stands alone: the last two body rows
		// stay with it.
		for i := max(len(out)-2, 1); i < len(out); i++ {
			out[i].keep = true
		}
		out = append(out, block{ops: l.rowOps(t, g, x0, t.Totals, g.TotalsH, true), h: g.TotalsH, head: head})
	}
	// A little room under the table before the next paragraph.
	out[len(out)-1].h += ps / 2
	return out
}
