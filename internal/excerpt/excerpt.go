// Package excerpt shortens text taken from an input file for an error
// message: a message names the problem and shows a few characters of the
// file, never its whole content (a source that names /etc/passwd as an
// annex must not print it).
package excerpt

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Max is the number of characters an excerpt keeps.
const Max = 40

// Trim returns at most Max characters of s, with "…" when it cut, and
// invalid UTF-8 replaced.
func Trim(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= Max {
		return s
	}
	i, n := 0, 0
	for i = range s {
		if n == Max {
			break
		}
		n++
	}
	return s[:i] + "…"
}

// Quote returns Trim(s) quoted and escaped as a Go string literal, with
// "…" after the closing quote when it cut: "root:x:0:0:root:/root:/bin/b"….
func Quote(s string) string {
	t := Trim(s)
	if cut, ok := strings.CutSuffix(t, "…"); ok && t != s {
		return strconv.Quote(cut) + "…"
	}
	return strconv.Quote(t)
}
