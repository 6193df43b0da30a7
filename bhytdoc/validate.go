package bhytdoc

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/grid"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
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

// errNilDocument is returned for a nil *Document.
var errNilDocument = &ValidationError{Errors: []error{&FieldError{Field: "Document", Msg: "nil"}}}

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
	reRoman   = lazyre.New(`^[IVXLCDM]+\.$`)
	reItem    = lazyre.New(`^[0-9]+\.$`)
	reSub     = lazyre.New(`^[0-9]+(?:\.[0-9]+)+\.$`)
	rePoint   = lazyre.New(`^[a-zđ]\)$`)
	rePart    = lazyre.New(`^(?:(?:Phần|Chương|PHẦN|CHƯƠNG) [IVXLCDM]+|(?:Mục|Tiểu mục|MỤC|TIỂU MỤC) [1-9][0-9]*)$`)
	reArticle = lazyre.New(`^Điều [1-9][0-9]*\.$`)
)

// isAbbrev reports whether s is an abbreviation: groups of letters (Lu,
// Ll) and ASCII digits joined by single hyphens, as
// ^[\p{Lu}\p{Ll}0-9]+(?:-[\p{Lu}\p{Ll}0-9]+)*$ matches. Plain code,
// not that regexp: compiling its Unicode classes cost 0.4 ms of every
// cold render.
func isAbbrev(s string) bool {
	group := 0 // runes in the current group
	for _, r := range s {
		switch {
		case r == '-' && group > 0:
			group = 0
		case '0' <= r && r <= '9', unicode.IsUpper(r), unicode.IsLower(r):
			group++
		default:
			return false
		}
	}
	return group > 0
}

