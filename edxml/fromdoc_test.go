package edxml

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// letter is seed Cái Răng with the codes a package needs: the district
// sends to the city and to two schools.
func letter() *bhytdoc.Document {
	d := seeds.CaiRang()
	d.Issuer.OrganID = "000.00.09.H13"
	d.Recipients[1].OrganID = "01.09.H13"
	d.Recipients[3].OrganID = "000.02.09.H13"
	d.Recipients[4].OrganID = "000.03.09.H13"
	d.Typist = "VX"
	d.IssuedCopies = 15
	d.Marks.Urgency = bhytdoc.Khan
	return d
}

func render(t testing.TB, d *bhytdoc.Document) []byte {
	t.Helper()
	var pdf bytes.Buffer
	if err := bhytdoc.WritePDF(&pdf, d, nil); err != nil {
		t.Fatal(err)
	}
	return pdf.Bytes()
}

func TestFromDocument(t *testing.T) {
	d := letter()
	pdf := render(t, d)
	info, err := bhytdoc.ReadInfo(bytes.NewReader(pdf), int64(len(pdf)))
	if err != nil {
		t.Fatal(err)
	}
	docx := []byte("PK\x03\x04 stand-in for the DOCX")
	p, err := FromDocument(d, Attachment{Name: "898-UBND.pdf", Data: pdf}, Attachment{Name: "898-UBND.docx", Data: docx})
	if err != nil {
		t.Fatal(err)
	}
	h := p.Header
	want := Header{
		From:         Organization{OrganID: "000.00.09.H13", Name: "Ủy ban nhân dân quận Cái Răng"},
		To:           []Organization{{OrganID: "01.09.H13", Name: "CT, các PCT UBND quận"}, {OrganID: "000.02.09.H13", Name: "Trường Đại học Tây Đô"}, {OrganID: "000.03.09.H13", Name: "Trường Đại học kiến trúc"}},
		DocumentID:   "000.00.09.H13,2020/05/18,898/UBND",
		Code:         Code{Number: "898", Notation: "UBND"},
		Promulgation: Promulgation{Place: "Cái Răng", Date: "2020/05/18"},
		DocumentType: DocumentType{Type: 1, TypeDetail: 0, TypeName: "Công văn"},
		Subject:      d.Summary,
		Content:      d.Summary,
		Signer:       SignerInfo{Competence: "KT. CHỦ TỊCH", Position: "Phó Chủ tịch", FullName: "Vương Công Khanh"},
		Other:        OtherInfo{Priority: 1, TyperNotation: "VX", PromulgationAmount: 15, PageAmount: info.Pages},
	}
	for _, r := range d.Recipients {
		want.ToPlaces = append(want.ToPlaces, r.Name)
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("header\n got %+v\nwant %+v", h, want)
	}
	if info.Pages < 1 {
		t.Errorf("pages = %d", info.Pages)
	}
	if len(p.Attachments) != 2 || p.Attachments[0].ContentType != "application/pdf" || p.Attachments[0].ContentID != "cid:1" ||
		!strings.HasPrefix(p.Attachments[1].ContentType, "application/vnd.openxmlformats-officedocument.wordprocessingml") {
		t.Errorf("attachments %+v", p.Attachments)
	}

	// Write → Read: the same header, byte-identical attachments.
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	q, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(q.Header, p.Header) {
		t.Errorf("header after Read\n got %+v\nwant %+v", q.Header, p.Header)
	}
	for i := range p.Attachments {
		if !bytes.Equal(q.Attachments[i].Data, p.Attachments[i].Data) || q.Attachments[i].Name != p.Attachments[i].Name {
			t.Errorf("attachment %d differs after Read", i)
		}
	}
}

func TestFromDocumentRefuses(t *testing.T) {
	pdf := render(t, letter())
	for _, c := range []struct {
		name  string
		edit  func(d *bhytdoc.Document)
		field string
	}{
		{"no issuer code", func(d *bhytdoc.Document) { d.Issuer.OrganID = "" }, "Issuer.OrganID"},
		{"no recipient code", func(d *bhytdoc.Document) {
			for i := range d.Recipients {
				d.Recipients[i].OrganID = ""
			}
		}, "Recipients"},
		{"same code twice", func(d *bhytdoc.Document) { d.Recipients[4].OrganID = d.Recipients[3].OrganID }, "Recipients[4].OrganID"},
		{"draft", func(d *bhytdoc.Document) { d.Draft, d.Number = true, 0 }, "Number"},
	} {
		d := letter()
		c.edit(d)
		_, err := FromDocument(d, Attachment{Name: "a.pdf", Data: pdf})
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: err = %v, want a FieldError on %s", c.name, err, c.field)
		}
	}
	// The PDF of another document.
	other := letter()
	other.Number = 899
	if _, err := FromDocument(letter(), Attachment{Name: "a.pdf", Data: render(t, other)}); err == nil || !strings.Contains(err.Error(), "899") {
		t.Errorf("PDF of another document: err = %v", err)
	}
	if _, err := FromDocument(letter(), Attachment{Name: "a.docx", Data: []byte("x")}); err == nil {
		t.Error("no PDF: no error")
	}
	if _, err := FromDocument(letter(), Attachment{Name: "../a.pdf", Data: pdf}); err == nil {
		t.Error("name with ../: no error")
	}
}
