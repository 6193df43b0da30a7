package typo

import "unicode/utf8"

// plain reports whether every rune of s is printable (Unprintable accepts
// it without an exception) and in NFC whatever its neighbours, so that s is
// valid UTF-8, its own NFC and printable without asking the normaliser:
// printable ASCII, Latin-1's symbols and letters, Latin Extended-A and -B,
// the precomposed Vietnamese letters U+1EA0–U+1EF9 and the punctuation
// U+2010–U+2027 and U+2030–U+205E (dashes, quotes, ellipsis). Every one of
// these is a starter that never composes (canonical combining class 0,
// NFC_Quick_Check Yes), and a string of such runes is in NFC (UAX #15, quick
// check). TestPlainRunes checks the ranges against x/text.
func plain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !plainRune(r) {
			return false // including utf8.RuneError
		}
		i += n
	}
	return true
}

// plainRune reports whether r, not ASCII, is one of plain's runes.
func plainRune(r rune) bool {
	switch {
	case r <= 0x24F:
		return r >= 0xA0 && r != 0xAD // the soft hyphen is a format character
	case r < 0x1EA0:
		return false
	case r <= 0x1EF9:
		return true
	case r < 0x2010:
		return false
	case r <= 0x2027:
		return true
	case r < 0x2030:
		return false
	}
	return r <= 0x205E
}

// CleanTonePlain is CleanTone for text that is plain: made only of runes
// that are printable and need no normalisation (see plain). Then it
// returns what CleanTone returns, and Unprintable(s) would find nothing,
// after one scan of s that also applies the tone rule, without the
// normaliser. For any other text it returns ok = false and the caller
// takes the general path (CleanTone, then Unprintable).
func CleanTonePlain(s string, style ToneStyle) (string, bool) {
	retoning := style == ToneTraditional || style == ToneModern
	if !retoning { // no word is looked at: one check per rune
		if !plain(s) {
			return "", false
		}
		return s, true
	}
	t := retoner{s: s, style: style}
	start := -1     // start of the current word, or -1 between words
	var r1, r2 rune // the current word's last two runes
	for i := 0; i < len(s); {
		c := s[i]
		r, n := rune(c), 1
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7F {
				return "", false
			}
			if asciiWord(c) {
				// A run of ASCII letters and digits, taken at once: the
				// word's last two runes are the run's, or the word's last
				// and the run's one.
				if start < 0 {
					start, r2 = i, 0
				}
				j := i + 1
				for j < len(s) && asciiWord(s[j]) {
					j++
				}
				if j-i >= 2 {
					r1, r2 = rune(s[j-2]), rune(s[j-1])
				} else {
					r1, r2 = r2, r
				}
				i = j
				continue
			}
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			if !plainRune(r) {
				return "", false // including utf8.RuneError
			}
		}
		if plainWordRune(r) {
			if start < 0 {
				start, r2 = i, 0
			}
			r1, r2 = r2, r
		} else if start >= 0 {
			if retoning && mayRetone(r1, r2) {
				t.word(start, i)
			}
			start = -1
		}
		i += n
	}
	if start >= 0 && retoning && mayRetone(r1, r2) {
		t.word(start, len(s))
	}
	return t.result(), true
}

// mayRetone reports whether a word ending in r1, r2 may be one retone
// changes: it ends in o or u, then a, e or y, one of them marked (and so
// not ASCII). Most words end otherwise and are not looked at again.
func mayRetone(r1, r2 rune) bool {
	if r1 < 0xC0 && r2 < 0xC0 {
		return false
	}
	return (r1 >= 0xC0 || r1|0x20 == 'o' || r1|0x20 == 'u') &&
		(r2 >= 0xC0 || r2|0x20 == 'a' || r2|0x20 == 'e' || r2|0x20 == 'y')
}

// plainWordRune is isWordRune for a rune that is ASCII or plain, without
// the calls into package unicode: of the plain runes that are not ASCII,
// the letters are Latin-1's ª µ º and À–ɏ but × and ÷, and the
// Vietnamese letters. TestPlainWordRune checks it against isWordRune.
func plainWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord(byte(r))
	}
	return 0xC0 <= r && r <= 0x24F && r != 0xD7 && r != 0xF7 || 0x1EA0 <= r && r <= 0x1EF9 ||
		r == 0xAA || r == 0xB5 || r == 0xBA
}

// asciiWord is plainWordRune for an ASCII byte: a letter or a digit.
func asciiWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
