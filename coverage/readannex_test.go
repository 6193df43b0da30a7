package coverage

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"

	"github.com/xuri/excelize/v2"
)

// Our own workbook reads back as the annex it was written from, and a
// figure edited without recalculating (stale cached formulas) is caught
// with its cell.
func TestReadAnnexXLSXRoundTrip(t *testing.T) {
	tb := planned(t)
	b := writeXLSX(t, tb)
	sheets, err := ReadAnnexXLSX(bytes.NewReader(b), "annex.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	a, err := tb.Annex()
	if err != nil {
		t.Fatal(err)
	}
	s := sheets[0]
	if s.Sheet != "Phụ lục" || !strings.HasPrefix(s.Title, "BIỂU GIAO CHỈ TIÊU") || !strings.HasPrefix(s.Title[strings.Index(s.Title, " / ")+3:], "(Kèm theo") {
		t.Errorf("sheet %q title %q", s.Sheet, s.Title)
	}
	if !reflect.DeepEqual(s.Table.Header, spans(a.Table.Header)) {
		t.Errorf("header\n%+v\nwant\n%+v", s.Table.Header, a.Table.Header)
	}
	if !reflect.DeepEqual(s.Table.Rows, a.Table.Rows) || !reflect.DeepEqual(s.Table.Totals, a.Table.Totals) {
		t.Errorf("rows\n%q %q\nwant\n%q %q", s.Table.Rows, s.Table.Totals, a.Table.Rows, a.Table.Totals)
	}
	if fs, err := s.Check(); err != nil || len(fs) != 0 {
		t.Errorf("written table: %v %s", err, lines(fs))
	}

	f := openXLSX(t, b)
	f.SetCellInt("Phụ lục", "C7", 1900) // An Bình participants; D7, F7 and C10 keep their old values
	var e bytes.Buffer
	if err := f.Write(&e); err != nil {
		t.Fatal(err)
	}
	sheets, err = ReadAnnexXLSX(&e, "edited.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := sheets[0].Check()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s %s %s→%s", f.Cell, f.Problem, f.Stated, f.Expected))
	}
	want := []string{
		"Phụ lục!D7 participants + non-participants ≠ population 23→100",
		"Phụ lục!F7 rate ≠ participants / population 98,9→95,0",
		"Phụ lục!C10 total ≠ sum of the rows 11.437→11.360",
		// F10 still matches the stale C10: 11.437 / 13.128 = 87,12%.
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n%q\nwant\n%q", got, want)
	}
}

