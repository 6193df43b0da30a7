package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// richSheets are sheets using every feature of the writer: label and
// subtitle rows, two-level headers, frozen columns or none, portrait,
// text, integer, decimal and percent cells, formulas, bold rows, a name
// with an apostrophe, a body given by a RowSource.
func richSheets() []*Sheet {
	a := sheet("Phụ lục I")
	a.Label, a.Subtitle = "Phụ lục I", "(Kèm theo Kế hoạch số 12/KH-UBND)"
	a.Rows = append(a.Rows,
		Row{Cells: []Cell{{Kind: Text, S: " lề\nhai dòng rất dài cho cột hẹp này"}, {Kind: Float, F: 0.7811, Format: Percent, Decimals: 2}, {Kind: Float, F: 98.8, Decimals: 1, Align: Center}}},
		Row{Cells: []Cell{{Kind: Text, S: "Cộng"}, {Kind: Int, I: 10125, Formula: "SUM(B5:B7)"}, {Kind: Float, F: 0.5, Format: Percent}}, Bold: true})
	b := sheet("It's")
	b.Portrait, b.FreezeCols = true, 0
	b.Header = [][]HeaderCell{{{Text: "STT", RowSpan: 3}, {Text: "Nhóm & <lớp>", ColSpan: 2}}, {{Text: "x", RowSpan: 2}, {Text: "y", RowSpan: 2}}, {}}
	c := sheet("Nguồn")
	c.Source, c.Rows = rowsSource(a.Rows), nil
	c.Widths = []float64{0, 30.1, 12.4}
	return []*Sheet{a, b, c}
}

// TestWriteMeansWhatExcelizeWrote: the workbook is, as excelize reads
// it, the workbook excelize wrote before the package wrote its own
// parts (refWrite below is that writer): the same sheets, values,
// formulas, cell types, styles, widths, heights, merges, panes, print
// setup, print titles, properties and default font.
func TestWriteMeansWhatExcelizeWrote(t *testing.T) {
	p := Props{Title: "BIỂU & KẾ HOẠCH", Subject: "BHYT", Creator: "UBND", Size: 13,
		Time: time.Date(2020, 5, 18, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600)), Margins: [4]float64{25, 0, 35, 20}}
	for _, p := range []Props{{}, p} {
		got := write(t, p, richSheets()...)
		var want bytes.Buffer
		ref := richSheets()
		ref[2].Rows, ref[2].Source = rowsSource(ref[0].Rows), nil
		if err := refWrite(&want, p, ref...); err != nil {
			t.Fatal(err)
		}
		sameMeaning(t, got, want.Bytes())
		sameRows(t, got, want.Bytes())
	}
}

// sameRows checks that each worksheet's rows are byte for byte those
// excelize's StreamWriter wrote, the title and header rows as well as
// the body, with the same style ids.
func sameRows(t *testing.T, got, want []byte) {
	t.Helper()
	rows := func(b []byte) map[string]string {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, f := range zr.File {
			if !strings.HasPrefix(f.Name, "xl/worksheets/") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			x, _ := io.ReadAll(rc)
			rc.Close()
			s := string(x)
			i, j := strings.Index(s, "<sheetData>"), strings.Index(s, "</sheetData>")
			if i < 0 || j < i {
				t.Fatalf("%s: no sheetData", f.Name)
			}
			m[f.Name] = s[i:j]
		}
		return m
	}
	g, w := rows(got), rows(want)
	if len(g) != len(w) || len(w) == 0 {
		t.Fatalf("%d worksheets, want %d", len(g), len(w))
	}
	for name, x := range w {
		if g[name] != x {
			t.Errorf("%s: rows\n%s\nwant\n%s", name, g[name], x)
		}
	}
}

