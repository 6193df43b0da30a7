package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// OpKind says what an Op draws.
type OpKind uint8

// Drawing operations.
const (
	OpText OpKind = iota
	OpLine
	OpImage
	OpRect
	// OpArea draws nothing: it marks where a signature block expects a
	// digital signature (S is the signarea role, Block the block), so
	// that the record names the box even when no image fills it.
	OpArea
)

// Op is one drawing operation in page coordinates (mm, origin top left).
// Text: X is the left edge, Y the baseline, W the cell width over which
// Justify spreads the spaces. Line: from (X,Y) to (X+W,Y+H). Image and
// Rect: the box X,Y,W,H.
type Op struct {
	Kind    OpKind
	X, Y    float64
	W, H    float64
	S       string
	Style   ir.Style
	Size    float64
	Justify bool
	Block   int32 // OpArea: the signature block, from 0
	Img     []byte
	Red     bool // text or rectangle in red ink (urgency marks)
}

// Page is a laid-out page.
type Page struct {
	Ops       []Op
	Landscape bool
}

// width and height of the page in mm.
func (p *Page) size() (float64, float64) {
	if p.Landscape {
		return pagespec.PageH, pagespec.PageW
	}
	return pagespec.PageW, pagespec.PageH
}

// metrics measures text with the faces of a family.
type metrics struct {
	faces  [4]*fonts.Face
	spaceU [4]int // width of a space in each face, 1/1000 em

	*Scratch // nil once the document is laid out
}

// Scratch is the memory line breaking reuses from one paragraph to the
// next, and, given to LayoutAllWith, from one document to the next. One
// document at a time may use it (a document is laid out on one
// goroutine); the zero value is ready to use.
type Scratch struct {
	// Arrays of words (wrap copies what it keeps).
	wordBuf  []word
	pieceBuf []piece

	// Arrays of the lines of a paragraph, reused by paragraph, which is
	// done with its lines before it returns.
	lineBuf []line
	allBuf  []piece
	endsBuf []int

	// centred keeps the lines of the centred texts of the documents
	// laid out with this Scratch (see wrapCentred); kept is set when
	// LayoutAllWith was given it, so that they may be read again.
	centred map[centredKey][]line
	kept    bool
}

// centredKey is what the lines of a centred text depend on.
type centredKey struct {
	s           string
	st          ir.Style
	face        *fonts.Face
	size, width float64
}

// maxCentred bounds Scratch.centred: a letter has about ten centred
// texts, most of them the same in every letter of a merge.
const maxCentred = 256

// newMetrics measures with the faces doc uses, in sc's scratch arrays
// (new ones when sc is nil).
func newMetrics(fam *fonts.Family, doc *ir.Doc, sc *Scratch) (*metrics, error) {
	if sc == nil {
		sc = new(Scratch)
	} else {
		sc.kept = true
	}
	m := &metrics{Scratch: sc}
	var err error
	doc.Each(func(t ir.Text, st ir.Style) {
		if m.faces[st] != nil || err != nil || t.S == "" {
			return
		}
		var f *fonts.Face
		f, err = fam.Face(fonts.Style(st))
		m.setFace(st, f)
	})
	return m, err
}

// setFace sets the face of style st.
func (m *metrics) setFace(st ir.Style, f *fonts.Face) {
	m.faces[st], m.spaceU[st] = f, f.Width1000(" ")
}

// w is the width of s in mm.
func (m *metrics) w(s string, st ir.Style, size float64) float64 {
	f := m.faces[st]
	if f == nil {
		return 0
	}
	return f.Width(s, size) * pagespec.PtToMM
}

// u is the width of s in 1/1000 em (fonts.Face.Width1000).
func (m *metrics) u(s string, st ir.Style) int {
	return m.faces[st].Width1000(s)
}

// wu is w for a width u in 1/1000 em: w(s, st, size) is exactly
// wu(u(s, st), st, size), since Face.Width scales Width1000 the same way.
func (m *metrics) wu(u int, st ir.Style, size float64) float64 {
	if m.faces[st] == nil {
		return 0
	}
	return float64(u) * size / 1000 * pagespec.PtToMM
}

