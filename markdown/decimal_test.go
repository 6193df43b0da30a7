package markdown

import (
	"regexp"
	"testing"
)

// The pattern plainDecimal replaced, kept as its oracle.
var oracleDecimal = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)$`)

func checkPlainDecimal(t *testing.T, s string) {
	if got, want := plainDecimal(s), oracleDecimal.MatchString(s); got != want {
		t.Errorf("plainDecimal(%q) = %v, want %v", s, got, want)
	}
}

func TestPlainDecimalLikePattern(t *testing.T) {
	for _, s := range []string{"", "-", "0", "-0", "00", "-00", "010", "1", "-1", "123", "+1", "1_000", "0x10", "1.0", " 1", "1 ", "--1", "٣"} {
		checkPlainDecimal(t, s)
	}
}

func FuzzPlainDecimal(f *testing.F) {
	for _, s := range []string{"0", "-12", "010", "1_000"} {
		f.Add(s)
	}
	f.Fuzz(checkPlainDecimal)
}
