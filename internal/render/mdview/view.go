// Package mdview writes the renderer-neutral form of a document (package
// ir) as Markdown, the way the PDF and DOCX writers draw it: every string
// comes from the ir as it is, so the upper case, punctuation and dates are
// decided once, in the build step, and the formats agree. What this
// package decides is Markdown only: which text is bold or italic, which
// lines make a list, where a hard line break or a rule goes, and how a
// multi-level table header is flattened into one GFM header row.
//
// Header and Footer write the parts generated from a document's fields;
// Body writes the body for reading (sections upper case, as printed).
// Package markdown puts its own source body, which Parse reads back,
// between Header and Footer.
package mdview

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// ListBreak separates two numbered lists whose numbers do not run on:
// without it Markdown would renumber the second list.
const ListBreak = "<!-- -->"

type writer struct {
	buf *bytes.Buffer
	sp  *pagespec.Spec
}

// para writes one Markdown block followed by a blank line.
func (w writer) para(s string) {
	w.buf.WriteString(s)
	w.buf.WriteString("\n\n")
}

// lines joins already-escaped lines with hard line breaks, leaving out
// empty ones.
func lines(ls ...string) string {
	var out []string
	for _, l := range ls {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\\\n")
}

func styled(s string, st ir.Style) string { return Inline([]ir.Span{{S: s, Style: st}}, true) }
func plain(t ir.Text) string              { return Escape(t.S) }

// as is t in the emphasis the page specification gives element e.
func (w writer) as(e pagespec.Element, t ir.Text) string {
	if st := w.sp.Font(e).Style; st != ir.Regular {
		return styled(t.S, st)
	}
	return plain(t)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Header writes ô 1–5 and 9a as the page has them, after an electronic
// copy's signing lines, which top page 1: the issuing body, number, V/v
// line and marks on the left; the national title and place and date; the
// title, trích yếu, authority, Kính gửi, legal bases and the decision
// word.
func Header(buf *bytes.Buffer, d *ir.Doc) {
	w := writer{buf, pagespec.For(d.Kind())}
	// An electronic copy's signing lines stand at the top of page 1.
	if len(d.CopyESign) > 0 {
		w.para(lines(plainAll(d.CopyESign)...))
	}
	if d.DuThao.S != "" {
		w.para(w.as(pagespec.Mark, d.DuThao))
	}
	var left []string
	for _, t := range d.Parent {
		left = append(left, w.as(pagespec.Parent, t))
	}
	for _, t := range d.Issuer {
		left = append(left, w.as(pagespec.Issuer, t))
	}
	left = append(left, w.as(pagespec.Number, d.Number))
	if w.sp.SummaryUnderNumber {
		left = append(left, w.as(pagespec.Summary, d.Summary))
	}
	for _, m := range d.Marks {
		left = append(left, w.as(pagespec.Mark, m.Text))
	}
	w.para(lines(left...))
	w.para(lines(w.as(pagespec.QuocHieu, d.QuocHieu), w.as(pagespec.TieuNgu, d.TieuNgu)))
	if d.PlaceDate.S != "" { // a biên bản has none (Mẫu 1.9)
		w.para(w.as(pagespec.PlaceDate, d.PlaceDate))
	}
	if !w.sp.SummaryUnderNumber {
		w.para(lines(w.as(pagespec.Title, d.Title), w.as(pagespec.Summary, d.Summary), w.as(pagespec.IssuedWith, d.IssuedWith)))
	}
	if d.Authority.S != "" {
		w.para(w.as(pagespec.Authority, d.Authority))
	}
	switch len(d.Addressees) {
	case 0:
	case 1:
		// One recipient follows "Kính gửi:" on its line.
		w.para(Escape(d.KinhGui.S + " " + d.Addressees[0].S))
	default:
		w.para(plain(d.KinhGui))
		w.list(d.Addressees, nil)
	}
	var ls []string
	for _, t := range d.Bases {
		ls = append(ls, w.as(pagespec.Basis, t))
	}
	ls = append(ls, w.as(pagespec.Basis, d.Proposal))
	if s := lines(ls...); s != "" {
		w.para(s)
	}
	if d.Decision.S != "" {
		w.para(w.as(pagespec.Decision, d.Decision))
	}
}

// listLine writes a "- item;" line of the ir as a Markdown list item, the
// dash becoming the list's bullet.
func listLine(s string) string {
	if rest, ok := strings.CutPrefix(s, "- "); ok {
		return "- " + Escape(rest)
	}
	return Escape(s) // not a list line: it continues the item before
}

// list writes lines as one dash list; braces, if any, group lines the
// way typed paper does: a "}" ends each line of the group and the purpose
// follows the middle one.
func (w writer) list(ts []ir.Text, braces []ir.Brace) {
	var sb strings.Builder
	for i, t := range ts {
		s := t.S
		for _, b := range braces {
			if i >= b.From && i <= b.To {
				s += " }"
				if i == b.From+(b.To-b.From)/2 {
					s += " " + b.Purpose.S
				}
			}
		}
		sb.WriteString(listLine(s))
		sb.WriteByte('\n')
	}
	w.buf.WriteString(sb.String())
	w.buf.WriteByte('\n')
}

// Footer writes what follows the body: attachment notes, signatures, Nơi
// nhận with Lưu, ô 12, the contact lines of ô 13, a paper copy's block
// and the annexes.
func Footer(buf *bytes.Buffer, d *ir.Doc) {
	w := writer{buf, pagespec.For(d.Kind())}
	for _, t := range d.Closing {
		w.para(plain(t))
	}
	for i := range d.Signatures {
		w.signature(&d.Signatures[i])
	}
	w.noiNhan(d.NoiNhan, d.Recipients, d.Braces)
	w.confirmation(d.Confirmation)
	if d.Typist.S != "" {
		w.para(plain(d.Typist))
	}
	if len(d.Contact) > 0 {
		cs := make([]string, len(d.Contact))
		for i, c := range d.Contact {
			cs[i] = plain(c)
		}
		w.para("---")
		w.para(lines(cs...))
	}
	if c := d.Copy; c != nil {
		w.copyBlock(c)
	}
	for i := range d.Annexes {
		w.annex(d, &d.Annexes[i])
	}
}

// Issued writes, in the paper variant of a decision of Mẫu 1.3, the
// document it issues, after a rule as the new page it starts: its
// header, body and annexes. It writes nothing when d issues none.
func Issued(buf *bytes.Buffer, d *ir.Doc) {
	if d.Issued == nil {
		return
	}
	writer{buf, pagespec.For(d.Kind())}.para("---")
	Header(buf, d.Issued)
	Body(buf, d.Issued)
	Footer(buf, d.Issued)
}

// signature writes a signature block: its title lines, then the name.
func (w writer) signature(s *ir.Signature) {
	ls := make([]string, len(s.Titles))
	for i, t := range s.Titles {
		ls[i] = w.as(pagespec.Signature, t)
	}
	if len(ls) > 0 {
		w.para(lines(ls...))
	}
	w.para(w.as(pagespec.Signature, s.Name))
}

func (w writer) noiNhan(label ir.Text, copies []ir.Text, braces []ir.Brace) {
	if label.S == "" && len(copies) == 0 {
		return // a biên bản, an agreement may have no Nơi nhận
	}
	w.para(w.as(pagespec.NoiNhan, label))
	w.list(copies, braces)
}

// copyBlock writes a copy's block as the page has it, after a rule.
func (w writer) copyBlock(c *ir.Copy) {
	w.para("---")
	var left []string
	for _, t := range c.Parent {
		left = append(left, w.as(pagespec.Parent, t))
	}
	for _, t := range c.Issuer {
		left = append(left, w.as(pagespec.Issuer, t))
	}
	left = append(left, w.as(pagespec.Number, c.Number))
	w.para(lines(left...))
	w.para(lines(w.as(pagespec.CopyForm, c.Form), w.as(pagespec.PlaceDate, c.PlaceDate)))
	w.signature(&c.Signature)
	w.noiNhan(c.NoiNhan, c.Recipients, c.Braces)
}

func plainAll(ts []ir.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = plain(t)
	}
	return out
}

// annex writes an annex after a rule: the signing lines of ô 14 if the
// document is signed electronically, the label, title and reference, and
// the table.
func (w writer) annex(d *ir.Doc, a *ir.Annex) {
	w.para("---")
	if len(d.ESign) > 0 {
		w.para(lines(plainAll(d.ESign)...))
	}
	w.para(lines(w.as(pagespec.AnnexLabel, a.Label), w.as(pagespec.AnnexTitle, a.Title), w.as(pagespec.AnnexReference, a.Reference)))
	w.para(Table(&a.Table))
}

// Table returns t as a GFM table. Header rows are flattened into one:
// each column is named by the header cells above it, top-down, joined by
// " – " ("Số người tham gia – Tỷ lệ"). Columns are aligned as the PDF
// aligns them, and the totals row is bold. A GFM cell holds one line, so
// runs of white space in a cell become one space.
func Table(t *ir.Table) string {
	cols := len(t.Align)
	names := make([][]string, cols)
	for _, row := range t.Header {
		for _, cell := range row {
			txt := oneLine(cell.Text.S)
			for dc := 0; dc < max(cell.ColSpan, 1) && cell.Col+dc < cols; dc++ {
				if n := names[cell.Col+dc]; txt != "" && (len(n) == 0 || n[len(n)-1] != txt) {
					names[cell.Col+dc] = append(n, txt)
				}
			}
		}
	}
	var b []byte
	head := make([]string, cols)
	for c := range names {
		head[c] = strings.Join(names[c], " – ")
	}
	b = AppendTableRow(b, head, cols, false)
	b = append(b, '|')
	for c := 0; c < cols; c++ {
		b = append(b, " "+AlignMark(t.Align[c])+" |"...)
	}
	b = append(b, '\n')
	var cells []string
	texts := func(ts []ir.Text) []string {
		cells = cells[:0]
		for _, t := range ts {
			cells = append(cells, t.S)
		}
		return cells
	}
	for _, r := range t.Rows {
		b = AppendTableRow(b, texts(r), cols, false)
	}
	if t.Totals != nil {
		b = AppendTableRow(b, texts(t.Totals), cols, true)
	}
	return string(bytes.TrimSuffix(b, []byte("\n")))
}

// AppendTableRow appends a row of a GFM table of cols columns as Table
// writes it, with its line feed: each cell on one line (runs of white
// space become one space), escaped so that it reads back as written, bold
// when bold; cells past len(cells) are empty. Writers of long tables call
// it a row at a time.
func AppendTableRow(b []byte, cells []string, cols int, bold bool) []byte {
	b = append(b, '|')
	for c := 0; c < cols; c++ {
		b = append(b, ' ')
		if c < len(cells) {
			b = appendCell(b, cells[c], bold)
		}
		b = append(b, " |"...)
	}
	return append(b, '\n')
}

// appendCell appends one table cell's text. A cell does not start a
// line: "1.204" needs no escape.
func appendCell(b []byte, s string, bold bool) []byte {
	if !bold && plainCell(s) {
		return append(b, s...) // what Inline gives for it, without its work
	}
	if s = oneLine(s); s == "" {
		return b
	}
	st := ir.Regular
	if bold {
		st = ir.Bold
	}
	return append(b, Inline([]ir.Span{{S: s, Style: st}}, false)...)
}

// plainCell reports whether s is text that Inline leaves as it is in a
// cell: valid UTF-8 without control characters, characters it escapes,
// "&", white space other than single spaces between words (oneLine would
// change it). Numbers ("10.125", "98,8") and most names are.
func plainCell(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || unicode.IsControl(r) || unicode.IsSpace(r) {
				return false
			}
			i += w
			continue
		}
		switch {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < 0x21 || c > 0x7e || c == '&' || needsEscape(rune(c)):
			return false
		}
		i++
	}
	return true
}

