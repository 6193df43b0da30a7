package xlsx

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/typo"
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
	Width  []float64
	Rows   [][]string
	Totals []string // optional totals row, printed bold
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
	s := &Sheet{
		Name: name, Label: t.Label, Title: t.Title, Subtitle: t.Subtitle,
		Header: t.Header, FreezeCols: t.FreezeCols,
		Rows: make([]Row, 0, len(t.Rows)+1),
	}
	for i, r := range t.Rows {
		if len(r) != cols {
			return nil, fmt.Errorf("xlsx: row %d has %d cells for %d columns", i+1, len(r), cols)
		}
		s.Rows = append(s.Rows, Row{Cells: t.cells(r)})
	}
	if len(t.Totals) > 0 {
		tot := Row{Cells: t.cells(t.Totals), Bold: true}
		t.sums(tot.Cells, s.Rows, s.FirstRow())
		s.Rows = append(s.Rows, tot)
	}
	s.Widths = t.widths(s.Rows, m, size)
	mm := 0.0
	for _, w := range s.Widths {
		mm += MMFromUnits(w)
	}
	s.Portrait = !t.Landscape && mm <= portraitMM
	return s, nil
}

func (t *Table) cells(texts []string) []Cell {
	out := make([]Cell, len(texts))
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

// maxExact bounds the numbers stored as numbers: beyond 15 significant
// digits a spreadsheet's double no longer holds the figure as written.
const maxExact = 1e15

// ParseCell returns the number cell of s when s is a Vietnamese number
// ("10.125", "-3", "98,8", "78,11%") that a number format shows back
// exactly as s, within 15 significant digits and MaxDecimals decimals.
// Anything else ("0123", "1234" without its thousands dot, "1.5", "5 %",
// "-") is not a number: turning it into one would change what is shown.
func ParseCell(s string) (Cell, bool) {
	num, pct := strings.CutSuffix(s, "%")
	if num == "" || num != strings.TrimSpace(num) {
		return Cell{}, false
	}
	_, frac, _ := strings.Cut(num, ",")
	d := len(frac)
	if d > MaxDecimals || len(num) > 2*maxDigits {
		return Cell{}, false
	}
	v, err := typo.ParseNumber(num)
	if err != nil || v >= maxExact || v <= -maxExact {
		return Cell{}, false
	}
	c := Cell{Decimals: d}
	if pct {
		if typo.Percent(v, d) != s {
			return Cell{}, false
		}
		// The fraction nearest to the written percentage: 78,11% is
		// 0.7811, not 78.11/100 = 0.7811000000000001.
		c.Kind, c.Format = Float, Percent
		c.F, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'f', -1, 64)+"e-2", 64)
		return c, true
	}
	if d == 0 {
		n, err := typo.ParseInt(num)
		if err != nil || typo.Int(n) != s {
			return Cell{}, false
		}
		return Cell{Kind: Int, I: n}, true
	}
	if typo.Decimal(v, d) != s {
		return Cell{}, false
	}
	c.Kind, c.F = Float, v
	return c, true
}

// maxDigits bounds the digits of an exact sum: int64 holds 18.
const maxDigits = 18

// scaled returns the number c shows as an integer count of 10^-d, from
// its text, exactly; ok is false when that overflows.
func scaled(txt string, d int) (int64, bool) {
	txt = strings.TrimSuffix(txt, "%")
	ip, fp, _ := strings.Cut(strings.ReplaceAll(txt, ".", ""), ",")
	if len(fp) > d {
		return 0, false
	}
	digits := ip + fp + strings.Repeat("0", d-len(fp))
	if len(strings.TrimLeft(digits, "+-")) > maxDigits {
		return 0, false
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	return n, err == nil
}

// sums turns each totals cell that equals the sum of its column into a
// SUM formula. The comparison is exact, on the numbers as written: 98,8 +
// 1,2 equals 100. A column with text other than "-" has no sum.
func (t *Table) sums(tot []Cell, body []Row, first int) {
	if len(t.Rows) == 0 {
		return
	}
	last := first + len(t.Rows) - 1
	for c := range tot {
		if tot[c].Kind != Int && tot[c].Kind != Float {
			continue
		}
		d := tot[c].Decimals
		ok := true
		for _, r := range body {
			switch cell := r.Cells[c]; cell.Kind {
			case Int, Float:
				ok = ok && cell.Format == tot[c].Format
				d = max(d, cell.Decimals)
			case Text:
				ok = ok && cell.S == "-"
			}
		}
		if !ok {
			continue
		}
		want, ok := scaled(t.Totals[c], d)
		var sum int64
		for i, r := range body {
			if !ok {
				break
			}
			if k := r.Cells[c].Kind; k != Int && k != Float {
				continue
			}
			n, good := scaled(t.Rows[i][c], d)
			s := sum + n
			ok = good && (n >= 0) == (s >= sum) // no overflow
			sum = s
		}
		if ok && sum == want {
			col := ColName(c)
			tot[c].Formula = "SUM(" + col + strconv.Itoa(first) + ":" + col + strconv.Itoa(last) + ")"
		}
	}
}

// widths fits each column to its text: numbers and header words on one
// line, body text up to maxText units before it wraps. A given width in
// millimetres is kept. Merged header cells widen the columns they span
// evenly until their longest word fits.
func (t *Table) widths(rows []Row, m *Measure, size float64) []float64 {
	w := make([]float64, len(t.Align))
	fixed := make([]bool, len(w))
	for c := range w {
		if c < len(t.Width) && t.Width[c] > 0 {
			w[c], fixed[c] = min(UnitsFromMM(t.Width[c]), 255), true
			continue
		}
		w[c] = minWidth
		for i, r := range rows {
			txt := t.Totals
			if i < len(t.Rows) {
				txt = t.Rows[i]
			}
			if k := r.Cells[c].Kind; k == Int || k == Float {
				w[c] = max(w[c], m.Units(txt[c], size, r.Bold))
			} else if txt[c] != "" {
				w[c] = max(w[c], min(m.Units(txt[c], size, r.Bold), maxText), m.WordUnits(txt[c], size, r.Bold))
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
	return w
}
