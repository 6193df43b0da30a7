// Package xlsx writes and reads workbooks of annex tables.
// A Table is an annex as printed text; Table.Sheet turns it into a Sheet,
// the table laid out the way officials print it (title rows, merged
// multi-level header, numbers as numbers, bordered body, bold totals row,
// A4 with the header rows repeated on every page) with columns and rows
// sized to the text by font metrics. Write streams sheets and makes the
// bytes deterministic. Read turns any workbook back into grids of
// displayed and raw values with its merged ranges.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/grid"
)

// Kind is the type of value a Cell holds.
type Kind uint8

// Cell kinds. A Blank cell still carries its style (borders).
const (
	Blank Kind = iota
	Text
	Int
	Float
)

// Align is a cell's horizontal alignment.
type Align uint8

// Alignments. Numbers are right-aligned in their columns as printed, but
// a cell takes whatever its column has (a centred STT column holds
// numbers too).
const (
	Left Align = iota
	Center
	Right
	numAligns
)

// Format is how a number cell is shown. Text cells are always stored with
// the text format ("@"), so what an official types over them stays text.
type Format uint8

// Number formats. The codes use "," for thousands and "." for decimals,
// which Excel and LibreOffice show with the viewer's locale separators:
// a Vietnamese installation shows 10125 under "#,##0" as "10.125" and
// 98.8 under "#,##0.0" as "98,8".
const (
	Number  Format = iota // "#,##0", or "#,##0.0…" with Decimals decimals
	Percent               // "0%", or "0.0…%"; the value is a fraction (0.7811)
	numFormats
)

// MaxDecimals bounds Cell.Decimals.
const MaxDecimals = 9

// Cell is one body cell. For a formula cell, I or F holds the cached
// result, which readers show without recalculating.
type Cell struct {
	Kind     Kind
	S        string  // Text
	I        int64   // Int
	F        float64 // Float
	Formula  string  // without the leading "="
	Align    Align
	Format   Format // Int and Float cells
	Decimals int    // Int and Float cells: decimals shown, 0–MaxDecimals
}

// Row is a body row; Bold rows (the totals) use the bold styles.
type Row struct {
	Cells []Cell
	Bold  bool
	// StylesOnly tells the fill function of Table.StreamSheet that the
	// row is made only to find its cells' styles and check them, before
	// anything is written: it may leave the formulas out.
	StylesOnly bool
}

// HeaderCell is a header cell spanning ColSpan columns and RowSpan rows (0
// counts as 1), as in bhytdoc.HeaderCell.
type HeaderCell struct {
	Text             string
	ColSpan, RowSpan int
}

// Sheet is one worksheet. Rows are written top-down: Label and Title
// (when not empty), Subtitle (when not empty), a blank row, the header
// rows, then the body rows.
type Sheet struct {
	Name     string // at most 31 characters, none of : \ / ? * [ ]
	Label    string // "Phụ lục I", above the title; may be empty
	Title    string
	Subtitle string
	Header   [][]HeaderCell
	Widths   []float64 // column widths in Excel character units
	Rows     []Row
	// FreezeCols is the number of left columns kept in view when
	// scrolling right (STT and unit name).
	FreezeCols int
	// Portrait prints the sheet on portrait pages; the default is
	// landscape.
	Portrait bool
	// Source, when not nil, gives the body rows in place of Rows, one at
	// a time as they are written, so that no sheet is ever held as cells.
	Source RowSource
}

// RowSource gives a sheet's body rows one at a time: Len rows, Row(i, r)
// filling r with row i, reusing r.Cells. Rows are asked for twice, in
// order: once to check them and find their styles before anything is
// written, once to write them.
type RowSource interface {
	Len() int
	Row(i int, r *Row)
}

// NumRows is the number of body rows.
func (s *Sheet) NumRows() int {
	if s.Source != nil {
		return s.Source.Len()
	}
	return len(s.Rows)
}

