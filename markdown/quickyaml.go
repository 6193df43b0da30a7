package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// quickYAML reads the plain shape of front matter that templates and
// Write produce — block mappings of word keys, block lists, one-line
// double-quoted or plain scalars and one-line flow lists of quoted texts —
// into the node tree yaml.v3 would build, several times faster. Anything
// else (comments, tabs, blank lines, other scalar styles, characters YAML
// treats specially) gives ok false, and the caller asks yaml.v3.
func quickYAML(b []byte) (doc *yaml.Node, ok bool) {
	if len(b) == 0 || b[len(b)-1] != '\n' || !quickChars(b) {
		return nil, false
	}
	src := string(b[:len(b)-1]) // one copy; the nodes' texts are slices of it
	p := &quickParser{lines: make([]quickLine, 0, bytes.Count(b, []byte{'\n'}))}
	// Every node is made from a line, a quote or the line's key: nodes
	// are taken from one slab of at most that many.
	p.slab = make([]yaml.Node, 0, 1+2*cap(p.lines)+strings.Count(src, `"`)/2)
	for n := 1; ; n++ {
		s, rest, more := strings.Cut(src, "\n")
		t := strings.TrimLeft(s, " ")
		if t == "" {
			return nil, false
		}
		p.lines = append(p.lines, quickLine{n: n, indent: len(s) - len(t), text: t})
		if !more {
			break
		}
		src = rest
	}
	root := p.block(0)
	if root == nil || p.i != len(p.lines) {
		return nil, false
	}
	return p.set(yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}), true
}

// quickChars reports whether b holds only characters that need no
// thought: no tab, carriage return or other control character, none of
// the Unicode line breaks or the byte-order mark YAML treats specially.
func quickChars(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xfffe && r <= 0xffff:
			return false
		}
		i += n
	}
	return true
}

type quickLine struct {
	n, indent int    // 1-based line, spaces before text
	text      string // the rest of the line
}

type quickParser struct {
	lines []quickLine
	i     int         // next line
	slab  []yaml.Node // where nodes are taken from
}

// node returns a new zero node.
func (p *quickParser) node() *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 16)
	}
	p.slab = p.slab[:len(p.slab)+1]
	return &p.slab[len(p.slab)-1]
}

// set returns a new node holding n.
func (p *quickParser) set(n yaml.Node) *yaml.Node {
	x := p.node()
	*x = n
	return x
}

// block reads the mapping or list starting at the next line, which must
// be indented by more than parent spaces (0 for the top).
func (p *quickParser) block(min int) *yaml.Node {
	if p.i >= len(p.lines) || p.lines[p.i].indent < min {
		return nil
	}
	if strings.HasPrefix(p.lines[p.i].text, "- ") {
		return p.sequence(p.lines[p.i].indent)
	}
	return p.mapping(p.lines[p.i].indent)
}

func (p *quickParser) mapping(indent int) *yaml.Node {
	l := p.lines[p.i]
	m := p.set(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: l.n, Column: indent + 1})
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.indent != indent || strings.HasPrefix(l.text, "- ") {
			break
		}
		colon := strings.IndexByte(l.text, ':')
		if colon <= 0 || !quickKey(l.text[:colon]) {
			return nil
		}
		k := p.plainNode(l.text[:colon], l.n, indent+1)
		rest := l.text[colon+1:]
		p.i++
		var v *yaml.Node
		switch {
		case rest == "":
			v = p.block(indent + 1)
		case rest[0] == ' ':
			v = p.inlineNode(rest[1:], l.n, indent+colon+3)
		}
		if v == nil {
			return nil
		}
		m.Content = append(m.Content, k, v)
	}
	if p.i < len(p.lines) && p.lines[p.i].indent > indent {
		return nil
	}
	return m
}

