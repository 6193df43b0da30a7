package coverage

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
)

// AnnexSheet is an annex table read from a file, with the place of each
// cell so that findings can name it.
type AnnexSheet struct {
	File  string // the file's name as given
	Sheet string // workbooks only
	// Title is the text above the table, lines joined by " / ".
	Title string
	// Table holds the cells as text, numbers written the Vietnamese way;
	// the totals row, if any, is in Table.Totals.
	Table bhytdoc.Table

	rows      []int // 0-based source row of each body row
	totalsRow int   // 0-based source row of the totals; -1 when none
	col0      int   // 0-based source column of table column 0
}

// Check is Check(&s.Table) with each Finding's Cell set: "Sheet!F7" for a
// workbook, "F7" for a CSV file (the cell a spreadsheet shows it in).
func (s *AnnexSheet) Check() ([]Finding, error) {
	fs, err := check(&s.Table, func(i, c int) string {
		if s.Sheet != "" {
			return s.Sheet + "!" + s.cell(i, c)
		}
		return s.cell(i, c)
	})
	if err != nil {
		return nil, &RowError{File: s.File, Sheet: s.Sheet, Err: err}
	}
	return fs, nil
}

// cell returns the reference ("F7") of body row i (-1: the totals row)
// and table column c.
func (s *AnnexSheet) cell(i, c int) string {
	r := s.totalsRow
	if i >= 0 && i < len(s.rows) {
		r = s.rows[i]
	}
	return xlsx.Ref(s.col0+c, r+1)
}

