package coverage

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
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
	m, err := xlsx.NewMeasure(nil)
	if err != nil {
		return err
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
		if sheets[i], err = t.sheet(name, m, oo.Size); err != nil {
			return fmt.Errorf("coverage: table %d: %w", i+1, err)
		}
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

var xlsxAlign = map[bhytdoc.Align]xlsx.Align{bhytdoc.AlignLeft: xlsx.Left, bhytdoc.AlignCenter: xlsx.Center,
	bhytdoc.AlignRight: xlsx.Right}

// sheet lays t out through the generic annex writer, from the same text
// annex as Annex prints: columns A STT, B unit, then four per milestone.
// The generic writer stores the figures as numbers and the totals of
// participants, non-participants and population as SUMs; sheet then makes
// non-participants (population − participants) and rates formulas.
func (t *Table) sheet(name string, m *xlsx.Measure, size float64) (*xlsx.Sheet, error) {
	labels := t.labels()
	rows := t.annexRows(labels)
	a := t.annexHead(labels)
	prec := t.precision()
	xt := &xlsx.Table{
		Title:  typo.Upper(t.title()),
		Header: make([][]xlsx.HeaderCell, len(a.Table.Header)),
		Align:  make([]xlsx.Align, len(a.Table.Columns)),
		Width:  make([]float64, len(a.Table.Columns)),
		// The rows' text is made each time it is read, never held: the
		// annex of 100.000 units is 1,4 million strings.
		RowText:    rows.cells,
		RowCells:   rows.xlsxCells,
		NumRows:    len(t.Rows),
		Totals:     a.Table.Totals,
		Landscape:  true,
		FreezeCols: 2,
	}
	if ref := typo.OneLine(t.Reference); ref != "" {
		xt.Subtitle = "(" + ref + ")"
	}
	for r, row := range a.Table.Header {
		for _, c := range row {
			xt.Header[r] = append(xt.Header[r], xlsx.HeaderCell{Text: c.Text, ColSpan: c.ColSpan, RowSpan: c.RowSpan})
		}
	}
	for c, col := range a.Table.Columns {
		xt.Align[c] = xlsxAlign[col.Align]
		xt.Width[c] = col.Width
	}
	precText := strconv.Itoa(prec)
	scale := math.Pow10(prec)
	totals := t.Totals()
	// Column letters per milestone, and formulas built by concatenation:
	// a 100.000-unit table has 200.000 of them per milestone. The rows
	// are filled as they are written, never held all at once.
	pc, popc := make([]string, len(t.Milestones)), make([]string, len(t.Milestones))
	for m := range t.Milestones {
		pc[m], popc[m] = xlsx.ColName(2+4*m), xlsx.ColName(4+4*m)
	}
	first := 0
	var buf, rn []byte
	ends := make([]int, 0, 2*len(t.Milestones))
	// rate sets the cell of milestone m's rate in row i, or in the
	// totals row.
	rate := func(i, m int, row *xlsx.Row) *xlsx.Cell {
		f := totals[m]
		if i < len(t.Rows) {
			f = t.Rows[i].Figures[m]
		}
		v, _ := f.Rate().Scaled(prec) // Validate ensured a positive population
		rc := &row.Cells[5+4*m]
		rc.Kind, rc.F, rc.Format, rc.Decimals = xlsx.Float, float64(v)/scale, xlsx.Number, prec
		return rc
	}
	s, err := xt.StreamSheet(name, m, size, func(i int, row *xlsx.Row) {
		if row.StylesOnly { // the writer looks at the cells' styles only
			for m := range t.Milestones {
				rate(i, m, row)
			}
			return
		}
		// A row's formulas are cut from one string: one allocation,
		// not two per milestone.
		body := i < len(t.Rows)
		// The row's number is formatted once for its dozen references.
		rn = strconv.AppendInt(rn[:0], int64(first+i), 10)
		buf, ends = buf[:0], ends[:0]
		ref := func(col string) { buf = append(append(buf, col...), rn...) }
		for m := range t.Milestones {
			p, pop := pc[m], popc[m]
			if body { // pop-p
				ref(pop)
				buf = append(buf, '-')
				ref(p)
				ends = append(ends, len(buf))
			}
			// IF(pop>0,ROUND(p*100/pop,prec),"")
			buf = append(buf, "IF("...)
			ref(pop)
			buf = append(buf, ">0,ROUND("...)
			ref(p)
			buf = append(buf, "*100/"...)
			ref(pop)
			buf = append(append(append(buf, ','), precText...), `),"")`...)
			ends = append(ends, len(buf))
		}
		all, k, at := string(buf), 0, 0
		next := func() string {
			f := all[at:ends[k]]
			at = ends[k]
			k++
			return f
		}
		for m := range t.Milestones {
			if body {
				row.Cells[3+4*m].Formula = next()
			}
			rate(i, m, row).Formula = next()
		}
	})
	if err != nil {
		return nil, err
	}
	first = s.FirstRow()
	return s, nil
}
