package plan

import (
	"strings"
	"testing"
)

func TestParseMilestone(t *testing.T) {
	for _, s := range []string{"2020-06-30:85", "30/6/2020:85"} {
		m, err := ParseMilestone(s)
		if err != nil || m.Date.Year != 2020 || m.Date.Month != 6 || m.Date.Day != 30 || m.Rate.Text() != "85" {
			t.Errorf("%s: %+v, %v", s, m, err)
		}
	}
	if m, err := ParseMilestone("2020-12-31:89,5"); err != nil || m.Rate.Text() != "89,5" {
		t.Errorf("89,5: %+v, %v", m, err)
	}
	for _, bad := range []string{"2020-06-30", "x:85", "2020-06-30:abc"} {
		if _, err := ParseMilestone(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if _, err := ParseMilestone("2020-06-30"); err == nil || !strings.Contains(err.Error(), "DATE:RATE") {
		t.Errorf("no colon: %v", err)
	}
}
