package typo

import (
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// InvalidUTF8Error reports input that is not valid UTF-8. Offset is the byte
// offset of the first invalid byte, so callers can point at the bad spot in
// the source file rather than just reject it.
type InvalidUTF8Error struct {
	Offset int
}

// Error implements error.
func (e *InvalidUTF8Error) Error() string {
	return "invalid UTF-8 at byte " + strconv.Itoa(e.Offset)
}

// Clean checks that s is valid UTF-8 and returns it in Unicode NFC.
//
// Text pasted from word processors or typed with some Vietnamese input
// methods arrives decomposed (NFD, e.g. "U\u0309y"); normalising once at the
// boundary lets the rest of the pipeline compare and measure strings
// byte-wise. On invalid input Clean returns "" and an *InvalidUTF8Error.
// Already-NFC input is returned without allocating.
func Clean(s string) (string, error) {
	if plain(s) {
		return s, nil
	}
	if !utf8.ValidString(s) {
		return "", &InvalidUTF8Error{Offset: firstInvalid(s)}
	}
	return norm.NFC.String(s), nil
}

// firstInvalid returns the byte offset of the first invalid UTF-8 sequence
// in s, or -1 if there is none. A literal U+FFFD in the input is valid and is
// not reported, which is why the size is checked as well as the rune.
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
