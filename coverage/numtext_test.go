package coverage

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
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

// xlsxCells gives the very cells the XLSX writer makes of the texts of
// annexRows, at every precision and past STT 999: otherwise the writer
// checks them, finds the difference and parses every row's texts again.
func TestXLSXCellsOfTexts(t *testing.T) {
	tb := bigTable(t, 1200)
	tb.Rows[3].Figures[0] = Figures{0, 5}
	tb.Rows[4].Unit = Unit{Name: "0123"}
	for _, prec := range []int{0, 1, 2, 4, MaxPrecision, WholePercent} {
		tb.Precision = prec
		a := tb.annexRows(tb.labels())
		var texts []string
		var cells []xlsx.Cell
		for i := range tb.Rows {
			texts = a.cells(i, texts[:0])
			cells = a.xlsxCells(i, cells[:0])
			if len(cells) != len(texts) {
				t.Fatalf("precision %d, row %d: %d cells for %d texts", prec, i, len(cells), len(texts))
			}
			for c, txt := range texts {
				want, ok := xlsx.ParseCell(txt)
				switch {
				case txt == "":
					want = xlsx.Cell{}
				case !ok || c == 1: // the unit column is text
					want = xlsx.Cell{Kind: xlsx.Text, S: txt}
				}
				if cells[c] != want {
					t.Fatalf("precision %d, row %d, column %d %q: %+v, want %+v", prec, i, c, txt, cells[c], want)
				}
			}
		}
	}
}
