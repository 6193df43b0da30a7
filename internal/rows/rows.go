// Package rows reads the rows file of a mail merge — a CSV, JSON or XLSX
// table of one record per document — whole and once, with every bound
// enforced while reading: a hostile or mistaken file fails with an error
// naming its row or cell, never with memory or time running out. Reading
// the file once makes the rows a snapshot: a file changed while the
// documents are written cannot change or shift them.
package rows

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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
type Row struct {
	Index  int    // 0-based among the data rows
	Where  string // "units.xlsx: Sheet1 row 5", "units.csv:5", "units.json: row 3"
	Fields map[string]any
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
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	if st.Size() > MaxBytes {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, MaxBytes>>20)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if sheet != "" && ext != ".xlsx" && ext != ".xlsm" {
		return nil, fmt.Errorf("%s: --sheet names a workbook's sheet; a %s file has none", name, strings.TrimPrefix(ext, "."))
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
	return nil, fmt.Errorf("%s: unknown file type (want .xlsx, .csv or .json)", name)
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
	name   string
	header []string
	rows   []Row
	ended  bool
}

// add takes one record at where; rec may be reused by the caller.
func (t *table) add(rec []string, where string) error {
	if len(rec) > MaxColumns {
		return fmt.Errorf("%s: %d columns, more than %d", where, len(rec), MaxColumns)
	}
	cells := make([]string, len(rec))
	nonEmpty := 0
	for i, c := range rec {
		if err := checkCell(c); err != nil {
			return fmt.Errorf("%s, column %d: %v", where, i+1, err)
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
		return t.setHeader(cells, where)
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
		return fmt.Errorf("%s: more than %d rows", where, MaxRows)
	}
	fields := make(map[string]any, len(t.header))
	for i, h := range t.header {
		if h == "" {
			continue
		}
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		fields[h] = v
	}
	for i := len(t.header); i < len(cells); i++ {
		if cells[i] != "" {
			return fmt.Errorf("%s, column %d: a value under no header", where, i+1)
		}
	}
	t.rows = append(t.rows, Row{Index: len(t.rows), Where: where, Fields: fields})
	return nil
}

func (t *table) setHeader(cells []string, where string) error {
	seen := map[string]int{}
	for i, h := range cells {
		if h == "" {
			continue
		}
		if err := CheckKey(h); err != nil {
			return fmt.Errorf("%s, column %d: %v", where, i+1, err)
		}
		if j, dup := seen[h]; dup {
			return fmt.Errorf("%s: column %d repeats the header %q of column %d", where, i+1, h, j+1)
		}
		seen[h] = i
	}
	t.header = cells
	return nil
}

func (t *table) finish() ([]Row, error) {
	if t.header == nil {
		return nil, fmt.Errorf("%s: no header row (a row of two or more column names)", t.name)
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
