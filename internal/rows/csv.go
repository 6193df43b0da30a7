package rows

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/bhytdoc/bhytdoc/internal/vncsv"
	"io"
	"strings"
)

// errRecord is a CSV record longer than any that fits the bounds (a file
// without line ends, or a quoted field that never closes).
var errRecord = fmt.Errorf("a record longer than %d KiB (%d columns of %d KiB): is it a CSV file?", maxRecordBytes>>10, MaxColumns, MaxCellBytes>>10)

var errTooLarge = fmt.Errorf("larger than %d MiB", MaxBytes>>20)

// ReadCSV reads a CSV file: UTF-8 with or without a byte-order mark,
// fields separated by "," or, when the first line has more of them, ";"
// (what spreadsheets write where "," is the decimal comma). A header row
// is the first with two or more names; title rows above it are skipped,
// blank rows too, and a row labelled "Cộng" or "Tổng cộng" ends the data.
func ReadCSV(r io.Reader, name string) ([]Row, error) {
	total := &capped{r: r, limit: MaxBytes, err: func() error { return errTooLarge }}
	rec := &capped{r: total, limit: maxRecordBytes + 64<<10, err: func() error { return errRecord }}
	br := bufio.NewReaderSize(rec, 64<<10)
	cr := vncsv.NewReader(br)
	t := &table{name: name}
	last := 0 // the line of the last record read
	for !t.ended {
		rec.n = int64(br.Buffered()) // what is read ahead counts for this record
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			switch {
			case errors.Is(err, errRecord):
				return nil, fileErr(name, fmt.Errorf("after line %d: %v", last, errRecord))
			case errors.Is(err, errTooLarge):
				return nil, fileErr(name, errTooLarge)
			case errors.As(err, &pe):
				return nil, t.errAt(pe.Line, 0, pe.Err)
			}
			return nil, fileErr(name, err)
		}
		line, _ := cr.FieldPos(0)
		last = line
		wasHeader := t.header == nil
		if err := t.add(fields, line); err != nil {
			return nil, err
		}
		if wasHeader && t.header != nil && cr.Comma == ',' {
			// A ";" file whose header has more "," than ";" would put every
			// row in one column.
			for i, h := range t.header {
				if strings.Contains(h, ";") {
					return nil, t.errAt(line, i+1, errors.New(`the header holds ";": read with "," between fields (the first line has more of them); if ";" separates the fields, the first line must have more ";" than "," — quote the names that hold ","`))
				}
			}
		}
	}
	return t.finish()
}
