package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sourceWithAnnexes is testdata/inconsistent.md with its annexes replaced.
func sourceWithAnnexes(t *testing.T, dir, annexes string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/inconsistent.md")
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(b), "annexes:\n")
	src := filepath.Join(dir, "kh.md")
	if err := os.WriteFile(src, []byte(head+"annexes:\n"+annexes+"---\n\nỦy ban nhân dân quận lập kế hoạch như sau./.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return src
}

const (
	goodUnitsCSV = "STT,Đơn vị,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n" +
		"1,Phường Lê Bình,9.980,145,10.125,\"98,6\"\n" +
		"2,Phường Hưng Phú,15.100,200,15.300,\"98,7\"\n" +
		",Cộng,25.080,345,25.425,\"98,6\"\n"
	// badUnitsCSV states 201 people not insured in Hưng Phú: 15.100 +
	// 201 is not 15.300.
	badUnitsCSV = "STT,Đơn vị,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n" +
		"1,Phường Lê Bình,9.980,145,10.125,\"98,6\"\n" +
		"2,Phường Hưng Phú,15.100,201,15.300,\"98,7\"\n" +
		",Cộng,25.080,346,25.425,\"98,6\"\n"
	listCSV = "TT,Cơ quan,Nhiệm vụ\n1,Phòng Y tế,Chủ trì\n"
)

func TestAnnexCheckSource(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.csv"), []byte(goodUnitsCSV), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte(badUnitsCSV), 0o644)
	os.WriteFile(filepath.Join(dir, "list.csv"), []byte(listCSV), 0o644)

	src := sourceWithAnnexes(t, dir, "  - {file: good.csv, title: Biểu một}\n  - {file: bad.csv, title: Biểu hai}\n  - {file: list.csv, title: Phân công}\n")
	code, stdout, stderr := runCLI("annex", "check", src)
	stdout, stderr = stderr, stdout+stderr // findings on stderr
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitInvalid, stdout, stderr)
	}
	want := src + ": annexes[1] (bad.csv): D3: row 2 (STT 2, Phường Hưng Phú), Số người chưa tham gia BHYT: participants + non-participants ≠ population: expected 200, stated \"201\""
	if !strings.Contains(stdout, want+"\n") || strings.Contains(stdout, "annexes[0]") || strings.Contains(stdout, "annexes[2]") {
		t.Errorf("findings:\n%s\nwant a line\n%s", stdout, want)
	}
	if !strings.Contains(stderr, "2 inconsistencies") {
		t.Errorf("stderr: %s", stderr)
	}
	// The inline annex of testdata/inconsistent.md is named by its title.
	code, _, stdout = runCLI("annex", "check", "testdata/inconsistent.md")
	if code != exitInvalid || !strings.Contains(stdout, "testdata/inconsistent.md: annexes[0] (Biểu giao chỉ tiêu): row 2") {
		t.Errorf("inline annex: exit %d\n%s", code, stdout)
	}
	// Consistent: exit 0, nothing printed.
	sourceWithAnnexes(t, dir, "  - {file: good.csv, title: Biểu một}\n")
	if code, stdout, stderr := runCLI("annex", "check", src); code != exitOK || stdout != "" {
		t.Errorf("consistent source: exit %d\n%s%s", code, stdout, stderr)
	}
	// A source that does not parse is reported at its line.
	sourceWithAnnexes(t, dir, "  - {file: missing.csv, title: Biểu}\n")
	if code, _, stderr := runCLI("annex", "check", src); code != exitInvalid || !strings.Contains(stderr, "kh.md:12: annexes[0].file") {
		t.Errorf("missing file: exit %d\n%s", code, stderr)
	}
	if code, _, _ := runCLI("annex", "check", src, "--sheet", "S"); code != exitUsage {
		t.Errorf("--sheet with a source: exit %d", code)
	}
}

// A declaration decides what render checks: coverage: true on a table
// that is not a coverage table is refused, coverage: false lets one that
// merely looks like it through.
func TestRenderCoverageDeclared(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte(badUnitsCSV), 0o644)
	os.WriteFile(filepath.Join(dir, "list.csv"), []byte(listCSV), 0o644)

	src := sourceWithAnnexes(t, dir, "  - {file: list.csv, title: Phân công, coverage: true}\n")
	code, _, stderr := runCLI("render", src, "-o", out, "--format", "md")
	if code != exitInvalid || !strings.Contains(stderr, "Annexes[0] (Phân công, list.csv): declared coverage: true, but not a coverage table") ||
		!strings.Contains(stderr, "1 annex declared coverage: true is not a coverage table") {
		t.Errorf("coverage: true on a list: exit %d\n%s", code, stderr)
	}
	// --allow-inconsistent excuses arithmetic, not a wrong declaration.
	if code, _, stderr := runCLI("render", src, "-o", out, "--format", "md", "--allow-inconsistent"); code != exitInvalid {
		t.Errorf("coverage: true on a list, --allow-inconsistent: exit %d\n%s", code, stderr)
	}
	if code, _, stdout := runCLI("annex", "check", src); code != exitInvalid || !strings.Contains(stdout, "annexes[0] (list.csv): declared coverage: true") {
		t.Errorf("annex check, coverage: true on a list: exit %d\n%s", code, stdout)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output written for a refused source")
	}
	// Undeclared, the same table is not checked.
	sourceWithAnnexes(t, dir, "  - {file: list.csv, title: Phân công}\n")
	if code, _, stderr := runCLI("render", src, "-o", out, "--format", "md"); code != exitOK {
		t.Errorf("undeclared list: exit %d\n%s", code, stderr)
	}
	// An inconsistent coverage table from a file is refused …
	sourceWithAnnexes(t, dir, "  - {file: bad.csv, title: Biểu}\n")
	if code, _, stderr := runCLI("render", src, "-o", out, "--format", "md"); code != exitInvalid || !strings.Contains(stderr, "Annexes[0] (Biểu, bad.csv): D3: row 2 (STT 2, Phường Hưng Phú)") {
		t.Errorf("inconsistent file annex: exit %d\n%s", code, stderr)
	}
	// … unless declared not to be one; the written source keeps the
	// declaration and the table inline.
	sourceWithAnnexes(t, dir, "  - {file: bad.csv, title: Biểu, coverage: false}\n")
	if code, _, stderr := runCLI("render", src, "-o", out, "--format", "md"); code != exitOK {
		t.Fatalf("coverage: false: exit %d\n%s", code, stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "kh.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "coverage: false") || !strings.Contains(string(md), "Phường Hưng Phú") || strings.Contains(string(md), "bad.csv") {
		t.Errorf("written source:\n%s", md)
	}
	if code, stdout, _ := runCLI("annex", "check", filepath.Join(out, "kh.md")); code != exitOK || stdout != "" {
		t.Errorf("annex check of the written source: exit %d\n%s", code, stdout)
	}
}
