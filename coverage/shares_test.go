package coverage

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

func TestShares(t *testing.T) {
	d := func(y, m, day int) bhytdoc.Date { return bhytdoc.Date{Year: y, Month: m, Day: day} }
	bs := []Baseline{
		{Unit: Unit{Kind: Phuong, Name: "Hưng Phú"}, Participants: 15100, Population: 15300},
		{Unit: Unit{Kind: Xa, Name: "An Phú"}, Participants: 900, Population: 1000,
			Targets: map[bhytdoc.Date]Percent{d(2020, 12, 31): 95 * OnePercent}},
	}
	ms := []Milestone{{Date: d(2019, 12, 31), Rate: 995 * OnePercent / 10, Label: "Đến hết năm 2019"}, {Date: d(2020, 12, 31), Rate: 100 * OnePercent}}
	sh, err := Shares(bs, ms)
	if err != nil {
		t.Fatal(err)
	}
	a, b := sh[0], sh[1]
	if a.Name != "Phường Hưng Phú" || a.NameInText != "phường Hưng Phú" || b.NameInText != "xã An Phú" {
		t.Errorf("names %q %q %q", a.Name, a.NameInText, b.NameInText)
	}
	// 99,5% of 15.300 = 15.223,5 → 15.224, 124 new; 100% → 15.300, 76 more.
	if g := a.Goals[0]; g.Figures.Participants != 15224 || g.New != 124 || g.Target != ms[0].Rate || g.Milestone.Header() != "Đến hết năm 2019" {
		t.Errorf("Hưng Phú 2019: %+v", g)
	}
	if g := a.Goals[1]; g.Figures.Participants != 15300 || g.New != 76 {
		t.Errorf("Hưng Phú 2020: %+v", g)
	}
	// An Phú's own 95% target for 2020 overrides the milestone's 100%.
	if g := b.Goals[1]; g.Target != 95*OnePercent || g.Figures.Participants != 995 { // never below the 2019 count
		t.Errorf("An Phú 2020: %+v", g)
	}
	if _, err := Shares(nil, ms); err == nil {
		t.Error("no baselines: no error")
	}
}
