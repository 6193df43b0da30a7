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
)

// sortRowsCSV lists the units of testdata/merge-units.csv in another
// order: each row is tied to its unit by name, Lê Bình's two units in
// file order (the first row naming it gets the first unit).
const sortRowsCSV = "STT,Đơn vị\n1,Phường Thường Thạnh\n2,Phường Lê Bình\n3,Phường Ba Láng\n4,Phường Hưng Phú\n5,Phường Lê Bình\n"

// letterWant is a letter's file, number and figures.
type letterWant struct {
	file, unit           string
	number               string
	participants, people string
}

// mergeSorted merges sortRowsCSV against the units file, with extra
// flags, into dir, and returns the combined PDF's path.
func mergeSorted(t *testing.T, dir string, extra ...string) string {
	t.Helper()
	rowsFile := filepath.Join(dir, "rows.csv")
	if err := os.WriteFile(rowsFile, []byte(sortRowsCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	all := filepath.Join(dir, "all.pdf")
	args := append([]string{"merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json",
		"--rows", rowsFile, "--units", "testdata/merge-units.csv",
		"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100",
		"--name", "{{.DonVi}}", "--number-from", "01", "-o", filepath.Join(dir, "out"), "--combined", all}, extra...)
	if code, _, errs := runCLI(args...); code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	return all
}

// checkLetters checks each letter's number and figures, and the order of
// the combined PDF's bookmarks.
func checkLetters(t *testing.T, dir, all string, want []letterWant) {
	t.Helper()
	for _, w := range want {
		txt := squashText(pdfText(t, filepath.Join(dir, "out", w.file+".pdf")))
		for _, s := range []string{
			"Số: " + w.number + "/UBND-LĐTBXH",
			w.unit + " có " + w.participants + " người tham gia bảo hiểm y tế trên tổng dân số " + w.people + " người",
		} {
			if !strings.Contains(txt, s) {
				t.Errorf("%s lacks %q:\n%s", w.file, s, txt)
			}
		}
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
	var got, wantTitles []string
	for _, x := range o.Outlines {
		got = append(got, x.Title)
	}
	for _, w := range want {
		wantTitles = append(wantTitles, "P"+strings.TrimPrefix(w.unit, "p"))
	}
	if !slices.Equal(got, wantTitles) {
		t.Errorf("bookmarks %q, want %q", got, wantTitles)
	}
	// The combined PDF's letters in that order: each number before the next.
	txt := squashText(pdfText(t, all))
	at := -1
	for _, w := range want {
		i := strings.Index(txt, "Số: "+w.number+"/UBND")
		if i < at {
			t.Errorf("letter %s comes before the one numbered before it", w.number)
		}
		at = i
	}
}

// Without --sort the letters follow the rows; each row gets its own
// unit's figures although the units file lists them in another order.
func TestMergeUnitsTiedByName(t *testing.T) {
	dir := t.TempDir()
	all := mergeSorted(t, dir)
	checkLetters(t, dir, all, []letterWant{
		{"Phường-Thường-Thạnh", "phường Thường Thạnh", "01", "8.700", "9.100"},
		{"Phường-Lê-Bình", "phường Lê Bình", "02", "9.980", "10.125"},
		{"Phường-Ba-Láng", "phường Ba Láng", "03", "6.180", "6.200"},
		{"Phường-Hưng-Phú", "phường Hưng Phú", "04", "15.100", "15.300"},
		{"Phường-Lê-Bình-2", "phường Lê Bình", "05", "7.790", "8.000"},
	})
}

// With --sort the letters follow the units in Vietnamese alphabetical
// order (Ba Láng, Hưng Phú, Lê Bình, Thường Thạnh), numbered and named
// in that order, each with its own unit's figures.
func TestMergeSort(t *testing.T) {
	dir := t.TempDir()
	all := mergeSorted(t, dir, "--sort")
	checkLetters(t, dir, all, []letterWant{
		{"Phường-Ba-Láng", "phường Ba Láng", "01", "6.180", "6.200"},
		{"Phường-Hưng-Phú", "phường Hưng Phú", "02", "15.100", "15.300"},
		{"Phường-Lê-Bình", "phường Lê Bình", "03", "9.980", "10.125"},
		{"Phường-Lê-Bình-2", "phường Lê Bình", "04", "7.790", "8.000"},
		{"Phường-Thường-Thạnh", "phường Thường Thạnh", "05", "8.700", "9.100"},
	})
}

// A row whose unit the units file lacks, and a unit without a row, are
// errors naming the row and the unit; nothing is written.
func TestMergeUnitsMismatch(t *testing.T) {
	dir := t.TempDir()
	rowsFile := filepath.Join(dir, "rows.csv")
	os.WriteFile(rowsFile, []byte("STT,Đơn vị\n1,Phường Lê Bình\n2,Phường Hưng Phú\n3,Phường Lê Bình\n4,Phường Cái Răng\n"), 0o644)
	out := filepath.Join(dir, "out")
	code, _, errs := runCLI("merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json",
		"--rows", rowsFile, "--units", "testdata/merge-units.csv", "--sort",
		"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100", "-o", out)
	if code != exitInvalid {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, w := range []string{
		rowsFile + ": row 5, column 2 (Đơn vị): unit \"Phường Cái Răng\" is not in testdata/merge-units.csv",
		"testdata/merge-units.csv: unit \"Phường Ba Láng\" has no row in " + rowsFile,
		"testdata/merge-units.csv: unit \"Phường Thường Thạnh\" has no row in " + rowsFile,
	} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s written", out)
	}
	for _, args := range [][]string{{"--sort"}, {"--units", "testdata/merge-units.csv", "--rows", rowsFile}} {
		code, _, errs := runCLI(append([]string{"merge", "cong-van-xa-bhyt", "--rows", rowsFile, "-o", out}, args...)...)
		if code != exitUsage || !strings.Contains(errs, "--milestone") {
			t.Errorf("%q without --milestone: exit %d\n%s", args, code, errs)
		}
	}
}

// A sorted merge with its own units file, run as two shards and joined,
// is byte for byte the unsharded run: the manifests record --sort and the
// units file, and join checks each letter against its row's line.
func TestJoinSorted(t *testing.T) {
	dir := t.TempDir()
	rowsFile := filepath.Join(dir, "rows.csv")
	if err := os.WriteFile(rowsFile, []byte(sortRowsCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	base := []string{"merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json",
		"--rows", rowsFile, "--units", "testdata/merge-units.csv", "--sort",
		"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100", "--name", "{{.DonVi}}", "--number-from", "1"}
	full := filepath.Join(dir, "full", "all.pdf")
	if code, _, errs := runCLI(append(base, "--combined", full)...); code != exitOK {
		t.Fatalf("unsharded: exit %d\n%s", code, errs)
	}
	var ms []string
	for i := range 2 {
		out := filepath.Join(dir, "shard-"+string(rune('0'+i)))
		if code, _, errs := runCLI(append(base, "--shard", string(rune('0'+i))+"/2", "-o", out)...); code != exitOK {
			t.Fatalf("shard %d: exit %d\n%s", i, code, errs)
		}
		ms = append(ms, filepath.Join(out, "manifest.jsonl"))
	}
	// Shard 0 has the 1st, 3rd and 5th letters in sorted order: Ba Láng,
	// the first Lê Bình (row 2), Thường Thạnh.
	ents, _ := os.ReadDir(filepath.Join(dir, "shard-0"))
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if w := []string{"Phường-Ba-Láng.pdf", "Phường-Lê-Bình.pdf", "Phường-Thường-Thạnh.pdf", "manifest.jsonl"}; !slices.Equal(names, w) {
		t.Errorf("shard 0 wrote %v, want %v", names, w)
	}
	joined := filepath.Join(dir, "joined", "all.pdf")
	if code, _, errs := runCLI(append(append([]string{"join"}, ms...), "--combined", joined)...); code != exitOK {
		t.Fatalf("join: exit %d\n%s", code, errs)
	}
	a, _ := os.ReadFile(full)
	b, _ := os.ReadFile(joined)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("the joined book differs from the unsharded run's")
	}
}

// TestMergePlanColumnTypo: with a plan the rows may be the units table,
// whose own columns (and a "Ghi chú") pass, but a column that misspells a
// field is refused, not dropped: "DonViSoanthao" would otherwise leave
// every letter's "Số: 01/UBND" without its drafting unit, silently.
func TestMergePlanColumnTypo(t *testing.T) {
	units, err := os.ReadFile("testdata/merge-units.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(units), "\n"), "\n")
	for _, c := range []struct {
		col, val string
		ok       bool
	}{{"Ghi chú", "x", true}, {"DonViSoanthao", "VX", false}} {
		dir := t.TempDir()
		var b strings.Builder
		for i, l := range lines {
			v := c.val
			switch {
			case i == 0:
				v = "" // the title row
			case strings.HasPrefix(l, "STT,"):
				v = c.col
			}
			b.WriteString(l + "," + v + "\n")
		}
		rowsFile := filepath.Join(dir, "units.csv")
		if err := os.WriteFile(rowsFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out")
		code, _, errs := runCLI("merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json",
			"--rows", rowsFile, "--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100", "-o", out)
		switch {
		case c.ok && code != exitOK:
			t.Errorf("%s: exit %d\n%s", c.col, code, errs)
		case !c.ok && (code == exitOK || strings.Count(errs, "did you mean DonViSoanThao?") != 1):
			t.Errorf("%s: exit %d, want one error suggesting DonViSoanThao:\n%s", c.col, code, errs)
		}
	}
}
