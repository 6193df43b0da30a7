// Command sonduong renders seed 001, the draft công văn …/UBND-VX of Ủy ban
// nhân dân huyện Sơn Dương (June 2021), to DIR/son-duong-UBND-VX.pdf.
//
// Usage:
//
//	go run ./examples/sonduong [-o DIR]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
)

func main() {
	dir := flag.String("o", "out", "output `directory` (created if needed)")
	flag.Parse()
	// RenderPDF normalises, validates and checks every rune against the
	// font before anything is written.
	var path string
	pdf, err := bhytdoc.RenderPDF(seeds.SonDuong(), nil)
	if err == nil {
		path, err = atomicfile.Write(*dir, "son-duong-UBND-VX.pdf", pdf)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sonduong:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