func sameMeaning(t *testing.T, got, want []byte) {
	t.Helper()
	open := func(b []byte) *excelize.File {
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	g, w := open(got), open(want)
	same := func(what string, a, b any) {
		t.Helper()
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %+v, want %+v", what, a, b)
		}
	}
	same("sheets", g.GetSheetList(), w.GetSheetList())
	same("defined names", g.GetDefinedName(), w.GetDefinedName())
	same("active", g.GetActiveSheetIndex(), w.GetActiveSheetIndex())
	same("default font", must(g.GetDefaultFont()), must(w.GetDefaultFont()))
	gp, wp := must(g.GetDocProps()), must(w.GetDocProps())
	same("doc props", gp, wp)
	for _, sh := range w.GetSheetList() {
		same(sh+" props", must(g.GetSheetProps(sh)), must(w.GetSheetProps(sh)))
		same(sh+" panes", must(g.GetPanes(sh)), must(w.GetPanes(sh)))
		same(sh+" page", must(g.GetPageLayout(sh)), must(w.GetPageLayout(sh)))
		same(sh+" margins", must(g.GetPageMargins(sh)), must(w.GetPageMargins(sh)))
		same(sh+" header", must(g.GetHeaderFooter(sh)), must(w.GetHeaderFooter(sh)))
		gm, wm := must(g.GetMergeCells(sh)), must(w.GetMergeCells(sh))
		same(sh+" merges", len(gm), len(wm))
		for i := range min(len(gm), len(wm)) {
			same(sh+" merge", gm[i].GetStartAxis()+gm[i].GetEndAxis(), wm[i].GetStartAxis()+wm[i].GetEndAxis())
		}
		rows := must(w.GetRows(sh))
		same(sh+" rows", len(must(g.GetRows(sh))), len(rows))
		for r := 1; r <= len(rows)+1; r++ {
			same(fmt.Sprintf("%s row %d height", sh, r), must(g.GetRowHeight(sh, r)), must(w.GetRowHeight(sh, r)))
			for c := range 4 {
				ref := Ref(c, r)
				if r == 1 {
					same(sh+" width "+ColName(c), must(g.GetColWidth(sh, ColName(c))), must(w.GetColWidth(sh, ColName(c))))
				}
				same(sh+" "+ref, must(g.GetCellValue(sh, ref)), must(w.GetCellValue(sh, ref)))
				same(sh+" "+ref+" raw", must(g.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})), must(w.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})))
				same(sh+" "+ref+" formula", must(g.GetCellFormula(sh, ref)), must(w.GetCellFormula(sh, ref)))
				same(sh+" "+ref+" type", must(g.GetCellType(sh, ref)), must(w.GetCellType(sh, ref)))
				gs, ws := must(g.GetCellStyle(sh, ref)), must(w.GetCellStyle(sh, ref))
				same(sh+" "+ref+" style", colourless(must(g.GetStyle(gs))), colourless(must(w.GetStyle(ws))))
			}
		}
	}
}

// colourless is s without colours: excelize reads a colour only from a
// workbook with a theme part, which the package does not write (its
// borders are black by RGB, checked in TestWritePartsWellFormed, and its
// default font's colour is automatic, which is black).
func colourless(s *excelize.Style) *excelize.Style {
	for i := range s.Border {
		s.Border[i].Color = ""
	}
	if s.Font != nil {
		s.Font.ColorTheme = nil
	}
	return s
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Every part is well-formed XML, named in the content types and, but for
// those, the target of a relationship.
func TestWritePartsWellFormed(t *testing.T) {
	b := write(t, Props{}, richSheets()...)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := d.Token(); err != nil {
				if !errors.Is(err, io.EOF) {
					t.Errorf("%s: %v", f.Name, err)
				}
				break
			}
		}
		all += string(data)
		if f.Name == "xl/styles.xml" && strings.Count(string(data), `<color rgb="FF000000"/>`) != 4 {
			t.Errorf("borders not black: %s", data)
		}
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".rels") || f.Name == "[Content_Types].xml" {
			continue
		}
		if !strings.Contains(all, `PartName="/`+f.Name+`"`) {
			t.Errorf("%s not in the content types", f.Name)
		}
		base := f.Name[strings.LastIndex(f.Name, "/")+1:]
		if !strings.Contains(all, `Target="`+f.Name+`"`) && !strings.Contains(all, base+`"/>`) {
			t.Errorf("%s is no relationship's target", f.Name)
		}
	}
}

// The writer before this package wrote its own parts, kept as the
// reference of what a workbook means.

func refWrite(w io.Writer, p Props, sheets ...*Sheet) (err error) {
	p, m, err := prepare(p, sheets)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
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
	st, err := refNewStyles(f, p)
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
		if err := refWriteSheet(f, st, m, p, s); err != nil {
			return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
		}
	}
	return f.Write(w)
}

