package bhytdoc

import (
	"fmt"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// CopyForm is the form of a copy (hình thức sao).
type CopyForm int

// Copy forms; the zero value is invalid.
const (
	SaoY     CopyForm = iota + 1 // bản sao y (SY): the whole text, as it is
	TrichSao                     // bản trích sao (TrS): an extract
	SaoLuc                       // bản sao lục (SL): copied from a copy
)

var copyForms = [...]struct{ name, symbol string }{
	SaoY: {"Sao y", "SY"}, TrichSao: {"Trích sao", "TrS"}, SaoLuc: {"Sao lục", "SL"},
}

// Valid reports whether f is one of the copy forms.
func (f CopyForm) Valid() bool { return f >= SaoY && f <= SaoLuc }

// String returns the form's name, "Sao y", or "" when invalid.
func (f CopyForm) String() string {
	if !f.Valid() {
		return ""
	}
	return copyForms[f].name
}

// Symbol returns the form's symbol in a copy's number: "SY", "TrS", "SL".
func (f CopyForm) Symbol() string {
	if !f.Valid() {
		return ""
	}
	return copyForms[f].symbol
}

// ParseCopyForm reads a copy form by name in any letter case and tone
// style ("Sao y", "TRÍCH SAO") or by symbol ("SY").
func ParseCopyForm(s string) (CopyForm, error) {
	for f := SaoY; f <= SaoLuc; f++ {
		if sameMark(s, typo.Upper(f.String())) || strings.TrimSpace(s) == f.Symbol() {
			return f, nil
		}
	}
	return 0, fmt.Errorf("unknown copy form %s (want Sao y, Trích sao or Sao lục)", excerpt.Quote(s))
}

// Copy is a paper copy's own block (bản sao), printed on the same sheet
// right after the copied document under a full-width rule: the copying
// body and the copy's number on the left, the form ("SAO Y") and the
// place and date on the right, then the signature and Nơi nhận as in an
// original.
type Copy struct {
	// Form is sao y, trích sao or sao lục. Required.
	Form CopyForm
	// Issuer is the copying body; Parent and Name print as in the
	// header, Abbrev goes into the number. Required.
	Issuer Issuer
	// Number is the copy's number: "Số: 05/SY-UBND". 0 leaves it blank.
	Number int
	// Place is where the copy was made. Required.
	Place string
	// Date is when the copy was made. Required, with day and month.
	Date Date
	// Signature is the block of who certifies the copy. Required.
	Signature Signature
	// Recipients lists who receives the copy.
	Recipients []Recipient
	// Luu ends the copy's Nơi nhận list. Required (at least "VT").
	Luu []string
	// ESign, for an electronic copy, prints the copying body's signing
	// line at the top right of page 1 (ô 14): the form, the body, the
	// time in ISO 8601 at +07:00, 10 pt. Optional.
	ESign *ESignature
}

// NumberSymbol returns the copy's number and symbol without "Số:":
// "05/SY-UBND".
func (c *Copy) NumberSymbol() string {
	num := "     "
	if c.Number > 0 {
		num = fmt.Sprintf("%02d", c.Number)
	}
	return num + "/" + c.Form.Symbol() + "-" + c.Issuer.Abbrev
}

func (c *Copy) eachText(fn func(path textPath, s *string)) {
	fn(at("Copy.Issuer.Parent"), &c.Issuer.Parent)
	fn(at("Copy.Issuer.Name"), &c.Issuer.Name)
	fn(at("Copy.Issuer.Abbrev"), &c.Issuer.Abbrev)
	fn(at("Copy.Place"), &c.Place)
	s := &c.Signature
	for j := range s.Authority {
		fn(at1("Copy.Signature.Authority", j, ".Title"), &s.Authority[j].Title)
	}
	fn(at("Copy.Signature.Position"), &s.Position)
	fn(at("Copy.Signature.Name"), &s.Name)
	for i := range c.Recipients {
		fn(at1("Copy.Recipients", i, ".Name"), &c.Recipients[i].Name)
		fn(at1("Copy.Recipients", i, ".Purpose"), &c.Recipients[i].Purpose)
	}
	for i := range c.Luu {
		fn(at1("Copy.Luu", i, ""), &c.Luu[i])
	}
	if c.ESign != nil {
		fn(at("Copy.ESign.Organisation"), &c.ESign.Organisation)
	}
}

func (c *Copy) clone() *Copy {
	n := *c
	n.Signature.Authority = append([]Authority(nil), c.Signature.Authority...)
	n.Recipients = append([]Recipient(nil), c.Recipients...)
	n.Luu = append([]string(nil), c.Luu...)
	if c.ESign != nil {
		e := *c.ESign
		n.ESign = &e
	}
	return &n
}

func (c *Copy) validate(p *problems) {
	if !c.Form.Valid() {
		p.add("Copy.Form", "missing or unknown copy form %d", int(c.Form))
	}
	required(p, "Copy.Issuer.Name", c.Issuer.Name)
	if required(p, "Copy.Issuer.Abbrev", c.Issuer.Abbrev) && !isAbbrev(c.Issuer.Abbrev) {
		p.add("Copy.Issuer.Abbrev", "%q is not an abbreviation (letters and digits, groups joined by \"-\")", c.Issuer.Abbrev)
	}
	if c.Number < 0 {
		p.add("Copy.Number", "negative (%d)", c.Number)
	}
	required(p, "Copy.Place", c.Place)
	if err := typo.ValidDate(c.Date.Year, c.Date.Month, c.Date.Day, false); err != nil {
		p.add("Copy.Date", "%s", strings.TrimPrefix(err.Error(), "typo: "))
	}
	validateSignature(p, "Copy.Signature", &c.Signature, false)
	validateRecipients(p, "Copy.Recipients", c.Recipients)
	if len(c.Luu) == 0 {
		p.add("Copy.Luu", "empty: at least \"VT\" (văn thư)")
	}
	listItems(p, "Copy.Luu", c.Luu)
	if e := c.ESign; e != nil {
		required(p, "Copy.ESign.Organisation", e.Organisation)
		if e.Time.IsZero() {
			p.add("Copy.ESign.Time", "empty: the signing time is printed")
		}
	}
}

// copyIR derives the printed copy block.
func (d *Document) copyIR(doc *ir.Doc) {
	c := d.Copy
	if c == nil {
		return
	}
	out := &ir.Copy{
		Parent:    lines(c.Issuer.Parent, "Copy.Issuer.Parent"),
		Issuer:    lines(c.Issuer.Name, "Copy.Issuer.Name"),
		Number:    ir.Text{S: "Số: " + c.NumberSymbol(), Field: "Copy.Number"},
		Form:      ir.Text{S: typo.Upper(c.Form.String()), Field: "Copy.Form"},
		PlaceDate: ir.Text{S: c.Place + ", " + typo.LongDate(c.Date.Year, c.Date.Month, c.Date.Day), Field: "Copy.Date"},
		NoiNhan:   ir.Text{S: "Nơi nhận:"},
	}
	out.Signature = signatureIR(&c.Signature, "Copy.Signature")
	out.Recipients, out.Braces = recipientsIR(c.Recipients, c.Luu, "Copy.Recipients", "Copy.Luu")
	if e := c.ESign; e != nil {
		doc.CopyESign = []ir.Text{
			{S: typo.Upper(c.Form.String()), Field: "Copy.Form"},
			{S: typo.Upper(typo.OneLine(e.Organisation)), Field: "Copy.ESign.Organisation"},
			{S: SigningTime(e.Time), Field: "Copy.ESign.Time"},
		}
	}
	doc.Copy = out
}
