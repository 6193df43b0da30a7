package bhytdoc_test

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// BenchmarkAnnex100XLSX writes the annex of the quyết định of
// BenchmarkAnnex100PDF (100 rows, 10 columns, a merged two-level header,
// a totals row) as a workbook through the public API: normalise,
// validate, glyph check, numbers parsed, SUMs checked, text measured,
// written and zipped. The Cái Răng letter has no annex, so it has no
// XLSX benchmark.
func BenchmarkAnnex100XLSX(b *testing.B) {
	d := quyetDinh(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderXLSX(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}
