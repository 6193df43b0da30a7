package bhytdoc

import (
	"regexp"
	"testing"
)

// isAbbrev and isInitials replace two regexps; they must accept exactly
// what the regexps accepted.
var (
	abbrevPattern   = regexp.MustCompile(`^[\p{Lu}\p{Ll}0-9]+(?:-[\p{Lu}\p{Ll}0-9]+)*$`)
	initialsPattern = regexp.MustCompile(`^\p{Lu}+$`)
)

var abbrevCases = []string{
	"", "-", "--", "UBND", "ubnd", "UBND-VP", "KH-UBND", "VP-", "-VP", "VP--TH",
	"Đ", "ĐTN", "đtn", "BHXH-TP.HCM", "BHXH-TPHCM", "12", "1-2-3", "A B", "A_B",
	"PL", "Pl", "P1", "ΑΒΓ", "Ⅻ", "٣", "x\xffy", "\xff", "ǅ", "A\u0301", "Ỹ",
}

func TestIsAbbrevMatchesPattern(t *testing.T) {
	for _, s := range abbrevCases {
		if got, want := isAbbrev(s), abbrevPattern.MatchString(s); got != want {
			t.Errorf("isAbbrev(%q) = %v, the pattern says %v", s, got, want)
		}
		if got, want := isInitials(s), initialsPattern.MatchString(s); got != want {
			t.Errorf("isInitials(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

func FuzzIsAbbrev(f *testing.F) {
	for _, s := range abbrevCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAbbrev(s), abbrevPattern.MatchString(s); got != want {
			t.Errorf("isAbbrev(%q) = %v, the pattern says %v", s, got, want)
		}
		if got, want := isInitials(s), initialsPattern.MatchString(s); got != want {
			t.Errorf("isInitials(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
