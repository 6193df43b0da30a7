package markdown

import (
	"reflect"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// Canonical returns the form of d that Write writes and Parse returns: d
// normalised with d.Normalized(tone) (NFC, tone marks placed per tone),
// plus the choices the model leaves open settled one way:
//
//   - empty slices are nil, and so are Table.Columns that only hold
//     defaults;
//   - header cell spans of 1 are 0 (both mean one);
//   - body spans with empty text are dropped and neighbours of equal
//     emphasis merged;
//   - a labelled block (Part, Section, SubItem, Point, and Item headings)
//     loses the spaces that begin its text: the label's own space
//     separates it;
//   - a numbered list item's label loses leading zeros ("01." → "1."):
//     Markdown lists number items with plain integers;
//   - the signing time is in the Vietnam zone, to the second, as printed.
//
// Canonical never modifies d. Documents that differ only in these ways
// render identically. A nil d gives nil.
func Canonical(d *bhytdoc.Document, tone bhytdoc.ToneStyle) *bhytdoc.Document {
	if d == nil {
		return nil
	}
	return canonical(d.Clone(), tone)
}

// canonical is Canonical of a document the caller owns and no longer
// needs, such as one Parse just built: it saves a copy.
func canonical(d *bhytdoc.Document, tone bhytdoc.ToneStyle) *bhytdoc.Document {
	return settle(mergeSpans(d).Normalized(tone))
}

// merged returns a copy of d with each block's spans merged.
func merged(d *bhytdoc.Document) *bhytdoc.Document { return mergeSpans(d.Clone()) }

// mergeSpans merges each block's spans in d, in place, and returns d.
// Spans are merged before normalising, so that text joined across a span
// boundary is put in NFC and its tone marks placed as a whole, as it will
// be when read back.
func mergeSpans(d *bhytdoc.Document) *bhytdoc.Document {
	for i := range d.Body {
		d.Body[i] = canonicalBlock(d.Body[i])
	}
	if d.Issues != nil {
		mergeSpans(d.Issues)
	}
	return d
}

// settle makes the rest of Canonical's choices on c, a normalised copy,
// in place, and returns it.
func settle(c *bhytdoc.Document) *bhytdoc.Document {
	if c.Issues != nil {
		settle(c.Issues)
	}
	c.Addressees = nilIfEmpty(c.Addressees)
	c.Bases = nilIfEmpty(c.Bases)
	c.Attachments = nilIfEmpty(c.Attachments)
	c.Luu = nilIfEmpty(c.Luu)
	c.Body = nilIfEmpty(c.Body)
	c.Signatures = nilIfEmpty(c.Signatures)
	for i := range c.Signatures {
		s := &c.Signatures[i]
		s.Authority = nilIfEmpty(s.Authority)
		s.Image = nilIfEmpty(s.Image)
		s.Seal = nilIfEmpty(s.Seal)
	}
	c.Recipients = nilIfEmpty(c.Recipients)

	c.Contact = nilIfEmpty(c.Contact)
	if cp := c.Copy; cp != nil {
		cp.Recipients = nilIfEmpty(cp.Recipients)
		cp.Luu = nilIfEmpty(cp.Luu)
		cp.Signature.Authority = nilIfEmpty(cp.Signature.Authority)
		cp.Signature.Image = nilIfEmpty(cp.Signature.Image)
		cp.Signature.Seal = nilIfEmpty(cp.Signature.Seal)
		canonicalTime(cp.ESign)
	}
	canonicalTime(c.ESign)
	c.Annexes = nilIfEmpty(c.Annexes)
	for i := range c.Annexes {
		t := &c.Annexes[i].Table
		t.Header = nilIfEmpty(t.Header)
		for r := range t.Header {
			t.Header[r] = nilIfEmpty(t.Header[r])
			for k := range t.Header[r] {
				h := &t.Header[r][k]
				if h.ColSpan == 1 {
					h.ColSpan = 0
				}
				if h.RowSpan == 1 {
					h.RowSpan = 0
				}
			}
		}
		if allDefault(t.Columns) {
			t.Columns = nil
		}
		t.Rows = nilIfEmpty(t.Rows)
		for r := range t.Rows {
			t.Rows[r] = nilIfEmpty(t.Rows[r])
		}
		t.Totals = nilIfEmpty(t.Totals)
	}
	return c
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

func allDefault(cs []bhytdoc.Column) bool {
	for _, c := range cs {
		if c != (bhytdoc.Column{}) {
			return false
		}
	}
	return true
}

// labelTrims reports whether a block's label is read from the same line
// as its text, with the spaces after it.
func labelTrims(b *bhytdoc.Block) bool {
	switch b.Kind {
	case bhytdoc.Part, bhytdoc.Section, bhytdoc.SubItem, bhytdoc.Point, bhytdoc.Article:
		return true
	case bhytdoc.Item:
		return b.Heading
	}
	return false
}

func canonicalBlock(b bhytdoc.Block) bhytdoc.Block {
	var out []bhytdoc.Span
	for _, s := range b.Text {
		if s.Text != "" {
			out = appendSpan(out, s)
		}
	}
	if labelTrims(&b) {
		// Go's \s, as in the label patterns: ASCII white space.
		for len(out) > 0 {
			out[0].Text = strings.TrimLeft(out[0].Text, " \t\n\f\r")
			if out[0].Text != "" {
				break
			}
			out = out[1:]
		}
	}
	if b.Kind == bhytdoc.Item && !b.Heading {
		if n, ok := strings.CutSuffix(b.Label, "."); ok && len(n) > 1 && strings.Trim(n, "0123456789") == "" {
			if t := strings.TrimLeft(n, "0"); t != n {
				if t == "" {
					t = "0"
				}
				b.Label = t + "."
			}
		}
	}
	b.Text = nilIfEmpty(out)
	if b.Table != nil {
		canonicalBodyTable(b.Table) // b's table is the clone's own
	}
	return b
}

// Equal reports whether a and b are the same document once both are in
// canonical form with the default tone style (see Canonical): whether
// writing either gives the same Markdown.
func Equal(a, b *bhytdoc.Document) bool {
	return reflect.DeepEqual(Canonical(a, bhytdoc.ToneTraditional), Canonical(b, bhytdoc.ToneTraditional))
}

// appendSpan appends s, merging it into the last span of equal emphasis.
func appendSpan(ss []bhytdoc.Span, s bhytdoc.Span) []bhytdoc.Span {
	if k := len(ss) - 1; k >= 0 && ss[k].Bold == s.Bold && ss[k].Italic == s.Italic {
		ss[k].Text += s.Text
		return ss
	}
	return append(ss, s)
}

// canonicalTime puts a signing time in the Vietnam zone, to the second.
func canonicalTime(e *bhytdoc.ESignature) {
	if e == nil || e.Time.IsZero() {
		return
	}
	if t, err := time.Parse(time.RFC3339, bhytdoc.SigningTime(e.Time)); err == nil {
		e.Time = t
	}
}
