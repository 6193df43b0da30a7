package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var planArgs = []string{"--data", "testdata/merge-common.json", "--rows", "testdata/merge-units.csv",
	"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100"}

func mergeCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(append([]string{"merge", "cong-van-xa-bhyt"}, append(slices.Clone(planArgs), args...)...)...)
}

func squashText(s string) string { return strings.Join(strings.Fields(s), " ") }

// One letter per row of a plan: the row's own figures and targets, unique
// names, numbers in row order, and one print PDF with a bookmark each.
func TestMergePlan(t *testing.T) {
	dir := t.TempDir()
	all := filepath.Join(dir, "in", "all.pdf")
	code, out, errs := mergeCLI(t, "--name", "{{.DonVi}}", "--number-from", "1020", "-o", dir, "--combined", all, "--format", "pdf,md")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	// Not a terminal: no progress bar, one summary line.
	if strings.Contains(errs, "%|") || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "5 documents, 5 pages") {
		t.Errorf("stderr:\n%s", errs)
	}
	want := []string{"Phường-Lê-Bình", "Phường-Hưng-Phú", "Phường-Lê-Bình-2", "Phường-Ba-Láng", "Phường-Thường-Thạnh"}
	for _, n := range want {
		if !strings.Contains(out, filepath.Join(dir, n+".pdf")) || !strings.Contains(out, filepath.Join(dir, n+".md")) {
			t.Errorf("%s not written:\n%s", n, out)
		}
	}
	// Row 2, Hưng Phú: 15.100 of 15.300 (98,69%); 99,5% needs 15.224,
	// 124 new; 100% needs all 15.300, 76 more. Number 1020 + 1.
	txt := squashText(pdfText(t, filepath.Join(dir, "Phường-Hưng-Phú.pdf")))
	for _, w := range []string{
		"Số: 1021/UBND-LĐTBXH",
		"Kính gửi: Chủ tịch Ủy ban nhân dân phường Hưng Phú.",
		"phường Hưng Phú có 15.100 người tham gia bảo hiểm y tế trên tổng dân số 15.300 người, đạt tỷ lệ 98,69%; còn 200 người chưa tham gia",
		"Đến hết năm 2019: đạt tỷ lệ 99,5%, tương ứng 15.224 người tham gia trên dân số 15.300 người; phát triển mới ít nhất 124 người;",
		"Đến hết năm 2020: đạt tỷ lệ 100%, tương ứng 15.300 người tham gia trên dân số 15.300 người; phát triển mới ít nhất 76 người.",
		"Theo số liệu của Bảo hiểm xã hội quận Cái Răng",
	} {
		if !strings.Contains(txt, w) {
			t.Errorf("Hưng Phú's letter lacks %q:\n%s", w, txt)
		}
	}
	combined := pdfText(t, all)
	if strings.Contains(combined, "Bảo hiểm xã hội phường") {
		t.Error("a letter speaks of Bảo hiểm xã hội phường")
	}
	// Ba Láng is above 99,5% already: it keeps its count.
	if !strings.Contains(squashText(combined), "Đến hết năm 2019: đạt tỷ lệ 99,5%, tương ứng 6.180 người tham gia trên dân số 6.200 người; duy trì số người đã tham gia;") {
		t.Error("Ba Láng's letter does not say to keep its count")
	}
	js, err := exec.Command("qpdf", "--json", "--json-key=outlines", all).Output()
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		Outlines []struct{ Title string } `json:"outlines"`
	}
	if err := json.Unmarshal(js, &o); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, x := range o.Outlines {
		titles = append(titles, x.Title)
	}
	if w := []string{"Phường Lê Bình", "Phường Hưng Phú", "Phường Lê Bình", "Phường Ba Láng", "Phường Thường Thạnh"}; !slices.Equal(titles, w) {
		t.Errorf("bookmarks %q, want %q", titles, w)
	}
}

func TestMergeDeterministicAcrossJobs(t *testing.T) {
	var outs [][]byte
	for _, j := range []string{"1", "3"} {
		f := filepath.Join(t.TempDir(), "all.pdf")
		if code, _, errs := mergeCLI(t, "-j", j, "--combined", f, "--duplex"); code != exitOK {
			t.Fatalf("-j %s: exit %d\n%s", j, code, errs)
		}
		b, _ := os.ReadFile(f)
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("the combined PDF depends on -j")
	}
}

