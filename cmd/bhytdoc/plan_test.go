package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func pdfText(t *testing.T, f string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: run ./scripts/test-deps.sh")
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// A kế hoạch planned from a units file in one command: the annex with the
// data's group labels and a first group showing the baseline, the
// figures of the body from the same plan, and the workbook beside it.
func TestNewWithPlan(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI("new", "ke-hoach-bhyt", "--data", "testdata/ke-hoach-plan.json",
		"--baseline", "testdata/units.csv", "--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100",
		"-o", dir, "--format", "pdf,md,xlsx")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, ext := range []string{"pdf", "md", "xlsx"} {
		if !strings.Contains(out, "ke-hoach-plan."+ext) {
			t.Errorf("no %s written: %q", ext, out)
		}
	}
	txt := strings.Join(strings.Fields(pdfText(t, filepath.Join(dir, "ke-hoach-plan.pdf"))), " ")
	for _, want := range []string{
		"Thực hiện năm 2018 Đến hết năm 2019 Đến hết năm 2020",
		"1 Phường Lê Bình 9.980 145 10.125 98,6 10.075 50 10.125 99,5 10.125 0 10.125 100,0",
		"Cộng 32.870 555 33.425 98,3 33.259 166 33.425 99,5 33.425 0 33.425 100,0",
		"Tổng số người tham gia bảo hiểm y tế: 32.870 người trên tổng dân số 33.425 người",
		"Đến ngày 31/12/2019 phải đạt 99,5%, ngày 31/12/2020 phải đạt 100%",
		"Kèm theo Kế hoạch số 131/KH-UBND ngày 08/11/2018",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "ke-hoach-plan.md"))
	if !strings.Contains(string(md), "Thực hiện năm 2018") {
		t.Error("Markdown lacks the annex")
	}
	x, _ := os.ReadFile(filepath.Join(dir, "ke-hoach-plan.xlsx"))
	if !strings.HasPrefix(string(x), "PK") {
		t.Error("no workbook")
	}
}

func TestNewWithPlanErrors(t *testing.T) {
	dir := t.TempDir()
	// A figure the plan gives may not come from the data too.
	data := filepath.Join(dir, "d.json")
	b, _ := os.ReadFile("testdata/ke-hoach-plan.json")
	code, _, errs := runCLI("new", "ke-hoach-bhyt", "--data", "testdata/ke-hoach-plan.json", "--baseline", "testdata/units.csv",
		"--milestone", "2019-12-31:99,5", "--milestone", "2020-06-30:99,8", "--milestone", "2020-12-31:100", "-o", dir, "--format", "pdf")
	if code != exitInvalid || !strings.Contains(errs, "PhuLuc.NhanMoc: 2 labels for 3 milestones") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	os.WriteFile(data, []byte(strings.Replace(string(b), "{", `{"DanSo": 5, `, 1)), 0o644)
	code, _, errs = runCLI("new", "ke-hoach-bhyt", "--data", data, "--baseline", "testdata/units.csv",
		"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100", "-o", dir, "--format", "pdf")
	if code != exitInvalid || !strings.Contains(errs, "DanSo: given by the plan") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	if code, _, _ := runCLI("new", "ke-hoach-bhyt", "--data", data, "--baseline", "testdata/units.csv", "-o", dir); code != exitUsage {
		t.Errorf("--baseline without --milestone: exit %d", code)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files written on error: %v", ents)
	}
}

// An annex whose arithmetic is wrong is refused at render time, with the
// findings, and nothing is written; --allow-inconsistent renders it.
func TestRenderRefusesInconsistentAnnex(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runCLI("render", "testdata/inconsistent.md", "-o", dir)
	if code != exitInvalid {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, want := range []string{
		"Annexes[0] (Biểu giao chỉ tiêu): row 2 (STT 2, Phường Hưng Phú)",
		"participants + non-participants ≠ population",
		"--allow-inconsistent",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("written: %v", ents)
	}
	if code, _, errs := runCLI("render", "testdata/inconsistent.md", "-o", dir, "--allow-inconsistent"); code != exitOK {
		t.Errorf("--allow-inconsistent: exit %d\n%s", code, errs)
	}
}

// TestAnnexPlanGolden keeps `annex plan` of small unit files byte for byte
// what the writer gave before it streamed: the goldens were written by the
// in-memory writer of main at 95f1997.
func TestAnnexPlanGolden(t *testing.T) {
	ref := "Kèm theo Kế hoạch số 12/KH-UBND ngày 02/01/2020 của Ủy ban nhân dân quận Cái Răng"
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"golden-plan3", []string{"testdata/units.csv", "--milestone", "2019-12-31:85", "--milestone", "2020-12-31:90"}},
		{"golden-plan13", []string{"testdata/units13.csv", "--milestone", "2020-06-30:85", "--milestone", "2020-09-30:89",
			"--milestone", "2020-10-31:90", "--precision", "2", "--sort", "--reference", ref}},
	} {
		dir := t.TempDir()
		code, _, errs := runCLI(append([]string{"annex", "plan", "-o", dir}, c.args...)...)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", c.golden, code, errs)
		}
		for _, ext := range []string{"xlsx", "md"} {
			want, err := os.ReadFile(filepath.Join("testdata", c.golden+"."+ext))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(dir, "plan."+ext))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s.%s: %d bytes differ from the golden %d bytes", c.golden, ext, len(got), len(want))
			}
		}
	}
}
