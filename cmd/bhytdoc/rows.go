package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// Bounds on a rows file, so that a wrong or hostile file fails with a
// message rather than exhausting memory.
const (
	maxRows      = 1_000_000
	maxColumns   = 256
	maxCellBytes = 32 << 10
	maxRowsBytes = 1 << 30
	maxJSONRow   = 1 << 20
)

// dataRow is one row of a rows file: its fields by header, and where it
// is, for messages.
type dataRow struct {
	Index  int    // 0-based among the data rows
	Where  string // "units.xlsx: Sheet1 row 5", "units.csv:5", "units.json: row 3"
	Fields map[string]any
}

// readRows streams the data rows of a .csv, .xlsx or .json file. A
// spreadsheet's header row is the first with two or more non-empty cells
// (title rows above it are skipped); blank rows are skipped, and a row
// labelled "Cộng" or "Tổng cộng" ends the data. A JSON file is an array
// of objects. A workbook's rows come from sheet or, when sheet is "", the
// sheet it opens on, as the coverage readers choose. The iterator opens
// the file each time it is ranged over; an error ends it.
func readRows(path, sheet string) iter.Seq2[dataRow, error] {
	return func(yield func(dataRow, error) bool) {
		f, err := os.Open(path)
		if err != nil {
			yield(dataRow{}, err)
			return
		}
		defer f.Close()
		r := io.LimitReader(f, maxRowsBytes+1)
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv", ".txt":
			if sheet != "" {
				yield(dataRow{}, fmt.Errorf("%s: --sheet names a workbook's sheet; a CSV file has none", path))
				return
			}
			csvRows(r, path, yield)
		case ".xlsx", ".xlsm":
			xlsxRows(r, path, sheet, yield)
		case ".json":
			jsonRows(r, path, yield)
		default:
			yield(dataRow{}, fmt.Errorf("%s: unknown file type (want .xlsx, .csv or .json)", path))
		}
	}
}

// table turns a stream of string records into rows with the header's
// keys.
type table struct {
	path   string
	header []string
	n      int
	ended  bool
}

// add takes one record; it returns a row when the record is data.
func (t *table) add(rec []string, where string) (dataRow, bool, error) {
	if len(rec) > maxColumns {
		return dataRow{}, false, fmt.Errorf("%s: %d columns, more than %d", where, len(rec), maxColumns)
	}
	nonEmpty := 0
	for i, c := range rec {
		if len(c) > maxCellBytes {
			return dataRow{}, false, fmt.Errorf("%s, column %d: a cell of %d bytes, more than %d", where, i+1, len(c), maxCellBytes)
		}
		if !utf8.ValidString(c) {
			return dataRow{}, false, fmt.Errorf("%s, column %d: not UTF-8 text", where, i+1)
		}
		rec[i] = norm.NFC.String(strings.TrimSpace(c))
		if rec[i] != "" {
			nonEmpty++
		}
	}
	if t.header == nil {
		if nonEmpty < 2 {
			return dataRow{}, false, nil // a title row
		}
		seen := map[string]int{}
		for i, h := range rec {
			if h == "" {
				continue
			}
			if j, dup := seen[h]; dup {
				return dataRow{}, false, fmt.Errorf("%s: column %d repeats the header %q of column %d", where, i+1, h, j+1)
			}
			seen[h] = i
		}
		t.header = rec
		return dataRow{}, false, nil
	}
	if nonEmpty == 0 {
		return dataRow{}, false, nil
	}
	for _, c := range rec {
		if l := strings.ToLower(c); l == "cộng" || l == "tổng cộng" || l == "tổng số" {
			t.ended = true
			return dataRow{}, false, nil
		}
	}
	if t.n >= maxRows {
		return dataRow{}, false, fmt.Errorf("%s: more than %d rows", where, maxRows)
	}
	fields := make(map[string]any, len(t.header))
	for i, h := range t.header {
		if h == "" {
			continue
		}
		v := ""
		if i < len(rec) {
			v = rec[i]
		}
		fields[h] = v
	}
	for i := len(t.header); i < len(rec); i++ {
		if rec[i] != "" {
			return dataRow{}, false, fmt.Errorf("%s, column %d: a value under no header", where, i+1)
		}
	}
	row := dataRow{Index: t.n, Where: where, Fields: fields}
	t.n++
	return row, true, nil
}

