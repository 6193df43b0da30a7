package tablefit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// Page is the room a table has on a page of one orientation, in mm.
type Page struct {
	W     float64 // width
	First float64 // height under the title on the table's first page
}

// Options say where a table may go.
type Options struct {
	Portrait, Landscape Page
	// Orient restricts the orientations tried: a table in the body of a
	// document stays on its portrait pages, an annex the author set
	// landscape stays landscape.
	Orient Orient
}

// Orient is which page orientations Fit may choose.
type Orient int

// Orientations.
const (
	Any Orient = iota
	PortraitOnly
	LandscapeOnly
)

// Layout is a fitted table.
type Layout struct {
	Landscape bool
	Size      float64   // table font size, pt
	Widths    []float64 // column widths, mm, padding included
	HeadH     []float64 // height of each header row
	RowH      []float64 // height of each body row
	TotalsH   float64   // height of the totals row (0: none)
	// OnePage reports that the whole table fits the first page.
	OnePage bool
}

// HeadHeight is the height of all header rows.
func (l *Layout) HeadHeight() float64 { return sum(l.HeadH) }

// Width is the table's width.
func (l *Layout) Width() float64 { return sum(l.Widths) }

// Height is the table's height on one page.
func (l *Layout) Height() float64 { return sum(l.HeadH) + sum(l.RowH) + l.TotalsH }

// WidthError reports widths set by hand that leave the other columns too
// little room; Field names the widest set column.
type WidthError struct {
	Field string
	Msg   string
}

func (e *WidthError) Error() string { return e.Field + ": " + e.Msg }

// pad is the room a column needs beyond its text: cell padding and the
// slack that keeps a word processor from breaking a number.
const pad = 2*pagespec.CellPad + pagespec.CellSlack

// Fit lays t out. w measures text at 1 pt. The error, a *WidthError, is
// returned only when hand-set widths are why the table does not fit.
func Fit(t *ir.Table, w WidthFunc, o Options) (*Layout, error) {
	m := prepare(t, w)
	type cand struct {
		landscape bool
		size      float64
	}
	var strict []cand
	if o.Orient != LandscapeOnly {
		strict = append(strict, cand{false, pagespec.TableSize})
	}
	if o.Orient == PortraitOnly {
		for s := float64(pagespec.TableSize - 1); s >= pagespec.TableSizeMin; s-- {
			strict = append(strict, cand{false, s})
		}
	} else {
		for s := float64(pagespec.TableSize); s >= pagespec.TableSizeMin; s-- {
			strict = append(strict, cand{true, s})
		}
	}
	page := func(c cand) Page {
		if c.landscape {
			return o.Landscape
		}
		return o.Portrait
	}
	// One page: the first candidate whose columns fit with headers of at
	// most MaxHeadLines lines and whose rows all fit under the title.
	for _, c := range strict {
		p := page(c)
		widths, _, ok := m.widths(c.size, p.W, true)
		if ok {
			if l, one := m.heights(widths, c.size, p.First); one {
				l.Landscape = c.landscape
				return l, nil
			}
		}
	}
	// Split: portrait only while the body keeps one line a row, else the
	// first candidate whose columns fit, then with headers allowed more
	// lines; last, the floor size with words cut.
	for pass := 0; pass < 2; pass++ {
		for _, c := range strict {
			p := page(c)
			widths, unwrapped, ok := m.widths(c.size, p.W, pass == 0)
			if !ok || (!c.landscape && o.Orient == Any && !unwrapped) {
				continue
			}
			l, _ := m.heights(widths, c.size, -1)
			l.Landscape = c.landscape
			return l, nil
		}
	}
	last := strict[len(strict)-1]
	p := page(last)
	if err := m.handWidths(p.W, last.landscape); err != nil {
		return nil, err
	}
	size := float64(pagespec.TableSizeFloor)
	l, _ := m.heights(m.cutWidths(size, p.W), size, -1)
	l.Landscape = last.landscape
	return l, nil
}

// model is a table measured once at 1 pt.
type model struct {
	t      *ir.Table
	w      WidthFunc
	n      int
	head   []text // header cells, in eachHeader order
	cells  []ir.Cell
	rows   [][]text
	totals []text
	long   []float64 // longest body/totals word per column
	full   []float64 // widest body/totals cell on one line per column
	num    []bool    // every body cell is a number
}

