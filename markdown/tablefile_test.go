package markdown_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/ostest"
	"github.com/bhytdoc/bhytdoc/markdown"
)

const tableSourceHead = `---
kind: Kế hoạch
issuer: {name: Ủy ban nhân dân quận Cái Răng, abbrev: UBND}
number: 131
place: Cái Răng
date: 2018-11-08
summary: Thực hiện chỉ tiêu bảo hiểm y tế năm 2019
signatures: [{authority: [TM. Ủy ban nhân dân, KT. Chủ tịch], position: Phó Chủ tịch, name: Vương Công Khanh}]
noi_nhan: [UBND thành phố]
luu: [VT]
annexes:
`

const tableSourceTail = `---

Ủy ban nhân dân quận lập kế hoạch như sau./.
`

// unitsCSV has a two-row header as a spreadsheet exports it (a cell
// spanning columns followed by empty cells, one spanning rows with an
// empty cell under it) and a totals row.
const unitsCSV = "\ufeffSTT,Đơn vị,Đến ngày 31/12/2019,,,\n" +
	",,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n" +
	"1,Phường Lê Bình,9.980,145,10.125,\"98,6\"\n" +
	"2,Phường Hưng Phú,15.100,200,15.300,\"98,7\"\n" +
	",Cộng,25.080,345,25.425,\"98,6\"\n"

// writeUnitsXLSX writes the units table on sheet "Phụ lục 1" of a
// workbook, under a title row, with merged header cells and numbers
// stored as numbers; the sheet it opens on is another one.
func writeUnitsXLSX(t *testing.T, file string, edit func(f *excelize.File, s string)) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	s := "Phụ lục 1"
	f.NewSheet(s)
	f.SetCellValue("Sheet1", "A1", "không phải bảng")
	f.SetCellValue(s, "A1", "BIỂU GIAO CHỈ TIÊU")
	f.MergeCell(s, "A1", "F1")
	f.SetCellValue(s, "A2", "STT")
	f.MergeCell(s, "A2", "A3")
	f.SetCellValue(s, "B2", "Đơn vị")
	f.MergeCell(s, "B2", "B3")
	f.SetCellValue(s, "C2", "Đến ngày 31/12/2019")
	f.MergeCell(s, "C2", "F2")
	f.SetSheetRow(s, "C3", &[]any{"Số người đã tham gia BHYT", "Số người chưa tham gia BHYT", "Dân số", "Tỷ lệ (%)"})
	f.SetSheetRow(s, "A4", &[]any{1, "Phường Lê Bình", 9980, 145, 10125, 98.57})
	f.SetSheetRow(s, "A5", &[]any{2, "Phường Hưng Phú", 15100, 200, 15300, 98.69})
	f.SetSheetRow(s, "A6", &[]any{nil, "Tổng cộng", 25080, 345, 25425, 98.64})
	counts, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	f.SetCellStyle(s, "C4", "E6", counts)
	rate := "0.0"
	rates, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &rate})
	f.SetCellStyle(s, "F4", "F6", rates)
	if edit != nil {
		edit(f, s)
	}
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
}

func writeTableSource(t *testing.T, dir, annexes string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "kh.md"), []byte(tableSourceHead+annexes+tableSourceTail), 0o644); err != nil {
		t.Fatal(err)
	}
}

// parseTables parses dir/kh.md under an os.Root of dir, reading tables
// with coverage.ReadTable.
func parseTables(t *testing.T, dir string) (*markdown.Source, error) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	return parseTablesRoot(root)
}

func parseTablesRoot(root *os.Root) (*markdown.Source, error) {
	src, err := root.ReadFile("kh.md")
	if err != nil {
		return nil, err
	}
	return markdown.ParseSourceWith(src, "kh.md", root.FS(), &markdown.ParseOptions{Tables: coverage.ReadTable})
}

var wantUnitsHeader = [][]bhytdoc.HeaderCell{
	{{Text: "STT", RowSpan: 2}, {Text: "Đơn vị", RowSpan: 2}, {Text: "Đến ngày 31/12/2019", ColSpan: 4}},
	{{Text: "Số người đã tham gia BHYT"}, {Text: "Số người chưa tham gia BHYT"}, {Text: "Dân số"}, {Text: "Tỷ lệ (%)"}},
}

func TestAnnexTableFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "units.csv"), []byte(unitsCSV), 0o644)
	writeUnitsXLSX(t, filepath.Join(dir, "units.xlsx"), nil)
	writeTableSource(t, dir, `  - file: units.csv
    title: Biểu giao chỉ tiêu
    coverage: true
  - file: units.xlsx
    sheet: Phụ lục 1
    title: Biểu từ sổ
    reference: Kèm theo Kế hoạch số 131/KH-UBND ngày 08/11/2018
    landscape: true
`)
	s, err := parseTables(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	as := s.Doc.Annexes
	if len(as) != 2 {
		t.Fatalf("%d annexes", len(as))
	}
	csv, wb := as[0], as[1]
	if csv.Title != "Biểu giao chỉ tiêu" || csv.Coverage != bhytdoc.CoverageYes || csv.Landscape {
		t.Errorf("CSV annex: %+v", csv)
	}
	if wb.Title != "Biểu từ sổ" || !wb.Landscape || wb.Coverage != bhytdoc.CoverageAuto || !strings.HasPrefix(wb.Reference, "Kèm theo") {
		t.Errorf("workbook annex: %+v", wb)
	}
	for i, a := range as {
		if !reflect.DeepEqual(a.Table.Header, wantUnitsHeader) {
			t.Errorf("annex %d header: %+v", i, a.Table.Header)
		}
		if len(a.Table.Rows) != 2 || a.Table.Rows[1][1] != "Phường Hưng Phú" {
			t.Errorf("annex %d rows: %q", i, a.Table.Rows)
		}
	}
	// Numbers from the workbook as it prints them, the Vietnamese way;
	// the title row above the table is not part of it.
	if got := wb.Table.Rows[0]; !reflect.DeepEqual(got, []string{"1", "Phường Lê Bình", "9.980", "145", "10.125", "98,6"}) {
		t.Errorf("workbook row: %q", got)
	}
	if got := wb.Table.Totals; !reflect.DeepEqual(got, []string{"", "Tổng cộng", "25.080", "345", "25.425", "98,6"}) {
		t.Errorf("workbook totals: %q", got)
	}
	if got := csv.Table.Totals; len(got) != 6 || got[1] != "Cộng" {
		t.Errorf("CSV totals: %q", got)
	}
	if s.AnnexFile(0).String() != "units.csv" || s.AnnexFile(1).String() != "units.xlsx!Phụ lục 1" {
		t.Errorf("AnnexFile: %q, %q", s.AnnexFile(0), s.AnnexFile(1))
	}
	// Cells are named as the workbook has them: a title row and two
	// header rows above the body.
	if f := s.AnnexFile(1); f.Cell(1, 3) != "D5" || f.Cell(-1, 2) != "C6" {
		t.Errorf("cells: %q, %q", f.Cell(1, 3), f.Cell(-1, 2))
	}
	// Written back, the tables are inlined (as YAML annex files are) and
	// the source reads back to the same document without the files.
	var out bytes.Buffer
	if err := markdown.Write(&out, s.Doc, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "coverage: true") || strings.Contains(out.String(), "units.csv") {
		t.Errorf("written source:\n%s", out.String())
	}
	back, err := markdown.Parse(out.Bytes(), "back.md")
	if err != nil {
		t.Fatalf("written source does not parse: %v\n%s", err, out.String())
	}
	if !reflect.DeepEqual(back.Annexes, s.Doc.Annexes) {
		t.Errorf("round trip changed the annexes:\n%+v\n%+v", back.Annexes, s.Doc.Annexes)
	}
	// A workbook is read from the sheet it opens on when none is named.
	writeTableSource(t, dir, "  - file: units.xlsx\n    title: Biểu\n")
	if _, err := parseTables(t, dir); err == nil || !strings.Contains(err.Error(), `kh.md:12: annexes[0].file: units.xlsx: sheet "Sheet1"`) {
		t.Errorf("default sheet: %v", err)
	}
}

