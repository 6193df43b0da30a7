package bhytdoc

import (
	"slices"
	"strconv"
	"strings"
)

// eachText calls fn with the path and address of every text field of d, in
// reading order. Validation, normalisation and the glyph check all use it,
// so a new field needs adding in one place only.
func (d *Document) eachText(fn func(path textPath, s *string)) {
	fn(at("Issuer.Parent"), &d.Issuer.Parent)
	fn(at("Issuer.Name"), &d.Issuer.Name)
	fn(at("Issuer.Abbrev"), &d.Issuer.Abbrev)
	fn(at("DraftingUnit"), &d.DraftingUnit)
	fn(at("Place"), &d.Place)
	fn(at("Summary"), &d.Summary)
	fn(at("IssuedWith"), &d.IssuedWith)
	fn(at("Authority"), &d.Authority)
	for i := range d.Addressees {
		fn(at1("Addressees", i, ""), &d.Addressees[i])
	}
	for i := range d.Bases {
		fn(at1("Bases", i, ""), &d.Bases[i])
	}
	fn(at("Proposal"), &d.Proposal)
	for i := range d.Body {
		b := &d.Body[i]
		fn(at1("Body", i, ".Label"), &b.Label)
		for j := range b.Text {
			fn(at2("Body", i, ".Text", j, ""), &b.Text[j].Text)
		}
		if b.Table != nil {
			b.Table.eachText(elem("Body", i)+".Table", fn)
		}
	}
	d.eachSpecialText(fn)
	for i := range d.Attachments {
		fn(at1("Attachments", i, ""), &d.Attachments[i])
	}
	for i := range d.Signatures {
		s := &d.Signatures[i]
		for j := range s.Authority {
			fn(at2("Signatures", i, ".Authority", j, ".Title"), &s.Authority[j].Title)
		}
		fn(at1("Signatures", i, ".Position"), &s.Position)
		fn(at1("Signatures", i, ".Name"), &s.Name)
	}
	for i := range d.Recipients {
		fn(at1("Recipients", i, ".Name"), &d.Recipients[i].Name)
		fn(at1("Recipients", i, ".Purpose"), &d.Recipients[i].Purpose)
	}
	for i := range d.Luu {
		fn(at1("Luu", i, ""), &d.Luu[i])
	}
	fn(at("Typist"), &d.Typist)
	for i := range d.Contact {
		fn(at1("Contact", i, ""), &d.Contact[i])
	}
	if d.ESign != nil {
		fn(at("ESign.Organisation"), &d.ESign.Organisation)
	}
	if d.Copy != nil {
		d.Copy.eachText(fn)
	}
	for i := range d.Annexes {
		a := &d.Annexes[i]
		fn(at1("Annexes", i, ".Label"), &a.Label)
		fn(at1("Annexes", i, ".Title"), &a.Title)
		fn(at1("Annexes", i, ".Reference"), &a.Reference)
		a.Table.eachText(elem("Annexes", i)+".Table", fn)
	}
}

// eachText calls fn with the path (under field) and address of every
// text of t.
func (t *Table) eachText(field string, fn func(path textPath, s *string)) {
	head := field + ".Header"
	for r := range t.Header {
		for c := range t.Header[r] {
			fn(at2(head, r, "", c, ""), &t.Header[r][c].Text)
		}
	}
	rows := field + ".Rows"
	for r := range t.Rows {
		for c := range t.Rows[r] {
			fn(at2(rows, r, "", c, ""), &t.Rows[r][c])
		}
	}
	totals := field + ".Totals"
	for c := range t.Totals {
		fn(at1(totals, c, ""), &t.Totals[c])
	}
}

// textPath is the path of a text in a Document, "Body[3].Text[0]", kept
// in parts and joined only for a message: every text of every document
// is walked, and almost none is reported.
type textPath struct {
	pre, head string // pre is "Issues." for the issued document's texts
	i, j      int    // an index after head and after mid, plus one; 0: none
	mid, tail string
}

// at is the path of a field that is not in a list.
func at(head string) textPath { return textPath{head: head} }

// at1 is the path head[i]tail.
func at1(head string, i int, tail string) textPath {
	return textPath{head: head, i: i + 1, tail: tail}
}

// at2 is the path head[i]mid[j]tail.
func at2(head string, i int, mid string, j int, tail string) textPath {
	return textPath{head: head, i: i + 1, mid: mid, j: j + 1, tail: tail}
}

// String joins the path: what the eager elem concatenations gave.
func (p textPath) String() string {
	s := p.pre + p.head
	if p.i > 0 {
		s = elem(s, p.i-1)
	}
	s += p.mid
	if p.j > 0 {
		s = elem(s, p.j-1)
	}
	return s + p.tail
}

// hasPrefix reports whether the path starts with prefix, joining it only
// when head is a proper prefix of prefix.
func (p textPath) hasPrefix(prefix string) bool {
	if p.pre == "" {
		if len(p.head) >= len(prefix) {
			return strings.HasPrefix(p.head, prefix)
		}
		if !strings.HasPrefix(prefix, p.head) {
			return false
		}
	}
	return strings.HasPrefix(p.String(), prefix)
}

// elem is the path of element i of the list at path: "Body[3]". It is
// what fmt.Sprintf("%s[%d]", path, i) gives, for a fraction of the cost.
func elem(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// clone returns a deep copy of t.
func (t Table) clone() Table {
	t.Header = slices.Clone(t.Header)
	for r, row := range t.Header {
		t.Header[r] = slices.Clone(row)
	}
	t.Columns = slices.Clone(t.Columns)
	t.Rows = slices.Clone(t.Rows)
	for r, row := range t.Rows {
		t.Rows[r] = slices.Clone(row)
	}
	t.Totals = slices.Clone(t.Totals)
	return t
}

// Clone returns a deep copy of d (image bytes are shared: they are never
// modified). A nil d gives nil.
func (d *Document) Clone() *Document {
	if d == nil {
		return nil
	}
	c := *d
	c.Addressees = slices.Clone(d.Addressees)
	c.Bases = slices.Clone(d.Bases)
	c.Body = slices.Clone(d.Body)
	for i, b := range c.Body {
		b.Text = slices.Clone(b.Text)
		if b.Table != nil {
			t := b.Table.clone()
			b.Table = &t
		}
		c.Body[i] = b
	}
	c.Attachments = slices.Clone(d.Attachments)
	c.Signatures = slices.Clone(d.Signatures)
	for i, s := range c.Signatures {
		s.Authority = slices.Clone(s.Authority)
		c.Signatures[i] = s
	}
	c.Recipients = slices.Clone(d.Recipients)
	c.Luu = slices.Clone(d.Luu)
	c.Contact = slices.Clone(d.Contact)
	if d.ESign != nil {
		e := *d.ESign
		c.ESign = &e
	}
	if d.Copy != nil {
		c.Copy = d.Copy.clone()
	}
	d.cloneSpecial(&c)
	c.Annexes = slices.Clone(d.Annexes)
	for i, a := range c.Annexes {
		a.Table = a.Table.clone()
		c.Annexes[i] = a
	}
	return &c
}
