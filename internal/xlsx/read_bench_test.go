package xlsx

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// unitsBook is a workbook of n units as excelize's StreamWriter writes
// one (as gen.go of issue 21 does): numbers, and text as inline strings.
func unitsBook(b *testing.B, n int) []byte {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"STT", "Đơn vị", "Dân số", "Số người tham gia BHYT", "Ngày"}); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		pop := 4000 + (i*7919)%12000
		part := pop * (950 + i%45) / 1000
		if err := sw.SetRow("A"+strconv.Itoa(i+2), []any{i + 1, fmt.Sprintf("Phường Số %d", i+1), pop, part, "2018-12-31"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkRows reads the 100.000 rows of a units workbook, as `annex
// plan` reads them: inflating, scanning and handing over the values.
func BenchmarkRows(b *testing.B) {
	data := unitsBook(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		wb, err := Open(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if _, err := wb.Rows(0, func(r int, vals []Value) error {
			n += len(vals)
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if n != 500_005 {
			b.Fatalf("%d values", n)
		}
	}
}
