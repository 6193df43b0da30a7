package bhytdoc_test

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// BenchmarkCaiRangDOCX writes the Cái Răng letter as DOCX through the
// public API (normalise, validate, glyph check, annex layout, write, zip);
// compare BenchmarkCaiRangPDF.
func BenchmarkCaiRangDOCX(b *testing.B) {
	d := seeds.CaiRang()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderDOCX(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnex100DOCX and BenchmarkAnnex100PDF write a quyết định with
// signature and seal images and a 100-row, 10-column landscape annex
// under a merged two-level header.
func BenchmarkAnnex100DOCX(b *testing.B) {
	d := quyetDinh(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderDOCX(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnnex100PDF(b *testing.B) {
	d := quyetDinh(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderPDF(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}
