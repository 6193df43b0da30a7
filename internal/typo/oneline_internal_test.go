package typo

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestOneLineFastPath checks that isOneLine says exactly when joining the
// fields of s gives s back.
func TestOneLineFastPath(t *testing.T) {
	pieces := []string{"a", "Ủy", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x01", "-", "ban", "\u200b", "đ", "ư", "\u0085", "\u00bf", "\u0250"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		s := ""
		for range rng.IntN(6) {
			s += pieces[rng.IntN(len(pieces))]
		}
		want := strings.Join(strings.Fields(s), " ") == s
		if got := isOneLine(s); got != want {
			t.Fatalf("isOneLine(%q) = %v, want %v", s, got, want)
		}
		if got := OneLine(s); got != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("OneLine(%q) = %q", s, got)
		}
	}
}

// TestOneLineLatinNotSpace checks the range isOneLine takes as no white
// space without asking unicode.IsSpace.
func TestOneLineLatinNotSpace(t *testing.T) {
	for r := rune(0xC0); r <= 0x24F; r++ {
		if unicode.IsSpace(r) {
			t.Errorf("%U is white space", r)
		}
	}
}