func prepare(t *ir.Table, w WidthFunc) *model {
	n := len(t.Align)
	m := &model{t: t, w: w, n: n, long: make([]float64, n), full: make([]float64, n), num: make([]bool, n)}
	var a arena
	cells := 0
	for _, row := range t.Rows {
		cells += len(row)
	}
	a.words = make([]float64, 0, 2*cells)
	a.seps = make([]float64, 0, 2*cells)
	a.dash = make([]bool, 0, 2*cells)
	all := make([]text, 0, cells)
	seen := make([]bool, n)
	for c := range m.num {
		m.num[c] = true
	}
	add := func(c int, x text) {
		m.long[c] = max(m.long[c], x.long)
		m.full[c] = max(m.full[c], x.full)
	}
	m.rows = make([][]text, len(t.Rows))
	for r, row := range t.Rows {
		k := len(all)
		for c, cell := range row {
			if c >= n {
				break
			}
			x := a.measure(cell.S, tableStyle(pagespec.TableBody), w)
			all = append(all, x)
			add(c, x)
			if cell.S != "" {
				seen[c] = true
				m.num[c] = m.num[c] && numeric(cell.S)
			}
		}
		m.rows[r] = all[k:len(all):len(all)]
	}
	m.totals = make([]text, len(t.Totals))
	for c, cell := range t.Totals {
		if c >= n {
			break
		}
		x := measure(cell.S, tableStyle(pagespec.TableTotals), w)
		m.totals[c] = x
		add(c, x)
	}
	for c := range m.num {
		m.num[c] = m.num[c] && seen[c]
	}
	for _, hr := range t.Header {
		for _, cell := range hr {
			m.cells = append(m.cells, cell)
			m.head = append(m.head, measure(cell.Text.S, tableStyle(pagespec.TableHeader), w))
		}
	}
	return m
}

// numeric reports whether s is a number as tables print them: digits with
// "." and "," separators, a sign, a percent sign.
func numeric(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == '.' || r == ',' || r == '%' || r == '-' || r == '+' || r == '−':
		default:
			return false
		}
	}
	return digits
}

// headWidth is the narrowest width (padding included) at which header
// text x wraps to at most MaxHeadLines lines at size.
func (m *model) headWidth(x *text, size float64) float64 {
	return m.headWidthN(x, size, pagespec.MaxHeadLines)
}

