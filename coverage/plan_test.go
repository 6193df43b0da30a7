package coverage

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

func d(y, m, day int) bhytdoc.Date { return bhytdoc.Date{Year: y, Month: m, Day: day} }

func pct(s string) Percent {
	p, err := ParsePercent(s)
	if err != nil {
		panic(err)
	}
	return p
}

// The milestones of seed 000, item 10.
func seedMilestones() []Milestone {
	return []Milestone{
		{Date: d(2020, 6, 30), Rate: pct("85")},
		{Date: d(2020, 9, 30), Rate: pct("89")},
		{Date: d(2020, 10, 31), Rate: pct("90")},
	}
}

func TestSchedule(t *testing.T) {
	want := "Đến ngày 30/6/2020 phải đạt 85%, ngày 30/9/2020 phải đạt 89%, ngày 31/10/2020 phải đạt 90%"
	if got := Schedule(seedMilestones()); got != want {
		t.Errorf("Schedule =\n%q\nwant\n%q", got, want)
	}
	one := []Milestone{{Date: d(2021, 6, 30), Rate: pct("89,5")}}
	if got := Schedule(one); got != "Đến ngày 30/6/2021 phải đạt 89,5%" {
		t.Errorf("Schedule(one) = %q", got)
	}
	if got := Schedule(nil); got != "" {
		t.Errorf("Schedule(nil) = %q", got)
	}
}

func TestNeeded(t *testing.T) {
	for _, tc := range []struct {
		target string
		pop    int64
		want   int64
	}{
		{"85", 10125, 8607},   // 8.606,25 rounds up
		{"89,5", 10125, 9062}, // 9.061,875
		{"85", 200, 170},      // exact: no rounding
		{"89,5", 1000, 895},   // exact
		{"100", 7, 7},         // 100% is everyone
		{"85", 1, 1},          // a unit of one person cannot be 85% covered by 0
		{"85", 3, 3},          // 2,55 → 3
		{"33,3333", 3, 1},     // 0,999999 → 1
		{"0", 500, 0},
		{"0,0001", 1_000_000, 1},
		{"99,9999", 1_000_000_000_000, 999_999_000_000},
		{"85", 0, 0},
	} {
		if got := Needed(pct(tc.target), tc.pop); got != tc.want {
			t.Errorf("Needed(%s%%, %d) = %d, want %d", tc.target, tc.pop, got, tc.want)
		}
	}
	if got := Needed(101*OnePercent, 9); got != 9 {
		t.Errorf("Needed(101%%, 9) = %d, want 9 (clamped)", got)
	}
}

func TestPlanTargets(t *testing.T) {
	bs := []Baseline{
		{Unit: Unit{Name: "Lê Bình", Kind: Phuong}, Participants: 8000, Population: 10125},
		// Already above every target: keeps its count.
		{Unit: Unit{Name: "An Bình", Kind: Xa}, Participants: 1977, Population: 2000},
		// Tiny unit: 85% of 3 is 2,55, so all 3.
		{Unit: Unit{Name: "Nam Giang", Kind: ThiTran}, Participants: 1, Population: 3},
		// Its own targets: 100% by the last milestone.
		{Unit: Unit{Name: "Ba Láng", Kind: Phuong, Code: "31183"}, Participants: 500, Population: 1000,
			Targets: map[bhytdoc.Date]Percent{d(2020, 10, 31): pct("100")}},
	}
	tb, err := PlanTargets(bs, seedMilestones())
	if err != nil {
		t.Fatal(err)
	}
	want := [][]Figures{
		{{8607, 10125}, {9012, 10125}, {9113, 10125}}, // 9.011,25 → 9.012; 9.112,5 → 9.113
		{{1977, 2000}, {1977, 2000}, {1977, 2000}},
		{{3, 3}, {3, 3}, {3, 3}},
		{{850, 1000}, {890, 1000}, {1000, 1000}},
	}
	for i, r := range tb.Rows {
		if !reflect.DeepEqual(r.Figures, want[i]) {
			t.Errorf("row %d (%s): %v, want %v", i, r.Unit.Label(), r.Figures, want[i])
		}
		if r.Unit != bs[i].Unit {
			t.Errorf("row %d: unit %v, want %v (input order kept)", i, r.Unit, bs[i].Unit)
		}
	}
	totals := tb.Totals()
	wantTotals := []Figures{{11437, 13128}, {11882, 13128}, {12093, 13128}}
	if !reflect.DeepEqual(totals, wantTotals) {
		t.Errorf("totals %v, want %v", totals, wantTotals)
	}
	for m, f := range totals {
		if !f.Rate().AtLeast(tb.Milestones[m].Rate) {
			t.Errorf("total at %s is %s, below the target", tb.Milestones[m].Header(), f.Rate().Percent(2))
		}
	}
	// New participants between milestones: 607, 405, 101 for Lê Bình.
	r := &tb.Rows[0]
	if got := []int64{r.New(0), r.New(1), r.New(2), r.New(3)}; !reflect.DeepEqual(got, []int64{607, 405, 101, 0}) {
		t.Errorf("New = %v", got)
	}
	if got := tb.Rows[1].New(0); got != 0 {
		t.Errorf("unit above target must enrol 0, got %d", got)
	}
	if f := tb.Rows[0].Figures[0]; f.NonParticipants() != 1518 {
		t.Errorf("non-participants %d, want 1518", f.NonParticipants())
	}
}

