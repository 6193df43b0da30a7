package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

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
	fmt.Fprintf(stdout, "%s\n", escapeControls(b))
	return exitOK
}

// escapeControls writes every character of the JSON text b that is not
// printable (C0 and C1 controls, bidirectional overrides such as U+202E,
// other format characters) as a \u escape, except the newlines and
// spaces of the indentation. The record comes from a file anyone may
// have written: its text must not reorder or hide what the terminal
// shows. The JSON means the same; only its spelling changes. Outside
// strings JSON holds only ASCII, so every such character is inside one.
func escapeControls(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == '\n' || r == ' ' || unicode.IsPrint(r) {
			out = append(out, b[i:i+n]...)
		} else {
			for _, u := range utf16.Encode([]rune{r}) {
				out = fmt.Appendf(out, `\u%04x`, u)
			}
		}
		i += n
	}
	return out
}
