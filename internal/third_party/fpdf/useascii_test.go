package fpdf

import (
	"maps"
	"math/rand/v2"
	"testing"
)

// TestAppendTextUTF16UsesRunes checks that appendTextUTF16, which records
// the ASCII of a cell once (useASCII), leaves the font's used runes as
// useRunes does, with and without the bitset, and text already recorded.
func TestAppendTextUTF16UsesRunes(t *testing.T) {
	pieces := []string{"a", "Z", "0", " ", "(", ")", "\\", "\r", "\x7f", "\x01", "ệ", "Đ", "€", "~", "@"}
	rng := rand.New(rand.NewPCG(21, 8))
	f := &Fpdf{}
	for _, low := range []bool{true, false} {
		got := &fontDefType{usedRunes: map[int]int{}}
		want := &fontDefType{usedRunes: map[int]int{}}
		if low {
			got.usedLow, want.usedLow = new(lowRuneSet), new(lowRuneSet)
		}
		for range 2000 {
			s := ""
			for range rng.IntN(12) {
				s += pieces[rng.IntN(len(pieces))]
			}
			f.appendTextUTF16(nil, s, got)
			want.useRunes(s)
			if !maps.Equal(got.usedRunes, want.usedRunes) || low && *got.usedLow != *want.usedLow {
				t.Fatalf("after %q: used %v, want %v", s, got.usedRunes, want.usedRunes)
			}
		}
	}
}
