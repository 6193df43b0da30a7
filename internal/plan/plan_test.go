package plan

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/templates"
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

// RowData, made per letter, is each unit's share as coverage.Shares
// makes them all at once, a unit's own targets included.
func TestRowDataShares(t *testing.T) {
	d := func(y, m, day int) bhytdoc.Date { return bhytdoc.Date{Year: y, Month: m, Day: day} }
	pct := func(s string) coverage.Percent {
		p, err := coverage.ParsePercent(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	ms := []coverage.Milestone{{Date: d(2019, 12, 31), Rate: pct("95")}, {Date: d(2020, 12, 31), Rate: pct("99,5")}}
	var bs []coverage.Baseline
	for i, l := range []string{"Phường Lê Bình", "Xã An Phú", "Thị trấn Cái Tắc"} {
		bs = append(bs, coverage.Baseline{Unit: coverage.ParseUnit(l), Date: d(2018, 12, 31),
			Population: int64(4000 + 1000*i), Participants: int64(3500 + 900*i)})
	}
	bs[1].Targets = map[bhytdoc.Date]coverage.Percent{d(2019, 12, 31): pct("97,25")}
	p, err := Make(bs, ms, Options{BaselineLabel: "Thực hiện năm 2018"})
	if err != nil {
		t.Fatal(err)
	}
	shares, err := coverage.Shares(bs, ms)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range shares {
		var c templates.CongVanXa
		c.SetShare(s)
		got := p.RowData(i)
		if got["DonVi"] != c.DonVi || got["ChuaThamGia"] != c.ChuaThamGia || got["PhatTrienMoi"] != c.PhatTrienMoi {
			t.Errorf("unit %d: %v, want %+v", i, got, c)
		}
		goals := got["ChiTieu"].([]any)
		if len(goals) != len(c.ChiTieu) {
			t.Fatalf("unit %d: %d goals, want %d", i, len(goals), len(c.ChiTieu))
		}
		for k, g := range c.ChiTieu {
			gm := goals[k].(map[string]any)
			if gm["TyLe"] != g.TyLe || gm["SoNguoi"] != g.SoNguoi || gm["PhatTrienMoi"] != g.PhatTrienMoi {
				t.Errorf("unit %d goal %d: %v, want %+v", i, k, gm, g)
			}
		}
	}
	if g := p.RowData(1)["ChiTieu"].([]any)[0].(map[string]any); g["TyLe"] != shares[1].Goals[0].Target.Float() {
		t.Errorf("the unit's own target: %v, want 97.25", g["TyLe"])
	}
}

// TestRowNamesLikeRowData checks RowNames against RowData filtered to the
// same keys, for every subset of the names, the counts and a field that
// is none of RowData's, and that it declines the unit's goals.
func TestRowNamesLikeRowData(t *testing.T) {
	d := bhytdoc.Date{Year: 2019, Month: 12, Day: 31}
	rate, _ := coverage.ParsePercent("95")
	var bs []coverage.Baseline
	for i, l := range []string{"Phường Lê Bình", "Xã An Phú", "Thị trấn Cái Tắc", "Số 7", "Phường 3"} {
		u := coverage.ParseUnit(l)
		u.Code = strings.Repeat("1", i)
		bs = append(bs, coverage.Baseline{Unit: u, Date: bhytdoc.Date{Year: 2018, Month: 12, Day: 31},
			Population: int64(4000 + 1000*i), Participants: int64(3500 + 900*i)})
	}
	p, err := Make(bs, []coverage.Milestone{{Date: d, Rate: rate}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"DonVi", "DonViThuong", "TenDonVi", "LoaiDonVi", "MaDonVi", "DanSo", "DaThamGia", "ChuaThamGia", "TyLe", "So"}
	for i := range bs {
		full := p.RowData(i)
		for set := 1; set < 1<<len(names); set++ {
			keys := map[string]bool{}
			for b, k := range names {
				if set&(1<<b) != 0 {
					keys[k] = true
				}
			}
			got, ok := p.RowNames(i, keys)
			if !ok {
				t.Fatalf("unit %d: RowNames declines %v", i, keys)
			}
			want := map[string]any{}
			for k, v := range full {
				if keys[k] {
					want[k] = v
				}
			}
			if len(got) != len(want) {
				t.Fatalf("unit %d, keys %v: %v, want %v", i, keys, got, want)
			}
			for k, v := range want {
				if got[k] != v {
					t.Fatalf("unit %d, keys %v: %v, want %v", i, keys, got, want)
				}
			}
		}
		for _, k := range []string{"ChiTieu", "PhatTrienMoi"} {
			if _, ok := p.RowNames(i, map[string]bool{"DonVi": true, k: true}); ok {
				t.Errorf("RowNames gives %s", k)
			}
		}
	}
}
