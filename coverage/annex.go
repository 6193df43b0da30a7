package coverage

import (
	"math"
	"strconv"

	"github.com/bhytdoc/bhytdoc/internal/typo"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
)

// The column headers of a milestone's four columns, as officials write
// them. Check recognises these and common variants.
const (
	HeaderSTT             = "STT"
	HeaderParticipants    = "Số người đã tham gia BHYT"
	HeaderNonParticipants = "Số người chưa tham gia BHYT"
	HeaderPopulation      = "Dân số"
	HeaderRate            = "Tỷ lệ (%)"
	TotalsLabel           = "Cộng"
)

// columnsPerMilestone is the width of a milestone's column group.
const columnsPerMilestone = 4

// Annex returns t as a bhytdoc annex, ready for a Document's Annexes:
// a two-row header "STT | unit | <milestone> {Số người đã tham gia BHYT,
// Số người chưa tham gia BHYT, Dân số, Tỷ lệ (%)} …", a row per unit
// numbered from 1, and the totals row "Cộng". Counts are formatted with
// "." between thousands, rates with t's precision and no "%" (the header
// says it). Tables with two or more milestones are laid out landscape.
// Annex reports t.Validate's error rather than print a wrong table.
func (t *Table) Annex() (bhytdoc.Annex, error) {
	if err := t.Validate(); err != nil {
		return bhytdoc.Annex{}, err
	}
	return t.annex(), nil
}

// annex is Annex of a valid t.
func (t *Table) annex() bhytdoc.Annex {
	a := t.annexHead(nil)
	prec := t.precision()
	a.Table.Rows = make([][]string, len(t.Rows))
	for i := range t.Rows {
		a.Table.Rows[i] = t.rowCells(make([]string, 0, len(a.Table.Columns)), i, prec)
	}
	return a
}

// rowCells appends the texts of row i, as Annex prints them, to cells.
func (t *Table) rowCells(cells []string, i, prec int) []string {
	r := &t.Rows[i]
	cells = append(cells, strconv.Itoa(i+1), r.Unit.Label())
	return appendFigures(cells, r.Figures, prec)
}

// annexRows makes the annex rows' texts for a writer that reads them
// several times: each unit's label made once, a row's other cells cut
// from one string, so that a row costs one allocation, not thirteen.
type annexRows struct {
	t      *Table
	prec   int
	labels []string
	buf    []byte
	ends   []int
}

func (t *Table) annexRows(labels []string) *annexRows {
	return &annexRows{t: t, prec: t.precision(), labels: labels}
}

// labels returns the units' labels, made once for a writer that needs
// them more than once.
func (t *Table) labels() []string {
	l := make([]string, len(t.Rows))
	for i := range t.Rows {
		l[i] = t.Rows[i].Unit.Label()
	}
	return l
}

// cells is rowCells.
func (a *annexRows) cells(i int, cells []string) []string {
	b, ends := strconv.AppendInt(a.buf[:0], int64(i+1), 10), a.ends[:0]
	ends = append(ends, len(b))
	for _, f := range a.t.Rows[i].Figures {
		b = typo.AppendInt(b, f.Participants)
		ends = append(ends, len(b))
		b = typo.AppendInt(b, f.NonParticipants())
		ends = append(ends, len(b))
		b = typo.AppendInt(b, f.Population)
		ends = append(ends, len(b))
		if v, ok := f.Rate().Scaled(a.prec); ok {
			b = appendScaled(b, v, min(max(a.prec, 0), MaxPrecision))
		}
		ends = append(ends, len(b))
	}
	a.buf, a.ends = b, ends
	s := string(b)
	cells = append(cells, s[:ends[0]], a.labels[i])
	for k := 1; k < len(ends); k++ {
		cells = append(cells, s[ends[k-1]:ends[k]])
	}
	return cells
}

// xlsxCells appends the cells the XLSX writer makes of row i's texts,
// straight from the figures: what xlsx.Table.RowCells asks for. The
// writer checks them against the texts.
func (a *annexRows) xlsxCells(i int, cells []xlsx.Cell) []xlsx.Cell {
	stt := xlsx.Cell{Kind: xlsx.Int, I: int64(i + 1)}
	if i+1 >= 1000 { // "1000", without the thousands dot: not a number a format shows back
		stt = xlsx.Cell{Kind: xlsx.Text, S: strconv.Itoa(i + 1)}
	}
	name := xlsx.Cell{Kind: xlsx.Text, S: a.labels[i]}
	if name.S == "" {
		name = xlsx.Cell{}
	}
	cells = append(cells, stt, name)
	prec := min(max(a.prec, 0), MaxPrecision)
	for _, f := range a.t.Rows[i].Figures {
		cells = append(cells, intCell(f.Participants), intCell(f.NonParticipants()), intCell(f.Population))
		rate := xlsx.Cell{} // blank
		if v, ok := f.Rate().Scaled(a.prec); ok {
			rate = scaledCell(v, prec)
		}
		cells = append(cells, rate)
	}
	return cells
}

