package xlsx

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Table is an annex table as it is printed: every cell is final text
// ("10.125", "98,8", "78,11%", "Phường Lê Bình"). Sheet turns it into a
// worksheet with numbers stored as numbers.
type Table struct {
	Label, Title, Subtitle string
	Header                 [][]HeaderCell
	// Align is each column's alignment as printed. A Left column is a
	// text column: its cells stay text even when they read as numbers
	// (a unit named "7", a code "0123").
	Align []Align
	// Width is each column's width in millimetres; 0 fits the column to
	// its text.
	Width []float64
	Rows  [][]string
	// RowText, when not nil, gives the body rows in place of Rows, NumRows
	// of them: row i's texts appended to cells. Rows are then made each
	// time they are needed, never all held.
	RowText func(i int, cells []string) []string
	// RowCells, when not nil, gives body row i's cells appended to cells
	// straight from the values RowText prints, so that writing need not
	// make and parse the texts again. It is a shortcut only: every row
	// it gives is compared with the cells of its texts before anything
	// is written, and a table whose RowCells differs once is written
	// from its texts.
	RowCells func(i int, cells []Cell) []Cell
	NumRows  int
	Totals   []string // optional totals row, printed bold
	// Landscape forces landscape pages; otherwise a table wider than a
	// portrait page's text area is landscape.
	Landscape  bool
	FreezeCols int
}

// Column width bounds, in Excel character units: a fitted text column is
// at most maxText wide (longer text wraps into a taller row), and no
// column is narrower than minWidth.
const (
	maxText  = 40
	minWidth = 4
	// maxHeaderLines is the most lines a header cell's text is meant to
	// wrap to; more makes a tall, narrow header hard to read.
	maxHeaderLines = 3
	// portraitMM is the text width of an A4 portrait page with Decree
	// 30's least margins (210 − 30 − 15 mm).
	portraitMM = 165
)

// Sheet lays t out as the sheet name: each cell that reads as a
// Vietnamese number and shows back exactly as written becomes a number
// with a format showing it so ("10.125" → 10125 as "#,##0"; "98,8" → 98.8
// as "#,##0.0"; "78,11%" → 0.7811 as "0.00%"); other cells stay text. A
// totals cell becomes a SUM of its column, with the total as cached value,
// only when it equals the sum of the column's numbers exactly; otherwise
// it is written as the number it is, never corrected. Column widths fit
// the text measured with m at size points: numbers and header words never
// break, long text wraps.
func (t *Table) Sheet(name string, m *Measure, size float64) (*Sheet, error) {
	s, err := t.StreamSheet(name, m, size, nil)
	if err != nil {
		return nil, err
	}
	src := s.Source
	s.Source, s.Rows = nil, make([]Row, src.Len())
	for i := range s.Rows {
		src.Row(i, &s.Rows[i])
	}
	return s, nil
}

// StreamSheet is Sheet with the body rows made as they are written: the
// sheet's Source turns each row's text into cells, then calls fill, when
// not nil, to change them (add formulas); i counts the body rows from 0,
// the totals row last. No row is held as cells, so a table of any length
// takes little more memory than its text.
func (t *Table) StreamSheet(name string, m *Measure, size float64, fill func(i int, r *Row)) (*Sheet, error) {
	cols := 0
	if len(t.Header) > 0 {
		cols = (&Sheet{Header: t.Header}).Cols()
	}
	if cols == 0 {
		return nil, errors.New("xlsx: table has no header")
	}
	if len(t.Align) != cols || (t.Width != nil && len(t.Width) != cols) {
		return nil, fmt.Errorf("xlsx: %d alignments and %d widths for %d columns", len(t.Align), len(t.Width), cols)
	}
	if len(t.Totals) != 0 && len(t.Totals) != cols {
		return nil, fmt.Errorf("xlsx: totals row has %d cells for %d columns", len(t.Totals), cols)
	}
	if t.RowText == nil {
		for i, r := range t.Rows {
			if len(r) != cols {
				return nil, fmt.Errorf("xlsx: row %d has %d cells for %d columns", i+1, len(r), cols)
			}
		}
	}
	s := &Sheet{
		Name: name, Label: t.Label, Title: t.Title, Subtitle: t.Subtitle,
		Header: t.Header, FreezeCols: t.FreezeCols,
	}
	src := &tableRows{t: t, fill: fill}
	var err error
	if s.Widths, err = t.scan(src, s.FirstRow(), m, size); err != nil {
		return nil, err
	}
	s.Source = src
	mm := 0.0
	for _, w := range s.Widths {
		mm += MMFromUnits(w)
	}
	s.Portrait = !t.Landscape && mm <= portraitMM
	return s, nil
}

