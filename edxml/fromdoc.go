package edxml

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/third_party/pdf"
	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Type codes FromDocument writes in DocumentType. QCVN 102:2016's own
// table was not at hand; the public sample package gives a công văn Type
// 1 and TypeDetail 0, and so does the platforms' checker, so every kind
// bhytdoc makes — all administrative documents (văn bản hành chính) —
// gets Type 1, TypeDetail 0, and its name in TypeName. (One TypeScript
// builder writes 18 for a công văn; the sample is followed instead.)
const (
	TypeAdministrative = 1
	TypeDetailDefault  = 0
)

// FromDocument builds the package of a rendered document: the header from
// doc and the files attached in the order given. Of the files, the first
// PDF must be the document as rendered (and signed): its page count goes
// into PageAmount, and when it holds a bhytdoc record, its number and
// symbol must be doc's. A DOCX may follow.
//
// The header gets: From, the issuer (Issuer.OrganID, Name, Parent as
// OrganizationInCharge); To, each Nơi nhận recipient with an OrganID;
// DocumentId "OrganId,yyyy/MM/dd,number/symbol"; Code, the number as
// printed and the ký hiệu; PromulgationInfo, the place and date of issue;
// DocumentType (TypeAdministrative, TypeDetailDefault, the kind's name);
// Subject and Content, the trích yếu; SignerInfo from the first signature
// block (its authority lines as printed, the position, the name);
// OtherInfo.Priority from the urgency mark (0 none, 1 khẩn, 2 thượng
// khẩn, 3 hỏa tốc); TyperNotation and PromulgationAmount from ô 12;
// Appendixes, the annexes' titles; ToPlaces, every Nơi nhận line. The
// sender's address, email, telephone, fax and website, the recipients'
// details other than name and code, DueDate, SphereOfPromulgation,
// SteeringType and the trace are the caller's to fill in before Write.
//
// A draft, a document without an issuer code or without a recipient
// code is an error naming the field.
func FromDocument(doc *bhytdoc.Document, files ...Attachment) (*Package, error) {
	if doc == nil {
		return nil, errors.New("edxml: FromDocument: nil document")
	}
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	if doc.Draft || doc.Number <= 0 || doc.Date.Day == 0 || doc.Date.Month == 0 {
		return nil, &FieldError{"Number", "a draft awaiting registration cannot be sent: give its number and full date"}
	}
	if doc.Issuer.OrganID == "" {
		return nil, &FieldError{"Issuer.OrganID", "required to send: the issuer's identifier code (front matter issuer.organ_id)"}
	}
	nfc := func(s string) string { return norm.NFC.String(strings.Join(strings.Fields(s), " ")) }
	numSym := doc.NumberSymbol()
	num, sym, _ := strings.Cut(numSym, "/")
	date := fmt.Sprintf("%04d/%02d/%02d", doc.Date.Year, doc.Date.Month, doc.Date.Day)
	h := Header{
		From: Organization{
			OrganID:  doc.Issuer.OrganID,
			InCharge: nfc(doc.Issuer.Parent),
			Name:     nfc(doc.Issuer.Name),
		},
		DocumentID:   doc.Issuer.OrganID + "," + date + "," + nfc(numSym),
		Code:         Code{Number: num, Notation: nfc(sym)},
		Promulgation: Promulgation{Place: nfc(doc.Place), Date: date},
		DocumentType: DocumentType{Type: TypeAdministrative, TypeDetail: TypeDetailDefault, TypeName: doc.Kind.Name()},
		Subject:      nfc(doc.Summary),
		Content:      nfc(doc.Summary),
		Other: OtherInfo{
			Priority:           int(doc.Marks.Urgency),
			TyperNotation:      nfc(doc.Typist),
			PromulgationAmount: doc.IssuedCopies,
		},
	}
	for i, r := range doc.Recipients {
		h.ToPlaces = append(h.ToPlaces, nfc(r.Name))
		if r.OrganID == "" {
			continue
		}
		for _, t := range h.To {
			if t.OrganID == r.OrganID {
				return nil, &FieldError{fmt.Sprintf("Recipients[%d].OrganID", i), fmt.Sprintf("%s is also the code of %q", r.OrganID, t.Name)}
			}
		}
		h.To = append(h.To, Organization{OrganID: r.OrganID, Name: nfc(r.Name)})
	}
	if len(h.To) == 0 {
		return nil, &FieldError{"Recipients", "no recipient has an identifier code (organ_id): the package would go nowhere"}
	}
	if len(doc.Signatures) > 0 {
		s := doc.Signatures[0]
		var lines []string
		for _, a := range s.Authority {
			lines = append(lines, string(a.Prefix)+" "+typo.Upper(nfc(a.Title)))
		}
		h.Signer = SignerInfo{Competence: strings.Join(lines, ", "), Position: nfc(s.Position), FullName: nfc(s.Name)}
	}
	for _, a := range doc.Annexes {
		if t := nfc(a.Title); t != "" {
			h.Other.Appendixes = append(h.Other.Appendixes, t)
		}
	}
	p := &Package{Header: h}
	havePDF := false
	for i, f := range files {
		if f.ContentID == "" {
			f.ContentID = fmt.Sprintf("cid:%d", i+1)
		}
		if f.ContentType == "" {
			f.ContentType = contentType(f.Name)
		}
		if f.Description == "" {
			f.Description = f.Name
		}
		if f.ContentType == "application/pdf" && !havePDF {
			havePDF = true
			pages, err := pdfPages(doc, f.Data)
			if err != nil {
				return nil, fmt.Errorf("edxml: %s: %w", f.Name, err)
			}
			p.Header.Other.PageAmount = pages
		}
		p.Attachments = append(p.Attachments, f)
	}
	if !havePDF {
		return nil, errors.New("edxml: FromDocument: no PDF among the files: attach the rendered document")
	}
	return p, p.Validate()
}

func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".doc":
		return "application/msword"
	case ".zip":
		return "application/zip"
	}
	return "application/octet-stream"
}

// pdfPages returns the page count of the rendered document, checking that
// a PDF bhytdoc wrote is doc's.
func pdfPages(doc *bhytdoc.Document, data []byte) (n int, err error) {
	info, err := bhytdoc.ReadInfo(bytes.NewReader(data), int64(len(data)))
	if err == nil {
		_, sym, _ := strings.Cut(doc.NumberSymbol(), "/")
		if info.Number != doc.Number || norm.NFC.String(info.Symbol) != norm.NFC.String(sym) {
			want := doc.NumberSymbol()
			return 0, fmt.Errorf("the PDF is document %d/%s, the source %s", info.Number, info.Symbol, want)
		}
		return info.Pages, nil
	}
	if !errors.Is(err, bhytdoc.ErrNotBhytdoc) {
		return 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	rdr, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, fmt.Errorf("reading the PDF: %w", err)
	}
	if n = rdr.NumPage(); n <= 0 {
		return 0, errors.New("the PDF has no pages")
	}
	return n, nil
}
