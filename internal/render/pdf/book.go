package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
	"github.com/bhytdoc/bhytdoc/internal/third_party/fpdf"
)

// Laid is a document laid out on pages, with the faces to draw it. It is
// the part of rendering that can run in parallel; drawing into a PDF
// (Laid.PDF, Book.Add) is the rest.
type Laid struct {
	Pages []Page
	doc   *ir.Doc
	set   ir.Settings
	m     *metrics
}

// LayoutAll lays doc out for drawing.
func LayoutAll(doc *ir.Doc, set ir.Settings, fam *fonts.Family) (l *Laid, err error) {
	return LayoutAllWith(doc, set, fam, nil)
}

// LayoutAllWith is LayoutAll breaking lines in sc's arrays, which a caller
// that lays out many documents on one goroutine keeps from one to the
// next; nil is LayoutAll. The Laid does not keep sc.
func LayoutAllWith(doc *ir.Doc, set ir.Settings, fam *fonts.Family, sc *Scratch) (l *Laid, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	m, err := newMetrics(fam, doc, sc)
	if err != nil {
		return nil, err
	}
	pages, err := Layout(doc, set, m)
	if err != nil {
		return nil, err
	}
	m.Scratch = nil // drawing measures nothing; sc goes on to the next document
	return &Laid{Pages: pages, doc: doc, set: set, m: m}, nil
}

// PDF writes l as a PDF of its own: the bytes Render gives.
func (l *Laid) PDF() (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	return write(l.Pages, l.doc, l.set, l.m)
}

// ChunkPages is how many pages a Book draws with one fpdf writer before
// it writes them out. fpdf keeps every page of a document in memory until
// its output, so a book of 100,000 letters drawn in one writer would need
// gigabytes; drawn in chunks, memory stays that of one chunk. Fonts are
// still embedded once per book (see Book).
const ChunkPages = 1000

// Book draws several laid-out documents into one PDF written to w as it
// goes: each document starts on a new page (on an odd page when duplex),
// keeps its own page numbers (they are part of its layout) and gets a
// top-level bookmark. Pages are drawn with fpdf, ChunkPages at a time;
// each chunk's objects are renumbered into the book and streamed out, and
// Close writes the page tree, outline, catalogue and cross-reference
// table.
//
// Each face is embedded once, not once per chunk. fpdf draws text with
// Identity-H and CID = Unicode code point, mapping CIDs to its subset's
// glyphs in the font's CIDToGIDMap; the content streams therefore do not
// depend on the subset. A chunk's font objects are dropped, its pages
// point at one font object per face reserved in the book, and Close
// embeds each face subset to the union of the runes every chunk drew.
type Book struct {
	w       *countingWriter
	title   string
	created time.Time
	duplex  bool

	chunk      *fpdf.Fpdf
	chunkPages int
	chunkLimit int // ChunkPages; tests use less
	faces      [4]*fonts.Face

	// pageSize is the size of the last page's content and an eighth:
	// the next page's buffer is made that large at once rather than grown
	// by doubling (a chunk's pages are recycled only once it is written).
	pageSize int

	dict    []byte // scratch: an object's dictionary renumbered
	scratch []byte // scratch: an object's first line

	// fontObj[st] is the object number reserved for face st's font,
	// written by Close; runes[st] the runes drawn with it so far.
	fontObj [4]int
	runes   [4]map[rune]struct{}

	// pending is the previous chunk's output, made in the background
	// while the next chunk is drawn; it is written before the next.
	pending chan chunkOutput

	n        int   // last object number used
	offsets  []int // offsets[i] is where object i+1 starts
	pageObjs []int // the book's page objects, in order
	marks    []mark
	pages    int
	err      error
	closed   bool
}

// mark is a document's outline entry: its title and its first page.
type mark struct {
	title string
	page  int // index into pageObjs
}

// NewBook starts a book written to w. The creation date is fixed so that
// the same documents give the same bytes: created, or when zero the date
// of the first document added.
func NewBook(w io.Writer, title string, created time.Time, duplex bool) *Book {
	b := &Book{w: &countingWriter{w: w}, title: title, created: created, duplex: duplex, chunkLimit: ChunkPages}
	// Object 1 is the page tree, written last; its number is known now
	// because every page refers to it.
	b.n = 1
	b.offsets = []int{0}
	return b
}

