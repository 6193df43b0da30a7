// Package ir is the renderer-neutral form of a document: every string is
// final (normalised, upper-cased, punctuated, numbers and dates formatted)
// and tagged with its role, so that renderers only place text and never
// re-derive it from the model. Each piece of text keeps the model field it
// came from, for error messages.
package ir

import "github.com/bhytdoc/bhytdoc/internal/docmeta"

// Style is the emphasis a text is drawn in.
type Style int

// Text styles; the values index a font family's faces.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// With returns s with bold and/or italic added.
func (s Style) With(bold, italic bool) Style {
	if bold {
		s |= Bold
	}
	if italic {
		s |= Italic
	}
	return s
}

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
)

// Block is a body paragraph: a marker ("1.", "-", "a)") and spans. For a
// Part, Marker is the centred label line and Spans the heading.
type Block struct {
	Kind    BlockKind
	Marker  string
	Heading bool
	Spans   []Span
	Field   string
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
	Header [][]Cell
	Align  []Align
	// Width per column in millimetres; 0 means fit to content.
	Width  []float64
	Rows   [][]Text
	Totals []Text
}

// Annex is a phụ lục.
type Annex struct {
	Label     Text // "PHỤ LỤC" or "Phụ lục I"
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
	KinhGui    Text // "Kính gửi:"
	Recipients []Text
	Bases      []Text
	Body       []Block
	Closing    []Text // attachment notes, "(Đính kèm …)"
	Signatures []Signature
	NoiNhan    Text   // "Nơi nhận:"
	Copies     []Text // "- Như trên;" … "- Lưu: VT."
	Annexes    []Annex
	// Title of the PDF (document information), plain text.
	InfoTitle string
	// Year, Month, Day of issue for the PDF creation date; blank parts 0.
	Year, Month, Day int
	// Record is the document record for the PDF's metadata; the writer
	// fills in the page count.
	Record docmeta.Record
}

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
	for _, t := range d.Parent {
		fn(t, Regular)
	}
	for _, t := range d.Issuer {
		fn(t, Bold)
	}
	fn(d.QuocHieu, Bold)
	fn(d.TieuNgu, Bold)
	fn(d.Number, Regular)
	fn(d.PlaceDate, Italic)
	fn(d.Title, Bold)
	if d.CongVan {
		fn(d.Summary, Regular)
	} else {
		fn(d.Summary, Bold)
	}
	if len(d.Recipients) > 0 {
		fn(d.KinhGui, Regular)
	}
	for _, t := range d.Recipients {
		fn(t, Regular)
	}
	for _, t := range d.Bases {
		fn(t, Italic)
	}
	for _, b := range d.Body {
		st := Regular
		if b.Kind == Part || b.Kind == Section || b.Heading {
			st = Bold
		}
		fn(Text{S: b.Marker, Field: b.Field}, st)
		for _, s := range b.Spans {
			if st == Bold {
				fn(Text{S: s.S, Field: s.Field}, s.Style|Bold)
			} else {
				fn(Text{S: s.S, Field: s.Field}, s.Style)
			}
		}
	}
	for _, t := range d.Closing {
		fn(t, Regular)
	}
	fn(d.NoiNhan, BoldItalic)
	for _, t := range d.Copies {
		fn(t, Regular)
	}
	for _, s := range d.Signatures {
		for _, t := range s.Titles {
			fn(t, Bold)
		}
		fn(s.Name, Bold)
	}
	for _, a := range d.Annexes {
		fn(a.Label, Bold)
		fn(a.Title, Bold)
		fn(a.Reference, Italic)
		for _, row := range a.Table.Header {
			for _, c := range row {
				fn(c.Text, Bold)
			}
		}
		for _, row := range a.Table.Rows {
			for _, c := range row {
				fn(c, Regular)
			}
		}
		for _, c := range a.Table.Totals {
			fn(c, Bold)
		}
	}
}
