package coverage

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
)

// XLSXOptions configure WriteXLSXWith. The zero value is the default.
type XLSXOptions struct {
	// Font is the family of every cell; empty means Times New Roman, the
	// font Decree 30 prescribes.
	Font string
	// Size is the table font size in points, 12–13 as Decree 30 prints
	// tables; 0 means 12. Titles are 14.
	Size float64
	// Time is the workbook's created and modified time and the zip
	// entries' time stamp. Zero means 1980-01-01 00:00 UTC, so the same
	// tables always give the same bytes.
	Time time.Time
}

// WriteXLSX is WriteXLSXWith with the default options.
func WriteXLSX(w io.Writer, tables ...*Table) error {
	return WriteXLSXWith(w, nil, tables...)
}

// WriteXLSXWith writes tables to w as one workbook, a sheet per table
// ("Phụ lục", or "Phụ lục I", "Phụ lục II" … for several), laid out as
// officials print an annex: the title in capitals and the reference line,
// merged across the table; a two-level header, each milestone merged over
// its four columns; a row per unit with its STT; the bold totals row
// "Cộng". Borders on every table cell, Times New Roman at 12 pt (14 for
// titles), A4 landscape fitted to one page wide with the header rows
// repeated on every page and page numbers from page 2, panes frozen below
// the header and right of the unit names.
//
// Participants and population are numbers; non-participants
// (= population − participants), rates (= ROUND(participants × 100 /
// population, precision)) and the totals (SUM) are formulas, so a figure
// edited in a spreadsheet updates the rest. Every formula carries its
// value, computed exactly here, so the file reads right without being
// recalculated. Text is always written as text: a unit named "=1+1"
// stays a name, never a formula.
//
// Rows are streamed, so memory stays small for tables of any size, and
// the same tables and options always give byte-identical output. Each
// table is validated first; nothing is written when one is invalid.
func WriteXLSXWith(w io.Writer, o *XLSXOptions, tables ...*Table) error {
	if len(tables) == 0 {
		return errors.New("coverage: no tables to write")
	}
	if w == nil {
		return errors.New("coverage: WriteXLSX: nil io.Writer")
	}
	var oo XLSXOptions
	if o != nil {
		oo = *o
	}
	if oo.Size != 0 && !(oo.Size >= 12 && oo.Size <= 13) { // NaN fails both comparisons
		return fmt.Errorf("coverage: table font size %g outside Decree 30's 12–13 pt", oo.Size)
	}
	if oo.Size == 0 {
		oo.Size = 12
	}
	sheets := make([]*xlsx.Sheet, len(tables))
	for i, t := range tables {
		if t == nil {
			return fmt.Errorf("coverage: table %d is nil", i+1)
		}
		if err := t.Validate(); err != nil {
			return fmt.Errorf("coverage: table %d: %w", i+1, err)
		}
		name := "Phụ lục"
		if len(tables) > 1 {
			name += " " + typo.Roman(i+1)
		}
		sheets[i] = t.sheet(name, oo.Size)
	}
	title := tables[0].title()
	return xlsx.Write(w, xlsx.Props{
		Title:   typo.Upper(title),
		Subject: "Bao phủ bảo hiểm y tế",
		Creator: "bhytdoc",
		Time:    oo.Time,
		Font:    oo.Font,
		Size:    oo.Size,
	}, sheets...)
}

