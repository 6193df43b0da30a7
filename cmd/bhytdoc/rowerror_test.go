package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A bad cell of a CSV or workbook rows file is named by the file's row
// and the column's header, the file once per line.
func TestMergeBadCellNamesRowAndColumn(t *testing.T) {
	dir := t.TempDir()
	common, _ := rowsJSON(t, dir, nil)
	csvFile := filepath.Join(dir, "r.csv")
	os.WriteFile(csvFile, []byte("Ten,Ngay\nLê Bình,2020-02-28\nHưng Phú,2020-02-30\n"), 0o644)
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Tiêu đề"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Ten", "Ngay"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"Lê Bình", "2020-02-28"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"Hưng Phú", "2020-02-30"})
	xlsxFile := filepath.Join(dir, "r.xlsx")
	if err := f.SaveAs(xlsxFile); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for file, want := range map[string]string{
		csvFile:  "r.csv: row 3, column 2 (Ngay): ",
		xlsxFile: `r.xlsx: sheet "Sheet1": row 4, column B (Ngay): `,
	} {
		code, _, errs := runCLI("merge", "cong-van-bhyt", "--data", common, "--rows", file, "--name", "{{.Ten}}", "-o", filepath.Join(dir, "out"))
		if code != exitInvalid || !strings.Contains(errs, want) || !strings.Contains(errs, "2020-02-30") {
			t.Errorf("%s: exit %d, want %q in\n%s", filepath.Base(file), code, want, errs)
		}
		for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
			if n := strings.Count(l, filepath.Base(file)); n > 1 {
				t.Errorf("the file named %d times: %s", n, l)
			}
		}
	}
}
