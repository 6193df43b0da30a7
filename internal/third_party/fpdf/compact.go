// bhytdoc: this whole file is a bhytdoc addition to the fpdf fork (patch
// 16, see README.md): smaller output for documents that are e-mailed and
// archived one by one.

package fpdf

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	kpflate "github.com/klauspost/compress/flate"
	"io"
	"slices"
	"strconv"
	"sync"
	"unicode/utf16"
)

// SetCompactFonts makes the subsets of fonts added with AddUTF8FontParsed
// smaller and properly named:
//
//   - the font programs keep only the tables a PDF reader draws from (ISO
//     32000-1, 9.9: head, hhea, maxp, hmtx, loca, glyf, cvt, fpgm, prep);
//     name, OS/2, cmap, gasp and post are dropped: a CIDFontType2 maps
//     CIDs to glyphs through its CIDToGIDMap, never through the cmap, and
//     the PDF's own font descriptor carries the metrics OS/2 and post hold;
//   - the font programs are deflated at the best compression, once per
//     cached subset (the subset cache keeps the compressed bytes);
//   - the fonts are named as a subset should be: a six-letter tag derived
//     from the glyph set and the font's PostScript name
//     ("ABCDEF+LiberationSerif-Bold"), as viewers and preflight tools
//     expect, instead of "utf8" plus the font key;
//   - the identity ToUnicode map and the CIDSystemInfo, the same for every
//     UTF-8 font, are written once and shared.
//
// Pages render exactly as without it. Off by default (stock output).
func (f *Fpdf) SetCompactFonts(on bool) { f.compactFonts = on }

// SetObjectStreams makes Output pack every object that is not a stream
// into one compressed object stream and write a cross-reference stream
// instead of a table (PDF 1.5; PDF/A-2 permits both), and raises the
// header to 1.5 at least. It is ignored for encrypted documents. Off by
// default (stock output).
func (f *Fpdf) SetObjectStreams(on bool) { f.objStreams = on }

// objectStreams reports whether Output writes object streams.
func (f *Fpdf) objectStreams() bool { return f.objStreams && !f.protect.encrypted }

// droppedTables are the TrueType tables SetCompactFonts leaves out of a
// subset.
var droppedTables = []string{"name", "OS/2", "cmap", "gasp", "post"}

// subsetTag is the six capital letters that name a subset (ISO 32000-1,
// 9.6.4): a hash of the font's PostScript name and its used-rune key, so
// the same glyph set always gets the same tag and different sets of one
// font (almost always) different tags.
func subsetTag(psName, key string) string {
	h := sha1.New()
	io.WriteString(h, psName)
	h.Write([]byte{0})
	io.WriteString(h, key)
	sum := h.Sum(nil)
	v := binary.BigEndian.Uint64(sum)
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag[:])
}

// postScriptName returns name ID 6 of a TrueType font's name table,
// reduced to the characters a PDF name may hold without escapes, or "" if
// there is none.
func postScriptName(ttf []byte) string {
	u16 := func(p int) int {
		if p < 0 || p+2 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint16(ttf[p:]))
	}
	u32 := func(p int) int {
		if p < 0 || p+4 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint32(ttf[p:]))
	}
	numTables := u16(4)
	table := -1
	for i := range max(numTables, 0) {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return ""
		}
		if string(ttf[rec:rec+4]) == "name" {
			table = u32(rec + 8)
			break
		}
	}
	if table < 0 {
		return ""
	}
	count, strs := u16(table+2), u16(table+4)
	if count < 0 || strs < 0 {
		return ""
	}
	var win, mac string
	for i := range count {
		rec := table + 6 + 12*i
		platform, encoding, lang, id := u16(rec), u16(rec+2), u16(rec+4), u16(rec+6)
		length, off := u16(rec+8), u16(rec+10)
		if id != 6 || length < 0 || off < 0 {
			continue
		}
		start := table + strs + off
		if start < 0 || start+length > len(ttf) {
			continue
		}
		s := ttf[start : start+length]
		switch {
		case platform == 3 && encoding == 1 && lang == 0x409 && win == "" && len(s)%2 == 0:
			u := make([]uint16, len(s)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(s[2*j:])
			}
			win = string(utf16.Decode(u))
		case platform == 1 && encoding == 0 && mac == "":
			mac = string(s)
		}
	}
	name := win
	if name == "" {
		name = mac
	}
	out := make([]byte, 0, len(name))
	for i := 0; i < len(name) && len(out) < 63-7; i++ {
		c := name[i]
		if c > ' ' && c < 127 && !bytes.ContainsRune([]byte("()<>[]{}/%#"), rune(c)) {
			out = append(out, c)
		}
	}
	return string(out)
}

