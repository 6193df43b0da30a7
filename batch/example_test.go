package batch_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"iter"
	"log"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// letter is the công văn sent to one ward.
func letter(ward string, number int) *bhytdoc.Document {
	body, err := bhytdoc.ParseBody("Đề nghị Ủy ban nhân dân " + ward + " rà soát, vận động người dân tham gia bảo hiểm y tế./.\n")
	if err != nil {
		log.Fatal(err)
	}
	return &bhytdoc.Document{
		Kind:       bhytdoc.CongVan,
		Issuer:     bhytdoc.Issuer{Name: "Ủy ban nhân dân\nquận Cái Răng", Abbrev: "UBND"},
		Number:     number,
		Place:      "Cái Răng",
		Date:       bhytdoc.Date{Year: 2020, Month: 5, Day: 18},
		Summary:    "tăng cường vận động tham gia bảo hiểm y tế",
		Addressees: []string{"Chủ tịch Ủy ban nhân dân " + ward},
		Body:       body,
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.KT, Title: "Chủ tịch"}},
			Position:  "Phó Chủ tịch",
			Name:      "Vương Công Khanh",
		}},
		Recipients: []bhytdoc.Recipient{{Name: "Như kính gửi"}},
		Luu:        []string{"VT"},
	}
}

// One letter per ward, as PDF files in a zip archive and as one PDF for
// printing.
func ExampleRenderer() {
	wards := []string{"phường Lê Bình", "phường Hưng Phú", "phường Lê Bình"}
	var names batch.Names
	docs := func(yield func(batch.Item, error) bool) {
		for i, w := range wards {
			it := batch.Item{Name: names.Unique(w), Title: "Gửi " + w, Doc: letter(w, 900+i)}
			if !yield(it, nil) {
				return
			}
		}
	}
	var zipped, book bytes.Buffer
	r := &batch.Renderer{Formats: []batch.Format{batch.PDF}, Jobs: 2}
	sink := batch.Tee(batch.NewZipSink(&zipped), batch.NewBookSink(&book, nil))
	if err := r.Render(iter.Seq2[batch.Item, error](docs), sink); err != nil {
		log.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range z.File {
		fmt.Println(f.Name)
	}
	fmt.Println(bytes.HasPrefix(book.Bytes(), []byte("%PDF-")))
	// Output:
	// phường-Lê-Bình.pdf
	// phường-Hưng-Phú.pdf
	// phường-Lê-Bình-2.pdf
	// true
}

func ExampleFileName() {
	fmt.Println(batch.FileName("Phường An Bình"))
	fmt.Println(batch.FileName("../Xã Yên/Lạc"))
	fmt.Println(batch.ASCIIName("Thị trấn Đồng Đăng"))
	// Output:
	// Phường-An-Bình
	// Xã-Yên-Lạc
	// Thi-tran-Dong-Dang
}
