package pdf

import (
	"errors"
	"fmt"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
	"github.com/bhytdoc/bhytdoc/internal/tablefit"
)

// annex lays out an annex: label, title, reference and its table, on
// pages of its own with the header rows repeated on each. A row taller
// than a page is split across pages line by line.
func (l *layout) annex(a *ir.Annex) error {
	g, err := l.fitAnnex(a)
	if err != nil {
		return err
	}
	landscape := g.Landscape
	pw := pagespec.PageW
	ph := pagespec.PageH
	if landscape {
		pw, ph = pagespec.PageH, pagespec.PageW
	}
	ml := l.set.MarginLeft
	aw := pw - ml - l.set.MarginRight
	cx := ml + aw/2
	first := Page{Landscape: landscape}
	tlh := l.font(pagespec.AnnexTitle).Size * pagespec.SingleSpacing * pagespec.PtToMM
	y := l.set.MarginTop + 0.8*l.font(pagespec.AnnexLabel).Size*pagespec.PtToMM
	if a.Label.S != "" {
		y, _ = l.centredWrapped(&first, a.Label, l.font(pagespec.AnnexLabel), cx, aw, y, l.font(pagespec.AnnexLabel).Size*pagespec.SingleSpacing*pagespec.PtToMM)
		y += tlh
	}
	y, _ = l.centredWrapped(&first, a.Title, l.font(pagespec.AnnexTitle), cx, aw, y, tlh)
	y += tlh
	var w float64
	y, w = l.centredWrapped(&first, a.Reference, l.font(pagespec.AnnexReference), cx, aw, y, tlh)
	gap := l.ruleGap(l.font(pagespec.AnnexReference))
	l.rule(&first, cx, y+gap, w*pagespec.RuleRatio)
	y += gap + tlh*0.6

	// The table starts at the left margin, centred when narrower.
	tw := 0.0
	for _, w := range g.Widths {
		tw += w
	}
	x0 := ml + (aw-tw)/2
	head := l.headerOps(&a.Table, g, x0)
	headH := 0.0
	for _, h := range g.HeadH {
		headH += h
	}
	limit := ph - l.set.MarginBottom
	top := l.set.MarginTop + 4 // the table's top on later pages
	lh := g.Size * pagespec.SingleSpacing * pagespec.PtToMM
	// The header is repeated on every page; half a page leaves the rows
	// room to advance.
	if maxH := (limit - top) / 2; headH > maxH {
		return &OverflowError{Field: a.Table.Field + ".Header",
			Msg: fmt.Sprintf("the header rows are %.0f mm tall at these column widths, more than half a page (%.0f mm): shorten the header text or widen its columns", headH, maxH)}
	}
	room := limit - top - headH // for rows on a page of their own
	pages := []Page{first}
	place := func(p *Page, ops []Op, dy float64) {
		for _, o := range ops {
			o.Y += dy
			p.Ops = append(p.Ops, o)
		}
	}
	onPage := 0 // rows on the current page
	newPage := func() {
		pages = append(pages, Page{Landscape: landscape})
		y = top
		place(&pages[len(pages)-1], head, y)
		y += headH
		onPage = 0
	}
	rows := len(a.Table.Rows)
	if l.fitsPages(g, room) {
		// Every row fits a page: the fitter plans the breaks.
		breaks := g.Split(limit-y-headH, room)
		if len(breaks) > 0 && breaks[0] == 0 {
			pages = append(pages, Page{Landscape: landscape})
			y = top
			breaks = breaks[1:]
		}
		place(&pages[len(pages)-1], head, y)
		y += headH
		for r := 0; r <= rows; r++ {
			cells, h, bold := a.Table.Totals, g.TotalsH, true
			if r < rows {
				cells, h, bold = a.Table.Rows[r], g.RowH[r], false
			} else if len(cells) == 0 {
				break
			}
			if len(breaks) > 0 && breaks[0] == r {
				newPage()
				breaks = breaks[1:]
			}
			place(&pages[len(pages)-1], l.rowOps(&a.Table, g, x0, cells, h, bold), y)
			y += h
		}
		l.addPageNumbers(pages)
		l.pages = append(l.pages, pages...)
		return nil
	}
	firstH := g.TotalsH
	if rows > 0 {
		firstH = g.RowH[0]
	}
	if y+headH+min(firstH, lh+2*pagespec.CellVPad) > limit {
		// Not even a line of the first row fits under the title: the
		// table starts on the next page rather than leave its header alone.
		pages = append(pages, Page{Landscape: landscape})
		y = top
	}
	place(&pages[len(pages)-1], head, y)
	y += headH
	for r := 0; r <= rows; r++ {
		var cells []ir.Text
		var h float64
		bold := false
		if r < rows {
			cells, h = a.Table.Rows[r], g.RowH[r]
		} else if len(a.Table.Totals) > 0 {
			cells, h, bold = a.Table.Totals, g.TotalsH, true
		} else {
			break
		}
		need := h
		if len(a.Table.Totals) > 0 && r < rows && r >= rows-2 {
			// The totals row never stands alone under a repeated header:
			// the last two body rows go with it when a page holds them.
			if tail := sum(g.RowH[r:]) + g.TotalsH; tail <= room {
				need = tail
			}
		}
		if h > room || (onPage == 0 && y+h > limit) {
			// Taller than the room a page has: split it by lines.
			l.splitRow(&a.Table, g, x0, cells, bold, &y, limit, func(ops []Op) {
				place(&pages[len(pages)-1], ops, 0)
			}, newPage)
			onPage++
			continue
		}
		if y+need > limit && onPage > 0 {
			newPage()
		}
		place(&pages[len(pages)-1], l.rowOps(&a.Table, g, x0, cells, h, bold), y)
		y += h
		onPage++
	}
	l.addPageNumbers(pages)
	l.pages = append(l.pages, pages...)
	return nil
}

