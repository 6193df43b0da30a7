// Command namtoan renders seed 002, the 2022 health-insurance coverage plan
// (Kế hoạch) of Ủy ban nhân dân xã Nam Toàn, to DIR/nam-toan-KH-2022.pdf.
//
// Usage:
//
//	go run ./examples/namtoan [-o DIR]
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
	pdf, err := bhytdoc.RenderPDF(seeds.NamToan(), nil)
	if err == nil {
		path, err = atomicfile.Write(*dir, "nam-toan-KH-2022.pdf", pdf)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "namtoan:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
