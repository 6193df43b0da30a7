package bhytdoc_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// The Cái Răng letter as a Word document, and the parts of the package.
func ExampleWriteDOCX() {
	var buf bytes.Buffer
	if err := bhytdoc.WriteDOCX(&buf, seeds.CaiRang(), nil); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	// Output:
	// [Content_Types].xml
	// _rels/.rels
	// docProps/app.xml
	// docProps/core.xml
	// word/_rels/document.xml.rels
	// word/document.xml
	// word/header1.xml
	// word/header2.xml
	// word/settings.xml
	// word/styles.xml
}
