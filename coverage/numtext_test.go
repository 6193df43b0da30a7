package coverage

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// scaledText writes numbers as typo.Int and the "%0*d" formatting it
// replaced wrote them.
func TestNumberText(t *testing.T) {
	ns := []int64{0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 12345, 123456, 1234567, 999999999,
		1e12, -1e12 - 7, math.MaxInt64, math.MinInt64 + 1, math.MinInt64}
	for i := int64(1); i < 1e15; i = i*7 + 3 {
		ns = append(ns, i, -i)
	}
	for _, n := range ns {
		for prec := 0; prec <= MaxPrecision; prec++ {
			if n == math.MinInt64 {
				continue // the old formatting printed "--9.223…"
			}
			u := uint64(n)
			if n < 0 {
				u = -u
			}
			p := uint64(pow10(prec))
			want := typo.Int(int64(u / p))
			if prec > 0 {
				want += "," + fmt.Sprintf("%0*d", prec, u%p)
			}
			if n < 0 {
				want = "-" + want
			}
			if got := scaledText(n, prec); got != want {
				t.Errorf("scaledText(%d, %d) = %q, want %q", n, prec, got, want)
			}
		}
	}
}

// annexRows gives the very cells rowCells gives, at every precision.
func TestAnnexRowsCells(t *testing.T) {
	tb := bigTable(t, 500)
	for _, prec := range []int{0, 1, 2, 4, WholePercent} {
		tb.Precision = prec
		a := tb.annexRows(tb.labels())
		var got []string
		for i := range tb.Rows {
			got = a.cells(i, got[:0])
			want := tb.rowCells(nil, i, tb.precision())
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("precision %d, row %d: %q, want %q", prec, i, got, want)
			}
		}
	}
}
