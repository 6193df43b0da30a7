package bhytdoc

import (
	"slices"
	"strconv"
)

// eachText calls fn with the path and address of every text field of d, in
// reading order. Validation, normalisation and the glyph check all use it,
// so a new field needs adding in one place only.
func (d *Document) eachText(fn func(path string, s *string)) {
	fn("Issuer.Parent", &d.Issuer.Parent)
	fn("Issuer.Name", &d.Issuer.Name)
	fn("Issuer.Abbrev", &d.Issuer.Abbrev)
	fn("DraftingUnit", &d.DraftingUnit)
	fn("Place", &d.Place)
	fn("Summary", &d.Summary)
	fn("IssuedWith", &d.IssuedWith)
	fn("Authority", &d.Authority)
	for i := range d.Addressees {
		fn(elem("Addressees", i), &d.Addressees[i])
	}
	for i := range d.Bases {
		fn(elem("Bases", i), &d.Bases[i])
	}
	fn("Proposal", &d.Proposal)
	for i := range d.Body {
		b := &d.Body[i]
		fn(elem("Body", i)+".Label", &b.Label)
		for j := range b.Text {
			fn(elem(elem("Body", i)+".Text", j), &b.Text[j].Text)
		}
		if b.Table != nil {
			b.Table.eachText(elem("Body", i)+".Table", fn)
		}
	}
	d.eachSpecialText(fn)
	for i := range d.Attachments {
		fn(elem("Attachments", i), &d.Attachments[i])
	}
	for i := range d.Signatures {
		s := &d.Signatures[i]
		for j := range s.Authority {
			fn(elem(elem("Signatures", i)+".Authority", j)+".Title", &s.Authority[j].Title)
		}
		fn(elem("Signatures", i)+".Position", &s.Position)
		fn(elem("Signatures", i)+".Name", &s.Name)
	}
	for i := range d.Recipients {
		fn(elem("Recipients", i)+".Name", &d.Recipients[i].Name)
		fn(elem("Recipients", i)+".Purpose", &d.Recipients[i].Purpose)
	}
	for i := range d.Luu {
		fn(elem("Luu", i), &d.Luu[i])
	}
	fn("Typist", &d.Typist)
	for i := range d.Contact {
		fn(elem("Contact", i), &d.Contact[i])
	}
	if d.ESign != nil {
		fn("ESign.Organisation", &d.ESign.Organisation)
	}
	if d.Copy != nil {
		d.Copy.eachText(fn)
	}
	for i := range d.Annexes {
		a := &d.Annexes[i]
		fn(elem("Annexes", i)+".Label", &a.Label)
		fn(elem("Annexes", i)+".Title", &a.Title)
		fn(elem("Annexes", i)+".Reference", &a.Reference)
		a.Table.eachText(elem("Annexes", i)+".Table", fn)
	}
}

// eachText calls fn with the path (under field) and address of every
// text of t.
func (t *Table) eachText(field string, fn func(path string, s *string)) {
	for r := range t.Header {
		for c := range t.Header[r] {
			fn(elem(elem(field+".Header", r), c), &t.Header[r][c].Text)
		}
	}
	for r := range t.Rows {
		for c := range t.Rows[r] {
			fn(elem(elem(field+".Rows", r), c), &t.Rows[r][c])
		}
	}
	for c := range t.Totals {
		fn(elem(field+".Totals", c), &t.Totals[c])
	}
}

// elem is the path of element i of the list at path: "Body[3]". It is
// what fmt.Sprintf("%s[%d]", path, i) gives, for a fraction of the cost
// (every text of every document is walked with its path).
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
