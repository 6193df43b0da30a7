package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const baselineCSV = "\ufeffSTT,Đơn vị,Số người tham gia BHYT,Dân số\n" +
	"1,Phường Lê Bình,10.125,11.359\n" +
	"2,Phường Hưng Phú,8.000,9.500\n"

func TestAnnexPlanThenCheck(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data.csv")
	if err := os.WriteFile(data, []byte(baselineCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI("annex", "plan", data, "--milestone", "2020-06-30:85", "--milestone", "2020-09-30:89,5", "-o", out)
	if code != exitOK {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "30/6/2020") || !strings.Contains(stderr, "89,5%") {
		t.Errorf("plan printed %q, want the milestone schedule", stderr)
	}
	// Standard output lists the files written, and nothing else.
	if want := filepath.Join(out, "plan.xlsx") + "\n" + filepath.Join(out, "plan.md") + "\n"; stdout != want {
		t.Errorf("stdout %q, want the two files", stdout)
	}
	xlsx := filepath.Join(out, "plan.xlsx")
	if _, err := os.Stat(filepath.Join(out, "plan.md")); err != nil {
		t.Error(err)
	}
	// The planned workbook is consistent.
	code, stdout, stderr = runCLI("annex", "check", xlsx)
	if code != exitOK || stdout != "" {
		t.Fatalf("check of the planned workbook: exit %d\n%s%s", code, stdout, stderr)
	}
	// An official edits a population cell by hand without touching the
	// participants: the checker names the row and column.
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	cell := findCell(t, f, sheet, "Phường Lê Bình")
	col, row, _ := excelize.CellNameToCoordinates(cell)
	// The first milestone's population column is three to the right of
	// the unit's participants.
	pop, _ := excelize.CoordinatesToCellName(col+3, row)
	if err := f.SetCellInt(sheet, pop, 99999); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.xlsx")
	if err := f.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	code, _, stdout = runCLI("annex", "check", bad) // findings on stderr
	if code != exitInvalid {
		t.Errorf("check of an inconsistent table: exit %d, want %d", code, exitInvalid)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) == 0 || !strings.Contains(stdout, "Lê Bình") {
		t.Errorf("findings do not name the row:\n%s", stdout)
	}
}

func findCell(t *testing.T, f *excelize.File, sheet, text string) string {
	t.Helper()
	cells, err := f.SearchSheet(sheet, text)
	if err != nil || len(cells) == 0 {
		t.Fatalf("%q not in sheet %s: %v", text, sheet, err)
	}
	return cells[0]
}

func TestAnnexUsage(t *testing.T) {
	for _, args := range [][]string{
		{"annex"},
		{"annex", "frobnicate"},
		{"annex", "plan"},
		{"annex", "plan", "x.csv", "--milestone", "tomorrow"},
		{"annex", "check"},
	} {
		if code, _, _ := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	code, _, stderr := runCLI("annex", "check", filepath.Join(t.TempDir(), "missing.xlsx"))
	if code != exitInvalid || !strings.Contains(stderr, "missing.xlsx") {
		t.Errorf("missing file: exit %d, %q", code, stderr)
	}
}

func TestExamplesCommand(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI("examples", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	names := []string{"cai-rang-898-UBND", "son-duong-UBND-VX", "nam-toan-KH-2022", "nam-truc-330-QD-UBND",
		// Appendix III's special models (examples/kinds).
		"cong-dien", "giay-moi", "giay-gioi-thieu", "bien-ban", "giay-nghi-phep", "quy-che-kem-theo", "quyet-dinh-ban-hanh-quy-che", "hop-dong", "thu-cong"}
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
		if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("%s: %v", name, err)
		}
		if !strings.Contains(stdout, name+".pdf") {
			t.Errorf("did not print %s", name)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(names) {
		t.Errorf("%d files in the output directory, want %d (no temporaries)", len(ents), len(names))
	}
	if code, _, _ := runCLI("examples", "extra"); code != exitUsage {
		t.Errorf("extra argument: exit %d", code)
	}
	if code, _, _ := runCLI(); code != exitUsage {
		t.Errorf("no command: exit %d", code)
	}
	if code, _, _ := runCLI("frob"); code != exitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
}