// piece is a run of text of one style inside a line, and its width in
// 1/1000 em (pieces of one style add up, so a line's pieces are never
// measured again).
//
// Where known, span and off say where s lies in the wrapped spans
// (spans[span].S[off:]), so that merge can join neighbours by slicing
// instead of copying; span is -1 otherwise.
type piece struct {
	s    string
	st   ir.Style
	u    int
	span int32
	off  int32
}

// line is a wrapped line: its pieces, natural width and number of spaces
// between words (the places justification may widen).
type line struct {
	pieces []piece
	width  float64
	spaces int
	last   bool // last line of its paragraph: never justified
}

// word is a maximal run of non-space text; pieces split it by style. sep
// is the run of spaces that follows it in the text (kept as written: a
// draft's blank day is several spaces), sepW its width.
type word struct {
	pieces  []piece
	width   float64
	sep     string
	sepW    float64
	sepSt   ir.Style
	sepSpan int32 // where sep lies, as piece.span and piece.off
	sepOff  int32
}

func (m *metrics) words(spans []ir.Span, size float64) []word {
	// One array holds the pieces of all words (a word's pieces are
	// appended together), so a word costs no allocation of its own.
	n := 1
	for _, sp := range spans {
		n += strings.Count(sp.S, " ") + 1
	}
	if cap(m.wordBuf) < n {
		m.wordBuf = make([]word, 0, n)
	}
	if cap(m.pieceBuf) < n+len(spans) {
		m.pieceBuf = make([]piece, 0, n+len(spans))
	}
	out, arena := m.wordBuf[:0], m.pieceBuf[:0]
	var cur word
	start := 0 // cur's first piece in arena
	inWord := false
	for k, sp := range spans {
		s := sp.S
		for s != "" {
			if s[0] == ' ' {
				n := 1 // the run of spaces (a loop: TrimLeft's call cost more)
				for n < len(s) && s[n] == ' ' {
					n++
				}
				if inWord {
					if cur.sep == "" {
						cur.sepSpan, cur.sepOff = int32(k), int32(len(sp.S)-len(s))
						cur.sep = s[:n] // no call to concatenate with ""
					} else {
						cur.sepSpan = -1 // spaces from two spans
						cur.sep += s[:n]
					}
					cur.sepW += m.wu(n*m.spaceU[sp.Style], sp.Style, size) // m.w(s[:n], …)
					cur.sepSt = sp.Style
				}
				s = s[n:]
				continue
			}
			if cur.sep != "" {
				cur.pieces = arena[start:len(arena):len(arena)]
				out = append(out, cur)
				cur, start = word{}, len(arena)
			}
			part := s
			if i := strings.IndexByte(s, ' '); i > 0 {
				part = s[:i]
			}
			u := m.u(part, sp.Style)
			arena = append(arena, piece{part, sp.Style, u, int32(k), int32(len(sp.S) - len(s))})
			inWord = true
			cur.width += m.wu(u, sp.Style, size)
			s = s[len(part):]
		}
	}
	if inWord {
		cur.pieces = arena[start:len(arena):len(arena)]
		out = append(out, cur)
	}
	return out
}

// wrap breaks spans into lines no wider than first (the first line) and
// rest (the others). A word wider than the line is split by runes. Every
// step puts at least one rune on a line, so any width — zero, negative,
// NaN — ends in at most one line per rune.
func (m *metrics) wrap(spans []ir.Span, size, first, rest float64) []line {
	lines, _, _ := m.wrapInto(nil, nil, nil, spans, size, first, rest)
	return lines
}

// wrapCentred is wrap of the text s, in style st, that its caller only
// reads: with a Scratch kept from one document to the next, text met
// before (the issuer's name, the place and date, the signature in every
// letter of a merge) takes the lines wrapped then, which are the same.
func (m *metrics) wrapCentred(s string, st ir.Style, size, width float64) []line {
	if m.Scratch == nil || !m.kept {
		return m.wrap([]ir.Span{{S: s, Style: st}}, size, width, width)
	}
	k := centredKey{s, st, m.faces[st], size, width}
	if ls, ok := m.centred[k]; ok {
		return ls
	}
	ls := m.wrap([]ir.Span{{S: s, Style: st}}, size, width, width)
	if m.centred == nil || len(m.centred) >= maxCentred {
		m.centred = make(map[centredKey][]line, 16)
	}
	m.centred[k] = ls
	return ls
}

