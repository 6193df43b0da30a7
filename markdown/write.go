package markdown

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/mdview"
)

// Options configure Write. The zero value (or a nil *Options) writes a
// source file with the default tone style.
type Options struct {
	// Tone places tone marks consistently, as in bhytdoc.Options;
	// default bhytdoc.ToneTraditional.
	Tone bhytdoc.ToneStyle
	// Publish writes Markdown for reading only — on a web portal or in a
	// chat group — as bhytdoc.WriteMarkdown does: without the front
	// matter and the markers around the generated parts, and the body as
	// printed (parts and sections in upper case, article labels bold).
	// Parse cannot read it back.
	Publish bool
}

// The markers around the parts of a written file that are generated from
// the front matter. Parse skips what lies between them.
const (
	headerOpen  = "<!-- bhytdoc:header -->"
	headerClose = "<!-- /bhytdoc:header -->"
	footerOpen  = "<!-- bhytdoc:footer -->"
	footerClose = "<!-- /bhytdoc:footer -->"
	listBreak   = mdview.ListBreak
)

// Write writes d as Markdown to w: a source file that Parse reads back
// into an equal document (see Canonical), with the header, signature, Nơi
// nhận and annexes shown as readable Markdown. Those parts are
// bhytdoc.WriteMarkdown's, written from the same strings as the PDF; the
// body is written in the conventions Parse reads. d is not modified: it
// is normalised on a copy, then validated; on any error nothing is
// written.
//
// Write is safe for concurrent use.
func Write(w io.Writer, d *bhytdoc.Document, o *Options) error {
	if w == nil {
		return errors.New("markdown: Write: nil io.Writer")
	}
	b, err := Marshal(d, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal is Write returning the bytes.
func Marshal(d *bhytdoc.Document, o *Options) ([]byte, error) {
	if d == nil {
		return nil, d.Validate() // names the nil document
	}
	var oo Options
	if o != nil {
		oo = *o
	}
	switch oo.Tone {
	case bhytdoc.ToneTraditional, bhytdoc.ToneModern, bhytdoc.ToneAsWritten:
	default:
		return nil, &bhytdoc.ValidationError{Errors: []error{&bhytdoc.FieldError{Field: "Options.Tone", Msg: fmt.Sprintf("unknown tone style %d", int(oo.Tone))}}}
	}
	if oo.Publish {
		// The reading form is the library's own Markdown writer's.
		return bhytdoc.RenderMarkdown(d, &bhytdoc.Options{Tone: oo.Tone})
	}
	// The header and footer are written from the same neutral form as
	// the PDF's, after the same normalisation and validation; the front
	// matter and body from the same normalised copy, settled as Canonical
	// settles it.
	header, footer, n, err := markdownParts(merged(d), &bhytdoc.Options{Tone: oo.Tone})
	if err != nil {
		return nil, err
	}
	c := settle(n)
	if err := checkWritable(c); err != nil {
		return nil, err
	}
	w := &writer{doc: c}
	w.buf.WriteString("---\n")
	if err := frontMatter(&w.buf, c); err != nil {
		return nil, err
	}
	w.buf.WriteString("---\n\n")
	w.marked(true, headerOpen, headerClose, header)
	w.body()
	w.marked(true, footerOpen, footerClose, footer)
	if err := w.issued(n, c.Issues, oo.Tone); err != nil {
		return nil, err
	}
	return w.buf.Bytes(), nil
}

// checkWritable reports what valid documents Markdown still cannot hold.
func checkWritable(d *bhytdoc.Document) error {
	var errs []error
	for i, b := range d.Body {
		if b.Table != nil {
			errs = append(errs, bodyTableWritable(fmt.Sprintf("Body[%d].Table", i), b.Table)...)
		}
		if b.Kind == bhytdoc.Item && !b.Heading {
			if n, err := strconv.Atoi(strings.TrimSuffix(b.Label, ".")); err != nil || n > 999999999 {
				errs = append(errs, &bhytdoc.FieldError{Field: fmt.Sprintf("Body[%d].Label", i),
					Msg: fmt.Sprintf("%q: a Markdown list numbers items up to 999999999", b.Label)})
			}
		}
	}
	if errs != nil {
		return &bhytdoc.ValidationError{Errors: errs}
	}
	return nil
}

type writer struct {
	doc *bhytdoc.Document
	buf bytes.Buffer
}

// para writes one Markdown block followed by a blank line.
func (w *writer) para(s string) {
	w.buf.WriteString(s)
	w.buf.WriteString("\n\n")
}

// marked writes a generated part between its markers; an empty part is
// left out with its markers.
func (w *writer) marked(mark bool, open, close string, part []byte) {
	if len(part) == 0 {
		return
	}
	if mark {
		w.para(open)
	}
	w.buf.Write(part)
	if mark {
		w.para(close)
	}
}

// inline encodes body spans as Markdown that Parse reads back exactly.
func inline(spans []bhytdoc.Span, lineStart bool) string {
	ss := make([]ir.Span, len(spans))
	for i, s := range spans {
		ss[i] = ir.Span{S: s.Text, Style: ir.Regular.With(s.Bold, s.Italic)}
	}
	return mdview.Inline(ss, lineStart)
}

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
	if literalText(s) {
		return s
	}
	return mdview.Escape(s)
}

// escapedASCII marks the ASCII punctuation literalText refuses: what
// Escape escapes or encodes. (A table: literalText looked each byte up in
// a string.)
var escapedASCII = [utf8.RuneSelf]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true,
	'<': true, '#': true, '|': true, '~': true, '&': true}

