package bhytdoc

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BlockKind is the role of a body block in the phần–mục–khoản–điểm
// structure of Vietnamese administrative documents.
type BlockKind int

// Body block kinds.
const (
	// Paragraph is running text with a first-line indent.
	Paragraph BlockKind = iota
	// Part is a phần or chương: its Label ("Phần I", "Chương II") on its
	// own centred line, its Text as a centred capitalised heading.
	Part
	// Section is a mục: Label "I.", "II." and an upper-case bold heading.
	Section
	// Item is a khoản: Label "1.", "2."; bold when Heading is set.
	Item
	// SubItem is a numbered sub-item: Label "4.1.", "4.2.".
	SubItem
	// Point is an điểm: Label "a)", "b)", "đ)".
	Point
	// Dash is a bullet starting with "- ".
	Dash
	// Plus is a second-level bullet starting with "+ ".
	Plus
)

var blockKindNames = [...]string{"Paragraph", "Part", "Section", "Item", "SubItem", "Point", "Dash", "Plus"}

// String returns the kind's Go name ("Section").
func (k BlockKind) String() string {
	if k < 0 || int(k) >= len(blockKindNames) {
		return fmt.Sprintf("BlockKind(%d)", int(k))
	}
	return blockKindNames[k]
}

// Block is one paragraph-level element of the body.
type Block struct {
	Kind BlockKind
	// Label is the numbering printed before the text ("I.", "1.", "4.1.",
	// "a)", "Phần I"). Dash and Plus blocks print their marker instead and
	// have no label; Paragraph has none.
	Label string
	// Heading marks an Item or SubItem that is a title line (printed
	// bold), as opposed to a numbered paragraph of running text.
	Heading bool
	// Text is the content with its inline emphasis.
	Text []Span
}

// Span is a run of text with one emphasis.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
}

// Plain returns the text of b's spans without emphasis.
func (b *Block) Plain() string {
	return spansText(b.Text)
}

func spansText(ss []Span) string {
	if len(ss) == 1 {
		return ss[0].Text
	}
	var sb strings.Builder
	for _, s := range ss {
		sb.WriteString(s.Text)
	}
	return sb.String()
}

// Marker returns what is printed before the text: the label, "-" or "+".
func (b *Block) Marker() string {
	switch b.Kind {
	case Dash:
		return "-"
	case Plus:
		return "+"
	}
	return b.Label
}

// SyntaxError reports Markdown that cannot become a body, at a 1-based
// line of the source.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

