// Package hostilepdf builds the small hostile PDFs of issue 18 that drove
// the PDF reader into stack overflow, endless loops or out-of-memory. The
// tests of bhytdoc (ReadInfo), sign and the CLI run them, and seed the
// fuzz targets with them. It is for tests only.
package hostilepdf

import (
	"bytes"
	"fmt"
	"strings"
)

// Case is one hostile PDF.
type Case struct {
	Name string
	Data []byte
}

// Cases returns the repros of issue 18.1.
func Cases() []Case {
	return []Case{
		{"objstm-in-itself", ObjStmInItself()},
		{"objstm-extends-itself", ObjStmExtendsItself()},
		{"xref-100000000", XrefHuge()},
		{"xref-stream-size-2e9", XrefStreamSize()},
		{"nested-3000000", Nested(3000000)},
	}
}

// header starts each file; the comment makes it over 200 bytes, which
// the upstream reader wants before it looks for %%EOF.
var header = "%PDF-1.7\n%" + strings.Repeat("-", 200) + "\n"

// entry is one row of a cross-reference stream with /W [1 2 1].
type entry struct {
	typ  byte
	f2   uint16
	f3   byte
	self bool // f2 is the xref stream's own offset
}

// withXrefStream appends to body a cross-reference stream (object n, no
// filter, /W [1 2 1]) holding rows, with extra keys in its dictionary,
// then startxref and %%EOF.
func withXrefStream(body *bytes.Buffer, n int, rows []entry, extra string) []byte {
	off := body.Len()
	var data []byte
	for _, r := range rows {
		f2 := r.f2
		if r.self {
			f2 = uint16(off)
		}
		data = append(data, r.typ, byte(f2>>8), byte(f2), r.f3)
	}
	fmt.Fprintf(body, "%d 0 obj\n<</Type/XRef/W[1 2 1]/Root 1 0 R%s/Length %d>>stream\n", n, extra, len(data))
	body.Write(data)
	fmt.Fprintf(body, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off)
	return body.Bytes()
}

// ObjStmInItself is a PDF whose catalogue is in object stream 2, and
// object 2 is said to be stored in object stream 2: the reader recursed
// until the stack overflowed.
func ObjStmInItself() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	return withXrefStream(&b, 3, []entry{
		{typ: 0, f2: 0, f3: 255},
		{typ: 2, f2: 2, f3: 0}, // 1: in stream 2
		{typ: 2, f2: 2, f3: 1}, // 2: in stream 2 itself
		{typ: 1, self: true},   // 3: this xref stream
	}, "/Size 4")
}

// ObjStmExtendsItself is a PDF whose catalogue is in object stream 2,
// which does not hold it and /Extends itself: the search never ended.
func ObjStmExtendsItself() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	off := b.Len()
	b.WriteString("2 0 obj\n<</Type/ObjStm/N 1/First 4/Extends 2 0 R/Length 9>>stream\n9 0 null\nendstream\nendobj\n")
	return withXrefStream(&b, 3, []entry{
		{typ: 0, f2: 0, f3: 255},
		{typ: 2, f2: 2, f3: 0},
		{typ: 1, f2: uint16(off)},
		{typ: 1, self: true},
	}, "/Size 4")
}

// XrefHuge is a PDF whose cross-reference table has the subsection
// `100000000 1`: the reader made a table for a hundred million objects.
func XrefHuge() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	o1 := b.Len()
	b.WriteString("1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n")
	o2 := b.Len()
	b.WriteString("2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n")
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n100000000 1\n%010d 00000 n \n", o1, o2, o1)
	fmt.Fprintf(&b, "trailer\n<</Size 3/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}

// XrefStreamSize is a PDF whose cross-reference stream says /Size
// 2000000000: the reader allocated a table that large.
func XrefStreamSize() []byte {
	var b bytes.Buffer
	b.WriteString(header)
	return withXrefStream(&b, 1, []entry{{typ: 0, f2: 0, f3: 255}, {typ: 1, self: true}}, "/Size 2000000000/Index[0 2]")
}

// Nested is a PDF whose trailer holds depth nested arrays: the reader
// recursed once a level.
func Nested(depth int) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	o1 := b.Len()
	b.WriteString("1 0 obj\n<</Type/Catalog>>\nendobj\n")
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \n", o1)
	b.WriteString("trailer\n<</Size 2/Root 1 0 R/X ")
	b.WriteString(strings.Repeat("[", depth))
	fmt.Fprintf(&b, ">>\nstartxref\n%d\n%%%%EOF\n", x)
	return b.Bytes()
}
