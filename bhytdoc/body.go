package bhytdoc

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	extension "github.com/bhytdoc/bhytdoc/internal/third_party/goldmarkext"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// BlockKind is the role of a body block in the phần–mục–khoản–điểm
// structure of Vietnamese administrative documents.
type BlockKind int

// Body block kinds.
const (
	// Paragraph is running text with a first-line indent.
	Paragraph BlockKind = iota
	// Part is a phần or chương, or a mục or tiểu mục of a chương
	// document: its Label ("Phần I", "Chương II", "Mục 1") on its own
	// centred line, its Text as a centred capitalised heading.
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
	// Article is an điều: Label "Điều 1." printed bold, then its Text —
	// bold too when Heading is set (a titled article), else running text.
	// Articles are numbered 1, 2, 3 … through the body; the khoản and
	// điểm under an article are the Item and Point blocks after it.
	Article
	// Centered is a line centred on the text width, such as a heading
	// inside a báo cáo; its emphasis is its spans'. It has no label.
	Centered
	// TableBlock is a bordered table in the body, held in Table: header
	// bold and centred, numeric columns right-aligned, a totals row bold.
	TableBlock
)

var blockKindNames = [...]string{"Paragraph", "Part", "Section", "Item", "SubItem", "Point", "Dash", "Plus", "Article", "Centered", "TableBlock"}

// String returns the kind's Go name ("Section").
func (k BlockKind) String() string {
	if k < 0 || int(k) >= len(blockKindNames) {
		return fmt.Sprintf("BlockKind(%d)", int(k))
	}
	return blockKindNames[k]
}

// Block is one paragraph-level element of the body.
type Block struct {
	// Kind is the block's place in the phần–mục–khoản–điểm structure.
	Kind BlockKind
	// Label is the numbering printed before the text ("I.", "1.", "4.1.",
	// "a)", "Phần I"). Dash and Plus blocks print their marker instead and
	// have no label; Paragraph has none.
	Label string
	// Heading marks an Item or SubItem that is a title line (printed
	// bold), as opposed to a numbered paragraph of running text.
	Heading bool
	// Text is the content with its inline emphasis. A TableBlock has none.
	Text []Span
	// Table is the table of a TableBlock; nil for other kinds.
	Table *Table
}

// Span is a run of text with one emphasis.
type Span struct {
	Text   string // plain text, without Markdown markup
	Bold   bool   // printed bold
	Italic bool   // printed italic
}

// Plain returns the text of b's spans without emphasis.
func (b *Block) Plain() string {
	return spansText(b.Text)
}

func spansText(ss []Span) string {
	if len(ss) == 1 {
		return ss[0].Text
	}
	n := 0
	for _, s := range ss {
		n += len(s.Text)
	}
	var sb strings.Builder
	sb.Grow(n)
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
	Line int    // 1-based line of the Markdown source
	Msg  string // what is wrong there
}

// Error returns "line N: message".
func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// SyntaxErrors lists every problem found in a body, in line order. It is
// the error ParseBody returns.
type SyntaxErrors []*SyntaxError

// Error returns the problems one per line, each "line N: message".
func (l SyntaxErrors) Error() string {
	if len(l) == 0 {
		return "" // errors.Join of nothing is nil
	}
	return errors.Join(l.Unwrap()...).Error()
}