// styles are the style ids of one workbook.
type refStyles struct {
	title, subtitle, header, label int
	body                           map[styleKey]int // created on first use
	f                              *excelize.File
	p                              Props
}

func refBorder() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return b
}

func refNewStyles(f *excelize.File, p Props) (*refStyles, error) {
	st := &refStyles{body: map[styleKey]int{}, f: f, p: p}
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
	st.header = add(&excelize.Style{Font: font(p.Size, true, false), Border: refBorder(), Alignment: centre})
	return st, err
}

// labelStyle returns the style of the label row, created on first use.
func (st *refStyles) refLabelStyle() (int, error) {
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

// cell returns the style of c in a row that is bold or not, creating it on
// first use so that styles.xml holds only the styles in use, in the order
// they are first used.
func (st *refStyles) refCell(c Cell, bold bool) (int, error) {
	k := c.styleKey(bold)
	if id, ok := st.body[k]; ok {
		return id, nil
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Family: st.p.Font, Size: st.p.Size, Bold: bold},
		Border:    refBorder(),
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

func refWriteSheet(f *excelize.File, st *refStyles, m *Measure, p Props, s *Sheet) error {
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
		if label, err = st.refLabelStyle(); err != nil {
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
	// The heights are the writer's own rule (headerHeights); what the
	// reference checks is how the rows and merges are written.
	heights := headerHeights(s, p.Size, m)
	grid := make([][]any, len(s.Header))
	for r := range grid {
		grid[r] = make([]any, cols)
		for c := range grid[r] {
			grid[r][c] = excelize.Cell{StyleID: st.header}
		}
	}
	eachHeaderCell(s.Header, func(r, c int, hc HeaderCell) {
		cs, rs := span(hc.ColSpan), span(hc.RowSpan)
		grid[r][c] = excelize.Cell{StyleID: st.header, Value: hc.Text}
		if cs > 1 || rs > 1 {
			err = errors.Join(err, sw.MergeCell(Ref(c, hr+r), Ref(c+cs-1, hr+r+rs-1)))
		}
	})
	if err != nil {
		return err
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
			id, err := st.refCell(cell, r.Bold)
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
	if err := refSetupPrint(f, p, s, hr, top-1); err != nil {
		return err
	}
	return sw.Flush()
}

// setupPrint sets A4 (landscape unless s.Portrait), the margins, fit to
// one page wide, the header rows repeated on every page and page numbers
// centred at the top from page 2. It must run before the stream is
// flushed: the stream writes these worksheet parts on Flush.
func refSetupPrint(f *excelize.File, p Props, s *Sheet, head0, head1 int) error {
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

// BenchmarkWriteSmall writes a workbook of one small sheet: the cost of
// the package's parts, which every workbook pays whatever its rows.
func BenchmarkWriteSmall(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, Props{}, sheet("S")); err != nil {
			b.Fatal(err)
		}
	}
}

// Any names and texts give a workbook whose parts are well-formed XML,
// which this package's reader and excelize open with the sheet's name.
func FuzzWriteParts(f *testing.F) {
	f.Add("Phụ lục I", "BIỂU & <KẾ> \"HOẠCH\"", "Times New Roman", "UBND 'quận'", "Phụ lục")
	f.Add("It's", "\x00\x1f\ufffe_x0041_", "A&B\"", "\t", "x]]>")
	f.Fuzz(func(t *testing.T, name, title, font, creator, label string) {
		if !ValidName(name) {
			return
		}
		s := sheet(name)
		s.Title, s.Label, s.Subtitle = title, label, creator
		b := write(t, Props{Title: title, Subject: label, Creator: creator, Font: font}, s)
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			d := xml.NewDecoder(rc)
			for {
				if _, err := d.Token(); err != nil {
					if !errors.Is(err, io.EOF) {
						t.Fatalf("%s: %v", f.Name, err)
					}
					break
				}
			}
			rc.Close()
		}
		wb, err := Open(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		ex, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer ex.Close()
		if isPlain(name) && (wb.Sheets()[0].Name != name || ex.GetSheetList()[0] != name) {
			t.Errorf("sheet %q read as %q and %q", name, wb.Sheets()[0].Name, ex.GetSheetList())
		}
	})
}