// compressBest deflates b at the best compression into a new slice. It is
// used for what is compressed once and kept (cached font subsets).
// klauspost's level 9 takes a third of the time of the standard library's
// (which was 9% of a cold `bhytdoc render`) for 0.04% more bytes.
func compressBest(b []byte) []byte {
	var buf bytes.Buffer
	// Font programs deflate to about 60% of their size (the letter's
	// four: 60-63%): room for 75% spares the buffer a doubling and its
	// copy; the pages past the end are never touched.
	buf.Grow(len(b)*3/4 + 64)
	zw, _ := bestWriters.Get().(*zlibFramer)
	if zw == nil {
		zw = newZlibFramer(kpflate.BestCompression)
	}
	// A new writer is reset too, on purpose: the reset clears the hash
	// tables (640 KB) by writing, which maps each page once. Left fresh,
	// deflate's first read of a page maps the zero page and its first
	// write faults again: twice the page faults (about 320 against 160
	// for the letter's subsets, some 0.5 ms of CPU, for 640 KB cleared).
	zw.Reset(&buf)
	if _, err := zw.Write(b); err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}
	if err := zw.Close(); err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	// bhytdoc: put back without Reset(io.Discard): a reset clears the
	// level-9 hash tables (640 KB), and the next use resets anyway. Until
	// then the writer refers to buf, which a closed writer never writes
	// to again.
	bestWriters.Put(zw)
	return buf.Bytes()
}

// bhytdoc: a level-9 writer (about 1.3 MB of tables, each page of it a
// page fault when first used) is kept in one slot for the next
// compression, and only the others in a sync.Pool (slotPool).
var bestWriters slotPool

// bhytdoc (patch 24): zlibFramer is klauspost's zlib.Writer (the same
// bytes: header, klauspost's raw deflate, Adler-32 of the input) with
// the checksum computed by adler32Update, about 60% of the instructions
// a byte of hash/adler32, which klauspost's writer uses (0.7 M
// instructions of a cold render of the letter).
// TestZlibFramerLikeKlauspost.
type zlibFramer struct {
	fw      *kpflate.Writer
	w       io.Writer
	level   int
	started bool // header written
	adler   uint32
	err     error
	scratch [4]byte // header and trailer, not allocated per stream
}

// newZlibFramer returns a zlibFramer at a level from 1 to 9; its deflate
// writer's tables are allocated now.
func newZlibFramer(level int) *zlibFramer {
	fw, err := kpflate.NewWriter(io.Discard, level)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return &zlibFramer{fw: fw, w: io.Discard, level: level, adler: 1}
}

// Reset makes z write a new stream to w.
func (z *zlibFramer) Reset(w io.Writer) {
	z.fw.Reset(w)
	z.w, z.started, z.adler, z.err = w, false, 1, nil
}

// header writes the two bytes klauspost's writeHeader writes: CMF 0x78
// (deflate, 32 KB window), then FLEVEL and the check bits.
func (z *zlibFramer) header() error {
	z.started = true
	flg := byte(3 << 6) // levels 7 to 9
	switch {
	case z.level <= 1:
		flg = 0
	case z.level <= 5:
		flg = 1 << 6
	case z.level == 6:
		flg = 2 << 6
	}
	flg += byte(31 - (0x7800+uint16(flg))%31)
	z.scratch[0], z.scratch[1] = 0x78, flg
	_, z.err = z.w.Write(z.scratch[:2])
	return z.err
}

