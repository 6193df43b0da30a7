package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"

	kflate "github.com/klauspost/compress/flate"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
)

// Value is one cell as read.
type Value struct {
	// Text is a text cell's text, or a number cell's stored value
	// ("10125", "0.98837209").
	Text string
	// Number reports whether the cell holds a number (typed, or the
	// cached result of a formula).
	Number bool
	// Format is how the cell's number format shows a number.
	Format NumFormat
	// Formula is the formula, without "=", of a formula cell that has no
	// cached result (Uncached); such a cell has no value and is never
	// computed on reading: evaluating a hostile workbook's formulas
	// would take unbounded time and memory.
	Formula  string
	Uncached bool
}

// NumFormat is what a number format shows of a number.
type NumFormat struct {
	Percent bool // the value × 100, with "%"
	Date    bool // a date or time
	// Decimals is the number of decimals shown; -1 for the General
	// format, which shows as many as the value needs.
	Decimals int
}

var general = NumFormat{Decimals: -1}

// Range is a merged range, 0-based and inclusive.
type Range struct{ R0, C0, R1, C1 int }

// SheetInfo describes a worksheet of a workbook.
type SheetInfo struct {
	Name   string
	Hidden bool // hidden or very hidden: not shown to whoever edits the workbook
	path   string
}

// Limits on what a Workbook unpacks, so a hostile file cannot exhaust
// memory or time.
const (
	// MaxSheetXML bounds the uncompressed XML of the worksheet read; it
	// is streamed, never held whole.
	MaxSheetXML = 1 << 30
	// maxPartXML bounds the other parts (workbook, shared strings,
	// styles), which are held in memory.
	maxPartXML = 64 << 20
	// MaxCells bounds the cells of a worksheet, counting the empty cells
	// left of a filled one; MaxRows bounds its rows.
	MaxCells = 4_000_000
	MaxRows  = 1_048_576 // a spreadsheet's own limit
	maxCols  = 16_384
	// maxMerges bounds the merged ranges of a worksheet.
	maxMerges = 100_000
)

// Workbook is an opened workbook: its sheet list, shared strings and number
// formats. Worksheets are read one at a time, streamed.
type Workbook struct {
	zr      *zip.Reader
	files   map[string]*zip.File
	sheets  []SheetInfo
	active  int
	strings []string
	formats []NumFormat // by cell style (xf) index
}

// Open opens the workbook in r, size bytes long.
func Open(r io.ReaderAt, size int64) (wb *Workbook, err error) {
	if err := checkEntries(r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not an XLSX workbook: %w", err)
	}
	// klauspost's inflater takes half the time of the standard one on a
	// worksheet of 100.000 rows; archive/zip still checks each part's
	// CRC and size.
	zr.RegisterDecompressor(zip.Deflate, newInflater)
	wb = &Workbook{zr: zr, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		wb.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	book := "xl/workbook.xml"
	if rels, err := wb.rels("_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				book = resolve("", r.target)
			}
		}
	}
	if err := wb.readWorkbook(book); err != nil {
		return nil, err
	}
	if len(wb.sheets) == 0 {
		return nil, errors.New("the workbook has no worksheet")
	}
	return wb, nil
}

// inflaters are shared by the parts of every workbook read, as
// archive/zip shares its own.
var inflaters sync.Pool

func newInflater(r io.Reader) io.ReadCloser {
	if f, ok := inflaters.Get().(io.ReadCloser); ok {
		f.(kflate.Resetter).Reset(r, nil)
		return &inflater{f}
	}
	return &inflater{kflate.NewReader(r)}
}

// inflater returns its decompressor to the pool when closed.
type inflater struct{ io.ReadCloser }

func (f *inflater) Close() error {
	if f.ReadCloser == nil {
		return errors.New("xlsx: inflater closed twice")
	}
	err := f.ReadCloser.Close()
	inflaters.Put(f.ReadCloser)
	f.ReadCloser = nil
	return err
}

// maxParts bounds the entries of a workbook's zip: a workbook has a few
// dozen, and archive/zip allocates for each before a caller sees any.
const maxParts = 10_000

