package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// TestEdxmlCommand renders a source with identifier codes, packs the PDF
// and DOCX with "bhytdoc edxml", reads the package back with "edxml
// read -o" and compares the extracted files byte for byte.
func TestEdxmlCommand(t *testing.T) {
	dir := t.TempDir()
	d := seeds.CaiRang()
	d.Issuer.OrganID = "000.00.09.H13"
	d.Recipients[1].OrganID = "01.09.H13"
	d.Recipients[3].OrganID = "000.02.09.H13"
	src, err := markdown.Marshal(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	srcPath := filepath.Join(dir, "cv898.md")
	if err := os.WriteFile(srcPath, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI("render", srcPath, "--format", "pdf,docx", "-o", dir); code != exitOK {
		t.Fatalf("render: exit %d\n%s", code, errs)
	}
	pdfPath, docxPath := filepath.Join(dir, "cv898.pdf"), filepath.Join(dir, "cv898.docx")
	pkgPath := filepath.Join(dir, "out", "cv898.edxml")
	if code, _, errs := runCLI("edxml", pdfPath, "--source", srcPath, "--docx", docxPath, "-o", pkgPath); code != exitOK {
		t.Fatalf("edxml: exit %d\n%s", code, errs)
	}
	ext := filepath.Join(dir, "files")
	code, out, errs := runCLI("edxml", "read", pkgPath, "-o", ext)
	if code != exitOK {
		t.Fatalf("edxml read: exit %d\n%s", code, errs)
	}
	var rep packageReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("edxml read printed no JSON: %v\n%s", err, out)
	}
	h := rep.Header
	if h.From.OrganID != "000.00.09.H13" || len(h.To) != 2 || h.Code.Number != "898" || h.Promulgation.Date != "2020/05/18" ||
		h.Other.PageAmount != 3 || len(h.ToPlaces) != len(d.Recipients) {
		t.Errorf("header %+v", h)
	}
	for i, in := range []string{pdfPath, docxPath} {
		want, _ := os.ReadFile(in)
		got, err := os.ReadFile(filepath.Join(ext, filepath.Base(in)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: extracted copy differs (%v)", in, err)
		}
		if rep.Attachments[i].Size != int64(len(want)) || len(rep.Attachments[i].SHA256) != 64 {
			t.Errorf("attachment %d: %+v", i, rep.Attachments[i])
		}
	}
	// Extracting again refuses to overwrite, and leaves no temporary file.
	if code, _, errs := runCLI("edxml", "read", pkgPath, "-o", ext); code != exitInvalid || !strings.Contains(errs, "exists") {
		t.Errorf("second extraction: exit %d\n%s", code, errs)
	}
	if names, _ := os.ReadDir(ext); len(names) != 2 {
		t.Errorf("directory holds %d entries after a refused extraction", len(names))
	}
	// Without -o nothing is written, the JSON still lists the files.
	if code, out, _ := runCLI("edxml", "read", pkgPath); code != exitOK || !strings.Contains(out, `"sha256"`) {
		t.Errorf("read without -o: exit %d\n%s", code, out)
	}
	// A source without codes is refused, naming the field.
	plain, _ := markdown.Marshal(seeds.CaiRang(), nil)
	os.WriteFile(srcPath, plain, 0o644)
	if code, _, errs := runCLI("edxml", pdfPath, "--source", srcPath, "-o", filepath.Join(dir, "x.edxml")); code != exitInvalid || !strings.Contains(errs, "Issuer.OrganID") {
		t.Errorf("source without codes: exit %d\n%s", code, errs)
	}
}

// TestEdxmlReadHostile extracts packages whose attachment names try to
// leave the directory, or whose content is cut short: nothing is written.
func TestEdxmlReadHostile(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../edxml/testdata/sample.edxml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(sample)
	for name, pkg := range map[string]string{
		"dotdot":    strings.ReplaceAll(s, "215_UBND-VX.zip", "../../escaped.zip"),
		"absolute":  strings.ReplaceAll(s, "215_UBND-VX.zip", "/tmp/escaped.zip"),
		"truncated": s[:strings.Index(s, "</edXML:ContentTransferEncoded>")-10],
	} {
		p := filepath.Join(dir, name+".edxml")
		os.WriteFile(p, []byte(pkg), 0o644)
		ext := filepath.Join(dir, name)
		code, _, errs := runCLI("edxml", "read", p, "-o", ext)
		if code != exitInvalid {
			t.Errorf("%s: exit %d\n%s", name, code, errs)
		}
		if names, _ := os.ReadDir(ext); len(names) != 0 {
			t.Errorf("%s: %d files left in the output directory", name, len(names))
		}
		t.Logf("%s: %s", name, strings.TrimSpace(errs))
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escaped.zip")); err == nil {
		t.Error("a file escaped the output directory")
	}
}
