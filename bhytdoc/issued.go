package bhytdoc

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// A quyết định of Mẫu 1.3 (quy định gián tiếp) issues or approves another
// document — a quy chế, quy định, kế hoạch … — that Appendix III draws
// after it: the issued document's header has the issuing body and the
// national title but no number and no place and date line, its trích
// yếu is followed by "(Kèm theo Quyết định số … ngày … của …)", and it
// has no signature or Nơi nhận of its own. The decision carries it in
// Issues, so that the reference line is made from the decision's own
// number, date and authority and cannot disagree with them.

// Variant is the form in which a decision and the document it issues are
// rendered (Decree 30, Appendix III, Mẫu 1.3 and its two models of the
// issued document).
type Variant int

const (
	// Paper renders the decision and the document it issues as one file:
	// the issued document starts on a new page, numbers its pages from 1
	// (the first one unnumbered, as each annex does) and its "(Kèm theo
	// Quyết định số … ngày … của …)" line is filled in.
	Paper Variant = iota
	// Electronic renders the decision alone; the issued document is a
	// file of its own (IssuedDocument(Electronic)), whose reference line
	// leaves the number and date blank: the organisation's digital
	// signature, put at the top right of its first page by sign with
	// Options.Attached (bhytdoc sign --attached-to), shows them
	// (Appendix I, II.8.b).
	Electronic
)

// String returns "paper" or "electronic".
func (v Variant) String() string {
	switch v {
	case Paper:
		return "paper"
	case Electronic:
		return "electronic"
	}
	return fmt.Sprintf("Variant(%d)", int(v))
}

// ParseVariant reads "paper" or "electronic" (also "giấy", "điện tử").
func ParseVariant(s string) (Variant, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "paper", "giấy", "giay":
		return Paper, nil
	case "electronic", "điện tử", "dien tu", "dien-tu":
		return Electronic, nil
	}
	return 0, fmt.Errorf("unknown variant %q (want paper or electronic)", s)
}

// IssuedReference returns the line a document issued with decision d
// prints under its trích yếu, without the parentheses: "Kèm theo Quyết
// định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân huyện
// Nam Trực". The authority is d's Authority (its thẩm quyền ban hành), or
// its issuing body when that is empty. In the Electronic variant the
// number and date are left blank ("số …/QĐ-UBND ngày … tháng … năm …"),
// as Mẫu 1.3's model for an electronic document leaves them.
func (d *Document) IssuedReference(v Variant) string {
	if d == nil {
		return ""
	}
	by := typo.OneLine(d.Authority)
	if by == "" {
		by = typo.OneLine(d.Issuer.Name)
	}
	if v == Electronic {
		return fmt.Sprintf("Kèm theo %s số …/%s ngày … tháng … năm … của %s", d.Kind.Name(), d.symbol(), by)
	}
	return fmt.Sprintf("Kèm theo %s số %s %s của %s", d.Kind.Name(), strings.TrimSpace(d.NumberSymbol()),
		typo.LongDate(d.Date.Year, d.Date.Month, d.Date.Day), by)
}

// IssuedDocument returns the document d issues (d.Issues) completed from
// d as variant v prints it: d's issuing body when its own is empty, d's
// date (not printed: it dates the file), and IssuedWith set to
// d.IssuedReference(v). It returns nil when d issues nothing. Render the
// result to get the Electronic variant's separate file of the issued
// document.
func (d *Document) IssuedDocument(v Variant) *Document {
	if d == nil || d.Issues == nil {
		return nil
	}
	c := d.Issues.Clone()
	if c.Issuer == (Issuer{}) {
		c.Issuer = d.Issuer
	}
	if c.Date == (Date{}) {
		c.Date, c.Draft = d.Date, d.Draft
	}
	c.IssuedWith = d.IssuedReference(v)
	return c
}

