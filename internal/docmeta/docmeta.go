// Package docmeta writes and reads the XMP metadata packet of a bhytdoc
// PDF. The packet holds
//
//   - the document record: the fields Decree 30/2020/NĐ-CP, Appendix VI
//     lists for records systems (number, symbol, issuing body, kind,
//     trích yếu, signer, date, recipients, page count), so that an
//     e-office system can file a document without re-keying it;
//   - the signature areas (package signarea);
//   - in archival mode, what PDF/A-2b asks of the packet: the PDF/A
//     identification, Dublin Core title, creator and description, the
//     XMP dates, the producer, and a pdfaExtension description of every
//     bhytdoc property and value type.
//
// All bhytdoc properties live in the namespace NS, prefix "bhytdoc":
//
//	bhytdoc:Kind          Text     tên loại: "Công văn", "Kế hoạch" …
//	bhytdoc:Number        Integer  số; absent while a draft awaits one
//	bhytdoc:Symbol        Text     ký hiệu after the number: "KH-UBND"
//	bhytdoc:Issuer        Text     cơ quan ban hành, on one line
//	bhytdoc:IssuerParent  Text     cơ quan chủ quản; absent if none
//	bhytdoc:Summary       Text     trích yếu nội dung
//	bhytdoc:Date          Date     date of issue: 2020-05-18 (a draft: 2020-05, 2020)
//	bhytdoc:Draft         Boolean  True while awaiting registration
//	bhytdoc:Signers       Seq Signer  người ký: bhytdoc:Name, bhytdoc:Position
//	bhytdoc:Addressees    Seq Text Kính gửi
//	bhytdoc:Recipients    Seq Text nơi nhận, as printed, without "Lưu"
//	bhytdoc:Pages         Integer  số trang
//	bhytdoc:SignatureAreas Seq SignatureArea (package signarea)
package docmeta

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/internal/signarea"
)

// NS is the namespace of the bhytdoc properties.
const NS = signarea.NS

// Signer is one signer: the name and the position printed above it.
type Signer struct {
	Name     string
	Position string
}

// Record is the document record.
type Record struct {
	Kind         string
	Number       int // 0: none yet
	Symbol       string
	Issuer       string
	IssuerParent string
	Summary      string
	Date         string // XMP Date: "2020-05-18", "2020-05" or "2020"
	Draft        bool
	Signers      []Signer
	Addressees   []string
	Recipients   []string
	Pages        int
}

// Archive is what archival (PDF/A-2b) mode adds to the packet. Each value
// must equal its Info dictionary counterpart, as PDF/A requires: Title
// (dc:title), Author (dc:creator), Subject (dc:description), Creator
// (xmp:CreatorTool), Producer (pdf:Producer), CreationDate and ModDate
// (xmp:CreateDate, xmp:ModifyDate).
type Archive struct {
	Title, Author, Subject, Creator, Producer string
	// Date is the creation, modification and metadata date.
	Date time.Time
}

// Packet is everything a packet holds.
type Packet struct {
	Record   Record
	Areas    []signarea.Area
	Archival *Archive // nil outside archival mode
}

// Namespaces of the predefined schemas PDF/A knows.
const (
	rdfNS      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	pdfaidNS   = "http://www.aiim.org/pdfa/ns/id/"
	dcNS       = "http://purl.org/dc/elements/1.1/"
	xmpNS      = "http://ns.adobe.com/xap/1.0/"
	pdfNS      = "http://ns.adobe.com/pdf/1.3/"
	extNS      = "http://www.aiim.org/pdfa/ns/extension/"
	schemaNS   = "http://www.aiim.org/pdfa/ns/schema#"
	propertyNS = "http://www.aiim.org/pdfa/ns/property#"
	typeNS     = "http://www.aiim.org/pdfa/ns/type#"
	fieldNS    = "http://www.aiim.org/pdfa/ns/field#"
)

// XMPDate formats t as an XMP date with its offset ("2020-05-18T00:00:00+07:00").
func XMPDate(t time.Time) string { return t.Format("2006-01-02T15:04:05Z07:00") }

