package bhytdoc

import (
	"slices"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/docmeta"
	"github.com/bhytdoc/bhytdoc/internal/grid"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// The fixed lines of the national title (ô 1).
const (
	QuocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	TieuNgu  = "Độc lập - Tự do - Hạnh phúc"
)

// Normalized returns a copy of d with every text in NFC and tone marks
// placed per tone. Invalid UTF-8 is left as it is for Validate to report.
// A nil d gives nil.
func (d *Document) Normalized(tone ToneStyle) *Document {
	if d == nil {
		return nil
	}
	return d.normalized(toneStyle(tone))
}

// toneStyle is typo's style of tone, the traditional one for a tone
// Options would refuse (Normalized and Parse do not fail on it).
func toneStyle(tone ToneStyle) typo.ToneStyle {
	_, _, ts, err := (&Options{Tone: tone}).settings()
	if err != nil {
		return typo.ToneTraditional
	}
	return ts
}

func (d *Document) normalized(tone typo.ToneStyle) *Document {
	n := d.Clone()
	n.eachText(func(_ textPath, s *string) {
		if c, err := typo.CleanTone(*s, tone); err == nil {
			*s = c
		}
	})
	return n
}

// normalizeChecked normalises d's texts in place, as normalized does for
// a copy, and checks their runes as validate does, in one pass (see
// internal/bridge.NormalizeChecked); check completes validate.
func normalizeChecked(d *Document, tone ToneStyle) (check func() error) {
	var p problems
	d.cleanTexts(toneStyle(tone), &p)
	return func() error {
		d.validateFields(&p)
		return p.err()
	}
}

// cleanTexts normalises d's texts in place and checks each one's runes,
// in one pass, as normalized and then validate's checkText would.
func (d *Document) cleanTexts(tone typo.ToneStyle, p *problems) {
	d.eachText(func(path textPath, s *string) {
		if c, ok := typo.CleanTonePlain(*s, tone); ok {
			*s = c // printable: checkPrintable would find nothing
			return
		}
		c, err := typo.CleanTone(*s, tone)
		if err != nil {
			checkText(p, path, *s) // left as it was, as normalized leaves it
			return
		}
		*s = c
		checkPrintable(p, path, c)
	})
}

// prepared is a document after the steps every renderer shares: options
// checked, text normalised, model validated, glyphs checked.
type prepared struct {
	doc  *Document
	ir   *ir.Doc
	set  ir.Settings
	font *fonts.Family
}

func (d *Document) prepare(o *Options, needGlyphs bool) (*prepared, error) {
	if d == nil {
		return nil, errNilDocument
	}
	set, fam, tone, err := o.settings()
	if err != nil {
		return nil, err
	}
	n := d.Clone()
	var p problems
	n.cleanTexts(tone, &p)
	n.validateFields(&p)
	n.checkAnnexRefs(&p)
	if err := p.err(); err != nil {
		return nil, err
	}
	doc := n.toIR(tone)
	var issued *ir.Doc
	if n.Issues != nil {
		issued = n.IssuedDocument(Paper).toIR(tone)
		if o == nil || o.Variant == Paper {
			doc.Issued = issued
		}
	}
	if needGlyphs {
		if err := checkGlyphs(doc, fam); err != nil {
			return nil, err
		}
		// In either variant: the issued document's file is made from
		// this decision.
		if err := checkGlyphs(issued, fam); err != nil {
			return nil, prefixed(err, "Issues.")
		}
	}
	return &prepared{doc: n, ir: doc, set: set, font: fam}, nil
}

// checkGlyphs reports every rune of the final text that the face it is
// drawn in cannot draw, once per field and rune.
func checkGlyphs(doc *ir.Doc, fam *fonts.Family) error {
	if doc == nil {
		return nil
	}
	var p problems
	var faces [4]*fonts.Face
	var faceErr [4]error
	seen := map[string]bool{}
	doc.Each(func(t ir.Text, st ir.Style) {
		if t.S == "" {
			return
		}
		if faces[st] == nil && faceErr[st] == nil {
			faces[st], faceErr[st] = fam.Face(fonts.Style(st))
			if faceErr[st] != nil {
				p.errs = append(p.errs, &FieldError{Field: t.Field, Msg: faceErr[st].Error()})
			}
		}
		f := faces[st]
		if f == nil {
			return
		}
		missing := f.MissingRunes(t.S)
		// The PDF writer encodes text as UTF-16 code units of the Basic
		// Multilingual Plane only. Only a 4-byte UTF-8 sequence, whose
		// first byte is 0xF0 or more, lies beyond it.
		for _, r := range t.S[beyondBMP(t.S):] {
			if r > 0xFFFF && !slices.Contains(missing, r) {
				missing = append(missing, r)
			}
		}
		for _, r := range missing {
			key := t.Field + "|" + strconv.Itoa(int(r)) + "|" + strconv.Itoa(int(st))
			if seen[key] {
				continue
			}
			seen[key] = true
			p.errs = append(p.errs, &GlyphError{Field: t.Field, Rune: r, Font: fam.Name() + " " + fonts.Style(st).String()})
		}
	})
	return p.err()
}

// beyondBMP returns the index of the first byte of s that may start a
// rune beyond the Basic Multilingual Plane, or len(s).
func beyondBMP(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xF0 {
			return i
		}
	}
	return len(s)
}

