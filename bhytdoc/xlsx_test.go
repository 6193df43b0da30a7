package bhytdoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// longCommune is a unit name too long for one line of any sensible
// column: it must wrap inside a taller row.
const longCommune = "Xã Thạnh Phú Đông thuộc vùng dự án di dân tái định cư khu công nghiệp Hưng Phú và khu đô thị mới Nam Cần Thơ"

// resultAnnex is an annex with a three-level header (row spans, a column
// group inside a column group), integer, percent and decimal columns, a
// "-" cell, a long commune name, and a totals row whose "Thực hiện" total
// is wrong by one.
func resultAnnex() bhytdoc.Annex {
	return bhytdoc.Annex{
		Title:     "Kết quả thực hiện bảo hiểm y tế năm 2021",
		Reference: "Kèm theo Quyết định số 125/QĐ-UBND ngày 05/02/2021 của Ủy ban nhân dân huyện Sơn Dương",
		Table: bhytdoc.Table{
			Header: [][]bhytdoc.HeaderCell{
				{{Text: "STT", RowSpan: 3}, {Text: "Xã, phường", RowSpan: 3}, {Text: "Kết quả năm 2021", ColSpan: 5}, {Text: "Ghi chú", RowSpan: 3}},
				{{Text: "Số người tham gia", ColSpan: 2}, {Text: "Dân số", RowSpan: 2}, {Text: "Tỷ lệ", ColSpan: 2}},
				{{Text: "Kế hoạch"}, {Text: "Thực hiện"}, {Text: "Bao phủ"}, {Text: "So với kế hoạch (%)"}},
			},
			Rows: [][]string{
				{"1", "Phường Lê Bình", "10.000", "10.125", "10.250", "98,78%", "101,3", ""},
				{"2", longCommune, "2.000", "1.977", "2.000", "98,85%", "98,9", "Vùng dự án"},
				{"3", "Thị trấn Nam Giang", "-", "3", "3", "100,00%", "-", ""},
			},
			Totals: []string{"", "Cộng", "12.000", "12.106", "12.253", "84,93%", "100,9", ""},
		},
	}
}