// XMP returns the packet. It depends only on p, so output is deterministic.
func XMP(p *Packet) []byte {
	var b bytes.Buffer
	n := 4096
	if p.Archival != nil {
		n += len(extension()) + 2048
	}
	b.Grow(n)
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString(" <rdf:RDF xmlns:rdf=\"" + rdfNS + "\">\n")
	if a := p.Archival; a != nil {
		desc(&b, "pdfaid", pdfaidNS)
		b.WriteString("   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n")
		b.WriteString("  </rdf:Description>\n")
		desc(&b, "dc", dcNS)
		b.WriteString("   <dc:format>application/pdf</dc:format>\n")
		alt(&b, "dc:title", a.Title)
		if a.Author != "" {
			b.WriteString("   <dc:creator><rdf:Seq><rdf:li>")
			esc(&b, a.Author)
			b.WriteString("</rdf:li></rdf:Seq></dc:creator>\n")
		}
		if a.Subject != "" {
			alt(&b, "dc:description", a.Subject)
		}
		b.WriteString("   <dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>\n")
		b.WriteString("  </rdf:Description>\n")
		desc(&b, "xmp", xmpNS)
		d := XMPDate(a.Date)
		simple(&b, "xmp:CreateDate", d)
		simple(&b, "xmp:ModifyDate", d)
		simple(&b, "xmp:MetadataDate", d)
		simple(&b, "xmp:CreatorTool", a.Creator)
		b.WriteString("  </rdf:Description>\n")
		desc(&b, "pdf", pdfNS)
		simple(&b, "pdf:Producer", a.Producer)
		b.WriteString("  </rdf:Description>\n")
		b.WriteString(extension())
	}
	desc(&b, "bhytdoc", NS)
	r := &p.Record
	simple(&b, "bhytdoc:Kind", r.Kind)
	if r.Number > 0 {
		simple(&b, "bhytdoc:Number", strconv.Itoa(r.Number))
	}
	simple(&b, "bhytdoc:Symbol", r.Symbol)
	simple(&b, "bhytdoc:Issuer", r.Issuer)
	if r.IssuerParent != "" {
		simple(&b, "bhytdoc:IssuerParent", r.IssuerParent)
	}
	simple(&b, "bhytdoc:Summary", r.Summary)
	simple(&b, "bhytdoc:Date", r.Date)
	simple(&b, "bhytdoc:Draft", map[bool]string{false: "False", true: "True"}[r.Draft])
	if len(r.Signers) > 0 {
		b.WriteString("   <bhytdoc:Signers><rdf:Seq>\n")
		for _, s := range r.Signers {
			b.WriteString("    <rdf:li rdf:parseType=\"Resource\"><bhytdoc:Name>")
			esc(&b, s.Name)
			b.WriteString("</bhytdoc:Name><bhytdoc:Position>")
			esc(&b, s.Position)
			b.WriteString("</bhytdoc:Position></rdf:li>\n")
		}
		b.WriteString("   </rdf:Seq></bhytdoc:Signers>\n")
	}
	seq(&b, "bhytdoc:Addressees", r.Addressees)
	seq(&b, "bhytdoc:Recipients", r.Recipients)
	simple(&b, "bhytdoc:Pages", strconv.Itoa(r.Pages))
	if len(p.Areas) > 0 {
		signarea.WriteProperty(&b, p.Areas)
	}
	b.WriteString("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString("<?xpacket end=\"w\"?>")
	return b.Bytes()
}

func desc(b *bytes.Buffer, prefix, ns string) {
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:" + prefix + "=\"" + ns + "\">\n")
}

func simple(b *bytes.Buffer, name, v string) {
	b.WriteString("   <" + name + ">")
	esc(b, v)
	b.WriteString("</" + name + ">\n")
}

func alt(b *bytes.Buffer, name, v string) {
	b.WriteString("   <" + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">")
	esc(b, v)
	b.WriteString("</rdf:li></rdf:Alt></" + name + ">\n")
}

func seq(b *bytes.Buffer, name string, vs []string) {
	if len(vs) == 0 {
		return
	}
	b.WriteString("   <" + name + "><rdf:Seq>\n")
	for _, v := range vs {
		b.WriteString("    <rdf:li>")
		esc(b, v)
		b.WriteString("</rdf:li>\n")
	}
	b.WriteString("   </rdf:Seq></" + name + ">\n")
}

func esc(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // a bytes.Buffer does not fail
}

// elems writes each (name, value) as <prefix:name>value</prefix:name>,
// the fields of an extension schema's structures.
func elems(b *bytes.Buffer, prefix string, kvs [][2]string) {
	for _, kv := range kvs {
		b.WriteString("<" + prefix + ":" + kv[0] + ">")
		esc(b, kv[1])
		b.WriteString("</" + prefix + ":" + kv[0] + ">")
	}
}

