package pagespec

// The page, in mm, and the point.
const (
	PageW, PageH = 210.0, 297.0
	PtToMM       = 25.4 / 72
)

// Lines and rules.
const (
	// SingleSpacing is single line spacing as a multiple of the font
	// size (Times New Roman and Liberation Serif: ascender+descender+gap).
	SingleSpacing = 1.15
	// RuleRatio is the length of the rule under the issuing body and
	// under a trích yếu, as a fraction of the line above (1/3–1/2).
	RuleRatio = 0.4
	// RuleWidth is the stroke width of the rules, in mm.
	RuleWidth = 0.25
)

// Pagination.
const (
	// EndLines is the fewest lines of a paragraph left at the foot of a
	// page or carried to the next one (orphan and widow control, as in
	// Word and LibreOffice).
	EndLines = 2
	// CarryWhole says whether the paragraph before the signature goes to
	// the next page whole with it when they do not fit together. It is
	// false: as Decree 30's examples do and issue 16 asks, only its last
	// EndLines lines go (a table: its last EndLines rows), so that a long
	// last paragraph or a one-paragraph Điều does not leave page 1 half
	// empty. The DOCX says the same with keep-with-next alone, which
	// ECMA-376 (17.3.1.15 keepNext: "at least partly rendered on the same
	// page as the following paragraph") and Word read as carrying the
	// last lines, under widow control. LibreOffice 7.4 never splits a
	// keep-with-next paragraph (sw/source/core/text/widorp.cxx,
	// SwTextFrameBreak) and carries it whole; the LibreOffice tests check
	// that this is the only way its pages differ from the PDF's.
	CarryWhole = false
	// NoiNhanMinLines is the fewest lines of Nơi nhận alone on a page.
	NoiNhanMinLines = 4
)

// Positions and indents, in mm.
const (
	// SignatureSpace is the room for the handwritten signature and seal
	// between the signer's titles and name (25–30).
	SignatureSpace = 28
	// KinhGuiIndent and RecipientIndent are the template indents of
	// "Kính gửi:" and of the recipients' dashes.
	KinhGuiIndent   = 35
	RecipientIndent = 45
	// BraceGap is the room before a Nơi nhận brace.
	BraceGap = 1.5
	// MarkH is the height of the decree's stamp boxes; MarkPad the room
	// each side of a box fitted to its text; MarkGap the gap between
	// stacked boxes; ContactGap that between ô 13's rule and its text.
	MarkH      = 8
	MarkPad    = 3
	MarkGap    = 2
	ContactGap = 1
)

// Tables.
const (
	// TableSize is the table font size (12–13); a table that does not
	// fit one page is tried down to TableSizeMin before it is split.
	TableSize    = 13
	TableSizeMin = 11
	// TableSizeFloor is the smallest size of a table whose columns do
	// not fit a landscape page even at TableSizeMin.
	TableSizeFloor = 10
	// MaxHeadLines is the most lines a header cell wraps to.
	MaxHeadLines = 3
	// CellPad and CellVPad are the padding inside table cells, left and
	// right, top and bottom.
	CellPad  = 1.2
	CellVPad = 1.0
	// CellSlack is room every fitted column gets beyond its text and
	// padding, so that a word processor measuring a little wider (hinting,
	// rounding to twips) still keeps "99,5" or "111.672" on one line.
	CellSlack = 0.6
	// MinColW is the narrowest a column fitted to its content gets when
	// words must be cut: a character of the table's smallest size between
	// the paddings. It equals bhytdoc.MinColumnWidth.
	MinColW = 7.0
)

// RuleGap is how far under a line's baseline its rule goes, given the
// descent (mm, positive) of the line's face at its size: below the
// descenders, 1 pt of white and half the stroke, and never nearer than
// 1.8 mm, where it sits on printed documents.
func RuleGap(descent float64) float64 { return max(1.8, descent+PtToMM+RuleWidth/2) }

// UnderHeader is the space between the header's last line or rule (the
// trích yếu's rule under a kind's title block) and what follows: half a
// body line, lineH being the body line height in any unit. The PDF adds it
// to the header's bottom; the DOCX as the space after the rule's
// paragraph, which Word and LibreOffice do not otherwise leave.
func UnderHeader(lineH float64) float64 { return lineH / 2 }
