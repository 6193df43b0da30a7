package xlsx

import (
	"fmt"
	"io"
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

// rowsOf is every row of the worksheet x as the sheet reader reads it
// from r, and its error.
func rowsOf(wb *Workbook, r io.Reader) string {
	var b strings.Builder
	sr := sheetReader{wb: wb, s: newScanner(r), row: -1}
	sr.fn = func(r int, vals []Value) error {
		fmt.Fprintf(&b, "%d %+v\n", r, vals)
		return nil
	}
	fmt.Fprintf(&b, "error %v", sr.read())
	return b.String()
}

// Cells read whole from the buffer (scanner.simple) are the cells read
// token by token, which the reader does a byte at a time.
func TestReadCellPaths(t *testing.T) {
	wb := &Workbook{strings: []string{"s0", "s1"}, formats: []NumFormat{general, {Percent: true, Decimals: 2}}}
	for _, x := range []string{
		`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Phường Số 1</t></is></c><c r="C2" s="1"><v>0.995</v></c><c r="D2" t="s"><v>1</v></c><c r="E2" t="inlineStr"><is><t>2018-12-31</t></is></c></row>`,
		`<row><c><v></v></c><c t="inlineStr"><is><t></t></is></c><c t="s"><v>7</v></c></row>`,
		`<row><c t="b"><v>1</v></c><c t="d"><v>2019-01-01T00:00</v></c><c t="str"><v>a&amp;b</v></c><c><v>1` + "\r\n" + `</v></c></row>`,
		`<row><c><v>1<!-- x --></v></c><c><v>2</v><f>A1</f></c><c t="inlineStr"><is><t xml:space="preserve"> a </t></is></c><c t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>`,
		`<row><c t="inlineStr"><is><t>a</t><rPh><t>x</t></rPh></is></c><c><v>x</v></c><c><v>1e3</v ></c><x:c><x:v>5</x:v></x:c></row>`,
		`<row><c><v>1</v></c ><c t="s"><v>9</v></c></row>`,
		`<row><c><v>1</v></c><c><v>2</v></c>`,
	} {
		x = "<worksheet><sheetData>" + x + "</sheetData></worksheet>"
		fast := rowsOf(wb, strings.NewReader(x))
		slow := rowsOf(wb, iotest.OneByteReader(strings.NewReader(x)))
		if fast != slow {
			t.Errorf("%.80q:\nbuffered:\n%s\nbyte by byte:\n%s", x, fast, slow)
		}
	}
}
