package pagespec

// Style is the emphasis a text is drawn in; package ir aliases it.
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

// Align is how an element's lines sit in their column.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Right
	Justify
)

// Font is how an element is set: size in points (0: the body size),
// emphasis and alignment.
type Font struct {
	Size  float64
	Style Style
	Align Align
}

// Element names a piece of a document whose presentation the decree sets.
type Element int

// Elements, by their ô of Appendix I where they have one.
const (
	Parent         Element = iota // ô 2, cơ quan chủ quản
	Issuer                        // ô 2, cơ quan ban hành
	QuocHieu                      // ô 1
	TieuNgu                       // ô 1
	Number                        // ô 3, "Số: …"
	PlaceDate                     // ô 4
	Title                         // ô 5a, the kind's name
	Summary                       // ô 5a/5b, trích yếu ("V/v …" in a công văn)
	IssuedWith                    // "(Ban hành kèm theo …)" under the trích yếu
	KinhGui                       // ô 9a "Kính gửi:" and the addressees
	Authority                     // thẩm quyền ban hành
	Basis                         // căn cứ ban hành and the proposal
	Decision                      // "QUYẾT ĐỊNH:"
	Closing                       // attachment notes after the body
	Signature                     // ô 7, titles and name
	NoiNhan                       // ô 9b, the "Nơi nhận:" label
	Recipients                    // ô 9b, the lines of Nơi nhận, and ô 12
	PageNumber                    // ô 6 … page numbers from page 2
	AnnexLabel                    // "Phụ lục I"
	AnnexTitle                    // an annex's title
	AnnexReference                // "(Kèm theo Kế hoạch số …)"
	TableHeader                   // header cells of a table
	TableBody                     // body cells of a table
	TableTotals                   // the totals row
	Mark                          // ô 10a, 10b, 11 and DỰ THẢO: boxed marks
	Contact                       // ô 13 at the foot of page 1
	ESign                         // ô 14, signing lines of a copy or annex
	CopyForm                      // "SAO Y", "TRÍCH SAO" of a copy
	numElements
)

// Kind is the kind of document as far as its layout differs: a công văn
// or any other kind (quyết định, kế hoạch, báo cáo…).
type Kind int

// Kinds.
const (
	Other Kind = iota
	CongVan
)

// KindOf returns CongVan or Other.
func KindOf(congVan bool) Kind {
	if congVan {
		return CongVan
	}
	return Other
}

// Columns are the widths of a two-column borderless table (mm): the
// header (ô 1–4) or the signature table (Nơi nhận left, signature right).
type Columns struct{ Left, Right float64 }

// Spec is the layout of one kind of document.
type Spec struct {
	Kind Kind
	// Head and Sign are the column widths of Appendix III's template:
	// Mẫu 1.5 for a công văn, Mẫu 1.4 for other kinds.
	Head, Sign Columns
	// SummaryUnderNumber puts the trích yếu ("V/v …", ô 5b) under the
	// number in the header's left column; otherwise it goes under the
	// header with the kind's name, centred on the page (ô 5a).
	SummaryUnderNumber bool
	fonts              [numElements]Font
}

// Font returns how element e is set.
func (s *Spec) Font(e Element) Font {
	if e < 0 || e >= numElements {
		return Font{}
	}
	return s.fonts[e]
}

// For returns the specification of kind k (Other for an unknown kind).
// The result is shared: do not modify it.
func For(k Kind) *Spec {
	if k == CongVan {
		return &congVan
	}
	return &other
}

// fonts common to every kind; each size inside the decree's range (in
// the comment).
var common = [numElements]Font{
	Parent:         {13, Regular, Center},     // 12–13
	Issuer:         {13, Bold, Center},        // 12–13
	QuocHieu:       {12, Bold, Center},        // 12–13: 13 does not fit the column
	TieuNgu:        {13, Bold, Center},        // 13–14
	Number:         {13, Regular, Center},     // 13
	PlaceDate:      {14, Italic, Center},      // 13–14
	Title:          {14, Bold, Center},        // 13–14
	Summary:        {14, Bold, Center},        // 13–14
	IssuedWith:     {14, Italic, Center},      // as the trích yếu
	KinhGui:        {0, Regular, Left},        // body size
	Authority:      {0, Bold, Center},         // body size
	Basis:          {0, Italic, Justify},      // body size
	Decision:       {0, Bold, Center},         // body size
	Closing:        {0, Regular, Justify},     // body size
	Signature:      {14, Bold, Center},        // 13–14
	NoiNhan:        {12, BoldItalic, Left},    // 12
	Recipients:     {11, Regular, Left},       // 11
	PageNumber:     {13, Regular, Center},     // 13–14
	AnnexLabel:     {14, Bold, Center},        // 14
	AnnexTitle:     {14, Bold, Center},        // 13–14
	AnnexReference: {14, Italic, Center},      // 13–14
	TableHeader:    {TableSize, Bold, Center}, // 12–13, stepped down to fit
	TableBody:      {TableSize, Regular, Left},
	TableTotals:    {TableSize, Bold, Left},
	Mark:           {13, Bold, Center},   // 13–14
	Contact:        {11, Regular, Left},  // 11–12
	ESign:          {10, Regular, Right}, // Times New Roman 10
	CopyForm:       {14, Bold, Center},   // as the kind's name
}

var (
	other   = Spec{Kind: Other, Head: Columns{67.5, 100}, Sign: Columns{52.8, 110.9}, fonts: common}
	congVan = func() Spec {
		s := Spec{Kind: CongVan, Head: Columns{67.9, 95.3}, Sign: Columns{61.9, 102.5}, SummaryUnderNumber: true, fonts: common}
		s.fonts[Summary] = Font{12, Regular, Center} // ô 5b: 12–13, upright
		return s
	}()
)
