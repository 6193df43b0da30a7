package xlsx

import (
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens is every token of x as s reads it, up to its error.
func tokens(s *scanner) string {
	var b strings.Builder
	for {
		k, err := s.next()
		if err != nil {
			fmt.Fprintf(&b, "error %v", err)
			return b.String()
		}
		switch k {
		case tokEOF:
			return b.String()
		case tokStart:
			fmt.Fprintf(&b, "<%s self=%v", s.name, s.self)
			for _, a := range s.attrs {
				fmt.Fprintf(&b, " %s=%q", a.name, s.value(a))
			}
			b.WriteString(">\n")
		case tokEnd:
			fmt.Fprintf(&b, "</%s>\n", s.name)
		case tokText:
			fmt.Fprintf(&b, "%q\n", s.text)
		}
	}
}

// A token read from the buffer (nextBuffered) is the token read from
// the reader (nextRead), which reads a byte at a time here: odd quotes,
// comments, CDATA, entities, a '>' in a value, malformed tags.
func TestScannerPaths(t *testing.T) {
	for _, x := range []string{
		`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Phường Số 1</t></is></c><c r="B1" s="3"><v>4081</v></c></row></sheetData></worksheet>`,
		`<a x='>' y="'"><b/><c z = "1" /></a>`,
		`<a><!-- <b> --><![CDATA[<x>&amp;]]><?pi >?>text &amp; &#x41;&#66;&lt;&gt;&quot;&apos; a&#13;b` + "\r\n" + `c</a>`,
		`<x:c r="E1" a"b="1">v</x:c>`,
		`<a "b>c</a>`,
		`<a b=c>`,
		`<a b="c>d`,
		`<>`,
		`</>`,
		`< / a >`,
		`<a b>`,
		`<a b=>`,
		`<!DOCTYPE x>`,
		`<a>&bogus;</a>`,
		`<a>&`,
		`<a b="&#xFFFFFFFFF;">`,
		`<a>` + strings.Repeat("x", 70<<10) + `</a><b c="` + strings.Repeat("y", 70<<10) + `"/>`,
	} {
		fast := tokens(newScanner(strings.NewReader(x)))
		slow := tokens(newScanner(iotest.OneByteReader(strings.NewReader(x))))
		if fast != slow {
			t.Errorf("%.60q:\nbuffered:\n%s\nbyte by byte:\n%s", x, fast, slow)
		}
	}
}
