// Package xlsx writes and reads workbooks of annex tables with excelize.
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

	"github.com/xuri/excelize/v2"

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
			n += min(span(c.ColSpan), excelize.MaxColumns+1) // no overflow
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
	if len(sheets) == 0 {
		return errors.New("xlsx: no sheets")
	}
	seen := map[string]bool{}
	for i, s := range sheets {
		if err := s.check(); err != nil {
			return fmt.Errorf("xlsx: sheet %d (%q): %w", i+1, s.Name, err)
		}
		key := strings.ToLower(s.Name)
		if seen[key] {
			return fmt.Errorf("xlsx: duplicate sheet name %q", s.Name)
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
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	splice := map[string]func(io.Writer) error{}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		z := newSortedZip(w, p.Time)
		z.splice = splice
		return z
	})
	if err := f.SetDefaultFont(p.Font); err != nil {
		return err
	}
	stamp := p.Time.Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: p.Title, Subject: p.Subject, Creator: p.Creator, LastModifiedBy: p.Creator,
		Created: stamp, Modified: stamp, Language: "vi-VN",
	}); err != nil {
		return err
	}
	st, err := newStyles(f, p)
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(f, st, m, p, s); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
		if s.Source != nil {
			// excelize names the parts of sheets in the order they are
			// made.
			gen, err := streamRows(st, m, p, s)
			if err != nil {
				return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
			}
			splice[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = gen
		}
	}
	// The first sheet is active as created; SetActiveSheet here would
	// parse every streamed sheet back into memory.
	return f.Write(w)
}

func (s *Sheet) check() error {
	if !ValidName(s.Name) {
		return errors.New("invalid sheet name")
	}
	cols := s.Cols()
	if cols == 0 {
		return errors.New("no header")
	}
	if cols > excelize.MaxColumns || len(s.Widths) != cols {
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
	if n := s.NumRows(); s.FirstRow()+n > excelize.TotalRows {
		return fmt.Errorf("%d rows: a sheet holds at most %d", n, excelize.TotalRows)
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

// styles are the style ids of one workbook.
type styles struct {
	title, subtitle, header, label int
	body                           map[styleKey]int // created on first use
	f                              *excelize.File
	p                              Props
}

func border() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return b
}

func newStyles(f *excelize.File, p Props) (*styles, error) {
	st := &styles{body: map[styleKey]int{}, f: f, p: p}
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: p.Font, Size: size, Bold: bold, Italic: italic}
	}
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	st.title = add(&excelize.Style{Font: font(titleSize, true, false), Alignment: centre})
	st.subtitle = add(&excelize.Style{Font: font(titleSize, false, true), Alignment: centre})
	st.header = add(&excelize.Style{Font: font(p.Size, true, false), Border: border(), Alignment: centre})
	return st, err
}

// labelStyle returns the style of the label row, created on first use.
func (st *styles) labelStyle() (int, error) {
	if st.label == 0 {
		id, err := st.f.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Family: st.p.Font, Size: st.p.Size + 1, Bold: true},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		})
		if err != nil {
			return 0, err
		}
		st.label = id
	}
	return st.label, nil
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

// cell returns the style of c in a row that is bold or not, creating it on
// first use so that styles.xml holds only the styles in use, in the order
// they are first used.
func (st *styles) cell(c Cell, bold bool) (int, error) {
	k := c.styleKey(bold)
	if id, ok := st.body[k]; ok {
		return id, nil
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Family: st.p.Font, Size: st.p.Size, Bold: bold},
		Border:    border(),
		Alignment: &excelize.Alignment{Horizontal: alignNames[k.align], Vertical: "center"},
	}
	switch {
	case k.text:
		s.NumFmt = 49 // "@"
		s.Alignment.WrapText = true
	case k.format == Number && k.decimals == 0:
		s.NumFmt = 3 // "#,##0"
	default:
		code := "#,##0"
		if k.format == Percent {
			code = "0"
		}
		if k.decimals > 0 {
			code += "." + strings.Repeat("0", k.decimals)
		}
		if k.format == Percent {
			code += "%"
		}
		s.CustomNumFmt = &code
	}
	id, err := st.f.NewStyle(s)
	if err == nil {
		st.body[k] = id
	}
	return id, err
}

// lineHeight is the height in points of one line of text at size pt.
func lineHeight(size float64) float64 { return math.Ceil(size*1.3*4) / 4 }

