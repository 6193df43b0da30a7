package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
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
	if runtime.GOOS == "linux" {
		checkImage(t, filepath.Join(dir, "image"))
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
	for _, m := range []string{"golang.org/x/text", "github.com/yuin/goldmark", "github.com/klauspost/compress"} {
		if !names[m] {
			t.Errorf("SBOM lacks %s", m)
		}
	}
	// Workbooks are written by internal/xlsx itself; excelize, which
	// costs every process its initialisation, is for tests only.
	if names["github.com/xuri/excelize/v2"] {
		t.Error("the binary links excelize")
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

// checkImage follows the OCI layout from index.json to the layer, checks
// the config (entrypoint bhytdoc, non-root user), unpacks the layer and
// runs the binary from it.
func checkImage(t *testing.T, layout string) {
	t.Helper()
	readJSON := func(name string, v any) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	blobPath := func(d descriptor) string {
		p := filepath.Join(layout, "blobs", "sha256", strings.TrimPrefix(d.Digest, "sha256:"))
		b, err := os.ReadFile(p)
		if err != nil || int64(len(b)) != d.Size || "sha256:"+fmt.Sprintf("%x", sha256.Sum256(b)) != d.Digest {
			t.Fatalf("blob %s: size or digest wrong (%v)", d.Digest, err)
		}
		return p
	}
	var idx index
	readJSON(filepath.Join(layout, "index.json"), &idx)
	if len(idx.Manifests) != 1 || idx.Manifests[0].Platform.Architecture != runtime.GOARCH {
		t.Fatalf("index %+v", idx)
	}
	var m manifest
	readJSON(blobPath(idx.Manifests[0]), &m)
	var cfg imageConfig
	readJSON(blobPath(m.Config), &cfg)
	if cfg.Config.User != "65532:65532" || len(cfg.Config.Entrypoint) != 1 || filepath.Base(cfg.Config.Entrypoint[0]) != "bhytdoc" {
		t.Errorf("config %+v", cfg.Config)
	}
	f, err := os.Open(blobPath(m.Layers[0]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	tr := tar.NewReader(io.TeeReader(zr, h))
	root := t.TempDir()
	var passwd string
	for {
		hd, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, filepath.FromSlash(hd.Name))
		switch hd.Typeflag {
		case tar.TypeDir:
			os.MkdirAll(p, 0o755)
		case tar.TypeReg:
			b, _ := io.ReadAll(tr)
			if err := os.WriteFile(p, b, os.FileMode(hd.Mode)); err != nil {
				t.Fatal(err)
			}
			if hd.Name == "etc/passwd" {
				passwd = string(b)
			}
		}
	}
	io.Copy(io.Discard, zr)
	if fmt.Sprintf("sha256:%x", h.Sum(nil)) != cfg.RootFS.DiffIDs[0] {
		t.Error("layer diff_id does not match the uncompressed layer")
	}
	if !strings.Contains(passwd, "nonroot:x:65532:65532:") {
		t.Errorf("passwd %q", passwd)
	}
	if st, err := os.Stat(filepath.Join(root, "etc/ssl/certs/ca-certificates.crt")); err != nil || st.Size() < 1000 {
		t.Errorf("CA certificates missing (%v)", err)
	}
	out, err := exec.Command(filepath.Join(root, cfg.Config.Entrypoint[0]), "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "bhytdoc v0.0.0-snapshot") {
		t.Errorf("binary from the layer: %v %q", err, out)
	}
}
