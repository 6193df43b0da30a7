package typo

import (
	"math/rand/v2"
	"testing"
)

// TestUpperPlain compares upperPlain with the caser and normaliser on
// every rune it takes, and on random strings of them.
func TestUpperPlain(t *testing.T) {
	var runes []rune
	for r := rune(0); r < 0x3000; r++ {
		s := string(r)
		u, ok := upperPlain(s)
		if !ok {
			if r >= 'a' && r <= 'z' || r >= 0x1EA0 && r <= 0x1EF9 || r == 'đ' {
				t.Errorf("upperPlain refuses %U", r)
			}
			continue
		}
		if want := upperCaser(s); u != want {
			t.Errorf("upperPlain(%U) = %q, want %q", r, u, want)
		}
		runes = append(runes, r)
	}
	rng := rand.New(rand.NewPCG(21, 9))
	for range 20000 {
		rs := make([]rune, rng.IntN(12))
		for i := range rs {
			rs[i] = runes[rng.IntN(len(runes))]
		}
		s := string(rs)
		if u, ok := upperPlain(s); !ok || u != upperCaser(s) {
			t.Fatalf("upperPlain(%q) = %q, %v; want %q", s, u, ok, upperCaser(s))
		}
	}
	for _, s := range []string{"Ủy ban nhân dân quận Cái Răng", "ß", "ŉ", "ǰ", "a\u0301", "\n"} {
		if got, want := Upper(s), upperCaser(s); got != want {
			t.Errorf("Upper(%q) = %q, want %q", s, got, want)
		}
	}
}