// The shards of a batch are disjoint and together give the whole batch,
// byte for byte.
func TestMergeShardsPartition(t *testing.T) {
	full := t.TempDir()
	if code, _, errs := mergeCLI(t, "--name", "{{.DonVi}}", "--number-from", "7", "-o", full); code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	seen := map[string]int{}
	for i := range 3 {
		dir := t.TempDir()
		if code, _, errs := mergeCLI(t, "--name", "{{.DonVi}}", "--number-from", "7", "-o", dir, "--shard", []string{"0/3", "1/3", "2/3"}[i]); code != exitOK {
			t.Fatalf("shard %d: exit %d\n%s", i, code, errs)
		}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if e.Name() == "manifest.jsonl" { // the shard's own
				continue
			}
			seen[e.Name()]++
			a, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			b, err := os.ReadFile(filepath.Join(full, e.Name()))
			if err != nil || !bytes.Equal(a, b) {
				t.Errorf("shard %d: %s differs from the full run's (%v)", i, e.Name(), err)
			}
		}
	}
	ents, _ := os.ReadDir(full)
	if len(seen) != len(ents)-1 || len(ents) != 6 {
		t.Errorf("shards wrote %d names, the full run %d", len(seen), len(ents))
	}
	for n, c := range seen {
		if c != 1 {
			t.Errorf("%s written by %d shards", n, c)
		}
	}
	if code, _, _ := mergeCLI(t, "--shard", "3/3"); code != exitUsage {
		t.Errorf("--shard 3/3: exit %d", code)
	}
}

// rowsJSON writes rows for cong-van-bhyt: its example data, with
// changes per row.
func rowsJSON(t *testing.T, dir string, rows []map[string]any) (common, rowsFile string) {
	t.Helper()
	b, _ := os.ReadFile("../../templates/testdata/cong-van-bhyt.json")
	var c map[string]any
	json.Unmarshal(b, &c)
	delete(c, "So")
	common = filepath.Join(dir, "common.json")
	cb, _ := json.Marshal(c)
	os.WriteFile(common, cb, 0o644)
	rb, _ := json.Marshal(rows)
	rowsFile = filepath.Join(dir, "rows.json")
	os.WriteFile(rowsFile, rb, 0o644)
	return common, rowsFile
}

// Every row is checked before anything is written, and every problem is
// reported at once with its row and field; --keep-going writes the
// others and still fails.
func TestMergeValidatesEveryRowFirst(t *testing.T) {
	dir := t.TempDir()
	common, rows := rowsJSON(t, dir, []map[string]any{
		{"Ten": "Lê Bình", "DiaBan": "quận Cái Răng"},
		{"Ten": "Hưng Phú", "Ngay": "2020-02-30"},
		{"Ten": "Ba Láng", "ChiTieu": 120},
		{"Ten": "Thường Thạnh", "NguoiKy": map[string]any{"QuyenHan": []string{"KT. Chủ tịch"}, "ChucVu": "Phó Chủ tịch", "HoTen": ""}},
		{"Ten": "Tân Phú"},
	})
	out := filepath.Join(dir, "out")
	args := []string{"merge", "cong-van-bhyt", "--data", common, "--rows", rows, "--name", "{{.Ten}}", "-o", out, "--combined", filepath.Join(out, "all.pdf")}
	code, _, errs := runCLI(args...)
	if code != exitInvalid {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, w := range []string{
		"rows.json: row 2, field Ngay: ",
		"2020-02-30",
		"rows.json: row 3, field ChiTieu: cong-van-bhyt.md:",
		"quận Cái Răng: target 120% outside 0–100%",
		"rows.json: row 4: ",
		"Signatures[0].Name",
		"3 of 5 rows have problems; nothing written",
	} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("something was written: %v", err)
	}
	code, stdout, errs := runCLI(append(args, "--keep-going")...)
	if code != exitInvalid {
		t.Fatalf("--keep-going: exit %d\n%s", code, errs)
	}
	ents, _ := os.ReadDir(out)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if w := []string{"Lê-Bình.pdf", "Tân-Phú.pdf", "all.manifest.jsonl", "all.pdf"}; !slices.Equal(names, w) {
		t.Errorf("--keep-going wrote %v, want %v\n%s", names, w, stdout)
	}
}