// property is one row of the extension schema description.
type property struct{ name, valueType, category, desc string }

// field is one field of a structured value type.
type field struct{ name, valueType, desc string }

var properties = []property{
	{"Kind", "Text", "external", "Tên loại văn bản: kind of document (Công văn, Kế hoạch, Báo cáo …)"},
	{"Number", "Integer", "external", "Số: registration number; absent while a draft awaits registration"},
	{"Symbol", "Text", "external", "Ký hiệu: symbol written after the number (KH-UBND)"},
	{"Issuer", "Text", "external", "Cơ quan ban hành: issuing body"},
	{"IssuerParent", "Text", "external", "Cơ quan chủ quản: the issuing body's parent body"},
	{"Summary", "Text", "external", "Trích yếu nội dung: summary of the content"},
	{"Date", "Date", "external", "Ngày, tháng, năm văn bản: date of issue (a draft may give the year and month, or the year)"},
	{"Draft", "Boolean", "external", "True for a draft awaiting registration"},
	{"Signers", "Seq Signer", "external", "Người ký: the signers, in the order of the signature blocks"},
	{"Addressees", "Seq Text", "external", "Kính gửi: the addressees"},
	{"Recipients", "Seq Text", "external", "Nơi nhận: recipients of copies, as printed"},
	{"Pages", "Integer", "external", "Số trang: number of pages"},
	{"SignatureAreas", "Seq SignatureArea", "internal", "Where each signature block's signature and seal images are drawn, for digital signatures"},
}

var valueTypes = []struct {
	name, desc string
	fields     []field
}{
	{"Signer", "A signer", []field{
		{"Name", "Text", "The signer's name"},
		{"Position", "Text", "The signer's position, as printed above the name"},
	}},
	{"SignatureArea", "The rectangle of a signature or seal image", []field{
		{"Role", "Text", "signer (signature image) or organisation (seal image)"},
		{"Block", "Integer", "Signature block, from 0"},
		{"Page", "Integer", "Page, from 1"},
		{"Rect", "Text", "x0 y0 x1 y1 in PDF points, origin bottom left"},
	}},
}