// wrapScratch is wrap into m's scratch arrays: the lines are valid until
// the next call.
func (m *metrics) wrapScratch(spans []ir.Span, size, first, rest float64) []line {
	lines, all, ends := m.wrapInto(m.lineBuf[:0], m.allBuf[:0], m.endsBuf[:0], spans, size, first, rest)
	m.lineBuf, m.allBuf, m.endsBuf = lines[:0], all[:0], ends[:0]
	return lines
}

// wrapInto is wrap appending to lines, all and ends (see below), which
// may be nil; it returns them.
func (m *metrics) wrapInto(lines []line, all []piece, ends []int, spans []ir.Span, size, first, rest float64) ([]line, []piece, []int) {
	ws := m.words(spans, size)
	// The lines' pieces are appended to one array, all, and cut into
	// lines at the end (ends[k] is where line k ends): a line costs no
	// array of its own. from is where the current line starts.
	if n := 2*len(ws) + len(spans); cap(all) < n {
		all = make([]piece, 0, n)
	}
	var cur line
	from := 0
	emit := func() {
		lines, ends = append(lines, cur), append(ends, len(all))
		cur, from = line{}, len(all)
	}
	avail := first
	var pending word // the previous word, whose separator comes next
	// A spaced hyphen (" - ") never ends a line: before placing one that
	// is not first on its line, remember the line without it, and break
	// there instead should the next word not fit.
	var dash struct {
		at        int // index of the hyphen word; -1: none
		n, spaces int
		width     float64
	}
	dash.at = -1
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		placed := len(all) - from // pieces on the current line
		need := w.width
		if placed > 0 {
			need += pending.sepW
		}
		if cur.width+need > avail+1e-9 && placed > 0 && dash.at == i-1 {
			all = all[:from+dash.n]
			cur.width, cur.spaces = dash.width, dash.spaces
			emit()
			avail = rest
			i, dash.at = dash.at-1, -1
			continue
		}
		if cur.width+need > avail+1e-9 && placed > 0 {
			emit()
			avail = rest
			i--
			continue
		}
		if w.width > avail && placed == 0 {
			// A word longer than a line (a URL, a long number): cut it.
			head, tail := m.cut(w, avail, size)
			all = append(all, head.pieces...)
			cur.width = head.width
			emit()
			avail = rest
			if len(tail.pieces) == 0 {
				// One rune wider than the line: it stands alone.
				continue
			}
			ws[i] = tail
			i--
			continue
		}
		if isDash(w) && placed > 0 {
			dash.at, dash.n, dash.spaces, dash.width = i, placed, cur.spaces, cur.width
		}
		if placed > 0 {
			// The separator is spaces only: its width is the space's times
			// its length, as measuring it would sum.
			all = append(all, piece{pending.sep, pending.sepSt, len(pending.sep) * m.spaceU[pending.sepSt], pending.sepSpan, pending.sepOff})
			cur.spaces += len(pending.sep)
		}
		all = append(all, w.pieces...)
		cur.width += need
		pending = w
	}
	if len(all) > from || len(lines) == 0 {
		emit()
	}
	lines[len(lines)-1].last = true
	start := 0
	for i, end := range ends {
		if end > start {
			lines[i].pieces = merge(all[start:end:end], spans)
		}
		start = end
	}
	return lines, all, ends
}

