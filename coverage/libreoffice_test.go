package coverage

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/lotest"
	"github.com/xuri/excelize/v2"
)

// expectedCSV is what the sheet of tb must compute: the body and totals
// rows, numbers as LibreOffice writes stored values.
func expectedCSV(tb *Table) [][]string {
	prec := tb.precision()
	num := func(f Figures) []string {
		v, _ := f.Rate().Scaled(prec)
		return []string{
			strconv.FormatInt(f.Participants, 10), strconv.FormatInt(f.NonParticipants(), 10),
			strconv.FormatInt(f.Population, 10),
			strconv.FormatFloat(float64(v)/math.Pow10(prec), 'f', -1, 64),
		}
	}
	var out [][]string
	for i, r := range tb.Rows {
		row := []string{strconv.Itoa(i + 1), r.Unit.Label()}
		for _, f := range r.Figures {
			row = append(row, num(f)...)
		}
		out = append(out, row)
	}
	row := []string{"", TotalsLabel}
	for _, f := range tb.Totals() {
		row = append(row, num(f)...)
	}
	return append(out, row)
}

// TestLibreOfficeRecalculates proves that the formulas compute the same
// numbers as the cached values, in LibreOffice, including the rounding of
// exact ties, and that they follow an official's edits.
func TestLibreOfficeRecalculates(t *testing.T) {
	lotest.Binary(t)
	// Exact ties at one and two decimals: 1/16 = 6,25%, 1.977/2.000 =
	// 98,85%, 19.769/20.000 = 98,845%.
	ties := &Table{
		Milestones: []Milestone{{Date: d(2020, 6, 30), Rate: pct("85")}},
		Rows: []Row{
			{Unit: Unit{Name: "A", Kind: Xa}, Figures: []Figures{{1, 16}}},
			{Unit: Unit{Name: "B", Kind: Xa}, Figures: []Figures{{3, 16}}},
			{Unit: Unit{Name: "C", Kind: Xa}, Figures: []Figures{{7, 16}}},
			{Unit: Unit{Name: "D", Kind: Phuong}, Figures: []Figures{{1977, 2000}}},
			{Unit: Unit{Name: "E", Kind: Phuong}, Figures: []Figures{{19769, 20000}}},
			{Unit: Unit{Name: "=SUM(1,2)", Kind: Phuong}, Figures: []Figures{{2, 3}}},
		},
	}
	ties2 := *ties
	ties2.Precision = LetterPrecision
	plan := planned(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "annex.xlsx")
	if err := os.WriteFile(file, writeXLSX(t, plan, ties, &ties2), 0o644); err != nil {
		t.Fatal(err)
	}
	sheets := lotest.RecalcCSV(t, file)
	for name, tb := range map[string]*Table{"Phụ lục I": plan, "Phụ lục II": ties, "Phụ lục III": &ties2} {
		rows, ok := sheets[name]
		if !ok {
			t.Fatalf("no CSV for sheet %q (got %v)", name, keys(sheets))
		}
		first := 3 + 2 // title, blank line, two header rows
		if tb.Reference != "" {
			first++
		}
		got := trimRows(rows[first-1:])
		if want := expectedCSV(tb); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: LibreOffice computed\n%q\nwant\n%q", name, got, want)
		}
	}

	// An official edits two inputs; the stale cached values must not
	// survive recalculation.
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const sh = "Phụ lục I"
	if err := f.SetCellInt(sh, "C6", 9000); err != nil { // Lê Bình, 30/6/2020
		t.Fatal(err)
	}
	if err := f.SetCellInt(sh, "I7", 2500); err != nil { // An Bình's population, 30/9/2020
		t.Fatal(err)
	}
	edited := filepath.Join(dir, "edited.xlsx")
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()
	plan.Rows[0].Figures[0].Participants = 9000
	plan.Rows[1].Figures[1].Population = 2500
	rows := lotest.RecalcCSV(t, edited)[sh]
	got := trimRows(rows[5:])
	if want := expectedCSV(plan); !reflect.DeepEqual(got, want) {
		t.Errorf("after editing, LibreOffice computed\n%q\nwant\n%q", got, want)
	}
}

func keys(m map[string][][]string) []string {
	var out []string
	for k := range m {
		out = append(out, fmt.Sprintf("%q", k))
	}
	return out
}

// trimRows drops trailing empty fields and empty rows.
func trimRows(rows [][]string) [][]string {
	var out [][]string
	for _, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		if len(r) > 0 {
			out = append(out, r)
		}
	}
	return out
}
