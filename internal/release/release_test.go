package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestSnapshot builds a snapshot release for the machine's own platform
// (CI's quick mode; the four targets build the same way), then checks
// SHA256SUMS against the files, the SBOM against the binary's build
// information, and runs the binary: static, stamped.
func TestSnapshot(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	dir := t.TempDir()
	target := runtime.GOOS + "/" + runtime.GOARCH
	if err := run(filepath.Join("..", ".."), "v0.0.0-snapshot", dir, []string{target}, io.Discard); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, fmt.Sprintf("bhytdoc_0.0.0-snapshot_%s_%s", runtime.GOOS, runtime.GOARCH))
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "bhytdoc v0.0.0-snapshot\n") {
		t.Errorf("version: %q", out)
	}
	if cmd, err := exec.LookPath("file"); err == nil && runtime.GOOS == "linux" {
		if o, _ := exec.Command(cmd, bin).Output(); !strings.Contains(string(o), "statically linked") {
			t.Errorf("not static: %s", o)
		}
	}

	f, err := os.Open(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); n++ {
		sum, name, _ := strings.Cut(sc.Text(), "  ")
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || fmt.Sprintf("%x", sha256.Sum256(b)) != sum {
			t.Errorf("%s: checksum mismatch (%v)", name, err)
		}
	}
	if n != 2 {
		t.Errorf("SHA256SUMS lists %d files, want binary and SBOM", n)
	}

	var b bom
	data, err := os.ReadFile(bin + ".cdx.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	if b.BOMFormat != "CycloneDX" || b.Metadata.Component.Name != "github.com/bhytdoc/bhytdoc" || b.Metadata.Component.Version != "v0.0.0-snapshot" {
		t.Errorf("SBOM metadata %+v", b.Metadata)
	}
	names := map[string]bool{}
	for _, c := range b.Components {
		names[c.Name] = true
	}
	for _, m := range []string{"golang.org/x/text", "github.com/yuin/goldmark", "github.com/xuri/excelize/v2"} {
		if !names[m] {
			t.Errorf("SBOM lacks %s", m)
		}
	}
	cgo := false
	for _, p := range b.Metadata.Properties {
		if p.Name == "go.build.CGO_ENABLED" && p.Value == "0" {
			cgo = true
		}
	}
	if !cgo {
		t.Error("SBOM does not record CGO_ENABLED=0")
	}
	if err := run(filepath.Join("..", ".."), "1.0", t.TempDir(), []string{target}, io.Discard); err == nil {
		t.Error("version 1.0 accepted")
	}
}
