package typo

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestPlainRunes checks plain's ranges against x/text and Unprintable: each
// rune is printable, its own NFC, a starter (combining class 0) and never
// composes with what precedes it, which is what makes a string of them NFC.
func TestPlainRunes(t *testing.T) {
	n := 0
	for r := rune(0); r < 0x3000; r++ {
		s := string(r)
		if !plain(s) {
			continue
		}
		n++
		p := norm.NFC.PropertiesString(s)
		if p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(s) {
			t.Errorf("%U is plain but not a non-composing NFC starter", r)
		}
		if _, _, _, ok := Unprintable(s, false); !ok {
			t.Errorf("%U is plain but unprintable", r)
		}
	}
	if n < 95+96+400+90 {
		t.Errorf("only %d plain runes", n)
	}
	for _, s := range []string{"\n", "\t", "\x7f", "\u00ad", "\u0301", "\u200b", "\u2028", "\u202e", "\ufeff", "\xff", "a\xc3"} {
		if plain(s) {
			t.Errorf("plain(%q) = true", s)
		}
	}
}

// TestPlainWordRune checks plainWordRune against isWordRune on every
// rune plain accepts.
func TestPlainWordRune(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if plain(string(r)) && plainWordRune(r) != isWordRune(r) {
			t.Errorf("plainWordRune(%U) = %v, isWordRune %v", r, plainWordRune(r), isWordRune(r))
		}
	}
}

// TestCleanTonePlainAgrees compares CleanTonePlain with CleanTone's
// general path (NFC, then the tone rule) and
// Unprintable on random strings of plain and other runes, decomposed
// Vietnamese among them.
func TestCleanTonePlainAgrees(t *testing.T) {
	pieces := []string{"a", "o", "u", "y", "e", "q", "kh", "th", " ", ".", "Hòa", "hoà", "khỏe", "THÚY", "Ủy", "ủy", "uỷ",
		"ban", "thuý", "khoẻ", "Hoà", "HOÀ", "loã", "–", "“", "”", "…", "°", "Đ", "đ", "ơ", "ư", "\u0301", "\u0309", "\n", "\u200b", "\xff", "₫", "中", "×"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var s string
		for j := rng.IntN(8); j >= 0; j-- {
			s += pieces[rng.IntN(len(pieces))]
		}
		for _, style := range []ToneStyle{ToneTraditional, ToneModern, ToneAsIs} {
			got, ok := CleanTonePlain(s, style)
			if !ok {
				continue
			}
			// CleanTone's general path, which CleanTone skips for plain text.
			want := toneNFC(norm.NFC.String(s), style)
			if !utf8.ValidString(s) || got != want {
				t.Fatalf("CleanTonePlain(%q, %d) = %q, want %q", s, style, got, want)
			}
			if _, _, _, printable := Unprintable(s, false); !printable {
				t.Fatalf("CleanTonePlain(%q) ok, but Unprintable finds a rune", s)
			}
		}
	}
}

// BenchmarkCleanTone measures CleanTone on plain text (unchanged and with
// marks to move) and on decomposed text, which takes the general path.
func BenchmarkCleanTone(b *testing.B) {
	for _, bc := range []struct {
		name, in string
	}{
		{"plain", paragraph},
		{"plain-modern", paragraphModern},
		{"NFD", norm.NFD.String(paragraph)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				_, _ = CleanTone(bc.in, ToneTraditional)
			}
		})
	}
}