// errFaces is returned when documents of one book use different fonts.
var errFaces = errors.New("pdf: the documents of one PDF must use the same font family")

func newChunk() *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.SetCatalogSort(true)
	pdf.SetMinPDFVersion(1, 4)
	// Chunks carry no metadata of their own; a fixed date keeps fpdf
	// from reading the clock.
	pdf.SetCreationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	return pdf
}

// Add draws l after the documents already added, with bookmark naming it
// in the outline. After an error the book is unusable.
func (b *Book) Add(l *Laid, bookmark string) (err error) {
	if b.err != nil {
		return b.err
	}
	if b.closed {
		return errors.New("pdf: book already closed")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
		b.err = err
	}()
	for st, f := range l.m.faces {
		if f != nil && b.faces[st] != nil && b.faces[st] != f {
			return errFaces
		}
	}
	if b.created.IsZero() {
		d := l.doc
		b.created = time.Date(max(d.Year, 1), time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
	}
	if b.chunk != nil && b.chunkPages >= b.chunkLimit {
		if err := b.flush(); err != nil {
			return err
		}
	}
	if b.chunk == nil {
		b.chunk = newChunk()
		b.chunkPages = 0
	}
	if err := addFonts(b.chunk, l.m); err != nil {
		return err
	}
	for st, f := range l.m.faces {
		if f != nil {
			b.faces[st] = f
			if b.fontObj[st] == 0 {
				b.n++
				b.offsets = append(b.offsets, 0) // set by Close
				b.fontObj[st] = b.n
				b.runes[st] = map[rune]struct{}{}
			}
		}
	}
	if b.duplex && b.pages%2 == 1 {
		// The back of the previous document's last sheet stays blank.
		b.chunk.AddPageFormat("P", fpdf.SizeType{Wd: pagespec.PageW, Ht: pagespec.PageH})
		b.pages++
		b.chunkPages++
	}
	b.marks = append(b.marks, mark{title: bookmark, page: b.pages})
	for i := range l.Pages {
		if err := drawPage(b.chunk, &l.Pages[i], b.pageSize); err != nil {
			return err
		}
		n := b.chunk.PageLen()
		b.pageSize = min(n+n/8, 1<<20)
	}
	b.pages += len(l.Pages)
	b.chunkPages += len(l.Pages)
	return b.chunk.Error()
}

// Pages is the number of pages drawn so far, blank ones included.
func (b *Book) Pages() int { return b.pages }

// Close writes what remains: the last chunk, the page tree, the outline,
// the document information, the catalogue and the cross-reference table.
// A book without documents is an error: a PDF needs a page.
func (b *Book) Close() (err error) {
	if b.err != nil {
		return b.err
	}
	if b.closed {
		return errors.New("pdf: book already closed")
	}
	b.closed = true
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
		b.err = err
	}()
	if len(b.marks) == 0 {
		return errors.New("pdf: a book needs at least one document")
	}
	if err := b.flush(); err != nil {
		return err
	}
	if err := b.writePending(); err != nil {
		return err
	}
	if err := b.writeFonts(); err != nil {
		return err
	}
	for i, off := range b.offsets[1:] {
		if off == 0 {
			return fmt.Errorf("pdf: internal error: object %d reserved but not written", i+2)
		}
	}
	// The page tree, object 1.
	var kids bytes.Buffer
	for i, p := range b.pageObjs {
		if i > 0 {
			kids.WriteByte(' ')
		}
		kids.WriteString(strconv.Itoa(p) + " 0 R")
	}
	b.offsets[0] = b.w.n
	fmt.Fprintf(b.w, "1 0 obj\n<</Type /Pages\n/Kids [%s]\n/Count %d\n>>\nendobj\n", kids.Bytes(), len(b.pageObjs))

	// The outline: a root and one entry per document.
	root := b.n + 1
	first := root + 1
	last := root + len(b.marks)
	b.object(fmt.Sprintf("<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>", first, last, len(b.marks)))
	// One entry per document: appended, not formatted (fmt took 2% of a
	// combined merge's CPU here).
	var s []byte
	for i, m := range b.marks {
		s = append(s[:0], "<</Title "...)
		s = appendPDFText(s, m.title)
		s = append(strconv.AppendInt(append(s, " /Parent "...), int64(root), 10), " 0 R"...)
		if i > 0 {
			s = append(strconv.AppendInt(append(s, " /Prev "...), int64(first+i-1), 10), " 0 R"...)
		}
		if i < len(b.marks)-1 {
			s = append(strconv.AppendInt(append(s, " /Next "...), int64(first+i+1), 10), " 0 R"...)
		}
		s = append(strconv.AppendInt(append(s, " /Dest ["...), int64(b.pageObjs[m.page]), 10), " 0 R /Fit]>>"...)
		b.objectBytes(s)
	}
	date := "D:" + b.created.Format("20060102150405")
	info := b.object(fmt.Sprintf("<</Title %s /Creator %s /Producer %s /CreationDate (%s) /ModDate (%s)>>",
		pdfText(b.title), pdfText("bhytdoc"), pdfText("bhytdoc"), date, date))
	catalog := b.object(fmt.Sprintf("<</Type /Catalog /Pages 1 0 R /Outlines %d 0 R /PageMode /UseOutlines>>", root))

	xref := b.w.n
	fmt.Fprintf(b.w, "xref\n0 %d\n0000000000 65535 f \n", b.n+1)
	line := []byte("0000000000 00000 n \n")
	for _, off := range b.offsets {
		b.w.Write(xrefLine(line, off))
	}
	fmt.Fprintf(b.w, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", b.n+1, catalog, info, xref)
	return b.w.err
}

// object writes body as the next object and returns its number.
func (b *Book) object(body string) int { return b.objectBytes([]byte(body)) }

// objectBytes is object for a body in bytes.
func (b *Book) objectBytes(body []byte) int {
	b.n++
	b.offsets = append(b.offsets, b.w.n)
	b.objHeader(b.n)
	b.w.Write(body)
	b.w.Write([]byte("\nendobj\n"))
	return b.n
}

// objHeader writes object n's first line, "n 0 obj", without fmt.
func (b *Book) objHeader(n int) {
	b.scratch = append(strconv.AppendInt(b.scratch[:0], int64(n), 10), " 0 obj\n"...)
	b.w.Write(b.scratch)
}

// xrefLine sets line, a cross-reference entry "0000000000 00000 n \n",
// to offset off as "%010d" prints it, and returns it.
func xrefLine(line []byte, off int) []byte {
	if off < 0 || off >= 1e10 {
		return fmt.Appendf(nil, "%010d 00000 n \n", off)
	}
	for i := 9; i >= 0; i-- {
		line[i] = byte('0' + off%10)
		off /= 10
	}
	return line
}

// appendPDFText appends pdfText(s).
func appendPDFText(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, "<FEFF"...)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	return append(b, '>')
}

