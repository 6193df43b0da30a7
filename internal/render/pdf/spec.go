// Package pdf lays out a document (package ir) on A4 pages following
// Decree 30/2020/NĐ-CP, Appendix I, and writes it with fpdf.
//
// Layout and writing are separate steps: layout turns the document into
// pages of positioned drawing operations (testable without a PDF), and
// the writer only replays them.
package pdf

// Sizes in points of the elements whose size is fixed by default; each is
// inside the range Decree 30 gives (the range is in the comment).
const (
	sizeQuocHieu   = 12 // 12–13: 13 does not fit the header column
	sizeTieuNgu    = 13 // 13–14
	sizeIssuer     = 13 // 12–13, parent body and issuing body
	sizeNumber     = 13 // 13
	sizeVV         = 12 // 12–13, a công văn's trích yếu
	sizePlaceDate  = 14 // 13–14
	sizeTitle      = 14 // 13–14, kind name and trích yếu
	sizeSignature  = 14 // 13–14
	sizeNoiNhan    = 12 // 12, the "Nơi nhận:" label
	sizeCopies     = 11 // 11, the Nơi nhận items
	sizePageNumber = 13 // 13–14
	sizeAnnexLabel = 14 // 14
	sizeAnnexTitle = 14 // 13–14
	sizeTable      = 13 // 12–13
	sizeTableUsual = 12 // smallest usual table size before going landscape
	sizeTableMin   = 10 // wide tables may be smaller; this is the floor

	// ruleRatio is the length of the rule under the issuing body and
	// under a trích yếu, as a fraction of the line above (1/3–1/2).
	ruleRatio = 0.4
	// ruleWidth is the stroke width of the rules, in mm.
	ruleWidth = 0.25
	// singleSpacing is single line spacing as a multiple of the font size
	// (Times New Roman and Liberation Serif: ascender+descender+gap).
	singleSpacing = 1.15
	// signatureSpace is the room for the handwritten signature and seal
	// between the signer's titles and name, in mm (25–30).
	signatureSpace = 28
	// kinhGuiIndent and recipientIndent are the template indents of
	// "Kính gửi:" and of the recipients' dashes, in mm.
	kinhGuiIndent   = 35
	recipientIndent = 45
	// cellPad is the horizontal padding inside table cells, in mm.
	cellPad = 1.2
	// minColW is the narrowest a column fitted to its content gets when
	// words must be cut, in mm: a character of the table's smallest size
	// between the paddings. It equals bhytdoc.MinColumnWidth, the floor
	// for a set width, which the model's validation enforces.
	minColW = 7.0

	pageW, pageH = 210.0, 297.0
	ptToMM       = 25.4 / 72
)

// columns are the header and signature table widths of Appendix III's
// templates (mm): Mẫu 1.5 for a công văn, Mẫu 1.4 for other kinds.
type columns struct{ headLeft, headRight, signLeft, signRight float64 }

var (
	colsCongVan = columns{67.9, 95.3, 61.9, 102.5}
	colsKind    = columns{67.5, 100, 52.8, 110.9}
)
