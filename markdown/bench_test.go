package markdown

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// benchDoc is seed 002 (the longest) with a results annex.
func benchDoc() *bhytdoc.Document {
	d := seeds.NamToan()
	d.Annexes = []bhytdoc.Annex{{
		Title: "Kết quả thực hiện bảo hiểm y tế theo thôn",
		Table: bhytdoc.Table{
			Header: [][]bhytdoc.HeaderCell{
				{{Text: "STT", RowSpan: 2}, {Text: "Thôn", RowSpan: 2}, {Text: "Dân số", RowSpan: 2}, {Text: "Tham gia BHYT", ColSpan: 2}},
				{{Text: "Số người"}, {Text: "Tỷ lệ"}},
			},
			Rows: [][]string{
				{"1", "Thôn Đông", "1.204", "1.050", "87,21%"},
				{"2", "Thôn Tây", "987", "860", "87,13%"},
				{"3", "Thôn Nam", "1.512", "1.310", "86,64%"},
				{"4", "Thôn Bắc", "888", "770", "86,71%"},
			},
			Totals: []string{"", "Cộng", "4.591", "3.990", "86,91%"},
		},
	}}
	return d
}

func BenchmarkWrite(b *testing.B) {
	d := benchDoc()
	out, err := Marshal(d, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	src, err := Marshal(benchDoc(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(src, "bench.md"); err != nil {
			b.Fatal(err)
		}
	}
}