func (t *table) finish(yield func(dataRow, error) bool) {
	if t.header == nil {
		yield(dataRow{}, fmt.Errorf("%s: no header row (a row of two or more column names)", t.path))
	}
}

func csvRows(r io.Reader, path string, yield func(dataRow, error) bool) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	// Spreadsheets where "," is the decimal comma write ";" between fields.
	if first, _ := br.Peek(4096); bytes.Count(firstLine(first), []byte(";")) > bytes.Count(firstLine(first), []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	t := &table{path: path}
	for !t.ended {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				yield(dataRow{}, fmt.Errorf("%s:%d: %v", path, pe.Line, pe.Err))
			} else {
				yield(dataRow{}, fmt.Errorf("%s: %v", path, err))
			}
			return
		}
		line, _ := cr.FieldPos(0)
		row, ok, err := t.add(rec, fmt.Sprintf("%s:%d", path, line))
		if err != nil {
			yield(dataRow{}, err)
			return
		}
		if ok && !yield(row, nil) {
			return
		}
	}
	t.finish(yield)
}

func firstLine(b []byte) []byte {
	l, _, _ := bytes.Cut(b, []byte("\n"))
	return l
}

func xlsxRows(r io.Reader, path, sheet string, yield func(dataRow, error) bool) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		yield(dataRow{}, fmt.Errorf("%s: %v", path, err))
		return
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetName(f.GetActiveSheetIndex())
	} else if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		yield(dataRow{}, fmt.Errorf("%s: no sheet %q (have %s)", path, sheet, strings.Join(f.GetSheetList(), ", ")))
		return
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		yield(dataRow{}, fmt.Errorf("%s: %v", path, err))
		return
	}
	defer rows.Close()
	t := &table{path: path}
	for n := 1; !t.ended && rows.Next(); n++ {
		rec, err := rows.Columns()
		where := fmt.Sprintf("%s: %s row %d", path, sheet, n)
		if err != nil {
			yield(dataRow{}, fmt.Errorf("%s: %v", where, err))
			return
		}
		row, ok, err := t.add(rec, where)
		if err != nil {
			yield(dataRow{}, err)
			return
		}
		if ok && !yield(row, nil) {
			return
		}
	}
	if err := rows.Error(); err != nil {
		yield(dataRow{}, fmt.Errorf("%s: %v", path, err))
		return
	}
	t.finish(yield)
}

// jsonRows streams an array of objects; numbers stay exact (json.Number).
func jsonRows(r io.Reader, path string, yield func(dataRow, error) bool) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		br.Discard(3)
	}
	dec := json.NewDecoder(br)
	dec.UseNumber()
	fail := func(i int, err error) {
		yield(dataRow{}, fmt.Errorf("%s: row %d: %v", path, i+1, err))
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		yield(dataRow{}, fmt.Errorf("%s: want an array of objects, one per row", path))
		return
	}
	for i := 0; dec.More(); i++ {
		if i >= maxRows {
			fail(i, fmt.Errorf("more than %d rows", maxRows))
			return
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			fail(i, err)
			return
		}
		if len(raw) > maxJSONRow {
			fail(i, fmt.Errorf("a row of %d bytes, more than %d", len(raw), maxJSONRow))
			return
		}
		var m map[string]any
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		if err := d.Decode(&m); err != nil || m == nil {
			fail(i, errors.New("want an object of fields"))
			return
		}
		if !yield(dataRow{Index: i, Where: fmt.Sprintf("%s: row %d", path, i+1), Fields: m}, nil) {
			return
		}
	}
	if _, err := dec.Token(); err != nil {
		yield(dataRow{}, fmt.Errorf("%s: %v", path, err))
	}
}