// Props are the workbook properties. Time is written as both created and
// modified time, and as the time stamp of every zip entry, so the same
// input gives the same bytes; zero means 1980-01-01 00:00 UTC.
type Props struct {
	Title   string
	Subject string
	Creator string
	Time    time.Time
	// Font is the family name of every cell; empty means Times New Roman.
	Font string
	// Metrics is the family whose widths measure text for column widths
	// and row heights; it should be metric-compatible with Font. Nil
	// means Liberation Serif, metric-compatible with Times New Roman.
	Metrics *fonts.Family
	// Size is the body and header font size in points (Decree 30 tables:
	// 12–13); 0 means 12. Titles are 14.
	Size float64
	// Margins of the printed page in millimetres: top, bottom, left,
	// right. Zeros mean Decree 30's least margins, 20, 20, 30 and 15.
	Margins [4]float64
}

// Font sizes in points: Decree 30 prints annex titles at 13–14 and tables
// at 12–13.
const (
	titleSize   = 14
	defaultSize = 12
)

// FirstHeaderRow returns the 1-based sheet row of s.Header[0].
func (s *Sheet) FirstHeaderRow() int {
	r := 3 // title, blank
	if s.Label != "" {
		r++
	}
	if s.Subtitle != "" {
		r++
	}
	return r
}

// FirstRow returns the 1-based sheet row of s.Rows[0].
func (s *Sheet) FirstRow() int { return s.FirstHeaderRow() + len(s.Header) }

// Cols is the number of columns of the sheet's header.
func (s *Sheet) Cols() int {
	n := 0
	if len(s.Header) > 0 {
		for _, c := range s.Header[0] {
			n += min(span(c.ColSpan), maxColumns+1) // no overflow
		}
	}
	return n
}

func span(n int) int { return max(n, 1) }

