// Package rows reads the rows file of a mail merge — a CSV, JSON or XLSX
// table of one record per document — whole and once, with every bound
// enforced while reading: a hostile or mistaken file fails with an error
// naming its row or cell, never with memory or time running out. Reading
// the file once makes the rows a snapshot: a file changed while the
// documents are written cannot change or shift them.
package rows

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
)

// Limits on a rows file. Each holds while the file is read, not after.
const (
	MaxBytes     = 256 << 20 // the file
	MaxRows      = 1_000_000
	MaxColumns   = 256
	MaxCellBytes = 32 << 10 // one cell, or one JSON value
	MaxJSONRow   = 1 << 20  // one JSON row's text
	MaxDepth     = 32       // levels of a field name "A.B.C" or of JSON nesting
	// maxRecordBytes bounds one CSV record as read: every column full.
	maxRecordBytes = MaxColumns * (MaxCellBytes + 3)
)

// Row is one data row: its fields by name, and where it is, for messages.
// Every error of reading a file is a *coverage.RowError naming the file,
// and the row and column when there is one.
type Row struct {
	Index int // 0-based among the data rows
	// Fields are a JSON row's fields (or those of a row made by hand).
	// A CSV or workbook row keeps its cells by column instead, a few
	// bytes each where a map per row took half a kilobyte: nil. Read a
	// row's fields with Field and Sorted, which serve both.
	Fields map[string]any
	// Line is the row in the file (1-based): the worksheet row, the CSV
	// line, the JSON array's element.
	Line int
	// cols is the file's name and sheet and, for a table, its columns:
	// shared by the file's rows.
	cols *columns
	// text is a table's row's cells, one after the other, and at where
	// their ends are in cols.ends: one string and a few bytes a cell,
	// where a string a cell took 16 bytes more and kept the file's
	// record besides.
	text string
	at   int
}

// Where is the row's place as a *coverage.RowError names it:
// `units.xlsx: sheet "Sheet1": row 5`, "units.csv: row 5", "units.json:
// row 3". It is made when asked, for a message, not kept for every row.
func (r *Row) Where() string {
	return r.place().Place()
}

// MapRow is a row of fields by name (as a JSON file's), the index-th of
// the file, at its line.
func MapRow(index int, file string, line int, fields map[string]any) Row {
	return Row{Index: index, Fields: fields, Line: line, cols: &columns{file: file}}
}

// place is r's place, as a *coverage.RowError without its Err.
func (r *Row) place() *coverage.RowError {
	e := &coverage.RowError{Row: r.Line}
	if r.cols != nil {
		e.File, e.Sheet = r.cols.file, r.cols.sheet
	}
	return e
}

// isTable reports whether r is a table's row, its cells in text.
func (r *Row) isTable() bool { return r.cols != nil && r.cols.header != nil }

// columns are what a file's rows share: its name and a workbook's sheet
// and, for a table, its header: its column names by 0-based column (""
// for a column without one), the named columns in name order, and the
// ends of its rows' cells in their text, len(header) a row.
type columns struct {
	file, sheet string
	header      []string
	sorted      []int
	ends        []uint32
}

// cell is the text of r's cell in column i (0-based), of a table's row.
func (r *Row) cell(i int) string {
	start := uint32(0)
	if i > 0 {
		start = r.cols.ends[r.at+i-1]
	}
	return r.text[start:r.cols.ends[r.at+i]]
}

func newColumns(header []string) *columns {
	c := &columns{header: header}
	for i, h := range header {
		if h != "" {
			c.sorted = append(c.sorted, i)
		}
	}
	slices.SortFunc(c.sorted, func(a, b int) int { return strings.Compare(header[a], header[b]) })
	return c
}

// Field returns the row's field k: a table's cell (text, "" when empty)
// or a JSON row's value; ok is false when the row has no field k.
func (r *Row) Field(k string) (v any, ok bool) {
	if !r.isTable() {
		v, ok = r.Fields[k]
		return v, ok
	}
	for i, h := range r.cols.header {
		if h == k && k != "" {
			return r.cell(i), true
		}
	}
	return nil, false
}

// Len is the number of the row's fields.
func (r *Row) Len() int {
	if !r.isTable() {
		return len(r.Fields)
	}
	return len(r.cols.sorted)
}

