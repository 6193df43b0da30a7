package rows

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
)

// ReadXLSX reads the rows of a workbook's sheet (see ReadFile) with the
// streaming reader of internal/xlsx and its bounds: the worksheet is
// never unpacked to memory or disk whole. A formula without a computed
// value is an error naming its cell: formulas are never evaluated.
// Numbers are their stored value ("10125", "98.8"), whatever their format
// shows; a number shown as a percentage is the percentage ("99.5" for
// 0.995 shown as 99,5%); a number shown as a date is the date,
// "2019-12-31".
func ReadXLSX(r io.ReaderAt, size int64, name, sheet string) (_ *Table, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fileErr(name, fmt.Errorf("malformed workbook: %v", p))
		}
	}()
	if size > MaxBytes {
		return nil, fileErr(name, errTooLarge)
	}
	wb, err := xlsx.Open(r, size)
	if err != nil {
		return nil, fileErr(name, err)
	}
	i := wb.Active()
	if sheet != "" {
		if i = wb.Lookup(sheet); i < 0 {
			var names []string
			for j, s := range wb.Sheets() {
				if j == 10 {
					names = append(names, fmt.Sprintf("… %d in all", len(wb.Sheets())))
					break
				}
				names = append(names, excerpt.Quote(s.Name))
			}
			return nil, fileErr(name, fmt.Errorf("no sheet %s (have %s)", excerpt.Quote(sheet), strings.Join(names, ", ")))
		}
	} else if i < 0 {
		return nil, fileErr(name, errors.New("every sheet is hidden: name the one to read with --sheet"))
	}
	sh := wb.Sheets()[i].Name
	t := &table{name: name, sheet: sh}
	var rec []string
	_, err = wb.Rows(i, func(r int, vals []xlsx.Value) error {
		if t.ended {
			return errEnd
		}
		rec = rec[:0]
		for c, v := range vals {
			if c >= MaxColumns {
				if v != (xlsx.Value{Format: v.Format}) {
					return t.errAt(r+1, c+1, fmt.Errorf("a value past the %d columns a rows file may have", MaxColumns))
				}
				continue
			}
			if v.Uncached {
				return t.errAt(r+1, c+1, fmt.Errorf("formula =%s has no computed value: open the workbook in a spreadsheet program and save it, or type the value", excerpt.Trim(v.Formula)))
			}
			rec = append(rec, cellText(v))
		}
		return t.add(rec, r+1)
	})
	if err != nil && !errors.Is(err, errEnd) {
		if re := (*coverage.RowError)(nil); errors.As(err, &re) {
			return nil, re
		}
		return nil, &coverage.RowError{File: name, Sheet: sh, Err: err}
	}
	rs, err := t.finish()
	if err != nil {
		return nil, err
	}
	return &Table{Rows: rs, Sheet: sh, Sheets: len(wb.Sheets())}, nil
}

// errEnd stops reading a sheet after its totals row.
var errEnd = errors.New("end of the data")

// excelEpoch is day 0 of a workbook's dates (1900 system, after the
// leap-year bug: serial 60 is the non-existent 1900-02-29).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

func cellText(v xlsx.Value) string {
	if !v.Number {
		return v.Text
	}
	if v.Format.Percent && !v.Format.Date {
		// 0.995 shown as 99,5%: the figure the reader sees, exactly.
		r, ok := new(big.Rat).SetString(v.Text)
		if !ok {
			return v.Text
		}
		r.Mul(r, big.NewRat(100, 1))
		if r.IsInt() {
			return r.Num().String()
		}
		return strings.TrimRight(strings.TrimRight(r.FloatString(10), "0"), ".")
	}
	if !v.Format.Date {
		return v.Text
	}
	f, err := strconv.ParseFloat(v.Text, 64)
	if err != nil || f < 61 || f > 2958465 || math.IsNaN(f) {
		return v.Text
	}
	return excelEpoch.AddDate(0, 0, int(f)).Format("2006-01-02")
}
