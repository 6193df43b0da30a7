package coverage

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/bhytdoc/bhytdoc/internal/vncsv"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
)

// RowError is a problem at a place in a file of rows: a units or annex
// workbook or CSV file read here, the rows file of a mail merge (CSV,
// JSON or workbook), or the document a merge makes from one of its rows.
// Every error about a row or cell of such a file is one, or wraps one
// (errors.As finds it), and names the file once.
type RowError struct {
	File  string // the file's name as given
	Sheet string // workbooks only
	// Row is 1-based: the worksheet's row, the CSV file's line, the JSON
	// array's element; 0 when the problem is not about one row.
	Row int
	// Col is the 1-based column; 0 when the problem is not about one, or
	// for a JSON row, whose fields have no order.
	Col int
	// Column is the column's header — for a JSON row, the field's name —
	// when known.
	Column string
	Err    error // the problem itself
}

// Error returns the place and the problem on one line:
// `data.xlsx: sheet "Sheet1": row 5, column C (Dân số): …`.
func (e *RowError) Error() string {
	return e.Place() + ": " + e.Err.Error()
}

// Place returns where the problem is, without the problem: the file, then
// as much as is known of `sheet "Sheet1"`, `row 5`, `column C` (a CSV
// file's columns are numbered, `column 3`) and the header, `(Dân số)`; a
// column known only by its header is `field Dân số`.
func (e *RowError) Place() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %s", excerpt.Quote(e.Sheet))
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, ": row %d", e.Row)
	}
	sep := ", "
	if e.Row == 0 {
		sep = ": "
	}
	switch {
	case e.Col > 0:
		if e.Sheet != "" {
			fmt.Fprintf(&b, "%scolumn %s", sep, xlsx.ColName(e.Col-1))
		} else {
			fmt.Fprintf(&b, "%scolumn %d", sep, e.Col)
		}
		if e.Column != "" {
			fmt.Fprintf(&b, " (%s)", excerpt.Trim(e.Column))
		}
	case e.Column != "":
		fmt.Fprintf(&b, "%sfield %s", sep, excerpt.Trim(e.Column))
	}
	return b.String()
}

// Unwrap returns the problem itself.
func (e *RowError) Unwrap() error { return e.Err }

// cell is one input cell: its text as typed (numbers from workbooks
// already written the Vietnamese way) and, for a workbook number, the
// stored value.
type cell struct {
	text   string
	num    float64
	isNum  bool
	isPct  bool // a workbook number shown as a percentage: num is a fraction
	isDate bool
}

// source is a read grid, CSV or worksheet.
type source struct {
	file, sheet string
	rows        [][]cell
	merges      []xlsx.Range
}

func (s *source) at(r, c int) cell {
	if r < 0 || r >= len(s.rows) || c < 0 || c >= len(s.rows[r]) {
		return cell{}
	}
	return s.rows[r][c]
}

func (s *source) errAt(r, c int, column string, err error) *RowError {
	return &RowError{File: s.file, Sheet: s.sheet, Row: r + 1, Col: c + 1, Column: column, Err: err}
}

// maxErrors caps the problems reported for one file.
const maxErrors = 50

type errList struct {
	errs []error
	more int
}

func (l *errList) add(err error) {
	if len(l.errs) < maxErrors {
		l.errs = append(l.errs, err)
	} else {
		l.more++
	}
}

func (l *errList) err() error {
	errs := l.errs
	if l.more > 0 {
		errs = append(errs[:len(errs):len(errs)], fmt.Errorf("… and %d more problems", l.more))
	}
	return errors.Join(errs...)
}

// readCSVSource reads a CSV file: UTF-8 with or without a byte-order
// mark, fields separated by "," or, when the first line has more of them,
// ";" (what spreadsheets write where "," is the decimal comma). The file
// is streamed; one longer than MaxInputBytes, or with more cells than a
// worksheet may hold, is an error.
func readCSVSource(r io.Reader, name string) (*source, error) {
	return readCSVLimit(r, name, MaxInputBytes)
}

