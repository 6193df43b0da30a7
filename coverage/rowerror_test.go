package coverage

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRowErrorEveryReader: each reader's problems unwrap to a *RowError
// of the file, with the row and column when there is one, and name the
// file once.
func TestRowErrorEveryReader(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Đơn vị", "Tham gia", "Dân số"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"A", "mười", 10})
	var wb bytes.Buffer
	f.Write(&wb)
	f.Close()
	for _, c := range []struct {
		name     string
		read     func() error
		file     string
		row, col int
		sheet    string
	}{
		{"CSV baselines, a figure with a comma", func() error {
			_, err := ReadCSV(strings.NewReader("Đơn vị,Tham gia,Dân số\nA,\"13,611\",20000\n"), "r2.csv")
			return err
		}, "r2.csv", 2, 2, ""},
		{"CSV baselines, bad cell", func() error {
			_, err := ReadCSV(strings.NewReader("Đơn vị,Tham gia,Dân số\nA,x,1\n"), "d.csv")
			return err
		}, "d.csv", 2, 2, ""},
		{"workbook baselines", func() error {
			_, err := ReadXLSX(bytes.NewReader(wb.Bytes()), "u.xlsx")
			return err
		}, "u.xlsx", 2, 2, "Sheet1"},
		{"workbook, no such sheet", func() error {
			_, _, err := ReadXLSXSheet(bytes.NewReader(wb.Bytes()), "u.xlsx", "Phụ lục")
			return err
		}, "u.xlsx", 0, 0, ""},
		{"annex CSV", func() error {
			_, err := ReadAnnexCSV(strings.NewReader("a,b\n1,2\n"), "pl.csv")
			return err
		}, "pl.csv", 0, 0, ""},
		{"annex workbook", func() error {
			f := excelize.NewFile()
			defer f.Close()
			f.SetCellValue("Sheet1", "A1", "nothing here")
			var b bytes.Buffer
			f.Write(&b)
			_, err := ReadAnnexXLSX(&b, "pl.xlsx")
			return err
		}, "pl.xlsx", 0, 0, "Sheet1"},
		{"table of an unknown type", func() error {
			_, err := ReadTable([]byte("x"), "pl.ods", "")
			return err
		}, "pl.ods", 0, 0, ""},
	} {
		err := c.read()
		var re *RowError
		if !errors.As(err, &re) {
			t.Errorf("%s: want a *RowError, got %T %v", c.name, err, err)
			continue
		}
		if re.File != c.file || re.Sheet != c.sheet || (c.row > 0 && re.Row != c.row) || (c.col > 0 && re.Col != c.col) {
			t.Errorf("%s: got %+v, want %s sheet %q row %d col %d", c.name, *re, c.file, c.sheet, c.row, c.col)
		}
		if n := strings.Count(err.Error(), c.file); n != 1 {
			t.Errorf("%s: the file named %d times: %v", c.name, n, err)
		}
	}
}
