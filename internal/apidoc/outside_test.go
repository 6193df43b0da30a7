package apidoc

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tourProgram returns the first ```go block under "## A tour of the API"
// in the README: the program TestOutsideModule builds, so the README
// cannot show code that does not compile or run.
func tourProgram(readme string) (string, error) {
	_, after, ok := strings.Cut(readme, "\n## A tour of the API\n")
	if !ok {
		return "", errors.New(`README.md: no "## A tour of the API" section`)
	}
	if i := strings.Index(after, "\n## "); i >= 0 {
		after = after[:i] // the section ends at the next heading
	}
	_, code, ok := strings.Cut(after, "\n```go\n")
	if !ok {
		return "", errors.New("README.md: no ```go block in the tour section")
	}
	code, _, ok = strings.Cut(code, "\n```\n")
	if !ok {
		return "", errors.New("README.md: the tour's ```go block is not closed")
	}
	return code + "\n", nil
}

// TestOutsideModule proves that a program in another module can import
// the library: it makes a fresh module that requires
// github.com/bhytdoc/bhytdoc through a replace to this checkout, writes
// the README's tour into it, builds and runs it, and reads back the PDF
// the tour writes. The build also covers the command line tool as a
// dependency: "bhytdoc version" must report the replaced module.
//
// No network is needed: the go command reads modules from its cache,
// where building the checkout has put every module the tour needs, and the
// checkout's go.sum vouches for them. (GOPROXY is left as the caller set
// it, so a CI run with an empty cache can still fill it.)
func TestOutsideModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module from scratch")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build an outside module: %v", err)
	}
	for _, tool := range []string{"qpdf", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: run ./scripts/test-deps.sh (see README)", tool)
		}
	}
	root := moduleRoot(t)
	statSources(t, root)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	tour, err := tourProgram(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	// Later entries win over the inherited ones.
	env := append(os.Environ(),
		"GOWORK=off",       // no go.work of the caller's may join the checkout in
		"GOFLAGS=-mod=mod", // let go mod tidy and go build write go.mod and go.sum
		"GONOSUMDB=*",      // go.sum comes from the checkout; never ask the checksum database
	)
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, out, stderr.Bytes())
		}
		return string(out)
	}

	run(goCmd, "mod", "init", "example.com/tour")
	run(goCmd, "mod", "edit",
		"-require", "github.com/bhytdoc/bhytdoc@v0.0.0",
		"-replace", "github.com/bhytdoc/bhytdoc="+root)
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.sum", sum)
	write("main.go", []byte(tour))
	run(goCmd, "mod", "tidy")
	run(goCmd, "build", "-o", "tour", ".")
	run(filepath.Join(dir, "tour"))

	pdf := filepath.Join(dir, "898-UBND.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("the tour wrote no PDF: %v", err)
	}
	run("qpdf", "--check", pdf)
	text := strings.Join(strings.Fields(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-")), " ")
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Số: 898/UBND",
		"Cái Răng, ngày 18 tháng 5 năm 2020",
		"V/v tăng cường vận động tham gia bảo hiểm y tế",
		"Kính gửi: Chủ tịch Ủy ban nhân dân các phường",
		"Để hoàn thành chỉ tiêu 90% độ bao phủ bảo hiểm y tế năm 2020, Chủ tịch Ủy ban nhân dân quận có ý kiến như sau:",
		"1. Giao Giám đốc Bảo hiểm xã hội quận cung cấp kịp thời thông tin về thời hạn thẻ.",
		"2. Giao Ủy ban nhân dân các phường rà soát, vận động người dân tham gia./.",
		"KT. CHỦ TỊCH",
		"PHÓ CHỦ TỊCH",
		"Vương Công Khanh",
		"Nơi nhận:",
		"- Như kính gửi;",
		"- UBND thành phố (Báo cáo);",
		"- Lưu: VT.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the tour's PDF lacks %q; its text:\n%s", want, text)
		}
	}

	// The command line tool builds from the outside module too, and its
	// version command reports the module as that build records it.
	run(goCmd, "build", "-o", "bhytdoc", "github.com/bhytdoc/bhytdoc/cmd/bhytdoc")
	version := run(filepath.Join(dir, "bhytdoc"), "version")
	if want := "bhytdoc v0.0.0 => " + root + " (devel)\n"; !strings.HasPrefix(version, want) {
		t.Errorf("bhytdoc version:\n%s\nwant first line %q", version, want)
	}
}

// statSources stats every file of the checkout outside hidden directories.
// The go command builds the tour from those files in a child process,
// which go test's result cache does not see; a file this process has
// statted is one whose change makes go test run the test again.
func statSources(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		_, err = os.Stat(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