// record is the document record written into the PDF's metadata
// (package docmeta); the writer adds the page count.
func (d *Document) record() docmeta.Record {
	r := docmeta.Record{
		Kind:         d.Kind.Name(),
		Number:       d.Number,
		Symbol:       d.symbol(),
		Issuer:       typo.OneLine(d.Issuer.Name),
		IssuerParent: typo.OneLine(d.Issuer.Parent),
		Summary:      typo.OneLine(d.Summary),
		Draft:        d.Draft,
	}
	r.Date = d.Date.ISO()
	for _, s := range d.Signatures {
		pos := typo.OneLine(s.Position)
		if pos == "" && len(s.Authority) > 0 { // an acting head: "Q. Chủ tịch"
			a := s.Authority[len(s.Authority)-1]
			pos = string(a.Prefix) + " " + typo.OneLine(a.Title)
		}
		r.Signers = append(r.Signers, docmeta.Signer{Name: typo.OneLine(s.Name), Position: pos})
	}
	for _, a := range d.Addressees {
		r.Addressees = append(r.Addressees, typo.OneLine(a))
	}
	for _, n := range d.Recipients {
		s := typo.OneLine(n.Name)
		if p := typo.OneLine(n.Purpose); p != "" {
			s += " (" + p + ")"
		}
		r.Recipients = append(r.Recipients, s)
	}
	return r
}

// symbol is the ký hiệu: what NumberSymbol prints after the "/".
func (d *Document) symbol() string {
	parts := make([]string, 0, 3)
	if d.Kind == ThuCong {
		return ""
	}
	if s := d.Kind.Symbol(); s != "" && d.Kind != CongVan {
		parts = append(parts, s)
	}
	parts = append(parts, d.Issuer.Abbrev)
	if d.DraftingUnit != "" {
		parts = append(parts, d.DraftingUnit)
	}
	return strings.Join(parts, "-")
}

// NumberSymbol returns the number and symbol without "Số:", e.g.
// "131/KH-UBND", "05/KH-UBND" or, for a draft without a number,
// "     /UBND-VX".
//
// A thư công has no number: NumberSymbol returns "".
func (d *Document) NumberSymbol() string {
	if d == nil || d.Kind == ThuCong {
		return ""
	}
	num := "     "
	if d.Number > 0 {
		num = zeroPad(d.Number, 2)
	}
	return num + "/" + d.symbol()
}

// PlaceDate returns the place-and-date line:
// "Cái Răng, ngày 18 tháng 5 năm 2020".
func (d *Document) PlaceDate() string {
	if d == nil {
		return ""
	}
	return d.Place + ", " + typo.LongDate(d.Date.Year, d.Date.Month, d.Date.Day)
}

// AnnexReference returns the reference line an annex carries when its
// Reference is empty, without the parentheses: "Kèm theo Kế hoạch số
// 131/KH-UBND ngày 08/11/2018 của Ủy ban nhân dân thành phố".
func (d *Document) AnnexReference() string {
	if d == nil {
		return ""
	}
	return "Kèm theo " + d.Kind.Name() + " số " + d.NumberSymbol() + " ngày " + typo.ShortDate(d.Date.Year, d.Date.Month, d.Date.Day) + " của " + typo.OneLine(d.Issuer.Name)
}

// AnnexHeading returns the label annex i is printed with and its
// reference line without the parentheses: its own Reference, or else
// AnnexReference. The label is the annex's own Label, empty with NoLabel,
// or else "Phụ lục", or "Phụ lục II" when there are several annexes.
// Every writer takes the label from here.
func (d *Document) AnnexHeading(i int) (label, reference string) {
	if d == nil || i < 0 || i >= len(d.Annexes) {
		return "", ""
	}
	a := &d.Annexes[i]
	switch {
	case a.NoLabel:
	case strings.TrimSpace(a.Label) != "":
		label = typo.OneLine(a.Label)
	default:
		label = "Phụ lục"
		if len(d.Annexes) > 1 {
			label += " " + typo.Roman(i+1)
		}
	}
	reference = d.Annexes[i].Reference
	if strings.TrimSpace(reference) == "" {
		reference = d.AnnexReference()
	}
	return label, reference
}

