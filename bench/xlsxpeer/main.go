// Command xlsxpeer is the plain excelize program that bhytdoc's annex
// workbook is timed against (scripts/bench-xlsx.sh). It reads the units
// CSV that `bhytdoc annex plan` reads, plans it to two milestones the
// plain way (participants needed = ⌈rate × population⌉, never fewer than
// before) and writes the same table with excelize directly: the title
// merged across the table, a two-level merged header, a bordered row per
// unit (counts as numbers, non-participants and rates as formulas with
// their values), the bold totals row of SUMs, column widths, frozen
// panes, A4 landscape fitted to one page wide.
//
// It is a benchmark peer, not part of bhytdoc:
//
//	go run ./bench/xlsxpeer UNITS.csv OUT.xlsx
package main

import (
	"encoding/csv"
	"fmt"
	"log"
	"math"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// milestones as scripts/bench-xlsx.sh gives them to bhytdoc: rates in
// hundredths of a percent.
var milestones = []struct {
	label string
	rate  int64
}{{"Đến ngày 30/6/2020", 8500}, {"Đến ngày 31/12/2020", 9000}}

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: xlsxpeer UNITS.csv OUT.xlsx")
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	if err := write(recs[1:], os.Args[2]); err != nil {
		log.Fatal(err)
	}
}

func colName(c int) string { n, _ := excelize.ColumnNumberToName(c); return n }

func cell(c, r int) string { n, _ := excelize.CoordinatesToCellName(c, r); return n }

func write(units [][]string, out string) error {
	x := excelize.NewFile()
	defer x.Close()
	sheet := "Phụ lục"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold}
	}
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	style := func(s *excelize.Style) int {
		id, err := x.NewStyle(s)
		if err != nil {
			log.Fatal(err)
		}
		return id
	}
	rateFmt := "#,##0.00"
	title := style(&excelize.Style{Font: font(14, true), Alignment: centre})
	head := style(&excelize.Style{Font: font(12, true), Border: border, Alignment: centre})
	var body, num, rate [2]int
	for i, bold := range []bool{false, true} {
		body[i] = style(&excelize.Style{Font: font(12, bold), Border: border, NumFmt: 49,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
		num[i] = style(&excelize.Style{Font: font(12, bold), Border: border, NumFmt: 3,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
		rate[i] = style(&excelize.Style{Font: font(12, bold), Border: border, CustomNumFmt: &rateFmt,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	}
	cols := 2 + 4*len(milestones)
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for c := cols; c >= 1; c-- {
		w := 13.0
		switch c {
		case 1:
			w = 5
		case 2:
			w = 24
		}
		if err := sw.SetColWidth(c, c, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: 4, TopLeftCell: "C5", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	must := func(err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	must(sw.SetRow("A1", []any{excelize.Cell{StyleID: title, Value: "BIỂU GIAO CHỈ TIÊU BẢO HIỂM Y TẾ ĐỐI VỚI CÁC XÃ, PHƯỜNG, THỊ TRẤN"}}, excelize.RowOpts{Height: 19}))
	must(sw.MergeCell("A1", cell(cols, 1)))
	top, sub := make([]any, cols), make([]any, cols)
	for c := range top {
		top[c], sub[c] = excelize.Cell{StyleID: head}, excelize.Cell{StyleID: head}
	}
	top[0], top[1] = excelize.Cell{StyleID: head, Value: "STT"}, excelize.Cell{StyleID: head, Value: "Xã, phường, thị trấn"}
	for m, ms := range milestones {
		c := 2 + 4*m
		top[c] = excelize.Cell{StyleID: head, Value: ms.label}
		for i, h := range []string{"Số người đã tham gia BHYT", "Số người chưa tham gia BHYT", "Dân số", "Tỷ lệ (%)"} {
			sub[c+i] = excelize.Cell{StyleID: head, Value: h}
		}
		must(sw.MergeCell(cell(c+1, 3), cell(c+4, 3)))
	}
	must(sw.MergeCell("A3", "A4"))
	must(sw.MergeCell("B3", "B4"))
	must(sw.SetRow("A3", top, excelize.RowOpts{Height: 20}))
	must(sw.SetRow("A4", sub, excelize.RowOpts{Height: 48}))
	first, last := 5, 5+len(units)-1
	tot := make([][2]int64, len(milestones)) // participants, population
	row := make([]any, cols)
	for i, u := range units {
		r := first + i
		rs := strconv.Itoa(r)
		pop, _ := strconv.ParseInt(u[2], 10, 64)
		prev, _ := strconv.ParseInt(u[3], 10, 64)
		row[0] = excelize.Cell{StyleID: num[0], Value: i + 1}
		row[1] = excelize.Cell{StyleID: body[0], Value: u[1]}
		for m, ms := range milestones {
			need := max(min((ms.rate*pop+9999)/10000, pop), prev)
			prev = need
			tot[m][0] += need
			tot[m][1] += pop
			p, q := colName(3+4*m), colName(5+4*m)
			c := 2 + 4*m
			row[c] = excelize.Cell{StyleID: num[0], Value: need}
			row[c+1] = excelize.Cell{StyleID: num[0], Value: pop - need, Formula: q + rs + "-" + p + rs}
			row[c+2] = excelize.Cell{StyleID: num[0], Value: pop}
			row[c+3] = excelize.Cell{StyleID: rate[0], Value: math.Round(float64(need)*1e4/float64(pop)) / 100,
				Formula: "IF(" + q + rs + ">0,ROUND(" + p + rs + "*100/" + q + rs + ",2),\"\")"}
		}
		must(sw.SetRow(cell(1, r), row, excelize.RowOpts{Height: 18.75}))
	}
	r := last + 1
	rs := strconv.Itoa(r)
	row[0] = excelize.Cell{StyleID: body[1]}
	row[1] = excelize.Cell{StyleID: body[1], Value: "Cộng"}
	for m := range milestones {
		c := 2 + 4*m
		sum := func(col int) string {
			n := colName(col)
			return fmt.Sprintf("SUM(%s%d:%s%d)", n, first, n, last)
		}
		p, q := colName(3+4*m), colName(5+4*m)
		row[c] = excelize.Cell{StyleID: num[1], Value: tot[m][0], Formula: sum(c + 1)}
		row[c+1] = excelize.Cell{StyleID: num[1], Value: tot[m][1] - tot[m][0], Formula: sum(c + 2)}
		row[c+2] = excelize.Cell{StyleID: num[1], Value: tot[m][1], Formula: sum(c + 3)}
		row[c+3] = excelize.Cell{StyleID: rate[1], Value: math.Round(float64(tot[m][0])*1e4/float64(tot[m][1])) / 100,
			Formula: "IF(" + q + rs + ">0,ROUND(" + p + rs + "*100/" + q + rs + ",2),\"\")"}
	}
	must(sw.SetRow(cell(1, r), row, excelize.RowOpts{Height: 18.75}))
	size, orient, one, zero := 9, "landscape", 1, 0
	must(x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	must(sw.Flush())
	return x.SaveAs(out)
}