func (z *zlibFramer) Write(p []byte) (int, error) {
	if !z.started {
		z.header()
	}
	if z.err != nil {
		return 0, z.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	n, err := z.fw.Write(p)
	if err != nil {
		z.err = err
		return n, err
	}
	z.adler = adler32Update(z.adler, p)
	return n, nil
}

func (z *zlibFramer) Close() error {
	if !z.started {
		z.header()
	}
	if z.err != nil {
		return z.err
	}
	if z.err = z.fw.Close(); z.err != nil {
		return z.err
	}
	binary.BigEndian.PutUint32(z.scratch[:], z.adler)
	_, z.err = z.w.Write(z.scratch[:4])
	return z.err
}

// bhytdoc: adler32Update is hash/adler32's update sixteen bytes a step.
// The step adds its bytes to s1, and to s2 16·s1 plus its bytes weighted
// 16, 15, ..., 1; both sums are taken by multiplication over 16-bit lanes
// (even and odd bytes of each half apart), where no lane overflows: a
// weighted lane is at most 255·(16+15+...+1) = 34,680. The sums are
// reduced every 5552 bytes, as zlib's, and are the same at every step
// (TestAdler32).
func adler32Update(adler uint32, p []byte) uint32 {
	const mod, nmax = 65521, 5552 // nmax: a multiple of 16
	const (
		lanes = 0x00FF00FF00FF00FF
		ones  = 0x0001000100010001
		// Weights of lanes 3, 2, 1, 0 (bytes 0, 2, 4, 6 or 1, 3, 5, 7 of
		// a half), for the first and second half of a step.
		even0, odd0 = 0x0010000E000C000A, 0x000F000D000B0009
		even1, odd1 = 0x0008000600040002, 0x0007000500030001
	)
	s1, s2 := adler&0xFFFF, adler>>16
	for len(p) > 0 {
		q := p[:min(len(p), nmax)]
		p = p[len(q):]
		for ; len(q) >= 16; q = q[16:] {
			x0, x1 := binary.LittleEndian.Uint64(q), binary.LittleEndian.Uint64(q[8:])
			e0, o0, e1, o1 := x0&lanes, x0>>8&lanes, x1&lanes, x1>>8&lanes
			sum := (e0 + o0 + e1 + o1) * ones >> 48
			weighted := (e0*even0 + o0*odd0 + e1*even1 + o1*odd1) >> 48
			s2 += 16*s1 + uint32(weighted)
			s1 += uint32(sum)
		}
		for _, c := range q {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
	}
	return s2<<16 | s1
}

// bhytdoc: slotPool is a sync.Pool with one slot in front of it. A
// sync.Pool alone keeps what is put back in the putting P's private
// entry, which a Get on another P does not see: a goroutine that moved
// to another P between two compressions made a new writer (on most cold
// renders of the letter: a second BestSpeed writer, some 60 page faults
// of fresh tables). The slot hands the last writer put back to the next
// Get on any P; under concurrency the pool serves the others.
type slotPool struct {
	mu   sync.Mutex
	slot any
	pool sync.Pool
}

func (p *slotPool) Get() any {
	p.mu.Lock()
	v := p.slot
	p.slot = nil
	p.mu.Unlock()
	if v == nil {
		v = p.pool.Get()
	}
	return v
}

func (p *slotPool) Put(v any) {
	p.mu.Lock()
	if p.slot == nil {
		p.slot, v = v, nil
	}
	p.mu.Unlock()
	if v != nil {
		p.pool.Put(v)
	}
}

// putObjectStreams rewrites the finished body in f.buffer (header and
// objects 1..f.n, as enddoc wrote them) with every object that is not a
// stream moved into one object stream, then writes the cross-reference
// stream that ends the file. Objects keep their numbers; the object
// stream is f.n+1 and the cross-reference stream f.n+2.
func (f *Fpdf) putObjectStreams() {
	// The body is compacted in place: an object is only ever moved
	// towards the start (the objects packed away before it leave room),
	// so w, where the next kept object goes, never passes the start of
	// the object being read, and each packed object is copied into the
	// object stream before anything overwrites it. A first pass checks
	// the objects and writes the stream's index, so that the stream is
	// built in one array of the right size.
	src := f.buffer.Bytes()
	order := make([]int, 0, f.n)
	for j := 1; j <= f.n; j++ {
		order = append(order, j)
	}
	slices.SortFunc(order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })

	const streamEnd = "endstream\nendobj\n"
	type loc struct{ stm, idx int } // stm 0: at offset idx in the file
	locs := make([]loc, f.n+3)
	var index []byte
	packed, bodyLen := 0, 0
	stm := f.n + 1
	// object returns object j (the i-th in order) and whether it is
	// packed; the part packed is obj[head:len(obj)-len("endobj\n")].
	object := func(i, j int) (obj []byte, head int, pack bool) {
		end := len(src)
		if i+1 < len(order) {
			end = f.offsets[order[i+1]]
		}
		obj = src[f.offsets[j]:end]
		return obj, len(strconv.Itoa(j)) + len(" 0 obj\n"), !bytes.HasSuffix(obj, []byte(streamEnd))
	}
	for i, j := range order {
		obj, head, pack := object(i, j)
		if !bytes.HasPrefix(obj, []byte(strconv.Itoa(j)+" 0 obj\n")) || !bytes.HasSuffix(obj, []byte("endobj\n")) {
			f.err = fmt.Errorf("fpdf: object %d not where expected", j)
			return
		}
		if !pack {
			continue
		}
		index = strconv.AppendInt(index, int64(j), 10)
		index = append(index, ' ')
		index = strconv.AppendInt(index, int64(bodyLen), 10)
		index = append(index, ' ')
		bodyLen += len(obj) - head - len("endobj\n")
		locs[j] = loc{stm, packed}
		packed++
	}
	stream := make([]byte, 0, len(index)+bodyLen)
	stream = append(stream, index...)
	w := f.offsets[order[0]] // the header stays
	for i, j := range order {
		obj, head, pack := object(i, j)
		if pack {
			stream = append(stream, obj[head:len(obj)-len("endobj\n")]...)
			continue
		}
		locs[j] = loc{0, w}
		w += copy(src[w:], obj)
	}
	f.buffer.Truncate(w)
	// BestSpeed: per document, unlike the font programs; the best
	// compression would save ~0.1 KB here for ~0.3 ms.
	mem := xmem.compress(stream)
	data := bytes.Clone(mem.bytes())
	mem.release()
	locs[stm] = loc{0, f.buffer.Len()}
	f.outf("%d 0 obj", stm)
	f.outf("<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>", packed, len(index), len(data))
	f.putstream(data)
	f.out("endobj")

	// The cross-reference stream: type, offset or object stream, index.
	xref := f.n + 2
	locs[xref] = loc{0, f.buffer.Len()}
	w2 := bytesFor(f.buffer.Len())
	w3 := max(bytesFor(packed), 1)
	rows := make([]byte, 0, (xref+1)*(1+w2+w3))
	rows = appendXrefRow(rows, 0, 0, 0, w2, w3) // object 0, the head of the free list
	for j := 1; j <= xref; j++ {
		if l := locs[j]; l.stm == 0 {
			rows = appendXrefRow(rows, 1, l.idx, 0, w2, w3)
		} else {
			rows = appendXrefRow(rows, 2, l.stm, l.idx, w2, w3)
		}
	}
	mem = xmem.compress(rows)
	rows = bytes.Clone(mem.bytes())
	mem.release()
	off := f.buffer.Len()
	f.outf("%d 0 obj", xref)
	f.outf("<</Type /XRef /Size %d /W [1 %d %d] /Root %d 0 R /Info %d 0 R", xref+1, w2, w3, f.n, f.n-1)
	if f.contentID {
		// As SetContentID does for a table: the hash covers the file
		// up to the /ID entry (the rows follow from it).
		sum := sha256.Sum256(f.buffer.Bytes())
		id := hex.EncodeToString(sum[:16])
		f.outf("/ID [<%s><%s>]", id, id)
	}
	f.outf("/Filter /FlateDecode /Length %d>>", len(rows))
	f.putstream(rows)
	f.out("endobj")
	f.out("startxref")
	f.outf("%d", off)
	f.out("%%EOF")
}

// bytesFor is the number of bytes that hold v big-endian.
func bytesFor(v int) int {
	n := 1
	for v > 0xFF {
		v >>= 8
		n++
	}
	return n
}

func appendXrefRow(b []byte, typ, f2, f3, w2, w3 int) []byte {
	b = append(b, byte(typ))
	for i := w2 - 1; i >= 0; i-- {
		b = append(b, byte(f2>>(8*i)))
	}
	for i := w3 - 1; i >= 0; i-- {
		b = append(b, byte(f3>>(8*i)))
	}
	return b
}