// tableRows is the RowSource of a Table: its rows, then the totals.
type tableRows struct {
	t    *Table
	tot  []Cell // with its SUMs
	fill func(int, *Row)
	text []string // of the row made last
	// uses are the body cells' styles in order of first use, as scan
	// found them in the filled rows; valid tells that every row was
	// valid then, so that the writer need not make them all once more
	// to find their styles.
	uses  []styleUse
	valid bool
	// direct tells that t.RowCells gave the cells of every row's texts.
	direct bool
}

// styleUse is a cell of a style in use, without its value.
type styleUse struct {
	c    Cell
	bold bool
}

func (t *Table) numRows() int {
	if t.RowText != nil {
		return t.NumRows
	}
	return len(t.Rows)
}

// row returns the texts of row i, in buf when it is made.
func (t *Table) row(i int, buf []string) []string {
	if t.RowText != nil {
		return t.RowText(i, buf[:0])
	}
	return t.Rows[i]
}

// checkedRow is row, checked to have cols cells: rows made as they are
// needed are checked as they are made.
func (t *Table) checkedRow(i, cols int, buf []string) ([]string, error) {
	r := t.row(i, buf)
	if len(r) != cols {
		return r, fmt.Errorf("xlsx: row %d has %d cells for %d columns", i+1, len(r), cols)
	}
	return r, nil
}

func (s *tableRows) Len() int {
	if s.tot != nil {
		return s.t.numRows() + 1
	}
	return s.t.numRows()
}

func (s *tableRows) Row(i int, r *Row) {
	switch {
	case i < s.t.numRows() && s.direct:
		r.Cells, r.Bold = s.t.rowCells(i, r.Cells), false
	case i < s.t.numRows():
		s.text = s.t.row(i, s.text)
		r.Cells, r.Bold = s.t.cells(r.Cells, s.text), false
	default:
		r.Cells, r.Bold = append(r.Cells[:0], s.tot...), true
	}
	if s.fill != nil {
		s.fill(i, r)
	}
}

// rowCells is RowCells of row i, in out when it has room, with the
// columns' alignments.
func (t *Table) rowCells(i int, out []Cell) []Cell {
	out = t.RowCells(i, out[:0])
	for c := range min(len(out), len(t.Align)) {
		out[c].Align = t.Align[c]
	}
	return out
}

// cells turns texts into cells, in out when it has room.
func (t *Table) cells(out []Cell, texts []string) []Cell {
	out, _ = t.cellsM(out, nil, texts)
	return out
}

// cellsM is cells that also gives each number cell's digits as an
// integer, its Decimals the power of ten they are counted in (10^-d), in
// ms when it has room.
func (t *Table) cellsM(out []Cell, ms []int64, texts []string) ([]Cell, []int64) {
	if cap(out) < len(texts) {
		out = make([]Cell, len(texts))
	}
	if cap(ms) < len(texts) {
		ms = make([]int64, len(texts))
	}
	out, ms = out[:len(texts)], ms[:len(texts)]
	for c, txt := range texts {
		switch cell, m, ok := parseCell(txt); {
		case txt == "":
			out[c] = Cell{Kind: Blank}
		case ok && t.Align[c] != Left:
			out[c], ms[c] = cell, m
		default:
			out[c] = Cell{Kind: Text, S: txt}
		}
		out[c].Align = t.Align[c]
	}
	return out, ms
}

// maxDigits bounds the digits of a number stored as a number: a
// spreadsheet's double holds 15 significant digits exactly.
const maxDigits = 15

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11}

// ParseCell returns the number cell of s when s is a Vietnamese number
// ("10.125", "-3", "98,8", "78,11%") written exactly as package typo
// formats it, so that a number format shows it back as s: within 15
// digits and MaxDecimals decimals. Anything else ("0123", "1234" without
// its thousands dot, "1.5", "5 %", "+5", "-") is not a number: turning it
// into one would change what is shown.
func ParseCell(s string) (Cell, bool) {
	c, _, ok := parseCell(s)
	return c, ok
}

// parseCell is ParseCell that also gives the digits as an integer m:
// the cell shows m·10^-Decimals (as a percentage when it is one).
func parseCell(s string) (Cell, int64, bool) {
	num, pct := strings.CutSuffix(s, "%")
	m, d, ok := parseShown(num)
	if !ok {
		return Cell{}, 0, false
	}
	c := Cell{Decimals: d}
	switch {
	case pct:
		// m and 10^(d+2) are exact doubles, so their quotient is the
		// double nearest the written percentage: 78,11% is 0.7811,
		// not 78.11/100 = 0.7811000000000001.
		c.Kind, c.Format, c.F = Float, Percent, float64(m)/pow10[d+2]
	case d == 0:
		c.Kind, c.I = Int, m
	default:
		c.Kind, c.F = Float, float64(m)/pow10[d]
	}
	return c, m, true
}