// checkEntries reads the entry count from the zip's end-of-central-
// directory record, so that a small file claiming millions of entries is
// refused before archive/zip allocates for them. A ZIP64 archive (more
// than 65.534 entries, or 4 GiB) is no workbook this reads.
func checkEntries(r io.ReaderAt, size int64) error {
	const eocdLen = 22
	tail := int64(min(size, eocdLen+65535)) // the record, then a comment
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return err
	}
	for i := len(buf) - eocdLen; i >= 0; i-- {
		if buf[i] == 'P' && buf[i+1] == 'K' && buf[i+2] == 5 && buf[i+3] == 6 {
			n := int(buf[i+10]) | int(buf[i+11])<<8
			if n == 0xFFFF {
				return errors.New("not an XLSX workbook: a ZIP64 archive")
			}
			if n > maxParts {
				return fmt.Errorf("not an XLSX workbook: %d parts (at most %d)", n, maxParts)
			}
			return nil
		}
	}
	return nil // archive/zip reports the missing record
}

// Sheets lists the worksheets in tab order.
func (wb *Workbook) Sheets() []SheetInfo { return wb.sheets }

// Active returns the index of the sheet the workbook opens on: its active
// tab when that one is visible, else the first visible sheet; -1 when
// every sheet is hidden.
func (wb *Workbook) Active() int {
	if a := wb.active; a >= 0 && a < len(wb.sheets) && !wb.sheets[a].Hidden {
		return a
	}
	for i, s := range wb.sheets {
		if !s.Hidden {
			return i
		}
	}
	return -1
}

// Lookup returns the index of the sheet named name, or -1.
func (wb *Workbook) Lookup(name string) int {
	for i, s := range wb.sheets {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// open returns the decompressed part name, at most limit bytes of it: a
// longer part is an error.
func (wb *Workbook) open(name string, limit int64) (io.ReadCloser, error) {
	f, ok := wb.files[name]
	if !ok {
		return nil, fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("part %s: %w", name, err)
	}
	return &limitedPart{rc: rc, name: name, limit: limit}, nil
}

// limitedPart fails, rather than truncates, a part longer than its limit.
type limitedPart struct {
	rc       io.ReadCloser
	name     string
	n, limit int64
}

func (p *limitedPart) Read(b []byte) (int, error) {
	n, err := p.rc.Read(b)
	p.n += int64(n)
	if p.n > p.limit {
		return 0, fmt.Errorf("part %s is larger than %d MiB uncompressed", p.name, p.limit>>20)
	}
	return n, err
}

func (p *limitedPart) Close() error { return p.rc.Close() }

type rel struct{ id, typ, target string }

func (wb *Workbook) rels(name string) ([]rel, error) {
	rc, err := wb.open(name, maxPartXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []rel
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			out = append(out, rel{attr(se, "Id"), attr(se, "Type"), attr(se, "Target")})
		}
	}
}

// resolve returns target relative to the directory dir of the part that
// names it, as a zip entry name.
func resolve(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(dir, target), "/")
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readWorkbook reads the sheet list, the active tab and, through the
// workbook's relationships, the shared strings and the number formats.
func (wb *Workbook) readWorkbook(book string) error {
	dir := path.Dir(book)
	rels, err := wb.rels(path.Join(dir, "_rels", path.Base(book)+".rels"))
	if err != nil {
		return err
	}
	targets := map[string]string{}
	sst, styles := path.Join(dir, "sharedStrings.xml"), path.Join(dir, "styles.xml")
	for _, r := range rels {
		targets[r.id] = resolve(dir, r.target)
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			sst = resolve(dir, r.target)
		case strings.HasSuffix(r.typ, "/styles"):
			styles = resolve(dir, r.target)
		}
	}
	rc, err := wb.open(book, maxPartXML)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", book, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookView":
			if v := attr(se, "activeTab"); v != "" {
				wb.active, _ = strconv.Atoi(v)
			}
		case "sheet":
			id := ""
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			st := attr(se, "state")
			wb.sheets = append(wb.sheets, SheetInfo{Name: attr(se, "name"), Hidden: st == "hidden" || st == "veryHidden", path: targets[id]})
		}
	}
	if _, ok := wb.files[sst]; ok {
		if wb.strings, err = wb.readStrings(sst); err != nil {
			return err
		}
	}
	if _, ok := wb.files[styles]; ok {
		if wb.formats, err = wb.readStyles(styles); err != nil {
			return err
		}
	}
	return nil
}