// A workbook typed by an official: title lines, a header merged by hand,
// a row of column numbers, numbers typed as text, a "Tổng cộng" row and a
// signature line under the table.
func TestReadAnnexXLSXOfficial(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Biểu 01"
	f.SetSheetName("Sheet1", sh)
	set := func(ref string, v any) {
		if err := f.SetCellValue(sh, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(a, b string) {
		if err := f.MergeCell(sh, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("B1", "KẾT QUẢ THỰC HIỆN BẢO HIỂM Y TẾ ĐẾN NGÀY 15/5/2020")
	merge("B1", "G1")
	set("B4", "TT")
	merge("B4", "B5")
	set("C4", "Phường")
	merge("C4", "C5")
	set("D4", "Kết quả đến 15/5/2020")
	merge("D4", "G4")
	for i, h := range []string{"Số người có thẻ BHYT", "Số người chưa có thẻ", "Dân số", "Tỷ lệ bao phủ (%)"} {
		set(string(rune('D'+i))+"5", h)
	}
	for i := range 6 {
		set(string(rune('B'+i))+"6", fmt.Sprintf("(%d)", i+1))
	}
	body := [][]any{
		{1, "Lê Bình", 8000, 2125, 10125, 79.01},
		{2, "An Bình", "1.977", "23", "2.000", "98,9"},
		{3, "Ba Láng", 500, 400, 1000, "50,0"}, // 500 + 400 ≠ 1.000
		{nil, "Tổng cộng", 10477, 2548, 13125, 79.8},
	}
	for i, r := range body {
		if err := f.SetSheetRow(sh, fmt.Sprintf("B%d", 7+i), &r); err != nil {
			t.Fatal(err)
		}
	}
	pct, _ := f.NewStyle(&excelize.Style{DecimalPlaces: intPtr(2), NumFmt: 2}) // 0.00
	f.SetCellStyle(sh, "G7", "G7", pct)
	one, _ := f.NewStyle(&excelize.Style{CustomNumFmt: strPtr("0.0")})
	f.SetCellStyle(sh, "G10", "G10", one)
	set("E13", "Người lập biểu")
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	sheets, err := ReadAnnexXLSX(&b, "ketqua.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	s := sheets[0]
	if len(s.Table.Rows) != 3 || s.Table.Totals == nil {
		t.Fatalf("rows %q totals %q", s.Table.Rows, s.Table.Totals)
	}
	if got := s.Table.Rows[0]; !reflect.DeepEqual(got, []string{"1", "Lê Bình", "8.000", "2.125", "10.125", "79,01"}) {
		t.Errorf("row 1 read as %q", got)
	}
	fs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.String())
	}
	want := []string{
		`Biểu 01!E9: row 3 (STT 3, Ba Láng), Kết quả đến 15/5/2020, Số người chưa có thẻ: participants + non-participants ≠ population: expected 500, stated "400"`,
		// The totals add up the rows, so the row's error shows again.
		`Biểu 01!E10: totals row (Tổng cộng), Kết quả đến 15/5/2020, Số người chưa có thẻ: participants + non-participants ≠ population: expected 2.648, stated "2.548"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// spans writes out the spans that bhytdoc lets default to 1.
func spans(h [][]bhytdoc.HeaderCell) [][]bhytdoc.HeaderCell {
	out := make([][]bhytdoc.HeaderCell, len(h))
	for r, row := range h {
		for _, c := range row {
			c.ColSpan, c.RowSpan = max(c.ColSpan, 1), max(c.RowSpan, 1)
			out[r] = append(out[r], c)
		}
	}
	return out
}

func intPtr(n int) *int       { return &n }
func strPtr(s string) *string { return &s }

// An annex exported to CSV by a spreadsheet: spans become empty cells.
func TestReadAnnexCSV(t *testing.T) {
	const data = "BIỂU GIAO CHỈ TIÊU,,,,,,,,,\n" +
		",,,,,,,,,\n" +
		"STT,\"Xã, phường\",Đến ngày 30/6/2020,,,,Đến ngày 30/9/2020,,,\n" +
		",,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%),Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n" +
		"1,Phường Lê Bình,8.607,1.518,10.125,\"85,0\",9.012,1.113,10.125,\"89,0\"\n" +
		"2,Xã An Bình,1.977,23,2.000,\"98,9\",1.977,23,2.000,\"98,9\"\n" +
		",Cộng,10.584,1.541,12.125,\"87,3\",10.989,1.136,12.125,\"90,6\"\n"
	s, err := ReadAnnexCSV(strings.NewReader(data), "annex.csv")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := [][]bhytdoc.HeaderCell{
		{{Text: "STT", ColSpan: 1, RowSpan: 2}, {Text: "Xã, phường", ColSpan: 1, RowSpan: 2},
			{Text: "Đến ngày 30/6/2020", ColSpan: 4, RowSpan: 1}, {Text: "Đến ngày 30/9/2020", ColSpan: 4, RowSpan: 1}},
		{{Text: HeaderParticipants, ColSpan: 1, RowSpan: 1}, {Text: HeaderNonParticipants, ColSpan: 1, RowSpan: 1},
			{Text: HeaderPopulation, ColSpan: 1, RowSpan: 1}, {Text: HeaderRate, ColSpan: 1, RowSpan: 1},
			{Text: HeaderParticipants, ColSpan: 1, RowSpan: 1}, {Text: HeaderNonParticipants, ColSpan: 1, RowSpan: 1},
			{Text: HeaderPopulation, ColSpan: 1, RowSpan: 1}, {Text: HeaderRate, ColSpan: 1, RowSpan: 1}},
	}
	if !reflect.DeepEqual(s.Table.Header, wantHeader) {
		t.Errorf("header %+v", s.Table.Header)
	}
	fs, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Errorf("findings:\n%s", lines(fs))
	}
	bad := strings.Replace(data, "9.012,1.113", "9.012,1.114", 1)
	s, err = ReadAnnexCSV(strings.NewReader(bad), "annex.csv")
	if err != nil {
		t.Fatal(err)
	}
	fs, _ = s.Check()
	if len(fs) != 2 || fs[0].Cell != "H5" || fs[1].Cell != "H7" {
		t.Errorf("findings:\n%s", lines(fs))
	}
}

func TestReadAnnexErrors(t *testing.T) {
	if _, err := ReadAnnexCSV(strings.NewReader("a,b\n1,2\n"), "x.csv"); err == nil || !strings.Contains(err.Error(), "x.csv: no table header") {
		t.Errorf("no header: %v", err)
	}
	if _, err := ReadAnnexCSV(strings.NewReader("STT,Đơn vị,Dân số,Tham gia\n"), "x.csv"); err == nil || !strings.Contains(err.Error(), "no rows") {
		t.Errorf("no rows: %v", err)
	}
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "nothing here")
	var b bytes.Buffer
	f.Write(&b)
	f.Close()
	if _, err := ReadAnnexXLSX(&b, "x.xlsx"); err == nil || !strings.Contains(err.Error(), `x.xlsx: sheet "Sheet1": no table header`) {
		t.Errorf("no table: %v", err)
	}
}

// A merge down to the sheet's last row used to index past the rows read
// (a panic); a header deeper, or a table wider, than any annex is refused.
func TestReadAnnexBounds(t *testing.T) {
	for _, tc := range []struct {
		name, from, to, want string
	}{
		{"million rows", "A1", "A1048576", "a header of 30 rows; at most 10"},
		{"deep", "A1", "A20", "a header of 20 rows; at most 10"},
		{"wide", "B1", "XFD1", "a table of 16384 columns; at most 256"},
	} {
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Đơn vị", "Dân số"})
		for r := 2; r <= 30; r++ {
			f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", r), &[]any{r - 1, "A", 3})
		}
		if err := f.MergeCell("Sheet1", tc.from, tc.to); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		f.Write(&b)
		f.Close()
		done := make(chan error, 1)
		go func() {
			_, err := ReadAnnexXLSX(bytes.NewReader(b.Bytes()), "m.xlsx")
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s merge: %v, want %q", tc.name, err, tc.want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("%s merge: still reading after 20 s", tc.name)
		}
	}
}