// Rows from a workbook: a title row above the header, "A.B" columns set
// nested fields.
func TestMergeXLSXRows(t *testing.T) {
	dir := t.TempDir()
	common, _ := rowsJSON(t, dir, nil)
	x := excelize.NewFile()
	rows := [][]any{
		{"Danh sách gửi công văn"},
		{"Ten", "NguoiKy.HoTen", "Ngay"},
		{"Lê Bình", "Nguyễn Văn An", "2020-05-18"},
		{},
		{"Hưng Phú", "", "2020-05-19"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		x.SetSheetRow("Sheet1", cell, &r)
	}
	xf := filepath.Join(dir, "rows.xlsx")
	if err := x.SaveAs(xf); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, errs := runCLI("merge", "cong-van-bhyt", "--data", common, "--rows", xf, "--name", "{{.Ten}}", "--ascii-names", "--number-from", "50", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	a := squashText(pdfText(t, filepath.Join(out, "Le-Binh.pdf")))
	b := squashText(pdfText(t, filepath.Join(out, "Hung-Phu.pdf")))
	if !strings.Contains(a, "Nguyễn Văn An") || !strings.Contains(a, "Số: 50/UBND") || !strings.Contains(a, "ngày 18 tháng 5 năm 2020") {
		t.Errorf("row 1's letter:\n%s", a)
	}
	// An empty cell keeps the common value.
	if !strings.Contains(b, "Vương Công Khanh") || !strings.Contains(b, "Số: 51/UBND") {
		t.Errorf("row 2's letter:\n%s", b)
	}
}

func TestMergeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"merge"},
		{"merge", "thu-moi", "--rows", "x.csv"},
		{"merge", "cong-van-bhyt", "--rows", "x.csv", "--duplex"},
		{"merge", "cong-van-bhyt", "--rows", "x.csv", "--combined", "x.zip"},
		{"merge", "cong-van-bhyt", "--rows", "x.csv", "-j", "0"},
		{"merge", "cong-van-bhyt", "--rows", "x.csv", "--combined", "a.pdf", "--format", "md"},
		{"merge", "cong-van-bhyt", "--rows", "x.csv", "--name", "{{.Ten"},
	} {
		if code, _, _ := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	// A common So would give every letter the same number.
	dir := t.TempDir()
	b, _ := os.ReadFile("../../templates/testdata/cong-van-bhyt.json")
	f := filepath.Join(dir, "c.json")
	os.WriteFile(f, b, 0o644)
	if code, _, errs := runCLI("merge", "cong-van-bhyt", "--data", f, "--rows", "testdata/merge-units.csv"); code != exitInvalid || !strings.Contains(errs, "So: every document needs its own number") {
		t.Errorf("common So: exit %d\n%s", code, errs)
	}
}

