package typo

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// upperPool holds Vietnamese upper-casers. A cases.Caser keeps state and is
// not safe for concurrent use, and building one per call is comparatively
// expensive, so each call borrows one.
var upperPool = sync.Pool{New: func() any {
	c := cases.Upper(language.Vietnamese)
	return &c
}}

// Upper upper-cases s with Vietnamese rules, as Decree 30 requires for
// headings and issuing-body names: "Ủy ban nhân dân quận Cái Răng" →
// "ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG", "đ" → "Đ". The result is NFC even for
// decomposed input. Tone placement is left as written; combine with Tone if
// needed.
func Upper(s string) string {
	if u, ok := upperPlain(s); ok {
		return u
	}
	return upperCaser(s)
}

// upperCaser is Upper through the caser and the normaliser.
func upperCaser(s string) string {
	c := upperPool.Get().(*cases.Caser)
	u := c.String(s)
	upperPool.Put(c)
	return norm.NFC.String(u)
}

// upperPlain is Upper for text of plain runes (see plain) whose upper case
// is one rune, unicode.ToUpper's: every letter of Vietnamese, in NFC. The
// caser and the normaliser, which it spares, took 1% of a merged letter's
// CPU on the issuer's and the signer's names. ok is false for other text.
// TestUpperPlain compares it with the caser on every such rune.
func upperPlain(s string) (string, bool) {
	var b []byte // made at the first rune that changes
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7F {
				return "", false
			}
			if 'a' <= c && c <= 'z' {
				if b == nil {
					b = append(make([]byte, 0, len(s)), s[:i]...)
				}
				c -= 'a' - 'A'
			}
			if b != nil {
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !plainRune(r) || r == 0xDF || r == 0x149 || r == 0x1F0 { // ß ŉ ǰ: two runes upper-cased
			return "", false
		}
		u := unicode.ToUpper(r)
		if u != r && b == nil {
			b = append(make([]byte, 0, len(s)+4), s[:i]...)
		}
		if b != nil {
			b = utf8.AppendRune(b, u)
		}
		i += n
	}
	if b == nil {
		return s, true
	}
	return string(b), true
}

// pointLetters is the Vietnamese alphabet without the letters that have
// no native use (f, j, w, z), the order Decree 30 uses for lettered points
// within a clause: a), b), ..., đ), e), ...
const pointLetters = "abcdđeghiklmnopqrstuvxy"

// PointLetter returns the n-th (1-based) letter used to label points within
// a clause: 1 → "a", 4 → "d", 5 → "đ", 6 → "e", 23 → "y". n outside 1..23
// gives "", since the alphabet has no further letters and doubling them is
// not a Decree 30 convention.
func PointLetter(n int) string {
	if n < 1 || n > 23 {
		return ""
	}
	// "đ" is the only two-byte letter; shift offsets after it.
	switch {
	case n < 5:
		return pointLetters[n-1 : n]
	case n == 5:
		return "đ"
	}
	return pointLetters[n : n+1]
}
