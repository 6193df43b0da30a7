package edxml

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// Namespace is the XML namespace of QCVN 102:2016/BTTTT packages.
const Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016"

// DateLayout is the layout of the standard's dates (PromulgationDate,
// DueDate, the date in DocumentId): yyyy/MM/dd.
const DateLayout = "2006/01/02"

// Package is an edXML data package: the header describing one document
// and the files sent with it.
type Package struct {
	Header      Header       // what the document is, from whom, to whom
	Attachments []Attachment // the files sent, in manifest order
}

// Header is the edXMLHeader: the MessageHeader's fields, in the order the
// standard writes them, then the trace list and the signature.
type Header struct {
	// From is the sending body; To the bodies the package goes to.
	From Organization   `xml:"From"`
	To   []Organization `xml:"To"` // at least one
	// DocumentID identifies the document across systems:
	// "OrganId,yyyy/MM/dd,number/notation" ("000.00.00.G22,2015/09/30,
	// 7816/VPCP-TTĐT").
	DocumentID   string       `xml:"DocumentId"`
	Code         Code         `xml:"Code"`             // number and ký hiệu
	Promulgation Promulgation `xml:"PromulgationInfo"` // place and date of issue
	DocumentType DocumentType `xml:"DocumentType"`     // the kind
	// Subject is the trích yếu; Content a short account of the content
	// (bhytdoc repeats the trích yếu, as the public sample does).
	Subject string     `xml:"Subject"`
	Content string     `xml:"Content"`    // optional
	Signer  SignerInfo `xml:"SignerInfo"` // who signed
	// DueDate is the date by which an answer is due, yyyy/MM/dd.
	// Optional: left out of the package when empty.
	DueDate string    `xml:"DueDate"`
	Other   OtherInfo `xml:"OtherInfo"` // priority, counts, appendixes
	// SteeringType is the standard's SteeringType code, written as given
	// (the public sample has 1).
	SteeringType int `xml:"SteeringType"`
	// ToPlaces are the Nơi nhận lines, one per recipient.
	ToPlaces []string `xml:"ToPlaces>Place"`
	// Trace is the TraceHeaderList, which the exchange platforms fill as
	// the package travels. A package bhytdoc builds has none.
	Trace TraceList `xml:"-"`
	// Signature is the XML of the package's ds:Signature element as read,
	// inside its tags; bhytdoc keeps it but neither makes nor checks it.
	Signature string `xml:"-"`
}

// Organization is a sending or receiving body (From, To). OrganID is its
// identifier code (OrganId, see bhytdoc.CheckOrganID); InCharge its
// governing body (OrganizationInCharge); Name, Address (OrganAdd), Email,
// Telephone, Fax and Website as written.
type Organization struct {
	OrganID   string `xml:"OrganId"`
	InCharge  string `xml:"OrganizationInCharge"`
	Name      string `xml:"OrganName"`
	Address   string `xml:"OrganAdd"`
	Email     string `xml:"Email"`
	Telephone string `xml:"Telephone"`
	Fax       string `xml:"Fax"`
	Website   string `xml:"Website"`
}

// Code is the number (CodeNumber, "464") and notation (CodeNotation, the
// ký hiệu "UBND-VX") of the document.
type Code struct {
	Number   string `xml:"CodeNumber"`   // "215"
	Notation string `xml:"CodeNotation"` // "UBND-VX"
}

// Promulgation is the PromulgationInfo: the place (địa danh) and the date
// of issue, yyyy/MM/dd.
type Promulgation struct {
	Place string `xml:"Place"`            // "Cái Răng"
	Date  string `xml:"PromulgationDate"` // "2020/05/18"
}

// DocumentType is the document's type: the Type and TypeDetail codes and
// the TypeName ("Công văn"). See FromDocument for the codes bhytdoc
// writes.
type DocumentType struct {
	Type       int    `xml:"Type"`
	TypeDetail int    `xml:"TypeDetail"`
	TypeName   string `xml:"TypeName"`
}

// SignerInfo is the signer: Competence, the authority lines as printed
// ("TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH"); Position, the signer's title;
// FullName.
type SignerInfo struct {
	Competence string `xml:"Competence"`
	Position   string `xml:"Position"`
	FullName   string `xml:"FullName"`
}

// OtherInfo holds the remaining fields: Priority (0 ordinary, 1 khẩn, 2
// thượng khẩn, 3 hỏa tốc), SphereOfPromulgation, TyperNotation (the
// typist's initials of ô 12), PromulgationAmount (copies issued, ô 12),
// PageAmount, Direction and the Appendixes' titles.
type OtherInfo struct {
	Priority             int      `xml:"Priority"`
	SphereOfPromulgation string   `xml:"SphereOfPromulgation"`
	TyperNotation        string   `xml:"TyperNotation"`
	PromulgationAmount   int      `xml:"PromulgationAmount"`
	PageAmount           int      `xml:"PageAmount"`
	Direction            bool     `xml:"Direction"`
	Appendixes           []string `xml:"Appendixes>Appendix"`
}

