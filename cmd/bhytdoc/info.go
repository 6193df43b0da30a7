package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// runInfo prints the document record of a PDF written by bhytdoc as JSON
// (see bhytdoc.ReadInfo).
func runInfo(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("info", stderr)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		return missing(stderr, fs, "FILE.pdf (one PDF)")
	}
	f, err := openInput(pos[0], bhytdoc.MaxInfoSize)
	if err != nil {
		return report(stderr, "", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return report(stderr, "", err)
	}
	info, err := bhytdoc.ReadInfo(f, st.Size())
	if err != nil {
		// "bhytdoc: FILE: …", not "bhytdoc: FILE: bhytdoc: …".
		fmt.Fprintf(stderr, "bhytdoc: %s: %s\n", pos[0], strings.TrimPrefix(err.Error(), "bhytdoc: "))
		return exitInvalid
	}
	b, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return report(stderr, pos[0], err)
	}
	fmt.Fprintf(stdout, "%s\n", b)
	return exitOK
}
