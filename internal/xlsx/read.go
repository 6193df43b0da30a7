package xlsx

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Value is one cell as read.
type Value struct {
	// Text is the cell as displayed, number format applied (excelize
	// formats in the en-US way: "10,125", "98.8").
	Text string
	// Raw is the stored value: "10125", "98.83720930232558".
	Raw string
	// Number reports whether the cell holds a number (typed, or the
	// cached or computed result of a formula).
	Number bool
	// Formula is set, without "=", for a formula cell that had no cached
	// result and was computed on reading.
	Formula string
}

// Range is a merged range, 0-based and inclusive.
type Range struct{ R0, C0, R1, C1 int }

// Grid is one worksheet as read.
type Grid struct {
	Sheet  string
	Cells  [][]Value // [row][col], 0-based; rows may be shorter than others
	Merges []Range
}

// At returns the value at 0-based row r and column c, or a zero Value.
func (g *Grid) At(r, c int) Value {
	if r < 0 || r >= len(g.Cells) || c < 0 || c >= len(g.Cells[r]) {
		return Value{}
	}
	return g.Cells[r][c]
}

// Limits on what Read unpacks, so a hostile file cannot exhaust memory.
const (
	maxUnzipped    = 512 << 20
	maxUnzippedXML = 64 << 20
	maxCells       = 5_000_000
)

// Read reads every worksheet of the workbook in r, in tab order. A formula
// without a cached result (a file written by a program that does not
// compute) is computed with excelize's calculation engine.
func Read(r io.Reader) (grids []Grid, err error) {
	// The file may come from anywhere; should excelize's parser panic on a
	// malformed one, the caller still gets an error.
	defer func() {
		if p := recover(); p != nil {
			grids, err = nil, fmt.Errorf("malformed workbook: %v", p)
		}
	}()
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzippedXML})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Grid
	cells := 0
	for _, sheet := range f.GetSheetList() {
		g, err := readSheet(f, sheet, &cells)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", sheet, err)
		}
		out = append(out, g)
	}
	return out, nil
}

func readSheet(f *excelize.File, sheet string, cells *int) (Grid, error) {
	g := Grid{Sheet: sheet}
	shown, err := f.GetRows(sheet)
	if err != nil {
		return g, err
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return g, err
	}
	g.Cells = make([][]Value, len(raw))
	for r, row := range raw {
		*cells += len(row)
		if *cells > maxCells {
			return g, fmt.Errorf("more than %d cells", maxCells)
		}
		vals := make([]Value, len(row))
		for c := range row {
			v := Value{Raw: row[c]}
			if r < len(shown) && c < len(shown[r]) {
				v.Text = shown[r][c]
			}
			ref := Ref(c, r+1)
			if v.Raw == "" {
				// Maybe a formula nobody computed.
				if v.Formula, err = f.GetCellFormula(sheet, ref); err != nil {
					return g, err
				}
				if v.Formula != "" {
					if v.Text, err = f.CalcCellValue(sheet, ref); err != nil {
						v.Text = ""
					}
					if v.Raw, err = f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true}); err != nil {
						v.Raw = ""
					}
					_, perr := strconv.ParseFloat(v.Raw, 64)
					v.Number = v.Raw != "" && perr == nil
				}
				vals[c] = v
				continue
			}
			typ, err := f.GetCellType(sheet, ref)
			if err != nil {
				return g, err
			}
			switch typ {
			case excelize.CellTypeUnset, excelize.CellTypeNumber:
				_, perr := strconv.ParseFloat(v.Raw, 64)
				v.Number = perr == nil
			}
			vals[c] = v
		}
		g.Cells[r] = vals
	}
	merges, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return g, err
	}
	for _, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		g.Merges = append(g.Merges, Range{R0: r0 - 1, C0: c0 - 1, R1: r1 - 1, C1: c1 - 1})
	}
	return g, nil
}