// TraceList is the TraceHeaderList: a TraceHeader per system the package
// passed, and the Bussiness block (the standard's spelling) describing
// why it was sent.
type TraceList struct {
	Headers  []TraceHeader `xml:"TraceHeader"` // one per system passed
	Business *Business     `xml:"Bussiness"`   // optional
}

// TraceHeader records that the body OrganID handled the package at
// Timestamp ("2018/09/28 00:00:00").
type TraceHeader struct {
	OrganID   string `xml:"OrganId"`
	Timestamp string `xml:"Timestamp"`
}

// Business is the Bussiness block of the trace list: the document's
// DocumentID, the DocType and Reason of the sending (BussinessDocType,
// BussinessDocReason: 0 "Văn bản điện tử mới"), Paper (1 when a paper
// original follows) and the Staff who sent it.
type Business struct {
	DocumentID string     `xml:"DocumentId"`
	DocType    int        `xml:"BussinessDocType"`
	Reason     string     `xml:"BussinessDocReason"`
	Paper      int        `xml:"Paper"`
	Staff      *StaffInfo `xml:"StaffInfo"`
}

// StaffInfo names the clerk who sent the package: Department, Staff (the
// name), Email and Mobile.
type StaffInfo struct {
	Department string `xml:"Department"`
	Staff      string `xml:"Staff"`
	Email      string `xml:"Email"`
	Mobile     string `xml:"Mobile"`
}

// Attachment is a file sent in the package: its manifest Reference
// (ContentID "cid:1", Name, Description, ContentType) and its bytes,
// base64-encoded in the package.
type Attachment struct {
	ContentID   string
	Name        string
	Description string
	ContentType string
	// Data is the file. Read fills it unless ReadOptions.Content takes
	// the bytes instead.
	Data []byte
}

// FieldError is a problem with one field of a package, named by its
// element path: "MessageHeader.From.OrganId", "Attachment[0].AttachmentName".
type FieldError struct {
	Field string // the element path
	Msg   string // what is wrong with it
}

// Error returns "edxml: FIELD: MSG".
func (e *FieldError) Error() string { return "edxml: " + e.Field + ": " + e.Msg }

// Bounds of the text fields, those the exchange platforms check.
const (
	maxSubject  = 500
	maxPlace    = 150
	maxAppendix = 250
	maxName     = 200
	maxText     = 1000
)

// Validate reports the first problem of p that would make a platform
// refuse it: a missing required field (From's and each To's OrganId and
// OrganName, the Code, the promulgation date, the DocumentType, the
// Subject), a malformed identifier code or date, a field too long, an
// attachment without a plain file name or a ContentID shared by two.
func (p *Package) Validate() error {
	h := &p.Header
	if err := checkOrg("MessageHeader.From", &h.From); err != nil {
		return err
	}
	if len(h.To) == 0 {
		return &FieldError{"MessageHeader.To", "no receiving body"}
	}
	seen := map[string]bool{}
	for i := range h.To {
		f := fmt.Sprintf("MessageHeader.To[%d]", i)
		if err := checkOrg(f, &h.To[i]); err != nil {
			return err
		}
		if seen[h.To[i].OrganID] {
			return &FieldError{f + ".OrganId", fmt.Sprintf("%s appears twice", h.To[i].OrganID)}
		}
		seen[h.To[i].OrganID] = true
	}
	for _, c := range []struct{ f, v string }{
		{"MessageHeader.Code.CodeNumber", h.Code.Number},
		{"MessageHeader.Code.CodeNotation", h.Code.Notation},
		{"MessageHeader.DocumentType.TypeName", h.DocumentType.TypeName},
		{"MessageHeader.Subject", h.Subject},
	} {
		if strings.TrimSpace(c.v) == "" {
			return &FieldError{c.f, "required"}
		}
	}
	if h.DocumentType.Type <= 0 {
		return &FieldError{"MessageHeader.DocumentType.Type", "required (a positive code)"}
	}
	if err := checkDate("MessageHeader.PromulgationInfo.PromulgationDate", h.Promulgation.Date, true); err != nil {
		return err
	}
	if err := checkDate("MessageHeader.DueDate", h.DueDate, false); err != nil {
		return err
	}
	for _, c := range []struct {
		f, v string
		n    int
	}{
		{"MessageHeader.Subject", h.Subject, maxSubject},
		{"MessageHeader.Content", h.Content, maxSubject},
		{"MessageHeader.DocumentId", h.DocumentID, maxText},
		{"MessageHeader.Code.CodeNumber", h.Code.Number, maxText},
		{"MessageHeader.Code.CodeNotation", h.Code.Notation, maxText},
		{"MessageHeader.PromulgationInfo.Place", h.Promulgation.Place, maxPlace},
		{"MessageHeader.SignerInfo.Competence", h.Signer.Competence, maxText},
		{"MessageHeader.SignerInfo.Position", h.Signer.Position, maxText},
		{"MessageHeader.SignerInfo.FullName", h.Signer.FullName, maxText},
		{"MessageHeader.OtherInfo.SphereOfPromulgation", h.Other.SphereOfPromulgation, maxText},
		{"MessageHeader.OtherInfo.TyperNotation", h.Other.TyperNotation, maxText},
	} {
		if err := checkText(c.f, c.v, c.n); err != nil {
			return err
		}
	}
	for i, s := range h.ToPlaces {
		if err := checkText(fmt.Sprintf("MessageHeader.ToPlaces.Place[%d]", i), s, maxPlace); err != nil {
			return err
		}
	}
	for i, s := range h.Other.Appendixes {
		if err := checkText(fmt.Sprintf("MessageHeader.OtherInfo.Appendixes.Appendix[%d]", i), s, maxAppendix); err != nil {
			return err
		}
	}
	if h.Other.PageAmount < 0 || h.Other.PromulgationAmount < 0 || h.Other.Priority < 0 {
		return &FieldError{"MessageHeader.OtherInfo", "negative count"}
	}
	ids := map[string]bool{}
	for i := range p.Attachments {
		if err := checkAttachment(i, &p.Attachments[i], ids); err != nil {
			return err
		}
	}
	return nil
}

