package xlsx

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bhytdoc/bhytdoc/internal/guard"
)

func TestColName(t *testing.T) {
	for c, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := ColName(c); got != want {
			t.Errorf("ColName(%d) = %q, want %q", c, got, want)
		}
		if n, _ := excelize.ColumnNameToNumber(want); n != c+1 {
			t.Errorf("excelize disagrees on %s", want)
		}
	}
	if Ref(2, 7) != "C7" {
		t.Error(Ref(2, 7))
	}
}

func sheet(name string) *Sheet {
	return &Sheet{
		Name:  name,
		Title: "TITLE",
		Header: [][]HeaderCell{
			{{Text: "A", RowSpan: 2}, {Text: "Group", ColSpan: 2}},
			{{Text: "x"}, {Text: "y"}},
		},
		Widths: []float64{10, 12, 12},
		Rows: []Row{
			{Cells: []Cell{{Kind: Text, S: "<&>\"'"}, {Kind: Int, I: 3}, {Kind: Float, F: 1.5, Formula: "B4/2", Align: Right, Decimals: 1}}},
			{Cells: []Cell{{Kind: Text, S: "=A1"}, {Kind: Blank}, {Kind: Int, I: -7, Align: Right}}, Bold: true},
		},
		FreezeCols: 1,
	}
}

func write(t *testing.T, p Props, s ...*Sheet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, p, s...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Entries come in a fixed order with one time stamp, however excelize
// hands them over.
func TestWriteZip(t *testing.T) {
	when := time.Date(2020, 5, 18, 9, 30, 0, 0, time.UTC)
	b := write(t, Props{Time: when}, sheet("S1"), sheet("S2"), sheet("S3"), sheet("S4"))
	for range 10 {
		if !bytes.Equal(b, write(t, Props{Time: when}, sheet("S1"), sheet("S2"), sheet("S3"), sheet("S4"))) {
			t.Fatal("not deterministic")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(when) {
			t.Errorf("%s stamped %v", f.Name, f.Modified)
		}
	}
	if names[0] != "[Content_Types].xml" || names[1] != "_rels/.rels" {
		t.Errorf("order %q", names)
	}
	for i := 3; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Errorf("not sorted: %q", names)
		}
	}
	z := newSortedZip(&bytes.Buffer{}, when)
	z.create("a", false)
	if _, err := z.create("a", false); err == nil {
		t.Error("duplicate entry accepted")
	}
}

// readGrid is a worksheet as read, for tests.
type readGrid struct {
	cells  map[[2]int]Value
	merges []Range
}

func (g *readGrid) at(r, c int) Value { return g.cells[[2]int{r, c}] }

func readSheet(t testing.TB, b []byte, sheet int) (*readGrid, error) {
	t.Helper()
	wb, err := Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	g := &readGrid{cells: map[[2]int]Value{}}
	g.merges, err = wb.Rows(sheet, func(r int, vals []Value) error {
		for c, v := range vals {
			g.cells[[2]int{r, c}] = v
		}
		return nil
	})
	return g, err
}

func TestWriteRead(t *testing.T) {
	b := write(t, Props{}, sheet("Phụ lục"))
	wb, err := Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if s := wb.Sheets(); len(s) != 1 || s[0].Name != "Phụ lục" || s[0].Hidden || wb.Active() != 0 {
		t.Errorf("sheets %+v, active %d", s, wb.Active())
	}
	g, err := readSheet(t, b, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		r, c   int
		text   string
		number bool
		format NumFormat
	}{
		{0, 0, "TITLE", false, NumFormat{}},
		{2, 1, "Group", false, NumFormat{}},
		{3, 2, "y", false, NumFormat{}},
		{4, 0, "<&>\"'", false, NumFormat{}},
		{4, 1, "3", true, NumFormat{}},
		{4, 2, "1.5", true, NumFormat{Decimals: 1}}, // a formula's cached value
		{5, 0, "=A1", false, NumFormat{}},
		{5, 2, "-7", true, NumFormat{}},
		{9, 9, "", false, NumFormat{}},
	} {
		v := g.at(tc.r, tc.c)
		if v.Text != tc.text || v.Number != tc.number || v.Format != tc.format || v.Uncached {
			t.Errorf("(%d,%d) = %+v", tc.r, tc.c, v)
		}
	}
	want := map[Range]bool{{0, 0, 0, 2}: true, {2, 0, 3, 0}: true, {2, 1, 2, 2}: true}
	if len(g.merges) != len(want) {
		t.Errorf("merges %v", g.merges)
	}
	for _, m := range g.merges {
		if !want[m] {
			t.Errorf("unexpected merge %v", m)
		}
	}
}

