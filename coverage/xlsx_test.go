package coverage

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// planned is the table of TestPlanTargets with a reference line and a
// unit whose name looks like a formula.
func planned(t testing.TB) *Table {
	t.Helper()
	bs := []Baseline{
		{Unit: Unit{Name: "Lê Bình", Kind: Phuong}, Participants: 8000, Population: 10125},
		{Unit: Unit{Name: "An Bình", Kind: Xa}, Participants: 1977, Population: 2000},
		{Unit: Unit{Name: "Nam Giang", Kind: ThiTran}, Participants: 1, Population: 3},
		{Unit: Unit{Name: "=1+1"}, Participants: 500, Population: 1000},
	}
	tb, err := PlanTargets(bs, seedMilestones())
	if err != nil {
		t.Fatal(err)
	}
	tb.Reference = "Kèm theo Công văn số 898/UBND ngày 18/5/2020 của Ủy ban nhân dân quận Cái Răng"
	return tb
}

func writeXLSX(t testing.TB, tables ...*Table) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, tables...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
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

func TestWriteXLSXLayout(t *testing.T) {
	tb := planned(t)
	f := openXLSX(t, writeXLSX(t, tb))
	const sh = "Phụ lục"
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{sh}) {
		t.Fatalf("sheets %q", got)
	}
	get := func(ref string, raw bool) string {
		t.Helper()
		v, err := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: raw})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	formula := func(ref string) string {
		t.Helper()
		v, err := f.GetCellFormula(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Text cells and numbers.
	for ref, want := range map[string]string{
		"A1": "BIỂU GIAO CHỈ TIÊU BẢO HIỂM Y TẾ ĐỐI VỚI CÁC XÃ, PHƯỜNG, THỊ TRẤN",
		"A2": "(Kèm theo Công văn số 898/UBND ngày 18/5/2020 của Ủy ban nhân dân quận Cái Răng)",
		"A4": "STT", "B4": "Xã, phường, thị trấn", "C4": "Đến ngày 30/6/2020", "G4": "Đến ngày 30/9/2020",
		"K4": "Đến ngày 31/10/2020", "C5": HeaderParticipants, "D5": HeaderNonParticipants, "E5": HeaderPopulation,
		"F5": HeaderRate, "N5": HeaderRate,
		"A6": "1", "B6": "Phường Lê Bình", "C6": "8607", "E6": "10125", "B9": "=1+1",
		"B10": "Cộng", "A10": "",
	} {
		if got := get(ref, true); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	// Formulas with their cached values: raw, and as displayed.
	for _, tc := range []struct{ ref, formula, raw, shown string }{
		{"C6", "", "8607", "8,607"},
		{"D6", "E6-C6", "1518", "1,518"},
		{"F6", `IF(E6>0,ROUND(C6*100/E6,1),"")`, "85", "85.0"},
		{"J7", `IF(I7>0,ROUND(G7*100/I7,1),"")`, "98.9", "98.9"}, // 98,85 exactly: half up
		{"N9", `IF(M9>0,ROUND(K9*100/M9,1),"")`, "90", "90.0"},
		{"C10", "SUM(C6:C9)", "11437", "11,437"},
		{"D10", "SUM(D6:D9)", "1691", "1,691"},
		{"E10", "SUM(E6:E9)", "13128", "13,128"},
		{"F10", `IF(E10>0,ROUND(C10*100/E10,1),"")`, "87.1", "87.1"},
		{"N10", `IF(M10>0,ROUND(K10*100/M10,1),"")`, "91.4", "91.4"}, // 11.993 / 13.128
	} {
		if got := formula(tc.ref); got != tc.formula {
			t.Errorf("%s formula %q, want %q", tc.ref, got, tc.formula)
		}
		if got := get(tc.ref, true); got != tc.raw {
			t.Errorf("%s cached %q, want %q", tc.ref, got, tc.raw)
		}
		if got := get(tc.ref, false); got != tc.shown {
			t.Errorf("%s shows %q, want %q", tc.ref, got, tc.shown)
		}
		if tc.formula != "" {
			// excelize's own engine agrees with the cached value.
			v, err := f.CalcCellValue(sh, tc.ref, excelize.Options{RawCellValue: true})
			if err != nil || v != tc.raw {
				t.Errorf("%s computes to %q (%v), cached %q", tc.ref, v, err, tc.raw)
			}
		}
	}
	// A name that looks like a formula is text.
	if typ, _ := f.GetCellType(sh, "B9"); typ != excelize.CellTypeInlineString || formula("B9") != "" {
		t.Errorf("B9 type %v formula %q: text must stay text", typ, formula("B9"))
	}
	// Merges.
	merges, err := f.GetMergeCells(sh, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range merges {
		got = append(got, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.Sort(got)
	want := []string{"A1:N1", "A2:N2", "A4:A5", "B4:B5", "C4:F4", "G4:J4", "K4:N4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merges %q, want %q", got, want)
	}
	// Print setup.
	pl, err := f.GetPageLayout(sh)
	if err != nil {
		t.Fatal(err)
	}
	if *pl.Orientation != "landscape" || *pl.Size != 9 || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("page layout %s %d fit %d×%d", *pl.Orientation, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
	}
	sp, err := f.GetSheetProps(sh)
	if err != nil || sp.FitToPage == nil || !*sp.FitToPage {
		t.Errorf("fit to page not set: %v", err)
	}
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm.Print_Titles" || names[0].RefersTo != "'Phụ lục'!$4:$5" || names[0].Scope != sh {
		t.Errorf("defined names %+v, want print titles rows 4:5", names)
	}
	pm, err := f.GetPageMargins(sh)
	if err != nil || fmt.Sprintf("%.3f %.3f %.3f %.3f", *pm.Top, *pm.Bottom, *pm.Left, *pm.Right) != "0.787 0.787 1.181 0.591" ||
		!*pm.Horizontally {
		t.Errorf("margins %+v %v", pm, err)
	}
	hf, err := f.GetHeaderFooter(sh)
	if err != nil || !hf.DifferentFirst || !strings.HasSuffix(hf.OddHeader, "&P") || hf.FirstHeader != "" {
		t.Errorf("header/footer %+v: page numbers from page 2 wanted", hf)
	}
	panes, err := f.GetPanes(sh)
	if err != nil || !panes.Freeze || panes.XSplit != 2 || panes.YSplit != 5 || panes.TopLeftCell != "C6" {
		t.Errorf("panes %+v %v", panes, err)
	}
	// Styles: font, sizes, number formats, borders, bold totals.
	style := func(ref string) *excelize.Style {
		t.Helper()
		id, err := f.GetCellStyle(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, tc := range []struct {
		ref    string
		size   float64
		bold   bool
		numFmt int
		custom string
		border bool
	}{
		{"A1", 14, true, 0, "", false},
		{"C4", 12, true, 0, "", true},
		{"D4", 12, true, 0, "", true}, // inside the merge: borders too
		{"B6", 12, false, 49, "", true},
		{"C6", 12, false, 3, "", true},
		{"F6", 12, false, 0, "#,##0.0", true}, // the generic decimal format; rates stay below 1.000
		{"C10", 12, true, 3, "", true},
		{"F10", 12, true, 0, "#,##0.0", true},
	} {
		s := style(tc.ref)
		if s.Font == nil || s.Font.Family != "Times New Roman" || s.Font.Size != tc.size || s.Font.Bold != tc.bold {
			t.Errorf("%s font %+v", tc.ref, s.Font)
		}
		if tc.custom != "" && (s.CustomNumFmt == nil || *s.CustomNumFmt != tc.custom) {
			t.Errorf("%s number format %v, want %q", tc.ref, s.CustomNumFmt, tc.custom)
		}
		if tc.custom == "" && s.NumFmt != tc.numFmt {
			t.Errorf("%s number format %d, want %d", tc.ref, s.NumFmt, tc.numFmt)
		}
		if tc.border != (len(s.Border) == 4) {
			t.Errorf("%s borders %v", tc.ref, s.Border)
		}
	}
	// Column widths fit the longest label and the numbers.
	wb, _ := f.GetColWidth(sh, "B")
	if wb < float64(len([]rune("Thị trấn Nam Giang"))) {
		t.Errorf("column B width %v too narrow", wb)
	}
	for _, c := range []string{"A", "C", "F", "N"} {
		if w, _ := f.GetColWidth(sh, c); w < 5 || w > 20 {
			t.Errorf("column %s width %v", c, w)
		}
	}
	if p, err := f.GetDocProps(); err != nil || p.Created != "1980-01-01T00:00:00Z" || p.Modified != p.Created || p.Creator != "bhytdoc" {
		t.Errorf("doc props %+v %v", p, err)
	}
}

// The same tables give the same bytes, however many sheets (excelize
// keeps streamed sheets in a map) and however often.
func TestWriteXLSXDeterministic(t *testing.T) {
	a, b := planned(t), planned(t)
	b.Precision = LetterPrecision
	c := planned(t)
	c.Milestones = c.Milestones[:1]
	for i := range c.Rows {
		c.Rows[i].Figures = c.Rows[i].Figures[:1]
	}
	first := writeXLSX(t, a, b, c)
	for range 5 {
		if again := writeXLSX(t, a, b, c); !bytes.Equal(first, again) {
			t.Fatal("two writes of the same tables differ")
		}
	}
	f := openXLSX(t, first)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Phụ lục I", "Phụ lục II", "Phụ lục III"}) {
		t.Errorf("sheets %q", got)
	}
	if v, _ := f.GetCellFormula("Phụ lục II", "F6"); v != `IF(E6>0,ROUND(C6*100/E6,2),"")` {
		t.Errorf("precision 2 formula %q", v)
	}
	// A set time is written as such.
	var o bytes.Buffer
	when := time.Date(2020, 5, 18, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	if err := WriteXLSXWith(&o, &XLSXOptions{Time: when, Font: "Liberation Serif", Size: 13}, a); err != nil {
		t.Fatal(err)
	}
	f = openXLSX(t, o.Bytes())
	if p, _ := f.GetDocProps(); p.Modified != "2020-05-18T02:30:00Z" {
		t.Errorf("modified %q", p.Modified)
	}
	id, _ := f.GetCellStyle("Phụ lục", "C6")
	if s, _ := f.GetStyle(id); s.Font.Family != "Liberation Serif" || s.Font.Size != 13 {
		t.Errorf("font %+v", s.Font)
	}
}

func TestWriteXLSXErrors(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b); err == nil {
		t.Error("no tables: no error")
	}
	bad := planned(t)
	bad.Rows[1].Figures[0].Population = 0
	if err := WriteXLSX(&b, bad); err == nil || !strings.Contains(err.Error(), "population is 0") {
		t.Errorf("zero population: %v", err)
	}
	if err := WriteXLSX(&b, planned(t), nil); err == nil {
		t.Error("nil table: no error")
	}
	if err := WriteXLSXWith(&b, &XLSXOptions{Size: 16}, planned(t)); err == nil {
		t.Error("16 pt: no error")
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written on error", b.Len())
	}
}

// bigTable plans n units over the seed milestones.
func bigTable(t testing.TB, n int) *Table {
	t.Helper()
	bs := make([]Baseline, n)
	for i := range bs {
		pop := int64(1000 + (i*7919)%40000)
		bs[i] = Baseline{Unit: Unit{Name: fmt.Sprintf("Đơn vị %d", i+1), Kind: UnitKind(1 + i%3)},
			Participants: pop * int64(50+i%50) / 100, Population: pop}
	}
	tb, err := PlanTargets(bs, seedMilestones())
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestWriteXLSXLarge(t *testing.T) {
	const n = 10_000
	tb := bigTable(t, n)
	b := writeXLSX(t, tb)
	f := openXLSX(t, b)
	rows, err := f.GetRows("Phụ lục")
	if err != nil {
		t.Fatal(err)
	}
	last := 4 + n + 1 // no reference line: the header is rows 3–4
	if len(rows) != last {
		t.Fatalf("%d rows, want %d", len(rows), last)
	}
	if v, _ := f.GetCellFormula("Phụ lục", fmt.Sprintf("C%d", last)); v != fmt.Sprintf("SUM(C5:C%d)", last-1) {
		t.Errorf("total formula %q", v)
	}
	tot := tb.Totals()[2]
	if v, _ := f.GetCellValue("Phụ lục", fmt.Sprintf("K%d", last), excelize.Options{RawCellValue: true}); v != fmt.Sprint(tot.Participants) {
		t.Errorf("cached total %s, want %d", v, tot.Participants)
	}
	sheets, err := ReadAnnexXLSX(bytes.NewReader(b), "big.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if fs, err := sheets[0].Check(); err != nil || len(fs) != 0 || len(sheets[0].Table.Rows) != n {
		t.Errorf("check of the written table: %v, %d findings, %d rows", err, len(fs), len(sheets[0].Table.Rows))
	}
}