func readCSVLimit(r io.Reader, name string, limit int64) (*source, error) {
	br := bufio.NewReaderSize(&capped{r: r, left: limit, limit: limit}, 64<<10)
	cr := vncsv.NewReader(br)
	src := &source{file: name}
	cells := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if tl := (*errTooLarge)(nil); errors.As(pe.Err, &tl) {
					return nil, &RowError{File: name, Err: pe.Err}
				}
				return nil, &RowError{File: name, Row: pe.Line, Err: pe.Err}
			}
			return nil, &RowError{File: name, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if cells += len(rec); cells > xlsx.MaxCells {
			return nil, &RowError{File: name, Row: line, Err: fmt.Errorf("more than %d cells", xlsx.MaxCells)}
		}
		row := make([]cell, len(rec))
		for i, f := range rec {
			if !utf8.ValidString(f) {
				return nil, &RowError{File: name, Row: line, Err: errors.New("not UTF-8 text (save the file as CSV UTF-8)")}
			}
			row[i] = cell{text: strings.TrimSpace(f)}
		}
		src.rows = append(src.rows, row)
	}
	return src, nil
}

// errTooLarge reports an input longer than its limit.
type errTooLarge struct{ limit int64 }

func (e *errTooLarge) Error() string { return fmt.Sprintf("larger than %d MiB", e.limit>>20) }

// capped reads at most left bytes and fails, rather than stops, after.
type capped struct {
	r           io.Reader
	left, limit int64
}

func (c *capped) Read(b []byte) (int, error) {
	if c.left < 0 {
		return 0, &errTooLarge{c.limit}
	}
	if int64(len(b)) > c.left+1 {
		b = b[:c.left+1]
	}
	n, err := c.r.Read(b)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, &errTooLarge{c.limit}
	}
	return n, err
}

// MaxInputBytes bounds the input a reader takes: a longer CSV file or
// workbook is an error, never silently cut short.
const MaxInputBytes = 256 << 20

// openWorkbook opens the workbook in r, reading it into memory unless r
// can be read at random (a file, a bytes.Reader).
func openWorkbook(r io.Reader, name string) (*xlsx.Workbook, error) {
	var ra io.ReaderAt
	var size int64
	switch x := r.(type) {
	case *bytes.Reader:
		ra, size = x, x.Size()
	case interface {
		io.ReaderAt
		Stat() (fs.FileInfo, error)
	}:
		st, err := x.Stat()
		if err != nil {
			return nil, &RowError{File: name, Err: err}
		}
		ra, size = x, st.Size()
	default:
		b, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
		if err != nil {
			return nil, &RowError{File: name, Err: err}
		}
		ra, size = bytes.NewReader(b), int64(len(b))
	}
	if size > MaxInputBytes {
		return nil, &RowError{File: name, Err: &errTooLarge{MaxInputBytes}}
	}
	wb, err := xlsx.Open(ra, size)
	if err != nil {
		return nil, &RowError{File: name, Err: err}
	}
	return wb, nil
}

// pickSheet returns the index of the sheet named sheet or, when sheet is
// "", of the sheet the workbook opens on.
func pickSheet(wb *xlsx.Workbook, name, sheet string) (int, error) {
	if sheet != "" {
		i := wb.Lookup(sheet)
		if i < 0 {
			// A workbook may have thousands of sheets: name a few.
			var names []string
			for i, s := range wb.Sheets() {
				if i == 10 {
					names = append(names, fmt.Sprintf("… %d in all", len(wb.Sheets())))
					break
				}
				names = append(names, excerpt.Quote(s.Name))
			}
			return 0, &RowError{File: name, Err: fmt.Errorf("no sheet %s (have %s)", excerpt.Quote(sheet), strings.Join(names, ", "))}
		}
		return i, nil
	}
	i := wb.Active()
	if i < 0 {
		return 0, &RowError{File: name, Err: errors.New("every sheet is hidden: name the one to read")}
	}
	return i, nil
}

