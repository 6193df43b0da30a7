package bhytdoc

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/grid"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// FieldError is one problem with one field of a Document. Field is the Go
// path of the field ("Signatures[0].Name", "Annexes[0].Table.Rows[3]").
type FieldError struct {
	Field string
	Msg   string // what is wrong with the field
}

// Error returns "Field: message".
func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// GlyphError reports a rune that the font cannot draw. bhytdoc never
// prints a blank box in its place.
type GlyphError struct {
	Field string // where the rune occurs
	Rune  rune   // the rune the font lacks
	Font  string // family and style, e.g. "Liberation Serif bold"
}

// Error names the field, the font and the rune.
func (e *GlyphError) Error() string {
	return fmt.Sprintf("%s: font %s has no glyph for %U %q", e.Field, e.Font, e.Rune, e.Rune)
}

// ValidationError collects every problem found in a Document. Its Errors
// are *FieldError or *GlyphError values; errors.As reaches each of them.
type ValidationError struct {
	Errors []error
}

// Error lists every problem, one per line after the first.
func (e *ValidationError) Error() string {
	if len(e.Errors) == 1 {
		return "bhytdoc: " + e.Errors[0].Error()
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "bhytdoc: %d problems:", len(e.Errors))
	for _, err := range e.Errors {
		sb.WriteString("\n\t")
		sb.WriteString(err.Error())
	}
	return sb.String()
}

// Unwrap returns the individual problems.
func (e *ValidationError) Unwrap() []error { return e.Errors }

// Fields returns the field paths at fault, in order, one per problem.
func (e *ValidationError) Fields() []string {
	out := make([]string, len(e.Errors))
	for i, err := range e.Errors {
		var fe *FieldError
		var ge *GlyphError
		switch {
		case errors.As(err, &fe):
			out[i] = fe.Field
		case errors.As(err, &ge):
			out[i] = ge.Field
		}
	}
	return out
}

type problems struct{ errs []error }

