package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line and returns its exit code and output.
func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestNewThenRender(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"cong-van-bhyt", "ke-hoach-bhyt", "bao-cao-bhyt"} {
		data := filepath.Join("..", "..", "templates", "testdata", name+".json")
		code, out, errs := runCLI("new", name, "--data", data, "-o", dir, "--format", "md,pdf,docx")
		if code != exitOK {
			t.Fatalf("new %s: exit %d\n%s", name, code, errs)
		}
		if !strings.Contains(out, name+".md") || !strings.Contains(out, name+".pdf") || !strings.Contains(out, name+".docx") {
			t.Errorf("new %s printed %q", name, out)
		}
		src := filepath.Join(dir, name+".md")
		out2 := filepath.Join(dir, "again")
		code, _, errs = runCLI("render", src, "-o", out2, "--format", "pdf,md,docx")
		if code != exitOK {
			t.Fatalf("render %s: exit %d\n%s", name, code, errs)
		}
		a, _ := os.ReadFile(src)
		b, _ := os.ReadFile(filepath.Join(out2, name+".md"))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: rendering the written Markdown again changed it", name)
		}
		if pdf, _ := os.ReadFile(filepath.Join(out2, name+".pdf")); !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Errorf("%s: no PDF", name)
		}
		for _, d := range []string{dir, out2} {
			if docx, _ := os.ReadFile(filepath.Join(d, name+".docx")); !bytes.HasPrefix(docx, []byte("PK\x03\x04")) {
				t.Errorf("%s: no DOCX in %s", name, d)
			}
		}
	}
}

func TestRenderInvalid(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "cv.md")
	os.WriteFile(src, []byte("---\nkind: Công văn\nplase: x\nnumber: tám\n---\n\n> trích dẫn\n"), 0o644)
	code, _, errs := runCLI("render", src, "-o", dir)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d", code, exitInvalid)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	want := []string{src + ":3: plase: unknown key", src + ":4: number: want a whole number", src + ":7: a block quote"}
	if len(lines) != len(want) {
		t.Fatalf("got\n%s", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want prefix %q", i, lines[i], w)
		}
	}
}

func TestRenderUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"render"},
		{"render", "a.md", "--format", "odt"},
		{"render", "a.md", "-bogus"},
		{"new", "cong-van-bhyt"},
		{"new", "khong-co", "--data", "x.json"},
		{"new", "cong-van-bhyt", "--data", "x.json", "--format", "html"},
	} {
		if code, _, _ := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	// Writing the Markdown over its own source is refused.
	src := filepath.Join(dir, "cv.md")
	os.WriteFile(src, []byte("x"), 0o644)
	if code, _, _ := runCLI("render", src, "-o", dir, "--format", "md"); code != exitUsage {
		t.Errorf("overwrite: exit %d", code)
	}
}

func TestNewInvalidData(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "d.json")
	os.WriteFile(bad, []byte("{\"So\": 1,\n \"x\": }"), 0o644)
	code, _, errs := runCLI("new", "cong-van-bhyt", "--data", bad, "-o", dir)
	if code != exitInvalid || !strings.HasPrefix(errs, bad+":2: ") {
		t.Errorf("exit %d: %s", code, errs)
	}
	missing := filepath.Join(dir, "m.yaml")
	os.WriteFile(missing, []byte("So: 1\n"), 0o644)
	code, _, errs = runCLI("new", "cong-van-bhyt", "--data", missing, "-o", dir)
	if code != exitInvalid || !strings.Contains(errs, `cong-van-bhyt.md:`) || !strings.Contains(errs, `missing data field "CoQuan"`) {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// Two sources with the same base name would write the same files: refused
// before anything is written.
func TestRenderSameBaseName(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "templates", "testdata", "cong-van-bhyt.json"))
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI("new", "cong-van-bhyt", "--data", writeTemp(t, dir, "doc.json", src), "-o", filepath.Join(dir, "a"), "--format", "md")
	if code != exitOK {
		t.Fatal(errs)
	}
	os.MkdirAll(filepath.Join(dir, "b"), 0o755)
	md, _ := os.ReadFile(filepath.Join(dir, "a", "doc.md"))
	os.WriteFile(filepath.Join(dir, "b", "doc.md"), md, 0o644)
	out := filepath.Join(dir, "out")
	code, _, errs = runCLI("render", filepath.Join(dir, "a", "doc.md"), filepath.Join(dir, "b", "doc.md"), "-o", out)
	if code != exitUsage || !strings.Contains(errs, "would both write") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory created: %v", err)
	}
}

// The formats of one source are written together: when one cannot be
// written, the other is not replaced and no temporary is left.
func TestRenderSetAtomic(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(filepath.Join("..", "..", "templates", "testdata", "cong-van-bhyt.json"))
	out := filepath.Join(dir, "out")
	os.MkdirAll(filepath.Join(out, "doc.pdf"), 0o755) // cannot be replaced
	code, _, errs := runCLI("new", "cong-van-bhyt", "--data", writeTemp(t, dir, "doc.json", data), "-o", out, "--format", "md,pdf")
	if code != exitInvalid {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ents, _ := os.ReadDir(out)
	if len(ents) != 1 || ents[0].Name() != "doc.pdf" {
		t.Errorf("left in the output directory: %v", ents)
	}
}

func writeTemp(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
