package typo

import (
	"regexp"
	"testing"
)

// The patterns splitDate replaced, kept as its oracle.
var (
	oracleISODate = regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$`)
	oracleVNDate  = regexp.MustCompile(`^(?:(?:([0-9]{1,2})/)?([0-9]{1,2})/)?([0-9]{4})$`)
)

func oracleSplitDate(s string) (y, m, d string, ok bool) {
	if g := oracleISODate.FindStringSubmatch(s); g != nil {
		return g[1], g[2], g[3], true
	}
	if g := oracleVNDate.FindStringSubmatch(s); g != nil {
		return g[3], g[2], g[1], true
	}
	return "", "", "", false
}

func checkSplitDate(t *testing.T, s string) {
	y, m, d, ok := splitDate(s)
	wy, wm, wd, wok := oracleSplitDate(s)
	if y != wy || m != wm || d != wd || ok != wok {
		t.Errorf("splitDate(%q) = %q %q %q %v, want %q %q %q %v", s, y, m, d, ok, wy, wm, wd, wok)
	}
}

func TestSplitDateLikePatterns(t *testing.T) {
	for _, s := range []string{
		"", "2020", "202", "20201", "2020-", "2020-6", "2020-06", "2020-006", "2020-6-", "2020-6-3", "2020-06-30",
		"2020-06-300", "2020-06-30-", "2020--30", "2020/6", "6/2020", "06/2020", "006/2020", "30/6/2020", "1/1/2020",
		"/6/2020", "30//2020", "30/6/", "1/2/3/2020", "30/6/20201", "30/6/202", "3a/6/2020", "٢٠٢٠", "2020-6-3x",
		"x2020", "2020 ", "30-6-2020", "2020-6/3", "6/2020-1", "1/2020/", "12/12/1999",
	} {
		checkSplitDate(t, s)
	}
}

func FuzzSplitDate(f *testing.F) {
	for _, s := range []string{"2020-06-30", "30/6/2020", "6/2020", "2020", "2020-6", "1/2/3/2020"} {
		f.Add(s)
	}
	f.Fuzz(checkSplitDate)
}