// sheet lays t out. Columns: A STT, B unit, then four per milestone.
func (t *Table) sheet(name string, size float64) *xlsx.Sheet {
	prec := t.precision()
	cols := 2 + columnsPerMilestone*len(t.Milestones)
	s := &xlsx.Sheet{
		Name:       name,
		Title:      typo.Upper(t.title()),
		Decimals:   prec,
		FreezeCols: 2,
	}
	if ref := oneLine(t.Reference); ref != "" {
		s.Subtitle = "(" + ref + ")"
	}
	top := []xlsx.HeaderCell{{Text: HeaderSTT, RowSpan: 2}, {Text: t.unitHeader(), RowSpan: 2}}
	var sub []xlsx.HeaderCell
	for _, m := range t.Milestones {
		top = append(top, xlsx.HeaderCell{Text: m.Header(), ColSpan: columnsPerMilestone})
		for _, h := range []string{HeaderParticipants, HeaderNonParticipants, HeaderPopulation, HeaderRate} {
			sub = append(sub, xlsx.HeaderCell{Text: h})
		}
	}
	s.Header = [][]xlsx.HeaderCell{top, sub}

	first := s.FirstRow()
	last := first + len(t.Rows) - 1
	totRow := last + 1
	s.Rows = make([]xlsx.Row, 0, len(t.Rows)+1)
	// Column letters per milestone, and formulas built by concatenation:
	// a 10.000-unit table has 40.000 of them per milestone.
	type letters struct{ p, non, pop string }
	ls := make([]letters, len(t.Milestones))
	for m := range ls {
		ls[m] = letters{xlsx.ColName(2 + 4*m), xlsx.ColName(3 + 4*m), xlsx.ColName(4 + 4*m)}
	}
	precText := strconv.Itoa(prec)
	span := func(c string) string {
		return "SUM(" + c + strconv.Itoa(first) + ":" + c + strconv.Itoa(last) + ")"
	}
	figures := func(cells []xlsx.Cell, m int, r string, f Figures, total bool) []xlsx.Cell {
		l := ls[m]
		pc := xlsx.Cell{Kind: xlsx.Int, I: f.Participants, Style: xlsx.StyleInt}
		nc := xlsx.Cell{Kind: xlsx.Int, I: f.NonParticipants(), Style: xlsx.StyleInt, Formula: l.pop + r + "-" + l.p + r}
		oc := xlsx.Cell{Kind: xlsx.Int, I: f.Population, Style: xlsx.StyleInt}
		if total {
			pc.Formula, nc.Formula, oc.Formula = span(l.p), span(l.non), span(l.pop)
		}
		rc := xlsx.Cell{Kind: xlsx.Float, Style: xlsx.StyleRate,
			Formula: "IF(" + l.pop + r + ">0,ROUND(" + l.p + r + "*100/" + l.pop + r + "," + precText + `),"")`}
		v, _ := f.Rate().Scaled(prec) // Validate ensured a positive population
		rc.F = float64(v) / math.Pow10(prec)
		return append(cells, pc, nc, oc, rc)
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		cells := make([]xlsx.Cell, 0, cols)
		cells = append(cells,
			xlsx.Cell{Kind: xlsx.Int, I: int64(i + 1), Style: xlsx.StyleCenter},
			xlsx.Cell{Kind: xlsx.Text, S: r.Unit.Label(), Style: xlsx.StyleText})
		for m, f := range r.Figures {
			cells = figures(cells, m, strconv.Itoa(first+i), f, false)
		}
		s.Rows = append(s.Rows, xlsx.Row{Cells: cells})
	}
	tot := make([]xlsx.Cell, 0, cols)
	tot = append(tot,
		xlsx.Cell{Kind: xlsx.Blank, Style: xlsx.StyleCenter},
		xlsx.Cell{Kind: xlsx.Text, S: TotalsLabel, Style: xlsx.StyleCenter})
	for m, f := range t.Totals() {
		tot = figures(tot, m, strconv.Itoa(totRow), f, true)
	}
	s.Rows = append(s.Rows, xlsx.Row{Cells: tot, Bold: true})
	s.Widths = t.widths(size)
	return s
}

// widths fits the columns, in Excel character units: the STT column to
// its numbers, the unit column to the longest label, each figure column
// to its largest number and the longest word of its header (headers
// wrap).
func (t *Table) widths(size float64) []float64 {
	k := size / 11 // units are digits of the 11 pt default font
	units := func(s string, bold bool) float64 {
		f := 0.95
		if bold {
			f = 1.05
		}
		return float64(utf8.RuneCountInString(s))*f*k + 1.5
	}
	w := make([]float64, 2+columnsPerMilestone*len(t.Milestones))
	w[0] = max(units(fmt.Sprint(len(t.Rows)), false), units(HeaderSTT, true), 5)
	w[1] = units(t.unitHeader(), true)
	for _, r := range t.Rows {
		w[1] = max(w[1], units(r.Unit.Label(), false))
	}
	w[1] = min(max(w[1], 16), 48)
	longestWord := func(s string) float64 {
		m := 0.0
		for _, f := range strings.Fields(s) {
			m = max(m, units(f, true))
		}
		return m
	}
	totals := t.Totals()
	for m := range t.Milestones {
		tot := totals[m]
		base := 2 + 4*m
		for j, h := range []string{HeaderParticipants, HeaderNonParticipants, HeaderPopulation, HeaderRate} {
			n := units(typo.Int(tot.Population), true)
			if j == 3 {
				n = units(Rate{1, 1}.Text(t.precision()), true)
			}
			least := 11.0
			if j == 3 {
				least = 8
			}
			w[base+j] = max(n, longestWord(h), least)
		}
	}
	return w
}