// A table that is not a coverage table is read as it is.
func TestAnnexTableFileGeneric(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "list.csv"), []byte("TT,Cơ quan,Nhiệm vụ\n1,Phòng Y tế,Chủ trì\n2,BHXH huyện,Phối hợp\n"), 0o644)
	writeTableSource(t, dir, "  - file: list.csv\n    title: Phân công\n")
	s, err := parseTables(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	tb := s.Doc.Annexes[0].Table
	if len(tb.Header) != 1 || len(tb.Header[0]) != 3 || tb.Header[0][2].Text != "Nhiệm vụ" || len(tb.Rows) != 2 || tb.Totals != nil {
		t.Errorf("generic table: %+v", tb)
	}
}

// A table file's entry takes the annex label like an inline annex:
// text, or false for none.
func TestAnnexTableFileLabel(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "list.csv"), []byte("TT,Cơ quan,Nhiệm vụ\n1,Phòng Y tế,Chủ trì\n"), 0o644)
	writeTableSource(t, dir, "  - file: list.csv\n    title: Phân công\n    label: Biểu 1\n  - file: list.csv\n    title: Phân công\n    label: false\n")
	s, err := parseTables(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Doc.Annexes; a[0].Label != "Biểu 1" || a[0].NoLabel || a[1].Label != "" || !a[1].NoLabel {
		t.Errorf("labels: %q %v, %q %v", a[0].Label, a[0].NoLabel, a[1].Label, a[1].NoLabel)
	}
}

// Mistakes in an entry are errors naming the annex's key and line.
func TestAnnexTableFileErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "units.csv"), []byte(unitsCSV), 0o644)
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("title: A\ntable: {header: [[STT, Đơn vị]], rows: [[1, X]]}\n"), 0o644)
	writeUnitsXLSX(t, filepath.Join(dir, "units.xlsx"), nil)
	for _, c := range []struct{ annexes, want string }{
		{"  - file: units.csv\n", "kh.md:12: annexes[0].title: an annex read from \"units.csv\" needs a title"},
		{"  - file: units.csv\n    title: A\n    sheet: S\n", "a CSV file has no sheets"},
		{"  - file: units.xlsx\n    title: A\n    sheet: Phụ lục 9\n", `annexes[0].file: units.xlsx: no sheet "Phụ lục 9"`},
		{"  - file: units.xlsx\n    title: A\n    sheet: " + strings.Repeat("x", 40) + "\n", "annexes[0].sheet: a worksheet name has at most 31 characters"},
		{"  - file: units.csv\n    title: A\n    colour: red\n", "annexes[0].colour: unknown key"},
		{"  - file: units.csv\n    title: A\n    coverage: maybe\n", "annexes[0].coverage: want true or false"},
		{"  - file: a.yaml\n    title: A\n", "annexes[0]: an annex in a YAML or JSON file holds its title and other keys itself"},
		{"  - file: units.ods\n    title: A\n", "annexes[0]: an annex in a YAML or JSON file holds its title and other keys itself: give only file: (tables are read from .xlsx, .xlsm or .csv files)"},
	} {
		writeTableSource(t, dir, c.annexes)
		if _, err := parseTables(t, dir); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.annexes, err, c.want)
		}
	}
	// Without a TableReader, a spreadsheet annex is an error, not a
	// silently empty table.
	writeTableSource(t, dir, "  - file: units.csv\n    title: A\n")
	root, _ := os.OpenRoot(dir)
	defer root.Close()
	if _, err := markdown.ParseFS(root.FS(), "kh.md"); err == nil || !strings.Contains(err.Error(), "TableReader") {
		t.Errorf("no TableReader: %v", err)
	}
	// An inline annex may declare itself too, and the declaration is
	// written back.
	writeTableSource(t, dir, "  - title: A\n    coverage: false\n    table: {header: [[STT, Đơn vị]], rows: [[\"1\", X]]}\n")
	s, err := parseTables(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Doc.Annexes[0].Coverage != bhytdoc.CoverageNo {
		t.Errorf("coverage: false read as %v", s.Doc.Annexes[0].Coverage)
	}
	var out bytes.Buffer
	markdown.Write(&out, s.Doc, nil)
	if !strings.Contains(out.String(), "coverage: false") {
		t.Errorf("coverage: false not written:\n%s", out.String())
	}
}