// Unwrap gives errors.As and errors.Is access to each problem: errors.As
// with a *SyntaxError target finds the first.
func (l SyntaxErrors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

var (
	reRomanLabel = lazyre.New(`^([IVXLCDM]+\.)\s+`)
	reItemLabel  = lazyre.New(`^([0-9]+\.)\s+`)
	reSubLabel   = lazyre.New(`^([0-9]+(?:\.[0-9]+)+\.)\s+`)
	rePointLabel = lazyre.New(`^([a-zđ]\))\s+`)
	rePartLabel  = lazyre.New(`^((?:Phần|Chương|PHẦN|CHƯƠNG)\s+[IVXLCDM]+|(?:Mục|Tiểu mục|MỤC|TIỂU MỤC)\s+[1-9][0-9]*)(?:[.:]\s*|\s+|$)`)
	// An article's label: "Điều", one space, the number and a dot.
	reArticleLabel = lazyre.New(`^(Điều [1-9][0-9]*\.)(?:\s+|$)`)
)

var labelExample = map[BlockKind]string{
	Part: `"Phần I"`, Section: `"I."`, Item: `"1."`, SubItem: `"4.1."`, Article: `"Điều 1."`,
}

// bodyMarkdown is only read after initialisation: goldmark parsers are
// safe for concurrent use. GFM tables are body tables; GFM
// strikethrough and task lists are parsed only to be rejected, rather than
// printed as raw "~~" and "[ ]".
var bodyMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()

// ParseBody parses a Markdown body into blocks. The mapping follows how
// officials number their documents:
//
//	# Phần I. Quy định chung       → Part    (Label "Phần I"; also "Chương II", "Mục 1")
//	## I. MỤC ĐÍCH, YÊU CẦU         → Section (Label "I.")
//	### 1. Trách nhiệm …:          → Item, Heading (Label "1.")
//	### Điều 1. Phạm vi …           → Article, Heading (Label "Điều 1.")
//	Điều 2. Quyết định này …       → Article (a paragraph: running text)
//	#### 4.1. …                     → SubItem, Heading (Label "4.1.")
//	##### KẾT QUẢ …                 → Centered
//	1. Giao Trưởng phòng …          → Item (ordered lists keep their numbers)
//	4.1. … (a paragraph)            → SubItem
//	a) … (a paragraph)              → Point
//	- …  /  + …                     → Dash / Plus
//	| Xã | Số người | (a GFM table) → TableBlock
//	other paragraphs                → Paragraph
//
// Articles must be numbered 1, 2, 3 … through the body. In a table the
// delimiter row sets each column's alignment (none: automatic), a last
// row all in **bold** is the totals row, and every row has as many cells
// as the header; other emphasis in a cell is an error.
//
// **bold** and *italic* become spans. Text reads as CommonMark defines
// it: backslash escapes and character references are resolved in one
// pass ("\&amp;" is the literal "&amp;"), a soft line break reads as a
// space, and spaces ending a paragraph are dropped unless written as a
// reference ("&#32;"). A backslash before the label ("1\." or "a\)") keeps
// a paragraph that merely starts like a label.
//
// HTML comment blocks (<!-- … --> starting a line) are notes for editors
// and are skipped; one also ends a numbered list, so that the list after
// it keeps its own numbers. Elements with no place in an administrative
// document are errors: links, images, code, quotes, thematic breaks, hard
// line breaks, heading levels beyond 4, and HTML other than comment
// blocks (a comment inside a paragraph included).
//
// On failure ParseBody returns no blocks and a SyntaxErrors listing every
// problem with its line, in line order; errors.As with a *SyntaxError
// target gives the first.
func ParseBody(md string) ([]Block, error) {
	blocks, _, err := parseBodyLines(md, 1)
	return blocks, err
}

// parseBodyLines is ParseBody also returning the 1-based line of each
// block (lines[i] for blocks[i]: where its text starts, or the marker's
// line for a list item without text), counting md's first line as
// firstLine. A caller that cut the body out of a larger file (package
// markdown, through internal/bridge) passes the line it starts on and
// gets that file's lines, in the SyntaxErrors too.
func parseBodyLines(md string, firstLine int) (blocks []Block, lines []int, err error) {
	if !utf8.ValidString(md) {
		// Clean's error says where the first bad byte is.
		_, cerr := typo.Clean(md)
		line := firstLine
		if ie := (*typo.InvalidUTF8Error)(nil); errors.As(cerr, &ie) {
			p := bodyParser{src: []byte(md), firstLine: firstLine}
			line = p.lineAt(ie.Offset)
		}
		return nil, nil, SyntaxErrors{{Line: line, Msg: "invalid UTF-8"}}
	}
	return parseValidBodyLines(md, firstLine)
}

// parseValidBodyLines is parseBodyLines of md known to be valid UTF-8:
// package markdown checks its whole file before it cuts the body out, so
// its bodies are not checked again (see internal/bridge).
func parseValidBodyLines(md string, firstLine int) (blocks []Block, lines []int, err error) {
	if blocks, lines, ok := quickBody(md, firstLine); ok {
		return blocks, lines, nil
	}
	return goldmarkBodyLines([]byte(md), firstLine)
}

// goldmarkBodyLines is parseValidBodyLines through goldmark's tree.
func goldmarkBodyLines(src []byte, firstLine int) (blocks []Block, lines []int, err error) {
	p := bodyParser{src: src, firstLine: firstLine}
	root := bodyMarkdown.Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		p.block(n)
	}
	p.articleNumbers()
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b *SyntaxError) int { return a.Line - b.Line })
		return nil, nil, p.errs
	}
	return p.out, p.lines, nil
}