// A later milestone with a lower target never takes participants away.
func TestPlanNeverBackwards(t *testing.T) {
	ms := []Milestone{{Date: d(2020, 6, 30), Rate: pct("90")}, {Date: d(2020, 12, 31), Rate: pct("80")}}
	tb, err := PlanTargets([]Baseline{{Unit: Unit{Name: "X"}, Participants: 10, Population: 100}}, ms)
	if err != nil {
		t.Fatal(err)
	}
	if got := tb.Rows[0].Figures; got[0].Participants != 90 || got[1].Participants != 90 {
		t.Errorf("figures %v, want 90 then 90", got)
	}
}

func TestPopulationGrowth(t *testing.T) {
	for _, tc := range []struct {
		name     string
		pop      int64
		growth   string
		from, to bhytdoc.Date
		want     int64
	}{
		{"no growth", 10125, "0", d(2019, 12, 31), d(2020, 6, 30), 10125},
		// 4 years = 1461 days: 10.000 × 1,02⁴ = 10.824,3216.
		{"four years", 10000, "2", d(2016, 1, 1), d(2020, 1, 1), 10824},
		// 128 × 1,25⁴ = 312,5 exactly: halves round up.
		{"tie", 128, "25", d(2016, 1, 1), d(2020, 1, 1), 313},
		// 365 days is 0,99932 years: 10.199,86 → 10.200.
		{"365 days", 10000, "2", d(2019, 12, 31), d(2020, 12, 30), 10200},
		// 182 days at 1,5%: 10.200,39 → 10.200.
		{"half year", 10125, "1,5", d(2019, 12, 31), d(2020, 6, 30), 10200},
		// Decline: 1.000 × 0,9⁴ = 656,1.
		{"decline", 1000, "-10", d(2016, 1, 1), d(2020, 1, 1), 656},
		{"same day", 777, "5", d(2020, 1, 1), d(2020, 1, 1), 777},
	} {
		b := Baseline{Population: tc.pop, Growth: pct(tc.growth), Date: tc.from}
		got, err := PopulationAt(b, tc.to)
		if err != nil || got != tc.want {
			t.Errorf("%s: PopulationAt = %d, %v; want %d", tc.name, got, err, tc.want)
		}
	}
	// Growth flows into the plan: 85% of 10.200 is 8.670.
	tb, err := PlanTargets([]Baseline{{Unit: Unit{Name: "Lê Bình", Kind: Phuong}, Participants: 8000,
		Population: 10125, Growth: pct("1,5"), Date: d(2019, 12, 31)}}, seedMilestones()[:1])
	if err != nil {
		t.Fatal(err)
	}
	if got := tb.Rows[0].Figures[0]; got != (Figures{8670, 10200}) {
		t.Errorf("planned %v, want {8670 10200}", got)
	}
	// A population that shrinks to nothing is an error.
	if _, err := PopulationAt(Baseline{Population: 1, Growth: pct("-90"), Date: d(2000, 1, 1)}, d(2020, 1, 1)); err == nil {
		t.Error("population falling to 0: no error")
	}
}