// readXLSXSource streams worksheet i of wb into a source. A formula
// without a cached result is an error naming its cell: it is never
// computed.
func readXLSXSource(wb *xlsx.Workbook, i int, name string) (_ *source, err error) {
	// The file may come from anywhere; should the reader panic on a
	// malformed one, the caller still gets an error.
	defer func() {
		if p := recover(); p != nil {
			err = &RowError{File: name, Err: fmt.Errorf("malformed workbook: %v", p)}
		}
	}()
	src := &source{file: name, sheet: wb.Sheets()[i].Name}
	var errs errList
	merges, err := wb.Rows(i, func(r int, vals []xlsx.Value) error {
		for len(src.rows) < r {
			src.rows = append(src.rows, nil)
		}
		row := make([]cell, len(vals))
		for c, v := range vals {
			if v.Uncached {
				errs.add(src.errAt(r, c, "", fmt.Errorf("formula =%s has no computed value: open the workbook in a spreadsheet program and save it, or type the value", excerpt.Trim(v.Formula))))
				continue
			}
			row[c] = xlsxCell(v)
		}
		src.rows = append(src.rows, row)
		return nil
	})
	if err != nil {
		return nil, &RowError{File: name, Sheet: src.sheet, Err: err}
	}
	if len(errs.errs) > 0 {
		return nil, errs.err()
	}
	src.merges = merges
	return src, nil
}

// xlsxCell converts a workbook value. Numbers become Vietnamese text with
// the decimals the cell shows, so that "98.8" under a 0.0 format reads
// as "98,8" and is checked at one decimal.
func xlsxCell(v xlsx.Value) cell {
	if !v.Number {
		return cell{text: strings.TrimSpace(v.Text)}
	}
	f, err := parseNumber(v.Text)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return cell{text: strings.TrimSpace(v.Text)}
	}
	c := cell{num: f, isNum: true, isPct: v.Format.Percent, isDate: v.Format.Date}
	val := f
	if c.isPct {
		val = f * 100
	}
	dec := max(v.Format.Decimals, 0)
	if dec == 0 && val != math.Trunc(val) {
		// A fraction the format hides, or the General format: show it
		// rather than let a count of 10125.4 pass as 10.125.
		s := strconv.FormatFloat(val, 'f', -1, 64)
		_, frac, _ := strings.Cut(s, ".")
		dec = len(frac)
	}
	dec = min(dec, MaxPrecision)
	if dec == 0 && math.Abs(val) < 1e15 {
		c.text = typo.Int(int64(math.Round(val)))
	} else {
		c.text = typo.Decimal(val, dec)
	}
	if c.isPct {
		c.text += "%"
	}
	return c
}

// parseNumber is strconv.ParseFloat of a stored number, without its
// general parse for a count of up to 15 digits, which a double holds
// exactly: most numbers of a units workbook.
func parseNumber(s string) (float64, error) {
	if s == "" || len(s) > 15 {
		return strconv.ParseFloat(s, 64)
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return strconv.ParseFloat(s, 64)
		}
		n = n*10 + int64(s[i]-'0')
	}
	return float64(n), nil
}

// baseCol is a baseline input column.
type baseCol int

const (
	bOther baseCol = iota
	bSTT
	bName
	bKind
	bCode
	bPart
	bNon
	bPop
	bRate
	bDate
	bGrowth
	bTarget
)

var reTargetHeader = lazyre.New(`^(?:chỉ tiêu|target)\s+(?:đến\s+)?(?:ngày\s+)?(\S+)$`)