// Sorted yields the row's fields in the order of their names.
func (r *Row) Sorted() iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		if !r.isTable() {
			for _, k := range slices.Sorted(maps.Keys(r.Fields)) {
				if !yield(k, r.Fields[k]) {
					return
				}
			}
			return
		}
		for _, i := range r.cols.sorted {
			if !yield(r.cols.header[i], r.cell(i)) {
				return
			}
		}
	}
}

// Err returns err, a problem of the document made from r, as a
// *coverage.RowError at r's row. When err names a data field (a
// *bhytdoc.FieldError, as a template's error unwraps to) that is one of
// r's columns, the error names the column too.
func (r *Row) Err(err error) *coverage.RowError {
	var field string
	if fe := (*bhytdoc.FieldError)(nil); errors.As(err, &fe) {
		field = fe.Field
	}
	e := r.At(field)
	e.Err = err
	return e
}

// At returns the place of the data field ("NguoiKy.HoTen", as a
// template's error or a *bhytdoc.FieldError names it) in r's file, as a
// *coverage.RowError without its Err: the row, and the column when one
// of r's columns holds the field.
func (r *Row) At(field string) *coverage.RowError {
	e := r.place()
	e.Col, e.Column = r.column(field)
	return e
}

// column returns the 1-based column and the name of r's column that holds
// the data field f ("NguoiKy.HoTen", "DonVi[2].Ten", ".Ten"): a column
// named f or one of its parents. It returns 0 and "" when none does; the
// column is 0 with the name for a JSON row.
func (r *Row) column(f string) (int, string) {
	f = strings.TrimPrefix(f, ".")
	for f != "" {
		if r.isTable() {
			for i, h := range r.cols.header {
				if h == f {
					return i + 1, h
				}
			}
		} else if _, ok := r.Fields[f]; ok {
			return 0, f
		}
		i := strings.LastIndexAny(f, ".[")
		if i < 0 {
			break
		}
		f = f[:i]
	}
	return 0, ""
}

// Table is the rows of a file, read at once.
type Table struct {
	Rows []Row
	// Sheet is the worksheet read, for a workbook.
	Sheet string
	// Sheets is the number of worksheets of a workbook.
	Sheets int
}

