package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// templateData is templates/testdata/NAME.json without the keys drop.
func templateData(t *testing.T, dir, name string, drop ...string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "templates", "testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range drop {
		delete(m, k)
	}
	b, _ = json.Marshal(m)
	return writeTemp(t, dir, name+".json", b)
}

// writeXLSX writes rows to the first sheet of a new workbook.
func writeXLSX(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// A báo cáo whose results annex comes from a units workbook: each unit's
// counts, its rate computed from them, its own target or the data's, and
// the totals and the body's figures the sums of the units.
func TestNewReportFromUnits(t *testing.T) {
	dir := t.TempDir()
	data := templateData(t, dir, "bao-cao-bhyt", "DonVi", "DanSo", "DaThamGia")
	units := filepath.Join(dir, "xa.xlsx")
	writeXLSX(t, units, [][]any{
		{"Kết quả bao phủ bảo hiểm y tế đến 30/6/2021"},
		{"STT", "Đơn vị", "Dân số", "Số người tham gia BHYT", "Chỉ tiêu 31/12/2021"},
		{1, "Thị trấn Sơn Dương", 16250, 15402, 94},
		{2, "Xã Vĩnh Lợi", 9845, 9390, 93.5},
		{3, "Xã Hồng Lạc", 8730, 8021, nil},
		{4, "Xã Tú Thịnh", 12043, 11120, 92},
	})
	code, _, errs := runCLI("new", "bao-cao-bhyt", "--data", data, "--units", units, "-o", dir, "--format", "pdf,xlsx")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	txt := strings.Join(strings.Fields(pdfText(t, filepath.Join(dir, "bao-cao-bhyt.pdf"))), " ")
	// By hand: 15.402/16.250 = 94,78%; 8.021/8.730 = 91,88% against the
	// data's 93,5%; population 16250+9845+8730+12043 = 46868,
	// participants 15402+9390+8021+11120 = 43933, 43933/46868 = 93,74%.
	for _, want := range []string{
		"1 Thị trấn Sơn Dương 16.250 15.402 94,78% 94% Đạt",
		"2 Xã Vĩnh Lợi 9.845 9.390 95,38% 93,5% Đạt",
		"3 Xã Hồng Lạc 8.730 8.021 91,88% 93,5% Chưa đạt",
		"4 Xã Tú Thịnh 12.043 11.120 92,34% 92% Đạt",
		"Toàn huyện 46.868 43.933 93,74% 93,5% Đạt",
		"có 43.933 người tham gia bảo hiểm y tế trên tổng dân số 46.868 người, đạt tỷ lệ bao phủ 93,74%",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "bao-cao-bhyt.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, "|"))
	}
	joined := strings.Join(all, "\n")
	// Counts and rates are numbers in their cells, which excelize
	// formats the English way.
	for _, want := range []string{"3|Xã Hồng Lạc|8,730|8,021|91.88%|93.5%|Chưa đạt", "|Toàn huyện|46,868|43,933|93.74%|93.5%|Đạt"} {
		if !strings.Contains(joined, want) {
			t.Errorf("workbook lacks %q:\n%s", want, joined)
		}
	}
}

func TestNewReportFromUnitsErrors(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "xa.csv")
	os.WriteFile(units, []byte("STT,Đơn vị,Dân số,Số người tham gia BHYT\n1,Xã Vĩnh Lợi,9845,9390\n"), 0o644)
	full := filepath.Join("..", "..", "templates", "testdata", "bao-cao-bhyt.json")
	code, _, errs := runCLI("new", "bao-cao-bhyt", "--data", full, "--units", units, "-o", dir)
	if code != exitInvalid || !strings.Contains(errs, "DonVi: given by the units file") || !strings.Contains(errs, "DanSo: given by the units file") {
		t.Errorf("figures given twice: exit %d\n%s", code, errs)
	}
	data := templateData(t, dir, "bao-cao-bhyt", "DonVi", "DanSo", "DaThamGia")
	code, _, errs = runCLI("new", "bao-cao-bhyt", "--data", data, "--units", units, "--milestone", "2021-12-31:95", "-o", dir)
	if code != exitUsage || !strings.Contains(errs, "give --units alone") {
		t.Errorf("--milestone: exit %d\n%s", code, errs)
	}
	dated := filepath.Join(dir, "dated.csv")
	os.WriteFile(dated, []byte("Đơn vị,Ngày,Dân số,Số người tham gia BHYT\nXã Vĩnh Lợi,31/3/2021,9845,9390\n"), 0o644)
	code, _, errs = runCLI("new", "bao-cao-bhyt", "--data", data, "--units", dated, "-o", dir)
	if code != exitInvalid || !strings.Contains(errs, "NgaySoLieu: 2021-06-30, but the units file counts at 2021-03-31") {
		t.Errorf("dates disagree: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "bao-cao-bhyt.pdf")); err == nil {
		t.Error("a PDF was written despite the errors")
	}
}

// A quyết định giao chỉ tiêu whose annex is read from a workbook: the
// table printed after the decision, SoDonVi counted from it, and a wrong
// rate refused naming its cell unless --allow-inconsistent.
func TestNewDecisionAnnexFile(t *testing.T) {
	dir := t.TempDir()
	data := templateData(t, dir, "quyet-dinh-giao-chi-tieu", "SoDonVi")
	bieu := filepath.Join(dir, "bieu.xlsx")
	rows := [][]any{
		{"STT", "Đơn vị", "Dân số", "Số người tham gia BHYT", "Tỷ lệ (%)"},
		{1, "Phường Lê Bình", 10125, 10075, "99,5"},
		{2, "Phường Hưng Phú", 20000, 19900, "99,5"},
		{3, "Phường Ba Láng", 8000, 7960, "99,5"},
		{nil, "Cộng", 38125, 37935, "99,5"},
	}
	writeXLSX(t, bieu, rows)
	code, _, errs := runCLI("new", "quyet-dinh-giao-chi-tieu", "--data", data, "--annex", bieu, "-o", dir, "--format", "pdf,md")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	txt := strings.Join(strings.Fields(pdfText(t, filepath.Join(dir, "quyet-dinh-giao-chi-tieu.pdf"))), " ")
	for _, want := range []string{
		"cho 3 đơn vị trên địa bàn",
		"CHỈ TIÊU PHÁT TRIỂN NGƯỜI THAM GIA BẢO HIỂM Y TẾ NĂM 2019",
		"2 Phường Hưng Phú 20.000 19.900 99,5",
		"Cộng 38.125 37.935 99,5",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if md, _ := os.ReadFile(filepath.Join(dir, "quyet-dinh-giao-chi-tieu.md")); !bytes.Contains(md, []byte("Phường Ba Láng")) {
		t.Error("Markdown lacks the annex")
	}

	rows[2][4] = "99,4" // 19.900 / 20.000 is 99,5
	writeXLSX(t, bieu, rows)
	out := filepath.Join(dir, "bad")
	code, _, errs = runCLI("new", "quyet-dinh-giao-chi-tieu", "--data", data, "--annex", bieu, "-o", out)
	if code != exitInvalid || !strings.Contains(errs, "bieu.xlsx!Sheet1): E3:") || !strings.Contains(errs, "expected 99,5") {
		t.Errorf("wrong rate: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output written for an inconsistent annex")
	}
	if code, _, errs := runCLI("new", "quyet-dinh-giao-chi-tieu", "--data", data, "--annex", bieu, "--allow-inconsistent", "-o", out); code != exitOK {
		t.Errorf("--allow-inconsistent: exit %d\n%s", code, errs)
	}
	// The decision says its annex is attached: without one it is refused.
	code, _, errs = runCLI("new", "quyet-dinh-giao-chi-tieu", "--data", data, "-o", out)
	if code != exitUsage || !strings.Contains(errs, "--annex TABLE.xlsx") {
		t.Errorf("no annex: exit %d\n%s", code, errs)
	}
	for _, args := range [][]string{
		{"new", "bao-cao-bhyt", "--data", data, "--annex", bieu},
		{"new", "quyet-dinh-giao-chi-tieu", "--data", data, "--annex", bieu, "--units", bieu, "--milestone", "2019-12-31:99,5"},
	} {
		if code, _, _ := runCLI(append(args, "-o", out)...); code != exitUsage {
			t.Errorf("%q: exit %d", args, code)
		}
	}
}
