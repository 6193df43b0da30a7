package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// TestInfoCommand renders the seeds with --pdfa, reads each back with
// "bhytdoc info" and checks the JSON; a PDF bhytdoc did not write, a
// directory and a missing argument are refused.
func TestInfoCommand(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI("examples", "--pdfa", "-o", dir); code != exitOK {
		t.Fatalf("examples --pdfa: exit %d\n%s", code, errs)
	}
	f := filepath.Join(dir, "cai-rang-898-UBND.pdf")
	b, _ := os.ReadFile(f)
	if !strings.HasPrefix(string(b), "%PDF-1.7\n") {
		t.Errorf("--pdfa wrote header %q", b[:9])
	}
	code, out, errs := runCLI("info", f)
	if code != exitOK {
		t.Fatalf("info: exit %d\n%s", code, errs)
	}
	var info bhytdoc.Info
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatalf("info printed no JSON: %v\n%s", err, out)
	}
	if info.Kind != "Công văn" || info.Number != 898 || info.Symbol != "UBND" || info.Date != "2020-05-18" ||
		info.Pages != 3 || info.PDFA != "2B" || len(info.Signers) != 1 || info.Signers[0].Name != "Vương Công Khanh" {
		t.Errorf("info: %+v", info)
	}
	for _, key := range []string{`"kind"`, `"symbol"`, `"issuer"`, `"summary"`, `"date"`, `"signers"`, `"recipients"`, `"pages"`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON has no %s:\n%s", key, out)
		}
	}

	// new and render take --pdfa too; without it the PDF stays 1.4.
	data := filepath.Join("..", "..", "templates", "testdata", "cong-van-bhyt.json")
	for _, pdfa := range []bool{false, true} {
		d := filepath.Join(dir, fmt.Sprint(pdfa))
		args := []string{"new", "cong-van-bhyt", "--data", data, "-o", d, "--format", "md,pdf"}
		if pdfa {
			args = append(args, "--pdfa")
		}
		if code, _, errs := runCLI(args...); code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, errs)
		}
		args = []string{"render", filepath.Join(d, "cong-van-bhyt.md"), "-o", filepath.Join(d, "r")}
		if pdfa {
			args = append(args, "--pdfa")
		}
		if code, _, errs := runCLI(args...); code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, errs)
		}
		want := map[bool]string{false: "%PDF-1.5\n", true: "%PDF-1.7\n"}[pdfa]
		for _, f := range []string{filepath.Join(d, "cong-van-bhyt.pdf"), filepath.Join(d, "r", "cong-van-bhyt.pdf")} {
			b, _ := os.ReadFile(f)
			if has := strings.Contains(string(b), "pdfaid"); !strings.HasPrefix(string(b), want) || has != pdfa {
				t.Errorf("%s: header %q, PDF/A identification %v; want %q, %v", f, b[:min(9, len(b))], has, want, pdfa)
			}
		}
	}

	foreign := filepath.Join(dir, "other.pdf")
	other := fpdf.New("P", "mm", "A4", "")
	other.AddPage()
	if err := other.OutputFileAndClose(foreign); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI("info", foreign)
	if code != exitInvalid || !strings.Contains(errs, foreign+": the PDF holds no bhytdoc document record") {
		t.Errorf("foreign PDF: exit %d, %q", code, errs)
	}
	code, _, errs = runCLI("info", dir)
	if code != exitInvalid || !strings.Contains(errs, "not a regular file") {
		t.Errorf("directory: exit %d, %q", code, errs)
	}
	if code, _, _ = runCLI("info"); code != exitUsage {
		t.Errorf("no argument: exit %d", code)
	}
}