// ReadFile reads the rows of the file f, whose name (for messages and
// its type, by extension) is name: .csv or .txt, .json, .xlsx or .xlsm.
// sheet names a workbook's sheet; "" reads the sheet it opens on (the
// first visible one when its active tab is hidden). f must be a regular
// file; it is read once.
func ReadFile(f *os.File, name, sheet string) (*Table, error) {
	st, err := f.Stat()
	if err != nil {
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			err = pe.Err // the path is name
		}
		return nil, fileErr(name, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fileErr(name, errors.New("not a regular file"))
	}
	if st.Size() > MaxBytes {
		return nil, fileErr(name, errTooLarge)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if sheet != "" && ext != ".xlsx" && ext != ".xlsm" {
		return nil, fileErr(name, fmt.Errorf("--sheet names a workbook's sheet; a %s file has none", strings.TrimPrefix(ext, ".")))
	}
	switch ext {
	case ".csv", ".txt":
		rs, err := ReadCSV(f, name)
		return &Table{Rows: rs}, err
	case ".json":
		rs, err := ReadJSON(f, name)
		return &Table{Rows: rs}, err
	case ".xlsx", ".xlsm":
		return ReadXLSX(f, st.Size(), name, sheet)
	}
	return nil, fileErr(name, errors.New("unknown file type (want .xlsx, .csv or .json)"))
}

// fileErr is a problem of the file name as a whole.
func fileErr(name string, err error) *coverage.RowError {
	return &coverage.RowError{File: name, Err: err}
}

// capped reads at most limit bytes from r in all and fails, rather than
// stops, past them; reset starts a new count (per record, per row).
type capped struct {
	r        io.Reader
	n, limit int64
	err      func() error
}

func (c *capped) Read(b []byte) (int, error) {
	if c.n > c.limit {
		return 0, c.err()
	}
	if room := c.limit - c.n + 1; int64(len(b)) > room {
		b = b[:room]
	}
	n, err := c.r.Read(b)
	c.n += int64(n)
	if c.n > c.limit {
		return 0, c.err()
	}
	return n, err
}

// table turns a stream of string records into rows with the header's
// keys.
type table struct {
	name, sheet string
	header      []string
	cols        *columns
	scratch     []string // a record's cells, reused
	rows        []Row
	ended       bool
}

// errAt is a problem at the 1-based line and column (0: none) of the
// file.
func (t *table) errAt(line, col int, err error) *coverage.RowError {
	e := &coverage.RowError{File: t.name, Sheet: t.sheet, Row: line, Col: col, Err: err}
	if col > 0 && col <= len(t.header) {
		e.Column = t.header[col-1]
	}
	return e
}

// add takes one record at the 1-based line; rec may be reused by the
// caller.
func (t *table) add(rec []string, line int) error {
	if len(rec) > MaxColumns {
		return t.errAt(line, 0, fmt.Errorf("%d columns, more than %d", len(rec), MaxColumns))
	}
	var cells []string
	if t.header == nil {
		cells = make([]string, len(rec)) // may be kept as the header
	} else {
		t.scratch = slices.Grow(t.scratch[:0], len(rec))[:len(rec)]
		cells = t.scratch
	}
	nonEmpty := 0
	for i, c := range rec {
		if err := checkCell(c); err != nil {
			return t.errAt(line, i+1, err)
		}
		cells[i] = norm.NFC.String(strings.TrimSpace(c))
		if cells[i] != "" {
			nonEmpty++
		}
	}
	if t.header == nil {
		if nonEmpty < 2 {
			return nil // a title row
		}
		return t.setHeader(cells, line)
	}
	if nonEmpty == 0 {
		return nil
	}
	for _, c := range cells {
		if l := strings.ToLower(c); l == "cộng" || l == "tổng cộng" || l == "tổng số" {
			t.ended = true
			return nil
		}
	}
	if len(t.rows) >= MaxRows {
		return t.errAt(line, 0, fmt.Errorf("more than %d rows", MaxRows))
	}
	for i := len(t.header); i < len(cells); i++ {
		if cells[i] != "" {
			return t.errAt(line, i+1, errors.New("a value under no header"))
		}
	}
	// One cell a column: a short record's missing cells are empty.
	n := 0
	for _, c := range cells[:min(len(cells), len(t.header))] {
		n += len(c)
	}
	var text strings.Builder
	text.Grow(n)
	at := len(t.cols.ends)
	for i := range t.header {
		if i < len(cells) {
			text.WriteString(cells[i])
		}
		t.cols.ends = append(t.cols.ends, uint32(text.Len()))
	}
	t.rows = append(t.rows, Row{Index: len(t.rows),
		Line: line, cols: t.cols, text: text.String(), at: at})
	return nil
}

func (t *table) setHeader(cells []string, line int) error {
	seen := map[string]int{}
	for i, h := range cells {
		if h == "" {
			continue
		}
		if err := CheckKey(h); err != nil {
			return t.errAt(line, i+1, err)
		}
		if j, dup := seen[h]; dup {
			return t.errAt(line, i+1, fmt.Errorf("repeats the header %q of column %d", h, j+1))
		}
		seen[h] = i
	}
	t.header = cells
	t.cols = newColumns(cells)
	t.cols.file, t.cols.sheet = t.name, t.sheet
	return nil
}

func (t *table) finish() ([]Row, error) {
	if t.header == nil {
		return nil, &coverage.RowError{File: t.name, Sheet: t.sheet, Err: errors.New("no header row (a row of two or more column names)")}
	}
	return t.rows, nil
}

// checkCell refuses a cell that is too long or not UTF-8 text.
func checkCell(c string) error {
	if len(c) > MaxCellBytes {
		return fmt.Errorf("a cell of %d bytes, more than %d", len(c), MaxCellBytes)
	}
	if !utf8.ValidString(c) {
		return fmt.Errorf("not UTF-8 text")
	}
	return nil
}

// CheckKey refuses a field name nested deeper than MaxDepth levels
// ("A.B.C" is three) or with an empty level.
func CheckKey(k string) error {
	if n := strings.Count(k, ".") + 1; n > MaxDepth {
		return fmt.Errorf("the field name %s has %d levels, more than %d", excerpt.Quote(k), n, MaxDepth)
	}
	for _, p := range strings.Split(k, ".") {
		if p == "" {
			return fmt.Errorf("the field name %s has an empty level", excerpt.Quote(k))
		}
	}
	return nil
}
