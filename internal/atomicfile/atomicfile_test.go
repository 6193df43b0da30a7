package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	p, err := Write(dir, "a.pdf", []byte("%PDF-1.3"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "%PDF-1.3" {
		t.Errorf("content %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("stray files: %v", ents)
	}
	// A target that cannot be replaced (a directory) fails and leaves no
	// temporary file behind.
	if err := os.Mkdir(filepath.Join(dir, "b.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, "b.pdf", []byte("x")); err == nil {
		t.Error("want an error")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("after failure: %v", ents)
	}
}