// coveragePlan is a coverage plan's annex, the table `bhytdoc annex plan`
// writes.
func coveragePlan(t testing.TB) bhytdoc.Annex {
	t.Helper()
	p := func(s string) coverage.Percent {
		v, err := coverage.ParsePercent(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tb, err := coverage.PlanTargets([]coverage.Baseline{
		{Unit: coverage.Unit{Name: "Lê Bình", Kind: coverage.Phuong}, Participants: 8000, Population: 10125},
		{Unit: coverage.Unit{Name: "An Bình", Kind: coverage.Xa}, Participants: 1977, Population: 2000},
		{Unit: coverage.Unit{Name: "Nam Giang", Kind: coverage.ThiTran}, Participants: 1, Population: 3},
	}, []coverage.Milestone{
		{Date: bhytdoc.Date{Year: 2020, Month: 6, Day: 30}, Rate: p("85")},
		{Date: bhytdoc.Date{Year: 2020, Month: 9, Day: 30}, Rate: p("89")},
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := tb.Annex()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// annexDoc is the quyết định of the DOCX tests with the given annexes.
func annexDoc(t testing.TB, annexes ...bhytdoc.Annex) *bhytdoc.Document {
	d := quyetDinh(t, 1)
	d.Annexes = annexes
	return d
}

func renderXLSX(t testing.TB, d *bhytdoc.Document) []byte {
	t.Helper()
	b, err := bhytdoc.RenderXLSX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func openXLSX(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func merges(t *testing.T, f *excelize.File, sh string) []string {
	t.Helper()
	ms, err := f.GetMergeCells(sh, true)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.Sort(out)
	return out
}

// cellCheck is what a cell must hold: its type, raw value, formula and
// the value excelize shows with the cell's number format (in its own
// en-US separators; a vi-VN viewer swaps them).
type cellCheck struct {
	ref     string
	typ     excelize.CellType
	raw     string
	formula string
	format  string // custom number format code, or "" for a built-in one
	numFmt  int    // built-in number format id when format is ""
}

func checkCells(t *testing.T, f *excelize.File, sh string, cells []cellCheck) {
	t.Helper()
	for _, c := range cells {
		typ, err := f.GetCellType(sh, c.ref)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue(sh, c.ref, excelize.Options{RawCellValue: true})
		formula, _ := f.GetCellFormula(sh, c.ref)
		if typ != c.typ || raw != c.raw || formula != c.formula {
			t.Errorf("%s!%s = type %v raw %q formula %q; want type %v raw %q formula %q", sh, c.ref, typ, raw, formula, c.typ, c.raw, c.formula)
		}
		if c.formula != "" {
			// excelize's engine computes the cached value.
			if v, err := f.CalcCellValue(sh, c.ref, excelize.Options{RawCellValue: true}); err != nil || v != c.raw {
				t.Errorf("%s!%s computes to %q (%v), cached %q", sh, c.ref, v, err, c.raw)
			}
		}
		id, _ := f.GetCellStyle(sh, c.ref)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if c.format != "" && (st.CustomNumFmt == nil || *st.CustomNumFmt != c.format) {
			t.Errorf("%s!%s format %v, want %q", sh, c.ref, st.CustomNumFmt, c.format)
		}
		if c.format == "" && (st.CustomNumFmt != nil || st.NumFmt != c.numFmt) {
			t.Errorf("%s!%s format %d %v, want %d", sh, c.ref, st.NumFmt, st.CustomNumFmt, c.numFmt)
		}
		if st.Font == nil || st.Font.Family != "Times New Roman" || len(st.Border) != 4 {
			t.Errorf("%s!%s font %+v borders %d", sh, c.ref, st.Font, len(st.Border))
		}
	}
}

const (
	num  = excelize.CellTypeUnset // numbers are written without a type attribute
	text = excelize.CellTypeInlineString
)

func TestXLSXMultiLevelHeader(t *testing.T) {
	f := openXLSX(t, renderXLSX(t, annexDoc(t, resultAnnex(), coveragePlan(t))))
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Phụ lục I", "Phụ lục II"}) {
		t.Fatalf("sheets %q", got)
	}
	const sh = "Phụ lục I"
	// Label, title, reference, a blank row, three header rows, the body
	// from row 8.
	for ref, want := range map[string]string{
		"A1": "Phụ lục I",
		"A2": "KẾT QUẢ THỰC HIỆN BẢO HIỂM Y TẾ NĂM 2021",
		"A3": "(Kèm theo Quyết định số 125/QĐ-UBND ngày 05/02/2021 của Ủy ban nhân dân huyện Sơn Dương)",
		"A5": "STT", "B5": "Xã, phường", "C5": "Kết quả năm 2021", "H5": "Ghi chú",
		"C6": "Số người tham gia", "E6": "Dân số", "F6": "Tỷ lệ",
		"C7": "Kế hoạch", "D7": "Thực hiện", "F7": "Bao phủ", "G7": "So với kế hoạch (%)",
		"B9": longCommune, "B11": "Cộng",
	} {
		if got, _ := f.GetCellValue(sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	want := []string{"A1:H1", "A2:H2", "A3:H3", "A5:A7", "B5:B7", "C5:G5", "C6:D6", "E6:E7", "F6:G6", "H5:H7"}
	if got := merges(t, f, sh); !reflect.DeepEqual(got, want) {
		t.Errorf("merges %q, want %q", got, want)
	}
	checkCells(t, f, sh, []cellCheck{
		{"A8", num, "1", "", "", 3},
		{"C8", num, "10000", "", "", 3},
		{"D8", num, "10125", "", "", 3},
		{"F8", num, "0.9878", "", "0.00%", 0},
		{"G8", num, "101.3", "", "#,##0.0", 0},
		{"C10", text, "-", "", "", 49},
		{"F10", num, "1", "", "0.00%", 0},
		{"H9", text, "Vùng dự án", "", "", 49},
		// 10.000 + 2.000 = 12.000 and 10.250 + 2.000 + 3 = 12.253: sums.
		{"C11", num, "12000", "SUM(C8:C10)", "", 3},
		{"E11", num, "12253", "SUM(E8:E10)", "", 3},
		// 10.125 + 1.977 + 3 = 12.105, not 12.106: the total is kept as
		// written, not corrected.
		{"D11", num, "12106", "", "", 3},
		// A coverage rate is no sum.
		{"F11", num, "0.8493", "", "0.00%", 0},
		{"G11", num, "100.9", "", "#,##0.0", 0},
	})
	// Displayed with the formats (excelize shows en-US separators).
	for ref, want := range map[string]string{"D8": "10,125", "F8": "98.78%", "G8": "101.3", "E11": "12,253"} {
		if got, _ := f.GetCellValue(sh, ref); got != want {
			t.Errorf("%s shows %q, want %q", ref, got, want)
		}
	}
	// Print setup: A4, fitted to one page wide, header rows repeated.
	pl, err := f.GetPageLayout(sh)
	if err != nil || *pl.Size != 9 || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("page layout %+v %v", pl, err)
	}
	var titles []string
	for _, n := range f.GetDefinedName() {
		titles = append(titles, n.Scope+" "+n.Name+" "+n.RefersTo)
	}
	slices.Sort(titles)
	if want := []string{
		"Phụ lục I _xlnm.Print_Titles 'Phụ lục I'!$5:$7",
		"Phụ lục II _xlnm.Print_Titles 'Phụ lục II'!$5:$6",
	}; !reflect.DeepEqual(titles, want) {
		t.Errorf("print titles %q, want %q", titles, want)
	}
	// The long name wraps: its column is no wider than a text column
	// gets, and its row is taller than its neighbours by whole lines.
	wb, _ := f.GetColWidth(sh, "B")
	h8, _ := f.GetRowHeight(sh, 8)
	h9, _ := f.GetRowHeight(sh, 9)
	h10, _ := f.GetRowHeight(sh, 10)
	if wb > 40 || wb < 15 {
		t.Errorf("name column %v wide", wb)
	}
	if h8 != h10 || h9 < 3*h8-10 {
		t.Errorf("row heights %v %v %v: the long name's row must hold its lines", h8, h9, h10)
	}
	// Number columns fit their numbers; the header's longest words fit.
	for _, c := range []string{"C", "D", "E", "F", "G"} {
		if w, _ := f.GetColWidth(sh, c); w < 6 || w > 16 {
			t.Errorf("column %s width %v", c, w)
		}
	}
	// The header row under two merged levels is tall enough for its
	// wrapped words.
	if h, _ := f.GetRowHeight(sh, 7); h < 15 {
		t.Errorf("header row 7 height %v", h)
	}
	p, err := f.GetDocProps()
	if err != nil || p.Created != "2021-02-05T00:00:00Z" || !strings.Contains(p.Creator, "HUYỆN SƠN DƯƠNG") ||
		!strings.HasPrefix(p.Title, "Quyết định số 125/QĐ-UBND") {
		t.Errorf("doc props %+v %v", p, err)
	}
}

// The coverage plan's annex, written by WriteXLSX, stores the figures as
// numbers and the counts' totals as SUMs; rates stay values (a document
// does not say how they were computed; coverage.WriteXLSX writes them as
// formulas).
func TestXLSXCoveragePlan(t *testing.T) {
	a := coveragePlan(t)
	f := openXLSX(t, renderXLSX(t, annexDoc(t, a)))
	const sh = "Phụ lục"
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{sh}) {
		t.Fatalf("sheets %q", got)
	}
	want := []string{"A1:J1", "A2:J2", "A3:J3", "A5:A6", "B5:B6", "C5:F5", "G5:J5"}
	if got := merges(t, f, sh); !reflect.DeepEqual(got, want) {
		t.Errorf("merges %q, want %q", got, want)
	}
	checkCells(t, f, sh, []cellCheck{
		{"B7", text, "Phường Lê Bình", "", "", 49},
		{"C7", num, "8607", "", "", 3},
		{"E7", num, "10125", "", "", 3},
		{"F7", num, "85", "", "#,##0.0", 0},
		{"C10", num, "10587", "SUM(C7:C9)", "", 3}, // 8.607 + 1.977 + 3
		{"D10", num, "1541", "SUM(D7:D9)", "", 3},  // 1.518 + 23 + 0
		{"E10", num, "12128", "SUM(E7:E9)", "", 3},
		{"F10", num, "87.3", "", "#,##0.0", 0},
	})
	pl, _ := f.GetPageLayout(sh)
	if *pl.Orientation != "landscape" {
		t.Errorf("two milestones: %s, want landscape", *pl.Orientation)
	}
}

func TestXLSXNoAnnex(t *testing.T) {
	for _, d := range []*bhytdoc.Document{seeds.NamToan(), seeds.CaiRang(), nil} {
		var b bytes.Buffer
		if err := bhytdoc.WriteXLSX(&b, d, nil); !errors.Is(err, bhytdoc.ErrNoAnnex) || b.Len() != 0 {
			t.Errorf("no annex: %v, %d bytes", err, b.Len())
		}
	}
}

// An invalid document or option fails naming the field, writing nothing.
func TestXLSXErrors(t *testing.T) {
	bad := resultAnnex()
	bad.Table.Rows[1] = bad.Table.Rows[1][:3]
	var b bytes.Buffer
	err := bhytdoc.WriteXLSX(&b, annexDoc(t, bad), nil)
	if err == nil || !strings.Contains(err.Error(), "Annexes[0].Table.Rows[1]") || b.Len() != 0 {
		t.Errorf("short row: %v, %d bytes", err, b.Len())
	}
	err = bhytdoc.WriteXLSX(&b, annexDoc(t, resultAnnex()), &bhytdoc.Options{MarginLeft: 50})
	if err == nil || !strings.Contains(err.Error(), "MarginLeft") || b.Len() != 0 {
		t.Errorf("margin: %v, %d bytes", err, b.Len())
	}
}

// Options reach the print setup; the document is not modified.
func TestXLSXOptions(t *testing.T) {
	d := annexDoc(t, resultAnnex())
	before := fmt.Sprintf("%#v", d)
	f := openXLSX(t, func() []byte {
		b, err := bhytdoc.RenderXLSX(d, &bhytdoc.Options{MarginLeft: 35, MarginTop: 25})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}())
	pm, err := f.GetPageMargins("Phụ lục")
	if err != nil || fmt.Sprintf("%.3f %.3f", *pm.Left, *pm.Top) != "1.378 0.984" {
		t.Errorf("margins %+v %v", pm, err)
	}
	if fmt.Sprintf("%#v", d) != before {
		t.Error("RenderXLSX modified the document")
	}
}

// The same document gives the same bytes, on every call and from
// concurrent calls.
func TestXLSXDeterministic(t *testing.T) {
	d := annexDoc(t, resultAnnex(), coveragePlan(t), wideAnnex(30))
	first := renderXLSX(t, d)
	done := make(chan []byte)
	for range 4 {
		go func() {
			b, _ := bhytdoc.RenderXLSX(d, nil)
			done <- b
		}()
	}
	for range 4 {
		if !bytes.Equal(first, <-done) {
			t.Fatal("two writes of the same document differ")
		}
	}
}

// Sheet names come from the annex labels; sheetName's rules (unique, at
// most 31 characters, no forbidden characters) are tested inside the
// package.
func TestXLSXManyAnnexes(t *testing.T) {
	var as []bhytdoc.Annex
	for range 12 {
		as = append(as, resultAnnex())
	}
	f := openXLSX(t, renderXLSX(t, annexDoc(t, as...)))
	got := f.GetSheetList()
	if len(got) != 12 || got[3] != "Phụ lục IV" || got[11] != "Phụ lục XII" {
		t.Errorf("sheets %q", got)
	}
}

// What a worksheet cannot hold is an error naming the field, not text
// cut short. Columns and cell text are refused by Validate, far below a
// worksheet's limits (fitsSheet's row count is tested inside the
// package).
func TestXLSXLimits(t *testing.T) {
	a := resultAnnex()
	a.Table.Rows[2][7] = strings.Repeat("ghi chú ", 4200)
	_, err := bhytdoc.RenderXLSX(annexDoc(t, a), nil)
	if err == nil || !strings.Contains(err.Error(), "Annexes[0].Table.Rows[2][7]") || !strings.Contains(err.Error(), "33600 characters") {
		t.Errorf("long cell: %v", err)
	}
	a = resultAnnex()
	a.Table.Header = [][]bhytdoc.HeaderCell{{{Text: "STT"}, {Text: "Số liệu", ColSpan: 16400}}}
	a.Table.Rows = [][]string{make([]string, 16401)}
	a.Table.Totals = nil
	_, err = bhytdoc.RenderXLSX(annexDoc(t, a), nil)
	if err == nil || !strings.Contains(err.Error(), "Annexes[0].Table.Header") || !strings.Contains(err.Error(), "at most 34") {
		t.Errorf("16.401 columns: %v", err)
	}
}