// AlignMark is the delimiter-row cell of a column aligned a.
func AlignMark(a ir.Align) string {
	switch a {
	case ir.Center:
		return ":---:"
	case ir.Right:
		return "---:"
	}
	return ":---"
}

// Body writes the body for reading, as printed: parts and sections upper
// case, headings and article labels bold. Numbered items whose numbers
// Markdown can hold form lists; other labels are written as text.
func Body(buf *bytes.Buffer, d *ir.Doc) {
	w := writer{buf, pagespec.For(d.Kind())}
	prevList := -1
	for i := range d.Body {
		b := &d.Body[i]
		n, isList := listNumber(b)
		if isList && prevList >= 0 && n != prevList+1 {
			w.para(ListBreak)
		}
		prevList = -1
		if isList {
			prevList = n
		}
		switch {
		case b.Kind == ir.TableBlock:
			if b.Table != nil {
				w.para(Table(b.Table))
			}
		case b.Kind == ir.Centered:
			w.para("##### " + Inline(b.Spans, false))
		case b.Kind == ir.Part:
			w.para("# " + Escape(b.Marker))
			if s := Inline(unbold(b.Spans), true); s != "" {
				w.para("# " + s)
			}
		case b.Kind == ir.Section:
			w.para(heading("## ", b))
		case b.Heading && (b.Kind == ir.SubItem):
			w.para(heading("#### ", b))
		case b.Heading:
			w.para(heading("### ", b))
		case isList:
			w.para(b.Marker + " " + Inline(b.Spans, true))
		case b.Kind == ir.Dash || b.Kind == ir.Plus:
			w.para(b.Marker + " " + Inline(b.Spans, true))
		case b.Marker == "":
			w.para(Inline(b.Spans, true))
		default:
			// Only an item's number ("01.") could start a Markdown list.
			w.para(Inline([]ir.Span{{S: b.Marker, Style: b.MarkerStyle}}, b.Kind == ir.Item) + " " + Inline(b.Spans, false))
		}
	}
}

