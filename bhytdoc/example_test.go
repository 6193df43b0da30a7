package bhytdoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// A công văn built in Go and rendered to PDF.
func ExampleWritePDF() {
	body, err := bhytdoc.ParseBody(`Để hoàn thành chỉ tiêu **90%** độ bao phủ bảo hiểm y tế năm 2020, Chủ tịch Ủy ban nhân dân quận có ý kiến như sau:

1. Giao Giám đốc Bảo hiểm xã hội quận cung cấp kịp thời thông tin về thời hạn thẻ.
2. Giao Ủy ban nhân dân các phường rà soát, vận động người dân tham gia./.
`)
	if err != nil {
		log.Fatal(err)
	}
	doc := &bhytdoc.Document{
		Kind:       bhytdoc.CongVan,
		Issuer:     bhytdoc.Issuer{Name: "Ủy ban nhân dân\nquận Cái Răng", Abbrev: "UBND"},
		Number:     898,
		Place:      "Cái Răng",
		Date:       bhytdoc.Date{Year: 2020, Month: 5, Day: 18},
		Summary:    "tăng cường vận động tham gia bảo hiểm y tế",
		Addressees: []string{"Chủ tịch Ủy ban nhân dân các phường"},
		Body:       body,
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.KT, Title: "Chủ tịch"}},
			Position:  "Phó Chủ tịch",
			Name:      "Vương Công Khanh",
		}},
		Recipients: []bhytdoc.Recipient{{Name: "Như kính gửi"}, {Name: "UBND thành phố", Purpose: "Báo cáo"}},
		Luu:        []string{"VT"},
	}
	var buf bytes.Buffer
	if err := bhytdoc.WritePDF(&buf, doc, nil); err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
	fmt.Println("Số: " + doc.NumberSymbol())
	fmt.Println(doc.PlaceDate())
	// Output:
	// true
	// Số: 898/UBND
	// Cái Răng, ngày 18 tháng 5 năm 2020
}

// Validate reports every problem at once, each naming its field.
func ExampleDocument_Validate() {
	doc := &bhytdoc.Document{
		Kind:   bhytdoc.KeHoach,
		Issuer: bhytdoc.Issuer{Name: "Ủy ban nhân dân xã Nam Toàn", Abbrev: "UBND"},
		Place:  "Nam Toàn",
		Date:   bhytdoc.Date{Year: 2022, Month: 2, Day: 30},
	}
	err := doc.Validate()
	var ve *bhytdoc.ValidationError
	if errors.As(err, &ve) {
		for _, e := range ve.Errors {
			fmt.Println(e)
		}
	}
	// Output:
	// Number: empty: only a Draft may leave the number blank
	// Date: day 30 out of range 1–28 for 2/2022
	// Summary: empty
	// Body: empty
	// Signatures: missing: a document needs a signature block
	// Recipients: empty: list the recipients and Luu
	// Luu: empty: at least "VT" (văn thư)
}

// Bodies are written in Markdown; numbering follows the document's own.
func ExampleParseBody() {
	blocks, err := bhytdoc.ParseBody("## I. MỤC TIÊU\n\n- Tăng tỷ lệ dân số tham gia BHYT;\n\na) đạt **95%** vào cuối năm 2022.\n")
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range blocks {
		fmt.Printf("%s %q %q\n", b.Kind, b.Marker(), b.Plain())
	}
	// Output:
	// Section "I." "MỤC TIÊU"
	// Dash "-" "Tăng tỷ lệ dân số tham gia BHYT;"
	// Point "a)" "đạt 95% vào cuối năm 2022."
}