func TestPlanErrors(t *testing.T) {
	good := Baseline{Unit: Unit{Name: "Lê Bình", Kind: Phuong}, Participants: 1, Population: 10}
	ms := seedMilestones()
	for _, tc := range []struct {
		name string
		bs   []Baseline
		ms   []Milestone
		want []string
	}{
		{"nothing", nil, nil, []string{"no baselines", "no milestones"}},
		{"zero population", []Baseline{{Unit: Unit{Name: "A"}, Population: 0}}, ms,
			[]string{"unit 1 (A): population is 0"}},
		{"above population", []Baseline{{Unit: Unit{Name: "A"}, Participants: 11, Population: 10}}, ms,
			[]string{"participants 11 above population 10"}},
		{"negative", []Baseline{{Unit: Unit{Name: "A"}, Participants: -1, Population: 10}}, ms,
			[]string{"negative participants"}},
		{"no name", []Baseline{{Population: 10}}, ms, []string{"unit 1: no name"}},
		{"huge", []Baseline{{Unit: Unit{Name: "A"}, Population: 2_000_000_000_000}}, ms,
			[]string{"population 2.000.000.000.000 above 1.000.000.000.000"}},
		{"bad kind", []Baseline{{Unit: Unit{Name: "A", Kind: 9}, Population: 10}}, ms, []string{"invalid kind 9"}},
		{"milestones out of order", []Baseline{good}, []Milestone{ms[1], ms[0]},
			[]string{"milestone 2 (2020-06-30): not after the previous milestone"}},
		{"target above 100", []Baseline{good}, []Milestone{{Date: d(2020, 1, 1), Rate: 101 * OnePercent}},
			[]string{"target 101% outside 0–100%"}},
		{"bad milestone date", []Baseline{good}, []Milestone{{Date: d(2020, 2, 30), Rate: OnePercent}},
			[]string{"milestone 1 (2020-02-30)"}},
		{"growth without date", []Baseline{{Unit: Unit{Name: "A"}, Population: 10, Growth: OnePercent}}, ms,
			[]string{"growth needs the baseline date"}},
		{"baseline after milestone", []Baseline{{Unit: Unit{Name: "A"}, Population: 10, Date: d(2021, 1, 1)}}, ms,
			[]string{"baseline date 2021-01-01 is after the first milestone 2020-06-30"}},
		{"unknown target date", []Baseline{{Unit: Unit{Name: "A"}, Population: 10,
			Targets: map[bhytdoc.Date]Percent{d(2020, 7, 1): OnePercent, d(2020, 7, 2): OnePercent}}}, ms,
			[]string{"target for 2020-07-01, which is not a milestone", "target for 2020-07-02"}},
		// Every problem at once.
		{"several", []Baseline{{Unit: Unit{Name: "A"}, Population: 0}, {Unit: Unit{Name: "B"}, Participants: 5, Population: 4}}, ms,
			[]string{"unit 1 (A): population is 0", "unit 2 (B): participants 5 above population 4"}},
	} {
		tb, err := PlanTargets(tc.bs, tc.ms)
		if err == nil {
			t.Errorf("%s: no error, table %v", tc.name, tb)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", tc.name, err, w)
			}
		}
	}
	// Errors are separate values, one per problem.
	_, err := PlanTargets([]Baseline{{Unit: Unit{Name: "A"}}, {Unit: Unit{Name: "B"}}}, ms)
	var j interface{ Unwrap() []error }
	if !errors.As(err, &j) || len(j.Unwrap()) != 2 {
		t.Errorf("want 2 joined errors, got %v", err)
	}
}