// literalText reports whether Escape leaves s as it is, as it does most
// names and sentences a template fills in: no character it would escape
// or encode, nothing at the start that looks like a marker or label.
// Checking is several times cheaper than escaping.
func literalText(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.HasPrefix(s, "Điều") {
		return false
	}
	if c := s[0]; c == '-' || c == '+' || c == '=' || c == '>' || '0' <= c && c <= '9' {
		return false
	}
	if strings.IndexByte(s[:min(len(s), 4)], ')') >= 0 {
		return false // "a)", "đ)": a point's label
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f || escapedASCII[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r < 0xa0 { // C1 controls
			return false
		}
		i += n
	}
	return true
}

// body writes the content in the conventions Parse reads.
func (w *writer) body() {
	blocks := w.doc.Body
	for i := range blocks {
		b := &blocks[i]
		if i > 0 {
			prev := &blocks[i-1]
			if prev.Kind == bhytdoc.Item && !prev.Heading && b.Kind == bhytdoc.Item && !b.Heading && !follows(prev.Label, b.Label) {
				w.para(listBreak)
			}
		}
		switch b.Kind {
		case bhytdoc.Paragraph:
			w.para(inline(b.Text, true))
		case bhytdoc.Part:
			s := "# " + b.Label
			if t := inline(b.Text, false); t != "" {
				s += ". " + t
			}
			w.para(s)
		case bhytdoc.Section:
			w.para("## " + b.Label + " " + inline(b.Text, false))
		case bhytdoc.Item:
			if b.Heading {
				w.para("### " + b.Label + " " + inline(b.Text, false))
			} else {
				w.para(b.Label + " " + inline(b.Text, true))
			}
		case bhytdoc.SubItem:
			if b.Heading {
				w.para("#### " + b.Label + " " + inline(b.Text, false))
			} else {
				w.para(b.Label + " " + inline(b.Text, false))
			}
		case bhytdoc.Point:
			w.para(b.Label + " " + inline(b.Text, false))
		case bhytdoc.Centered:
			w.para("##### " + inline(b.Text, false))
		case bhytdoc.TableBlock:
			w.para(bodyTable(b.Table))
		case bhytdoc.Article:
			if b.Heading {
				w.para("### " + b.Label + " " + inline(b.Text, false))
			} else {
				w.para(b.Label + " " + inline(b.Text, false))
			}
		case bhytdoc.Dash:
			w.para("- " + inline(b.Text, true))
		case bhytdoc.Plus:
			w.para("+ " + inline(b.Text, true))
		}
	}
}

// follows reports whether list label b is the one after a, so that the
// two items can share a Markdown list.
func follows(a, b string) bool {
	x, err1 := strconv.Atoi(strings.TrimSuffix(a, "."))
	y, err2 := strconv.Atoi(strings.TrimSuffix(b, "."))
	return err1 == nil && err2 == nil && y == x+1
}

// frontMatter writes d's structured fields as YAML. Strings are tagged
// !!str so that the encoder quotes any that would read back as another
// type; Parse takes every text value exactly as written.
func frontMatter(buf *bytes.Buffer, d *bhytdoc.Document) error {
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(docNode(d)); err != nil {
		return err
	}
	return enc.Close()
}

// docNode is the front matter of d: its fields but the body. The issuer
// and date are left out when zero, as a decision's issued document
// (issues:) leaves them, taking the decision's.
func docNode(d *bhytdoc.Document) *yaml.Node {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	}
	addStr := func(m *yaml.Node, key, v string) {
		if v != "" {
			add(m, key, str(v))
		}
	}
	addList := func(m *yaml.Node, key string, vs []string, flow bool) {
		if len(vs) > 0 {
			add(m, key, strList(vs, flow))
		}
	}
	add(root, "kind", str(d.Kind.Name()))
	if d.Draft {
		add(root, "draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if d.Issuer != (bhytdoc.Issuer{}) {
		iss := &yaml.Node{Kind: yaml.MappingNode}
		addStr(iss, "parent", d.Issuer.Parent)
		addStr(iss, "name", d.Issuer.Name)
		addStr(iss, "abbrev", d.Issuer.Abbrev)
		addStr(iss, "organ_id", d.Issuer.OrganID)
		add(root, "issuer", iss)
	}
	if d.Number != 0 {
		add(root, "number", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(d.Number)})
	}
	addStr(root, "drafting_unit", d.DraftingUnit)
	addStr(root, "place", d.Place)
	if d.Date != (bhytdoc.Date{}) {
		add(root, "date", dateNode(d.Date))
	}
	addStr(root, "summary", d.Summary)
	addStr(root, "issued_with", d.IssuedWith)
	addStr(root, "authority", d.Authority)
	addList(root, "recipients", d.Addressees, false)
	addList(root, "bases", d.Bases, false)
	addStr(root, "proposal", d.Proposal)
	addList(root, "attachments", d.Attachments, false)
	if len(d.Signatures) > 0 {
		sigs := &yaml.Node{Kind: yaml.SequenceNode}
		for i := range d.Signatures {
			sigs.Content = append(sigs.Content, signatureNode(&d.Signatures[i]))
		}
		add(root, "signatures", sigs)
	}
	if len(d.Recipients) > 0 {
		add(root, "noi_nhan", recipientsNode(d.Recipients))
	}
	addList(root, "luu", d.Luu, true)
	if d.Marks != (bhytdoc.Marks{}) {
		m := &yaml.Node{Kind: yaml.MappingNode}
		addStr(m, "urgency", d.Marks.Urgency.String())
		addStr(m, "secrecy", d.Marks.Secrecy.String())
		addStr(m, "circulation", d.Marks.Circulation.String())
		if d.Marks.DuThao {
			add(m, "du_thao", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		add(root, "marks", m)
	}
	addStr(root, "typist", d.Typist)
	if d.IssuedCopies != 0 {
		add(root, "print_copies", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(d.IssuedCopies)})
	}
	addList(root, "contact", d.Contact, false)
	if d.ESign != nil {
		add(root, "esign", esignNode(d.ESign))
	}
	if d.Copy != nil {
		add(root, "copy", copyNode(d.Copy))
	}
	specialNodes(root, d)
	if len(d.Annexes) > 0 {
		as := &yaml.Node{Kind: yaml.SequenceNode}
		for i := range d.Annexes {
			as.Content = append(as.Content, annexNode(&d.Annexes[i]))
		}
		add(root, "annexes", as)
	}
	return root
}

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	// YAML reads U+2028 and U+2029 as line breaks and drops a BOM unless
	// they are escaped, which only the double-quoted style does.
	if strings.ContainsAny(s, "\u2028\u2029\ufeff") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func strList(vs []string, flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	for _, v := range vs {
		n.Content = append(n.Content, str(v))
	}
	return n
}

// dateNode writes 2020-05-18, or for a draft 2021-06 or 2022.
func dateNode(d bhytdoc.Date) *yaml.Node {
	switch {
	case d.Month == 0:
		return str(fmt.Sprintf("%04d", d.Year))
	case d.Day == 0:
		return str(fmt.Sprintf("%04d-%02d", d.Year, d.Month))
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)}
}