// Hostile table files: a link out of the directory, a FIFO, a file over
// the limit, a formula whose value was never computed.
func TestAnnexTableFilesHostile(t *testing.T) {
	outside := t.TempDir()
	writeUnitsXLSX(t, filepath.Join(outside, "units.xlsx"), nil)
	dir := t.TempDir()
	os.Symlink(filepath.Join(outside, "units.xlsx"), filepath.Join(dir, "units.xlsx"))
	writeTableSource(t, dir, "  - file: units.xlsx\n    sheet: Phụ lục 1\n    title: A\n")
	if _, err := parseTables(t, dir); err == nil || !strings.Contains(err.Error(), "kh.md:12: annexes[0].file:") {
		t.Errorf("link out of the directory: %v", err)
	}

	dir = t.TempDir()
	if err := ostest.Mkfifo(filepath.Join(dir, "units.csv"), 0o644); err == nil {
		writeTableSource(t, dir, "  - file: units.csv\n    title: A\n")
		done := make(chan error, 1)
		go func() { _, err := parseTables(t, dir); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "units.csv is not a regular file") {
				t.Errorf("FIFO: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("reading a FIFO hangs")
		}
	}

	dir = t.TempDir()
	f, _ := os.Create(filepath.Join(dir, "big.csv"))
	f.Truncate(markdown.MaxFileBytes + 1)
	f.Close()
	writeTableSource(t, dir, "  - file: big.csv\n    title: A\n")
	if _, err := parseTables(t, dir); err == nil || !strings.Contains(err.Error(), "big.csv is larger than 16 MiB") {
		t.Errorf("huge CSV: %v", err)
	}

	dir = t.TempDir()
	writeUnitsXLSX(t, filepath.Join(dir, "units.xlsx"), func(f *excelize.File, s string) {
		f.SetCellValue(s, "E5", nil)
		f.SetCellFormula(s, "E5", "C5+D5")
	})
	writeTableSource(t, dir, "  - file: units.xlsx\n    sheet: Phụ lục 1\n    title: A\n")
	_, err := parseTables(t, dir)
	if err == nil || !strings.Contains(err.Error(), `annexes[0].file: units.xlsx: sheet "Phụ lục 1": row 5, column E: formula =C5+D5 has no computed value`) {
		t.Errorf("formula without a value: %v", err)
	}
	// The table reader's error stays reachable: its sheet, row and column.
	var re *coverage.RowError
	if !errors.As(err, &re) || re.File != "units.xlsx" || re.Sheet != "Phụ lục 1" || re.Row != 5 || re.Col != 5 {
		t.Errorf("want the *coverage.RowError at E5, got %#v", re)
	}
}

// Parse normalises its document in place, but a table read from a file
// is its reader's: the reader's table keeps its text and spans.
func TestAnnexTableFileLeftAsRead(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "list.csv"), []byte("x\n"), 0o644)
	writeTableSource(t, dir, "  - file: list.csv\n    title: Phân công\n")
	decomposed := "Phu\u0300ng Y te\u0302\u0301" // NFD: Phường Y tế as typed on some systems
	kept := &markdown.TableFile{Table: bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{{{Text: "TT", ColSpan: 1}, {Text: "Cơ quan"}}},
		Rows:   [][]string{{"1", decomposed}},
	}}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	src, _ := root.ReadFile("kh.md")
	reader := func([]byte, string, string) (*markdown.TableFile, error) { return kept, nil }
	s, err := markdown.ParseSourceWith(src, "kh.md", root.FS(), &markdown.ParseOptions{Tables: reader})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Doc.Annexes[0].Table.Rows[0][1]; got == decomposed || !norm.NFC.IsNormalString(got) {
		t.Errorf("the document's cell %q is not normalised", got)
	}
	if kept.Table.Rows[0][1] != decomposed || kept.Table.Header[0][0].ColSpan != 1 {
		t.Errorf("the reader's table was changed: %q, span %d", kept.Table.Rows[0][1], kept.Table.Header[0][0].ColSpan)
	}
}