func (p *quickParser) sequence(indent int) *yaml.Node {
	s := p.set(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.lines[p.i].n, Column: indent + 1})
	for p.i < len(p.lines) {
		l := &p.lines[p.i]
		if l.indent != indent || !strings.HasPrefix(l.text, "- ") {
			break
		}
		rest := strings.TrimLeft(l.text[2:], " ")
		col := indent + len(l.text) - len(rest)
		var v *yaml.Node
		if i := strings.IndexByte(rest, ':'); i > 0 && quickKey(rest[:i]) {
			// "- key: value": a mapping whose keys line up after "- ".
			l.indent, l.text = col, rest
			v = p.mapping(col)
		} else {
			p.i++
			v = p.inlineNode(rest, l.n, col+1)
		}
		if v == nil {
			return nil
		}
		s.Content = append(s.Content, v)
	}
	if p.i < len(p.lines) && p.lines[p.i].indent > indent {
		return nil
	}
	return s
}

// quickKey reports whether s is a key of letters, digits and "_".
func quickKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return s != ""
}

// plainNode is a plain scalar, tagged as yaml.v3 resolves it. yaml.v3
// reads a scalar whose first character is none of + - . ~ digits and
// yYnNtTfFoO as text without looking further (its resolveTable).
func (p *quickParser) plainNode(s string, line, col int) *yaml.Node {
	n := p.set(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: line, Column: col})
	if strings.IndexByte("+-.~0123456789yYnNtTfFoO", s[0]) >= 0 {
		n.Tag = ""
		n.Tag = n.ShortTag()
	}
	return n
}

// inlineNode reads the value s, which starts at column col: a quoted
// text, a flow list of quoted texts, or a plain scalar of ordinary
// characters.
func (p *quickParser) inlineNode(s string, line, col int) *yaml.Node {
	switch {
	case s == "":
		return nil
	case s[0] == '"':
		v, n := quoted(s)
		if n != len(s) {
			return nil
		}
		return p.set(yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Tag: "!!str", Value: v, Line: line, Column: col})
	case s[0] == '[':
		return p.flowList(s, line, col)
	}
	if strings.ContainsAny(s, ":#,[]{}\"'&*!|<>%@`?") || s[0] == '-' || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return nil
	}
	return p.plainNode(s, line, col)
}

// flowList reads ["a", "b"] or [] on one line.
func (p *quickParser) flowList(s string, line, col int) *yaml.Node {
	l := p.set(yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: line, Column: col})
	i := 1
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i < len(s) && s[i] == ']' && len(l.Content) == 0 {
			break
		}
		if i >= len(s) || s[i] != '"' {
			return nil
		}
		v, n := quoted(s[i:])
		if n < 0 {
			return nil
		}
		l.Content = append(l.Content, p.set(yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Tag: "!!str", Value: v, Line: line, Column: col + utf8.RuneCountInString(s[:i])}))
		for i += n; i < len(s) && s[i] == ' '; i++ {
		}
		if i < len(s) && s[i] == ',' {
			i++
			continue
		}
		if i < len(s) && s[i] == ']' {
			break
		}
		return nil
	}
	if i != len(s)-1 {
		return nil
	}
	return l
}

// quoted reads the double-quoted text at the start of s, with the escapes
// JSON writes (\" \\ \n \t \r \uXXXX), and returns it and its length in
// s; n is -1 for anything else.
func quoted(s string) (v string, n int) {
	end := 1
	plain := true
	for ; end < len(s) && s[end] != '"'; end++ {
		if s[end] == '\\' {
			plain = false
			end++
		}
	}
	if end >= len(s) {
		return "", -1
	}
	if plain {
		return s[1:end], end + 1
	}
	var sb strings.Builder
	for i := 1; i < end; i++ {
		c := s[i]
		if c != '\\' {
			sb.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case '"', '\\':
			sb.WriteByte(s[i])
		case 'n':
			sb.WriteByte('\n')
		case 't':
			sb.WriteByte('\t')
		case 'r':
			sb.WriteByte('\r')
		case 'u':
			if i+5 > end {
				return "", -1
			}
			r, err := strconv.ParseUint(s[i+1:i+5], 16, 32)
			if err != nil || r >= 0xd800 && r <= 0xdfff {
				return "", -1
			}
			sb.WriteRune(rune(r))
			i += 4
		default:
			return "", -1
		}
	}
	return sb.String(), end + 1
}
