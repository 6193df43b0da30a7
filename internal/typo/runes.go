package typo

import "unicode"

// Unprintable returns the first rune of s that a document must not hold,
// its byte offset and what it is, or ok = true when there is none.
//
// Control characters break layout; format characters (bidirectional
// overrides and isolates such as U+202E and U+2066–U+2069, zero-width
// space and joiner U+200B and U+200D, U+2060, the byte-order mark U+FEFF)
// and line or paragraph separators are invisible yet change how a name
// displays, so that it can read reversed on a portal. A soft hyphen
// (U+00AD) and a zero-width non-joiner (U+200C) are harmless and allowed.
// allowNL permits '\n' (issuer names break lines with it).
func Unprintable(s string, allowNL bool) (r rune, at int, kind string, ok bool) {
	for i, r := range s {
		// Fast path: printable ASCII and the Latin letters Vietnamese is
		// written in, nearly every rune of a document.
		if ' ' <= r && r < 0x7F || 0xC0 <= r && r <= 0x24F || 0x1EA0 <= r && r <= 0x1EF9 {
			continue
		}
		switch {
		case r == '\n' && allowNL:
		case unicode.IsControl(r):
			return r, i, "control character", false
		case r == '\u00AD' || r == '\u200C':
		case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
			return r, i, "invisible or bidirectional formatting character", false
		}
	}
	return 0, 0, "", true
}
