// Package lotest runs LibreOffice headless for the tests that check
// bhytdoc's workbooks and Word documents with an independent program:
// recalculating every formula of a workbook, and converting documents to
// PDF with the fonts bhytdoc embeds. It is for tests only.
//
// LibreOffice missing fails the test: CI installs Debian's
// libreoffice-calc and libreoffice-writer with ./scripts/test-deps.sh.
// BHYTDOC_NO_LIBREOFFICE=1 skips instead, for machines that cannot.
package lotest

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/fonts"
)

// timeout bounds one LibreOffice run; a conversion takes seconds.
const timeout = 3 * time.Minute

// Binary returns the LibreOffice program, or ends the test as the
// package comment says.
func Binary(t testing.TB) string {
	t.Helper()
	if os.Getenv("BHYTDOC_NO_LIBREOFFICE") == "1" {
		t.Skip("BHYTDOC_NO_LIBREOFFICE=1: not checked through LibreOffice")
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("LibreOffice not found: run ./scripts/test-deps.sh (it installs Debian's libreoffice-calc and libreoffice-writer), " +
		"or set BHYTDOC_NO_LIBREOFFICE=1 to skip this test")
	return ""
}

// recalcProfile is a user profile that recalculates every formula of an
// .xlsx file on loading (OOXMLRecalcMode 0 = always), so that an export
// shows what LibreOffice computes, not the cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// RecalcCSV has LibreOffice load the workbook file, recalculate it and
// export every sheet as CSV with the values as stored (not as shown). It
// returns the rows by sheet name; a workbook of one sheet that
// LibreOffice exports under the file's own name gives the name "".
func RecalcCSV(t testing.TB, file string) map[string][][]string {
	t.Helper()
	dir := t.TempDir()
	user := filepath.Join(dir, "profile", "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// CSV filter options: "," separated, '"' quoted, UTF-8 (76), from
	// line 1, en-US (1033), stored values rather than as shown, every
	// sheet (-1) to its own file.
	run(t, dir, nil, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
		"--outdir", out, file)
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(files) == 0 {
		t.Fatal("libreoffice wrote no CSV")
	}
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	sheets := map[string][][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base+"-"), ".csv")
		if len(files) == 1 && name == base {
			name = ""
		}
		sheets[name] = rows
	}
	return sheets
}

// ToPDF converts files (.docx, .xlsx) to PDF with one LibreOffice run
// and returns the directory of the PDFs, under dir. LibreOffice gets a
// private profile and a font configuration that adds the Liberation
// Serif faces bhytdoc embeds in its own PDFs: the system's metric
// aliases then stand them in for Times New Roman, as on a reader's
// machine without Times New Roman.
func ToPDF(t testing.TB, dir string, files []string) string {
	t.Helper()
	fontDir := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fontDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for st := fonts.Regular; st <= fonts.BoldItalic; st++ {
		f, err := fonts.Liberation().Face(st)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(fontDir, fmt.Sprintf("serif-%d.ttf", st)), f.TTF(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conf := filepath.Join(dir, "fonts.conf")
	if err := os.WriteFile(conf, []byte(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>`+fontDir+`</dir>
<cachedir>`+filepath.Join(dir, "fccache")+`</cachedir>
</fontconfig>
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "lo")
	run(t, dir, []string{"FONTCONFIG_FILE=" + conf}, append([]string{"--convert-to", "pdf", "--outdir", out}, files...)...)
	return out
}

// run runs LibreOffice headless with a private profile and home under
// dir, so that concurrent tests never share one.
func run(t testing.TB, dir string, env []string, args ...string) {
	t.Helper()
	lo := Binary(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, append([]string{
		"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--nolockcheck",
	}, args...)...)
	cmd.Env = append(append(os.Environ(), "HOME="+dir), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
}