func (p *problems) add(field, format string, args ...any) {
	p.errs = append(p.errs, &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return &ValidationError{Errors: p.errs}
}

var (
	reAbbrev = regexp.MustCompile(`^[\p{Lu}\p{Ll}0-9]+(?:-[\p{Lu}\p{Ll}0-9]+)*$`)
	reRoman  = regexp.MustCompile(`^[IVXLCDM]+\.$`)
	reItem   = regexp.MustCompile(`^[0-9]+\.$`)
	reSub    = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)+\.$`)
	rePoint  = regexp.MustCompile(`^[a-zđ]\)$`)
	rePart   = regexp.MustCompile(`^(?:Phần|Chương|PHẦN|CHƯƠNG) [IVXLCDM]+$`)
)

// Validate reports every missing or malformed part of d at once, as a
// *ValidationError, or nil. It does not modify d. Rendering validates too;
// call Validate to check a document without rendering it.
func (d *Document) Validate() error {
	var p problems
	d.validate(&p)
	return p.err()
}

func (d *Document) validate(p *problems) {
	d.eachText(func(path string, s *string) {
		if !utf8.ValidString(*s) {
			_, err := typo.Clean(*s)
			p.add(path, "%v", err)
			return
		}
		allowNL := strings.HasPrefix(path, "Issuer.")
		for i, r := range *s {
			if unicode.IsControl(r) && !(allowNL && r == '\n') {
				p.add(path, "control character %U at byte %d", r, i)
				return
			}
		}
	})
	if !d.Kind.Valid() {
		p.add("Kind", "missing or unknown document kind (%d)", int(d.Kind))
	}
	required(p, "Issuer.Name", d.Issuer.Name)
	if required(p, "Issuer.Abbrev", d.Issuer.Abbrev) && !reAbbrev.MatchString(d.Issuer.Abbrev) {
		p.add("Issuer.Abbrev", "%q is not an abbreviation (letters and digits, groups joined by \"-\")", d.Issuer.Abbrev)
	}
	if d.DraftingUnit != "" && !reAbbrev.MatchString(d.DraftingUnit) {
		p.add("DraftingUnit", "%q is not an abbreviation (letters and digits, groups joined by \"-\")", d.DraftingUnit)
	}
	switch {
	case d.Number < 0:
		p.add("Number", "negative (%d)", d.Number)
	case d.Number == 0 && !d.Draft:
		p.add("Number", "empty: only a Draft may leave the number blank")
	}
	required(p, "Place", d.Place)
	if err := typo.ValidDate(d.Date.Year, d.Date.Month, d.Date.Day, d.Draft); err != nil {
		p.add("Date", "%s", strings.TrimPrefix(err.Error(), "typo: "))
	}
	if required(p, "Summary", d.Summary) && d.Kind == CongVan && hasVVPrefix(d.Summary) {
		p.add("Summary", "starts with \"V/v\": write only the subject, the renderer adds \"V/v\"")
	}
	if (d.Kind == CongVan || d.Kind == ToTrinh) && len(d.Recipients) == 0 {
		p.add("Recipients", "empty: a %s needs at least one \"Kính gửi\" recipient", d.Kind.Name())
	}
	listItems(p, "Recipients", d.Recipients)
	listItems(p, "Bases", d.Bases)
	listItems(p, "Attachments", d.Attachments)
	if len(d.Body) == 0 {
		p.add("Body", "empty")
	}
	for i := range d.Body {
		validateBlock(p, fmt.Sprintf("Body[%d]", i), &d.Body[i])
	}
	switch n := len(d.Signatures); {
	case n == 0:
		p.add("Signatures", "missing: a document needs a signature block")
	case n > 2:
		p.add("Signatures", "%d signature blocks; at most 2", n)
	}
	for i := range d.Signatures {
		validateSignature(p, fmt.Sprintf("Signatures[%d]", i), &d.Signatures[i])
	}
	if len(d.NoiNhan) == 0 && len(d.Luu) == 0 {
		p.add("NoiNhan", "empty: list the recipients and Luu")
	}
	for i, r := range d.NoiNhan {
		f := fmt.Sprintf("NoiNhan[%d]", i)
		listItem(p, f+".Name", r.Name)
		if strings.ContainsAny(r.Purpose, "()") {
			p.add(f+".Purpose", "contains parentheses: the renderer adds them")
		}
	}
	if len(d.Luu) == 0 {
		p.add("Luu", "empty: at least \"VT\" (văn thư)")
	}
	listItems(p, "Luu", d.Luu)
	for i := range d.Annexes {
		validateAnnex(p, fmt.Sprintf("Annexes[%d]", i), &d.Annexes[i])
		validateReference(p, fmt.Sprintf("Annexes[%d].Reference", i), d, d.Annexes[i].Reference)
	}
}

var (
	reRefNumber = regexp.MustCompile(`(?i)\bsố\s+0*([0-9]+)\b`)
	reRefDate   = regexp.MustCompile(`(?i)\bngày\s+([0-9]{1,2})\s*(?:/|-|\.|\s+tháng\s+)([0-9]{1,2})\s*(?:/|-|\.|\s+năm\s+)([0-9]{4})\b`)
)

// validateReference reports an annex reference line ("Kèm theo Kế hoạch
// số 31/KH-UBND ngày 08/11/2018") that names another number or date than
// the document's own: an annex copied from an earlier document.
func validateReference(p *problems, field string, d *Document, ref string) {
	if m := reRefNumber.FindStringSubmatch(ref); m != nil {
		n, _ := strconv.Atoi(m[1])
		switch {
		case d.Number == 0:
			p.add(field, "names số %d, but the document has no number yet; leave the reference out to have it derived", n)
		case n != d.Number:
			p.add(field, "names số %d, but the document is số %d", n, d.Number)
		}
	}
	if m := reRefDate.FindStringSubmatch(ref); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if year != d.Date.Year || (d.Date.Month != 0 && month != d.Date.Month) || (d.Date.Day != 0 && day != d.Date.Day) {
			p.add(field, "names the date %d/%d/%d, but the document is dated %s", day, month, year,
				typo.ShortDate(d.Date.Year, d.Date.Month, d.Date.Day))
		}
	}
}

func hasVVPrefix(s string) bool {
	t := strings.TrimSpace(s)
	return len(t) >= 3 && strings.EqualFold(t[:3], "v/v")
}

// required adds a problem when s is blank and reports whether it is not.
func required(p *problems, field, s string) bool {
	if strings.TrimSpace(s) == "" {
		p.add(field, "empty")
		return false
	}
	return true
}

func listItems(p *problems, field string, items []string) {
	for i, s := range items {
		listItem(p, fmt.Sprintf("%s[%d]", field, i), s)
	}
}

// listItem rejects blank items and items that end with the punctuation
// the renderer adds itself, so that nothing prints doubled.
func listItem(p *problems, field, s string) {
	if !required(p, field, s) {
		return
	}
	t := strings.TrimRight(s, " ")
	if strings.HasSuffix(t, ";") || (strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..")) {
		p.add(field, "ends with %q: the renderer adds list punctuation", t[len(t)-1:])
	}
}

func validateBlock(p *problems, field string, b *Block) {
	var re *regexp.Regexp
	switch b.Kind {
	case Paragraph, Dash, Plus:
		if b.Label != "" {
			p.add(field+".Label", "%s blocks have no label (got %q)", b.Kind, b.Label)
		}
	case Part:
		re = rePart
	case Section:
		re = reRoman
	case Item:
		re = reItem
	case SubItem:
		re = reSub
	case Point:
		re = rePoint
	default:
		p.add(field+".Kind", "unknown block kind %d", int(b.Kind))
	}
	if re != nil && !re.MatchString(b.Label) {
		p.add(field+".Label", "%q is not a %s label like %s", b.Label, b.Kind, labelExample[b.Kind])
	}
	if b.Heading && b.Kind != Item && b.Kind != SubItem {
		p.add(field+".Heading", "only Item and SubItem blocks can be headings")
	}
	if b.Kind != Part && strings.TrimSpace(b.Plain()) == "" {
		p.add(field+".Text", "empty")
	}
}

func validateSignature(p *problems, field string, s *Signature) {
	for j, a := range s.Authority {
		f := fmt.Sprintf("%s.Authority[%d]", field, j)
		if !a.Prefix.Valid() {
			p.add(f+".Prefix", "%q is not one of TM., KT., Q., TL., TUQ.", string(a.Prefix))
		}
		required(p, f+".Title", a.Title)
	}
	acting := len(s.Authority) > 0 && s.Authority[len(s.Authority)-1].Prefix == Q
	if strings.TrimSpace(s.Position) == "" && !acting {
		if len(s.Authority) > 0 {
			p.add(field+".Position", "empty: after %q the signer's own position is required", string(s.Authority[len(s.Authority)-1].Prefix))
		} else {
			p.add(field+".Position", "empty")
		}
	}
	required(p, field+".Name", s.Name)
	for _, img := range []struct {
		name string
		b    []byte
	}{{"Image", s.Image}, {"Seal", s.Seal}} {
		if len(img.b) > 0 && !isPNG(img.b) {
			p.add(field+"."+img.name, "not a PNG image")
		}
	}
}

func isPNG(b []byte) bool {
	return len(b) > 8 && string(b[:8]) == "\x89PNG\r\n\x1a\n"
}

func validateAnnex(p *problems, field string, a *Annex) {
	required(p, field+".Title", a.Title)
	t := &a.Table
	tf := field + ".Table"
	cols, ok := headerGrid(p, tf+".Header", t.Header)
	if !ok {
		return
	}
	if len(t.Columns) != 0 && len(t.Columns) != cols {
		p.add(tf+".Columns", "%d columns described, the header has %d", len(t.Columns), cols)
	}
	for i, c := range t.Columns {
		if c.Width < 0 {
			p.add(fmt.Sprintf("%s.Columns[%d].Width", tf, i), "negative")
		}
		if c.Align < AlignAuto || c.Align > AlignRight {
			p.add(fmt.Sprintf("%s.Columns[%d].Align", tf, i), "unknown alignment %d", int(c.Align))
		}
	}
	if len(t.Rows) == 0 {
		p.add(tf+".Rows", "empty")
	}
	for r, row := range t.Rows {
		if len(row) != cols {
			p.add(fmt.Sprintf("%s.Rows[%d]", tf, r), "%d cells, the header has %d columns", len(row), cols)
		}
	}
	if t.Totals != nil && len(t.Totals) != cols {
		p.add(tf+".Totals", "%d cells, the header has %d columns", len(t.Totals), cols)
	}
}

// headerGrid checks that the header cells tile a rectangle and returns its
// width.
func headerGrid(p *problems, field string, h [][]HeaderCell) (int, bool) {
	if len(h) == 0 {
		p.add(field, "empty: a table needs a header row")
		return 0, false
	}
	ok := true
	widths := grid.Walk(h, HeaderCell.spans, func(r, i, _ int, cell HeaderCell) {
		f := fmt.Sprintf("%s[%d][%d]", field, r, i)
		if cell.ColSpan < 0 || cell.RowSpan < 0 {
			p.add(f, "negative span")
			ok = false
		}
		if rs := span(cell.RowSpan); r+rs > len(h) {
			p.add(f, "spans %d rows, only %d header rows remain", rs, len(h)-r)
			ok = false
		}
	})
	for r, w := range widths[1:] {
		if w != widths[0] {
			p.add(fmt.Sprintf("%s[%d]", field, r+1), "covers %d columns, the first header row covers %d", w, widths[0])
			ok = false
		}
	}
	return widths[0], ok
}
