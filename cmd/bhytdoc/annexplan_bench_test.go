package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkAnnexPlan runs `bhytdoc annex plan` of 100, 1.000, 10.000 and
// 100.000 units (skipped with -short) over three milestones: reading the
// units, planning, writing plan.xlsx and plan.md.
func BenchmarkAnnexPlan(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000, 100_000} {
		if n > 10_000 && testing.Short() {
			continue
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			units := unitsCSV(b, dir, n)
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
