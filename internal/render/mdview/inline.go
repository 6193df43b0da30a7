package mdview

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"github.com/bhytdoc/bhytdoc/internal/ir"
)

// Escape returns s written as Markdown inline text that goldmark reads back
// as exactly s, wherever a line of a paragraph or list item starts with it.
//
// ASCII punctuation that could start markup is backslash-escaped (\ ` * _
// [ ] < # | ~, and & before a character reference); so are a leading - + =
// > and the "." or ")" of a leading label ("1.", "4.1.", "a)") that would
// otherwise make a list, a numbered sub-item or a point. Characters that
// Markdown cannot hold literally — control characters and spaces at either
// end of the text — are written as numeric character references ("&#32;").
// A NUL byte reads back as U+FFFD, as CommonMark requires; invalid UTF-8 is
// not text and reads back as U+FFFD too.
func Escape(s string) string {
	return Inline([]ir.Span{{S: s}}, true)
}

// Atom encodings.
const (
	literal = iota
	escaped // backslash + ASCII punctuation
	entity  // &#N;
)

type atom struct {
	r   rune
	enc uint8
}

// first and last return the source characters goldmark sees at either end
// of the atom's encoding: they decide whether a neighbouring emphasis
// delimiter can open or close.
func (a atom) first() rune {
	switch a.enc {
	case escaped:
		return '\\'
	case entity:
		return '&'
	}
	return a.r
}

func (a atom) last() rune {
	if a.enc == entity {
		return ';'
	}
	return a.r
}

func isSpace(r rune) bool { return util.IsSpaceRune(r) }
func isPunct(r rune) bool { return util.IsPunctRune(r) }

// needsEscape lists the ASCII punctuation escaped wherever it occurs.
// Others (- + = >) only matter at the start of a line; "." and ")" only
// after a leading label.
func needsEscape(r rune) bool {
	switch r {
	case '\\', '`', '*', '_', '[', ']', '<', '#', '|', '~':
		return true
	}
	return false
}

type span struct {
	atoms  []atom
	delim  byte // '*' or '_'; 0 for plain text
	n      int  // delimiter run length: 1 italic, 2 bold, 3 both
	bold   bool
	italic bool
}

// Inline encodes spans as one line of Markdown. lineStart reports whether
// the text begins a line (a paragraph or list item) rather than following
// a label on it. The text is taken to be followed by the end of the line,
// white space or punctuation.
//
// Every emphasised span gets its own delimiter run; neighbouring
// emphasised spans alternate '*' and '_' so that their runs never merge.
// Where CommonMark's flanking rules would keep a run from opening or
// closing (punctuation inside it and a letter outside, or white space just
// inside), the character at fault is written as a character reference,
// which counts as punctuation on both sides. So any span sequence reads
// back exactly.
func Inline(spans []ir.Span, lineStart bool) string {
	ss := make([]span, 0, len(spans))
	total := 0
	for _, sp := range spans {
		if sp.S == "" {
			continue
		}
		s := span{bold: sp.Style&ir.Bold != 0, italic: sp.Style&ir.Italic != 0}
		for i, w := 0, 0; i < len(sp.S); i += w {
			var r rune
			r, w = utf8.DecodeRuneInString(sp.S[i:])
			s.atoms = append(s.atoms, atom{r: r})
		}
		total += len(s.atoms)
		ss = append(ss, s)
	}
	if total == 0 {
		return ""
	}
	// Plain characters first.
	for si := range ss {
		for ai := range ss[si].atoms {
			a := &ss[si].atoms[ai]
			switch {
			case unicode.IsControl(a.r) || a.r == utf8.RuneError:
				a.enc = entity
			case needsEscape(a.r):
				a.enc = escaped
			case a.r == '&' && refFollows(ss, si, ai):
				a.enc = escaped
			}
		}
	}
	protectEdgeSpaces(ss)
	if lineStart && ss[0].isPlain() {
		escapeLineStart(ss[0].atoms)
	}
	// Delimiters.
	for i := range ss {
		s := &ss[i]
		if s.isPlain() {
			continue
		}
		s.delim = '*'
		if i > 0 && ss[i-1].delim == '*' {
			s.delim = '_'
		}
		switch {
		case s.bold && s.italic:
			s.n = 3
		case s.bold:
			s.n = 2
		default:
			s.n = 1
		}
	}
	for i := range ss {
		if !ss[i].isPlain() {
			fixOpener(ss, i)
			fixCloser(ss, i)
		}
	}
	var sb strings.Builder
	sb.Grow(total + total/4)
	for i := range ss {
		s := &ss[i]
		run := strings.Repeat(string(s.delim), s.n)
		sb.WriteString(run)
		for _, a := range s.atoms {
			switch a.enc {
			case escaped:
				sb.WriteByte('\\')
				sb.WriteRune(a.r)
			case entity:
				sb.WriteString("&#")
				sb.WriteString(strconv.Itoa(int(a.r)))
				sb.WriteByte(';')
			default:
				sb.WriteRune(a.r)
			}
		}
		sb.WriteString(run)
	}
	return sb.String()
}