var alignWords = [...]string{bhytdoc.AlignAuto: "auto", bhytdoc.AlignLeft: "left", bhytdoc.AlignCenter: "center", bhytdoc.AlignRight: "right"}

func annexNode(a *bhytdoc.Annex) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, str(key), v)
	}
	switch {
	case a.NoLabel:
		add(m, "label", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
	case a.Label != "":
		add(m, "label", str(a.Label))
	}
	add(m, "title", str(a.Title))
	if a.Reference != "" {
		add(m, "reference", str(a.Reference))
	}
	if a.Landscape {
		add(m, "landscape", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if a.Coverage != bhytdoc.CoverageAuto {
		add(m, "coverage", coverageNode(a.Coverage))
	}
	t := &a.Table
	tn := &yaml.Node{Kind: yaml.MappingNode}
	hs := &yaml.Node{Kind: yaml.SequenceNode}
	for _, row := range t.Header {
		r := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, c := range row {
			if c.ColSpan <= 1 && c.RowSpan <= 1 {
				r.Content = append(r.Content, str(c.Text))
				continue
			}
			cm := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			add(cm, "text", str(c.Text))
			if c.ColSpan > 1 {
				add(cm, "cols", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(c.ColSpan)})
			}
			if c.RowSpan > 1 {
				add(cm, "rows", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(c.RowSpan)})
			}
			r.Content = append(r.Content, cm)
		}
		hs.Content = append(hs.Content, r)
	}
	add(tn, "header", hs)
	if t.Columns != nil {
		cs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, c := range t.Columns {
			if c.Width == 0 {
				cs.Content = append(cs.Content, str(alignWords[c.Align]))
				continue
			}
			cm := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			add(cm, "align", str(alignWords[c.Align]))
			var wn yaml.Node
			_ = wn.Encode(c.Width) // a float64 always encodes
			add(cm, "width", &wn)
			cs.Content = append(cs.Content, cm)
		}
		add(tn, "columns", cs)
	}
	rs := &yaml.Node{Kind: yaml.SequenceNode}
	for _, row := range t.Rows {
		rs.Content = append(rs.Content, strList(row, true))
	}
	add(tn, "rows", rs)
	if t.Totals != nil {
		add(tn, "totals", strList(t.Totals, true))
	}
	add(m, "table", tn)
	return m
}

