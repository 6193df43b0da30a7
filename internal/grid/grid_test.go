package grid

import (
	"fmt"
	"reflect"
	"testing"
)

type cell struct {
	s      string
	cs, rs int
}

func TestWalk(t *testing.T) {
	// STT and Đơn vị span two rows; each milestone spans two columns.
	rows := [][]cell{
		{{"STT", 0, 2}, {"Đơn vị", 1, 2}, {"2020", 2, 1}, {"2021", 2, 0}},
		{{"a", 0, 0}, {"b", 0, 0}, {"c", 0, 0}, {"d", 0, 0}},
	}
	var got []string
	widths := Walk(rows, func(c cell) (int, int) { return c.cs, c.rs }, func(r, i, col int, c cell) {
		got = append(got, fmt.Sprintf("%d.%d@%d:%s", r, i, col, c.s))
	})
	want := []string{"0.0@0:STT", "0.1@1:Đơn vị", "0.2@2:2020", "0.3@4:2021", "1.0@2:a", "1.1@3:b", "1.2@4:c", "1.3@5:d"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if !reflect.DeepEqual(widths, []int{6, 6}) {
		t.Errorf("widths %v", widths)
	}
	// A short second row covers fewer columns.
	rows[1] = rows[1][:3]
	if w := Walk(rows, func(c cell) (int, int) { return c.cs, c.rs }, nil); !reflect.DeepEqual(w, []int{6, 5}) {
		t.Errorf("widths %v", w)
	}
}

// TestWalkHugeSpan is issue 8 item 2: a span of 10⁸ columns used to
// allocate one map entry per column; MaxInt overflowed. Work is bounded
// by the number of cells.
func TestWalkHugeSpan(t *testing.T) {
	for _, cs := range []int{100_000_000, int(^uint(0) >> 1)} {
		rows := [][]cell{{{"a", cs, 2}, {"b", cs, 0}}, {{"c", 0, 0}}}
		w := Walk(rows, func(c cell) (int, int) { return c.cs, c.rs }, nil)
		if w[0] < cs || w[1] < cs {
			t.Errorf("span %d: widths %v", cs, w)
		}
	}
}
