package bhytdoc

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/grid"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Document is a Vietnamese administrative document as Decree 30/2020/NĐ-CP,
// Appendix I lays it out. Text fields hold plain text in sentence or name
// case; the renderers apply the upper-casing and punctuation the decree
// prescribes (the issuer name, kind name and signature titles are printed in
// capitals; recipients get their ";" and "."). Text may be in any Unicode
// normalisation form: renderers normalise it to NFC first.
//
// A Document is plain data: build it with a composite literal, or from a
// Markdown body with ParseBody. Validate reports every problem at once.
type Document struct {
	// Kind is the document type. Required.
	Kind Kind
	// Draft marks a document awaiting registration (chờ vào sổ): the
	// number and the day/month of Date may be left blank.
	Draft bool

	// Issuer is the issuing body (cơ quan ban hành) and its parent.
	Issuer Issuer
	// Number is the registration number (số); 0 leaves it blank, which
	// only a Draft may do.
	Number int
	// DraftingUnit is the abbreviation of the unit that drafted the
	// document, appended to the symbol: "VX" in "464/UBND-VX". Optional.
	DraftingUnit string

	// Place is the địa danh written before the date ("Cái Răng").
	Place string
	// Date is the date of issue. A Draft may leave Day, or Day and Month,
	// zero to be filled in by the registry.
	Date Date

	// Summary is the trích yếu: for a công văn the text after "V/v ",
	// for other kinds the line printed under the kind name.
	Summary string

	// IssuedWith is, for a document issued with a decision (quy chế, quy
	// định), the line under its trích yếu without the parentheses: "Ban
	// hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2022 của Ủy ban
	// nhân dân huyện". Printed centred, italic, in parentheses. Optional:
	// a decision that carries the document in Issues fills it in.
	IssuedWith string
	// Issues is, for a quyết định of Mẫu 1.3 (quy định gián tiếp), the
	// document it issues or approves: a quy chế, quy định, kế hoạch …
	// with no number, date, signature or Nơi nhận of its own. Its issuing
	// body, date and IssuedWith line come from the decision (see
	// IssuedDocument); Options.Variant chooses whether it is rendered in
	// the decision's file (Paper) or in one of its own (Electronic).
	Issues *Document
	// Authority is the thẩm quyền ban hành of a quyết định, nghị quyết or
	// chỉ thị ("Ủy ban nhân dân huyện Nam Trực", "Chủ tịch Ủy ban nhân
	// dân tỉnh …"), printed in capitals, bold, centred on its own line
	// before the bases. Required for a quyết định and a nghị quyết.
	Authority string

	// Addressees are who a công văn or tờ trình is sent to, the lines
	// after "Kính gửi:", without trailing punctuation.
	Addressees []string
	// Bases are the legal bases ("Căn cứ …"), one per line, without
	// trailing punctuation.
	Bases []string
	// Proposal is the line that follows the bases in their style, without
	// its final ".": "Theo đề nghị của Trưởng phòng Y tế huyện". Optional.
	Proposal string
	// Body is the content. ParseBody builds it from Markdown. A quyết định
	// or nghị quyết prints its decision word ("QUYẾT ĐỊNH:", "QUYẾT
	// NGHỊ:") before the body: the body starts with the articles.
	Body []Block
	// Attachments are notes printed after the body in parentheses, e.g.
	// "Đính kèm Phụ lục kết quả thực hiện bảo hiểm y tế đến ngày 15/5/2020".
	Attachments []string

	// Signatures holds one or two signature blocks; the first is printed
	// on the right, a second (joint documents) on the left.
	Signatures []Signature
	// Recipients are the Nơi nhận: who receives the issued document, in order.
	Recipients []Recipient
	// Luu lists where the archive copies are kept, printed as the last
	// Nơi nhận line "- Lưu: VT, BHXH b." Required (at least "VT").
	Luu []string

	// The parts of the kinds Appendix III gives a model of their own,
	// each set only for its kind; their lines print before Body, in the
	// model's words. Telegram is a công điện's (Mẫu 1.6).
	Telegram *Telegram
	// Invitation is a giấy mời's (Mẫu 1.7).
	Invitation *Invitation
	// Introduction is a giấy giới thiệu's (Mẫu 1.8).
	Introduction *Introduction
	// Minutes is a biên bản's (Mẫu 1.9).
	Minutes *Minutes
	// Leave is a giấy nghỉ phép's (Mẫu 1.10).
	Leave *Leave
	// Parties are the two sides of a hợp đồng, bản ghi nhớ or bản thỏa
	// thuận; Signatures[i] is Parties[i]'s.
	Parties []Party

	// Annexes (phụ lục) are printed after the document, each starting on
	// a new page.
	Annexes []Annex

	// Marks are the urgency, secrecy and circulation stamps and the
	// draft mark. Optional.
	Marks Marks
	// Typist is the first part of ô 12, printed under Nơi nhận as
	// "PL.(300)": the initials, in capitals, of who typed the document.
	// Optional.
	Typist string
	// IssuedCopies is the number of copies issued, the "(300)" of ô 12;
	// 0 prints none.
	IssuedCopies int
	// Contact holds the lines of ô 13 — address, telephone, email,
	// website — printed at the foot of page 1 under a full-width rule.
	// At most 4 lines. Optional.
	Contact []string
	// ESign, for an electronic document, prints the organisation's
	// signing line at the top right of each annex's first page (ô 14).
	// Optional.
	ESign *ESignature
	// Copy makes the document a paper copy: the copy's block follows it
	// on the same sheet. Optional.
	Copy *Copy
}

