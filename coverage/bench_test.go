package coverage

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// BenchmarkPlanXLSX plans n units over three milestones and writes the
// workbook, the work of `bhytdoc annex plan`.
func BenchmarkPlanXLSX(b *testing.B) {
	for _, n := range []int{100, 10_000} {
		bs := make([]Baseline, n)
		for i := range bs {
			pop := int64(1000 + (i*7919)%40000)
			bs[i] = Baseline{Unit: Unit{Name: fmt.Sprintf("Đơn vị %d", i+1), Kind: UnitKind(1 + i%3)},
				Participants: pop * int64(50+i%50) / 100, Population: pop}
		}
		ms := seedMilestones()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t, err := PlanTargets(bs, ms)
				if err != nil {
					b.Fatal(err)
				}
				if err := WriteXLSX(io.Discard, t); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheck checks the annex of 10.000 units.
func BenchmarkCheck(b *testing.B) {
	a, err := bigTable(b, 10_000).Annex()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if fs, err := Check(&a.Table); err != nil || len(fs) != 0 {
			b.Fatal(err, fs)
		}
	}
}

// benchWorkbook is the plan workbook of n units, as `annex plan` writes it.
func benchWorkbook(b *testing.B, n int) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, bigTable(b, n)); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func benchReadAnnex(b *testing.B, n int) {
	data := benchWorkbook(b, n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		sheets, err := ReadAnnexXLSX(bytes.NewReader(data), "plan.xlsx")
		if err != nil {
			b.Fatal(err)
		}
		if len(sheets[0].Table.Rows) != n {
			b.Fatalf("%d rows, want %d", len(sheets[0].Table.Rows), n)
		}
	}
}

// BenchmarkReadAnnexXLSX reads the annex of 10.000 units, the reading
// half of `bhytdoc annex check`.
func BenchmarkReadAnnexXLSX(b *testing.B) { benchReadAnnex(b, 10_000) }

// BenchmarkReadAnnexXLSX100k reads 100.000 units; skipped with -short.
func BenchmarkReadAnnexXLSX100k(b *testing.B) {
	if testing.Short() {
		b.Skip("-short")
	}
	benchReadAnnex(b, 100_000)
}
