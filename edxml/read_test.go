package edxml

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
)

// sampleWant is what testdata/sample.edxml holds: a package of the public
// sample's structure (all4u1089/truclienthong-example
// resources/edoc_new.edxml) with values of our own.
func sampleWant(t testing.TB) *Package {
	data, err := os.ReadFile("testdata/sample.bin")
	if err != nil {
		t.Fatal(err)
	}
	return &Package{
		Header: Header{
			From: Organization{OrganID: "000.00.31.H55", InCharge: "UBND tỉnh Bến Tre", Name: "UBND huyện Mỏ Cày Nam",
				Address: "Khu phố 7, thị trấn Mỏ Cày, huyện Mỏ Cày Nam", Email: "ubnd@mocaynam.bentre.gov.vn",
				Telephone: "0275 3843 123", Fax: "0275 3843 124", Website: "mocaynam.bentre.gov.vn"},
			To: []Organization{
				{OrganID: "31.55.H55", InCharge: "UBND huyện Mỏ Cày Nam", Name: "UBND xã An Thạnh", Address: "Ấp An Ninh, xã An Thạnh",
					Email: "anthanh@mocaynam.bentre.gov.vn", Telephone: "(0275) 3850 001"},
				{OrganID: "32.55.H55", InCharge: "UBND huyện Mỏ Cày Nam", Name: "UBND xã Định Thủy", Address: "Ấp Phước Hậu, xã Định Thủy",
					Email: "dinhthuy@mocaynam.bentre.gov.vn", Telephone: "(0275) 3850 002"},
			},
			DocumentID:   "000.00.31.H55,2024/03/12,215/UBND-VX",
			Code:         Code{Number: "215", Notation: "UBND-VX"},
			Promulgation: Promulgation{Place: "Mỏ Cày Nam", Date: "2024/03/12"},
			DocumentType: DocumentType{Type: 1, TypeDetail: 0, TypeName: "Công văn"},
			Subject:      "V/v đẩy mạnh phát triển người tham gia bảo hiểm y tế hộ gia đình",
			Content:      "Đề nghị các xã rà soát danh sách hộ gia đình chưa tham gia BHYT & báo cáo trước ngày 30/4",
			Signer:       SignerInfo{Competence: "KT. CHỦ TỊCH", Position: "Phó Chủ tịch", FullName: "Lê Văn Tám"},
			DueDate:      "2024/04/30",
			Other: OtherInfo{Priority: 1, SphereOfPromulgation: "Liên thông văn bản cấp huyện", TyperNotation: "NTH",
				PromulgationAmount: 12, PageAmount: 3, Direction: true,
				Appendixes: []string{"Chỉ tiêu phát triển người tham gia BHYT năm 2024"}},
			SteeringType: 1,
			ToPlaces:     []string{"UBND các xã, thị trấn", "BHXH huyện"},
			Trace: TraceList{
				Headers: []TraceHeader{{OrganID: "000.00.31.H55", Timestamp: "2024/03/12 14:05:00"}},
				Business: &Business{DocumentID: "000.00.31.H55,2024/03/12,215/UBND-VX", DocType: 0,
					Reason: "Văn bản điện tử mới", Paper: 0,
					Staff: &StaffInfo{Department: "Văn phòng HĐND và UBND huyện", Staff: "Nguyễn Thị Hoa",
						Email: "vanthu@mocaynam.bentre.gov.vn", Mobile: "0912345678"}},
			},
		},
		Attachments: []Attachment{{ContentID: "cid:7", Name: "215_UBND-VX.zip", Description: "Công văn 215 (bản ký số)",
			ContentType: "application/zip", Data: data}},
	}
}

func readFile(t *testing.T, name string) *Package {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Read(f)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return p
}

// TestReadSample reads the fixture without loss: every field, the trace,
// the signature's XML and the attachment's bytes.
func TestReadSample(t *testing.T) {
	got := readFile(t, "testdata/sample.edxml")
	want := sampleWant(t)
	if !strings.Contains(got.Header.Signature, "<SignatureValue>Zml4dHVyZSBzaWduYXR1cmU=</SignatureValue>") ||
		!strings.Contains(got.Header.Signature, `Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"`) {
		t.Errorf("signature not kept: %q", got.Header.Signature)
	}
	got.Header.Signature = ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read(sample):\n got %+v\nwant %+v", got, want)
	}
}

// TestRoundTripSample writes what was read and reads it back: the same
// package, signature included.
func TestRoundTripSample(t *testing.T) {
	p := readFile(t, "testdata/sample.edxml")
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	q, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("Read(Write(sample)): %v\n%s", err, buf.Bytes())
	}
	if !reflect.DeepEqual(p, q) {
		t.Errorf("round trip:\n got %+v\nwant %+v", q, p)
	}
	var again bytes.Buffer
	if err := Write(&again, q); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("writing the same package twice gave different bytes")
	}
}

// shape lists a package's elements in document order as the sample names
// them: prefix, local name, namespace URI and depth. Text is left out.
func shape(t *testing.T, data []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	depth := 0
	ns := []map[string]string{{}}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			m := map[string]string{}
			for k, v := range ns[len(ns)-1] {
				m[k] = v
			}
			for _, a := range tok.Attr {
				if a.Name.Space == "xmlns" {
					m[a.Name.Local] = a.Value
				} else if a.Name.Space == "" && a.Name.Local == "xmlns" {
					m[""] = a.Value
				}
			}
			ns = append(ns, m)
			out = append(out, strings.Repeat(" ", depth)+tok.Name.Space+":"+tok.Name.Local+" {"+m[tok.Name.Space]+"}")
			depth++
		case xml.EndElement:
			ns = ns[:len(ns)-1]
			depth--
		}
	}
}

// TestConformance checks a package bhytdoc writes against the sample's
// structure: the same elements, prefixes, namespaces, nesting and order.
func TestConformance(t *testing.T) {
	sample, err := os.ReadFile("testdata/sample.edxml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, sampleWant(t)); err != nil {
		t.Fatal(err)
	}
	want := shape(t, sample)
	got := shape(t, buf.Bytes())
	// The signature is the platform's: the package bhytdoc builds has none.
	var trimmed []string
	skip := -1 // depth of the Signature element while inside it
	for _, s := range want {
		depth := len(s) - len(strings.TrimLeft(s, " "))
		if skip >= 0 && depth > skip {
			continue
		}
		skip = -1
		if strings.TrimSpace(s) == ":Signature {"+Namespace+"}" {
			skip = depth
			continue
		}
		trimmed = append(trimmed, s)
	}
	if !reflect.DeepEqual(got, trimmed) {
		t.Errorf("written structure differs from the sample's:\n got %s\nwant %s", strings.Join(got, "\n"), strings.Join(trimmed, "\n"))
	}
	if len(got) < 80 {
		t.Errorf("only %d elements compared", len(got))
	}
}