// heading writes a block as an ATX heading: the heading's own weight
// shows the bold the block is drawn in.
func heading(prefix string, b *ir.Block) string {
	s := prefix
	if b.Marker != "" {
		s += Inline([]ir.Span{{S: b.Marker, Style: b.MarkerStyle &^ ir.Bold}}, false) + " "
	}
	return strings.TrimSuffix(s+Inline(unbold(b.Spans), false), " ")
}

func unbold(ss []ir.Span) []ir.Span {
	out := make([]ir.Span, len(ss))
	for i, s := range ss {
		s.Style &^= ir.Bold
		out[i] = s
	}
	return out
}

// listNumber reports whether b is a numbered item that a Markdown ordered
// list shows with its own number: "1." to "999999999.", no leading zero.
func listNumber(b *ir.Block) (int, bool) {
	if b.Kind != ir.Item || b.Heading {
		return 0, false
	}
	s, ok := strings.CutSuffix(b.Marker, ".")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 999999999 || strconv.Itoa(n) != s {
		return 0, false
	}
	return n, true
}

// confirmation writes a giấy nghỉ phép's confirmation column (Mẫu 1.10):
// its heading bold, "(Chữ ký, dấu)" italic.
func (w writer) confirmation(c []ir.Text) {
	if len(c) == 0 {
		return
	}
	ls := []string{styled(c[0].S, ir.Bold)}
	for _, t := range c[1:] {
		ls = append(ls, styled(t.S, ir.Italic))
	}
	w.para(lines(ls...))
}