// fitsPages reports that no row of g is taller than room.
func (l *layout) fitsPages(g *tablefit.Layout, room float64) bool {
	for _, h := range g.RowH {
		if h > room {
			return false
		}
	}
	return g.TotalsH <= room
}

// splitRow draws a row that does not fit where it starts: as many lines
// of every cell as fit under *y, then the rest on following pages (each
// with the header), every part boxed and its text top-aligned.
func (l *layout) splitRow(t *ir.Table, g *tablefit.Layout, x0 float64, cells []ir.Text, bold bool, y *float64, limit float64, emit func([]Op), newPage func()) {
	st := l.font(pagespec.TableBody).Style
	if bold {
		st = l.font(pagespec.TableTotals).Style
	}
	lh := g.Size * pagespec.SingleSpacing * pagespec.PtToMM
	lines := make([][]line, len(cells))
	left := 0
	for c, cell := range cells {
		if cell.S != "" {
			lines[c] = l.m.wrap([]ir.Span{{S: cell.S, Style: st}}, g.Size, g.Widths[c]-2*pagespec.CellPad, g.Widths[c]-2*pagespec.CellPad)
		}
		left = max(left, len(lines[c]))
	}
	done := 0
	for {
		k := min(int((limit-*y-2*pagespec.CellVPad)/lh), left-done)
		if k < 1 {
			newPage()
			continue
		}
		h := float64(k)*lh + 2*pagespec.CellVPad
		var ops []Op
		x := x0
		for c := range cells {
			w := g.Widths[c]
			ops = append(ops, Op{Kind: OpRect, X: x, Y: *y, W: w, H: h})
			for i := done; i < done+k && i < len(lines[c]); i++ {
				base := *y + pagespec.CellVPad + float64(i-done)*lh + 0.8*g.Size*pagespec.PtToMM + (lh-g.Size*pagespec.PtToMM)/2
				ops = append(ops, l.m.placeLine(lines[c][i], x+pagespec.CellPad, base, w-2*pagespec.CellPad, g.Size, cellAlign(t, c))...)
			}
			x += w
		}
		emit(ops)
		*y += h
		done += k
		if done >= left {
			return
		}
		newPage()
	}
}

