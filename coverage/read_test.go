package coverage

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"

	"github.com/xuri/excelize/v2"
)

const baselineCSV = "STT,Đơn vị,Loại,Mã,Số người tham gia BHYT,Dân số,Tỷ lệ (%),Ngày,Tỷ lệ tăng dân số (%),Chỉ tiêu 31/10/2020,Ghi chú\n" +
	"1,Lê Bình,phường,31183,8.000,10.125,\"79,0\",31/12/2019,\"1,5\",,\n" +
	"2,Xã An Bình,,,1977,2000,\"98,85\",2019-12-31,,95,x\n" +
	"3,Thị trấn Nam Giang,,,1,3,,,,,\n" +
	",Cộng,,,9.978,12.128,,,,,\n" +
	"Người lập biểu,,,,,,,,,,\n"

func wantBaselines() []Baseline {
	return []Baseline{
		{Unit: Unit{Name: "Lê Bình", Kind: Phuong, Code: "31183"}, Participants: 8000, Population: 10125,
			Date: d(2019, 12, 31), Growth: pct("1,5")},
		{Unit: Unit{Name: "An Bình", Kind: Xa}, Participants: 1977, Population: 2000, Date: d(2019, 12, 31),
			Targets: map[bhytdoc.Date]Percent{d(2020, 10, 31): pct("95")}},
		{Unit: Unit{Name: "Nam Giang", Kind: ThiTran}, Participants: 1, Population: 3},
	}
}

func TestReadCSV(t *testing.T) {
	for name, data := range map[string]string{
		"plain": baselineCSV,
		"BOM":   "\uFEFF" + baselineCSV,
		// Where "," is the decimal comma, spreadsheets separate with ";".
		"semicolons": strings.NewReplacer("\"79,0\"", "79,0", "\"1,5\"", "1,5", "\"98,85\"", "98,85", ",", ";").Replace(baselineCSV),
		"CRLF":       strings.ReplaceAll(baselineCSV, "\n", "\r\n"),
		"title rows": "BIỂU SỐ LIỆU,,\n(đến 31/12/2019),,\n" + baselineCSV,
	} {
		got, err := ReadCSV(strings.NewReader(data), "data.csv")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got, wantBaselines()) {
			t.Errorf("%s: got\n%+v\nwant\n%+v", name, got, wantBaselines())
		}
	}
	// English headers.
	got, err := ReadCSV(strings.NewReader("name,kind,participants,population\nLe Binh,phuong,80,100\n"), "en.csv")
	if err != nil || len(got) != 1 || got[0].Unit != (Unit{Name: "Le Binh", Kind: Phuong}) || got[0].Population != 100 {
		t.Errorf("English headers: %+v, %v", got, err)
	}
}

func TestReadCSVErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       []string
	}{
		{"no header", "a,b\n1,2\n", []string{"data.csv: no header row with a population (Dân số) column"}},
		{"missing columns", "Dân số,Loại\n1,xã\n", []string{"row 1: no unit name (Đơn vị) column", "no participants"}},
		{"bad numbers", "Đơn vị,Tham gia,Dân số\nA,\"1,5\",10\nB,10.12,x\nC,,5\nD,-3,5\n", []string{
			`data.csv: row 2, column 2 (Tham gia): "1,5" is not a whole number`,
			`row 3, column 2 (Tham gia): "10.12" is not a whole number`,
			`row 3, column 3 (Dân số): "x" is not a whole number`,
			`row 4, column 2 (Tham gia): empty`,
			`row 5, column 2 (Tham gia): -3 is negative`,
		}},
		{"inconsistent", "Đơn vị,Tham gia,Chưa tham gia,Dân số,Tỷ lệ\nA,80,21,100,\"80,1\"\n", []string{
			"row 2, column 3 (Chưa tham gia): 21 not yet participating, but population − participants = 20",
			"row 2, column 5 (Tỷ lệ): rate 80,1, but participants / population = 80,0",
		}},
		{"bad totals", "Đơn vị,Tham gia,Dân số\nA,1,10\nB,2,10\nCộng,4,20\n", []string{
			"row 4, column 2 (Tham gia): total 4 is not the sum of the units above, 3"}},
		{"bad kind, date, growth, target", "Đơn vị,Loại,Ngày,Tăng dân số,Chỉ tiêu 2020-06-31,Tham gia,Dân số\nA,huyện,31/13/2019,abc,,1,2\n",
			[]string{"row 1, column 5 (Chỉ tiêu 2020-06-31)", "row 2, column 2 (Loại): coverage: unknown unit kind",
				"row 2, column 3 (Ngày)", "row 2, column 4 (Tăng dân số)"}},
		{"no name", "Đơn vị,Tham gia,Dân số\n,1,2\n", []string{"row 2, column 1 (Đơn vị): no unit name"}},
		{"no rows", "Đơn vị,Tham gia,Dân số\n", []string{"no units under the header"}},
		{"not UTF-8", "Đơn vị,Tham gia,Dân số\n\xff,1,2\n", []string{"not UTF-8"}},
		{"bad quotes", "Đơn vị,Tham gia,Dân số\n\"A,1,2\n", []string{"data.csv: row"}},
	} {
		_, err := ReadCSV(strings.NewReader(tc.data), "data.csv")
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error\n%v\ndoes not mention %q", tc.name, err, w)
			}
		}
	}
	// Each problem is a *RowError.
	_, err := ReadCSV(strings.NewReader("Đơn vị,Tham gia,Dân số\nA,x,1\n"), "data.csv")
	var re *RowError
	if !errors.As(err, &re) || re.Row != 2 || re.Col != 2 || re.Column != "Tham gia" || re.File != "data.csv" {
		t.Errorf("RowError %+v", re)
	}
}

// A CSV file longer than the limit is an error, never silently cut
// short; the file is streamed, so the limit is on bytes, not memory.
func TestReadCSVLimit(t *testing.T) {
	data := "Đơn vị,Tham gia,Dân số\n" + strings.Repeat("A,1,2\n", 1000)
	if _, err := readCSVLimit(strings.NewReader(data), "big.csv", int64(len(data))); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	_, err := readCSVLimit(strings.NewReader(data+"B,1,2\n"), "big.csv", int64(len(data)))
	if err == nil || !strings.HasPrefix(err.Error(), "big.csv: larger than") {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := ReadCSV(strings.NewReader("Đơn vị,Tham gia,Dân số\nA\xff,1,2\n"), "x.csv"); err == nil || !strings.Contains(err.Error(), "x.csv: row 2: not UTF-8") {
		t.Errorf("bad UTF-8: %v", err)
	}
}

// Cell text in a message is a short excerpt, whatever the cell holds.
func TestReadErrorExcerpt(t *testing.T) {
	long := strings.Repeat("root:x:0:0:root:/root:/bin/bash;", 300)
	_, err := ReadCSV(strings.NewReader("Đơn vị,Tham gia,Dân số,Loại\nA,\""+long+"\",2,\""+long+"\"\n"), "x.csv")
	if err == nil || len(err.Error()) > 400 || !strings.Contains(err.Error(), `"root:x:0:0:root:/root:/bin/bash;root:x:0"…`) {
		t.Errorf("error of %d bytes: %.500v", len(err.Error()), err)
	}
}

// A workbook as an official might type it: title rows, numbers stored as
// numbers and as Vietnamese text, a date cell, growth as a percentage.
func officialBaselines(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "Số liệu"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		t.Fatal(err)
	}
	pctStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{"ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG"},
		{},
		{"STT", "Tên đơn vị", "Loại", "Số người tham gia BHYT", "Dân số", "Ngày", "Tăng dân số"},
		{1, "Lê Bình", "Phường", 8000, "10.125", nil, 0.015},
		{2, "An Bình", "xã", "1.977", 2000, nil, nil},
		{3, "Nam Giang", "thị trấn", 1, 3, nil, nil},
	}
	for i, r := range rows {
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellStyle(sh, "G4", "G4", pctStyle)
	f.SetCellValue(sh, "F4", d(2019, 12, 31).Time())
	f.SetCellStyle(sh, "F4", "F4", dateStyle)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadXLSX(t *testing.T) {
	got, err := ReadXLSX(bytes.NewReader(officialBaselines(t)), "data.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := wantBaselines()
	want[0].Unit.Code = ""
	want[1].Date, want[1].Targets = bhytdoc.Date{}, nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}

	// Errors name the file, sheet, row and column letter.
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Đơn vị", "Tham gia", "Dân số"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"A", 10.5, "x"})
	var b bytes.Buffer
	f.Write(&b)
	_, err = ReadXLSX(bytes.NewReader(b.Bytes()), "bad.xlsx")
	for _, w := range []string{
		`bad.xlsx: sheet "Sheet1": row 2, column B (Tham gia): 10,5 is not a whole number`,
		`bad.xlsx: sheet "Sheet1": row 2, column C (Dân số): "x" is not a whole number`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v does not mention %q", err, w)
		}
	}
	if _, err := ReadXLSX(strings.NewReader("not a zip"), "x.xlsx"); err == nil || !strings.HasPrefix(err.Error(), "x.xlsx: ") {
		t.Errorf("not a workbook: %v", err)
	}
}

