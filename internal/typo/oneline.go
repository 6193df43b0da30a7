package typo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OneLine trims s and collapses its white space (unicode.IsSpace, as
// strings.Fields) to single spaces. Most texts are one line already:
// they are returned as they are, without splitting and joining.
func OneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether OneLine(s) is s: no white space but single
// spaces between words.
func isOneLine(s string) bool {
	space := true // at the start, a space would be leading
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
			continue
		case r < utf8.RuneSelf && r > ' ', 0xC0 <= r && r <= 0x24F, 0x1EA0 <= r && r <= 0x1EF9:
			// Not white space: ASCII past ' ', Latin-1's letters and
			// Latin Extended-A and -B (ơ, ư, đ, ă), Vietnamese letters.
		case unicode.IsSpace(r):
			return false
		}
		space = false
	}
	return !space || s == ""
}
