package templates_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/templates"
)

// A quyết định giao chỉ tiêu from the communes' figures, as bhytdoc new
// --baseline does it: the plan gives the annex (with a first group for
// the baseline), the schedule sentence and the totals the text quotes,
// and the workbook of the same annex.
func ExampleFill_plan() {
	bs := []coverage.Baseline{
		{Unit: coverage.ParseUnit("Phường Lê Bình"), Participants: 9980, Population: 10125},
		{Unit: coverage.ParseUnit("Phường Hưng Phú"), Participants: 15100, Population: 15300},
	}
	half := coverage.OnePercent / 2
	plan, err := coverage.PlanTargets(bs, []coverage.Milestone{
		{Date: bhytdoc.Date{Year: 2019, Month: 12, Day: 31}, Rate: 99*coverage.OnePercent + half, Label: "Đến hết năm 2019"},
		{Date: bhytdoc.Date{Year: 2020, Month: 12, Day: 31}, Rate: 100 * coverage.OnePercent, Label: "Đến hết năm 2020"},
	})
	if err != nil {
		log.Fatal(err)
	}
	table := plan.WithBaselineGroup("Thực hiện năm 2018", bhytdoc.Date{Year: 2018, Month: 12, Day: 31})
	annex, err := table.Annex()
	if err != nil {
		log.Fatal(err)
	}

	// The letterhead, signer and the rest: the template's example data.
	b, err := os.ReadFile("testdata/quyet-dinh-giao-chi-tieu.json")
	if err != nil {
		log.Fatal(err)
	}
	var data map[string]any
	if err := json.Unmarshal(b, &data); err != nil {
		log.Fatal(err)
	}
	data["LichTrinh"] = plan.Schedule()
	data["SoDonVi"] = len(plan.Rows)
	data["ChiTieu"] = 100
	doc, err := templates.Fill("quyet-dinh-giao-chi-tieu", data)
	if err != nil {
		log.Fatal(err)
	}
	doc.Annexes = append(doc.Annexes, annex)

	var pdf, xlsx bytes.Buffer
	if err := bhytdoc.WritePDF(&pdf, doc, nil); err != nil {
		log.Fatal(err)
	}
	if err := coverage.WriteXLSX(&xlsx, table); err != nil {
		log.Fatal(err)
	}
	fmt.Println(plan.Schedule())
	for _, h := range annex.Table.Header[0][2:] {
		fmt.Println(h.Text)
	}
	fmt.Println(annex.Table.Rows[1][1:])
	// Output:
	// Đến ngày 31/12/2019 phải đạt 99,5%, ngày 31/12/2020 phải đạt 100%
	// Thực hiện năm 2018
	// Đến hết năm 2019
	// Đến hết năm 2020
	// [Phường Hưng Phú 15.100 200 15.300 98,7 15.224 76 15.300 99,5 15.300 0 15.300 100,0]
}