func classifyBase(h string) (baseCol, string) {
	t := fold(h)
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(t, s) {
				return true
			}
		}
		return false
	}
	if m := reTargetHeader.FindStringSubmatch(t); m != nil {
		return bTarget, m[1]
	}
	switch {
	case t == "":
		return bOther, ""
	case t == "stt" || t == "tt" || t == "số tt" || t == "số thứ tự":
		return bSTT, ""
	case has("tăng dân số", "tốc độ tăng", "growth"):
		return bGrowth, ""
	case has("chưa tham gia", "chưa có thẻ", "non-participants", "nonparticipants", "not participating"):
		return bNon, ""
	case has("tỷ lệ", "tỉ lệ", "rate", "(%)"):
		return bRate, ""
	case has("dân số", "population"):
		return bPop, ""
	case has("tham gia", "có thẻ", "participants"):
		return bPart, ""
	case has("loại", "kind", "cấp"):
		return bKind, ""
	case has("mã", "code"):
		return bCode, ""
	case t == "ngày" || t == "date" || has("ngày số liệu", "thời điểm", "ngày thống kê"):
		return bDate, ""
	case has("đơn vị", "tên", "xã", "phường", "thị trấn", "name", "unit", "địa bàn"):
		return bName, ""
	}
	return bOther, ""
}

// UnitsColumn reports whether h is a header ReadCSV and ReadXLSX read: STT,
// the unit's name, code or kind, its population, participants,
// non-participants, rate, growth, date, or a target column. A merge whose
// rows are the units table passes these columns over.
func UnitsColumn(h string) bool {
	c, _ := classifyBase(h)
	return c != bOther
}

// ReadCSV reads baselines from CSV: a header row (title rows above it are
// skipped), then a row per unit. See ReadXLSX for the columns. name is
// used in errors.
func ReadCSV(r io.Reader, name string) ([]Baseline, error) {
	src, err := readCSVSource(r, name)
	if err != nil {
		return nil, err
	}
	return src.baselines()
}

// ReadXLSX reads baselines from the worksheet a workbook opens on (its
// active tab, when visible): a header row with a population column, then
// a row per unit. Formulas are read by their cached results; one without
// (a workbook written by a program that does not compute) is an error
// naming its cell. The header names the
// columns, in any order, in Vietnamese or English:
//
//	đơn vị / tên / xã, phường / name     the unit, required ("Phường Lê Bình")
//	số người tham gia BHYT / participants required
//	dân số / population                  required
//	loại / kind                          xã, phường, thị trấn
//	mã / code                            administrative code
//	ngày / date                          date of the counts (2019-12-31, 31/12/2019)
//	tỷ lệ tăng dân số / growth           yearly population growth, % ("1,2")
//	chỉ tiêu 30/6/2020 / target 2020-06-30   the unit's own target for that milestone, %
//	số người chưa tham gia / non-participants, tỷ lệ / rate
//	                                     optional; checked against the counts
//
// Other columns (STT, notes) are ignored. Counts may be numbers or text
// written the Vietnamese way ("10.125"). A last row "Cộng" is checked
// against the sums and not read as a unit. Every problem is reported, up
// to 50, each naming the file, sheet, row and column.
func ReadXLSX(r io.Reader, name string) ([]Baseline, error) {
	bs, _, err := ReadXLSXSheet(r, name, "")
	return bs, err
}

// ReadXLSXSheet is ReadXLSX for the worksheet named sheet or, when sheet
// is "", the one the workbook opens on (its active tab, when visible; a
// hidden sheet is read only when named). It returns the name of the
// sheet read.
func ReadXLSXSheet(r io.Reader, name, sheet string) ([]Baseline, string, error) {
	wb, err := openWorkbook(r, name)
	if err != nil {
		return nil, "", err
	}
	i, err := pickSheet(wb, name, sheet)
	if err != nil {
		return nil, "", err
	}
	src, err := readXLSXSource(wb, i, name)
	if err != nil {
		return nil, "", err
	}
	bs, err := src.baselines()
	return bs, src.sheet, err
}

// findBaseHeader returns the header row: the first of the top 30 rows
// with a population column and at least one other recognised column.
func (s *source) findBaseHeader() (int, bool) {
	for r := 0; r < len(s.rows) && r < 30; r++ {
		var pop, other bool
		for c := range s.rows[r] {
			switch k, _ := classifyBase(s.rows[r][c].text); k {
			case bPop:
				pop = true
			case bOther:
			default:
				other = true
			}
		}
		if pop && other {
			return r, true
		}
	}
	return 0, false
}