// cellAlign is the alignment of body cells in column c.
func cellAlign(t *ir.Table, c int) align {
	switch t.Align[c] {
	case ir.Center:
		return alignCenter
	case ir.Right:
		return alignRight
	}
	return alignLeft
}

// faces measures with the document's faces for package tablefit.
func (l *layout) faces() tablefit.Faces { return tablefit.Faces(l.m.faces) }

// fitAnnex fits an annex's table; widths set by hand that leave the other
// columns too little room are an error naming the column.
func (l *layout) fitAnnex(a *ir.Annex) (*tablefit.Layout, error) {
	return fitErr(tablefit.Annex(a, l.set, l.faces()))
}

func fitErr(g *tablefit.Layout, err error) (*tablefit.Layout, error) {
	var we *tablefit.WidthError
	if errors.As(err, &we) {
		return nil, &OverflowError{Field: we.Field, Msg: we.Msg}
	}
	return g, err
}

// eachHeaderCell calls fn with every header cell, placed by the model.
func eachHeaderCell(t *ir.Table, fn func(r, col int, cell ir.Cell)) {
	for _, row := range t.Header {
		for _, c := range row {
			fn(c.Row, c.Col, c)
		}
	}
}

// headerOps draws the header rows with their top at y = 0.
func (l *layout) headerOps(t *ir.Table, g *tablefit.Layout, x0 float64) []Op {
	var ops []Op
	xs := make([]float64, len(g.Widths)+1)
	xs[0] = x0
	for c, w := range g.Widths {
		xs[c+1] = xs[c] + w
	}
	ys := make([]float64, len(g.HeadH)+1)
	for r, h := range g.HeadH {
		ys[r+1] = ys[r] + h
	}
	eachHeaderCell(t, func(r, col int, cell ir.Cell) {
		x, w := xs[col], xs[col+cell.ColSpan]-xs[col]
		y, h := ys[r], ys[r+cell.RowSpan]-ys[r]
		ops = append(ops, Op{Kind: OpRect, X: x, Y: y, W: w, H: h})
		ops = append(ops, l.cellText(cell.Text.S, l.font(pagespec.TableHeader).Style, g.Size, x, y, w, h, alignCenter)...)
	})
	return ops
}

// rowOps draws one body or totals row with its top at y = 0.
func (l *layout) rowOps(t *ir.Table, g *tablefit.Layout, x0 float64, cells []ir.Text, h float64, bold bool) []Op {
	var ops []Op
	st := l.font(pagespec.TableBody).Style
	if bold {
		st = l.font(pagespec.TableTotals).Style
	}
	x := x0
	for c, cell := range cells {
		w := g.Widths[c]
		ops = append(ops, Op{Kind: OpRect, X: x, Y: 0, W: w, H: h})
		ops = append(ops, l.cellText(cell.S, st, g.Size, x, 0, w, h, cellAlign(t, c))...)
		x += w
	}
	return ops
}

// cellText wraps s inside the cell box and centres it vertically.
func (l *layout) cellText(s string, st ir.Style, size, x, y, w, h float64, a align) []Op {
	if s == "" {
		return nil
	}
	lh := size * pagespec.SingleSpacing * pagespec.PtToMM
	lines := l.m.wrap([]ir.Span{{S: s, Style: st}}, size, w-2*pagespec.CellPad, w-2*pagespec.CellPad)
	top := y + (h-float64(len(lines))*lh)/2
	var ops []Op
	for i, ln := range lines {
		base := top + float64(i)*lh + 0.8*size*pagespec.PtToMM + (lh-size*pagespec.PtToMM)/2
		ops = append(ops, l.m.placeLine(ln, x+pagespec.CellPad, base, w-2*pagespec.CellPad, size, a)...)
	}
	return ops
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
