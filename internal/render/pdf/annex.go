package pdf

import (
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// The fitting rules of the layout before package tablefit; they go with it.
const (
	maxHeadLines   = 4
	sizeTableUsual = 12
)

// tableGeom is a table laid out for one page width.
type tableGeom struct {
	size    float64
	widths  []float64
	headH   []float64 // height of each header row
	rowH    []float64
	totalsH float64
}

// annex lays out an annex: label, title, reference and its table, on
// pages of its own with the header rows repeated on each. A row taller
// than a page is split across pages line by line.
func (l *layout) annex(a *ir.Annex) error {
	g, landscape, err := l.annexGeom(a)
	if err != nil {
		return err
	}
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
	for _, w := range g.widths {
		tw += w
	}
	x0 := ml + (aw-tw)/2
	head := l.headerOps(&a.Table, g, x0)
	headH := 0.0
	for _, h := range g.headH {
		headH += h
	}
	limit := ph - l.set.MarginBottom
	top := l.set.MarginTop + 4 // the table's top on later pages
	lh := g.size * pagespec.SingleSpacing * pagespec.PtToMM
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
	firstH := g.totalsH
	if rows > 0 {
		firstH = g.rowH[0]
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
			cells, h = a.Table.Rows[r], g.rowH[r]
		} else if len(a.Table.Totals) > 0 {
			cells, h, bold = a.Table.Totals, g.totalsH, true
		} else {
			break
		}
		need := h
		if len(a.Table.Totals) > 0 && r < rows && r >= rows-2 {
			// The totals row never stands alone under a repeated header:
			// the last two body rows go with it when a page holds them.
			if tail := sum(g.rowH[r:]) + g.totalsH; tail <= room {
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

// splitRow draws a row that does not fit where it starts: as many lines
// of every cell as fit under *y, then the rest on following pages (each
// with the header), every part boxed and its text top-aligned.
func (l *layout) splitRow(t *ir.Table, g tableGeom, x0 float64, cells []ir.Text, bold bool, y *float64, limit float64, emit func([]Op), newPage func()) {
	st := ir.Regular
	if bold {
		st = ir.Bold
	}
	lh := g.size * pagespec.SingleSpacing * pagespec.PtToMM
	lines := make([][]line, len(cells))
	left := 0
	for c, cell := range cells {
		if cell.S != "" {
			lines[c] = l.m.wrap([]ir.Span{{S: cell.S, Style: st}}, g.size, g.widths[c]-2*pagespec.CellPad, g.widths[c]-2*pagespec.CellPad)
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
			w := g.widths[c]
			ops = append(ops, Op{Kind: OpRect, X: x, Y: *y, W: w, H: h})
			for i := done; i < done+k && i < len(lines[c]); i++ {
				base := *y + pagespec.CellVPad + float64(i-done)*lh + 0.8*g.size*pagespec.PtToMM + (lh-g.size*pagespec.PtToMM)/2
				ops = append(ops, l.m.placeLine(lines[c][i], x+pagespec.CellPad, base, w-2*pagespec.CellPad, g.size, cellAlign(t, c))...)
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

// annexGeom decides an annex's orientation and table geometry: portrait
// when the body rows fit on one line each at a usual table size (12–13
// pt); otherwise landscape, as officials print wide annexes, shrinking the
// font there only if the columns cannot fit. Widths set by hand that leave
// the other columns too little room are an error naming the column, not
// a reason to shrink the font.
func (l *layout) annexGeom(a *ir.Annex) (g tableGeom, landscape bool, err error) {
	landscape = a.Landscape
	ok := false
	if !landscape {
		g, ok = l.tableGeom(&a.Table, l.areaW(false), sizeTableUsual, true)
		landscape = !ok
	}
	if landscape {
		g, ok = l.tableGeom(&a.Table, l.areaW(true), sizeTableUsual, false)
		if !ok {
			if err := l.handWidths(&a.Table, l.areaW(true)); err != nil {
				return g, landscape, err
			}
			g, _ = l.tableGeom(&a.Table, l.areaW(true), pagespec.TableSizeFloor, false)
		}
	}
	return g, landscape, nil
}

// handWidths reports the widest hand-set column of t when the set widths
// are why t does not fit avail at the usual table size: the other
// columns' longest words would fit the page on their own, but not beside
// the set widths.
func (l *layout) handWidths(t *ir.Table, avail float64) error {
	minW, _ := l.contentWidths(t, sizeTableUsual)
	set, need, widest := 0.0, 0.0, -1
	for c, w := range t.Width {
		if w > 0 {
			set += w
			if widest < 0 || w > t.Width[widest] {
				widest = c
			}
		} else {
			need += max(minW[c], pagespec.MinColW)
		}
	}
	if widest < 0 || need > avail || set+need <= avail+1e-9 {
		return nil
	}
	page := "a landscape page"
	if avail < l.areaW(true) {
		page = "the page"
	}
	return &OverflowError{Field: fmt.Sprintf("%s.Columns[%d].Width", t.Field, widest),
		Msg: fmt.Sprintf("the widths set by hand total %.0f mm and the other columns need %.0f mm for their longest words at %d pt: more than the %.0f mm of %s; narrow this column or leave its width unset", set, need, sizeTableUsual, avail, page)}
}

func (l *layout) areaW(landscape bool) float64 {
	if landscape {
		return pagespec.PageH - l.set.MarginLeft - l.set.MarginRight
	}
	return pagespec.PageW - l.set.MarginLeft - l.set.MarginRight
}

// tableGeom fits the columns into avail mm, shrinking the font from
// pagespec.TableSize down to smallest if needed. ok is false when even that size
// would need words cut or, with noWrap, body cells wrapped.
func (l *layout) tableGeom(t *ir.Table, avail, smallest float64, noWrap bool) (tableGeom, bool) {
	for size := float64(pagespec.TableSize); size >= smallest; size-- {
		if g, fits, unwrapped := l.fit(t, avail, size); fits && (unwrapped || !noWrap) {
			return g, true
		}
	}
	g, fits, unwrapped := l.fit(t, avail, smallest)
	return g, fits && (unwrapped || !noWrap)
}

// contentWidths returns each column's min-content width (its longest word
// in the body, totals and one-column header cells) and max-content width
// (its longest body or totals cell on one line), padding included, at size.
func (l *layout) contentWidths(t *ir.Table, size float64) (minW, natW []float64) {
	n := len(t.Align)
	minW = make([]float64, n)
	natW = make([]float64, n)
	measure := func(c int, s string, st ir.Style) {
		natW[c] = max(natW[c], l.m.w(s, st, size)+2*pagespec.CellPad)
		for _, w := range strings.Fields(s) {
			minW[c] = max(minW[c], l.m.w(w, st, size)+2*pagespec.CellPad)
		}
	}
	for _, row := range t.Rows {
		for c, cell := range row {
			measure(c, cell.S, ir.Regular)
		}
	}
	for c, cell := range t.Totals {
		measure(c, cell.S, ir.Bold)
	}
	eachHeaderCell(t, func(_, col int, cell ir.Cell) {
		if cell.ColSpan == 1 {
			// Header words may wrap; only their longest word counts here.
			for _, w := range strings.Fields(cell.Text.S) {
				minW[col] = max(minW[col], l.m.w(w, ir.Bold, size)+2*pagespec.CellPad)
			}
		}
	})
	return minW, natW
}

// headWidths returns, per column, the width its one-column header cells
// need to wrap to at most maxHeadLines lines at size (0 for none).
func (l *layout) headWidths(t *ir.Table, size float64) []float64 {
	out := make([]float64, len(t.Align))
	lines := func(s string, w float64) int {
		return len(l.m.wrap([]ir.Span{{S: s, Style: ir.Bold}}, size, w-2*pagespec.CellPad, w-2*pagespec.CellPad))
	}
	eachHeaderCell(t, func(_, col int, cell ir.Cell) {
		s := cell.Text.S
		if cell.ColSpan != 1 || s == "" {
			return
		}
		hi := l.m.w(s, ir.Bold, size) + 2*pagespec.CellPad // one line
		lo := 0.0
		for _, w := range strings.Fields(s) {
			lo = max(lo, l.m.w(w, ir.Bold, size)+2*pagespec.CellPad)
		}
		if lines(s, lo) <= maxHeadLines {
			out[col] = max(out[col], lo)
			return
		}
		// Bisect to within 0.1 mm: the fewest lines fall as w grows.
		for hi-lo > 0.1 {
			if mid := (lo + hi) / 2; lines(s, mid) <= maxHeadLines {
				hi = mid
			} else {
				lo = mid
			}
		}
		out[col] = max(out[col], hi)
	})
	return out
}

// fit computes column widths at size, like a browser's automatic table
// layout: every column gets at least its longest word (and, where the
// page allows, room for its header in maxHeadLines lines), and the rest of
// avail is shared in proportion to how much text each column holds, so
// that a name column is wide and a numeric one keeps its numbers on one
// line. fits reports that no word needs cutting; unwrapped that every
// body cell fits on one line.
func (l *layout) fit(t *ir.Table, avail, size float64) (g tableGeom, fits, unwrapped bool) {
	n := len(t.Align)
	minW, natW := l.contentWidths(t, size)
	hw := l.headWidths(t, size)
	// natB is each column with its body on one line; whether they all fit
	// decides the orientation, so a header's wish for fewer lines never
	// turns a page.
	natB := make([]float64, n)
	withHead, sumNatB := 0.0, 0.0
	for c := range n {
		natB[c] = max(natW[c], minW[c])
		if t.Width[c] > 0 {
			natB[c] = t.Width[c]
			withHead += t.Width[c]
		} else {
			withHead += max(minW[c], hw[c])
		}
		sumNatB += natB[c]
	}
	unwrapped = sumNatB <= avail+1e-9
	if withHead <= avail+1e-9 {
		for c := range n {
			minW[c] = max(minW[c], hw[c])
		}
	}
	fixed, sumFixed := 0, 0.0
	for c := range n {
		if t.Width[c] > 0 {
			minW[c], natW[c] = t.Width[c], t.Width[c]
			fixed++
			sumFixed += t.Width[c]
		}
		natW[c] = max(natW[c], minW[c])
	}
	sumMin, sumNat := 0.0, 0.0
	for c := range n {
		sumMin += minW[c]
		sumNat += natW[c]
	}
	widths := make([]float64, n)
	ok := sumMin <= avail+1e-9
	switch {
	case fixed == n:
		copy(widths, natW)
	case sumNat <= avail:
		// Everything fits on one line: spread the spare room over the
		// columns that are not fixed, in proportion to their content.
		spare := avail - sumNat
		flex := sumNat - sumFixed
		for c := range n {
			widths[c] = natW[c]
			if t.Width[c] == 0 && flex > 0 {
				widths[c] += spare * natW[c] / flex
			}
		}
	case unwrapped:
		// The body fits on one line but not beside headers of at most
		// maxHeadLines: the body keeps its line and the spare room goes
		// to the headers that want more, in proportion to their want.
		spare, want := avail-sumNatB, 0.0
		for c := range n {
			if t.Width[c] == 0 {
				want += max(0, hw[c]-natB[c])
			}
		}
		for c := range n {
			widths[c] = natB[c]
			if t.Width[c] == 0 && want > 0 {
				widths[c] += spare * max(0, hw[c]-natB[c]) / want
			}
		}
	case ok:
		spare := avail - sumMin
		give := sumNat - sumMin
		for c := range n {
			widths[c] = minW[c] + spare*(natW[c]-minW[c])/give
		}
	default:
		// Some word must be cut by character anyway. Set widths stay;
		// the other columns share the rest in proportion to their longest
		// word, none narrower than pagespec.MinColW, so that a single long token
		// cannot squeeze its neighbours to nothing.
		flexAvail, flexMin, nFlex := avail-sumFixed, 0.0, 0.0
		for c := range n {
			if t.Width[c] == 0 {
				minW[c] = max(minW[c], pagespec.MinColW)
				flexMin += minW[c]
				nFlex++
			}
		}
		k := 0.0
		if d := flexMin - nFlex*pagespec.MinColW; d > 0 {
			k = max(0, (flexAvail-nFlex*pagespec.MinColW)/d)
		}
		for c := range n {
			widths[c] = t.Width[c]
			if t.Width[c] == 0 {
				widths[c] = pagespec.MinColW + k*(minW[c]-pagespec.MinColW)
			}
		}
	}
	g = tableGeom{size: size, widths: widths}
	lh := size * pagespec.SingleSpacing * pagespec.PtToMM
	cellH := func(s string, st ir.Style, w float64) float64 {
		lines := l.m.wrap([]ir.Span{{S: s, Style: st}}, size, w-2*pagespec.CellPad, w-2*pagespec.CellPad)
		return float64(len(lines))*lh + 2*pagespec.CellVPad
	}
	g.headH = make([]float64, len(t.Header))
	type spanned struct {
		r, rs int
		h     float64
	}
	var tall []spanned
	eachHeaderCell(t, func(r, col int, cell ir.Cell) {
		w := 0.0
		for c := col; c < col+cell.ColSpan; c++ {
			w += widths[c]
		}
		h := cellH(cell.Text.S, ir.Bold, w)
		if cell.RowSpan == 1 {
			g.headH[r] = max(g.headH[r], h)
		} else {
			tall = append(tall, spanned{r, cell.RowSpan, h})
		}
	})
	for r := range g.headH {
		g.headH[r] = max(g.headH[r], lh+2*pagespec.CellVPad)
	}
	for _, s := range tall {
		have := 0.0
		for r := s.r; r < s.r+s.rs; r++ {
			have += g.headH[r]
		}
		if s.h > have {
			g.headH[s.r+s.rs-1] += s.h - have
		}
	}
	rowH := func(cells []ir.Text, st ir.Style) float64 {
		h := lh + 2*pagespec.CellVPad
		for c, cell := range cells {
			h = max(h, cellH(cell.S, st, widths[c]))
		}
		return h
	}
	g.rowH = make([]float64, len(t.Rows))
	for r, row := range t.Rows {
		g.rowH[r] = rowH(row, ir.Regular)
	}
	if len(t.Totals) > 0 {
		g.totalsH = rowH(t.Totals, ir.Bold)
	}
	return g, ok, unwrapped
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
func (l *layout) headerOps(t *ir.Table, g tableGeom, x0 float64) []Op {
	var ops []Op
	xs := make([]float64, len(g.widths)+1)
	xs[0] = x0
	for c, w := range g.widths {
		xs[c+1] = xs[c] + w
	}
	ys := make([]float64, len(g.headH)+1)
	for r, h := range g.headH {
		ys[r+1] = ys[r] + h
	}
	eachHeaderCell(t, func(r, col int, cell ir.Cell) {
		x, w := xs[col], xs[col+cell.ColSpan]-xs[col]
		y, h := ys[r], ys[r+cell.RowSpan]-ys[r]
		ops = append(ops, Op{Kind: OpRect, X: x, Y: y, W: w, H: h})
		ops = append(ops, l.cellText(cell.Text.S, ir.Bold, g.size, x, y, w, h, alignCenter)...)
	})
	return ops
}

// rowOps draws one body or totals row with its top at y = 0.
func (l *layout) rowOps(t *ir.Table, g tableGeom, x0 float64, cells []ir.Text, h float64, bold bool) []Op {
	var ops []Op
	st := ir.Regular
	if bold {
		st = ir.Bold
	}
	x := x0
	for c, cell := range cells {
		w := g.widths[c]
		ops = append(ops, Op{Kind: OpRect, X: x, Y: 0, W: w, H: h})
		ops = append(ops, l.cellText(cell.S, st, g.size, x, 0, w, h, cellAlign(t, c))...)
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
