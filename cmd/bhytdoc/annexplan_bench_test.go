package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// BenchmarkAnnexPlan runs `bhytdoc annex plan` of 100, 1.000, 10.000 and
// 100.000 units (skipped with -short) over three milestones: reading the
// units, planning, writing plan.xlsx and plan.md. The units are a CSV
// file, or a workbook for the cases named xlsx.
func BenchmarkAnnexPlan(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000, 100_000} {
		for _, ext := range []string{"csv", "xlsx"} {
			if n > 10_000 && testing.Short() || ext == "xlsx" && n < 10_000 {
				continue
			}
			name := fmt.Sprint(n)
			if ext == "xlsx" {
				name += "-xlsx"
			}
			b.Run(name, func(b *testing.B) {
				dir := b.TempDir()
				units := unitsCSV(b, dir, n)
				if ext == "xlsx" {
					units = unitsXLSX(b, units)
				}
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					out := filepath.Join(dir, "out", strconv.Itoa(i))
					i++
					var errb strings.Builder
					args := []string{"annex", "plan", units, "--milestone", "2019-06-30:96", "--milestone", "2019-09-30:97,5",
						"--milestone", "2019-12-31:99", "-o", out}
					if code := run(args, io.Discard, &errb); code != exitOK {
						b.Fatalf("exit %d\n%s", code, errb.String())
					}
				}
			})
		}
	}
}

// unitsXLSX writes the units of the CSV file csv as a workbook beside it,
// as an office's spreadsheet holds them: counts as numbers.
func unitsXLSX(b *testing.B, csv string) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	rows, err := readCSVRows(csv)
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range rows {
		vals := make([]any, len(r))
		for c, s := range r {
			vals[c] = s
			if n, err := strconv.Atoi(s); err == nil {
				vals[c] = n
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), vals); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	path := strings.TrimSuffix(csv, ".csv") + ".xlsx"
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

func readCSVRows(path string) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return csv.NewReader(bytes.NewReader(data)).ReadAll()
}
