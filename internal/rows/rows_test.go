package rows

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bhytdoc/bhytdoc/coverage"

	"github.com/bhytdoc/bhytdoc/internal/guard"
)

func readAll(t *testing.T, name, content string) ([]Row, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := ReadFile(f, name, "")
	if err != nil {
		return nil, err
	}
	return tb.Rows, nil
}

func TestReadRows(t *testing.T) {
	rows, err := readAll(t, "u.csv", "\uFEFFBiểu 01;;\nTen;Dan so;Ty le\nLe Binh;10.125;98,6\n;;\nHung Phu;15.300;99\nCộng;25.425;\nAfter;1;2\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || field(rows[1], "Ten") != "Hung Phu" || field(rows[0], "Ty le") != "98,6" || rows[1].Where() != "u.csv: row 5" || rows[1].Line != 5 {
		t.Errorf("rows %+v", rows)
	}
	rows, err = readAll(t, "u.json", `[{"Ten": "A", "DanSo": 12, "NguoiKy": {"HoTen": "B"}}, {"Ten": "B"}]`)
	if err != nil || len(rows) != 2 || field(rows[0], "DanSo").(interface{ String() string }).String() != "12" {
		t.Errorf("json: %v %+v", err, rows)
	}
	for _, c := range []struct{ name, content, want string }{
		{"d.csv", "Ten,Ten\nA,B\n", `d.csv: row 1, column 2: repeats the header "Ten"`},
		{"d.csv", "Ten,Dan so\nA,1,extra\n", "column 3: a value under no header"},
		{"d.csv", "only\nA\n", "no header row"},
		{"d.csv", "Ten,X\n\"A,1\n", "d.csv:"},
		{"d.csv", "Ten,X\n" + strings.Repeat("a", MaxCellBytes+1) + ",1\n", "a cell of"},
		{"d.json", `{"Ten": "A"}`, "want an array of objects"},
		{"d.json", `[{"Ten": "A"}, 3]`, "row 2: want an object"},
		{"d.txt2", "x", "unknown file type"},
		{"d.xlsx", "not a zip", "d.xlsx"},
	} {
		_, err := readAll(t, c.name, c.content)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: got %v, want %q", c.name, c.content[:min(len(c.content), 30)], err, c.want)
		}
		checkRowError(t, err, c.name)
	}
}

// checkRowError checks that err is a *coverage.RowError of the file name
// that names the file once.
func checkRowError(t *testing.T, err error, name string) {
	t.Helper()
	var re *coverage.RowError
	if !errors.As(err, &re) || re.File != name || strings.Count(err.Error(), name) != 1 {
		t.Errorf("%s: want a *coverage.RowError naming the file once, got %T %v", name, err, err)
	}
}

// bigReader is a reader of n bytes of b repeated, made as it is read.
type bigReader struct {
	b []byte
	n int64
}

func (r *bigReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, os.ErrClosed
	}
	k := 0
	for k < len(p) && int64(k) < r.n {
		k += copy(p[k:min(len(p), k+int(r.n))], r.b)
	}
	r.n -= int64(k)
	return k, nil
}