// scaledCell is the cell of appendScaled(v, prec): its digits are v.
func scaledCell(v int64, prec int) xlsx.Cell {
	const max15 = 999_999_999_999_999
	switch {
	case v < 0 || v > max15: // rare: as the text parses
		var b [32]byte
		if c, ok := xlsx.ParseCell(string(appendScaled(b[:0], v, prec))); ok {
			return c
		}
		return xlsx.Cell{Kind: xlsx.Text, S: string(appendScaled(nil, v, prec))}
	case prec == 0:
		return xlsx.Cell{Kind: xlsx.Int, I: v}
	}
	return xlsx.Cell{Kind: xlsx.Float, F: float64(v) / math.Pow10(prec), Decimals: prec}
}

// intCell is the cell of typo.Int(n): a number within a double's 15
// exact digits.
func intCell(n int64) xlsx.Cell {
	const max15 = 999_999_999_999_999
	if n < -max15 || n > max15 {
		return xlsx.Cell{Kind: xlsx.Text, S: typo.Int(n)}
	}
	return xlsx.Cell{Kind: xlsx.Int, I: n}
}

// annexHead is annex without its rows: what writers that make the rows
// one at a time need. labels, when not nil, are the units' labels.
func (t *Table) annexHead(labels []string) bhytdoc.Annex {
	prec := t.precision()
	cols := 2 + columnsPerMilestone*len(t.Milestones)
	top := []bhytdoc.HeaderCell{
		{Text: HeaderSTT, RowSpan: 2},
		{Text: t.unitHeader(), RowSpan: 2},
	}
	var sub []bhytdoc.HeaderCell
	for _, m := range t.Milestones {
		top = append(top, bhytdoc.HeaderCell{Text: m.Header(), ColSpan: columnsPerMilestone})
		sub = append(sub,
			bhytdoc.HeaderCell{Text: HeaderParticipants},
			bhytdoc.HeaderCell{Text: HeaderNonParticipants},
			bhytdoc.HeaderCell{Text: HeaderPopulation},
			bhytdoc.HeaderCell{Text: HeaderRate})
	}
	columns := make([]bhytdoc.Column, cols)
	columns[0].Align = bhytdoc.AlignCenter
	columns[1].Align = bhytdoc.AlignLeft
	columns[1].Width = t.unitWidth(labels)
	for c := 2; c < cols; c++ {
		columns[c].Align = bhytdoc.AlignRight
	}
	totals := appendFigures([]string{"", TotalsLabel}, t.Totals(), prec)
	return bhytdoc.Annex{
		Title:     t.title(),
		Reference: t.Reference,
		Table: bhytdoc.Table{
			Header:  [][]bhytdoc.HeaderCell{top, sub},
			Columns: columns,
			Totals:  totals,
		},
		Landscape: len(t.Milestones) >= 2,
	}
}

func appendFigures(cells []string, fs []Figures, prec int) []string {
	for _, f := range fs {
		cells = append(cells,
			typo.Int(f.Participants),
			typo.Int(f.NonParticipants()),
			typo.Int(f.Population),
			f.Rate().Text(prec))
	}
	return cells
}

// unitWidth is the width in millimetres that keeps the longest unit label
// on one line at the Decree 30 table size (13 pt, the default font), so
// that the renderer, which shares the page among columns by their content,
// does not squeeze names into two lines to widen number columns. 0 (let
// the renderer decide) when the font is not available.
func (t *Table) unitWidth(labels []string) float64 {
	const size, pad, widest = 13, 3, 60 // pt, mm (cell padding and slack), mm
	face, err := fonts.Liberation().Face(fonts.Regular)
	if err != nil {
		return 0
	}
	w := face.Width(t.unitHeader(), size) / 2 // the header may wrap
	for i := range t.Rows {
		l := ""
		if labels != nil {
			l = labels[i]
		} else {
			l = t.Rows[i].Unit.Label()
		}
		w = max(w, face.Width(l, size))
	}
	return min(w*25.4/72+pad, widest)
}