// isInitials reports whether s is one or more capital letters (Lu), as
// ^\p{Lu}+$ matches.
func isInitials(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// Validate reports every missing or malformed part of d at once, as a
// *ValidationError, or nil. It does not modify d. Rendering validates too;
// call Validate to check a document without rendering it.
func (d *Document) Validate() error {
	if d == nil {
		return errNilDocument
	}
	var p problems
	d.validate(&p)
	return p.err()
}

func (d *Document) validate(p *problems) {
	d.eachText(func(path textPath, s *string) { checkText(p, path, *s) })
	d.validateFields(p)
}

// checkText reports s, the text at path, if it is not valid UTF-8 or
// holds a rune that does not print.
func checkText(p *problems, path textPath, s string) {
	if !utf8.ValidString(s) {
		_, err := typo.Clean(s)
		p.add(path.String(), "%v", err)
		return
	}
	checkPrintable(p, path, s)
}

// checkPrintable is checkText for s known to be valid UTF-8.
func checkPrintable(p *problems, path textPath, s string) {
	allowNL := path.hasPrefix("Issuer.") || path.hasPrefix("Copy.Issuer.")
	if r, at, kind, ok := typo.Unprintable(s, allowNL); !ok {
		p.add(path.String(), "%s %U at byte %d", kind, r, at)
	}
}

// validateFields is validate without the checks of every text's runes
// (checkText), which prepare makes while it normalises them.
func (d *Document) validateFields(p *problems) {
	tooLong(p, "Issuer.Parent", d.Issuer.Parent, MaxHeaderRunes)
	tooLong(p, "Issuer.Name", d.Issuer.Name, MaxHeaderRunes)
	tooLong(p, "Issuer.Abbrev", d.Issuer.Abbrev, MaxAbbrevRunes)
	tooLong(p, "DraftingUnit", d.DraftingUnit, MaxAbbrevRunes)
	tooLong(p, "Place", d.Place, MaxHeaderRunes)
	tooLong(p, "Summary", d.Summary, MaxSummaryRunes)
	if !d.Kind.Valid() {
		p.add("Kind", "missing or unknown document kind (%d)", int(d.Kind))
	}
	required(p, "Issuer.Name", d.Issuer.Name)
	if required(p, "Issuer.Abbrev", d.Issuer.Abbrev) && !isAbbrev(d.Issuer.Abbrev) {
		p.add("Issuer.Abbrev", "%q is not an abbreviation (letters and digits, groups joined by \"-\")", d.Issuer.Abbrev)
	}
	checkOrganID(p, "Issuer.OrganID", d.Issuer.OrganID)
	if d.DraftingUnit != "" && !isAbbrev(d.DraftingUnit) {
		p.add("DraftingUnit", "%q is not an abbreviation (letters and digits, groups joined by \"-\")", d.DraftingUnit)
	}
	switch {
	case d.Number < 0:
		p.add("Number", "negative (%d)", d.Number)
	case d.Number == 0 && !d.Draft && d.Kind != ThuCong && !d.issued():
		p.add("Number", "empty: only a Draft may leave the number blank")
	}
	if !d.noPlaceDate() {
		required(p, "Place", d.Place)
	}
	if err := typo.ValidDate(d.Date.Year, d.Date.Month, d.Date.Day, d.Draft); err != nil {
		p.add("Date", "%s", strings.TrimPrefix(err.Error(), "typo: "))
	}
	if d.Kind != GiayGioiThieu && d.Kind != GiayNghiPhep && required(p, "Summary", d.Summary) && d.Kind == CongVan && hasVVPrefix(d.Summary) {
		p.add("Summary", "starts with \"V/v\": write only the subject, the renderer adds \"V/v\"")
	}
	if (d.Kind == CongVan || d.Kind == ToTrinh) && len(d.Addressees) == 0 {
		p.add("Addressees", "empty: a %s needs at least one \"Kính gửi\" recipient", d.Kind.Name())
	}
	listItems(p, "Addressees", d.Addressees)
	listItems(p, "Bases", d.Bases)
	listItems(p, "Attachments", d.Attachments)
	d.validateDecision(p)
	d.validateMarks(p)
	d.validateSpecial(p)
	d.validatePoints(p)
	d.validateNhuDieu(p)
	if len(d.Body) == 0 && d.Invitation == nil && d.Introduction == nil && d.Leave == nil {
		p.add("Body", "empty")
	}
	for i := range d.Body {
		validateBlock(p, elem("Body", i), &d.Body[i])
	}
	switch n := len(d.Signatures); {
	case n == 0 && !d.issued():
		p.add("Signatures", "missing: a document needs a signature block")
	case n > 2:
		p.add("Signatures", "%d signature blocks; at most 2", n)
	}
	for i := range d.Signatures {
		validateSignature(p, elem("Signatures", i), &d.Signatures[i], d.Kind == BienBan)
	}
	if len(d.Recipients) == 0 && len(d.Luu) == 0 && !d.noiNhanOptional() {
		p.add("Recipients", "empty: list the recipients and Luu")
	}
	validateRecipients(p, "Recipients", d.Recipients)
	if d.Copy != nil {
		d.Copy.validate(p)
	}
	if len(d.Luu) == 0 && (len(d.Recipients) > 0 || !d.noiNhanOptional()) {
		p.add("Luu", "empty: at least \"VT\" (văn thư)")
	}
	listItems(p, "Luu", d.Luu)
	for i := range d.Annexes {
		validateAnnex(p, elem("Annexes", i), &d.Annexes[i])
		validateReference(p, "Annexes["+strconv.Itoa(i)+"].Reference", d, d.Annexes[i].Reference)
	}
	d.validateTableRows(p)
}

// validateTableRows bounds the body rows of all the document's tables
// together, naming the table at which the count passes MaxTableRows:
// every writer's time and memory grow with them.
func (d *Document) validateTableRows(p *problems) {
	n := 0
	check := func(field string, t *Table) bool {
		n += len(t.Rows)
		if n > MaxTableRows {
			p.add(field+".Rows", "the document's tables hold %d rows up to here; at most %d together", n, MaxTableRows)
			return false
		}
		return true
	}
	for i := range d.Body {
		if t := d.Body[i].Table; t != nil && !check("Body["+strconv.Itoa(i)+"].Table", t) {
			return
		}
	}
	for i := range d.Annexes {
		if !check("Annexes["+strconv.Itoa(i)+"].Table", &d.Annexes[i].Table) {
			return
		}
	}
}

var (
	reRefNumber = lazyre.New(`(?i)\bsố\s+0*([0-9]+)\b`)
	reRefDate   = lazyre.New(`(?i)\bngày\s+([0-9]{1,2})\s*(?:/|-|\.|\s+tháng\s+)([0-9]{1,2})\s*(?:/|-|\.|\s+năm\s+)([0-9]{4})\b`)
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
		listItem(p, field+"["+strconv.Itoa(i)+"]", s)
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
	var re *lazyre.Regexp
	switch b.Kind {
	case TableBlock:
		if b.Label != "" {
			p.add(field+".Label", "%s blocks have no label (got %q)", b.Kind, b.Label)
		}
		if len(b.Text) > 0 {
			p.add(field+".Text", "a TableBlock holds its content in Table, not Text")
		}
		if b.Table == nil {
			p.add(field+".Table", "missing")
			return
		}
		validateTable(p, field+".Table", b.Table)
		return
	case Paragraph, Dash, Plus, Centered:
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
	case Article:
		re = reArticle
	default:
		p.add(field+".Kind", "unknown block kind %d", int(b.Kind))
	}
	if re != nil && !re.MatchString(b.Label) {
		p.add(field+".Label", "%q is not a %s label like %s", b.Label, b.Kind, labelExample[b.Kind])
	}
	if b.Heading && b.Kind != Item && b.Kind != SubItem && b.Kind != Article {
		p.add(field+".Heading", "only Item, SubItem and Article blocks can be headings")
	}
	if b.Kind != Part && strings.TrimSpace(b.Plain()) == "" {
		p.add(field+".Text", "empty")
	}
	if b.Table != nil {
		p.add(field+".Table", "only a TableBlock holds a table")
	}
}

// validateSignature checks a signature block; noPosition allows a block
// without a position (a biên bản's secretary signs under THƯ KÝ alone).
func validateSignature(p *problems, field string, s *Signature, noPosition bool) {
	for j, a := range s.Authority {
		f := field + ".Authority[" + strconv.Itoa(j) + "]"
		if !a.Prefix.Valid() {
			p.add(f+".Prefix", "%q is not one of TM., KT., Q., TL., TUQ.", string(a.Prefix))
		}
		required(p, f+".Title", a.Title)
	}
	acting := len(s.Authority) > 0 && s.Authority[len(s.Authority)-1].Prefix == Q
	if strings.TrimSpace(s.Position) == "" && !acting && !noPosition {
		if len(s.Authority) > 0 {
			p.add(field+".Position", "empty: after %q the signer's own position is required", string(s.Authority[len(s.Authority)-1].Prefix))
		} else {
			p.add(field+".Position", "empty")
		}
	}
	required(p, field+".Name", s.Name)
	tooLong(p, field+".Name", s.Name, MaxNameRunes)
	tooLong(p, field+".Position", s.Position, MaxTitleRunes)
	if len(s.Authority) > MaxAuthorities {
		p.add(field+".Authority", "%d authority lines; at most %d", len(s.Authority), MaxAuthorities)
	}
	for j, a := range s.Authority {
		tooLong(p, field+".Authority["+strconv.Itoa(j)+"].Title", a.Title, MaxTitleRunes)
	}
	if len(s.Image) > 0 {
		if err := checkPNG(s.Image); err != nil {
			p.add(field+".Image", "%v", err)
		}
	}
	if len(s.Seal) > 0 {
		if err := checkPNG(s.Seal); err != nil {
			p.add(field+".Seal", "%v", err)
		}
	}
}

// checkPNG accepts b only if it is a PNG within MaxImageBytes and
// MaxImagePixels that decodes completely: the declared size is checked
// before any pixel is decompressed (a 1.5 MB file can declare 20000 ×
// 20000 pixels), and a full decode catches a corrupt stream that the PDF
// writer would otherwise embed as it is.
func checkPNG(b []byte) error {
	if len(b) > MaxImageBytes {
		return fmt.Errorf("%d bytes; at most %d", len(b), MaxImageBytes)
	}
	if len(b) <= 8 || string(b[:8]) != "\x89PNG\r\n\x1a\n" {
		return errors.New("not a PNG image")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("not a valid PNG image: %v", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("PNG image of %d × %d pixels is empty", cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxImagePixels/cfg.Height {
		return fmt.Errorf("PNG image of %d × %d pixels; at most %d pixels", cfg.Width, cfg.Height, MaxImagePixels)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		return fmt.Errorf("not a valid PNG image: %v", err)
	}
	return nil
}

// tooLong adds a problem when s has more than n runes.
func tooLong(p *problems, field, s string, n int) {
	if c := utf8.RuneCountInString(s); c > n {
		p.add(field, "%d characters; at most %d", c, n)
	}
}

func validateAnnex(p *problems, field string, a *Annex) {
	tooLong(p, field+".Label", a.Label, MaxTitleRunes)
	if a.NoLabel && strings.TrimSpace(a.Label) != "" {
		p.add(field+".Label", "%q given with NoLabel: set one or the other", a.Label)
	}
	required(p, field+".Title", a.Title)
	tooLong(p, field+".Title", a.Title, MaxSummaryRunes)
	tooLong(p, field+".Reference", a.Reference, MaxSummaryRunes)
	if a.Coverage < CoverageAuto || a.Coverage > CoverageNo {
		p.add(field+".Coverage", "unknown declaration %d (want CoverageAuto, CoverageYes or CoverageNo)", int(a.Coverage))
	}
	validateTable(p, field+".Table", &a.Table)
}

// validateTable checks a table's shape: a header grid, and rows, totals
// and column descriptions as wide as it; and bounds the text of its cells.
func validateTable(p *problems, tf string, t *Table) {
	for r, row := range t.Header {
		for c, cell := range row {
			tooLong(p, tf+".Header["+strconv.Itoa(r)+"]["+strconv.Itoa(c)+"]", cell.Text, MaxHeaderCellRunes)
		}
	}
	for r, row := range t.Rows {
		for c, s := range row {
			tooLong(p, tf+".Rows["+strconv.Itoa(r)+"]["+strconv.Itoa(c)+"]", s, MaxCellRunes)
		}
	}
	for c, s := range t.Totals {
		tooLong(p, tf+".Totals["+strconv.Itoa(c)+"]", s, MaxCellRunes)
	}
	cols, ok := headerGrid(p, tf+".Header", t.Header)
	if !ok {
		return
	}
	if len(t.Columns) != 0 && len(t.Columns) != cols {
		p.add(tf+".Columns", "%d columns described, the header has %d", len(t.Columns), cols)
	}
	set, auto := 0.0, cols
	for i, c := range t.Columns {
		f := tf + ".Columns[" + strconv.Itoa(i) + "].Width"
		switch w := c.Width; {
		case math.IsNaN(w) || math.IsInf(w, 0):
			p.add(f, "%g is not a width", w)
		case w < 0:
			p.add(f, "negative")
		case w > 0 && w < MinColumnWidth:
			p.add(f, "%g mm is narrower than %g mm, too narrow for a character", w, MinColumnWidth)
		case w > MaxTableWidth:
			p.add(f, "%g mm is wider than the %g mm of a landscape page", w, MaxTableWidth)
		case w > 0:
			set += w
			auto--
		}
		if c.Align < AlignAuto || c.Align > AlignRight {
			p.add(tf+".Columns["+strconv.Itoa(i)+"].Align", "unknown alignment %d", int(c.Align))
		}
	}
	if total := set + float64(auto)*MinColumnWidth; set > 0 && total > MaxTableWidth+1e-9 {
		p.add(tf+".Columns", "set widths total %g mm; with %g mm for each of the %d other columns that is %g mm, more than the %g mm of a landscape page",
			set, MinColumnWidth, auto, total, MaxTableWidth)
	}
	if len(t.Rows) == 0 {
		p.add(tf+".Rows", "empty")
	}
	for r, row := range t.Rows {
		if len(row) != cols {
			p.add(tf+".Rows["+strconv.Itoa(r)+"]", "%d cells, the header has %d columns", len(row), cols)
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
	// Spans are bounded by the table's real size before the grid is
	// walked: no table has more than MaxColumns columns, and a row span
	// cannot pass the last header row.
	ok := true
	for r, row := range h {
		for i, cell := range row {
			if cell.ColSpan > MaxColumns {
				p.add(field+"["+strconv.Itoa(r)+"]["+strconv.Itoa(i)+"]", "spans %d columns; a table has at most %d", cell.ColSpan, MaxColumns)
				ok = false
			}
		}
	}
	if !ok {
		return 0, false
	}
	widths := grid.Walk(h, HeaderCell.spans, func(r, i, _ int, cell HeaderCell) {
		f := field + "[" + strconv.Itoa(r) + "][" + strconv.Itoa(i) + "]"
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
			p.add(field+"["+strconv.Itoa(r+1)+"]", "covers %d columns, the first header row covers %d", w, widths[0])
			ok = false
		}
	}
	if widths[0] > MaxColumns {
		p.add(field, "%d columns; a table has at most %d", widths[0], MaxColumns)
		ok = false
	}
	return widths[0], ok
}

// groupStart returns the index of the first recipient of i's group.
func groupStart(rs []Recipient, i int) int {
	for i > 0 && rs[i].Joined {
		i--
	}
	return i
}

// validateRecipients checks a Nơi nhận list and its groups.
func validateRecipients(p *problems, field string, rs []Recipient) {
	for i, r := range rs {
		f := field + "[" + strconv.Itoa(i) + "]"
		listItem(p, f+".Name", r.Name)
		checkOrganID(p, f+".OrganID", r.OrganID)
		if strings.ContainsAny(r.Purpose, "()") {
			p.add(f+".Purpose", "contains parentheses: the renderer adds them")
		}
		switch {
		case r.Joined && i == 0:
			p.add(f+".Joined", "the first recipient has no group to join")
		case r.Joined && r.Purpose != "":
			p.add(f+".Purpose", "a Joined recipient shares its group's purpose: write it on the group's first recipient")
		case r.Joined && strings.TrimSpace(rs[groupStart(rs, i)].Purpose) == "":
			p.add(field+"["+strconv.Itoa(groupStart(rs, i))+"].Purpose", "empty: the recipients joined to it share its purpose")
		}
	}
}
