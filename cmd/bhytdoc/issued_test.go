package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/examples/kinds"
	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// TestRenderIssuedVariants: one source for a decision of Mẫu 1.3 and its
// quy chế renders, on paper, to one PDF and DOCX holding both; in the
// electronic variant to the decision's files and NAME-kem-theo.pdf/.docx,
// the attachment that sign --attached-to stamps at the top right of its
// first page with the decision's number.
func TestRenderIssuedVariants(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	f := newSignFixture(t)
	src, err := markdown.Marshal(kinds.QuyetDinhBanHanh(), nil)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(f.dir, "qd.md")
	if err := os.WriteFile(in, src, 0o600); err != nil {
		t.Fatal(err)
	}
	text := func(name string) string {
		out, err := exec.Command("pdftotext", "-layout", name, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	paper := filepath.Join(f.dir, "paper")
	if code, _, errs := runCLI("render", in, "-o", paper, "--format", "pdf,docx"); code != exitOK {
		t.Fatalf("paper: exit %d\n%s", code, errs)
	}
	if s := text(filepath.Join(paper, "qd.pdf")); !strings.Contains(s, "QUY CHẾ") || !strings.Contains(s, "\f") {
		t.Error("paper: the quy chế is not in the decision's file on a page of its own")
	}
	if _, err := os.Stat(filepath.Join(paper, "qd-kem-theo.pdf")); err == nil {
		t.Error("paper: an attachment file was written")
	}
	el := filepath.Join(f.dir, "el")
	code, _, errs := runCLI("render", in, "-o", el, "--format", "pdf,docx", "--variant", "electronic")
	if code != exitOK {
		t.Fatalf("electronic: exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "--attached-to 12/QĐ-UBND") {
		t.Errorf("no signing hint: %q", errs)
	}
	for _, n := range []string{"qd.pdf", "qd.docx", "qd-kem-theo.pdf", "qd-kem-theo.docx"} {
		if _, err := os.Stat(filepath.Join(el, n)); err != nil {
			t.Error(err)
		}
	}
	if strings.Contains(text(filepath.Join(el, "qd.pdf")), "QUY CHẾ") {
		t.Error("electronic: the decision's file holds the quy chế")
	}
	att := filepath.Join(el, "qd-kem-theo.pdf")
	if s := text(att); !strings.Contains(s, "QUY CHẾ") || !strings.Contains(s, "số …/QĐ-UBND ngày … tháng … năm …") {
		t.Errorf("electronic attachment:\n%s", s)
	}
	signed := filepath.Join(f.dir, "qd-kem-theo-ky.pdf")
	if code, _, errs := runCLI("sign", att, "--p12", f.orgP12, "--password-file", f.pwFile, "--role", "organisation", "--attached-to", "12/QĐ-UBND", "-o", signed); code != exitOK {
		t.Fatalf("sign --attached-to: exit %d\n%s", code, errs)
	}
	if sigs := signtest.Pdfsig(t, signed); len(sigs) != 1 || !sigs[0].Valid {
		t.Errorf("pdfsig: %+v", sigs)
	}
	if code, _, errs := runCLI("render", in, "-o", el, "--variant", "digital"); code != exitUsage || !strings.Contains(errs, "--variant") {
		t.Errorf("--variant digital: exit %d %q", code, errs)
	}
}