var (
	reRomanLabel = regexp.MustCompile(`^([IVXLCDM]+\.)\s+`)
	reItemLabel  = regexp.MustCompile(`^([0-9]+\.)\s+`)
	reSubLabel   = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)+\.)\s+`)
	rePointLabel = regexp.MustCompile(`^([a-zđ]\))\s+`)
	rePartLabel  = regexp.MustCompile(`^((?:Phần|Chương|PHẦN|CHƯƠNG)\s+[IVXLCDM]+)(?:[.:]\s*|\s+|$)`)
)

// ParseBody parses a Markdown body into blocks. The mapping follows how
// officials number their documents:
//
//	# Phần I. Quy định chung       → Part    (Label "Phần I")
//	## I. MỤC ĐÍCH, YÊU CẦU         → Section (Label "I.")
//	### 1. Trách nhiệm …:          → Item, Heading (Label "1.")
//	#### 4.1. …                     → SubItem, Heading (Label "4.1.")
//	1. Giao Trưởng phòng …          → Item (ordered lists keep their numbers)
//	4.1. … (a paragraph)            → SubItem
//	a) … (a paragraph)              → Point
//	- …  /  + …                     → Dash / Plus
//	other paragraphs                → Paragraph
//
// **bold** and *italic* become spans. A backslash before the label
// ("1\." or "a\)") keeps a paragraph that merely starts like a label.
// Elements with no place in an administrative document (links, images,
// code, HTML, quotes, tables, rules) are errors naming the line.
func ParseBody(md string) ([]Block, error) {
	src := []byte(md)
	if !utf8.Valid(src) {
		return nil, &SyntaxError{Line: badUTF8Line(src), Msg: "invalid UTF-8"}
	}
	p := bodyParser{src: src}
	root := goldmark.DefaultParser().Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		p.block(n, 0)
	}
	if p.err != nil {
		return nil, p.err
	}
	return p.out, nil
}

func badUTF8Line(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[size:]
	}
	return line
}

type bodyParser struct {
	src []byte
	out []Block
	err error
}

func (p *bodyParser) fail(n ast.Node, format string, args ...any) {
	if p.err == nil {
		p.err = &SyntaxError{Line: p.line(n), Msg: fmt.Sprintf(format, args...)}
	}
}

// line finds the 1-based source line of n: its recorded position, else
// the first segment of n or of a descendant, else its parent's line.
func (p *bodyParser) line(n ast.Node) int {
	at := func(off int) int { return 1 + bytes.Count(p.src[:min(off, len(p.src))], []byte{'\n'}) }
	if n.Pos() >= 0 {
		return at(n.Pos())
	}
	for c := n; c != nil; c = c.FirstChild() {
		if c.Pos() >= 0 {
			return at(c.Pos())
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return at(c.Lines().At(0).Start)
		}
		if t, ok := c.(*ast.Text); ok {
			return at(t.Segment.Start)
		}
	}
	if n.Parent() != nil {
		return p.line(n.Parent())
	}
	return 1
}

func (p *bodyParser) block(n ast.Node, depth int) {
	switch n := n.(type) {
	case *ast.Heading:
		p.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		p.paragraph(n)
	case *ast.List:
		p.list(n, depth)
	default:
		p.fail(n, "%s is not allowed in a document body", nodeName(n))
	}
}

func nodeName(n ast.Node) string {
	switch n.Kind() {
	case ast.KindBlockquote:
		return "a block quote"
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		return "a code block"
	case ast.KindThematicBreak:
		return "a thematic break"
	case ast.KindHTMLBlock, ast.KindRawHTML:
		return "HTML"
	case ast.KindLink, ast.KindAutoLink:
		return "a link"
	case ast.KindImage:
		return "an image"
	case ast.KindCodeSpan:
		return "inline code"
	}
	return "a " + n.Kind().String() + " element"
}

func (p *bodyParser) heading(h *ast.Heading) {
	spans := p.inlines(h)
	if p.err != nil {
		return
	}
	head := spansText(spans)
	var b Block
	var re *regexp.Regexp
	switch h.Level {
	case 1:
		b.Kind, re = Part, rePartLabel
	case 2:
		b.Kind, re = Section, reRomanLabel
	case 3:
		b.Kind, b.Heading, re = Item, true, reItemLabel
	case 4:
		b.Kind, b.Heading, re = SubItem, true, reSubLabel
	default:
		p.fail(h, "heading level %d is not used; use # Phần, ## I., ### 1., #### 1.1.", h.Level)
		return
	}
	m := re.FindStringSubmatchIndex(head)
	if m == nil {
		p.fail(h, "%s heading %q must start with its label (%s)", b.Kind, head, labelExample[b.Kind])
		return
	}
	b.Label = head[m[2]:m[3]]
	b.Text = trimSpansPrefix(spans, m[1])
	p.out = append(p.out, b)
}

var labelExample = map[BlockKind]string{
	Part: `"Phần I"`, Section: `"I."`, Item: `"1."`, SubItem: `"4.1."`, Point: `"a)"`,
}

func (p *bodyParser) paragraph(n ast.Node) {
	spans := p.inlines(n)
	if p.err != nil {
		return
	}
	b := Block{Kind: Paragraph}
	// A label is only recognised when the source really starts with it:
	// "1\." or "a\)" written with a backslash stays a paragraph.
	raw := p.rawStart(n)
	plain := spansText(spans)
	if m := reSubLabel.FindStringSubmatchIndex(plain); m != nil && reSubLabel.MatchString(raw) {
		b.Kind, b.Label, b.Text = SubItem, plain[m[2]:m[3]], trimSpansPrefix(spans, m[1])
	} else if m := rePointLabel.FindStringSubmatchIndex(plain); m != nil && rePointLabel.MatchString(raw) {
		b.Kind, b.Label, b.Text = Point, plain[m[2]:m[3]], trimSpansPrefix(spans, m[1])
	} else {
		b.Text = spans
	}
	p.out = append(p.out, b)
}

// rawStart returns the source text of n's first line.
func (p *bodyParser) rawStart(n ast.Node) string {
	if n.Lines().Len() == 0 {
		return ""
	}
	s := n.Lines().At(0)
	return string(s.Value(p.src))
}

func (p *bodyParser) list(l *ast.List, depth int) {
	kind := Dash
	switch {
	case l.IsOrdered():
		if l.Marker != '.' {
			p.fail(l, "ordered list items end with \".\" (\"1.\"), not %q", l.Marker)
			return
		}
		kind = Item
	case l.Marker == '+':
		kind = Plus
	}
	num := l.Start
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		first := true
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if !first {
					p.paragraph(c)
					continue
				}
				spans := p.inlines(c)
				b := Block{Kind: kind, Text: spans}
				if kind == Item {
					b.Label = fmt.Sprintf("%d.", num)
				}
				p.out = append(p.out, b)
			default:
				if first {
					// An item that starts with a nested list has no text of
					// its own: keep the marker with an empty text so that
					// Validate can name it.
					b := Block{Kind: kind}
					if kind == Item {
						b.Label = fmt.Sprintf("%d.", num)
					}
					p.out = append(p.out, b)
				}
				p.block(c, depth+1)
			}
			first = false
		}
		if first { // empty item
			b := Block{Kind: kind}
			if kind == Item {
				b.Label = fmt.Sprintf("%d.", num)
			}
			p.out = append(p.out, b)
		}
		num++
	}
}

// inlines flattens n's inline children into spans, merging neighbours of
// equal emphasis. Soft line breaks read as spaces.
func (p *bodyParser) inlines(n ast.Node) []Span {
	var out []Span
	var walk func(n ast.Node, bold, italic bool)
	add := func(s string, bold, italic bool) {
		if s == "" {
			return
		}
		if k := len(out) - 1; k >= 0 && out[k].Bold == bold && out[k].Italic == italic {
			out[k].Text += s
			return
		}
		out = append(out, Span{Text: s, Bold: bold, Italic: italic})
	}
	walk = func(n ast.Node, bold, italic bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				// Text segments are raw source: resolve backslash escapes
				// and character references as a Markdown reader would.
				v := util.UnescapePunctuations(c.Segment.Value(p.src))
				v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
				add(string(v), bold, italic)
				if c.SoftLineBreak() {
					add(" ", bold, italic)
				}
				if c.HardLineBreak() {
					p.fail(n, "hard line breaks are not allowed inside a paragraph; start a new paragraph")
				}
			case *ast.String:
				add(string(c.Value), bold, italic)
			case *ast.Emphasis:
				if c.Level >= 2 {
					walk(c, true, italic)
				} else {
					walk(c, bold, true)
				}
			default:
				p.fail(n, "%s is not allowed in a document body", nodeName(c))
			}
		}
	}
	walk(n, false, false)
	// Trailing soft-break spaces are not content.
	if k := len(out) - 1; k >= 0 {
		out[k].Text = strings.TrimRight(out[k].Text, " ")
		if out[k].Text == "" {
			out = out[:k]
		}
	}
	return out
}

// trimSpansPrefix drops the first n bytes of the concatenated spans.
func trimSpansPrefix(ss []Span, n int) []Span {
	out := make([]Span, 0, len(ss))
	for _, s := range ss {
		if n >= len(s.Text) {
			n -= len(s.Text)
			continue
		}
		s.Text = s.Text[n:]
		n = 0
		out = append(out, s)
	}
	return out
}