func (s *source) baselines() ([]Baseline, error) {
	hr, ok := s.findBaseHeader()
	if !ok {
		return nil, &RowError{File: s.file, Sheet: s.sheet,
			Err: errors.New("no header row with a population (Dân số) column in the first 30 rows")}
	}
	cols := map[baseCol]int{}
	headers := map[int]string{}
	targets := map[int]bhytdoc.Date{}
	var errs errList
	for c, h := range s.rows[hr] {
		k, arg := classifyBase(h.text)
		headers[c] = typo.OneLine(h.text)
		switch k {
		case bOther, bSTT:
			continue
		case bTarget:
			d, err := ParseDate(arg)
			if err != nil {
				errs.add(s.errAt(hr, c, headers[c], err))
				continue
			}
			targets[c] = d
			continue
		}
		if prev, dup := cols[k]; dup {
			errs.add(s.errAt(hr, c, headers[c], fmt.Errorf("a second %s column (the first is %s)", baseName[k], headers[prev])))
			continue
		}
		cols[k] = c
	}
	missing := false
	for _, k := range []baseCol{bName, bPart, bPop} {
		if _, ok := cols[k]; !ok {
			errs.add(&RowError{File: s.file, Sheet: s.sheet, Row: hr + 1, Err: fmt.Errorf("no %s column", baseName[k])})
			missing = true
		}
	}
	if missing {
		return nil, errs.err()
	}
	targetCols := make([]int, 0, len(targets))
	for c := range targets {
		targetCols = append(targetCols, c)
	}
	slices.Sort(targetCols) // report problems left to right
	get := func(r int, k baseCol) (cell, int, bool) {
		c, ok := cols[k]
		if !ok {
			return cell{}, -1, false
		}
		return s.at(r, c), c, true
	}
	// The units end at the totals row, if there is one.
	end, totals := len(s.rows), false
	for r := hr + 1; r < len(s.rows); r++ {
		if !s.blank(r) && isTotalsLabel(typo.OneLine(s.at(r, cols[bName]).text)) {
			end, totals = r, true
			break
		}
	}
	// convert turns rows lo to hi into pt's baselines, their sum and
	// problems. A long table is converted in two halves at once.
	type part struct {
		out  []Baseline
		sum  Figures
		errs errList
	}
	convert := func(lo, hi int, pt *part) {
		if pt.out == nil {
			pt.out = make([]Baseline, 0, hi-lo)
		}
		// Units mostly share their date: its text is parsed once.
		var (
			lastDate    string
			lastD       bhytdoc.Date
			lastDateErr error
		)
		for r := lo; r < hi; r++ {
			if s.blank(r) {
				continue
			}
			nameCell, nc, _ := get(r, bName)
			label := typo.OneLine(nameCell.text)
			var b Baseline
			if label == "" {
				pt.errs.add(s.errAt(r, nc, headers[nc], errors.New("no unit name")))
			}
			b.Unit = ParseUnit(label)
			if kc, c, ok := get(r, bKind); ok && kc.text != "" {
				k, err := ParseUnitKind(kc.text)
				if err != nil {
					pt.errs.add(s.errAt(r, c, headers[c], err))
				} else if k != b.Unit.Kind {
					b.Unit = Unit{Name: label, Kind: k}
				}
			}
			if cc, _, ok := get(r, bCode); ok {
				b.Unit.Code = cc.text
			}
			count := func(k baseCol) (int64, bool) {
				cl, c, ok := get(r, k)
				if !ok {
					return 0, false
				}
				v, err := cl.count()
				if err != nil {
					pt.errs.add(s.errAt(r, c, headers[c], err))
					return 0, false
				}
				return v, true
			}
			var okP, okN bool
			b.Participants, okP = count(bPart)
			b.Population, okN = count(bPop)
			if okP && okN {
				pt.sum = pt.sum.Add(Figures{b.Participants, b.Population})
				if b.Participants > b.Population {
					// Named here, at its row and cell, not later as "unit N".
					_, c, _ := get(r, bPart)
					pt.errs.add(s.errAt(r, c, headers[c], fmt.Errorf("%s participants, above the population %s",
						typo.Int(b.Participants), typo.Int(b.Population))))
				}
			}
			if _, c, ok := get(r, bNon); ok && s.at(r, c).text != "" {
				if non, okNon := count(bNon); okNon && okP && okN && b.Participants+non != b.Population {
					pt.errs.add(s.errAt(r, c, headers[c], fmt.Errorf("%s not yet participating, but population − participants = %s",
						typo.Int(non), typo.Int(b.Population-b.Participants))))
				}
			}
			if rc, c, ok := get(r, bRate); ok && rc.text != "" && okP && okN {
				if err := checkRateCell(rc, Figures{b.Participants, b.Population}); err != nil {
					pt.errs.add(s.errAt(r, c, headers[c], err))
				}
			}
			if dc, c, ok := get(r, bDate); ok && dc.text != "" {
				d, err := lastD, lastDateErr
				if dc.isNum || dc.text != lastDate {
					d, err = dc.date()
					if !dc.isNum {
						lastDate, lastD, lastDateErr = dc.text, d, err
					}
				}
				if err != nil {
					pt.errs.add(s.errAt(r, c, headers[c], err))
				}
				b.Date = d
			}
			if gc, c, ok := get(r, bGrowth); ok && gc.text != "" {
				p, err := gc.percent()
				if err != nil {
					pt.errs.add(s.errAt(r, c, headers[c], err))
				}
				b.Growth = p
			}
			for _, c := range targetCols {
				d := targets[c]
				tc := s.at(r, c)
				if tc.text == "" {
					continue
				}
				p, err := tc.percent()
				if err != nil {
					pt.errs.add(s.errAt(r, c, headers[c], err))
					continue
				}
				if b.Targets == nil {
					b.Targets = map[bhytdoc.Date]Percent{}
				}
				b.Targets[d] = p
			}
			pt.out = append(pt.out, b)
		}
	}
	var parts [2]part
	mid := hr + 1
	if n := end - mid; n >= splitRows {
		mid += n / 2
		parts[0].out = make([]Baseline, 0, n) // room for the second half too
		var wg sync.WaitGroup
		wg.Go(func() { convert(hr+1, mid, &parts[0]) })
		convert(mid, end, &parts[1])
		wg.Wait()
	} else {
		convert(mid, end, &parts[1])
	}
	out := parts[1].out
	if parts[0].out != nil {
		out = append(parts[0].out, out...)
	}
	sum := parts[0].sum.Add(parts[1].sum)
	for _, p := range parts {
		for _, err := range p.errs.errs {
			errs.add(err)
		}
		errs.more += p.errs.more
	}
	if totals {
		s.checkBaseTotals(end, cols, headers, sum, &errs)
	}
	if len(out) == 0 && len(errs.errs) == 0 {
		errs.add(&RowError{File: s.file, Sheet: s.sheet, Row: hr + 1, Err: errors.New("no units under the header")})
	}
	if len(errs.errs) > 0 {
		return nil, errs.err()
	}
	return out, nil
}