// ReadAnnexXLSX reads the annex tables of a workbook, one per visible
// worksheet that has one; worksheets without a recognisable table are
// skipped, and a workbook with none is an error. Hidden worksheets are
// not read: name one with ReadAnnexXLSXSheet to check it. A table is
// found by its header: the first row with an STT, participants,
// non-participants or population column and another filled cell; merged
// cells give the header's spans and depth. A row of column numbers
// ("(1)", "(2)" …) under the header is skipped. The body ends at the
// totals row ("Cộng", "Tổng cộng" …) or at the first blank row. Formulas
// are read by their cached results; one without is an error naming its
// cell.
func ReadAnnexXLSX(r io.Reader, name string) ([]*AnnexSheet, error) {
	wb, err := openWorkbook(r, name)
	if err != nil {
		return nil, err
	}
	var out []*AnnexSheet
	var errs []error
	var hidden []string
	for i, sh := range wb.Sheets() {
		if sh.Hidden {
			hidden = append(hidden, strconv.Quote(sh.Name))
			continue
		}
		src, err := readXLSXSource(wb, i, name)
		if err != nil {
			return nil, err // a cell that cannot be read is never skipped
		}
		a, err := src.annex()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		if len(errs) == 0 {
			errs = append(errs, &RowError{File: name, Err: errors.New("no visible worksheet")})
		}
		if len(hidden) > 0 {
			errs = append(errs, &RowError{File: name, Err: fmt.Errorf("hidden sheets are not read unless named: %s", strings.Join(hidden, ", "))})
		}
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// ReadAnnexXLSXSheet reads the annex table of the worksheet named sheet,
// hidden or not.
func ReadAnnexXLSXSheet(r io.Reader, name, sheet string) (*AnnexSheet, error) {
	wb, err := openWorkbook(r, name)
	if err != nil {
		return nil, err
	}
	i, err := pickSheet(wb, name, sheet)
	if err != nil {
		return nil, err
	}
	src, err := readXLSXSource(wb, i, name)
	if err != nil {
		return nil, err
	}
	return src.annex()
}

// ReadAnnexCSV reads an annex table from CSV, as a spreadsheet exports
// it: a header cell spanning columns is followed by empty cells, one
// spanning rows has empty cells below it.
func ReadAnnexCSV(r io.Reader, name string) (*AnnexSheet, error) {
	src, err := readCSVSource(r, name)
	if err != nil {
		return nil, err
	}
	return src.annex()
}

// Bounds on an annex table read from a file: Decree 30 annexes have
// headers of a few rows and at most a few dozen columns.
const (
	maxHeaderRows = 10
	maxTableCols  = 256
)

var reColumnNumber = lazyre.New(`^\(\s*[0-9]+(?:\s*[-+=x*/:]\s*\(?\s*[0-9]+\s*\)?)*\s*\)$|^[A-Z]$`)

// annex finds the coverage table in s.
func (s *source) annex() (*AnnexSheet, error) { return s.table(false) }

// table finds the table in s: a coverage table or, when generic, any
// table — then, with no STT or coverage column in the first 40 rows, the
// header is the first row with two filled cells, and a table whose
// columns Check does not recognise is kept as it is, its totals row
// recognised by the label in its first or second column.
func (s *source) table(generic bool) (*AnnexSheet, error) {
	fail := func(format string, args ...any) error {
		return &RowError{File: s.file, Sheet: s.sheet, Err: fmt.Errorf(format, args...)}
	}
	top := -1
	for r := 0; r < len(s.rows) && r < 40 && top < 0; r++ {
		filled, known := 0, false
		for _, c := range s.rows[r] {
			if c.text == "" {
				continue
			}
			filled++
			switch classify(c.text) {
			case colSTT, colPart, colNon, colPop:
				known = true
			}
		}
		if known && filled >= 2 {
			top = r
		}
	}
	for r := 0; generic && top < 0 && r < len(s.rows) && r < 40; r++ {
		filled := 0
		for _, c := range s.rows[r] {
			if c.text != "" {
				filled++
			}
		}
		if filled >= 2 {
			top = r
		}
	}
	if top < 0 {
		return nil, fail("no table header (STT, %s, %s …) in the first 40 rows", HeaderParticipants, HeaderPopulation)
	}
	c0 := -1
	for c, v := range s.rows[top] {
		if v.text != "" {
			c0 = c
			break
		}
	}
	merges := s.mergesIn(top, c0)
	// Header depth: to the bottom of merges starting in the top row, then
	// while rows hold only text under an empty STT cell (a second header
	// row in a CSV file).
	bottom := top
	for _, m := range merges {
		if m.R0 == top {
			bottom = max(bottom, m.R1)
		}
	}
	// A merge may reach below the last row that holds anything.
	bottom = min(bottom, len(s.rows)-1)
	for bottom+1 < len(s.rows) && s.at(bottom+1, c0).text == "" && s.textOnly(bottom+1, c0) {
		bottom++
	}
	// Columns: from the first filled header cell to the last filled or
	// merged one of any header row.
	c1 := c0
	for r := top; r <= bottom; r++ {
		for c := c0; c < len(s.rows[r]); c++ {
			if s.rows[r][c].text != "" {
				c1 = max(c1, c)
			}
		}
	}
	for _, m := range merges {
		if m.R0 <= bottom {
			c1 = max(c1, m.C1)
		}
	}
	// A merge reaching far down or right (A3:A1048576) would make a
	// header of a million rows: bound it before laying out its cells.
	if bottom-top+1 > maxHeaderRows {
		return nil, &RowError{File: s.file, Sheet: s.sheet, Row: top + 1, Err: fmt.Errorf("a header of %d rows; at most %d", bottom-top+1, maxHeaderRows)}
	}
	if c1-c0+1 > maxTableCols {
		return nil, &RowError{File: s.file, Sheet: s.sheet, Row: top + 1, Err: fmt.Errorf("a table of %d columns; at most %d", c1-c0+1, maxTableCols)}
	}
	first := bottom + 1
	if first < len(s.rows) && s.numbering(first, c0, c1) {
		first++
	}
	cols := c1 - c0 + 1
	a := &AnnexSheet{File: s.file, Sheet: s.sheet, col0: c0, totalsRow: -1}
	var title []string
	for r := 0; r < top; r++ {
		var parts []string
		for _, c := range s.rows[r] {
			if c.text != "" {
				parts = append(parts, typo.OneLine(c.text))
			}
		}
		if len(parts) > 0 {
			title = append(title, strings.Join(parts, " "))
		}
	}
	a.Title = strings.Join(title, " / ")
	a.Table.Header = s.header(top, bottom, c0, c1, merges)
	for r := first; r < len(s.rows); r++ {
		row := make([]string, cols)
		blank := true
		for c := range cols {
			row[c] = s.at(r, c0+c).text
			blank = blank && row[c] == ""
		}
		if blank {
			if len(a.Table.Rows) > 0 {
				break
			}
			continue
		}
		a.Table.Rows = append(a.Table.Rows, row)
		a.rows = append(a.rows, r)
	}
	n := len(a.Table.Rows)
	if n == 0 {
		return nil, fail("the table under row %d has no rows", top+1)
	}
	// The totals row goes to Table.Totals, where Check expects it.
	isTotals := func(row []string) bool {
		return isTotalsLabel(row[0]) || len(row) > 1 && isTotalsLabel(row[1])
	}
	if l, err := analyse(&a.Table); err == nil {
		isTotals = l.isTotals
	} else if !generic || !errors.Is(err, errNoCoverage) {
		return nil, &RowError{File: s.file, Sheet: s.sheet, Row: top + 1, Err: err}
	}
	if isTotals(a.Table.Rows[n-1]) {
		a.Table.Totals = a.Table.Rows[n-1]
		a.totalsRow = a.rows[n-1]
		a.Table.Rows, a.rows = a.Table.Rows[:n-1], a.rows[:n-1]
	}
	return a, nil
}

// mergesIn returns the merges that start at or below row top and not
// left of column c0.
func (s *source) mergesIn(top, c0 int) []xlsx.Range {
	var out []xlsx.Range
	for _, m := range s.merges {
		if m.R0 >= top && m.C0 >= c0 {
			out = append(out, m)
		}
	}
	return out
}

// textOnly reports whether row r has a filled cell from column c0 on and
// none that is a number, so that it reads as a header row.
func (s *source) textOnly(r, c0 int) bool {
	if s.numbering(r, c0, len(s.rows[r])-1) {
		return false
	}
	filled := false
	for c := c0; c < len(s.rows[r]); c++ {
		v := s.rows[r][c]
		if v.text == "" {
			continue
		}
		filled = true
		if v.isNum || parseCount(v.text).ok {
			return false
		}
	}
	return filled
}

// numbering reports whether row r numbers the columns: "(1) (2) …",
// "A B …", or 1, 2, 3 … in consecutive cells.
func (s *source) numbering(r, c0, c1 int) bool {
	n := 0
	for c := c0; c <= c1; c++ {
		v := s.at(r, c)
		if v.text == "" {
			continue
		}
		n++
		if !reColumnNumber.MatchString(v.text) && strings.TrimSpace(v.text) != fmt.Sprint(c-c0+1) {
			return false
		}
	}
	return n >= 2
}

// header builds the header rows top..bottom over columns c0..c1. Merged
// ranges give spans; without merges (CSV), an empty cell continues the
// cell above it or, in the top row, the cell to its left.
func (s *source) header(top, bottom, c0, c1 int, merges []xlsx.Range) [][]bhytdoc.HeaderCell {
	rows, cols := bottom-top+1, c1-c0+1
	// owner[r][c] is the position, relative to (top, c0), of the cell
	// whose text covers (r, c).
	type pos struct{ r, c int }
	owner := make([][]pos, rows)
	for r := range owner {
		owner[r] = make([]pos, cols)
		for c := range owner[r] {
			owner[r][c] = pos{r, c}
		}
	}
	if len(merges) > 0 {
		for _, m := range merges {
			if m.R0 > bottom || m.C0 > c1 {
				continue
			}
			for r := m.R0; r <= min(m.R1, bottom); r++ {
				for c := m.C0; c <= min(m.C1, c1); c++ {
					owner[r-top][c-c0] = pos{m.R0 - top, m.C0 - c0}
				}
			}
		}
	} else {
		for r := range rows {
			for c := range cols {
				if s.at(top+r, c0+c).text != "" {
					continue
				}
				switch {
				case r > 0:
					owner[r][c] = owner[r-1][c]
				case c > 0:
					owner[r][c] = owner[r][c-1]
				}
			}
		}
	}
	// Emit each owner as the largest rectangle it fully owns; a cell left
	// outside its owner's rectangle becomes a cell of its own, so the
	// header always tiles the grid.
	covered := make([][]bool, rows)
	for r := range covered {
		covered[r] = make([]bool, cols)
	}
	out := make([][]bhytdoc.HeaderCell, rows)
	for r := range rows {
		for c := range cols {
			if covered[r][c] {
				continue
			}
			self := pos{r, c}
			own := owner[r][c] == self
			cs, rs := 1, 1
			if own {
				for c+cs < cols && owner[r][c+cs] == self && !covered[r][c+cs] {
					cs++
				}
			down:
				for r+rs < rows {
					for dc := range cs {
						if owner[r+rs][c+dc] != self {
							break down
						}
					}
					rs++
				}
			}
			for dr := range rs {
				for dc := range cs {
					covered[r+dr][c+dc] = true
				}
			}
			text := ""
			if own {
				text = typo.OneLine(s.at(top+r, c0+c).text)
			}
			out[r] = append(out[r], bhytdoc.HeaderCell{Text: text, ColSpan: cs, RowSpan: rs})
		}
	}
	return out
}
