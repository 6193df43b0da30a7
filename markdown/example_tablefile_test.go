package markdown_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// An annex may take its table from a workbook or CSV file beside the
// source; coverage.ReadTable reads it. Give the FS of an os.Root of the
// source's directory in real use, so that no link leads out of it.
func ExampleParseSourceWith() {
	src := strings.Replace(source, "luu: [VT]\n", "luu: [VT]\nannexes:\n  - file: ket-qua.csv\n    title: Kết quả bao phủ theo phường\n", 1)
	fsys := fstest.MapFS{
		"ket-qua.csv": {Data: []byte("STT,Phường,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n" +
			"1,Lê Bình,9.980,145,10.125,\"98,6\"\n" +
			"2,Hưng Phú,15.100,200,15.300,\"98,7\"\n" +
			",Cộng,25.080,345,25.425,\"98,6\"\n")},
	}
	s, err := markdown.ParseSourceWith([]byte(src), "898-UBND.md", fsys, &markdown.ParseOptions{Tables: coverage.ReadTable})
	if err != nil {
		fmt.Println(err)
		return
	}
	a := s.Doc.Annexes[0]
	fmt.Println(s.AnnexFile(0), "→", a.Title)
	fmt.Println(a.Table.Rows[1])
	fmt.Println(a.Table.Totals)
	found, _ := coverage.CheckAt(&a.Table, s.AnnexFile(0).Cell)
	fmt.Println(len(found), "inconsistencies")
	// Output:
	// ket-qua.csv → Kết quả bao phủ theo phường
	// [2 Hưng Phú 15.100 200 15.300 98,7]
	// [ Cộng 25.080 345 25.425 98,6]
	// 0 inconsistencies
}