func addNode(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

func addText(m *yaml.Node, key, v string) {
	if v != "" {
		addNode(m, key, str(v))
	}
}

func signatureNode(s *bhytdoc.Signature) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	if len(s.Authority) > 0 {
		as := make([]string, len(s.Authority))
		for i, a := range s.Authority {
			as[i] = string(a.Prefix) + " " + a.Title
		}
		addNode(m, "authority", strList(as, false))
	}
	addText(m, "position", s.Position)
	addText(m, "name", s.Name)
	if len(s.Image) > 0 {
		addNode(m, "image", str(dataPNG+base64.StdEncoding.EncodeToString(s.Image)))
	}
	if len(s.Seal) > 0 {
		addNode(m, "seal", str(dataPNG+base64.StdEncoding.EncodeToString(s.Seal)))
	}
	return m
}

func recipientsNode(rs []bhytdoc.Recipient) *yaml.Node {
	nn := &yaml.Node{Kind: yaml.SequenceNode}
	for _, r := range rs {
		if r.Purpose == "" && !r.Joined && r.OrganID == "" {
			nn.Content = append(nn.Content, str(r.Name))
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		addNode(m, "name", str(r.Name))
		addText(m, "purpose", r.Purpose)
		addText(m, "organ_id", r.OrganID)
		if r.Joined {
			addNode(m, "joined", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		nn.Content = append(nn.Content, m)
	}
	return nn
}

func esignNode(e *bhytdoc.ESignature) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	addText(m, "organisation", e.Organisation)
	if !e.Time.IsZero() {
		addNode(m, "time", str(bhytdoc.SigningTime(e.Time)))
	}
	return m
}

func copyNode(c *bhytdoc.Copy) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	addText(m, "form", c.Form.String())
	iss := &yaml.Node{Kind: yaml.MappingNode}
	addText(iss, "parent", c.Issuer.Parent)
	addText(iss, "name", c.Issuer.Name)
	addText(iss, "abbrev", c.Issuer.Abbrev)
	addNode(m, "issuer", iss)
	if c.Number != 0 {
		addNode(m, "number", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(c.Number)})
	}
	addText(m, "place", c.Place)
	addNode(m, "date", dateNode(c.Date))
	addNode(m, "signature", signatureNode(&c.Signature))
	if len(c.Recipients) > 0 {
		addNode(m, "noi_nhan", recipientsNode(c.Recipients))
	}
	if len(c.Luu) > 0 {
		addNode(m, "luu", strList(c.Luu, true))
	}
	if c.ESign != nil {
		addNode(m, "esign", esignNode(c.ESign))
	}
	return m
}

// Table returns t as a GFM table, as the annexes of a written file show
// it: see bhytdoc.Table.Markdown, which also reports why a table cannot
// be written. A nil t, or one that Document.Validate would reject (a
// header that does not tile, rows of the wrong width), gives "".
func Table(t *bhytdoc.Table) string {
	s, err := t.Markdown()
	if err != nil {
		return ""
	}
	return s
}

// alignMark is the delimiter-row cell for column c.
func alignMark(t *bhytdoc.Table, c int) string {
	a := ir.Left
	switch t.ColumnAlign(c) {
	case bhytdoc.AlignCenter:
		a = ir.Center
	case bhytdoc.AlignRight:
		a = ir.Right
	}
	return mdview.AlignMark(a)
}
