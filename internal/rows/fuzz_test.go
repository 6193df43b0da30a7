package rows

import (
	"bytes"
	"strings"
	"testing"
)

// The readers never panic and keep their bounds on any input; what they
// accept has at most MaxColumns fields of at most MaxCellBytes each.

func checkRows(t *testing.T, rs []Row) {
	for _, r := range rs {
		if r.Len() > MaxColumns {
			t.Fatalf("%s: %d fields", r.Where(), r.Len())
		}
		for k, v := range r.Sorted() {
			if CheckKey(k) != nil {
				t.Fatalf("%s: key %q accepted", r.Where(), k)
			}
			if s, ok := v.(string); ok && len(s) > MaxCellBytes {
				t.Fatalf("%s: a cell of %d bytes", r.Where(), len(s))
			}
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"\uFEFFBiểu 01;;\nTen;Dan so;Ty le\nLe Binh;10.125;98,6\n;;\nHung Phu;15.300;99\nCộng;25.425;\nAfter;1;2\n",
		"Ten,Ten\nA,B\n", "Ten,Dan so\nA,1,extra\n", "Ten,X\n\"A,1\n",
		"Ten;Dân số, năm 2019;Tỷ lệ, %, cuối năm\nLê Bình;10.125;98,6\n",
		"Ten," + strings.Repeat("a.", 40) + "b\nx,y\n",
		"Ten,X\n\"" + strings.Repeat("ab,c\n", 100),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ReadCSV(bytes.NewReader(b), "f.csv")
		if err == nil {
			checkRows(t, rs)
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	for _, s := range []string{
		`[{"Ten": "A", "DanSo": 12, "NguoiKy": {"HoTen": "B"}}, {"Ten": "B"}]`,
		`[{"Ten": "A", "So": 1}, {"Ten": "B", "Ten": "C"}]`,
		`[{"Ten": "A"}] {"Ten": "B"}`, `{"Ten": "A"}`, `[{"Ten": "A"}, 3]`,
		`[{"a":` + strings.Repeat("[", 100),
		`[{"` + strings.Repeat("a.", 40) + `b": 1}]`,
		"\uFEFF[]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ReadJSON(bytes.NewReader(b), "f.json")
		if err == nil {
			checkRows(t, rs)
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	row := func(ten string) string {
		return `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ten</t></is></c><c r="B1" t="s"><v>0</v></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>` + ten + `</t></is></c><c r="B2" s="1"><v>43830</v></c><c r="C2"><f>A2</f></c></row></sheetData></worksheet>`
	}
	base := map[string]string{
		"_rels/.rels":                `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/><sheet name="Cũ" state="hidden" sheetId="2" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   row("A"),
		"xl/sharedStrings.xml":       `<sst><si><t>Ngay</t></si><si><t/></si></sst>`,
		"xl/styles.xml":              `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
	}
	f.Add(zipOf(f, base))
	base["xl/worksheets/sheet1.xml"] = `<worksheet><sheetData><row r="1"><c r="A1"><f>1+1</f></c><c r="B1" t="s"><v>7</v></c></row></sheetData></worksheet>`
	f.Add(zipOf(f, base))
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := ReadXLSX(bytes.NewReader(b), int64(len(b)), "f.xlsx", "")
		if err == nil {
			checkRows(t, tb.Rows)
		}
	})
}