// bodyParser turns top-level goldmark nodes into blocks, recording the
// line of each block and every problem.
type bodyParser struct {
	src       []byte
	firstLine int // the line number of src's first line
	out       []Block
	lines     []int
	errs      SyntaxErrors
}

// lineOf returns the line where n starts — for a list item, its
// marker's — from goldmark's block positions, else the first text below
// n, else n's parent's line.
func (p *bodyParser) lineOf(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Pos() >= 0 {
			return p.lineAt(n.Pos())
		}
		for c := n; c != nil; c = c.FirstChild() {
			if t, ok := c.(*ast.Text); ok {
				return p.lineAt(t.Segment.Start)
			}
		}
	}
	return p.firstLine
}

func (p *bodyParser) lineAt(off int) int {
	return p.firstLine + bytes.Count(p.src[:off], []byte{'\n'})
}

func (p *bodyParser) fail(n ast.Node, format string, args ...any) {
	p.errs = append(p.errs, &SyntaxError{Line: p.lineOf(n), Msg: fmt.Sprintf(format, args...)})
}

func (p *bodyParser) emit(n ast.Node, b Block) {
	p.out = append(p.out, b)
	p.lines = append(p.lines, p.lineOf(n))
}

func (p *bodyParser) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		p.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		p.paragraph(n)
	case *ast.List:
		p.list(n)
	case *extast.Table:
		p.table(n)
	case *ast.HTMLBlock:
		// Comments are notes for editors (and separate numbered lists).
		if n.HTMLBlockType != ast.HTMLBlockType2 {
			p.fail(n, "HTML is not allowed in a document body")
		}
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
	case extast.KindStrikethrough:
		return `strikethrough (write \~ for a tilde)`
	case extast.KindTaskCheckBox:
		return "a task list checkbox"
	}
	return "a " + n.Kind().String() + " element"
}

func (p *bodyParser) heading(h *ast.Heading) {
	spans, ok := p.inlines(h)
	if !ok {
		return
	}
	b, msg := headingBlock(h.Level, spans)
	if msg != "" {
		p.fail(h, "%s", msg)
		return
	}
	p.emit(h, b)
}

// headingBlock is the block of a heading of level whose text is spans, or
// the problem with it.
func headingBlock(level int, spans []Span) (Block, string) {
	head := spansText(spans)
	var b Block
	var re *lazyre.Regexp
	switch level {
	case 1:
		b.Kind, re = Part, rePartLabel
	case 2:
		b.Kind, re = Section, reRomanLabel
	case 3:
		b.Kind, b.Heading, re = Item, true, reItemLabel
		if reArticleLabel.MatchString(head) {
			b.Kind, re = Article, reArticleLabel
		}
	case 4:
		b.Kind, b.Heading, re = SubItem, true, reSubLabel
	case 5:
		return Block{Kind: Centered, Text: spans}, ""
	default:
		return b, fmt.Sprintf("heading level %d is not used; use # Phần, ## I., ### 1. or ### Điều 1., #### 1.1., ##### for a centred line", level)
	}
	m := re.FindStringSubmatchIndex(head)
	if m == nil {
		return b, fmt.Sprintf("%s heading %s must start with its label (%s)", b.Kind, excerpt.Quote(head), labelExample[b.Kind])
	}
	b.Label = head[m[2]:m[3]]
	b.Text = trimSpansPrefix(spans, m[1])
	return b, ""
}