// headWidthN is the narrowest width at which x wraps to at most n lines.
func (m *model) headWidthN(x *text, size float64, n int) float64 {
	lo := x.long*size + pad
	if x.lines(size, lo-pad, m.w) <= n {
		return lo
	}
	hi := x.full*size + pad
	for hi-lo > 0.1 {
		mid := (lo + hi) / 2
		if x.lines(size, mid-pad, m.w) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

func (m *model) set(c int) float64 {
	if c < len(m.t.Width) {
		return m.t.Width[c]
	}
	return 0
}

// widths fits the columns into avail at size. ok is false when they do
// not fit without cutting a word (or, with heads, without a header cell
// over MaxHeadLines lines); unwrapped reports every body cell on one line.
func (m *model) widths(size, avail float64, heads bool) (widths []float64, unwrapped, ok bool) {
	n := m.n
	need := make([]float64, n) // min-content, header rule included
	natB := make([]float64, n) // max-content of the body
	for c := range n {
		need[c] = m.long[c]*size + pad
	}
	for k, cell := range m.cells {
		x := &m.head[k]
		if cell.ColSpan != 1 || cell.Col < 0 || cell.Col >= n {
			continue
		}
		if heads {
			need[cell.Col] = max(need[cell.Col], m.headWidth(x, size))
		} else {
			need[cell.Col] = max(need[cell.Col], x.long*size+pad)
		}
	}
	for c := range n {
		if s := m.set(c); s > 0 {
			need[c] = s
		}
	}
	if heads {
		// A group header spanning columns gets its lines from the
		// columns under it: widen the free ones if it needs more.
		for k, cell := range m.cells {
			if cell.ColSpan < 2 || cell.Col < 0 || cell.Col+cell.ColSpan > n {
				continue
			}
			hw := m.headWidth(&m.head[k], size)
			have, free := 0.0, 0.0
			for c := cell.Col; c < cell.Col+cell.ColSpan; c++ {
				have += need[c]
				if m.set(c) == 0 {
					free += need[c]
				}
			}
			if hw > have && free > 0 {
				k := (hw - have) / free
				for c := cell.Col; c < cell.Col+cell.ColSpan; c++ {
					if m.set(c) == 0 {
						need[c] += need[c] * k
					}
				}
			}
		}
	}
	sumNeed, sumNat := 0.0, 0.0
	for c := range n {
		natB[c] = max(need[c], m.full[c]*size+pad)
		if m.set(c) > 0 {
			natB[c] = need[c]
		}
		sumNeed += need[c]
		sumNat += natB[c]
	}
	if sumNeed > avail+1e-9 {
		return need, false, false
	}
	widths = make([]float64, n)
	if sumNat <= avail+1e-9 {
		// Every body cell on one line; what is left first shortens the
		// headers that wrap, then widens the text columns.
		copy(widths, natB)
		spare := m.shortenHeads(widths, avail-sumNat, size)
		give(widths, spare, func(c int) float64 {
			if m.set(c) > 0 || m.num[c] {
				return 0
			}
			return natB[c] * 1e9 // no cap: proportional to content
		})
		return widths, true, true
	}
	// Text must wrap: the room beyond the minimum goes to the columns
	// whose text is longer than their minimum, in proportion to it;
	// numeric columns keep their widest number.
	copy(widths, need)
	give(widths, avail-sumNeed, func(c int) float64 { return natB[c] - need[c] })
	return widths, false, true
}

// shortenHeads spends spare on header cells that wrap: first on the
// fewest lines every header can have at once (balanced headers), then,
// the cheapest first, on fewer lines for single headers; it returns what
// is left.
func (m *model) shortenHeads(widths []float64, spare, size float64) float64 {
	n := len(widths)
	want := func(lines int) []float64 {
		d := make([]float64, n)
		for k, cell := range m.cells {
			if c := cell.Col; cell.ColSpan == 1 && c >= 0 && c < n && m.set(c) == 0 {
				d[c] = max(d[c], m.headWidthN(&m.head[k], size, lines)-widths[c])
			}
		}
		return d
	}
	all := pagespec.MaxHeadLines
	for lines := 1; lines < pagespec.MaxHeadLines; lines++ {
		if d := want(lines); sum(d) <= spare {
			for c := range widths {
				widths[c] += max(0, d[c])
			}
			spare -= sum(d)
			all = lines
			break
		}
	}
	order := make([]int, 0, n)
	for lines := all - 1; lines >= 1 && spare > 0; lines-- {
		d := want(lines)
		order = order[:0]
		for c := range d {
			if d[c] > 0 {
				order = append(order, c)
			}
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(d[a], d[b]) })
		for _, c := range order {
			if d[c] <= spare {
				widths[c] += d[c]
				spare -= d[c]
			}
		}
	}
	// Headers that still wrap share what is left, in proportion to what
	// they lack for one line: a header too long for MaxHeadLines lines
	// takes as few as the page allows.
	one := make([]float64, n)
	for k, cell := range m.cells {
		if c := cell.Col; cell.ColSpan == 1 && c >= 0 && c < n && m.set(c) == 0 {
			one[c] = max(one[c], m.head[k].full*size+pad-widths[c])
		}
	}
	return give(widths, spare, func(c int) float64 { return max(0, one[c]) })
}

// give shares spare among the columns in proportion to want(c), giving
// none more than it wants, and returns what is left.
func give(widths []float64, spare float64, want func(c int) float64) float64 {
	total := 0.0
	wants := make([]float64, len(widths))
	for c := range widths {
		wants[c] = want(c)
		total += wants[c]
	}
	if total <= 0 || spare <= 0 {
		return spare
	}
	f := min(1, spare/total)
	for c := range widths {
		widths[c] += wants[c] * f
	}
	return spare - total*f
}

// cutWidths is the last resort: set widths stay; the other columns share
// the rest in proportion to their longest word, none narrower than
// MinColW, so that one long token cannot squeeze its neighbours to nothing.
func (m *model) cutWidths(size, avail float64) []float64 {
	n := m.n
	minW := make([]float64, n)
	for c := range n {
		minW[c] = m.long[c]*size + pad
	}
	for k, cell := range m.cells {
		if cell.ColSpan == 1 && cell.Col >= 0 && cell.Col < n {
			minW[cell.Col] = max(minW[cell.Col], m.head[k].long*size+pad)
		}
	}
	sumFixed, flexMin, nFlex := 0.0, 0.0, 0.0
	for c := range n {
		if s := m.set(c); s > 0 {
			sumFixed += s
			continue
		}
		minW[c] = max(minW[c], pagespec.MinColW)
		flexMin += minW[c]
		nFlex++
	}
	k := 0.0
	if d := flexMin - nFlex*pagespec.MinColW; d > 0 {
		k = max(0, (avail-sumFixed-nFlex*pagespec.MinColW)/d)
	}
	widths := make([]float64, n)
	for c := range n {
		widths[c] = m.set(c)
		if widths[c] == 0 {
			widths[c] = pagespec.MinColW + k*(minW[c]-pagespec.MinColW)
		}
	}
	return widths
}

// handWidths reports the widest hand-set column when the set widths are
// why the table does not fit avail: the other columns' longest words
// would fit on their own, but not beside the set widths.
func (m *model) handWidths(avail float64, landscape bool) error {
	size := float64(pagespec.TableSizeMin)
	set, need, widest := 0.0, 0.0, -1
	for c := range m.n {
		if w := m.set(c); w > 0 {
			set += w
			if widest < 0 || w > m.set(widest) {
				widest = c
			}
			continue
		}
		long := m.long[c]
		for k, cell := range m.cells {
			if cell.ColSpan == 1 && cell.Col == c {
				long = max(long, m.head[k].long)
			}
		}
		need += max(long*size+pad, pagespec.MinColW)
	}
	if widest < 0 || need > avail || set+need <= avail+1e-9 {
		return nil
	}
	page := "the page"
	if landscape {
		page = "a landscape page"
	}
	return &WidthError{Field: fmt.Sprintf("%s.Columns[%d].Width", m.t.Field, widest),
		Msg: fmt.Sprintf("the widths set by hand total %.0f mm and the other columns need %.0f mm for their longest words at %d pt: more than the %.0f mm of %s; narrow this column or leave its width unset", set, need, pagespec.TableSizeMin, avail, page)}
}

// heights computes the row heights at widths and size. With limit ≥ 0 it
// stops as soon as the table is taller than limit and reports one=false.
func (m *model) heights(widths []float64, size, limit float64) (*Layout, bool) {
	l := &Layout{Size: size, Widths: widths, HeadH: make([]float64, len(m.t.Header)), RowH: make([]float64, len(m.rows))}
	lh := size * pagespec.SingleSpacing * pagespec.PtToMM
	one := lh + 2*pagespec.CellVPad
	cellH := func(x *text, w float64) float64 {
		if x.full*size <= w-2*pagespec.CellPad+1e-9 {
			return one
		}
		return float64(x.lines(size, w-2*pagespec.CellPad, m.w))*lh + 2*pagespec.CellVPad
	}
	type spanned struct {
		r, rs int
		h     float64
	}
	var tall []spanned
	for k, cell := range m.cells {
		w := 0.0
		for c := max(cell.Col, 0); c < min(cell.Col+cell.ColSpan, m.n); c++ {
			w += widths[c]
		}
		h := cellH(&m.head[k], w)
		if cell.Row < 0 || cell.Row >= len(l.HeadH) {
			continue
		}
		if cell.RowSpan <= 1 {
			l.HeadH[cell.Row] = max(l.HeadH[cell.Row], h)
		} else {
			tall = append(tall, spanned{cell.Row, cell.RowSpan, h})
		}
	}
	for r := range l.HeadH {
		l.HeadH[r] = max(l.HeadH[r], one)
	}
	for _, s := range tall {
		last := min(s.r+s.rs, len(l.HeadH)) - 1
		if have := sum(l.HeadH[s.r : last+1]); s.h > have {
			l.HeadH[last] += s.h - have
		}
	}
	total := sum(l.HeadH)
	rowH := func(cells []text) float64 {
		h := one
		for c := range cells {
			h = max(h, cellH(&cells[c], widths[c]))
		}
		return h
	}
	if len(m.totals) > 0 {
		l.TotalsH = rowH(m.totals)
		total += l.TotalsH
	}
	for r := range m.rows {
		l.RowH[r] = rowH(m.rows[r])
		total += l.RowH[r]
		if limit >= 0 && total > limit+1e-9 {
			return l, false
		}
	}
	l.OnePage = limit >= 0 && total <= limit+1e-9
	return l, l.OnePage
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// tableStyle is the emphasis of a part of a table; tables are set alike
// in every kind of document.
func tableStyle(e pagespec.Element) pagespec.Style { return pagespec.For(pagespec.Other).Font(e).Style }
