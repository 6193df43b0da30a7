package bhytdoc

import (
	"fmt"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"strconv"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Urgency is the mức độ khẩn of a document (ô 10b), printed in a box
// under the number: KHẨN 20×8 mm, THƯỢNG KHẨN 40×8 mm, HỎA TỐC 30×8 mm.
type Urgency int

// Urgency levels; the zero value prints no mark.
const (
	NotUrgent Urgency = iota
	Khan
	ThuongKhan
	HoaToc
)

// Secrecy is the độ mật of a document (ô 10a), printed in a box under the
// number: MẬT, TỐI MẬT, TUYỆT MẬT.
type Secrecy int

// Secrecy levels; the zero value prints no mark.
const (
	NotSecret Secrecy = iota
	Mat
	ToiMat
	TuyetMat
)

// Circulation is a mark on how a document circulates (ô 11).
type Circulation int

// Circulation marks; the zero value prints none.
const (
	NoCirculation Circulation = iota
	XemXongTraLai             // "XEM XONG TRẢ LẠI": return after reading
	LuuHanhNoiBo              // "LƯU HÀNH NỘI BỘ": internal circulation only
)

// Marks are the stamps of Decree 30's ô 10–11 and the draft mark, each
// printed in capitals, bold, in a single-border box.
type Marks struct {
	// Urgency is ô 10b, in red ink.
	Urgency Urgency
	// Secrecy is ô 10a, above the urgency box.
	Secrecy Secrecy
	// Circulation is ô 11, under them.
	Circulation Circulation
	// DuThao marks a draft circulated for comment ("DỰ THẢO", boxed, top
	// right above the national title). Unlike Document.Draft it does
	// not allow a blank number or date.
	DuThao bool
}

// markBox is the text of a mark and its box width in mm (0: fitted to
// the text).
type markBox struct {
	text  string
	width float64
}

var (
	urgencyBoxes     = [...]markBox{Khan: {"KHẨN", 20}, ThuongKhan: {"THƯỢNG KHẨN", 40}, HoaToc: {"HỎA TỐC", 30}}
	secrecyBoxes     = [...]markBox{Mat: {"MẬT", 20}, ToiMat: {"TỐI MẬT", 30}, TuyetMat: {"TUYỆT MẬT", 40}}
	circulationBoxes = [...]markBox{XemXongTraLai: {"XEM XONG TRẢ LẠI", 0}, LuuHanhNoiBo: {"LƯU HÀNH NỘI BỘ", 0}}
)

// vietnam is the zone of signing times: ISO 8601 with +07:00.
var vietnam = time.FixedZone("ICT", 7*60*60)

// ESignature is the signing line an organisation's digital signature
// prints on an electronic document's annexes (ô 14): top right of each
// annex's first page, Times New Roman 10, no image. Its lines are the
// document's number and symbol, the organisation and the signing time in
// ISO 8601 with the Vietnam zone ("2022-02-23T09:30:00+07:00").
type ESignature struct {
	// Organisation is the signing body, as in running text ("Ủy ban
	// nhân dân huyện Nam Trực"). Required.
	Organisation string
	// Time is when the document was signed; it is printed in +07:00
	// whatever its location. Required.
	Time time.Time
}

// SigningTime returns t in ISO 8601 with the Vietnam zone:
// "2022-02-23T09:30:00+07:00".
func SigningTime(t time.Time) string { return t.In(vietnam).Format(time.RFC3339) }

// validateMarks checks the marks, ô 12–13 and the electronic signature.
func (d *Document) validateMarks(p *problems) {
	m := d.Marks
	if m.Urgency < NotUrgent || m.Urgency > HoaToc {
		p.add("Marks.Urgency", "unknown urgency %d", int(m.Urgency))
	}
	if m.Secrecy < NotSecret || m.Secrecy > TuyetMat {
		p.add("Marks.Secrecy", "unknown secrecy %d", int(m.Secrecy))
	}
	if m.Circulation < NoCirculation || m.Circulation > LuuHanhNoiBo {
		p.add("Marks.Circulation", "unknown circulation mark %d", int(m.Circulation))
	}
	if d.Typist != "" && !isInitials(d.Typist) {
		p.add("Typist", "%q is not initials in capitals (\"PL\")", d.Typist)
	}
	switch {
	case d.IssuedCopies < 0:
		p.add("IssuedCopies", "negative (%d)", d.IssuedCopies)
	case d.IssuedCopies > maxIssuedCopies:
		p.add("IssuedCopies", "%d copies; at most %d", d.IssuedCopies, maxIssuedCopies)
	}
	if len(d.Contact) > maxContactLines {
		p.add("Contact", "%d lines; the foot of page 1 holds at most %d", len(d.Contact), maxContactLines)
	}
	for i, s := range d.Contact {
		required(p, elem("Contact", i), s)
	}
	if e := d.ESign; e != nil {
		required(p, "ESign.Organisation", e.Organisation)
		if e.Time.IsZero() {
			p.add("ESign.Time", "empty: the signing time is printed")
		}
	}
}

const (
	maxIssuedCopies = 1_000_000
	maxContactLines = 4
)

// marksIR derives the printed marks and lines of ô 10–14.
func (d *Document) marksIR(doc *ir.Doc) {
	box := func(b markBox, field string, red bool) {
		doc.Marks = append(doc.Marks, ir.Mark{Text: ir.Text{S: b.text, Field: field}, Width: b.width, Red: red})
	}
	if s := d.Marks.Secrecy; s != NotSecret {
		box(secrecyBoxes[s], "Marks.Secrecy", false)
	}
	if u := d.Marks.Urgency; u != NotUrgent {
		box(urgencyBoxes[u], "Marks.Urgency", true)
	}
	if c := d.Marks.Circulation; c != NoCirculation {
		box(circulationBoxes[c], "Marks.Circulation", false)
	}
	if d.Marks.DuThao {
		doc.DuThao = ir.Text{S: "DỰ THẢO", Field: "Marks.DuThao"}
	}
	if d.Typist != "" || d.IssuedCopies > 0 {
		s := strings.TrimSpace(d.Typist)
		if s != "" {
			s += "."
		}
		if d.IssuedCopies > 0 {
			s += "(" + strconv.Itoa(d.IssuedCopies) + ")"
		}
		doc.Typist = ir.Text{S: s, Field: "Typist"}
	}
	for i, s := range d.Contact {
		doc.Contact = append(doc.Contact, ir.Text{S: typo.OneLine(s), Field: elem("Contact", i)})
	}
	if e := d.ESign; e != nil {
		doc.ESign = []ir.Text{
			{S: "Số: " + strings.TrimSpace(d.NumberSymbol()), Field: "Number"},
			{S: typo.Upper(typo.OneLine(e.Organisation)), Field: "ESign.Organisation"},
			{S: SigningTime(e.Time), Field: "ESign.Time"},
		}
	}
}

// String returns the mark as printed ("HỎA TỐC"), or "" for NotUrgent.
func (u Urgency) String() string {
	if u <= NotUrgent || int(u) >= len(urgencyBoxes) {
		return ""
	}
	return urgencyBoxes[u].text
}

// String returns the mark as printed ("TỐI MẬT"), or "" for NotSecret.
func (s Secrecy) String() string {
	if s <= NotSecret || int(s) >= len(secrecyBoxes) {
		return ""
	}
	return secrecyBoxes[s].text
}

// String returns the mark as printed ("LƯU HÀNH NỘI BỘ"), or "".
func (c Circulation) String() string {
	if c <= NoCirculation || int(c) >= len(circulationBoxes) {
		return ""
	}
	return circulationBoxes[c].text
}

// ParseUrgency reads an urgency mark in any letter case and tone style
// ("Hỏa tốc", "HOẢ TỐC", "khẩn").
func ParseUrgency(s string) (Urgency, error) {
	for u := Khan; u <= HoaToc; u++ {
		if sameMark(s, u.String()) {
			return u, nil
		}
	}
	return NotUrgent, fmt.Errorf("unknown urgency %s (want Khẩn, Thượng khẩn or Hỏa tốc)", excerpt.Quote(s))
}

// ParseSecrecy reads a secrecy mark ("Mật", "Tối mật", "Tuyệt mật").
func ParseSecrecy(s string) (Secrecy, error) {
	for v := Mat; v <= TuyetMat; v++ {
		if sameMark(s, v.String()) {
			return v, nil
		}
	}
	return NotSecret, fmt.Errorf("unknown secrecy %s (want Mật, Tối mật or Tuyệt mật)", excerpt.Quote(s))
}

// ParseCirculation reads a circulation mark ("Xem xong trả lại", "Lưu
// hành nội bộ").
func ParseCirculation(s string) (Circulation, error) {
	for c := XemXongTraLai; c <= LuuHanhNoiBo; c++ {
		if sameMark(s, c.String()) {
			return c, nil
		}
	}
	return NoCirculation, fmt.Errorf("unknown circulation mark %s (want Xem xong trả lại or Lưu hành nội bộ)", excerpt.Quote(s))
}

func sameMark(s, mark string) bool {
	c, err := typo.Clean(s)
	if err != nil {
		return false
	}
	return typo.Upper(typo.Tone(typo.OneLine(c), typo.ToneTraditional)) == mark
}
