package coverage_test

import (
	"bytes"
	"fmt"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
)

// Plan the milestones of a công văn, print the sentence it quotes, the
// annex rows and what each unit must enrol, then put the annex in a
// document for bhytdoc.RenderPDF and write the workbook.
func ExamplePlanTargets() {
	bs := []coverage.Baseline{
		{Unit: coverage.Unit{Name: "Lê Bình", Kind: coverage.Phuong}, Participants: 8000, Population: 10125},
		{Unit: coverage.Unit{Name: "An Bình", Kind: coverage.Xa}, Participants: 1977, Population: 2000},
	}
	rate := func(s string) coverage.Percent { p, _ := coverage.ParsePercent(s); return p }
	ms := []coverage.Milestone{
		{Date: bhytdoc.Date{Year: 2020, Month: 6, Day: 30}, Rate: rate("85")},
		{Date: bhytdoc.Date{Year: 2020, Month: 9, Day: 30}, Rate: rate("89,5")},
	}
	t, err := coverage.PlanTargets(bs, ms)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Schedule() + ".")
	annex, err := t.Annex()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range annex.Table.Rows {
		fmt.Println(row)
	}
	fmt.Println(annex.Table.Totals)
	for _, r := range t.Rows {
		fmt.Printf("%s: +%d, +%d\n", r.Unit.Label(), r.New(0), r.New(1))
	}

	doc := &bhytdoc.Document{ /* … the letter … */ Annexes: []bhytdoc.Annex{annex}}
	_ = doc // bhytdoc.RenderPDF(doc, nil) prints the annex on landscape pages

	var xlsx bytes.Buffer
	if err := coverage.WriteXLSX(&xlsx, t); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Đến ngày 30/6/2020 phải đạt 85%, ngày 30/9/2020 phải đạt 89,5%.
	// [1 Phường Lê Bình 8.607 1.518 10.125 85,0 9.062 1.063 10.125 89,5]
	// [2 Xã An Bình 1.977 23 2.000 98,9 1.977 23 2.000 98,9]
	// [ Cộng 10.584 1.541 12.125 87,3 11.039 1.086 12.125 91,0]
	// Phường Lê Bình: +607, +455
	// Xã An Bình: +0, +0
}

// Check a table typed by hand: the rate of the second row is wrong.
func ExampleCheck() {
	table := &bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{{
			{Text: "STT"}, {Text: "Xã, phường"}, {Text: "Số người đã tham gia BHYT"},
			{Text: "Số người chưa tham gia BHYT"}, {Text: "Dân số"}, {Text: "Tỷ lệ (%)"},
		}},
		Rows: [][]string{
			{"1", "Phường Lê Bình", "8.607", "1.518", "10.125", "85,0"},
			{"2", "Xã An Bình", "1.977", "23", "2.000", "98,8"},
		},
		Totals: []string{"", "Cộng", "10.584", "1.541", "12.125", "87,3"},
	}
	findings, err := coverage.Check(table)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f)
	}
	// Output:
	// row 2 (STT 2, Xã An Bình), Tỷ lệ (%): rate ≠ participants / population: expected 98,9, stated "98,8"
}

// Each commune's share of a plan, for its own letter: the name as a
// sentence writes it, and per milestone the participants it needs.
func ExampleShares() {
	bs := []coverage.Baseline{
		{Unit: coverage.Unit{Kind: coverage.Xa, Name: "An Phú"}, Participants: 4120, Population: 4500},
		{Unit: coverage.Unit{Kind: coverage.ThiTran, Name: "Sơn Dương"}, Participants: 15402, Population: 16250},
	}
	ms := []coverage.Milestone{
		{Date: bhytdoc.Date{Year: 2025, Month: 6, Day: 30}, Rate: 93 * coverage.OnePercent},
		{Date: bhytdoc.Date{Year: 2025, Month: 12, Day: 31}, Rate: 95 * coverage.OnePercent},
	}
	shares, err := coverage.Shares(bs, ms)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range shares {
		fmt.Printf("Đề nghị Chủ tịch Ủy ban nhân dân %s:", s.NameInText)
		for _, g := range s.Goals {
			fmt.Printf(" %s %s, %d người (thêm %d);", g.Milestone.Header(), g.Target, g.Figures.Participants, g.New)
		}
		fmt.Println()
	}
	// Output:
	// Đề nghị Chủ tịch Ủy ban nhân dân xã An Phú: Đến ngày 30/6/2025 93%, 4185 người (thêm 65); Đến ngày 31/12/2025 95%, 4275 người (thêm 90);
	// Đề nghị Chủ tịch Ủy ban nhân dân thị trấn Sơn Dương: Đến ngày 30/6/2025 93%, 15402 người (thêm 0); Đến ngày 31/12/2025 95%, 15438 người (thêm 36);
}