func lines(s, field string) []ir.Text {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []ir.Text
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, ir.Text{S: typo.Upper(l), Field: field})
		}
	}
	return out
}

// listed punctuates a list the way Decree 30 does: "- item;" and the last
// "- item.".
func listed(items []string, field string) []ir.Text {
	out := make([]ir.Text, len(items))
	for i, s := range items {
		end := ";"
		if i == len(items)-1 {
			end = "."
		}
		out[i] = ir.Text{S: "- " + strings.TrimSpace(s) + end, Field: field + "[" + strconv.Itoa(i) + "]"}
	}
	return out
}

// toIR derives every printed string. d must be normalised and valid; the
// library's own fixed text follows the same tone style as d's text.
func (d *Document) toIR(tone typo.ToneStyle) *ir.Doc {
	doc := &ir.Doc{
		CongVan:   d.Kind == CongVan,
		Parent:    lines(d.Issuer.Parent, "Issuer.Parent"),
		Issuer:    lines(d.Issuer.Name, "Issuer.Name"),
		QuocHieu:  ir.Text{S: typo.Tone(QuocHieu, tone)},
		TieuNgu:   ir.Text{S: TieuNgu},
		Number:    ir.Text{S: "Số: " + d.NumberSymbol(), Field: "Number"},
		PlaceDate: ir.Text{S: d.PlaceDate(), Field: "Date"},
		NoiNhan:   ir.Text{S: "Nơi nhận:"},
		Year:      d.Date.Year, Month: d.Date.Month, Day: d.Date.Day,
	}
	switch {
	case doc.CongVan:
		doc.Summary = ir.Text{S: "V/v " + typo.OneLine(d.Summary), Field: "Summary"}
	case d.Kind == ThuCong:
		// A letter's title is its subject: "THƯ CHÚC MỪNG".
		doc.Title = ir.Text{S: typo.Upper(typo.OneLine(d.Summary)), Field: "Summary"}
	default:
		doc.Title = ir.Text{S: typo.Upper(d.Kind.Name()), Field: "Kind"}
		doc.Summary = ir.Text{S: typo.OneLine(d.Summary), Field: "Summary"}
	}
	// Mẫu 1.3's companion, a thư công: no number line; a biên bản and the
	// companion: no place and date line (Appendix III).
	if d.Kind == ThuCong || d.issued() {
		doc.Number = ir.Text{}
	}
	if d.noPlaceDate() {
		doc.PlaceDate = ir.Text{}
	}
	doc.InfoTitle = d.Kind.Name() + " số " + strings.TrimSpace(d.NumberSymbol()) + ": " + typo.OneLine(d.Summary)
	if d.issued() {
		doc.InfoTitle = d.Kind.Name() + ": " + typo.OneLine(d.Summary)
	}
	doc.Record = d.record()
	switch len(d.Addressees) {
	case 0:
	case 1:
		doc.KinhGui = ir.Text{S: "Kính gửi:"}
		doc.Addressees = []ir.Text{{S: strings.TrimSpace(d.Addressees[0]) + ".", Field: "Addressees[0]"}}
	default:
		doc.KinhGui = ir.Text{S: "Kính gửi:"}
		doc.Addressees = listed(d.Addressees, "Addressees")
	}
	proposal := strings.TrimSpace(d.Proposal)
	for i, b := range d.Bases {
		end := ";"
		if i == len(d.Bases)-1 && proposal == "" {
			end = "."
		}
		doc.Bases = append(doc.Bases, ir.Text{S: strings.TrimSpace(b) + end, Field: elem("Bases", i)})
	}
	d.decisionIR(doc, proposal)
	doc.Body = d.specialIR()
	for i := range d.Body {
		doc.Body = append(doc.Body, bodyBlockIR(&d.Body[i], elem("Body", i)))
	}
	doc.Body = append(doc.Body, d.specialTail()...)
	for i, a := range d.Attachments {
		doc.Closing = append(doc.Closing, ir.Text{S: "(" + strings.TrimSpace(a) + ")", Field: elem("Attachments", i)})
	}
	for i := range d.Signatures {
		doc.Signatures = append(doc.Signatures, signatureIR(&d.Signatures[i], elem("Signatures", i)))
	}
	if sp := d.specialSignatures(); sp != nil {
		doc.Signatures = sp
	}
	if len(d.Recipients) > 0 || len(d.Luu) > 0 {
		doc.Recipients, doc.Braces = recipientsIR(d.Recipients, d.Luu, "Recipients", "Luu")
	} else {
		doc.NoiNhan = ir.Text{} // Mẫu 1.9, agreements, Mẫu 1.3's companion: none
	}
	doc.Confirmation = d.confirmationIR()
	d.marksIR(doc)
	d.copyIR(doc)
	for i, a := range d.Annexes {
		doc.Annexes = append(doc.Annexes, d.annexIR(i, &a))
	}
	return doc
}

func trimAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

func (d *Document) annexIR(i int, a *Annex) ir.Annex {
	f := elem("Annexes", i)
	label, ref := d.AnnexHeading(i)
	return ir.Annex{
		Label:     ir.Text{S: label, Field: f}, // the annex: writers name its parts from here
		Title:     ir.Text{S: typo.Upper(typo.OneLine(a.Title)), Field: f + ".Title"},
		Reference: ir.Text{S: "(" + typo.OneLine(ref) + ")", Field: f + ".Reference"},
		Landscape: a.Landscape,
		Table:     tableIR(&a.Table, f+".Table"),
	}
}

// tableIR derives a table's final cells and column alignments, for
// annexes and body tables alike.
func tableIR(t *Table, tf string) ir.Table {
	out := ir.Table{Field: tf}
	out.Header = make([][]ir.Cell, len(t.Header))
	grid.Walk(t.Header, HeaderCell.spans, func(r, i, col int, cell HeaderCell) {
		out.Header[r] = append(out.Header[r], ir.Cell{
			Text:    ir.Text{S: strings.TrimSpace(cell.Text), Field: tf + ".Header[" + strconv.Itoa(r) + "][" + strconv.Itoa(i) + "]"},
			Row:     r,
			Col:     col,
			ColSpan: span(cell.ColSpan), RowSpan: span(cell.RowSpan),
		})
	})
	cols := t.Cols()
	for r, row := range t.Rows {
		var cells []ir.Text
		for c, s := range row {
			cells = append(cells, ir.Text{S: strings.TrimSpace(s), Field: tf + ".Rows[" + strconv.Itoa(r) + "][" + strconv.Itoa(c) + "]"})
		}
		out.Rows = append(out.Rows, cells)
	}
	for c, s := range t.Totals {
		out.Totals = append(out.Totals, ir.Text{S: strings.TrimSpace(s), Field: tf + ".Totals[" + strconv.Itoa(c) + "]"})
	}
	out.Align = make([]ir.Align, cols)
	out.Width = make([]float64, cols)
	for c := 0; c < cols; c++ {
		if c < len(t.Columns) {
			out.Width[c] = t.Columns[c].Width
		}
		out.Align[c] = irAlign[t.ColumnAlign(c)]
	}
	return out
}

var irAlign = map[Align]ir.Align{AlignLeft: ir.Left, AlignCenter: ir.Center, AlignRight: ir.Right}

// signatureIR derives a signature block's printed lines.
func signatureIR(s *Signature, f string) ir.Signature {
	var sig ir.Signature
	for j, a := range s.Authority {
		sig.Titles = append(sig.Titles, ir.Text{S: string(a.Prefix) + " " + typo.Upper(typo.OneLine(a.Title)), Field: f + ".Authority[" + strconv.Itoa(j) + "].Title"})
	}
	if p := typo.OneLine(s.Position); p != "" {
		sig.Titles = append(sig.Titles, ir.Text{S: typo.Upper(p), Field: f + ".Position"})
	}
	sig.Name = ir.Text{S: typo.OneLine(s.Name), Field: f + ".Name"}
	sig.Image, sig.Seal = s.Image, s.Seal
	return sig
}

// recipientsIR derives the Nơi nhận lines, punctuated, the groups that
// share a purpose and the closing "- Lưu: …." line.
func recipientsIR(rs []Recipient, luu []string, field, luuField string) ([]ir.Text, []ir.Brace) {
	var copies []ir.Text
	var braces []ir.Brace
	for i, r := range rs {
		f := field + "[" + strconv.Itoa(i) + "]"
		s := "- " + strings.TrimSpace(r.Name)
		p := strings.TrimSpace(r.Purpose)
		grouped := i+1 < len(rs) && rs[i+1].Joined
		switch {
		case r.Joined:
			braces[len(braces)-1].To = len(copies)
		case grouped:
			braces = append(braces, ir.Brace{From: len(copies), To: len(copies), Purpose: ir.Text{S: "(" + p + ")", Field: f + ".Purpose"}})
		case p != "":
			s += " (" + p + ")"
		}
		copies = append(copies, ir.Text{S: s + ";", Field: f})
	}
	copies = append(copies, ir.Text{S: "- Lưu: " + strings.Join(trimAll(luu), ", ") + ".", Field: luuField})
	return copies, braces
}
