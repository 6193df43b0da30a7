package xlsx

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
)

// scanner is a small XML tokenizer for worksheets, which are the bulk of a
// workbook: encoding/xml allocates for every token and reads byte by
// byte, which made reading 100.000 rows take seconds. It reads what a
// worksheet holds — elements, attributes, text, the five predefined
// entities and character references, CDATA, comments and processing
// instructions — and refuses document type declarations. Names lose
// their namespace prefix. Tokens are valid until the next call.
type scanner struct {
	r     *bufio.Reader
	raw   []byte // a tag or text spanning buffer refills
	text  []byte // decoded text: in the input, or tbuf
	tbuf  []byte
	name  []byte // local name of the current element
	attrs []xattr
	abuf  []byte // decoded attribute values
	self  bool   // the start tag closes itself: <c/>
	// win is the reader's buffered input, of which nextBuffered has
	// read the first used bytes: they are discarded from the reader
	// before it reads on.
	win  []byte
	used int
	// oddName: a name of the start tag holds a quote, which nextRead
	// reads as the start of a value.
	oddName bool
}

type xattr struct {
	name []byte // local name
	// val is the value as it is in the tag, when it has nothing to
	// decode (nearly always); else it is abuf[start:end].
	val        []byte
	start, end int
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

// maxToken bounds one tag or text node (a spreadsheet cell holds at most
// 32.767 characters).
const maxToken = 4 << 20

var errToken = fmt.Errorf("an XML tag or text longer than %d MiB", maxToken>>20)

func newScanner(r io.Reader) *scanner {
	return &scanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// value returns attribute a's decoded value.
func (s *scanner) value(a xattr) []byte {
	if a.val != nil {
		return a.val
	}
	return s.abuf[a.start:a.end]
}

// attr returns the value of the attribute with the local name, or nil.
func (s *scanner) attr(name string) []byte {
	for _, a := range s.attrs {
		if string(a.name) == name {
			return s.value(a)
		}
	}
	return nil
}

// readUntil reads up to and including delim; the result is valid until
// the next read.
func (s *scanner) readUntil(delim byte) ([]byte, error) {
	b, err := s.r.ReadSlice(delim)
	if err != bufio.ErrBufferFull {
		return b, err
	}
	s.raw = append(s.raw[:0], b...)
	for {
		b, err = s.r.ReadSlice(delim)
		s.raw = append(s.raw, b...)
		if len(s.raw) > maxToken {
			return nil, errToken
		}
		if err != bufio.ErrBufferFull {
			return s.raw, err
		}
	}
}

// more appends the input up to and including the next delim to tag,
// which must be s.raw or a slice that the next read may overwrite.
func (s *scanner) more(tag []byte, delim byte) ([]byte, error) {
	s.raw = append(s.raw[:0], tag...) // tag may be s.raw itself: append copies in place
	for {
		b, err := s.r.ReadSlice(delim)
		s.raw = append(s.raw, b...)
		if len(s.raw) > maxToken {
			return nil, errToken
		}
		if err == nil {
			return s.raw, nil
		}
		if err != bufio.ErrBufferFull {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
}

// next reads the next token.
func (s *scanner) next() (tokKind, error) {
	if k, ok, err := s.nextBuffered(); ok {
		return k, err
	}
	if s.used > 0 { // the reader takes over where the window ends
		s.r.Discard(s.used)
	}
	s.win, s.used = nil, 0
	return s.nextRead()
}

// nextBuffered reads the next token when it lies whole in the reader's
// buffer (the window win) and is text, an end tag or a start tag whose quotes are its
// attributes' values, as nearly every token of a worksheet is: without
// the reader's byte-by-byte calls and the quote scan of every tag. ok
// is false, and nothing read, for any other: nextRead reads it.
func (s *scanner) nextBuffered() (k tokKind, ok bool, err error) {
	if s.win == nil {
		s.win, _ = s.r.Peek(s.r.Buffered())
	}
	buf := s.win[s.used:]
	if len(buf) < 2 {
		return tokEOF, false, nil
	}
	if buf[0] != '<' {
		i := bytes.IndexByte(buf, '<')
		if i < 0 {
			return tokEOF, false, nil
		}
		if err := s.setText(buf[:i]); err != nil {
			return tokEOF, true, err
		}
		s.used += i
		return tokText, true, nil
	}
	j := bytes.IndexByte(buf, '>')
	if j < 2 { // none, or <>
		return tokEOF, false, nil
	}
	tag := buf[1:j] // without < and >
	switch c := tag[0]; c {
	case '/':
		name := tag[1:]
		if len(name) == 0 || isSpace(name[0]) || isSpace(name[len(name)-1]) {
			name = bytes.TrimSpace(name)
		}
		s.name = localName(name)
		s.used += j + 1
		return tokEnd, true, nil
	case '!', '?':
		return tokEOF, false, nil
	}
	if err := s.startTag(tag); err != nil || s.oddName {
		return tokEOF, false, nil // as nextRead reads it, quotes and all
	}
	s.used += j + 1
	return tokStart, true, nil
}

// simple reads open, text and close when the buffered input goes on
// with them, the text having nothing to decode; ok is false, and nothing
// read, otherwise.
func (s *scanner) simple(open, close string) (text []byte, ok bool) {
	if s.win == nil {
		return nil, false
	}
	buf := s.win[s.used:]
	if len(buf) < len(open)+len(close) || string(buf[:len(open)]) != open {
		return nil, false
	}
	i := bytes.IndexByte(buf[len(open):], '<')
	if i < 0 {
		return nil, false
	}
	text, rest := buf[len(open):len(open)+i], buf[len(open)+i:]
	if len(rest) < len(close) || string(rest[:len(close)]) != close || !plainText(text) {
		return nil, false
	}
	s.used += len(open) + i + len(close)
	return text, true
}

// nextRead reads the next token from the reader.
func (s *scanner) nextRead() (tokKind, error) {
	for {
		c, err := s.r.ReadByte()
		if err == io.EOF {
			return tokEOF, nil
		}
		if err != nil {
			return tokEOF, err
		}
		if c != '<' {
			s.r.UnreadByte()
			b, err := s.readUntil('<')
			if err == nil {
				s.r.UnreadByte()
				b = b[:len(b)-1]
			} else if err != io.EOF {
				return tokEOF, err
			}
			if err := s.setText(b); err != nil {
				return tokEOF, err
			}
			return tokText, nil
		}
		tag, err := s.readUntil('>')
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return tokEOF, err
		}
		// tag is everything after '<', '>' included. Most are start
		// tags, which none of these prefixes begin.
		switch c := tag[0]; {
		case c == '/':
			name := tag[1 : len(tag)-1]
			if len(name) == 0 || isSpace(name[0]) || isSpace(name[len(name)-1]) {
				name = bytes.TrimSpace(name)
			}
			s.name = localName(name)
			return tokEnd, nil
		case c != '!' && c != '?':
		case bytes.HasPrefix(tag, []byte("!--")):
			for !bytes.HasSuffix(tag, []byte("-->")) || len(tag) < 5 {
				if tag, err = s.more(tag, '>'); err != nil {
					return tokEOF, err
				}
			}
			continue
		case bytes.HasPrefix(tag, []byte("![CDATA[")):
			for !bytes.HasSuffix(tag, []byte("]]>")) {
				if tag, err = s.more(tag, '>'); err != nil {
					return tokEOF, err
				}
			}
			s.tbuf = append(s.tbuf[:0], tag[8:len(tag)-3]...)
			s.text = s.tbuf
			return tokText, nil
		case bytes.HasPrefix(tag, []byte("?")):
			for !bytes.HasSuffix(tag, []byte("?>")) {
				if tag, err = s.more(tag, '>'); err != nil {
					return tokEOF, err
				}
			}
			continue
		case bytes.HasPrefix(tag, []byte("!")):
			return tokEOF, errors.New("XML declarations (<!DOCTYPE …>) are not allowed in a workbook")
		}
		// A '>' inside a quoted attribute value does not end the tag.
		for quoteOpen(tag) {
			if tag, err = s.more(tag, '>'); err != nil {
				return tokEOF, err
			}
		}
		return tokStart, s.startTag(tag[:len(tag)-1])
	}
}

// quoteOpen reports whether tag ends inside a quoted attribute value.
func quoteOpen(tag []byte) bool {
	var q byte
	for _, c := range tag {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case c == q:
			q = 0
		}
	}
	return q != 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// startTag parses `name attr="v" …` or `name …/`.
func (s *scanner) startTag(b []byte) error {
	s.self = false
	if n := len(b); n > 0 && b[n-1] == '/' {
		s.self = true
		b = b[:n-1]
	}
	s.oddName = false
	i := 0
	for i < len(b) && !isSpace(b[i]) {
		s.oddName = s.oddName || b[i] == '"' || b[i] == '\''
		i++
	}
	if i == 0 {
		return errors.New("an XML tag without a name")
	}
	s.name = localName(b[:i])
	s.attrs = s.attrs[:0]
	s.abuf = s.abuf[:0]
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return nil
		}
		j := i
		for j < len(b) && b[j] != '=' && !isSpace(b[j]) {
			s.oddName = s.oddName || b[j] == '"' || b[j] == '\''
			j++
		}
		name := b[i:j]
		for j < len(b) && isSpace(b[j]) {
			j++
		}
		if j >= len(b) || b[j] != '=' {
			return fmt.Errorf("attribute %s without a value", excerpt.Quote(string(name)))
		}
		j++
		for j < len(b) && isSpace(b[j]) {
			j++
		}
		if j >= len(b) || (b[j] != '"' && b[j] != '\'') {
			return fmt.Errorf("attribute %s without a quoted value", excerpt.Quote(string(name)))
		}
		q := b[j]
		k := bytes.IndexByte(b[j+1:], q)
		if k < 0 {
			return fmt.Errorf("attribute %s not closed", excerpt.Quote(string(name)))
		}
		if raw := b[j+1 : j+1+k]; plainText(raw) {
			s.attrs = append(s.attrs, xattr{name: localName(name), val: raw})
		} else {
			start := len(s.abuf)
			if err := s.decode(&s.abuf, raw); err != nil {
				return err
			}
			s.attrs = append(s.attrs, xattr{name: localName(name), start: start, end: len(s.abuf)})
		}
		i = j + 1 + k + 1
	}
}

// localName strips a namespace prefix: "x:c" is "c".
func localName(b []byte) []byte {
	for i, c := range b { // names are short: a loop beats IndexByte's call
		if c == ':' {
			return b[i+1:]
		}
	}
	return b
}

// setText sets the text token to raw decoded: raw itself when it has
// nothing to decode, which spares a copy of most text.
func (s *scanner) setText(raw []byte) error {
	if plainText(raw) {
		s.text = raw
		return nil
	}
	if err := s.decode(&s.tbuf, raw); err != nil {
		return err
	}
	s.text = s.tbuf
	return nil
}

// plainText reports whether raw has no reference and no carriage
// return to decode: a loop for the few bytes of most values, IndexByte
// for the longer.
func plainText(raw []byte) bool {
	if len(raw) > 16 {
		return bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0
	}
	for _, c := range raw {
		if c == '&' || c == '\r' {
			return false
		}
	}
	return true
}

// decode appends raw text with its references resolved and line ends
// normalised to *dst, which it resets first when dst is s.tbuf.
func (s *scanner) decode(dst *[]byte, raw []byte) error {
	out := *dst
	if dst == &s.tbuf {
		out = out[:0]
	}
	if plainText(raw) {
		*dst = append(out, raw...) // most text: IndexAny below is slower
		return nil
	}
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			out = append(out, raw...)
			break
		}
		out = append(out, raw[:i]...)
		raw = raw[i:]
		if raw[0] == '\r' {
			out = append(out, '\n')
			raw = raw[1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			return errors.New("a bare & in XML text")
		}
		ref := raw[1:semi]
		raw = raw[semi+1:]
		switch string(ref) {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			if len(ref) < 2 || ref[0] != '#' {
				return fmt.Errorf("unknown XML entity &%s;", excerpt.Trim(string(ref)))
			}
			var n uint64
			var err error
			if ref[1] == 'x' {
				n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return fmt.Errorf("bad character reference &%s;", excerpt.Trim(string(ref)))
			}
			out = utf8.AppendRune(out, rune(n))
		}
	}
	*dst = out
	return nil
}