// Without -o the outputs are temporary until the end, so one pass checks
// and renders: the same problems, all at once, and nothing left behind.
func TestMergeCombinedOnlyChecksEveryRow(t *testing.T) {
	dir := t.TempDir()
	common, rows := rowsJSON(t, dir, []map[string]any{
		{"Ten": "Lê Bình"},
		{"Ten": "Hưng Phú", "Ngay": "2020-02-30"},
		{"Ten": "Ba Láng", "ChiTieu": 120},
		{"Ten": "Thường Thạnh", "NguoiKy": map[string]any{"QuyenHan": []string{"KT. Chủ tịch"}, "ChucVu": "Phó Chủ tịch", "HoTen": ""}},
		{"Ten": "Tân Phú"},
	})
	out := filepath.Join(dir, "out")
	all := filepath.Join(out, "all.pdf")
	args := []string{"merge", "cong-van-bhyt", "--data", common, "--rows", rows, "--name", "{{.Ten}}", "--combined", all, "--zip", filepath.Join(out, "all.zip"), "-j", "2"}
	code, _, errs := runCLI(args...)
	if code != exitInvalid {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, w := range []string{"rows.json: row 2, field Ngay: ", "rows.json: row 3, field ChiTieu: ", "quận Cái Răng: target 120% outside", "rows.json: row 4: ", "Signatures[0].Name: empty", "3 of 5 rows have problems; nothing written"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if ents, _ := os.ReadDir(out); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
	if code, _, errs = runCLI(append(args, "--keep-going")...); code != exitInvalid {
		t.Fatalf("--keep-going: exit %d\n%s", code, errs)
	}
	js, err := exec.Command("qpdf", "--json", "--json-key=outlines", all).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(js), `"title"`); n != 2 {
		t.Errorf("--keep-going: %d letters in the PDF, want the 2 good ones", n)
	}
}

// Rows and plan come from the same sheet: the one the workbook opens on,
// or --sheet.
func TestMergeSheet(t *testing.T) {
	dir := t.TempDir()
	x := excelize.NewFile()
	x.NewSheet("Số liệu")
	put := func(sheet string, rows [][]any) {
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			x.SetSheetRow(sheet, cell, &r)
		}
	}
	put("Sheet1", [][]any{{"Ghi chú", "không phải số liệu"}})
	put("Số liệu", [][]any{
		{"STT", "Đơn vị", "Dân số", "Số người tham gia BHYT", "Ngày"},
		{1, "Phường An Thới", 5000, 4900, "2018-12-31"},
		{2, "Phường Bùi Hữu Nghĩa", 6000, 5800, "2018-12-31"},
	})
	idx, _ := x.GetSheetIndex("Số liệu")
	x.SetActiveSheet(idx)
	xf := filepath.Join(dir, "units.xlsx")
	if err := x.SaveAs(xf); err != nil {
		t.Fatal(err)
	}
	args := []string{"merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json", "--rows", xf,
		"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100", "--name", "{{.DonVi}}", "-o", filepath.Join(dir, "a")}
	if code, _, errs := runCLI(args...); code != exitOK {
		t.Fatalf("active sheet: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "a", "Phường-Bùi-Hữu-Nghĩa.pdf")); err != nil {
		t.Error(err)
	}
	if code, _, errs := runCLI(append(args, "--sheet", "Sheet1")...); code != exitInvalid || !strings.Contains(errs, "Sheet1") {
		t.Errorf("--sheet Sheet1: exit %d\n%s", code, errs)
	}
}

// A column that is no field of the template is an error naming the
// field it resembles, unless --name reads it or --ignore-extra-columns.
func TestMergeExtraColumns(t *testing.T) {
	dir := t.TempDir()
	common, rows := rowsJSON(t, dir, []map[string]any{
		{"Ten": "Lê Bình", "DonViSoanthao": "VX"},
		{"Ten": "Hưng Phú", "DonViSoanthao": "VX"},
	})
	args := []string{"merge", "cong-van-bhyt", "--data", common, "--rows", rows, "--name", "{{.Ten}}", "-o", filepath.Join(dir, "out")}
	code, _, errs := runCLI(args...)
	if code != exitInvalid || strings.Count(errs, `column "DonViSoanthao" is not a field of cong-van-bhyt (did you mean DonViSoanThao?)`) != 1 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if strings.Contains(errs, `"Ten"`) {
		t.Errorf("Ten, which --name reads, refused:\n%s", errs)
	}
	if code, _, errs := runCLI(append(args, "--ignore-extra-columns")...); code != exitOK {
		t.Errorf("--ignore-extra-columns: exit %d\n%s", code, errs)
	}
}

// merge of the per-unit letter without --milestone says what is missing
// once, not once per row.
func TestMergeHintsMilestone(t *testing.T) {
	code, _, errs := runCLI("merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json", "--rows", "testdata/merge-units.csv", "-o", t.TempDir())
	if code != exitUsage || !strings.Contains(errs, "--milestone DATE:RATE") || strings.Count(errs, "DonViThuong") != 1 {
		t.Errorf("exit %d\n%s", code, errs)
	}
}