// Issuer names the issuing body. Names are written as in running text
// ("Ủy ban nhân dân quận Cái Răng"); the header prints them in capitals.
// A "\n" in Name or Parent marks where the header breaks the line
// ("Ủy ban nhân dân\nquận Cái Răng"); elsewhere it reads as a space.
type Issuer struct {
	// Parent is the cơ quan chủ quản, printed above Name. Optional.
	Parent string
	// Name is the issuing body. Required.
	Name string
	// Abbrev is the body's abbreviation in the symbol ("UBND"). Required.
	Abbrev string
	// OrganID is the body's identifier code for electronic document
	// exchange ("000.00.00.G22", "28.22.H17"; see CheckOrganID). Not
	// printed; package edxml puts it in a package's From. Optional.
	OrganID string
}

// Date is a calendar date in which a draft may leave Day (or Day and
// Month) zero, meaning "to be filled in".
type Date struct {
	Year, Month, Day int // Month 1–12, Day 1–31; a draft may leave them 0
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// ISO returns d as ISO 8601 writes it, the form template data takes:
// "2020-05-18", or for a draft's partial date "2020-05" or "2020".
func (d Date) ISO() string {
	switch {
	case d.Month == 0:
		return zeroPad(d.Year, 4)
	case d.Day == 0:
		return zeroPad(d.Year, 4) + "-" + zeroPad(d.Month, 2)
	}
	return zeroPad(d.Year, 4) + "-" + zeroPad(d.Month, 2) + "-" + zeroPad(d.Day, 2)
}

// zeroPad is n as fmt's "%0*d" with width w writes it, without fmt: every
// letter of a merge formats its dates and number.
func zeroPad(n, w int) string {
	if n < 0 {
		return fmt.Sprintf("%0*d", w, n)
	}
	s := strconv.Itoa(n)
	if len(s) >= w {
		return s
	}
	return "0000"[:w-len(s)] + s
}

// Time returns d at midnight UTC; blank parts count as 1.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Prefix is the authority prefix of a signature line (quyền hạn ký).
type Prefix string

// The authority prefixes of Decree 30.
const (
	TM  Prefix = "TM."  // thay mặt: on behalf of a collective body
	KT  Prefix = "KT."  // ký thay: a deputy signing for the head
	Q   Prefix = "Q."   // quyền: acting head
	TL  Prefix = "TL."  // thừa lệnh: by order
	TUQ Prefix = "TUQ." // thừa ủy quyền: by authorisation
)

// Valid reports whether p is one of the decree's prefixes.
func (p Prefix) Valid() bool {
	switch p {
	case TM, KT, Q, TL, TUQ:
		return true
	}
	return false
}

// Authority is one prefixed line of a signature block: Prefix TM and Title
// "Ủy ban nhân dân" print as "TM. ỦY BAN NHÂN DÂN".
type Authority struct {
	Prefix Prefix
	Title  string
}

// Signature is a signature block (ô 7): the authority lines top-down, the
// signer's position, space for the signature and seal, and the name.
// Seed 001's block is
//
//	Signature{
//		Authority: []Authority{{TM, "Ủy ban nhân dân"}, {KT, "Chủ tịch"}},
//		Position:  "Phó Chủ tịch",
//		Name:      "Phạm Thị Nhị Bình",
//	}
type Signature struct {
	// Authority lines, top-down. Optional when the head signs directly.
	Authority []Authority
	// Position is the signer's own title ("Phó Chủ tịch"). Required
	// unless the last authority line is a Q. (acting) line.
	Position string
	// Name is the signer's name, without academic titles. Required.
	Name string
	// Image is an optional PNG of the signature (transparent background).
	Image []byte
	// Seal is an optional PNG of the seal, printed over the left third of
	// the signature.
	Seal []byte
}

// Recipient is a line of the Nơi nhận list: "UBND tỉnh" with Purpose
// "Báo cáo" prints as "- UBND tỉnh (Báo cáo);".
//
// Recipients sharing a purpose form a group: the first carries the
// Purpose, the ones after it are Joined to it. Each prints on its own
// line, a brace "}" spans the group's lines and the purpose is printed
// once to its right, over as many lines as it needs:
//
//	{Name: "UBND tỉnh", Purpose: "để báo cáo"},
//	{Name: "TT Huyện ủy", Joined: true},
//	{Name: "TT HĐND huyện", Joined: true},
type Recipient struct {
	Name    string // the recipient, without the final ";"
	Purpose string // optional, printed in parentheses
	// Joined puts this recipient in the group of the one before it,
	// sharing that group's Purpose; it has no Purpose of its own.
	Joined bool
	// OrganID is the recipient's identifier code for electronic document
	// exchange (see CheckOrganID): package edxml sends a package to each
	// recipient that has one. Not printed. Optional.
	OrganID string
}

// Annex is a phụ lục: a label, a title, a reference line and a table.
type Annex struct {
	// Label is the line above the title. Empty means the usual one:
	// "Phụ lục" for a document's only annex, "Phụ lục I", "Phụ lục II" …
	// when it has several. Set it for a label of your own ("PHỤ LỤC",
	// "Biểu số 01"), or set NoLabel for none.
	Label string
	// NoLabel prints no label line; Label must then be empty.
	NoLabel bool
	// Title, printed in capitals ("Biểu giao chỉ tiêu đối với các xã").
	Title string
	// Reference is the italic line under the title. Empty means derived
	// from the document: "(Kèm theo Kế hoạch số 131/KH-UBND ngày 08/11/2018
	// của Ủy ban nhân dân thành phố)".
	Reference string
	// Table is the annex's table.
	Table Table
	// Landscape forces landscape pages. Tables too wide for portrait are
	// laid out landscape anyway.
	Landscape bool
	// Coverage declares whether Table is a coverage table, whose
	// arithmetic the bhytdoc command checks before it renders (see
	// package coverage). It changes nothing printed.
	Coverage CoverageDecl
}

// CoverageDecl is an annex's declaration of being a coverage table.
type CoverageDecl int

// Declarations. CoverageAuto leaves it to the table's columns: a table
// with participants, population and rate columns is checked. CoverageYes
// makes a table that is not recognisable as a coverage table an error;
// CoverageNo opts out of the check for a table that merely looks like one.
const (
	CoverageAuto CoverageDecl = iota
	CoverageYes
	CoverageNo
)

// Table is a bordered table with a header of one or more rows, body rows
// and an optional totals row (printed in bold). Cells are text already
// formatted for print, as the decree's tables write numbers: "10.000",
// "98,8" (the coverage package's annexes do so, see
// [github.com/bhytdoc/bhytdoc/coverage.Rate.Text]).
type Table struct {
	// Header rows, top-down. A cell spans ColSpan columns and RowSpan
	// header rows (0 counts as 1). Together they must tile a grid whose
	// width is the number of columns.
	Header [][]HeaderCell
	// Columns sets the alignment and width of each column. Optional: when
	// nil, the first column is centred, text columns left-aligned and
	// numeric columns right-aligned, with widths fitted to the content.
	Columns []Column
	// Rows are the body rows; each has exactly one cell per column.
	Rows [][]string
	// Totals is the optional totals row ("Cộng"), one cell per column.
	Totals []string
}

// HeaderCell is a header cell spanning ColSpan columns and RowSpan rows.
type HeaderCell struct {
	Text    string // printed bold and centred
	ColSpan int
	RowSpan int
}

// Align is the horizontal alignment of a table column.
type Align int

// Column alignments. AlignAuto centres the first column, right-aligns
// numeric columns and left-aligns the rest.
const (
	AlignAuto Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Column describes one table column.
type Column struct {
	// Align is the column's horizontal alignment.
	Align Align
	// Width in millimetres; 0 fits the column to its content.
	Width float64
}

// Cols returns the number of columns of t's header grid (0 without a
// header).
func (t *Table) Cols() int {
	if t == nil || len(t.Header) == 0 {
		return 0
	}
	return grid.Walk(t.Header, HeaderCell.spans, nil)[0]
}

// EachHeaderCell calls fn for every header cell with its header row and
// the first column it covers: cells fill each row left to right, skipping
// the columns that row spans from above already take.
func (t *Table) EachHeaderCell(fn func(row, col int, cell HeaderCell)) {
	if t == nil || fn == nil {
		return
	}
	grid.Walk(t.Header, HeaderCell.spans, func(r, _, col int, c HeaderCell) { fn(r, col, c) })
}

func (c HeaderCell) spans() (int, int) { return c.ColSpan, c.RowSpan }

// ColumnAlign returns the alignment column c is printed with; AlignAuto
// resolves to centred for the first column (STT), right for a column whose
// cells are all numbers ("10.125", "98,8", "78,11%"; blank or "-" cells
// aside) and left otherwise.
func (t *Table) ColumnAlign(c int) Align {
	if t == nil {
		return AlignLeft
	}
	if c < len(t.Columns) && t.Columns[c].Align != AlignAuto {
		return t.Columns[c].Align
	}
	if c == 0 {
		return AlignCenter
	}
	numeric := false
	for _, row := range t.Rows {
		if c >= len(row) {
			continue
		}
		s := strings.TrimSuffix(strings.TrimSpace(row[c]), "%")
		if s == "" || s == "-" {
			continue
		}
		if _, err := typo.ParseNumber(s); err != nil {
			return AlignLeft
		}
		numeric = true
	}
	if numeric {
		return AlignRight
	}
	return AlignLeft
}

func span(n int) int {
	if n <= 0 {
		return 1
	}
	return n
}