func (s *span) isPlain() bool { return !s.bold && !s.italic }

// protectEdgeSpaces writes the spaces at either end of the line as
// character references: Markdown strips them otherwise.
func protectEdgeSpaces(ss []span) {
	n := 0
	for _, s := range ss {
		n += len(s.atoms)
	}
	at := func(i int) *atom {
		for si := range ss {
			if i < len(ss[si].atoms) {
				return &ss[si].atoms[i]
			}
			i -= len(ss[si].atoms)
		}
		return nil
	}
	for i := 0; i < n && at(i).r == ' '; i++ {
		at(i).enc = entity
	}
	for i := n - 1; i >= 0 && at(i).r == ' '; i-- {
		at(i).enc = entity
	}
}

// refFollows reports whether the '&' at ss[si].atoms[ai] could begin a
// character reference ("&amp;", "&#32;") with what follows it.
func refFollows(ss []span, si, ai int) bool {
	if ai+1 >= len(ss[si].atoms) {
		return false // a delimiter or the end follows
	}
	r := ss[si].atoms[ai+1].r
	return r == '#' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// escapeLineStart escapes what would make a line a block of its own: a
// list or quote marker, a setext underline or thematic break, an ordered
// list number ("1." "1)"), and the labels bhytdoc reads from a paragraph's
// start ("4.1." and "a)").
func escapeLineStart(as []atom) {
	if len(as) == 0 || as[0].enc != literal {
		return
	}
	switch as[0].r {
	case '-', '+', '=', '>':
		as[0].enc = escaped
		return
	}
	if n := articlePrefix(as); n > 0 {
		as[n].enc = escaped // "Điều 1." would read as an article
		return
	}
	i := 0
	for i < len(as) && as[i].r >= '0' && as[i].r <= '9' {
		i++
	}
	if i > 0 && i < len(as) && (as[i].r == '.' || as[i].r == ')') {
		as[i].enc = escaped
		return
	}
	if len(as) > 1 && as[1].r == ')' && (as[0].r >= 'a' && as[0].r <= 'z' || as[0].r == 'đ') {
		as[1].enc = escaped
	}
}

// fixOpener makes the opening run of ss[i] left-flanking (and, for '_',
// not a closer) by encoding the characters at fault.
func fixOpener(ss []span, i int) {
	s := &ss[i]
	f := &s.atoms[0]
	if f.enc == literal && isSpace(f.r) {
		f.enc = entity
	}
	var prev *atom // plain character before the run, if any
	before := '\n'
	if i > 0 {
		if p := &ss[i-1]; p.isPlain() {
			prev = &p.atoms[len(p.atoms)-1]
			before = prev.last()
		} else {
			before = rune(p.delim)
		}
	}
	if !canOpen(s.delim, before, f.first()) && prev != nil {
		prev.enc = entity
	}
}

// fixCloser is fixOpener for the closing run.
func fixCloser(ss []span, i int) {
	s := &ss[i]
	l := &s.atoms[len(s.atoms)-1]
	if l.enc == literal && isSpace(l.r) {
		l.enc = entity
	}
	var next *atom
	after := '\n'
	if i+1 < len(ss) {
		if n := &ss[i+1]; n.isPlain() {
			next = &n.atoms[0]
			after = next.first()
		} else {
			after = rune(n.delim)
		}
	}
	if !canClose(s.delim, l.last(), after) && next != nil {
		next.enc = entity
	}
}

// canOpen and canClose apply CommonMark's flanking rules as goldmark's
// parser.ScanDelimiter does.
func canOpen(delim byte, before, after rune) bool {
	left, right := flanking(before, after)
	if delim == '_' {
		return left && (!right || isPunct(before))
	}
	return left
}

func canClose(delim byte, before, after rune) bool {
	left, right := flanking(before, after)
	if delim == '_' {
		return right && (!left || isPunct(after))
	}
	return right
}

func flanking(before, after rune) (left, right bool) {
	bp, bs := isPunct(before), isSpace(before)
	ap, as := isPunct(after), isSpace(after)
	left = !as && (!ap || bs || bp)
	right = !bs && (!bp || as || ap)
	return
}

// articlePrefix returns the index of the "." of a leading "Điều N.", or 0.
func articlePrefix(as []atom) int {
	const word = "Điều "
	i := 0
	for _, r := range word {
		if i >= len(as) || as[i].r != r {
			return 0
		}
		i++
	}
	j := i
	for j < len(as) && as[j].r >= '0' && as[j].r <= '9' {
		j++
	}
	if j > i && j < len(as) && as[j].r == '.' {
		return j
	}
	return 0
}