// splitRows is the number of units from which they are converted in two
// halves at once.
var splitRows = 4096

var baseName = map[baseCol]string{
	bName: "unit name (Đơn vị)", bKind: "kind (Loại)", bCode: "code (Mã)",
	bPart: "participants (Số người tham gia BHYT)", bNon: "non-participants (Số người chưa tham gia BHYT)",
	bPop: "population (Dân số)", bRate: "rate (Tỷ lệ)", bDate: "date (Ngày)", bGrowth: "growth (Tỷ lệ tăng dân số)",
}

func (s *source) blank(r int) bool {
	for _, c := range s.rows[r] {
		if c.text != "" {
			return false
		}
	}
	return true
}

// checkBaseTotals checks a "Cộng" row against the units above it.
func (s *source) checkBaseTotals(r int, cols map[baseCol]int, headers map[int]string, sum Figures, errs *errList) {
	for _, k := range []baseCol{bPart, bPop} {
		c := cols[k]
		want := sum.Participants
		if k == bPop {
			want = sum.Population
		}
		cl := s.at(r, c)
		if cl.text == "" {
			continue
		}
		v, err := cl.count()
		switch {
		case err != nil:
			errs.add(s.errAt(r, c, headers[c], err))
		case v != want:
			errs.add(s.errAt(r, c, headers[c], fmt.Errorf("total %s is not the sum of the units above, %s", typo.Int(v), typo.Int(want))))
		}
	}
}

