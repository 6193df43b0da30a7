package edxml_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/bhytdoc/bhytdoc/edxml"
)

// A package written and read back: the header and the attachment's
// bytes come back as they were.
func ExampleWrite() {
	p := &edxml.Package{
		Header: edxml.Header{
			From:         edxml.Organization{OrganID: "000.00.09.H13", Name: "Ủy ban nhân dân quận Cái Răng"},
			To:           []edxml.Organization{{OrganID: "01.09.H13", Name: "Ủy ban nhân dân phường Lê Bình"}},
			DocumentID:   "000.00.09.H13,2020/05/18,898/UBND",
			Code:         edxml.Code{Number: "898", Notation: "UBND"},
			Promulgation: edxml.Promulgation{Place: "Cái Răng", Date: "2020/05/18"},
			DocumentType: edxml.DocumentType{Type: edxml.TypeAdministrative, TypeName: "Công văn"},
			Subject:      "V/v tăng cường phát triển đối tượng tham gia bảo hiểm y tế",
			Other:        edxml.OtherInfo{PageAmount: 3},
		},
		Attachments: []edxml.Attachment{{
			ContentID: "cid:1", Name: "898-UBND.pdf", ContentType: "application/pdf",
			Data: []byte("%PDF-1.7 …"),
		}},
	}
	var buf bytes.Buffer
	if err := edxml.Write(&buf, p); err != nil {
		log.Fatal(err)
	}
	q, err := edxml.Read(&buf)
	if err != nil {
		log.Fatal(err)
	}
	h := q.Header
	fmt.Println(h.From.OrganID, "→", h.To[0].OrganID)
	fmt.Println(h.Code.Number+"/"+h.Code.Notation, h.Promulgation.Date, h.DocumentType.TypeName)
	a := q.Attachments[0]
	fmt.Printf("%s %s %q\n", a.ContentID, a.Name, a.Data)
	// Output:
	// 000.00.09.H13 → 01.09.H13
	// 898/UBND 2020/05/18 Công văn
	// cid:1 898-UBND.pdf "%PDF-1.7 …"
}