// ColName returns the letters of the 0-based column c: 0 → "A", 27 → "AB".
func ColName(c int) string {
	var b []byte
	for c++; c > 0; c = (c - 1) / 26 {
		b = append(b, byte('A'+(c-1)%26))
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// Ref returns the A1 reference of the 0-based column c and 1-based row r.
func Ref(c, r int) string { return fmt.Sprintf("%s%d", ColName(c), r) }

// ValidName reports whether name can name a worksheet: 1–31 characters,
// none of : \ / ? * [ ], not starting or ending with "'".
func ValidName(name string) bool {
	return name != "" && utf8.RuneCountInString(name) <= 31 && !strings.ContainsAny(name, `:\/?*[]`) &&
		!strings.HasPrefix(name, "'") && !strings.HasSuffix(name, "'")
}

// Write writes sheets as one workbook to w. Nothing is written when an
// argument is invalid.
func Write(w io.Writer, p Props, sheets ...*Sheet) (err error) {
	p, m, err := prepare(p, sheets)
	if err != nil {
		return err
	}
	st := newStyles(p)
	z := newSortedZip(w, p.Time)
	defer func() {
		if err != nil && z.err == nil {
			z.err = err // Close writes nothing, ends the deflaters
		}
		if cerr := z.Close(); err == nil {
			err = cerr
		}
	}()
	head := make([][2]int, len(sheets))
	for i, s := range sheets {
		if s.Source == nil {
			c := *s
			c.Source = rowSlice(s.Rows)
			s = &c
		}
		if s.Label != "" { // made before the body's, as ever
			st.labelStyle()
		}
		gen, err := streamRows(st, m, p, s)
		if err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
		sheetHead, sheetTail := worksheetXML(st, m, p, s, i == 0)
		if err := z.addSheet(sheetName(i), sheetHead, gen, sheetTail); err != nil {
			return err
		}
		head[i] = [2]int{s.FirstHeaderRow(), s.FirstRow() - 1}
	}
	// Styles last: rows may have made some as they were written.
	for _, part := range []struct {
		name string
		b    []byte
	}{
		{"[Content_Types].xml", contentTypes(len(sheets))},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/app.xml", []byte(appProps)},
		{"docProps/core.xml", coreProps(p)},
		{"xl/_rels/workbook.xml.rels", workbookRels(len(sheets))},
		{"xl/workbook.xml", workbookXML(sheets, head)},
		{"xl/styles.xml", st.xml()},
	} {
		if err := z.add(part.name, part.b); err != nil {
			return err
		}
	}
	return nil
}

// prepare checks sheets and fills in p's defaults: what Write does
// before it writes anything.
func prepare(p Props, sheets []*Sheet) (Props, *Measure, error) {
	if len(sheets) == 0 {
		return p, nil, errors.New("xlsx: no sheets")
	}
	seen := map[string]bool{}
	for i, s := range sheets {
		if err := s.check(); err != nil {
			return p, nil, fmt.Errorf("xlsx: sheet %d (%q): %w", i+1, s.Name, err)
		}
		key := strings.ToLower(s.Name)
		if seen[key] {
			return p, nil, fmt.Errorf("xlsx: duplicate sheet name %q", s.Name)
		}
		seen[key] = true
	}
	if p.Font == "" {
		p.Font = "Times New Roman"
	}
	if p.Size == 0 {
		p.Size = defaultSize
	}
	if p.Time.IsZero() {
		p.Time = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) // the earliest a zip entry can carry
	}
	p.Time = p.Time.UTC().Truncate(time.Second)
	for i, d := range [4]float64{20, 20, 30, 15} {
		if p.Margins[i] == 0 {
			p.Margins[i] = d
		}
	}
	m, err := NewMeasure(p.Metrics)
	return p, m, err
}

func (s *Sheet) check() error {
	if !ValidName(s.Name) {
		return errors.New("invalid sheet name")
	}
	cols := s.Cols()
	if cols == 0 {
		return errors.New("no header")
	}
	if cols > maxColumns || len(s.Widths) != cols {
		return fmt.Errorf("%d widths for %d columns", len(s.Widths), cols)
	}
	for c, w := range s.Widths {
		if !(w >= 0 && w <= 255) { // Excel's widest column
			return fmt.Errorf("column %s width %g outside 0–255", ColName(c), w)
		}
	}
	bad := false
	eachHeaderCell(s.Header, func(r, c int, hc HeaderCell) {
		bad = bad || hc.ColSpan < 0 || hc.RowSpan < 0 || c+span(hc.ColSpan) > cols || r+span(hc.RowSpan) > len(s.Header)
	})
	if bad {
		return errors.New("header cells do not tile the header grid")
	}
	if n := s.NumRows(); s.FirstRow()+n > maxRows {
		return fmt.Errorf("%d rows: a sheet holds at most %d", n, maxRows)
	}
	for i, r := range s.Rows {
		if err := checkRow(i, &r, cols); err != nil {
			return err
		}
	}
	return nil
}

func checkRow(i int, r *Row, cols int) error {
	if len(r.Cells) != cols {
		return fmt.Errorf("row %d has %d cells for %d columns", i+1, len(r.Cells), cols)
	}
	for _, c := range r.Cells {
		if c.Kind > Float || c.Align >= numAligns || c.Format >= numFormats || c.Decimals < 0 || c.Decimals > MaxDecimals {
			return fmt.Errorf("row %d: invalid cell kind, alignment, format or decimals", i+1)
		}
		if c.Kind == Float && (math.IsNaN(c.F) || math.IsInf(c.F, 0)) {
			return fmt.Errorf("row %d: %v is not a number a workbook can hold", i+1, c.F)
		}
	}
	return nil
}

// styleKey identifies a body cell style: text or a number format, its
// decimals, the alignment and the weight.
type styleKey struct {
	text     bool
	format   Format
	decimals int
	align    Align
	bold     bool
}

// styleKey is the key of c's style in a row that is bold or not.
func (c *Cell) styleKey(bold bool) styleKey {
	k := styleKey{text: c.Kind == Text || c.Kind == Blank, align: c.Align, bold: bold}
	if !k.text {
		k.format, k.decimals = c.Format, c.Decimals
	}
	return k
}

var alignNames = [numAligns]string{"left", "center", "right"}

// lineHeight is the height in points of one line of text at size pt.
func lineHeight(size float64) float64 { return math.Ceil(size*1.3*4) / 4 }

// maxRowHeight is the tallest row Excel allows, in points.
const maxRowHeight = 409

func pane(freezeCols int) string {
	if freezeCols > 0 {
		return "bottomRight"
	}
	return "bottomLeft"
}

// eachHeaderCell calls fn with each header cell's row and first column,
// skipping the columns taken by row spans from above.
func eachHeaderCell(h [][]HeaderCell, fn func(r, c int, cell HeaderCell)) {
	grid.Walk(h, func(c HeaderCell) (int, int) { return c.ColSpan, c.RowSpan },
		func(r, _, col int, c HeaderCell) { fn(r, col, c) })
}