func (p *bodyParser) paragraph(n ast.Node) {
	spans, ok := p.inlines(n)
	if !ok {
		return
	}
	// A label counts only when the source really starts with it: "1\." or
	// "a\)" written with a backslash stays a paragraph.
	raw := ""
	if n.Lines().Len() > 0 {
		seg := n.Lines().At(0)
		raw = string(seg.Value(p.src))
	}
	p.emit(n, paragraphBlock(spans, raw))
}

// paragraphBlock is the block of a paragraph whose text is spans and
// whose first line is raw, as written.
func paragraphBlock(spans []Span, raw string) Block {
	b := Block{Kind: Paragraph}
	if !mayBeLabel(raw) {
		// None of the label patterns below can match raw.
		b.Text = spans
		return b
	}
	text := spansText(spans)
	if m := reArticleLabel.FindStringSubmatchIndex(text); m != nil && reArticleLabel.MatchString(raw) {
		b.Kind, b.Label, b.Text = Article, text[m[2]:m[3]], trimSpansPrefix(spans, m[1])
	} else if m := reSubLabel.FindStringSubmatchIndex(text); m != nil && reSubLabel.MatchString(raw) {
		b.Kind, b.Label, b.Text = SubItem, text[m[2]:m[3]], trimSpansPrefix(spans, m[1])
	} else if m := rePointLabel.FindStringSubmatchIndex(text); m != nil && rePointLabel.MatchString(raw) {
		b.Kind, b.Label, b.Text = Point, text[m[2]:m[3]], trimSpansPrefix(spans, m[1])
	} else {
		b.Text = spans
	}
	return b
}

// mayBeLabel reports whether raw starts as reArticleLabel, reSubLabel or
// rePointLabel need: "Điều ", a digit, or a letter a–z or đ and ")".
func mayBeLabel(raw string) bool {
	if strings.HasPrefix(raw, "Điều ") || raw != "" && '0' <= raw[0] && raw[0] <= '9' {
		return true
	}
	if len(raw) > 1 && 'a' <= raw[0] && raw[0] <= 'z' && raw[1] == ')' {
		return true
	}
	return strings.HasPrefix(raw, "đ)")
}

func (p *bodyParser) list(l *ast.List) {
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
		label := ""
		if kind == Item {
			label = strconv.Itoa(num) + "."
		}
		first := true
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if !first {
					p.paragraph(c)
					break
				}
				if spans, ok := p.inlines(c); ok {
					p.emit(c, Block{Kind: kind, Label: label, Text: spans})
				}
			default:
				if first {
					// An item that opens with a nested list has no text of
					// its own: keep it, empty, for Validate to name.
					p.emit(it, Block{Kind: kind, Label: label})
				}
				p.block(c)
			}
			first = false
		}
		if first {
			p.emit(it, Block{Kind: kind, Label: label})
		}
		num++
	}
}