// A formula without a cached result is an error naming its sheet and
// cell, never a number computed on reading: =SUM over a huge range took
// seconds and gigabytes, and a circular =C2+1 was read as 1.
func TestReadXLSXUncachedFormula(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Đơn vị", "Tham gia", "Dân số"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"A", 10})
	f.SetCellFormula("Sheet1", "C2", "C2+1")
	f.SetSheetRow("Sheet1", "A3", &[]any{"B", 10})
	f.SetCellFormula("Sheet1", "C3", "SUM(A1:Z100000)")
	var b bytes.Buffer
	f.Write(&b)
	for _, read := range []func() error{
		func() error { _, err := ReadXLSX(bytes.NewReader(b.Bytes()), "f.xlsx"); return err },
		func() error { _, err := ReadAnnexXLSX(bytes.NewReader(b.Bytes()), "f.xlsx"); return err },
	} {
		err := read()
		for _, w := range []string{
			`f.xlsx: sheet "Sheet1": row 2, column C: formula =C2+1 has no computed value`,
			`f.xlsx: sheet "Sheet1": row 3, column C: formula =SUM(A1:Z100000) has no computed value`,
		} {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("error %v does not mention %q", err, w)
			}
		}
	}
}

// The sheet read is the active visible one, or the one named; a hidden
// sheet is never read unless named.
func TestReadXLSXSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Đơn vị", "Tham gia", "Dân số"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Hidden", 1, 2})
	f.NewSheet("Visible")
	f.SetSheetRow("Visible", "A1", &[]any{"Đơn vị", "Tham gia", "Dân số"})
	f.SetSheetRow("Visible", "A2", &[]any{"Shown", 3, 4})
	f.SetActiveSheet(1)
	f.SetSheetVisible("Sheet1", false)
	var b bytes.Buffer
	f.Write(&b)
	bs, sheet, err := ReadXLSXSheet(bytes.NewReader(b.Bytes()), "h.xlsx", "")
	if err != nil || sheet != "Visible" || len(bs) != 1 || bs[0].Unit.Name != "Shown" {
		t.Errorf("active sheet: %q %+v %v", sheet, bs, err)
	}
	bs, sheet, err = ReadXLSXSheet(bytes.NewReader(b.Bytes()), "h.xlsx", "Sheet1")
	if err != nil || sheet != "Sheet1" || len(bs) != 1 || bs[0].Unit.Name != "Hidden" {
		t.Errorf("named hidden sheet: %q %+v %v", sheet, bs, err)
	}
	if _, _, err := ReadXLSXSheet(bytes.NewReader(b.Bytes()), "h.xlsx", "Nope"); err == nil || !strings.Contains(err.Error(), `no sheet "Nope" (have "Sheet1", "Visible")`) {
		t.Errorf("unknown sheet: %v", err)
	}
	as, err := ReadAnnexXLSX(bytes.NewReader(b.Bytes()), "h.xlsx")
	if err != nil || len(as) != 1 || as[0].Sheet != "Visible" {
		t.Errorf("annexes: %v", err)
	}
	// With the table on the hidden sheet only, the error says so.
	f.SetSheetRow("Visible", "A1", &[]any{"Ghi chú", "", ""})
	f.SetSheetRow("Visible", "A2", &[]any{"không có bảng", "", ""})
	var b2 bytes.Buffer
	f.Write(&b2)
	if _, err := ReadAnnexXLSX(bytes.NewReader(b2.Bytes()), "h.xlsx"); err == nil || !strings.Contains(err.Error(), `hidden sheets are not read unless named: "Sheet1"`) {
		t.Errorf("table on a hidden sheet: %v", err)
	}
	a, err := ReadAnnexXLSXSheet(bytes.NewReader(b.Bytes()), "h.xlsx", "Sheet1")
	if err != nil || a.Sheet != "Sheet1" {
		t.Errorf("named hidden annex: %v", err)
	}
}