func writeSheet(f *excelize.File, st *styles, m *Measure, p Props, s *Sheet) error {
	cols := s.Cols()
	last := cols - 1
	fit := true
	if err := f.SetSheetProps(s.Name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	total := 0.0
	// excelize puts each new <col> first, and Excel wants them in
	// ascending order: set them right to left.
	for c := cols - 1; c >= 0; c-- {
		w := math.Round(s.Widths[c]*4) / 4
		total += w
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	hr := s.FirstHeaderRow()
	top := s.FirstRow()
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: s.FreezeCols, YSplit: top - 1,
		TopLeftCell: Ref(s.FreezeCols, top), ActivePane: pane(s.FreezeCols),
		Selection: []excelize.Selection{{SQRef: Ref(s.FreezeCols, top), ActiveCell: Ref(s.FreezeCols, top), Pane: pane(s.FreezeCols)}},
	}); err != nil {
		return err
	}
	// Title rows: one merged cell across the table each.
	label := 0
	if s.Label != "" {
		if label, err = st.labelStyle(); err != nil {
			return err
		}
	}
	row := 1
	for i, t := range []struct {
		s     string
		style int
		size  float64
		bold  bool
	}{{s.Label, label, p.Size + 1, true}, {s.Title, st.title, titleSize, true}, {s.Subtitle, st.subtitle, titleSize, false}} {
		if t.s == "" && i != 1 {
			continue
		}
		h := float64(m.Lines(t.s, total, t.size, t.bold)) * lineHeight(t.size)
		if err := sw.SetRow(Ref(0, row), []any{excelize.Cell{StyleID: t.style, Value: t.s}},
			excelize.RowOpts{Height: h}); err != nil {
			return err
		}
		if cols > 1 {
			if err := sw.MergeCell(Ref(0, row), Ref(last, row)); err != nil {
				return err
			}
		}
		row++
	}
	// Header: every covered cell gets the bordered style so merged areas
	// print with complete borders.
	grid := make([][]any, len(s.Header))
	heights := make([]float64, len(s.Header))
	for r := range grid {
		grid[r] = make([]any, cols)
		for c := range grid[r] {
			grid[r][c] = excelize.Cell{StyleID: st.header}
		}
		heights[r] = lineHeight(p.Size)
	}
	type tall struct {
		r, rs int
		h     float64
	}
	var talls []tall
	eachHeaderCell(s.Header, func(r, c int, hc HeaderCell) {
		cs, rs := span(hc.ColSpan), span(hc.RowSpan)
		grid[r][c] = excelize.Cell{StyleID: st.header, Value: hc.Text}
		w := 0.0
		for i := c; i < c+cs && i < cols; i++ {
			w += s.Widths[i]
		}
		h := float64(m.Lines(hc.Text, w, p.Size, true))*lineHeight(p.Size) + 4
		if rs == 1 {
			heights[r] = max(heights[r], h)
		} else {
			talls = append(talls, tall{r, rs, h})
		}
		if cs > 1 || rs > 1 {
			err = errors.Join(err, sw.MergeCell(Ref(c, hr+r), Ref(c+cs-1, hr+r+rs-1)))
		}
	})
	if err != nil {
		return err
	}
	for _, t := range talls {
		have := 0.0
		for r := t.r; r < t.r+t.rs && r < len(heights); r++ {
			have += heights[r]
		}
		if t.h > have {
			heights[min(t.r+t.rs, len(heights))-1] += t.h - have
		}
	}
	for r := range grid {
		if err := sw.SetRow(Ref(0, hr+r), grid[r], excelize.RowOpts{Height: min(heights[r], maxRowHeight)}); err != nil {
			return err
		}
	}
	vals := make([]any, cols)
	for i, r := range s.Rows {
		// A fixed height keeps rows from printing cramped; wrapped text
		// gets a line per line.
		n := 1
		for c, cell := range r.Cells {
			id, err := st.cell(cell, r.Bold)
			if err != nil {
				return err
			}
			// Values go in as typed Go values: a string is always a
			// text cell, so text such as "=1+1" never becomes a formula.
			v := excelize.Cell{StyleID: id, Formula: cell.Formula}
			switch cell.Kind {
			case Text:
				v.Value = cell.S
				n = max(n, m.Lines(cell.S, s.Widths[c], p.Size, r.Bold))
			case Int:
				v.Value = cell.I
			case Float:
				v.Value = cell.F
			}
			vals[c] = v
		}
		h := min(float64(n)*lineHeight(p.Size)+3, maxRowHeight)
		if err := sw.SetRow(Ref(0, top+i), vals, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	if err := setupPrint(f, p, s, hr, top-1); err != nil {
		return err
	}
	return sw.Flush()
}

// maxRowHeight is the tallest row Excel allows, in points.
const maxRowHeight = 409

func pane(freezeCols int) string {
	if freezeCols > 0 {
		return "bottomRight"
	}
	return "bottomLeft"
}

// setupPrint sets A4 (landscape unless s.Portrait), the margins, fit to
// one page wide, the header rows repeated on every page and page numbers
// centred at the top from page 2. It must run before the stream is
// flushed: the stream writes these worksheet parts on Flush.
func setupPrint(f *excelize.File, p Props, s *Sheet, head0, head1 int) error {
	size, orient, one, zero := 9, "landscape", 1, 0 // 9 is A4
	if s.Portrait {
		orient = "portrait"
	}
	if err := f.SetPageLayout(s.Name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	// Margins in inches.
	top, bottom, left, right, hf := p.Margins[0]/25.4, p.Margins[1]/25.4, p.Margins[2]/25.4, p.Margins[3]/25.4, 10/25.4
	centre := true
	if err := f.SetPageMargins(s.Name, &excelize.PageLayoutMarginsOptions{
		Top: &top, Bottom: &bottom, Left: &left, Right: &right, Header: &hf, Footer: &hf, Horizontally: &centre,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(s.Name, &excelize.HeaderFooterOptions{
		DifferentFirst: true,
		OddHeader:      fmt.Sprintf(`&C&"%s,Regular"&13&P`, p.Font),
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(s.Name, "'", "''"), head0, head1),
		Scope:    s.Name,
	})
}

// eachHeaderCell calls fn with each header cell's row and first column,
// skipping the columns taken by row spans from above.
func eachHeaderCell(h [][]HeaderCell, fn func(r, c int, cell HeaderCell)) {
	grid.Walk(h, func(c HeaderCell) (int, int) { return c.ColSpan, c.RowSpan },
		func(r, _, col int, c HeaderCell) { fn(r, col, c) })
}