// readStrings reads the shared string table: each item's text runs
// joined, phonetic runs left out. It uses the worksheet scanner: with
// encoding/xml a table of millions of empty strings took seconds.
func (wb *Workbook) readStrings(name string) ([]string, error) {
	rc, err := wb.open(name, maxPartXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []string
	var b []byte
	inT, inPh := false, false
	s := newScanner(rc)
	for {
		k, err := s.next()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch k {
		case tokEOF:
			return out, nil
		case tokStart:
			switch string(s.name) {
			case "si":
				b = b[:0]
			case "t":
				inT = !s.self
			case "rPh":
				inPh = !s.self
			}
		case tokEnd:
			switch string(s.name) {
			case "si":
				if len(out) >= MaxCells {
					return nil, fmt.Errorf("%s: more than %d strings", name, MaxCells)
				}
				out = append(out, string(b))
			case "t":
				inT = false
			case "rPh":
				inPh = false
			}
		case tokText:
			if inT && !inPh {
				b = append(b, s.text...)
			}
		}
	}
}

// readStyles reads how each cell style's number format shows numbers.
func (wb *Workbook) readStyles(name string) ([]NumFormat, error) {
	rc, err := wb.open(name, maxPartXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	custom := map[int]string{}
	var out []NumFormat
	inXfs := false
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(attr(t, "numFmtId")); err == nil {
					custom[id] = attr(t, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attr(t, "numFmtId"))
					code, ok := custom[id]
					if !ok {
						code = builtinFormats[id]
					}
					out = append(out, parseFormat(code))
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
}

// builtinFormats are the number formats a workbook refers to by number
// only (ECMA-376, 18.8.30); the others show as General.
var builtinFormats = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
	12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

// parseFormat reads what a number format code shows of a positive number:
// its first section, with quoted text, escaped characters and bracketed
// colours and conditions left out.
func parseFormat(code string) NumFormat {
	if code == "" || strings.EqualFold(code, "general") {
		return general
	}
	f := NumFormat{}
	var plain strings.Builder
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case ';':
			i = len(code)
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or a fill or space
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			// [h], [mm], [ss]: elapsed time.
			if in := strings.ToLower(code[i+1 : i+j]); in != "" && strings.Trim(in, "hms") == "" {
				f.Date = true
			}
			i += j
		default:
			plain.WriteByte(c)
		}
	}
	p := plain.String()
	f.Percent = strings.Contains(p, "%")
	if strings.ContainsAny(strings.ToLower(strings.ReplaceAll(p, "E+", "")), "ymdhs") {
		f.Date = true
	}
	if strings.Contains(strings.ToLower(p), "general") {
		f.Decimals = -1
		return f
	}
	if _, frac, ok := strings.Cut(p, "."); ok {
		for _, c := range frac {
			if c != '0' && c != '#' && c != '?' {
				break
			}
			f.Decimals++
		}
	}
	return f
}

// Rows streams the worksheet at index sheet: fn is called once for each
// row that has a filled cell, in order, with its 0-based index and its
// values from column A on (the slice is reused: copy what you keep). It
// returns the sheet's merged ranges.
func (wb *Workbook) Rows(sheet int, fn func(r int, vals []Value) error) ([]Range, error) {
	if sheet < 0 || sheet >= len(wb.sheets) {
		return nil, fmt.Errorf("no sheet %d", sheet)
	}
	name := wb.sheets[sheet].path
	rc, err := wb.open(name, MaxSheetXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	ra := newReadAhead(rc)
	defer ra.Close()
	sr := sheetReader{wb: wb, s: newScanner(ra), row: -1}
	if err := pipeRows(&sr, fn); err != nil {
		return nil, err
	}
	return sr.merges, nil
}

// sheetReader is the state of one worksheet's streaming read.
type sheetReader struct {
	wb     *Workbook
	s      *scanner
	fn     func(int, []Value) error
	row    int // 0-based index of the current row
	vals   []Value
	cells  int
	merges []Range
	acc    []byte // the text of the current <v>, <f> or <t>
}

func (sr *sheetReader) read() error {
	for {
		k, err := sr.s.next()
		if err != nil {
			return err
		}
		switch {
		case k == tokEOF:
			return nil
		case k != tokStart:
			continue
		}
		switch string(sr.s.name) {
		case "row":
			if err := sr.readRow(); err != nil {
				return err
			}
		case "mergeCell":
			if len(sr.merges) >= maxMerges {
				return fmt.Errorf("more than %d merged ranges", maxMerges)
			}
			a, b, ok := strings.Cut(string(sr.s.attr("ref")), ":")
			if !ok {
				b = a
			}
			c0, r0, err1 := ParseRef(a)
			c1, r1, err2 := ParseRef(b)
			if err1 == nil && err2 == nil && c0 <= c1 && r0 <= r1 {
				sr.merges = append(sr.merges, Range{R0: r0 - 1, C0: c0, R1: r1 - 1, C1: c1})
			}
		}
	}
}

// readRow reads one <row> element and hands its values to fn.
func (sr *sheetReader) readRow() error {
	r := sr.row + 1
	if v := sr.s.attr("r"); v != nil {
		n, ok := atoi(v)
		if !ok || n < 1 || n > MaxRows {
			return fmt.Errorf("bad row number %s", excerpt.Quote(string(v)))
		}
		r = n - 1
	}
	if r <= sr.row {
		return fmt.Errorf("row %d is out of order", r+1)
	}
	sr.row = r
	sr.vals = sr.vals[:0]
	if sr.s.self {
		return nil
	}
	col := -1
	for {
		k, err := sr.s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return io.ErrUnexpectedEOF
		case tokStart:
			if string(sr.s.name) != "c" {
				continue
			}
			c := col + 1
			if ref := sr.s.attr("r"); ref != nil {
				cc, rr, ok := parseRef(ref)
				if !ok || rr-1 != r {
					return fmt.Errorf("row %d: bad cell reference %s", r+1, excerpt.Quote(string(ref)))
				}
				c = cc
			}
			if c <= col || c >= maxCols {
				return fmt.Errorf("row %d: cell %s is out of order", r+1, Ref(c, r+1))
			}
			col = c
			v, err := sr.readCell()
			if err != nil {
				return fmt.Errorf("cell %s: %w", Ref(c, r+1), err)
			}
			if v == (Value{Format: v.Format}) {
				continue // a styled empty cell
			}
			sr.cells += c + 1 - len(sr.vals)
			if sr.cells > MaxCells {
				return fmt.Errorf("more than %d cells", MaxCells)
			}
			for len(sr.vals) < c {
				sr.vals = append(sr.vals, Value{})
			}
			sr.vals = append(sr.vals, v)
		case tokEnd:
			if string(sr.s.name) == "row" {
				if len(sr.vals) == 0 {
					return nil
				}
				return sr.fn(r, sr.vals)
			}
		}
	}
}

// readCell reads one <c> element: its value, or its cached result.
func (sr *sheetReader) readCell() (Value, error) {
	typ := cellType(sr.s.attr("t"))
	format := general
	if st := sr.s.attr("s"); st != nil {
		if i, ok := atoi(st); ok && i >= 0 && i < len(sr.wb.formats) {
			format = sr.wb.formats[i]
		}
	}
	if sr.s.self {
		return Value{}, nil
	}
	// Most cells are <v>text</v></c> or <is><t>text</t></is></c>: read
	// at once, they are what the loop below reads of them token by token.
	if text, ok := sr.s.simple("<v>", "</v></c>"); ok {
		return sr.value(typ, format, string(text), "", "", true, false)
	}
	if text, ok := sr.s.simple("<is><t>", "</t></is></c>"); ok {
		return sr.value(typ, format, "", string(text), "", false, false)
	}
	var v, inline, formula string
	hasV, hasF := false, false
	inText, inPh := false, false
	for {
		k, err := sr.s.next()
		if err != nil {
			return Value{}, err
		}
		switch k {
		case tokEOF:
			return Value{}, io.ErrUnexpectedEOF
		case tokStart:
			name := string(sr.s.name)
			switch name {
			case "v", "f", "t":
				hasV = hasV || name == "v"
				hasF = hasF || name == "f"
				if sr.s.self {
					continue
				}
				inText = true
				sr.acc = sr.acc[:0]
			case "rPh":
				inPh = !sr.s.self
			}
		case tokText:
			if inText {
				sr.acc = append(sr.acc, sr.s.text...)
			}
		case tokEnd:
			text := ""
			if inText {
				text = string(sr.acc)
			}
			inText = false
			switch string(sr.s.name) {
			case "v":
				v = text
			case "f":
				formula = text
			case "t":
				if !inPh {
					inline += text
				}
			case "rPh":
				inPh = false
			case "c":
				return sr.value(typ, format, v, inline, formula, hasV, hasF)
			}
		}
	}
}

func (sr *sheetReader) value(typ string, format NumFormat, v, inline, formula string, hasV, hasF bool) (Value, error) {
	if hasF && !hasV {
		if formula == "" {
			formula = "(shared)"
		}
		return Value{Formula: formula, Uncached: true}, nil
	}
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(sr.wb.strings) {
			return Value{}, fmt.Errorf("bad shared string index %s", excerpt.Quote(v))
		}
		return Value{Text: sr.wb.strings[i]}, nil
	case "inlineStr":
		return Value{Text: inline}, nil
	case "str", "e":
		return Value{Text: v}, nil
	case "b":
		if v == "1" {
			return Value{Text: "TRUE"}, nil
		}
		return Value{Text: "FALSE"}, nil
	case "d":
		d, _, _ := strings.Cut(v, "T")
		return Value{Text: d}, nil
	}
	if v == "" {
		return Value{}, nil
	}
	if !digits(v) && !isFloat(v) {
		return Value{Text: v}, nil
	}
	return Value{Text: v, Number: true, Format: format}, nil
}

