package coverage

import (
	"math"
	"testing"
)

func TestParsePercent(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Percent
	}{
		{"85", 85 * OnePercent},
		{"89,5", 89*OnePercent + OnePercent/2},
		{"89.5", 89*OnePercent + OnePercent/2},
		{" 90% ", 90 * OnePercent},
		{"92,35", 923500},
		{"0,0001", 1},
		{"-0,8", -8000},
		{"100", 100 * OnePercent},
	} {
		got, err := ParsePercent(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParsePercent(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "%", "8,5,1", "85,00001", "1.234,5", "abc", "8 5", ",5", "5,"} {
		if p, err := ParsePercent(bad); err == nil {
			t.Errorf("ParsePercent(%q) = %d, want an error", bad, p)
		}
	}
}

func TestPercentString(t *testing.T) {
	for p, want := range map[Percent]string{
		85 * OnePercent:                 "85%",
		89*OnePercent + OnePercent/2:    "89,5%",
		923500:                          "92,35%",
		1:                               "0,0001%",
		-7500:                           "-0,75%",
		0:                               "0%",
		1000 * OnePercent:               "1.000%",
		100*OnePercent - OnePercent/100: "99,99%",
	} {
		if got := p.String(); got != want {
			t.Errorf("Percent(%d).String() = %q, want %q", int64(p), got, want)
		}
	}
}

func TestRateText(t *testing.T) {
	for _, tc := range []struct {
		num, den int64
		prec     int
		want     string
	}{
		{8607, 10125, 1, "85,0"},   // 85.007…
		{8606, 10125, 1, "85,0"},   // 84.997… rounds up to 85,0
		{1977, 2000, 1, "98,9"},    // 98.85 exactly: half away from zero
		{1977, 2000, 2, "98,85"},   //
		{19769, 20000, 2, "98,85"}, // 98.845 exactly
		{2, 3, 1, "66,7"},
		{2, 3, 2, "66,67"},
		{1, 8, 0, "13"}, // 12.5 → 13
		{1, 1, 1, "100,0"},
		{0, 5, 1, "0,0"},
		{7811, 10000, 2, "78,11"},
		{3, 2, 1, "150,0"},                      // a wrong table's rate still formats
		{1 << 40, 3, 1, "36.650.387.592.533,3"}, // numerator ≫ denominator
	} {
		if got := (Rate{tc.num, tc.den}).Text(tc.prec); got != tc.want {
			t.Errorf("Rate{%d,%d}.Text(%d) = %q, want %q", tc.num, tc.den, tc.prec, got, tc.want)
		}
	}
	if got := (Rate{1 << 62, 1}).Text(0); got != "" {
		t.Errorf("Rate{2^62, 1}.Text(0) = %q, want \"\": the percentage overflows 64 bits", got)
	}
	if got := (Rate{7811, 10000}).Percent(LetterPrecision); got != "78,11%" {
		t.Errorf("Percent = %q", got)
	}
	for _, r := range []Rate{{1, 0}, {-1, 5}, {1, -5}} {
		if r.Defined() || r.Text(1) != "" || r.Percent(1) != "" || !math.IsNaN(r.Float()) {
			t.Errorf("%v should be undefined", r)
		}
	}
	// Large counts take the 128-bit path exactly.
	big := Rate{Num: 4_000_000_000_000_000_001, Den: 8_000_000_000_000_000_000}
	if got := big.Text(2); got != "50,00" {
		t.Errorf("big.Text(2) = %q", got)
	}
	if got := (Rate{1977, 2000}).Float(); got != 98.85 {
		t.Errorf("Float = %v, want 98.85", got)
	}
}

func TestRateAtLeast(t *testing.T) {
	p85 := 85 * OnePercent
	for _, tc := range []struct {
		r    Rate
		p    Percent
		want bool
	}{
		{Rate{8607, 10125}, p85, true},
		{Rate{8606, 10125}, p85, false},
		{Rate{170, 200}, p85, true}, // exactly 85%
		{Rate{169, 200}, p85, false},
		{Rate{0, 1}, 0, true},
		{Rate{1, 0}, 0, false},
		{Rate{3, 3}, 100 * OnePercent, true},
	} {
		if got := tc.r.AtLeast(tc.p); got != tc.want {
			t.Errorf("%v.AtLeast(%v) = %v", tc.r, tc.p, got)
		}
	}
}