// cut splits a word so that its head fits in avail (at least one rune).
func (m *metrics) cut(w word, avail, size float64) (word, word) {
	var head, tail word
	full := false
	for _, p := range w.pieces {
		if full {
			tail.pieces = append(tail.pieces, p)
			continue
		}
		for i, r := range p.s {
			rw := m.w(p.s[i:i+utf8.RuneLen(r)], p.st, size)
			if head.width+rw > avail && (head.width > 0) {
				if i > 0 {
					head.pieces = append(head.pieces, piece{p.s[:i], p.st, m.u(p.s[:i], p.st), p.span, p.off})
				}
				tail.pieces = append(tail.pieces, piece{p.s[i:], p.st, m.u(p.s[i:], p.st), p.span, p.off + int32(i)})
				full = true
				break
			}
			head.width += rw
		}
		if !full {
			head.pieces = append(head.pieces, p)
		}
	}
	// Widths are sums of per-rune advances, so the tail's is what the
	// head did not take: measuring it again made cutting a long token
	// quadratic in its length.
	tail.width = max(0, w.width-head.width)
	tail.sep, tail.sepW, tail.sepSt, tail.sepSpan, tail.sepOff = w.sep, w.sepW, w.sepSt, w.sepSpan, w.sepOff
	return head, tail
}

// merge joins neighbouring pieces of the same style. Pieces that lie
// next to each other in one span (nearly all) are joined by slicing the
// span; others are copied, with one allocation per run: appending piece
// by piece copied the growing string once per word.
func merge(ps []piece, spans []ir.Span) []piece {
	out := ps[:0]
	for i := 0; i < len(ps); {
		j, n, u := i+1, len(ps[i].s), ps[i].u
		adjacent := ps[i].span >= 0
		for j < len(ps) && ps[j].st == ps[i].st {
			adjacent = adjacent && ps[j].span == ps[i].span && int(ps[j].off) == int(ps[i].off)+n
			n += len(ps[j].s)
			u += ps[j].u
			j++
		}
		p := ps[i]
		p.u = u
		switch {
		case j-i == 1:
		case adjacent:
			p.s = spans[p.span].S[p.off : int(p.off)+n]
		default:
			var b strings.Builder
			b.Grow(n)
			for _, q := range ps[i:j] {
				b.WriteString(q.s)
			}
			p.s = b.String()
			p.span = -1
		}
		out = append(out, p)
		i = j
	}
	return out
}

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// placeLine returns the text ops that draw l with its left edge at x
// (first-line indents already applied), baseline y, in a box of width
// avail.
func (m *metrics) placeLine(l line, x, y, avail, size float64, a align) []Op {
	extra := 0.0
	switch a {
	case alignCenter:
		x += (avail - l.width) / 2
	case alignRight:
		x += avail - l.width
	case alignJustify:
		if !l.last && l.spaces > 0 {
			extra = (avail - l.width) / float64(l.spaces)
		}
	}
	ops := make([]Op, 0, len(l.pieces))
	for _, p := range l.pieces {
		n := strings.Count(p.s, " ")
		w := m.wu(p.u, p.st, size) + float64(n)*extra
		ops = append(ops, Op{Kind: OpText, X: x, Y: y, W: w, S: p.s, Style: p.st, Size: size, Justify: extra > 0 && n > 0})
		x += w
	}
	return ops
}

// block is a unit of vertical flow: ops relative to its top, its height,
// the space before it (dropped at the top of a page) and whether it must
// stay on the same page as the next block.
type block struct {
	ops    []Op
	h      float64
	before float64
	keep   bool
	head   *block // a table's header rows, repeated when this row starts a page
	// reach is how far below the top the ops go when more than h (the
	// signature beside the first lines of Nơi nhận): the page must hold
	// it, the next block still starts at h.
	reach float64
}

// paragraph lays out spans as a block per line, so that pages can break
// inside paragraphs. indent applies to the first line, hang to the others.
func (m *metrics) paragraph(spans []ir.Span, size, lineH, before, x, width, indent, hang float64, a align) []block {
	lines := m.wrapScratch(spans, size, width-indent, width-hang)
	out := make([]block, len(lines))
	asc := 0.8 * size * pagespec.PtToMM // baseline below the line top
	for i, l := range lines {
		off := hang
		if i == 0 {
			off = indent
		}
		out[i] = block{ops: m.placeLine(l, x+off, asc+(lineH-size*pagespec.PtToMM)/2, width-off, size, a), h: lineH}
	}
	out[0].before = before
	// Keep two lines together at each end of a paragraph (no orphan or
	// widow lines).
	if len(out) >= 2 {
		out[0].keep = true
		out[len(out)-2].keep = true
	}
	return out
}

// itoa formats a page number.
func itoa(n int) string { return strconv.Itoa(n) }