// TestHostile: issue 18 items 4 and 5, each under the guard. Every bound
// holds while reading: the reader never holds much more than one record.
func TestHostile(t *testing.T) {
	const budget = 128 << 20
	cases := []struct {
		name string
		read func() error
		want string
	}{
		{"CSV without line ends", func() error {
			_, err := ReadCSV(&bigReader{b: []byte("aaaaaaaaaaaaaaaa"), n: 1 << 30}, "x.csv")
			return err
		}, "x.csv: after line 0: a record longer than"},
		{"CSV quoted field that never closes", func() error {
			_, err := ReadCSV(io.MultiReader(strings.NewReader("Ten,X\n\""), &bigReader{b: []byte("ab,c\n"), n: 1 << 30}), "x.csv")
			return err
		}, "a record longer than"},
		{"CSV of many small lines", func() error {
			_, err := ReadCSV(&bigReader{b: []byte("\n\n\n\n"), n: 1 << 30}, "x.csv")
			return err
		}, "x.csv: after line 0: a record longer than"},
		{"JSON row of 900 MB", func() error {
			_, err := ReadJSON(io.MultiReader(strings.NewReader(`[{"a":"`), &bigReader{b: []byte(strings.Repeat("x", 1000)), n: 900 << 20}), "x.json")
			return err
		}, "a row longer than 1024 KiB"},
		{"JSON value above a cell", func() error {
			_, err := ReadJSON(strings.NewReader(`[{"a":"`+strings.Repeat("x", MaxCellBytes+1)+`"}]`), "x.json")
			return err
		}, "row 1: a: a cell of"},
		{"JSON nesting", func() error {
			_, err := ReadJSON(strings.NewReader(`[{"a":`+strings.Repeat("[", 100000)), "x.json")
			return err
		}, "nested deeper than 32 levels"},
		{"dotted key of 480,000 levels", func() error {
			_, err := ReadCSV(strings.NewReader("Ten,"+strings.Repeat("a.", 480000)+"b\nx,y\n"), "x.csv")
			return err
		}, "x.csv: row 1, column 2: a cell of 960001 bytes"},
		{"dotted key of 40 levels", func() error {
			_, err := ReadCSV(strings.NewReader("Ten,"+strings.Repeat("a.", 40)+"b\nx,y\n"), "x.csv")
			return err
		}, "x.csv: row 1, column 2: the field name \"a.a.a"},
		{"dotted JSON key", func() error {
			_, err := ReadJSON(strings.NewReader(`[{"`+strings.Repeat("a.", 40)+`b": 1}]`), "x.json")
			return err
		}, "41 levels, more than 32"},
		{"JSON repeated key", func() error {
			_, err := ReadJSON(strings.NewReader(`[{"Ten": "A", "So": 1}, {"Ten": "B", "Ten": "C"}]`), "x.json")
			return err
		}, `x.json: row 2: key "Ten" given twice`},
		{"JSON junk after the array", func() error {
			_, err := ReadJSON(strings.NewReader(`[{"Ten": "A"}] {"Ten": "B"}`), "x.json")
			return err
		}, "x.json: data after the array of rows"},
		{"semicolon file with commas in the header", func() error {
			_, err := ReadCSV(strings.NewReader("Ten;Dân số, năm 2019;Tỷ lệ, %, cuối năm\nLê Bình;10.125;98,6\n"), "x.csv")
			return err
		}, `x.csv: row 1, column 1 (Ten;Dân số): the header holds ";"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			guard.Run(t, 20*time.Second, budget, func() { err = c.read() })
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
			var re *coverage.RowError
			if !errors.As(err, &re) || strings.Count(err.Error(), re.File) != 1 {
				t.Errorf("want a *coverage.RowError naming the file once, got %T %v", err, err)
			}
		})
	}
}

// TestHostileXLSX: formulas without values, hidden sheets, a sheet of
// whitespace, many shared strings.
func TestHostileXLSX(t *testing.T) {
	dir := t.TempDir()
	save := func(f *excelize.File, name string) string {
		p := filepath.Join(dir, name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	read := func(p, sheet string) (*Table, error) {
		var tb *Table
		var err error
		guard.Run(t, 20*time.Second, 1<<30, func() {
			f, _ := os.Open(p)
			defer f.Close()
			tb, err = ReadFile(f, filepath.Base(p), sheet)
		})
		return tb, err
	}

	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ten", "DonVi"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"A", "Phường A"})
	f.SetCellFormula("Sheet1", "B3", `"Phường "&A3`)
	f.SetCellValue("Sheet1", "A3", "B")
	if _, err := read(save(f, "formula.xlsx"), ""); err == nil || !strings.Contains(err.Error(), `formula.xlsx: sheet "Sheet1": row 3, column B (DonVi): formula ="Phường "&A3 has no computed value`) {
		t.Errorf("formula: %v", err)
	}

	// The workbook opens on a hidden sheet: the first visible one is
	// read, and said; the hidden one only when named.
	sheet := func(ten string) string {
		return `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ten</t></is></c><c r="B1" t="inlineStr"><is><t>DonVi</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>` + ten + `</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`
	}
	p := filepath.Join(dir, "hidden.xlsx")
	os.WriteFile(p, zipOf(t, map[string]string{
		"xl/workbook.xml": `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="1"/></bookViews>` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/><sheet name="Cũ" state="hidden" sheetId="2" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheet("A"),
		"xl/worksheets/sheet2.xml": sheet("Z"),
	}), 0o644)
	tb, err := read(p, "")
	if err != nil || tb.Sheet != "Sheet1" || field(tb.Rows[0], "Ten") != "A" {
		t.Errorf("hidden active: %v %+v", err, tb)
	}
	if tb, err = read(p, "Cũ"); err != nil || field(tb.Rows[0], "Ten") != "Z" {
		t.Errorf("hidden named: %v %+v", err, tb)
	}

	// A worksheet padded with 64 MB of whitespace: streamed, and refused
	// at the reader's bound on one token, never unpacked whole.
	var ws bytes.Buffer
	ws.WriteString(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ten</t></is></c><c r="B1" t="inlineStr"><is><t>X</t></is></c></row>`)
	ws.WriteString(strings.Repeat(" ", 64<<20))
	ws.WriteString(`<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`)
	p = writeZip(t, dir, "space.xlsx", ws.Bytes(), nil)
	if _, err = read(p, ""); err == nil || !strings.Contains(err.Error(), `space.xlsx: sheet "Sheet1": an XML tag or text longer than 4 MiB`) {
		t.Errorf("whitespace: %v", err)
	}

	// Five million shared strings: refused at the bound, quickly.
	var sst bytes.Buffer
	sst.WriteString(`<sst>`)
	for range 5_000_000 {
		sst.WriteString(`<si><t/></si>`)
	}
	sst.WriteString(`</sst>`)
	p = writeZip(t, dir, "sst.xlsx", []byte(`<worksheet><sheetData/></worksheet>`), sst.Bytes())
	if _, err = read(p, ""); err == nil || !strings.Contains(err.Error(), "strings") {
		t.Errorf("shared strings: %v", err)
	}
}

// writeZip makes a minimal workbook of one worksheet (and shared
// strings, when given).
func writeZip(t *testing.T, dir, name string, sheet, sst []byte) string {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml":        `<Types/>`,
		"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   string(sheet),
	}
	if sst != nil {
		parts["xl/sharedStrings.xml"] = string(sst)
	}
	b := zipOf(t, parts)
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// field is r's field k, nil when r has none.
func field(r Row, k string) any {
	v, _ := r.Field(k)
	return v
}

func ExampleReadCSV() {
	rs, err := ReadCSV(strings.NewReader("Ten,NguoiKy.HoTen\nAn Bình,Nguyễn Văn A\n"), "units.csv")
	signer, _ := rs[0].Field("NguoiKy.HoTen")
	fmt.Println(rs[0].Where(), signer, err)
	// Output: units.csv: row 2 Nguyễn Văn A <nil>
}

// A workbook's numbers: stored values, percentages as shown, dates as
// dates.
func TestXLSXNumbers(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ten", "DanSo", "TyLe", "Ngay"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Lê Bình", 10125, 0.995, 43830})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
	f.SetCellStyle("Sheet1", "C2", "C2", pct)
	f.SetCellStyle("Sheet1", "D2", "D2", date)
	f.SetCellStyle("Sheet1", "B2", "B2", thousands)
	p := filepath.Join(t.TempDir(), "n.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	fh, _ := os.Open(p)
	defer fh.Close()
	tb, err := ReadFile(fh, "n.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	got := tb.Rows[0]
	if field(got, "DanSo") != "10125" || field(got, "TyLe") != "99.5" || field(got, "Ngay") != "2019-12-31" || tb.Rows[0].Where() != `n.xlsx: sheet "Sheet1": row 2` {
		t.Errorf("%+v", tb.Rows[0])
	}
}
