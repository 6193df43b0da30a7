package main

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		args []string
		want [][]string
	}{
		{nil, nil},
		{[]string{"a", "x"}, [][]string{{"a", "x"}}},
		{[]string{"a", "x", "::", "b"}, [][]string{{"a", "x"}, {"b"}}},
		{[]string{"a", "::", "b", "y", "::", "c"}, [][]string{{"a"}, {"b", "y"}, {"c"}}},
		{[]string{"::", "a"}, nil},
		{[]string{"a", "::"}, nil},
		{[]string{"a", "::", "::", "b"}, nil},
		{[]string{"::"}, nil},
	} {
		if got := split(c.args); !reflect.DeepEqual(got, c.want) {
			t.Errorf("split(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

func TestMedian(t *testing.T) {
	if m := median([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median of 3 1 2 = %v", m)
	}
	if m := median([]float64{4, 1, 2, 3}); m != 2.5 {
		t.Errorf("median of 4 1 2 3 = %v", m)
	}
}
