package bhytdoc_test

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// BenchmarkCaiRangMarkdown and BenchmarkAnnex100Markdown write the
// documents of BenchmarkCaiRangPDF and BenchmarkAnnex100PDF as Markdown
// through the public API (normalise, validate, build the ir, write).
func BenchmarkCaiRangMarkdown(b *testing.B) {
	d := seeds.CaiRang()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderMarkdown(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnnex100Markdown(b *testing.B) {
	d := quyetDinh(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderMarkdown(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}
