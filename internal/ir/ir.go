// Package ir is the renderer-neutral form of a document: every string is
// final (normalised, upper-cased, punctuated, numbers and dates formatted)
// and tagged with its role, so that renderers only place text and never
// re-derive it from the model. Each piece of text keeps the model field it
// came from, for error messages.
package ir

import (
	"github.com/bhytdoc/bhytdoc/internal/docmeta"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// Style is the emphasis a text is drawn in, as the page specification
// names it.
type Style = pagespec.Style

// Text styles; the values index a font family's faces.
const (
	Regular    = pagespec.Regular
	Bold       = pagespec.Bold
	Italic     = pagespec.Italic
	BoldItalic = pagespec.BoldItalic
)

// Text is a final string with the model field it came from.
type Text struct {
	S     string
	Field string
}

// Span is a run of body text in one style.
type Span struct {
	S     string
	Style Style
	Field string
}

// BlockKind mirrors the model's body block kinds.
type BlockKind int

// Body block kinds (same meaning as in package bhytdoc).
const (
	Paragraph BlockKind = iota
	Part
	Section
	Item
	SubItem
	Point
	Dash
	Plus
	Article
	Centered
	TableBlock
)

// Block is a body paragraph: a marker ("1.", "-", "a)", "Điều 1.") and
// spans. For a Part, Marker is the centred label line and Spans the
// heading. Bold blocks (parts, sections, headings, titled articles) have
// Bold in every span's Style already; MarkerStyle is the marker's.
type Block struct {
	Kind        BlockKind
	Marker      string
	MarkerStyle Style
	Heading     bool
	Spans       []Span
	Field       string
	Table       *Table // the table of a TableBlock
}

// Mark is a boxed stamp: upper-case bold text centred in a single-border
// box Width mm wide (0: fitted to the text), in red ink when Red.
type Mark struct {
	Text  Text
	Width float64
	Red   bool
}

// Copy is the block of a paper copy: its header (copying body and
// number left, form and place/date right), signature and Nơi nhận.
type Copy struct {
	Parent, Issuer []Text // upper case
	Number         Text   // "Số: 05/SY-UBND"
	Form           Text   // "SAO Y"
	PlaceDate      Text
	Signature      Signature
	NoiNhan        Text
	Recipients     []Text
	Braces         []Brace
}

// Brace joins Recipients[From] … Recipients[To] (inclusive): a brace spans the
// lines and Purpose, "(để báo cáo)", is printed once to its right.
type Brace struct {
	From, To int
	Purpose  Text
}

// Signature is a signature block: title lines (upper case), the name and
// optional images.
type Signature struct {
	Titles []Text
	Name   Text
	Image  []byte
	Seal   []byte
}

// Align is a table column's alignment.
type Align int

// Column alignments.
const (
	Left Align = iota
	Center
	Right
)

// Cell is a header cell placed on the header grid: Row and Col are the
// first row and column it covers; spans are at least 1.
type Cell struct {
	Text     Text
	Row, Col int
	ColSpan  int
	RowSpan  int
}

// Table is an annex table; spans are at least 1.
type Table struct {
	Field  string // "Annexes[0].Table", "Body[3].Table": errors name its parts from here
	Header [][]Cell
	Align  []Align
	// Width per column in millimetres; 0 means fit to content.
	Width  []float64
	Rows   [][]Text
	Totals []Text
}

// Annex is a phụ lục.
type Annex struct {
	Label     Text // "Phụ lục", "Phụ lục I" or the annex's own; empty: none
	Title     Text
	Reference Text
	Table     Table
	Landscape bool
}

// Doc is a whole document ready to render.
type Doc struct {
	CongVan    bool
	Parent     []Text // parent body lines, upper case
	Issuer     []Text // issuing body lines, upper case
	QuocHieu   Text
	TieuNgu    Text
	Number     Text // "Số: 898/UBND"
	PlaceDate  Text // "Cái Răng, ngày 18 tháng 5 năm 2020"
	Title      Text // "KẾ HOẠCH"; empty for a công văn
	Summary    Text // "V/v …" for a công văn, else the trích yếu
	IssuedWith Text // "(Ban hành kèm theo Quyết định số …)", italic, under the trích yếu
	Authority  Text // thẩm quyền ban hành, upper case, bold, centred
	KinhGui    Text // "Kính gửi:"
	Addressees []Text
	Bases      []Text
	Proposal   Text // "Theo đề nghị của …." after the bases, italic
	Decision   Text // "QUYẾT ĐỊNH:" before the articles, bold, centred
	Body       []Block
	Closing    []Text // attachment notes, "(Đính kèm …)"
	Signatures []Signature
	NoiNhan    Text   // "Nơi nhận:"
	Recipients []Text // "- Như trên;" … "- Lưu: VT."
	// Braces group Recipients lines that share a purpose.
	Braces []Brace
	// Confirmation is a giấy nghỉ phép's confirmation column (Mẫu 1.10):
	// its heading (bold) and "(Chữ ký, dấu)" (italic), centred in the
	// left column under the signature table, space left under them.
	Confirmation []Text
	Annexes      []Annex
	// Marks are the boxed stamps under the number (ô 10a, 10b, 11), top
	// down; DuThao the boxed draft mark above the national title.
	Marks  []Mark
	DuThao Text
	// Typist is ô 12 under Nơi nhận ("PL.(300)"); Contact the lines of
	// ô 13 at the foot of page 1; ESign the signing lines at the top
	// right of each annex's first page (ô 14).
	Typist  Text
	Contact []Text
	ESign   []Text
	// Copy is a paper copy's block after the document; CopyESign an
	// electronic copy's signing lines, top right of page 1.
	Copy      *Copy
	CopyESign []Text
	// Title of the PDF (document information), plain text.
	InfoTitle string
	// Year, Month, Day of issue for the PDF creation date; blank parts 0.
	Year, Month, Day int
	// Record is the document record for the PDF's metadata; the writer
	// fills in the page count.
	Record docmeta.Record
	// Issued is, in the paper variant of a decision of Mẫu 1.3, the
	// document it issues, printed after it (and its annexes) from a new
	// page with page numbers of its own. Each does not walk it: its
	// fields are named from the issued document.
	Issued *Doc
}

// Kind is the page specification's kind of d.
func (d *Doc) Kind() pagespec.Kind { return pagespec.KindOf(d.CongVan) }

// Settings are the presentation choices within Decree 30's ranges.
type Settings struct {
	MarginTop, MarginBottom, MarginLeft, MarginRight float64 // mm
	BodySize                                         float64 // pt
	LineSpacing                                      float64 // multiple of single spacing
	ParagraphSpacing                                 float64 // pt before each paragraph
	Indent                                           float64 // first-line indent, mm
	// Archival asks the PDF writer for PDF/A-2b.
	Archival bool
}

// Each calls fn for every text of d in reading order, with the style it
// is drawn in. The glyph check uses it; so do tests comparing extracted
// text.
func (d *Doc) Each(fn func(t Text, st Style)) {
	sp := pagespec.For(d.Kind())
	as := func(e pagespec.Element) Style { return sp.Font(e).Style }
	for _, t := range d.Parent {
		fn(t, as(pagespec.Parent))
	}
	for _, t := range d.Issuer {
		fn(t, as(pagespec.Issuer))
	}
	fn(d.QuocHieu, as(pagespec.QuocHieu))
	fn(d.TieuNgu, as(pagespec.TieuNgu))
	fn(d.Number, as(pagespec.Number))
	fn(d.PlaceDate, as(pagespec.PlaceDate))
	fn(d.Title, as(pagespec.Title))
	fn(d.Summary, as(pagespec.Summary))
	if len(d.Addressees) > 0 {
		fn(d.KinhGui, Regular)
	}
	for _, t := range d.Addressees {
		fn(t, Regular)
	}
	fn(d.IssuedWith, as(pagespec.IssuedWith))
	fn(d.Authority, as(pagespec.Authority))
	for _, t := range d.Bases {
		fn(t, as(pagespec.Basis))
	}
	fn(d.Proposal, as(pagespec.Basis))
	fn(d.Decision, as(pagespec.Decision))
	for _, b := range d.Body {
		fn(Text{S: b.Marker, Field: b.Field}, b.MarkerStyle)
		for _, s := range b.Spans {
			fn(Text{S: s.S, Field: s.Field}, s.Style)
		}
		if b.Table != nil {
			b.Table.each(fn)
		}
	}
	for _, t := range d.Closing {
		fn(t, Regular)
	}
	fn(d.NoiNhan, as(pagespec.NoiNhan))
	for _, t := range d.Recipients {
		fn(t, Regular)
	}
	for _, b := range d.Braces {
		fn(b.Purpose, Regular)
	}
	for i, t := range d.Confirmation {
		fn(t, [2]Style{Bold, Italic}[min(i, 1)])
	}
	for _, m := range d.Marks {
		fn(m.Text, as(pagespec.Mark))
	}
	fn(d.DuThao, as(pagespec.Mark))
	fn(d.Typist, Regular)
	for _, t := range d.Contact {
		fn(t, Regular)
	}
	for _, t := range d.ESign {
		fn(t, Regular)
	}
	for _, t := range d.CopyESign {
		fn(t, Regular)
	}
	if c := d.Copy; c != nil {
		for _, t := range c.Parent {
			fn(t, Regular)
		}
		for _, t := range c.Issuer {
			fn(t, Bold)
		}
		fn(c.Number, Regular)
		fn(c.Form, Bold)
		fn(c.PlaceDate, Italic)
		for _, t := range c.Signature.Titles {
			fn(t, Bold)
		}
		fn(c.Signature.Name, Bold)
		fn(c.NoiNhan, BoldItalic)
		for _, t := range c.Recipients {
			fn(t, Regular)
		}
		for _, b := range c.Braces {
			fn(b.Purpose, Regular)
		}
	}
	for _, s := range d.Signatures {
		for _, t := range s.Titles {
			fn(t, Bold)
		}
		fn(s.Name, Bold)
	}
	for _, a := range d.Annexes {
		fn(a.Label, as(pagespec.AnnexLabel))
		fn(a.Title, as(pagespec.AnnexTitle))
		fn(a.Reference, as(pagespec.AnnexReference))
		a.Table.each(fn)
	}
}

func (t *Table) each(fn func(t Text, st Style)) {
	for _, row := range t.Header {
		for _, c := range row {
			fn(c.Text, Bold)
		}
	}
	for _, row := range t.Rows {
		for _, c := range row {
			fn(c, Regular)
		}
	}
	for _, c := range t.Totals {
		fn(c, Bold)
	}
}
