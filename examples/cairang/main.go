// Command cairang renders seed 000, Công văn số 898/UBND of Ủy ban nhân
// dân quận Cái Răng (18/5/2020), to DIR/cai-rang-898-UBND.pdf.
//
// Usage:
//
//	go run ./examples/cairang [-o DIR]
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
	pdf, err := bhytdoc.RenderPDF(seeds.CaiRang(), nil)
	if err == nil {
		path, err = atomicfile.Write(*dir, "cai-rang-898-UBND.pdf", pdf)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "cairang:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
