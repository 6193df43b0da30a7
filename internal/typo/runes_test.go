package typo

import (
	"testing"
	"unicode"
)

// TestUnprintableFastPath checks that the fast path for ASCII and the
// Vietnamese Latin blocks agrees with the Unicode categories rune by rune.
func TestUnprintableFastPath(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		want := !(r != '\u00AD' && r != '\u200C' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r)))
		if _, _, _, ok := Unprintable(string(r), false); ok != want {
			t.Errorf("Unprintable(%U) ok = %v, want %v", r, ok, want)
		}
	}
}