func TestUnitLabel(t *testing.T) {
	for _, tc := range []struct {
		u    Unit
		want string
	}{
		{Unit{Name: "Lê Bình", Kind: Phuong}, "Phường Lê Bình"},
		{Unit{Name: "Nam Giang", Kind: ThiTran}, "Thị trấn Nam Giang"},
		{Unit{Name: "thị trấn Nam Giang", Kind: ThiTran}, "thị trấn Nam Giang"},
		{Unit{Name: "Xã Nam Toàn", Kind: Xa}, "Xã Nam Toàn"},
		{Unit{Name: "  Nam   Toàn "}, "Nam Toàn"},
		{Unit{Name: "Xã", Kind: Phuong}, "Phường Xã"},
	} {
		if got := tc.u.Label(); got != tc.want {
			t.Errorf("%+v.Label() = %q, want %q", tc.u, got, tc.want)
		}
	}
	if u := ParseUnit("Thị trấn  Sơn Dương"); u != (Unit{Name: "Sơn Dương", Kind: ThiTran}) {
		t.Errorf("ParseUnit = %+v", u)
	}
	if u := ParseUnit("Cái Răng"); u != (Unit{Name: "Cái Răng"}) {
		t.Errorf("ParseUnit = %+v", u)
	}
	for s, want := range map[string]UnitKind{"xã": Xa, "XÃ": Xa, "Phường": Phuong, "thi tran": ThiTran, "ThiTran": ThiTran, "": 0,
		"xa\u0303": Xa} {
		if k, err := ParseUnitKind(s); err != nil || k != want {
			t.Errorf("ParseUnitKind(%q) = %v, %v", s, k, err)
		}
	}
	if _, err := ParseUnitKind("huyện"); err == nil {
		t.Error("ParseUnitKind(huyện): no error")
	}
	if Phuong.Title() != "Phường" || ThiTran.String() != "thị trấn" || UnitKind(7).String() != "UnitKind(7)" {
		t.Error("UnitKind names")
	}
}

func TestSortUnits(t *testing.T) {
	us := []Unit{{Name: "Đông Hải"}, {Name: "Dương"}, {Name: "An Bình", Kind: Xa}, {Name: "Ánh"}, {Name: "An Bình", Kind: Phuong}}
	SortUnits(us)
	var got []string
	for _, u := range us {
		got = append(got, u.Label())
	}
	want := []string{"Xã An Bình", "Phường An Bình", "Ánh", "Dương", "Đông Hải"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SortUnits: %q, want %q", got, want)
	}
	bs := []Baseline{{Unit: Unit{Name: "Đông Hải"}}, {Unit: Unit{Name: "Dương"}}}
	SortBaselines(bs)
	if bs[0].Unit.Name != "Dương" {
		t.Errorf("SortBaselines: %v", bs)
	}
}

func TestWithBaselineGroup(t *testing.T) {
	bs := []Baseline{{Unit: Unit{Name: "Lê Bình", Kind: Phuong}, Participants: 90, Population: 100}}
	ms := []Milestone{{Date: bhytdoc.Date{Year: 2020, Month: 6, Day: 30}, Rate: 95 * OnePercent}}
	tb, err := PlanTargets(bs, ms)
	if err != nil {
		t.Fatal(err)
	}
	g := tb.WithBaselineGroup("Thực hiện năm 2019", bhytdoc.Date{})
	if len(tb.Milestones) != 1 || len(tb.Rows[0].Figures) != 1 {
		t.Error("the original table changed")
	}
	if len(g.Milestones) != 2 || g.Milestones[0].Header() != "Thực hiện năm 2019" || g.Milestones[0].Date != (bhytdoc.Date{Year: 2020, Month: 6, Day: 29}) {
		t.Errorf("groups %+v", g.Milestones)
	}
	if f := g.Rows[0].Figures; f[0] != (Figures{90, 100}) || f[1] != (Figures{95, 100}) || g.Rows[0].New(1) != 5 {
		t.Errorf("figures %+v", f)
	}
	a, err := g.Annex()
	if err != nil {
		t.Fatal(err)
	}
	if found, err := Check(&a.Table); err != nil || len(found) != 0 {
		t.Errorf("the annex does not check: %v %v", found, err)
	}
}

// Label's shortcut for names that cannot begin with a kind gives what
// asking SplitKind always gives.
func TestLabelShortcut(t *testing.T) {
	slow := func(u Unit) string {
		name := typo.OneLine(u.Name)
		if !u.Kind.Valid() {
			return name
		}
		if k, rest := SplitKind(name); k == u.Kind && rest != "" {
			return name
		}
		return kindTitles[u.Kind] + " " + name
	}
	for _, name := range []string{"", " ", "Số 1", "Lê Bình", "phường Lê Bình", "Phường", "PHƯỜNG 3", "Thị trấn Nam Giang",
		"thị  trấn A", "xã", "Xã Hòa", "X\u0303a Hòa", "S\u0301ố", " Phường A", "\tXã B", "Tân Phú", "Pleiku", "xa Hoa", "Ðông", "1"} {
		for k := UnitKind(0); k <= kindEnd; k++ {
			u := Unit{Name: name, Kind: k}
			if got, want := u.Label(), slow(u); got != want {
				t.Errorf("%+v: Label %q, want %q", u, got, want)
			}
		}
	}
}
