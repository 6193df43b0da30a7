package typo

import "fmt"

// romanTable lists the values Roman writes greedily, including the
// subtractive pairs. It is read-only.
var romanTable = [...]struct {
	v int
	s string
}{
	{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
	{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}

// Roman returns n in upper-case Roman numerals, as used to number chapters
// and sections ("Chương IV"). n must be in 1..3999, the range standard
// numerals can express; otherwise Roman returns "".
func Roman(n int) string {
	if n < 1 || n > 3999 {
		return ""
	}
	var b []byte
	for _, e := range romanTable {
		for n >= e.v {
			b = append(b, e.s...)
			n -= e.v
		}
	}
	return string(b)
}

// ParseRoman parses an upper-case Roman numeral in 1..3999. Only the
// canonical form Roman produces is accepted, so "IIII", "IC", "VX", "iv" and
// "" are errors: a non-canonical numeral in a document is a typo worth
// reporting, not something to guess at.
func ParseRoman(s string) (int, error) {
	if s == "" || len(s) > len("MMMDCCCLXXXVIII") {
		return 0, romanError(s)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		v := romanValue(s[i])
		if v == 0 {
			return 0, romanError(s)
		}
		if i+1 < len(s) && romanValue(s[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	if Roman(n) != s {
		return 0, romanError(s)
	}
	return n, nil
}

func romanValue(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

func romanError(s string) error {
	return fmt.Errorf("typo: malformed Roman numeral %q", s)
}