// count reads a whole, non-negative count.
func (c cell) count() (int64, error) {
	if c.text == "" {
		return 0, errors.New("empty: a count is required")
	}
	var v int64
	if c.isNum {
		if c.isPct || c.num != math.Trunc(c.num) {
			return 0, fmt.Errorf("%s is not a whole number", c.text)
		}
		if math.Abs(c.num) > maxCount {
			return 0, fmt.Errorf("%s is out of range", c.text)
		}
		v = int64(c.num)
	} else {
		n, err := typo.ParseInt(c.text)
		if err != nil {
			return 0, fmt.Errorf("%s is not a whole number written the Vietnamese way (10.125)", excerpt.Quote(c.text))
		}
		if n > maxCount || n < -maxCount {
			return 0, fmt.Errorf("%s is out of range", c.text)
		}
		v = n
	}
	if v < 0 {
		return 0, fmt.Errorf("%s is negative", c.text)
	}
	return v, nil
}

// percent reads a percentage: "1,2", "1.2%", or a workbook number (1.2,
// or 0.012 shown as a percentage).
func (c cell) percent() (Percent, error) {
	return ParsePercent(c.text)
}

// date reads a date cell: a workbook date, "2019-12-31" or "31/12/2019".
func (c cell) date() (bhytdoc.Date, error) {
	if c.isNum {
		if !c.isDate {
			return bhytdoc.Date{}, fmt.Errorf("%s is a number, not a date", c.text)
		}
		t, err := excelDate(c.num)
		if err != nil {
			return bhytdoc.Date{}, err
		}
		return bhytdoc.DateOf(t), nil
	}
	return ParseDate(c.text)
}

// excelDate converts a workbook date serial (1900 date system).
func excelDate(serial float64) (time.Time, error) {
	if serial < 1 || serial > 2958465 {
		return time.Time{}, fmt.Errorf("%v is not a date", serial)
	}
	// Serial 60 is the 1900-02-29 that never was; later serials count
	// from 1899-12-30.
	days := int(math.Floor(serial))
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if days < 61 {
		base = base.AddDate(0, 0, 1)
	}
	return base.AddDate(0, 0, days), nil
}

// checkRateCell checks a stated rate against the counts.
func checkRateCell(c cell, f Figures) error {
	v, dec, err := parseDecimal(c.text, MaxPrecision)
	if err != nil {
		return fmt.Errorf("%s is not a percentage", excerpt.Quote(c.text))
	}
	want, ok := f.Rate().Scaled(dec)
	if !ok {
		return nil
	}
	if want != v {
		return fmt.Errorf("rate %s, but participants / population = %s", c.text, f.Rate().Text(dec))
	}
	return nil
}

// ParseDate parses a date written "2020-06-30" or, the Vietnamese way,
// "30/6/2020" or "30/06/2020" (the rule every date bhytdoc reads follows).
func ParseDate(s string) (bhytdoc.Date, error) {
	yy, mm, dd, ok := typo.ParseDate(s, false)
	if !ok {
		return bhytdoc.Date{}, fmt.Errorf("coverage: %s is not a date (write %s)", excerpt.Quote(s), typo.DateForms)
	}
	if err := typo.ValidDate(yy, mm, dd, false); err != nil {
		return bhytdoc.Date{}, fmt.Errorf("coverage: %s: %w", excerpt.Quote(s), err)
	}
	return bhytdoc.Date{Year: yy, Month: mm, Day: dd}, nil
}