// inlines flattens n's inline children into spans, merging neighbours of
// equal emphasis, with escapes and references resolved. Soft line breaks
// read as spaces. It reports only the first problem at the inline level:
// one per block is enough to find them.
func (p *bodyParser) inlines(n ast.Node) ([]Span, bool) {
	// Text is gathered raw, as written, and resolved once per run of equal
	// emphasis: an escape or reference may span goldmark's text nodes, and
	// only spaces as written end a paragraph, not those written "&#32;".
	type piece struct {
		raw          []byte
		bold, italic bool
	}
	var ps []piece
	ok := true
	add := func(s []byte, bold, italic bool) {
		if len(s) == 0 {
			return // so that no run resolves to nothing, and neighbours differ
		}
		if k := len(ps) - 1; k >= 0 && ps[k].bold == bold && ps[k].italic == italic {
			ps[k].raw = append(ps[k].raw, s...)
			return
		}
		ps = append(ps, piece{raw: append([]byte(nil), s...), bold: bold, italic: italic})
	}
	var walk func(n ast.Node, bold, italic bool)
	walk = func(n ast.Node, bold, italic bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				add(c.Value(p.src), bold, italic)
				if c.SoftLineBreak() {
					add([]byte{' '}, bold, italic)
				}
				if c.HardLineBreak() && ok {
					p.fail(c, "hard line breaks are not allowed inside a paragraph; start a new paragraph")
					ok = false
				}
			case *ast.Emphasis:
				if c.Level >= 2 {
					walk(c, true, italic)
				} else {
					walk(c, bold, true)
				}
			default:
				if ok {
					p.fail(c, "%s is not allowed in a document body", nodeName(c))
					ok = false
				}
			}
		}
	}
	walk(n, false, false)
	if !ok {
		return nil, false
	}
	// Trailing source spaces (soft breaks, line ends) are not content;
	// spaces written as references are.
	for k := len(ps) - 1; k >= 0; k-- {
		ps[k].raw = bytes.TrimRight(ps[k].raw, " ")
		if len(ps[k].raw) > 0 {
			break
		}
		ps = ps[:k]
	}
	out := make([]Span, 0, len(ps))
	for _, pc := range ps {
		// A run that is not empty never resolves to nothing.
		out = append(out, Span{Text: resolve(pc.raw), Bold: pc.bold, Italic: pc.italic})
	}
	return out, true
}

// resolve applies backslash escapes and character references in one pass,
// as goldmark's HTML renderer does for text: "\&amp;" is the literal
// "&amp;".
func resolve(src []byte) string {
	if bytes.IndexByte(src, '\\') < 0 && bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, 0) < 0 {
		return string(src)
	}
	var sb strings.Builder
	sb.Grow(len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]):
			sb.WriteByte(src[i+1])
			i++
		case c == 0:
			sb.WriteRune(utf8.RuneError)
		case c == '&':
			if r, n := reference(src[i:]); n > 0 {
				sb.WriteString(r)
				i += n - 1
				continue
			}
			sb.WriteByte(c)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// reference decodes the character reference at the start of s ("&#32;",
// "&#x20;", "&amp;") and returns its text and length, or n == 0.
func reference(s []byte) (string, int) {
	if len(s) < 3 {
		return "", 0
	}
	if s[1] == '#' {
		i, base := 2, 10
		if s[2] == 'x' || s[2] == 'X' {
			i, base = 3, 16
		}
		j := i
		for j < len(s) && j-i < 8 && (base == 10 && util.IsNumeric(s[j]) || base == 16 && util.IsHexDecimal(s[j])) {
			j++
		}
		limit := 7
		if base == 16 {
			limit = 6
		}
		if j == i || j-i > limit || j >= len(s) || s[j] != ';' {
			return "", 0
		}
		v, _ := strconv.ParseUint(string(s[i:j]), base, 32)
		return string(util.ToValidRune(rune(v))), j + 1
	}
	j := 1
	for j < len(s) && util.IsAlphaNumeric(s[j]) {
		j++
	}
	if j == 1 || j >= len(s) || s[j] != ';' {
		return "", 0
	}
	e, ok := util.LookUpHTML5EntityByName(string(s[1:j]))
	if !ok {
		return "", 0
	}
	return string(e.Characters), j + 1
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

// articleNumbers reports articles that do not run 1, 2, 3 … through the
// body, at the line of the first one out of order.
func (p *bodyParser) articleNumbers() {
	want := 1
	for i, b := range p.out {
		if b.Kind != Article {
			continue
		}
		if n := articleNumber(b.Label); n != want {
			p.errs = append(p.errs, &SyntaxError{Line: p.lines[i],
				Msg: fmt.Sprintf("%q: articles are numbered in order, want \"Điều %d.\"", b.Label, want)})
			return
		}
		want++
	}
}

// articleNumber returns N of the label "Điều N.", or 0.
func articleNumber(label string) int {
	s, ok := strings.CutPrefix(label, "Điều ")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSuffix(s, "."))
	if err != nil || !strings.HasSuffix(s, ".") {
		return 0
	}
	return n
}
