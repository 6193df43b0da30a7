package pdf

import (
	"bytes"
	"fmt"
	"testing"
	"unicode/utf16"
)

// TestBookFormatsLikeFmt compares the Book's appended PDF text strings
// and cross-reference lines with the fmt formats they replace.
func TestBookFormatsLikeFmt(t *testing.T) {
	for _, s := range []string{"", "bhytdoc", "Công văn số 01/UBND-LĐTBXH: giao chỉ tiêu", "€ \u00a0 \U0001F600 \xff"} {
		var want bytes.Buffer
		want.WriteString("<FEFF")
		for _, u := range utf16.Encode([]rune(s)) {
			fmt.Fprintf(&want, "%04X", u)
		}
		want.WriteString(">")
		if got := pdfText(s); got != want.String() {
			t.Errorf("pdfText(%q) = %s, want %s", s, got, want.String())
		}
	}
	line := []byte("0000000000 00000 n \n")
	for _, off := range []int{0, 7, 15, 9999999999, 10000000000, 123456789012, 1 << 40, 42} {
		if got, want := string(xrefLine(line, off)), fmt.Sprintf("%010d 00000 n \n", off); got != want {
			t.Errorf("xrefLine(%d) = %q, want %q", off, got, want)
		}
	}
}

// TestXrefEntryLikeSscanf compares xrefEntry with the fmt.Sscanf it
// replaced on the entries fpdf writes and on a few it does not.
func TestXrefEntryLikeSscanf(t *testing.T) {
	for _, l := range []string{"0000012345 00000 n ", "0000000009 00000 n", "0000000000 65535 f ", "12 0 n", "x 0 n", "12 y n", "12 0", ""} {
		var off, gen int
		var kind string
		_, err := fmt.Sscanf(l, "%d %d %s", &off, &gen, &kind)
		gotOff, gotKind, ok := xrefEntry([]byte(l))
		if ok != (err == nil) || ok && (gotOff != off || gotKind != kind) {
			t.Errorf("xrefEntry(%q) = %d, %q, %v; Sscanf %d, %q, %v", l, gotOff, gotKind, ok, off, kind, err)
		}
	}
}
