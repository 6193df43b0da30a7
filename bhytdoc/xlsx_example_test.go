package bhytdoc_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/xuri/excelize/v2"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// The Nam Toàn plan with a small annex, as a workbook: the counts are
// numbers, the totals a SUM because they are the sums, the rate a
// percentage.
func ExampleWriteXLSX() {
	d := seeds.NamToan()
	d.Annexes = []bhytdoc.Annex{{
		Title: "Chỉ tiêu bao phủ bảo hiểm y tế năm 2022",
		Table: bhytdoc.Table{
			Header: [][]bhytdoc.HeaderCell{{{Text: "STT"}, {Text: "Thôn"}, {Text: "Số người tham gia"}, {Text: "Tỷ lệ"}}},
			Rows: [][]string{
				{"1", "Thôn Đông", "1.250", "91,5%"},
				{"2", "Thôn Tây", "980", "88,25%"},
			},
			Totals: []string{"", "Cộng", "2.230", "90,1%"},
		},
	}}
	var buf bytes.Buffer
	if err := bhytdoc.WriteXLSX(&buf, d, nil); err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	// Rows: label, title, reference, a blank row, the header, the body.
	for _, ref := range []string{"A2", "C6", "D6", "C8"} {
		v, _ := f.GetCellValue("Phụ lục", ref, excelize.Options{RawCellValue: true})
		formula, _ := f.GetCellFormula("Phụ lục", ref)
		fmt.Printf("%s %q =%s\n", ref, v, formula)
	}
	// Output:
	// [Phụ lục]
	// A2 "CHỈ TIÊU BAO PHỦ BẢO HIỂM Y TẾ NĂM 2022" =
	// C6 "1250" =
	// D6 "0.915" =
	// C8 "2230" =SUM(C6:C7)
}