func checkOrg(f string, o *Organization) error {
	if o.OrganID == "" {
		return &FieldError{f + ".OrganId", "required"}
	}
	if err := bhytdoc.CheckOrganID(o.OrganID); err != nil {
		return &FieldError{f + ".OrganId", err.Error()}
	}
	if strings.TrimSpace(o.Name) == "" {
		return &FieldError{f + ".OrganName", "required"}
	}
	for _, c := range []struct{ f, v string }{
		{".OrganizationInCharge", o.InCharge}, {".OrganName", o.Name}, {".OrganAdd", o.Address},
		{".Email", o.Email}, {".Telephone", o.Telephone}, {".Fax", o.Fax}, {".Website", o.Website},
	} {
		if err := checkText(f+c.f, c.v, maxText); err != nil {
			return err
		}
	}
	return nil
}

func checkDate(f, s string, required bool) error {
	if s == "" {
		if required {
			return &FieldError{f, "required"}
		}
		return nil
	}
	if !isDate(s) {
		return &FieldError{f, fmt.Sprintf("%q is not a date yyyy/MM/dd", s)}
	}
	return nil
}

// isDate reports whether s is a valid calendar date written yyyy/MM/dd.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '/' || s[7] != '/' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return false
	}
	y, m, d := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// checkText refuses invalid UTF-8, control characters (the XML writer
// could not write them back) and text longer than n runes.
func checkText(f, s string, n int) error {
	if !utf8.ValidString(s) {
		return &FieldError{f, "not valid UTF-8"}
	}
	for i, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF {
			return &FieldError{f, fmt.Sprintf("control character %U at byte %d", r, i)}
		}
	}
	if c := utf8.RuneCountInString(s); c > n {
		return &FieldError{f, fmt.Sprintf("%d characters, more than %d", c, n)}
	}
	return nil
}

func checkAttachment(i int, a *Attachment, ids map[string]bool) error {
	f := fmt.Sprintf("Attachment[%d]", i)
	if a.ContentID == "" {
		return &FieldError{f + ".ContentId", "required"}
	}
	if err := checkText(f+".ContentId", a.ContentID, maxName); err != nil {
		return err
	}
	if ids[a.ContentID] {
		return &FieldError{f + ".ContentId", fmt.Sprintf("%q is used by two attachments", a.ContentID)}
	}
	ids[a.ContentID] = true
	if err := CheckName(a.Name); err != nil {
		return &FieldError{f + ".AttachmentName", err.Error()}
	}
	if err := checkText(f+".Description", a.Description, maxText); err != nil {
		return err
	}
	if a.ContentType == "" {
		return &FieldError{f + ".ContentType", "required"}
	}
	return checkText(f+".ContentType", a.ContentType, maxName)
}

// CheckName reports whether name can be an attachment's file name in
// every receiving system: a plain name, no directory, no "." or "..",
// no path separator, control character or character Windows forbids in
// file names, not longer than 200 characters.
func CheckName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("empty file name")
	case !utf8.ValidString(name):
		return fmt.Errorf("file name is not valid UTF-8")
	case utf8.RuneCountInString(name) > maxName:
		return fmt.Errorf("file name longer than %d characters", maxName)
	case name == "." || name == ".." || path.Base(name) != name:
		return fmt.Errorf("%q is not a plain file name", name)
	case strings.TrimRight(name, ". ") != name || strings.TrimSpace(name) != name:
		return fmt.Errorf("%q begins or ends with a space or ends with a dot", name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) || !unicode.IsPrint(r) && r != ' ' {
			return fmt.Errorf("%q holds %U, which a file name may not", name, r)
		}
	}
	return nil
}
