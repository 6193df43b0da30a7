// Command namtruc renders the quyết định giao chỉ tiêu of Ủy ban nhân dân huyện
// Nam Trực, Quyết định số 330/QĐ-UBND (reconstructed, see quyetdinh.NamTruc),
// to DIR/nam-truc-330-QD-UBND.pdf.
//
// Usage:
//
//	go run ./examples/namtruc [-o DIR]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/quyetdinh"
	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
)

func main() {
	dir := flag.String("o", "out", "output `directory` (created if needed)")
	flag.Parse()
	// RenderPDF normalises, validates and checks every rune against the
	// font before anything is written.
	var path string
	pdf, err := bhytdoc.RenderPDF(quyetdinh.NamTruc(), nil)
	if err == nil {
		path, err = atomicfile.Write(*dir, "nam-truc-330-QD-UBND.pdf", pdf)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "namtruc:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