// validateIssues checks a decision's issued document: Mẫu 1.3 belongs to
// a quyết định, issues a document of Mẫu 1.4 that takes its header and
// reference line from the decision, and says so in an article.
func (d *Document) validateIssues(p *problems) {
	iss := d.Issues
	if iss == nil {
		return
	}
	if d.Kind.Valid() && d.Kind != QuyetDinh {
		p.add("Issues", "a %s issues no document: only a quyết định does (Mẫu 1.3)", d.Kind.Name())
	}
	if iss.Kind.Valid() && iss.Kind.Model() != "1.4" {
		p.add("Issues.Kind", "a %s is not issued with a decision: only the kinds of Mẫu 1.4 (quy chế, quy định, kế hoạch …) are", iss.Kind.Name())
	}
	if iss.Issues != nil {
		p.add("Issues.Issues", "a document issued with a decision issues none itself")
	}
	if s := typo.OneLine(iss.IssuedWith); s != "" && s != d.IssuedReference(Paper) {
		p.add("Issues.IssuedWith", "%q disagrees with the decision, which gives %q: leave it empty, it is made from the decision's number, date and authority", s, d.IssuedReference(Paper))
	}
	if iss.Issuer != (Issuer{}) && iss.Issuer != d.Issuer {
		p.add("Issues.Issuer", "differs from the decision's issuing body: leave it empty, the decision's is printed")
	}
	if iss.Date != (Date{}) && iss.Date != d.Date {
		p.add("Issues.Date", "differs from the decision's date: leave it empty, the document is dated by the decision")
	}
	// "kèm theo" alone: real decisions also write "Phê duyệt Đề án …
	// (có Đề án kèm theo)".
	if d.Kind == QuyetDinh && !d.bodyContains("kèm theo") {
		p.add("Body", "no article issues the %s: Mẫu 1.3's Điều 1 reads \"Ban hành (Phê duyệt) kèm theo Quyết định này %s …\"", iss.Kind.Name(), iss.Kind.Name())
	}
	// The issued document as printed, checked as a document of its own.
	var sub problems
	c := d.IssuedDocument(Paper)
	c.IssuedWith = typo.OneLine(c.IssuedWith)
	c.validate(&sub)
	c.checkAnnexRefs(&sub)
	seen := map[string]bool{}
	for _, e := range p.errs {
		seen[e.Error()] = true
	}
	for _, e := range sub.errs {
		var fe *FieldError
		if !errors.As(e, &fe) {
			continue
		}
		// What the issued document takes from the decision is the
		// decision's to report.
		if iss.Issuer == (Issuer{}) && strings.HasPrefix(fe.Field, "Issuer") ||
			iss.Date == (Date{}) && fe.Field == "Date" || fe.Field == "IssuedWith" {
			continue
		}
		f := &FieldError{Field: "Issues." + fe.Field, Msg: fe.Msg}
		if !seen[f.Error()] {
			seen[f.Error()] = true
			p.errs = append(p.errs, f)
		}
	}
}

// bodyContains reports whether the body's text holds s, ignoring case.
func (d *Document) bodyContains(s string) bool {
	for _, b := range d.Body {
		var sb strings.Builder
		for _, t := range b.Text {
			sb.WriteString(t.Text)
		}
		if strings.Contains(strings.ToLower(strings.Join(strings.Fields(sb.String()), " ")), s) {
			return true
		}
	}
	return false
}

// prefixed returns err with the field of each of its problems prefixed,
// for the problems of the issued document's own rendering.
func prefixed(err error, prefix string) error {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &ValidationError{}
	for _, e := range ve.Errors {
		var fe *FieldError
		var ge *GlyphError
		switch {
		case errors.As(e, &ge):
			g := *ge
			g.Field = prefix + g.Field
			e = &g
		case errors.As(e, &fe):
			e = &FieldError{Field: prefix + fe.Field, Msg: fe.Msg}
		}
		out.Errors = append(out.Errors, e)
	}
	return out
}

// layoutPDF lays p out for drawing; on paper, a decision's issued
// document follows it from a new page.
func (p *prepared) layoutPDF() (*pdf.Laid, error) { return p.layoutPDFWith(nil) }

// layoutPDFWith is layoutPDF breaking lines in sc's arrays (nil: new ones).
func (p *prepared) layoutPDFWith(sc *pdf.Scratch) (*pdf.Laid, error) {
	l, err := pdf.LayoutAllWith(p.ir, p.set, p.font, sc)
	if err != nil {
		return nil, layoutError(err)
	}
	if p.ir.Issued != nil {
		next, err := pdf.LayoutAllWith(p.ir.Issued, p.set, p.font, sc)
		if err != nil {
			return nil, prefixed(layoutError(err), "Issues.")
		}
		l.Join(next)
	}
	return l, nil
}
