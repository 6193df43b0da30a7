package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// joinRun merges 30 rows unsharded (--combined and --zip) and as three
// shards of an Indexed Job (-o each, JOB_COMPLETION_INDEX set), and
// returns the directory, the rows file and the shards' manifests.
func joinRun(t *testing.T) (dir, rowsFile string, manifests []string) {
	t.Helper()
	dir = t.TempDir()
	var rows []map[string]any
	for i := range 30 {
		rows = append(rows, map[string]any{"Ten": fmt.Sprintf("Xã Số %d", i+1)})
	}
	common, rowsFile := rowsJSON(t, dir, rows)
	base := []string{"merge", "cong-van-bhyt", "--data", common, "--rows", rowsFile, "--name", "{{.Ten}}", "--number-from", "40"}
	full := filepath.Join(dir, "full")
	if code, _, errs := runCLI(append(base, "--combined", filepath.Join(full, "all.pdf"), "--zip", filepath.Join(full, "all.zip"))...); code != exitOK {
		t.Fatalf("unsharded: exit %d\n%s", code, errs)
	}
	for i := range 3 {
		t.Setenv("JOB_COMPLETION_INDEX", strconv.Itoa(i))
		out := filepath.Join(dir, "shard-"+strconv.Itoa(i))
		if code, _, errs := runCLI(append(base, "--shard", "auto/3", "-o", out)...); code != exitOK {
			t.Fatalf("shard %d: exit %d\n%s", i, code, errs)
		}
		manifests = append(manifests, filepath.Join(out, "manifest.jsonl"))
	}
	return dir, rowsFile, manifests
}

func TestJoinIsTheUnshardedRun(t *testing.T) {
	dir, _, ms := joinRun(t)
	// Each shard's manifest names its rows and the hash of each file.
	lines := manifestLines(t, ms[1])
	if len(lines) != 12 { // header, 10 rows, end
		t.Fatalf("shard 1's manifest has %d lines, want 12", len(lines))
	}
	for i, l := range lines[1:11] {
		var r manifestRow
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		if want := 2 + 3*i; r.Row != want || r.Key != fmt.Sprintf("Xã Số %d", want) || r.Pages < 1 || len(r.Files) != 1 {
			t.Errorf("line %d: %+v, want row %d", i+2, r, want)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, "shard-1", r.Files[0].Path))
		if err != nil || hexSum(b) != r.Files[0].SHA256 {
			t.Errorf("row %d: %s: hash differs from the file's (%v)", r.Row, r.Files[0].Path, err)
		}
	}

	out := filepath.Join(dir, "joined")
	code, _, errs := runCLI("join", ms[2], ms[0], ms[1], "--combined", filepath.Join(out, "all.pdf"), "--zip", filepath.Join(out, "all.zip"), "-j", "2")
	if code != exitOK {
		t.Fatalf("join: exit %d\n%s", code, errs)
	}
	for _, f := range []string{"all.pdf", "all.zip"} {
		a, _ := os.ReadFile(filepath.Join(dir, "full", f))
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil || len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("joined %s differs from the unsharded run's (%d and %d bytes, %v)", f, len(a), len(b), err)
		}
	}
	// The joined run's manifest is the unsharded run's but for the
	// outputs' paths.
	a, b := manifestLines(t, filepath.Join(dir, "full", "all.manifest.jsonl")), manifestLines(t, filepath.Join(out, "all.manifest.jsonl"))
	if len(a) != 32 || len(b) != 32 || strings.Join(a[:31], "\n") != strings.Join(b[:31], "\n") {
		t.Errorf("joined manifest differs from the unsharded one:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

func TestJoinRefuses(t *testing.T) {
	dir, rowsFile, ms := joinRun(t)
	out := filepath.Join(dir, "joined", "all.pdf")
	cut := filepath.Join(dir, "cut.jsonl")
	ls := manifestLines(t, ms[2])
	os.WriteFile(cut, []byte(strings.Join(ls[:len(ls)-1], "\n")+"\n"), 0o644)
	// Row 3 (shard 2's first) claims two pages more than it has.
	var r manifestRow
	json.Unmarshal([]byte(ls[1]), &r)
	r.Pages += 2
	rb, _ := json.Marshal(r)
	ls[1] = string(rb)
	pages := filepath.Join(dir, "pages.jsonl")
	os.WriteFile(pages, []byte(strings.Join(ls, "\n")+"\n"), 0o644)
	// A shard of another run: other numbers.
	other := filepath.Join(dir, "other.jsonl")
	ls[0] = strings.Replace(ls[0], `"number_from":40`, `"number_from":41`, 1)
	os.WriteFile(other, []byte(strings.Join(ls, "\n")+"\n"), 0o644)

	for _, c := range []struct {
		name string
		args []string
		want []string
	}{
		{"missing shard", []string{ms[0], ms[1]}, []string{"10 of 30 rows are in no manifest: rows 3, 6, 9, 12, 15, 18, 21, 24, 27, 30"}},
		{"duplicate shard", []string{ms[0], ms[1], ms[2], ms[1]}, []string{"row 2 is in " + ms[1] + " and " + ms[1], "row 29 is in"}},
		{"cut manifest", []string{ms[0], ms[1], cut}, []string{cut + ": no end line"}},
		{"pages differ", []string{ms[0], ms[1], pages}, []string{"row 3: ", "pages now, 4 in its shard's manifest"}},
		{"another run", []string{ms[0], ms[1], other}, []string{other + ": line 1: not a shard of the run of " + ms[0]}},
		{"not a manifest", []string{ms[0], rowsFile}, []string{rowsFile + ": line 1: not a bhytdoc merge manifest"}},
	} {
		code, _, errs := runCLI(append([]string{"join", "--combined", out}, c.args...)...)
		if code == exitOK {
			t.Errorf("%s: exit 0", c.name)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", c.name, w, errs)
			}
		}
		if _, err := os.Stat(filepath.Dir(out)); !os.IsNotExist(err) {
			t.Errorf("%s: %s written (%v)", c.name, filepath.Dir(out), err)
		}
	}

	// A rows file changed after the merge is refused, however small the
	// change.
	b, _ := os.ReadFile(rowsFile)
	os.WriteFile(rowsFile, bytes.Replace(b, []byte("Số 7"), []byte("Số 8"), 1), 0o644)
	code, _, errs := runCLI("join", ms[0], ms[1], ms[2], "--combined", out)
	if code != exitInvalid || !strings.Contains(errs, rowsFile+" changed since the merge") {
		t.Errorf("tampered rows: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Dir(out)); !os.IsNotExist(err) {
		t.Errorf("tampered rows: output written")
	}
}

func manifestLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}