// digits reports whether v is a few digits, a number ParseFloat
// need not be asked about: most numbers of a worksheet are counts.
func digits(v string) bool {
	if len(v) > 15 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

func isFloat(v string) bool {
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}

// cellType is the cell type t as value reads it, without allocating: a
// type value does not know is read as no type, a number.
func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "str":
		return "str"
	case "e":
		return "e"
	case "b":
		return "b"
	case "d":
		return "d"
	}
	return ""
}

// atoi is strconv.Atoi of b, without its copy for the few digits an
// attribute of a worksheet holds.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		n, err := strconv.Atoi(string(b))
		return n, err == nil
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			n, err := strconv.Atoi(string(b))
			return n, err == nil
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parseRef is ParseRef of b, without its copies for a plain reference
// such as "C7", the form of nearly every cell's.
func parseRef(b []byte) (col, row int, ok bool) {
	i := 0
	for i < len(b) && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
	}
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		row = row*10 + int(b[j]-'0')
		j++
	}
	if i == 0 || i > 3 || j == i || j-i > 7 || j < len(b) {
		var err error
		col, row, err = ParseRef(string(b))
		return col, row, err == nil
	}
	if col > maxCols || row < 1 || row > MaxRows {
		return 0, 0, false
	}
	return col - 1, row, true
}

// ParseRef parses a cell reference ("C7", "$C$7") into a 0-based column
// and a 1-based row.
func ParseRef(ref string) (col, row int, err error) {
	ref = strings.ToUpper(strings.ReplaceAll(ref, "$", ""))
	i := 0
	col = 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		if col > maxCols {
			return 0, 0, fmt.Errorf("bad cell reference %s", excerpt.Quote(ref))
		}
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, 0, fmt.Errorf("bad cell reference %s", excerpt.Quote(ref))
	}
	row, err = strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > MaxRows || ref[i] == '+' || ref[i] == '-' {
		return 0, 0, fmt.Errorf("bad cell reference %s", excerpt.Quote(ref))
	}
	return col - 1, row, nil
}
