package xlsx

import (
	"errors"
	"fmt"
	"math"
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
	NumRows int
	Totals  []string // optional totals row, printed bold
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
	if len(t.Totals) > 0 {
		src.tot = t.cells(nil, t.Totals)
		err = t.sums(src.tot, s.FirstRow())
	}
	s.Source = src
	if err == nil {
		s.Widths, err = t.widths(src.tot, m, size)
	}
	if err != nil {
		return nil, err
	}
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
	if i < s.t.numRows() {
		s.text = s.t.row(i, s.text)
		r.Cells, r.Bold = s.t.cells(r.Cells, s.text), false
	} else {
		r.Cells, r.Bold = append(r.Cells[:0], s.tot...), true
	}
	if s.fill != nil {
		s.fill(i, r)
	}
}

// cells turns texts into cells, in out when it has room.
func (t *Table) cells(out []Cell, texts []string) []Cell {
	if cap(out) < len(texts) {
		out = make([]Cell, len(texts))
	}
	out = out[:len(texts)]
	for c, txt := range texts {
		switch cell, ok := ParseCell(txt); {
		case txt == "":
			out[c] = Cell{Kind: Blank}
		case ok && t.Align[c] != Left:
			out[c] = cell
		default:
			out[c] = Cell{Kind: Text, S: txt}
		}
		out[c].Align = t.Align[c]
	}
	return out
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
	num, pct := strings.CutSuffix(s, "%")
	m, d, ok := parseShown(num)
	if !ok {
		return Cell{}, false
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
	return c, true
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

// scaled returns the number txt shows as an integer count of 10^-d,
// exactly; ok is false when that overflows.
func scaled(txt string, d int) (int64, bool) {
	m, dd, ok := parseShown(strings.TrimSuffix(txt, "%"))
	if !ok || dd > d {
		return 0, false
	}
	for ; dd < d; dd++ {
		if m > math.MaxInt64/10 || m < math.MinInt64/10 {
			return 0, false
		}
		m *= 10
	}
	return m, true
}

// sums turns each totals cell that equals the sum of its column into a
// SUM formula. The comparison is exact, on the numbers as written: 98,8 +
// 1,2 equals 100. A column with text other than "-" has no sum.
func (t *Table) sums(tot []Cell, first int) error {
	n := t.numRows()
	if n == 0 {
		return nil
	}
	last := first + n - 1
	// A first pass over the rows finds the columns that may have a sum
	// and the decimals to add them at; a second adds them.
	ok := make([]bool, len(tot))
	d := make([]int, len(tot))
	for c := range tot {
		ok[c] = tot[c].Kind == Int || tot[c].Kind == Float
		d[c] = tot[c].Decimals
	}
	var (
		cells []Cell
		text  []string
		err   error
	)
	for i := range n {
		if text, err = t.checkedRow(i, len(tot), text); err != nil {
			return err
		}
		cells = t.cells(cells, text)
		for c, cell := range cells {
			switch cell.Kind {
			case Int, Float:
				ok[c] = ok[c] && cell.Format == tot[c].Format
				d[c] = max(d[c], cell.Decimals)
			case Text:
				ok[c] = ok[c] && cell.S == "-"
			}
		}
	}
	want := make([]int64, len(tot))
	sum := make([]int64, len(tot))
	for c := range tot {
		if ok[c] {
			want[c], ok[c] = scaled(t.Totals[c], d[c])
		}
	}
	for i := range n {
		text = t.row(i, text)
		cells = t.cells(cells, text)
		for c, cell := range cells {
			if !ok[c] || (cell.Kind != Int && cell.Kind != Float) {
				continue
			}
			v, good := scaled(text[c], d[c])
			s := sum[c] + v
			ok[c] = good && (v >= 0) == (s >= sum[c]) // no overflow
			sum[c] = s
		}
	}
	for c := range tot {
		if ok[c] && sum[c] == want[c] {
			col := ColName(c)
			tot[c].Formula = "SUM(" + col + strconv.Itoa(first) + ":" + col + strconv.Itoa(last) + ")"
		}
	}
	return nil
}

// widths fits each column to its text: numbers and header words on one
// line, body text up to maxText units before it wraps. A given width in
// millimetres is kept. Merged header cells widen the columns they span
// evenly until their longest word fits.
func (t *Table) widths(tot []Cell, m *Measure, size float64) ([]float64, error) {
	w := make([]float64, len(t.Align))
	fixed := make([]bool, len(w))
	for c := range w {
		if c < len(t.Width) && t.Width[c] > 0 {
			w[c], fixed[c] = min(UnitsFromMM(t.Width[c]), 255), true
			continue
		}
		w[c] = minWidth
	}
	var (
		cells []Cell
		text  []string
		err   error
	)
	n := t.numRows()
	for i := 0; i < n || (i == n && tot != nil); i++ {
		txt, bold := t.Totals, true
		if i < n {
			if text, err = t.checkedRow(i, len(w), text); err != nil {
				return nil, err
			}
			txt, bold = text, false
			cells = t.cells(cells, txt)
		} else {
			cells = tot
		}
		for c := range w {
			if fixed[c] {
				continue
			}
			if k := cells[c].Kind; k == Int || k == Float {
				w[c] = max(w[c], m.Units(txt[c], size, bold))
			} else if txt[c] != "" {
				w[c] = max(w[c], min(m.Units(txt[c], size, bold), maxText), m.WordUnits(txt[c], size, bold))
			}
		}
	}
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
	for c := range w {
		w[c] = min(w[c], 255)
	}
	return w, nil
}