// parseShown parses a number in the one form typo.Int and typo.Decimal
// write: an optional "-", the integer part without leading zeros and
// with "." between groups of three digits (required past three digits),
// and optionally "," and the decimals. It returns the digits as an
// integer m and the number of decimals d: "1.234,5" → 12345, 1. It does
// not allocate.
func parseShown(s string) (m int64, d int, ok bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	ip, fp, frac := strings.Cut(s, ",")
	if ip == "" || (frac && fp == "") || len(fp) > MaxDecimals {
		return 0, 0, false
	}
	digits, group := 0, -1 // digits in the current group after a "."
	for i := 0; i < len(ip); i++ {
		switch ch := ip[i]; {
		case ch == '.':
			if (group == -1 && (digits == 0 || digits > 3)) || (group != -1 && group != 3) {
				return 0, 0, false
			}
			group = 0
		case ch >= '0' && ch <= '9':
			if ch == '0' && digits == 0 && len(ip) > 1 {
				return 0, 0, false // a leading zero
			}
			m = m*10 + int64(ch-'0')
			digits++
			if group >= 0 {
				group++
			}
		default:
			return 0, 0, false
		}
		if digits > maxDigits {
			return 0, 0, false
		}
	}
	if (group == -1 && digits > 3) || (group != -1 && group != 3) {
		return 0, 0, false // "1234" or "1.23"
	}
	for i := 0; i < len(fp); i++ {
		ch := fp[i]
		if ch < '0' || ch > '9' || digits >= maxDigits {
			return 0, 0, false
		}
		m = m*10 + int64(ch-'0')
		digits++
	}
	if neg {
		if m == 0 {
			return 0, 0, false // typo writes no "-0"
		}
		m = -m
	}
	return m, len(fp), true
}

// scan reads the body rows once, before anything is written, for what
// the sheet needs to know of them all: the column widths (see widths), a
// SUM for each totals cell that equals the sum of its column (see
// colSum), and the styles of the filled rows in order of first use. The
// totals row's cells, with their SUMs, are src.tot.
func (t *Table) scan(src *tableRows, first int, m *Measure, size float64) ([]float64, error) {
	cols := len(t.Align)
	w := make([]float64, cols)
	fixed := make([]bool, cols)
	for c := range w {
		if c < len(t.Width) && t.Width[c] > 0 {
			w[c], fixed[c] = min(UnitsFromMM(t.Width[c]), 255), true
			continue
		}
		w[c] = minWidth
	}
	var sums []colSum
	if len(t.Totals) > 0 {
		src.tot = t.cells(nil, t.Totals)
		sums = make([]colSum, cols)
		for c, tc := range src.tot {
			sums[c] = colSum{ok: tc.Kind == Int || tc.Kind == Float, d: tc.Decimals}
		}
	}
	src.direct = t.RowCells != nil && t.RowText != nil
	var direct []Cell
	seen := map[styleKey]bool{}
	last := make([]styleKey, cols) // the style of each column's last cell
	had := make([]bool, cols)
	src.valid = true
	var (
		r    Row
		ms   []int64
		text []string
		err  error
	)
	// use records the styles of r once filled.
	use := func(i int) {
		if src.fill != nil {
			r.StylesOnly = true
			src.fill(i, &r)
			r.StylesOnly = false
		}
		if !src.valid || checkRow(i, &r, cols) != nil {
			src.valid, src.uses = false, nil // the writer finds the error
			return
		}
		for i, c := range r.Cells {
			k := c.styleKey(r.Bold)
			if had[i] && k == last[i] {
				continue
			}
			last[i], had[i] = k, true
			if !seen[k] {
				seen[k] = true
				src.uses = append(src.uses, styleUse{Cell{Kind: c.Kind, Align: c.Align, Format: c.Format, Decimals: c.Decimals}, r.Bold})
			}
		}
	}
	n := t.numRows()
	for i := range n {
		if text, err = t.checkedRow(i, cols, text); err != nil {
			return nil, err
		}
		r.Cells, ms = t.cellsM(r.Cells, ms, text)
		r.Bold = false
		if src.direct {
			direct = t.rowCells(i, direct)
			src.direct = slices.Equal(direct, r.Cells)
		}
		for c, cell := range r.Cells {
			if sums != nil && sums[c].ok {
				switch cell.Kind {
				case Int, Float:
					sums[c].add(ms[c], cell.Decimals, cell.Format == src.tot[c].Format)
				case Text:
					sums[c].ok = cell.S == "-"
				}
			}
			if !fixed[c] {
				w[c] = max(w[c], cellUnits(m, &cell, text[c], size, false))
			}
		}
		use(i)
	}
	if src.tot != nil {
		for c := range src.tot {
			if !fixed[c] {
				w[c] = max(w[c], cellUnits(m, &src.tot[c], t.Totals[c], size, true))
			}
			if n == 0 || !sums[c].ok {
				continue
			}
			if want, ok := scaled(t.Totals[c], sums[c].d); ok && want == sums[c].sum {
				col := ColName(c)
				src.tot[c].Formula = "SUM(" + col + strconv.Itoa(first) + ":" + col + strconv.Itoa(first+n-1) + ")"
			}
		}
		r.Cells, r.Bold = append(r.Cells[:0], src.tot...), true
		use(n)
	}
	t.headerWidths(w, fixed, m, size)
	for c := range w {
		w[c] = min(w[c], 255)
	}
	return w, nil
}

