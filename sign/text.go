package sign

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxText bounds each text entry of the signature dictionary, in runes.
const maxText = 500

// pdfText prepares s for the signing library, which writes a non-ASCII
// string as raw UTF-16BE bytes between parentheses without escaping them.
// A byte 0x28, 0x29, 0x5C or 0x0D in that encoding would end or corrupt
// the string. Vietnamese meets this only in Ĩ and ĩ (U+0128, U+0129);
// those are written decomposed (I, i + U+0303), which is the same text.
// Anything else that cannot be written safely is an error naming field.
func pdfText(field, s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", &OptionError{field, "not valid UTF-8"}
	}
	if n := utf8.RuneCountInString(s); n > maxText {
		return "", &OptionError{field, fmt.Sprintf("%d characters, more than %d", n, maxText)}
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] < utf8.RuneSelf
	}
	if ascii {
		return s, nil // escaped by the library
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		if unsafeUTF16(r) {
			d := norm.NFD.String(string(r))
			for _, c := range d {
				if unsafeUTF16(c) {
					return "", &OptionError{field, fmt.Sprintf("%q cannot be written in a signature dictionary together with non-ASCII text", r)}
				}
			}
			b.WriteString(d)
			continue
		}
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth < 0 {
			return "", &OptionError{field, "unbalanced \")\" cannot be written together with non-ASCII text"}
		}
		b.WriteRune(r)
	}
	if depth != 0 {
		return "", &OptionError{field, "unbalanced \"(\" cannot be written together with non-ASCII text"}
	}
	return b.String(), nil
}

// unsafeUTF16 reports whether r's UTF-16BE form holds a byte the library
// would need to escape, other than a balanced parenthesis.
func unsafeUTF16(r rune) bool {
	for _, u := range utf16.Encode([]rune{r}) {
		for _, c := range [2]byte{byte(u >> 8), byte(u)} {
			switch c {
			case '\\', '\r':
				return true
			case '(', ')':
				if r != '(' && r != ')' {
					return true
				}
			}
		}
	}
	return false
}
