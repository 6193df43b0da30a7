package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/ostest"
)

// A byte-order mark at the start of a source is not content.
func TestParseBOM(t *testing.T) {
	d, err := Parse([]byte("\uFEFF"+goodSource), "cv.md")
	if err != nil {
		t.Fatal(err)
	}
	if d.Number != 464 {
		t.Errorf("number %d", d.Number)
	}
	// An annex file with a mark reads too (through ParseFS, below).
}

// YAML reads 010 as 8, 0x10 as 16, 0b101 as 5 and 1_000 as 1000: a
// number is decimal digits only, and the line is named.
func TestNumberDecimal(t *testing.T) {
	for _, v := range []string{"010", "0x10", "0b101", "1_000", "0o17", "+5", "05"} {
		_, err := Parse([]byte(replace("number: 464", "number: "+v)), "cv.md")
		want := `cv.md:9: number: want a whole number in decimal digits without leading zeros, got "` + v + `"`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("number: %s: %v", v, err)
		}
	}
	src := strings.Replace(goodSource, "luu: [VT, VX]", "luu: [VT, VX]\nannexes:\n  - title: T\n    table:\n      header: [[{text: A, cols: 0x2}, B]]\n      rows: [[1, 2, 3]]", 1)
	if _, err := Parse([]byte(src), "cv.md"); err == nil || !strings.Contains(err.Error(), `cols: want a whole number in decimal digits`) {
		t.Errorf("cols: 0x2: %v", err)
	}
	if d, err := Parse([]byte(replace("number: 464", "number: 0")), "cv.md"); err == nil && d.Number != 0 {
		t.Errorf("number 0 read as %d", d.Number)
	}
}

// sourceDir writes a source whose annex is the file annex and signature
// image the file image, both named relative to it, in a new directory.
func sourceDir(t *testing.T, annex, image string) string {
	t.Helper()
	dir := t.TempDir()
	src := strings.Replace(goodSource, "luu: [VT, VX]", "luu: [VT, VX]\nannexes:\n  - file: "+annex, 1)
	if image != "" {
		src = strings.Replace(src, "    name: Phạm Thị Nhị Bình", "    name: Phạm Thị Nhị Bình\n    image: "+image, 1)
	}
	if err := os.WriteFile(filepath.Join(dir, "cv.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func parseRoot(t *testing.T, dir string) error {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	_, err = ParseFS(root.FS(), "cv.md")
	return err
}

const annexYAML = "title: Kết quả\ntable:\n  header: [[STT, Đơn vị]]\n  rows:\n    - [1, Lê Bình]\n"

// Files named in a source are read inside its directory only: a symbolic
// link out of it (to the system's account file, to an annex elsewhere) is
// refused, and no error quotes more than a short excerpt of any file.
func TestFilesInsideRoot(t *testing.T) {
	outside := t.TempDir()
	secret := strings.Repeat("root:x:0:0:root:/root:/bin/bash\n", 20)
	os.WriteFile(filepath.Join(outside, "pw.yaml"), []byte(secret), 0o644)
	os.WriteFile(filepath.Join(outside, "annex.yaml"), []byte(annexYAML), 0o644)
	os.WriteFile(filepath.Join(outside, "ky.png"), png1, 0o644)

	for name, link := range map[string]string{"pw.yaml": "pw.yaml", "annex.yaml": "annex.yaml"} {
		dir := sourceDir(t, name, "")
		os.Symlink(filepath.Join(outside, link), filepath.Join(dir, name))
		err := parseRoot(t, dir)
		if err == nil || !strings.Contains(err.Error(), "annexes[0].file") {
			t.Errorf("%s: link out of the directory: %v", name, err)
		}
		if err != nil && strings.Contains(err.Error(), "root:x:0:0:root:/root:/bin/bash\nroot") {
			t.Errorf("%s: the file's content is in the message: %v", name, err)
		}
		// os.DirFS follows the link; the message still quotes at most
		// an excerpt.
		_, err = ParseFS(os.DirFS(dir), "cv.md")
		if err != nil && strings.Count(err.Error(), "root:x") > 2 {
			t.Errorf("%s: the file's content is in the message: %v", name, err)
		}
	}
	// The same for a signature image.
	dir := sourceDir(t, "annex.yaml", "ky.png")
	os.WriteFile(filepath.Join(dir, "annex.yaml"), []byte(annexYAML), 0o644)
	os.Symlink(filepath.Join(outside, "ky.png"), filepath.Join(dir, "ky.png"))
	if err := parseRoot(t, dir); err == nil || !strings.Contains(err.Error(), "signatures[0].image") {
		t.Errorf("image link out of the directory: %v", err)
	}
	// A link that stays inside is fine, and a byte-order mark in an
	// annex file is accepted.
	os.Remove(filepath.Join(dir, "ky.png"))
	os.WriteFile(filepath.Join(dir, "real.png"), png1, 0o644)
	os.Symlink("real.png", filepath.Join(dir, "ky.png"))
	os.WriteFile(filepath.Join(dir, "annex.yaml"), []byte("\uFEFF"+annexYAML), 0o644)
	if err := parseRoot(t, dir); err != nil {
		t.Errorf("link inside the directory: %v", err)
	}
}

// A FIFO or a device named as an annex is refused before it is opened:
// opening a FIFO blocks, reading /dev/zero never ends.
func TestFilesRegularOnly(t *testing.T) {
	dir := sourceDir(t, "fifo.yaml", "")
	ostest.FIFO(t, filepath.Join(dir, "fifo.yaml"), 0o644)
	done := make(chan error, 1)
	go func() { done <- parseRoot(t, dir) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "fifo.yaml is not a regular file") {
			t.Errorf("FIFO: %v", err)
		}
	case <-timeout():
		t.Fatal("reading a FIFO hangs")
	}
	dir = sourceDir(t, "zero.yaml", "")
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml"))
	if _, err := ParseFS(os.DirFS(dir), "cv.md"); err == nil || !strings.Contains(err.Error(), "zero.yaml is not a regular file") {
		t.Errorf("/dev/zero: %v", err)
	}
}

// A file over the limit is refused without reading it whole.
func TestFilesSizeLimit(t *testing.T) {
	dir := sourceDir(t, "big.yaml", "")
	f, _ := os.Create(filepath.Join(dir, "big.yaml"))
	f.Truncate(MaxFileBytes + 1)
	f.Close()
	if err := parseRoot(t, dir); err == nil || !strings.Contains(err.Error(), "big.yaml is larger than 16 MiB") {
		t.Errorf("big file: %v", err)
	}
}

func timeout() <-chan time.Time { return time.After(10 * time.Second) }
