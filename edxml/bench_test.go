package edxml

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkWriteLetter builds and writes the package of the Cái Răng
// letter with its PDF attached.
func BenchmarkWriteLetter(b *testing.B) {
	d := letter()
	pdf := render(b, d)
	b.SetBytes(int64(len(pdf)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := FromDocument(d, Attachment{Name: "898-UBND.pdf", Data: pdf})
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead10MB reads a package with a 10 MB attachment, streamed to
// a writer that keeps nothing: B/op stays a few buffers whatever the
// attachment's size.
func BenchmarkRead10MB(b *testing.B) {
	p := sampleWant(b)
	p.Attachments[0].Data = bytes.Repeat([]byte("bhytdoc\x00\xff"), 10<<20/9)
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		b.Fatal(err)
	}
	pkg := buf.Bytes()
	b.SetBytes(int64(len(pkg)))
	b.ReportAllocs()
	for b.Loop() {
		var c counter
		_, err := ReadWith(bytes.NewReader(pkg), &ReadOptions{
			Content: func(*Attachment) (io.Writer, error) { return &c, nil },
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
