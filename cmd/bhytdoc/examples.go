package main

import (
	"fmt"
	"io"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
	"github.com/bhytdoc/bhytdoc/examples/quyetdinh"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

func runExamples(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("examples", stderr)
	dir := fs.String("o", "out", "output `directory`")
	pdfa := fs.Bool("pdfa", false, "write PDF/A-2b (archival)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(stderr, "bhytdoc examples: unexpected arguments:", fs.Args())
		return exitUsage
	}
	var outs []output
	for _, ex := range append(append(seeds.All(), quyetdinh.All()...), kinds.All()...) {
		b, err := bhytdoc.RenderPDF(ex.Doc, &bhytdoc.Options{Archival: *pdfa})
		if err != nil {
			return report(stderr, ex.Name, err)
		}
		outs = append(outs, output{ex.Name + ".pdf", b})
	}
	if err := writeSet(stdout, *dir, outs); err != nil {
		return report(stderr, "", err)
	}
	return exitOK
}