// cellUnits is the width a cell's text txt needs: a number on one line,
// text up to maxText units before it wraps, but never inside a word.
func cellUnits(m *Measure, c *Cell, txt string, size float64, bold bool) float64 {
	switch {
	case c.Kind == Int || c.Kind == Float:
		return m.Units(txt, size, bold)
	case txt != "":
		return max(min(m.Units(txt, size, bold), maxText), m.WordUnits(txt, size, bold))
	}
	return 0
}

// colSum adds a column's numbers in one pass exactly as adding them all at
// the most decimals any of them has: on the numbers as written, so that
// 98,8 + 1,2 equals 100, never by floating point. At the decimals d seen
// so far it holds the sum, the least and greatest partial sums and the
// least and greatest number; when a number with more decimals comes, all
// of them are scaled up. A column whose numbers or partial sums overflow
// at the final decimals has no sum: exactly those whose scaled-up bounds
// overflow here.
type colSum struct {
	ok                    bool
	d                     int
	sum, lo, hi, vlo, vhi int64
}

// add adds the number of digits m and d decimals; sameFormat tells
// whether it is shown as the totals cell is (a percentage or not).
func (s *colSum) add(m int64, d int, sameFormat bool) {
	if s.ok = s.ok && sameFormat; !s.ok {
		return
	}
	for ; s.d < d; s.d++ {
		for _, v := range [...]*int64{&s.sum, &s.lo, &s.hi, &s.vlo, &s.vhi} {
			if *v, s.ok = mul10(*v); !s.ok {
				return
			}
		}
	}
	for ; d < s.d; d++ {
		if m, s.ok = mul10(m); !s.ok {
			return
		}
	}
	sum := s.sum + m
	if s.ok = (m >= 0) == (sum >= s.sum); !s.ok { // overflow
		return
	}
	s.sum = sum
	s.lo, s.hi = min(s.lo, sum), max(s.hi, sum)
	s.vlo, s.vhi = min(s.vlo, m), max(s.vhi, m)
}

// mul10 returns 10·v; ok is false when that overflows.
func mul10(v int64) (int64, bool) {
	if v > math.MaxInt64/10 || v < math.MinInt64/10 {
		return 0, false
	}
	return v * 10, true
}

// scaled returns the number txt shows as an integer count of 10^-d,
// exactly; ok is false when that overflows.
func scaled(txt string, d int) (int64, bool) {
	m, dd, ok := parseShown(strings.TrimSuffix(txt, "%"))
	if !ok || dd > d {
		return 0, false
	}
	for ; dd < d && ok; dd++ {
		m, ok = mul10(m)
	}
	return m, ok
}

// headerWidths widens the columns under each header cell, evenly among
// those not of a given width, until the header's longest word fits and
// its text takes at most maxHeaderLines lines.
func (t *Table) headerWidths(w []float64, fixed []bool, m *Measure, size float64) {
	eachHeaderCell(t.Header, func(_, c int, hc HeaderCell) {
		cs := span(hc.ColSpan)
		// A header wraps, but into at most maxHeaderLines lines, and
		// never inside a word.
		need := max(m.WordUnits(hc.Text, size, true), (m.Units(hc.Text, size, true)-padding)/maxHeaderLines+padding)
		for i := 0; i < 400 && m.Lines(hc.Text, need, size, true) > maxHeaderLines; i++ {
			need += 0.5 // words do not break where the average says
		}
		have, free := 0.0, 0
		for i := c; i < c+cs && i < len(w); i++ {
			have += w[i]
			if !fixed[i] {
				free++
			}
		}
		if need <= have || free == 0 {
			return
		}
		for i := c; i < c+cs && i < len(w); i++ {
			if !fixed[i] {
				w[i] += (need - have) / float64(free)
			}
		}
	})
}