// A formula without a cached value (what many programs write) is never
// computed: =SUM over a huge range, or a circular one, would take
// unbounded work or give a number nobody saw.
func TestReadUncachedFormula(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", 8607)
	f.SetCellFormula("Sheet1", "B1", "SUM(A1:Z100000)")
	f.SetCellFormula("Sheet1", "C2", "C2+1")
	var b bytes.Buffer
	f.Write(&b)
	f.Close()
	g, err := readSheet(t, b.Bytes(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if v := g.at(0, 0); v.Text != "8607" || !v.Number {
		t.Errorf("A1 %+v", v)
	}
	if v := g.at(0, 1); !v.Uncached || v.Formula != "SUM(A1:Z100000)" || v.Number || v.Text != "" {
		t.Errorf("B1 %+v", v)
	}
	if v := g.at(1, 2); !v.Uncached || v.Formula != "C2+1" {
		t.Errorf("C2 %+v", v)
	}
	if _, err := Open(strings.NewReader("PK\x03\x04 not really"), 20); err == nil {
		t.Error("garbage read without error")
	}
}

// The sheet a workbook opens on is its active tab, unless hidden.
func TestReadActiveSheet(t *testing.T) {
	f := excelize.NewFile()
	f.NewSheet("Data")
	f.NewSheet("Notes")
	f.SetActiveSheet(1)
	f.SetSheetVisible("Sheet1", false)
	var b bytes.Buffer
	f.Write(&b)
	wb, err := Open(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if wb.Active() != 1 || !wb.Sheets()[0].Hidden || wb.Sheets()[1].Hidden || wb.Lookup("Notes") != 2 {
		t.Errorf("active %d, sheets %+v", wb.Active(), wb.Sheets())
	}
	// An active tab that is hidden (only a program writes that): the
	// first visible sheet opens.
	wb.active = 0
	if wb.Active() != 1 {
		t.Errorf("active %d with the active tab hidden", wb.Active())
	}
	for i := range wb.sheets {
		wb.sheets[i].Hidden = true
	}
	if wb.Active() != -1 {
		t.Errorf("active %d with every sheet hidden", wb.Active())
	}
}

func TestParseFormat(t *testing.T) {
	for code, want := range map[string]NumFormat{
		"":                         general,
		"General":                  general,
		"0":                        {},
		"#,##0":                    {},
		"0.0":                      {Decimals: 1},
		"0.00%":                    {Percent: true, Decimals: 2},
		"#,##0.00;[Red](#,##0.00)": {Decimals: 2},
		"dd/mm/yyyy":               {Date: true},
		"[h]:mm":                   {Date: true},
		`0.0 "người"`:              {Decimals: 1},
		`[$-42A]0.000`:             {Decimals: 3},
		"0.00E+00":                 {Decimals: 2},
	} {
		if got := parseFormat(code); got != want {
			t.Errorf("parseFormat(%q) = %+v, want %+v", code, got, want)
		}
	}
}

// Limits: cells far to the right, rows out of range, a bad reference.
func TestReadLimits(t *testing.T) {
	for name, row := range map[string]string{
		"far column":   `<row r="1"><c r="XFE1"><v>1</v></c></row>`,
		"row too far":  `<row r="1048577"><c><v>1</v></c></row>`,
		"bad ref":      `<row r="1"><c r="1A"><v>1</v></c></row>`,
		"out of order": `<row r="2"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row>`,
		"bad sst":      `<row r="1"><c t="s"><v>7</v></c></row>`,
	} {
		b := rawWorkbook(t, `<worksheet><sheetData>`+row+`</sheetData></worksheet>`)
		if _, err := readSheet(t, b, 0); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	many := strings.Repeat(`<c r="XFD1"><v>1</v></c>`, 1)
	var rows strings.Builder
	for r := 1; r <= MaxCells/16384+2; r++ {
		rows.WriteString(strings.ReplaceAll(`<row>`+many+`</row>`, "XFD1", "XFD"+strconv.Itoa(r)))
	}
	b := rawWorkbook(t, `<worksheet><sheetData>`+rows.String()+`</sheetData></worksheet>`)
	wb, err := Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wb.Rows(0, func(int, []Value) error { return nil }); err == nil || !strings.Contains(err.Error(), "cells") {
		t.Errorf("sparse cells: %v", err)
	}
}

// A small file claiming a huge number of parts is refused before the
// zip reader allocates for them.
func TestReadManyParts(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := range maxParts + 1 {
		zw.CreateHeader(&zip.FileHeader{Name: strconv.Itoa(i), Method: zip.Store})
	}
	zw.Close()
	if _, err := Open(bytes.NewReader(b.Bytes()), int64(b.Len())); err == nil || !strings.Contains(err.Error(), "10001 parts") {
		t.Errorf("many parts: %v", err)
	}
	if _, err := Open(bytes.NewReader(nil), 0); err == nil {
		t.Error("empty file opened")
	}
}

// rawWorkbook is a minimal workbook around one worksheet's XML.
func rawWorkbook(t testing.TB, sheetXML string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range map[string]string{
		"xl/workbook.xml":            `<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheetXML,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteInvalid(t *testing.T) {
	for name, mod := range map[string]func(s *Sheet){
		"name":        func(s *Sheet) { s.Name = "a/b" },
		"long name":   func(s *Sheet) { s.Name = strings.Repeat("x", 32) },
		"widths":      func(s *Sheet) { s.Widths = s.Widths[:2] },
		"row width":   func(s *Sheet) { s.Rows[0].Cells = s.Rows[0].Cells[:2] },
		"header tile": func(s *Sheet) { s.Header[1] = append(s.Header[1], HeaderCell{Text: "z"}) },
		"no header":   func(s *Sheet) { s.Header = nil },
		"decimals":    func(s *Sheet) { s.Rows[0].Cells[2].Decimals = 12 },
		"format":      func(s *Sheet) { s.Rows[0].Cells[2].Format = 9 },
		"align":       func(s *Sheet) { s.Rows[0].Cells[0].Align = 9 },
		"col width":   func(s *Sheet) { s.Widths[1] = 300 },
		"NaN":         func(s *Sheet) { s.Rows[0].Cells[2].F = 0 / zero() },
	} {
		s := sheet("S")
		mod(s)
		var b bytes.Buffer
		if err := Write(&b, Props{}, s); err == nil {
			t.Errorf("%s: no error", name)
		} else if b.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", name, b.Len())
		}
	}
	var b bytes.Buffer
	if Write(&b, Props{}) == nil || Write(&b, Props{}, sheet("a"), sheet("A")) == nil {
		t.Error("no sheets or duplicate names accepted")
	}
}

func zero() float64 { return 0 }

// Reading returns an error, never panics, on any bytes.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if err := Write(&b, Props{}, sheet("S")); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add(rawWorkbook(f, `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c><c r="B1"><f>A1</f></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		guard.Run(t, 10*time.Second, 512<<20, func() {
			wb, err := Open(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return
			}
			for i := range wb.Sheets() {
				wb.Rows(i, func(int, []Value) error { return nil })
			}
		})
	})
}
