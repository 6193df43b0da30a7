package bhytdoc_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/quyetdinh"
)

// BenchmarkNamTrucPDF renders the example quyết định (two pages and an
// annex; authority line, articles, a Nơi nhận group) through the public
// API.
func BenchmarkNamTrucPDF(b *testing.B) {
	d := quyetdinh.NamTruc()
	if _, err := bhytdoc.RenderPDF(d, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderPDF(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseBodyTable parses a body holding a 200-row GFM table.
func BenchmarkParseBodyTable(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("| Thôn | Số người | Tỷ lệ |\n|---|---:|---:|\n")
	for i := range 200 {
		sb.WriteString("| Thôn số " + strconv.Itoa(i) + " | " + strconv.Itoa(1000+i) + " | 95,0 |\n")
	}
	md := sb.String()
	b.ReportAllocs()
	b.SetBytes(int64(len(md)))
	for b.Loop() {
		if _, err := bhytdoc.ParseBody(md); err != nil {
			b.Fatal(err)
		}
	}
}