func TestParseDate(t *testing.T) {
	for s, want := range map[string]bhytdoc.Date{"2020-06-30": d(2020, 6, 30), "30/6/2020": d(2020, 6, 30),
		" 05/02/2021 ": d(2021, 2, 5), "2021-2-5": d(2021, 2, 5)} {
		if got, err := ParseDate(s); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "2020-02-30", "30/6/20", "6/30/2020", "2020/06/30", "hôm nay"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q): no error", s)
		}
	}
}

// Participants above the population are named at their row and cell,
// not later as "unit 1" of a plan.
func TestReadParticipantsAbovePopulation(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("Đơn vị,Dân số,Số người tham gia BHYT\nXã A,1000,900\nXã B,100,200\n"), "r3.csv")
	var re *RowError
	if !errors.As(err, &re) || re.File != "r3.csv" || re.Row != 3 || re.Col != 3 {
		t.Fatalf("got %v (%+v)", err, re)
	}
	if strings.Contains(err.Error(), "unit") {
		t.Errorf("names a unit number: %v", err)
	}
}

// A long table is converted in two halves at once, with the very
// baselines, sums and problems, in order, of one pass: problems in both
// halves and past the cap, a blank row, the totals row and rows below it.
func TestReadSplitHalves(t *testing.T) {
	var b strings.Builder
	b.WriteString("STT,Đơn vị,Dân số,Số người tham gia BHYT,Ngày\n")
	for i := range 9000 {
		pop, part := 1000+i%500, 900+i%300
		switch {
		case i%97 == 5:
			part = pop + 1 // above the population
		case i%1500 == 7:
			b.WriteString(",,,,\n")
			continue
		}
		date := "31/12/2019"
		if i%1000 == 3 {
			date = "2019-13-45"
		}
		fmt.Fprintf(&b, "%d,Xã %d,%d,%d,%s\n", i+1, i, pop, part, date)
	}
	withTotals := b.String() + ",Cộng,1,1,\n9001,Xã sau,10,5,31/12/2019\n"
	for _, in := range []string{b.String(), withTotals} {
		read := func(split int) ([]Baseline, string) {
			defer func(n int) { splitRows = n }(splitRows)
			splitRows = split
			bs, err := ReadCSV(strings.NewReader(in), "u.csv")
			return bs, fmt.Sprint(err)
		}
		wantBS, wantErr := read(1 << 30)
		gotBS, gotErr := read(100)
		if gotErr != wantErr || !reflect.DeepEqual(gotBS, wantBS) {
			t.Errorf("in halves: %d baselines, error\n%.300s\nwant %d,\n%.300s", len(gotBS), gotErr, len(wantBS), wantErr)
		}
		if !strings.Contains(wantErr, "more problems") {
			t.Errorf("the cap on problems is not reached: %.300s", wantErr)
		}
	}
}

// parseNumber is strconv.ParseFloat, its shortcut for counts included.
func TestParseNumber(t *testing.T) {
	for _, s := range []string{"", "0", "00", "7", "4081", "999999999999999", "9999999999999999", "1e3", "-5", "+5", "1.5", "0x10", "12a", " 1", "007"} {
		got, gerr := parseNumber(s)
		want, werr := strconv.ParseFloat(s, 64)
		if got != want || (gerr == nil) != (werr == nil) {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", s, got, gerr, want, werr)
		}
	}
}
