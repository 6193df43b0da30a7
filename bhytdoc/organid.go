package bhytdoc

import (
	"fmt"
	"strings"
)

// MaxOrganIDBytes bounds an organisation identifier code, as the
// exchange platforms' databases do.
const MaxOrganIDBytes = 35

// CheckOrganID reports whether s is an organisation identifier code as
// the national document exchange uses them (QCVN 102:2016/BTTTT, the
// codes of Decision 20/2020/QĐ-TTg): up to four groups joined by ".",
// read from the right — the level-1 code, a capital letter and two digits
// ("G22", "H17"), then the level-2 and level-3 codes of two digits each
// and the level-4 code of three digits: "000.00.00.G22", "28.22.H17".
// The empty string is not a code.
func CheckOrganID(s string) error {
	if s == "" {
		return fmt.Errorf("empty organisation identifier code")
	}
	if len(s) > MaxOrganIDBytes {
		return fmt.Errorf("organisation identifier code of %d bytes, more than %d", len(s), MaxOrganIDBytes)
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return fmt.Errorf("%q is not an organisation identifier code: more than four groups", s)
	}
	last := parts[len(parts)-1]
	if len(last) != 3 || last[0] < 'A' || last[0] > 'Z' || !digits(last[1:]) {
		return fmt.Errorf("%q is not an organisation identifier code: it must end with a capital letter and two digits (\"G22\")", s)
	}
	want := []int{2, 2, 3} // levels 2, 3, 4, right to left
	for i := len(parts) - 2; i >= 0; i-- {
		n := want[len(parts)-2-i]
		if len(parts[i]) != n || !digits(parts[i]) {
			return fmt.Errorf("%q is not an organisation identifier code: group %d must be %d digits (\"000.00.00.G22\")", s, i+1, n)
		}
	}
	return nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// checkOrganID reports a code that is given but malformed.
func checkOrganID(p *problems, field, s string) {
	if s == "" {
		return
	}
	if err := CheckOrganID(s); err != nil {
		p.add(field, "%v", err)
	}
}
