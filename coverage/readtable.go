package coverage

import (
	"bytes"
	"errors"
	"path"
	"strings"

	"github.com/bhytdoc/bhytdoc/markdown"
)

// ReadTable reads the annex table of a spreadsheet file named by an
// annex's file: key in a Markdown source (it is a markdown.TableReader):
// the worksheet named sheet of a workbook (.xlsx, .xlsm) — hidden or not
// — or, when sheet is "", the one the workbook opens on; or a CSV file
// (.csv). It finds the table as ReadAnnexXLSXSheet and ReadAnnexCSV do
// (header rows from merged cells, a row of column numbers skipped, the
// totals row moved to Totals, numbers as the workbook prints them the
// Vietnamese way) but the table need not be a coverage table: with no STT
// or coverage column in the first 40 rows, the header is the first row
// with two filled cells. Rows above the header are not returned: the
// source gives the annex's title. It returns the table and the name of
// the worksheet read ("" for a CSV file), and Cell, for CheckAt, the
// reference of each cell in its sheet ("F7").
func ReadTable(data []byte, name, sheet string) (*markdown.TableFile, error) {
	var src *source
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm":
		wb, err := openWorkbook(bytes.NewReader(data), name)
		if err != nil {
			return nil, err
		}
		i, err := pickSheet(wb, name, sheet)
		if err != nil {
			return nil, err
		}
		if src, err = readXLSXSource(wb, i, name); err != nil {
			return nil, err
		}
	case ".csv":
		if sheet != "" {
			return nil, &RowError{File: name, Err: errors.New("a CSV file has no sheets: leave sheet out")}
		}
		if src, err = readCSVSource(bytes.NewReader(data), name); err != nil {
			return nil, err
		}
	default:
		return nil, &RowError{File: name, Err: errors.New("unknown table file type (want .xlsx, .xlsm or .csv)")}
	}
	a, err := src.table(true)
	if err != nil {
		return nil, err
	}
	return &markdown.TableFile{Table: a.Table, Sheet: a.Sheet, Cell: a.cell}, nil
}
