package rows

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// unitsCSV is n rows as a merge's units file has them (see
// scripts/bench-merge.sh): five short columns.
func unitsCSV(n int) string {
	var b strings.Builder
	b.WriteString("STT,Đơn vị,Dân số,Số người tham gia BHYT,Ngày\n")
	for i := range n {
		pop := 4000 + (i*7919)%12000
		fmt.Fprintf(&b, "%d,Phường Số %d,%d,%d,2018-12-31\n", i+1, i+1, pop, pop*(950+i%45)/1000)
	}
	return b.String()
}

// liveBytesPerRow reads n rows of unitsCSV and returns the heap they keep,
// per row, after a collection.
func liveBytesPerRow(tb testing.TB, n int) float64 {
	src := unitsCSV(n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rs, err := ReadCSV(strings.NewReader(src), "units.csv")
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if len(rs) != n {
		tb.Fatalf("%d rows, want %d", len(rs), n)
	}
	if v, _ := rs[n-1].Field("Đơn vị"); v != fmt.Sprintf("Phường Số %d", n) {
		tb.Fatalf("last row's unit %v", v)
	}
	runtime.KeepAlive(rs)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
}

// A row of a table is kept in a few hundred bytes: a 100,000-letter merge
// holds every row until its end (see issue 21: a map per row took ~600 B
// and the rows alone 60 MB).
func TestRowsLiveBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 20,000 rows")
	}
	if b := liveBytesPerRow(t, 20000); b > 260 {
		t.Errorf("%.0f live bytes a row, want at most 260", b)
	}
}

// BenchmarkReadCSV10000 reads a 10,000-row units file; live-B/row is what
// the rows keep once read.
func BenchmarkReadCSV10000(b *testing.B) {
	src := unitsCSV(10000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(strings.NewReader(src), "units.csv"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(liveBytesPerRow(b, 10000), "live-B/row")
}
