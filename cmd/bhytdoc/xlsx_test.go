package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// new and render write the annexes of a kế hoạch as a workbook; a công
// văn without annex is an error naming the source.
func TestXLSXFormat(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join("..", "..", "templates", "testdata", "ke-hoach-bhyt.json")
	code, out, errs := runCLI("new", "ke-hoach-bhyt", "--data", data, "-o", dir, "--format", "md,xlsx")
	if code != exitOK || !strings.Contains(out, "ke-hoach-bhyt.xlsx") {
		t.Fatalf("new: exit %d, printed %q\n%s", code, out, errs)
	}
	first, err := os.ReadFile(filepath.Join(dir, "ke-hoach-bhyt.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) == 0 || !strings.HasPrefix(sheets[0], "Phụ lục") {
		t.Errorf("sheets %q", sheets)
	}
	again := filepath.Join(dir, "again")
	if code, _, errs := runCLI("render", filepath.Join(dir, "ke-hoach-bhyt.md"), "-o", again, "--format", "xlsx"); code != exitOK {
		t.Fatalf("render: exit %d\n%s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(again, "ke-hoach-bhyt.xlsx")); !bytes.Equal(b, first) {
		t.Error("render of the written Markdown gives another workbook than new")
	}

	data = filepath.Join("..", "..", "templates", "testdata", "cong-van-bhyt.json")
	code, _, errs = runCLI("new", "cong-van-bhyt", "--data", data, "-o", dir, "--format", "xlsx")
	if code == exitOK || !strings.Contains(errs, "no annex") || !strings.Contains(errs, "cong-van-bhyt.json") {
		t.Errorf("công văn as xlsx: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "cong-van-bhyt.xlsx")); err == nil {
		t.Error("a workbook was written for a document without annex")
	}
}