// extension is the pdfaExtension description of the bhytdoc schema
// (ISO 19005-2, 6.6.2.3.2): every property and structured value type
// bhytdoc uses outside the predefined schemas. Only PDF/A output carries
// it, so it is built on first use, not at start-up.
var extension = sync.OnceValue(func() string {
	var b bytes.Buffer
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"" + extNS + "\" xmlns:pdfaSchema=\"" + schemaNS +
		"\" xmlns:pdfaProperty=\"" + propertyNS + "\" xmlns:pdfaType=\"" + typeNS + "\" xmlns:pdfaField=\"" + fieldNS + "\">\n")
	b.WriteString("   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
	simple(&b, "pdfaSchema:schema", "bhytdoc document record (Decree 30/2020/NĐ-CP, Appendix VI)")
	simple(&b, "pdfaSchema:namespaceURI", NS)
	simple(&b, "pdfaSchema:prefix", "bhytdoc")
	b.WriteString("   <pdfaSchema:property><rdf:Seq>\n")
	for _, p := range properties {
		b.WriteString("    <rdf:li rdf:parseType=\"Resource\">")
		elems(&b, "pdfaProperty", [][2]string{{"name", p.name}, {"valueType", p.valueType}, {"category", p.category}, {"description", p.desc}})
		b.WriteString("</rdf:li>\n")
	}
	b.WriteString("   </rdf:Seq></pdfaSchema:property>\n")
	b.WriteString("   <pdfaSchema:valueType><rdf:Seq>\n")
	for _, t := range valueTypes {
		b.WriteString("    <rdf:li rdf:parseType=\"Resource\">")
		elems(&b, "pdfaType", [][2]string{{"type", t.name}, {"namespaceURI", NS}, {"prefix", "bhytdoc"}, {"description", t.desc}})
		b.WriteString("<pdfaType:field><rdf:Seq>\n")
		for _, f := range t.fields {
			b.WriteString("     <rdf:li rdf:parseType=\"Resource\">")
			elems(&b, "pdfaField", [][2]string{{"name", f.name}, {"valueType", f.valueType}, {"description", f.desc}})
			b.WriteString("</rdf:li>\n")
		}
		b.WriteString("    </rdf:Seq></pdfaType:field></rdf:li>\n")
	}
	b.WriteString("   </rdf:Seq></pdfaSchema:valueType>\n")
	b.WriteString("   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
	b.WriteString("  </rdf:Description>\n")
	return b.String()
})

// ErrNoRecord reports a packet without a bhytdoc document record.
var ErrNoRecord = errors.New("no bhytdoc document record in the XMP metadata")

// Read is what Parse finds in a packet.
type Read struct {
	Record Record
	// PDFA is the PDF/A part and conformance ("2B"), empty if none.
	PDFA string
}

// The structure Parse decodes; tags name the namespaces.
type xPacket struct {
	Descs []xDesc `xml:"http://www.w3.org/1999/02/22-rdf-syntax-ns# RDF>Description"`
}

type xDesc struct {
	Kind         *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Kind"`
	Number       *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Number"`
	Symbol       *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Symbol"`
	Issuer       *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Issuer"`
	IssuerParent *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ IssuerParent"`
	Summary      *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Summary"`
	Date         *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Date"`
	Draft        *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Draft"`
	Pages        *string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Pages"`
	Signers      *xSeq   `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Signers"`
	Addressees   *xSeq   `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Addressees"`
	Recipients   *xSeq   `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Recipients"`
	Part         *string `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
	Conformance  *string `xml:"http://www.aiim.org/pdfa/ns/id/ conformance"`
}

type xSeq struct {
	Li []xLi `xml:"http://www.w3.org/1999/02/22-rdf-syntax-ns# Seq>li"`
}

type xLi struct {
	Text     string `xml:",chardata"`
	Name     string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Name"`
	Position string `xml:"https://github.com/bhytdoc/bhytdoc/ns/1.0/ Position"`
}

// MaxPacket bounds the packet Parse reads.
const MaxPacket = signarea.MaxPacket

var xmpDate = lazyre.New(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// Parse reads the document record and the PDF/A identification from a
// packet. A packet without a record gives ErrNoRecord; a malformed value
// is an error naming its property.
func Parse(r io.Reader) (*Read, error) {
	var x xPacket
	dec := xml.NewDecoder(io.LimitReader(r, MaxPacket))
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("XMP metadata: %w", err)
	}
	out := &Read{}
	rec := &out.Record
	found := false
	var errs []error
	bad := func(prop, v, want string) {
		errs = append(errs, fmt.Errorf("XMP metadata: bhytdoc:%s: %q is not %s", prop, v, want))
	}
	for _, d := range x.Descs {
		if d.Part != nil && d.Conformance != nil {
			out.PDFA = strings.TrimSpace(*d.Part) + strings.TrimSpace(*d.Conformance)
		}
		if d.Kind == nil {
			continue
		}
		found = true
		for _, s := range []struct {
			v   *string
			dst *string
		}{{d.Kind, &rec.Kind}, {d.Symbol, &rec.Symbol}, {d.Issuer, &rec.Issuer}, {d.IssuerParent, &rec.IssuerParent},
			{d.Summary, &rec.Summary}, {d.Date, &rec.Date}} {
			if s.v != nil {
				*s.dst = *s.v
			}
		}
		if d.Number != nil {
			n, err := strconv.Atoi(strings.TrimSpace(*d.Number))
			if err != nil || n < 1 {
				bad("Number", *d.Number, "a whole number from 1")
			}
			rec.Number = n
		}
		if d.Pages != nil {
			n, err := strconv.Atoi(strings.TrimSpace(*d.Pages))
			if err != nil || n < 1 {
				bad("Pages", *d.Pages, "a whole number from 1")
			}
			rec.Pages = n
		}
		if d.Draft != nil {
			switch strings.TrimSpace(*d.Draft) {
			case "True":
				rec.Draft = true
			case "False":
			default:
				bad("Draft", *d.Draft, "True or False")
			}
		}
		if rec.Date != "" && !xmpDate.MatchString(rec.Date) {
			bad("Date", rec.Date, "a date (YYYY-MM-DD, YYYY-MM or YYYY)")
		}
		if d.Signers != nil {
			for _, li := range d.Signers.Li {
				rec.Signers = append(rec.Signers, Signer{Name: li.Name, Position: li.Position})
			}
		}
		rec.Addressees = texts(d.Addressees)
		rec.Recipients = texts(d.Recipients)
	}
	if !found {
		return nil, ErrNoRecord
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func texts(s *xSeq) []string {
	if s == nil {
		return nil
	}
	out := make([]string, len(s.Li))
	for i, li := range s.Li {
		out[i] = li.Text
	}
	return out
}