// pdfText is s as a PDF text string: UTF-16BE with a byte-order mark, in
// hexadecimal, so that no character needs escaping.
func pdfText(s string) string { return string(appendPDFText(nil, s)) }

var (
	reStartXref = lazyre.New(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reTrailer   = lazyre.New(`/Root (\d+) 0 R[\s\S]*?/Info (\d+) 0 R`)
	reRef       = lazyre.New(`(\d+) 0 R\b`)
)

// chunkOutput is a chunk as fpdf wrote it, with the number of each
// face's font object in it and the runes the chunk drew with each face.
type chunkOutput struct {
	data  []byte
	fonts [4]int
	runes [4][]rune
	err   error
}

// flush hands the current chunk to a goroutine that makes fpdf write it
// (compressing its pages), and writes the chunk before it into the book.
func (b *Book) flush() error {
	if b.chunk == nil {
		return nil
	}
	chunk := b.chunk
	b.chunk = nil
	out := make(chan chunkOutput, 1)
	go func() {
		var buf bytes.Buffer
		defer func() {
			if r := recover(); r != nil {
				out <- chunkOutput{err: fmt.Errorf("pdf: internal error: %v", r)}
			}
		}()
		err := chunk.Output(&buf)
		res := chunkOutput{data: buf.Bytes(), err: err}
		for st := range res.fonts {
			res.fonts[st] = chunk.FontObject(family, styleStr[st])
			res.runes[st] = chunk.UsedRunes(family, styleStr[st])
		}
		out <- res
	}()
	err := b.writePending()
	b.pending = out
	return err
}

// writePending waits for the previous chunk's output and writes its
// objects into the book: every object but the chunk's page tree, document
// information, catalogue and fonts, renumbered after the book's objects,
// its pages pointing at the book's page tree and its fonts at the book's.
func (b *Book) writePending() error {
	if b.pending == nil {
		return nil
	}
	res := <-b.pending
	b.pending = nil
	if res.err != nil {
		return res.err
	}
	data := res.data
	objs, root, info, err := chunkObjects(data)
	if err != nil {
		return err
	}
	renum := map[int]int{1: 1}
	// The chunk's font objects are left out, its Type0 fonts replaced by
	// the book's; anything else referring to the rest of them is an error
	// (renum lacks them).
	skip := map[int]bool{1: true, root: true, info: true}
	for st, fo := range res.fonts {
		if fo == 0 {
			continue
		}
		if b.fontObj[st] == 0 {
			return fmt.Errorf("pdf: chunk has font %d the book did not reserve", st)
		}
		objsOf, err := fontClosure(data, objs, fo)
		if err != nil {
			return err
		}
		for _, n := range objsOf {
			skip[n] = true
		}
		renum[fo] = b.fontObj[st]
		for _, r := range res.runes[st] {
			b.runes[st][r] = struct{}{}
		}
	}
	// Old numbers in file order → new numbers.
	var keep []chunkObj
	for _, o := range objs {
		if !skip[o.num] {
			b.n++
			renum[o.num] = b.n
			keep = append(keep, o)
		}
	}
	return b.writeObjects(data, keep, renum)
}

// writeFonts writes each face's font, subset to the runes drawn with it in
// every chunk, under the number reserved for it: fpdf writes a one-page
// document registering the faces and marking those runes used, and its
// font objects are renumbered into the book.
func (b *Book) writeFonts() error {
	pdf := newChunk()
	pdf.SetCompactFonts(true) // as a separate file's: small, named subsets
	used := false
	for st, f := range b.faces {
		if f == nil || b.fontObj[st] == 0 {
			continue
		}
		pf, err := parsedFont(f)
		if err != nil {
			return fmt.Errorf("font %s: %w", fonts.Style(st), err)
		}
		pdf.AddUTF8FontParsed(family, styleStr[st], pf)
		runes := make([]rune, 0, len(b.runes[st]))
		for r := range b.runes[st] {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		pdf.UseRunes(family, styleStr[st], runes)
		used = true
	}
	if !used {
		return nil
	}
	pdf.AddPageFormat("P", fpdf.SizeType{Wd: pagespec.PageW, Ht: pagespec.PageH})
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	data := buf.Bytes()
	objs, _, _, err := chunkObjects(data)
	if err != nil {
		return err
	}
	renum := map[int]int{}
	mine := map[int]bool{}
	for st, reserved := range b.fontObj {
		if reserved == 0 {
			continue
		}
		fo := pdf.FontObject(family, styleStr[st])
		nums, err := fontClosure(data, objs, fo)
		if err != nil {
			return err
		}
		for _, n := range nums {
			mine[n] = true
		}
		renum[fo] = reserved
	}
	var keep []chunkObj
	for _, o := range objs {
		if !mine[o.num] {
			continue
		}
		if _, ok := renum[o.num]; !ok {
			b.n++
			renum[o.num] = b.n
		}
		keep = append(keep, o)
	}
	return b.writeObjects(data, keep, renum)
}

// fontClosure is the font object fo of a chunk and every object it refers
// to, directly or not: the descendant font, its descriptor, font program,
// CID map and ToUnicode map.
func fontClosure(data []byte, objs []chunkObj, fo int) ([]int, error) {
	byNum := make(map[int]*chunkObj, len(objs))
	for i := range objs {
		byNum[objs[i].num] = &objs[i]
	}
	seen := map[int]bool{fo: true}
	todo := []int{fo}
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		o := byNum[n]
		if o == nil {
			return nil, fmt.Errorf("pdf: unexpected writer output: font object %d not found", n)
		}
		dict := data[o.dictStart:o.dictEnd]
		if n == fo && !bytes.Contains(dict, []byte("/Type /Font")) {
			return nil, fmt.Errorf("pdf: unexpected writer output: object %d is not a font", n)
		}
		for _, m := range reRef.FindAllSubmatch(dict, -1) {
			r, _ := strconv.Atoi(string(m[1]))
			if r == 1 {
				return nil, fmt.Errorf("pdf: unexpected writer output: font object %d refers to the page tree", n)
			}
			if !seen[r] {
				seen[r] = true
				todo = append(todo, r)
			}
		}
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}

// writeObjects writes objs of data into the book under their numbers in
// renum, rewriting their references by renum. A number already reserved
// gets its offset filled in; any other must be the next one.
func (b *Book) writeObjects(data []byte, objs []chunkObj, renum map[int]int) error {
	if b.w.n == 0 {
		io.WriteString(b.w, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	}
	for _, o := range objs {
		var bad int
		b.dict, bad = renumber(b.dict[:0], data[o.dictStart:o.dictEnd], renum)
		if bad >= 0 {
			return fmt.Errorf("pdf: chunk object %d refers to object %d, which it does not have", o.num, bad)
		}
		dict := b.dict
		n := renum[o.num]
		if hasName(dict, "/Type /Page") && !hasName(dict, "/Type /Pages") {
			b.pageObjs = append(b.pageObjs, n)
		}
		switch {
		case n >= 2 && n <= len(b.offsets) && b.offsets[n-1] == 0:
			b.offsets[n-1] = b.w.n
		case n == len(b.offsets)+1:
			b.offsets = append(b.offsets, b.w.n)
		default:
			return fmt.Errorf("pdf: internal error: object %d written out of order", n)
		}
		b.objHeader(n)
		b.w.Write(dict)
		b.w.Write(data[o.dictEnd:o.end])
	}
	return b.w.err
}

// chunkObj locates one object of an fpdf output: its dictionary (or
// other direct value) and, after it, any stream and "endobj".
type chunkObj struct {
	num                     int
	dictStart, dictEnd, end int
}

// chunkObjects lists the objects of a PDF fpdf wrote, in file order, from
// its cross-reference table, with the trailer's catalogue and information
// objects.
func chunkObjects(data []byte) (objs []chunkObj, root, info int, err error) {
	fail := func(what string) ([]chunkObj, int, int, error) {
		return nil, 0, 0, fmt.Errorf("pdf: unexpected writer output: %s", what)
	}
	m := reStartXref.FindSubmatch(data)
	if m == nil {
		return fail("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(data) {
		return fail("startxref out of range")
	}
	t := reTrailer.FindSubmatch(data[xref:])
	if t == nil {
		return fail("no /Root and /Info in the trailer")
	}
	root, _ = strconv.Atoi(string(t[1]))
	info, _ = strconv.Atoi(string(t[2]))
	lines := bytes.Split(data[xref:], []byte("\n"))
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return fail("no xref table")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || count < 2 || len(lines) < 2+count {
		return fail("xref subsection")
	}
	for i := 1; i < count; i++ { // entry 0 is the free head
		off, kind, ok := xrefEntry(lines[2+i])
		if !ok || kind != "n" || off <= 0 || off >= xref {
			return fail("xref entry " + strconv.Itoa(i))
		}
		o, err := parseObj(data, off, i)
		if err != nil {
			return nil, 0, 0, err
		}
		objs = append(objs, o)
	}
	return objs, root, info, nil
}

// xrefEntry reads a cross-reference entry, "0000012345 00000 n ", as
// fmt.Sscanf's "%d %d %s" did (which was 60% of reading a chunk): the
// offset and the kind; ok is false when it is not two numbers and a word.
func xrefEntry(line []byte) (off int, kind string, ok bool) {
	f := bytes.Fields(line)
	if len(f) < 3 {
		return 0, "", false
	}
	off, err := strconv.Atoi(string(f[0]))
	if err != nil {
		return 0, "", false
	}
	if _, err := strconv.Atoi(string(f[1])); err != nil {
		return 0, "", false
	}
	return off, string(f[2]), true
}

// parseObj reads object num at off: "num 0 obj\n", a value, then either
// "endobj" or a stream of the dictionary's /Length and "endobj".
func parseObj(data []byte, off, num int) (chunkObj, error) {
	bad := func(what string) (chunkObj, error) {
		return chunkObj{}, fmt.Errorf("pdf: unexpected writer output: object %d: %s", num, what)
	}
	// "num 0 obj\n", as reObjHead matched it.
	digits := leadingDigits(data[off:])
	head := len(digits) + len(" 0 obj\n")
	if len(digits) == 0 || !bytes.HasPrefix(data[off+len(digits):], []byte(" 0 obj\n")) {
		return bad("no header")
	}
	if n, _ := strconv.Atoi(string(digits)); n != num {
		return bad("numbered " + string(digits))
	}
	o := chunkObj{num: num, dictStart: off + head}
	rest := data[o.dictStart:]
	end := bytes.Index(rest, []byte("endobj"))
	st := bytes.Index(rest, []byte("stream\n"))
	if end < 0 {
		return bad("no endobj")
	}
	if st < 0 || st > end {
		o.dictEnd = o.dictStart + end
		o.end = o.dictEnd + len("endobj\n")
		if o.end > len(data) {
			o.end = len(data)
		}
		return o, nil
	}
	o.dictEnd = o.dictStart + st
	l := lengthOf(rest[:st])
	if l == nil {
		return bad("stream without /Length")
	}
	n, _ := strconv.Atoi(string(l))
	after := o.dictEnd + len("stream\n") + n
	tail := []byte("\nendstream\nendobj\n")
	if after+len(tail) > len(data) || !bytes.Equal(data[after:after+len(tail)], tail) {
		return bad("stream length")
	}
	o.end = after + len(tail)
	return o, nil
}

// countingWriter counts bytes for the cross-reference table and keeps the
// first error, so that writing can go on unchecked until Close.
type countingWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

// SetChunkPages sets how many pages are drawn before they are written
// out (ChunkPages by default); tests use small chunks to exercise the
// joining of chunks. It must be called before the first Add.
func (b *Book) SetChunkPages(n int) { b.chunkLimit = max(n, 1) }

// renumber appends dict to dst with each reference "N 0 R" (as reRef
// matches it: a run of digits, " 0 R", then no word character) made
// "renum[N] 0 R". It returns the last N renum lacks, or -1: what
// ReplaceAllFunc with reRef gave, without a regexp and an allocation per
// reference in every object of every chunk.
func renumber(dst, dict []byte, renum map[int]int) ([]byte, int) {
	bad, last := -1, 0
	for i := 0; i < len(dict); {
		if !isDigit(dict[i]) {
			i++
			continue
		}
		j := i + len(leadingDigits(dict[i:]))
		k := j + len(" 0 R")
		if !bytes.HasPrefix(dict[j:], []byte(" 0 R")) || k < len(dict) && isWordByte(dict[k]) {
			i = j
			continue
		}
		old, _ := strconv.Atoi(string(dict[i:j]))
		if nn, ok := renum[old]; ok {
			dst = append(dst, dict[last:i]...)
			dst = strconv.AppendInt(dst, int64(nn), 10)
			dst = append(dst, " 0 R"...)
			last = k
		} else {
			bad = old
		}
		i = k
	}
	return append(dst, dict[last:]...), bad
}

// hasName reports whether name occurs in dict followed by no word
// character, as the regexp name+`\b` would match.
func hasName(dict []byte, name string) bool {
	for {
		i := bytes.Index(dict, []byte(name))
		if i < 0 {
			return false
		}
		k := i + len(name)
		if k == len(dict) || !isWordByte(dict[k]) {
			return true
		}
		dict = dict[i+1:]
	}
}

// lengthOf returns the digits of the first "/Length " followed by a digit
// in dict, as `/Length (\d+)` would match them; nil if there is none.
func lengthOf(dict []byte) []byte {
	for {
		i := bytes.Index(dict, []byte("/Length "))
		if i < 0 {
			return nil
		}
		dict = dict[i+len("/Length "):]
		if d := leadingDigits(dict); len(d) > 0 {
			return d
		}
	}
}

// leadingDigits returns the ASCII digits b starts with.
func leadingDigits(b []byte) []byte {
	n := 0
	for n < len(b) && isDigit(b[n]) {
		n++
	}
	return b[:n]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte reports whether c is a word character of a regexp's \b.
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}
