package coverage

import (
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
			bs[i] = Baseline{Unit: Unit{Name: fmt.Sprintf("Đơn vị %d", i+1), Kind: Kind(1 + i%3)},
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
