package coverage

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// twoYears is the header of a hand-typed table with two milestones.
func twoYears() [][]bhytdoc.HeaderCell {
	four := []bhytdoc.HeaderCell{{Text: HeaderParticipants}, {Text: HeaderNonParticipants}, {Text: HeaderPopulation}, {Text: HeaderRate}}
	return [][]bhytdoc.HeaderCell{
		{{Text: "STT", RowSpan: 2}, {Text: "Đơn vị", RowSpan: 2}, {Text: "Năm 2020", ColSpan: 4}, {Text: "Năm 2021", ColSpan: 4}},
		append(append([]bhytdoc.HeaderCell{}, four...), four...),
	}
}

func TestCheckFindings(t *testing.T) {
	tb := &bhytdoc.Table{
		Header: twoYears(),
		Rows: [][]string{
			{"1", "Phường Lê Bình", "8.607", "1.518", "10.125", "85,0", "9.012", "1.113", "10.125", "89,0"},
			{"2", "Xã An Bình", "1.977", "24", "2.000", "98,9", "1.977", "23", "2.000", "98,8"},
			{"3", "Thị trấn Nam Giang", "4", "-1", "3", "133,3", "3", "0", "3", "100"},
			{"4", "Phường Ba Láng", "850", "150", "1.000", "85", "abc", "", "1.000", ""},
		},
		Totals: []string{"", "Cộng", "11.438", "1.691", "13.128", "87,1", "12.000", "1.128", "13.129", "91,4"},
	}
	got, err := Check(tb)
	if err != nil {
		t.Fatal(err)
	}
	const non, part, pop, rate = HeaderNonParticipants, HeaderParticipants, HeaderPopulation, HeaderRate
	want := []Finding{
		{Row: 2, STT: "2", Unit: "Xã An Bình", Milestone: "Năm 2020", Column: non, Problem: ProblemSum, Expected: "23", Stated: "24"},
		{Row: 2, STT: "2", Unit: "Xã An Bình", Milestone: "Năm 2021", Column: rate, Problem: ProblemRate, Expected: "98,9", Stated: "98,8"},
		{Row: 3, STT: "3", Unit: "Thị trấn Nam Giang", Milestone: "Năm 2020", Column: non, Problem: ProblemNegative, Expected: "≥ 0", Stated: "-1"},
		{Row: 3, STT: "3", Unit: "Thị trấn Nam Giang", Milestone: "Năm 2020", Column: part, Problem: ProblemAbove, Expected: "≤ 3", Stated: "4"},
		{Row: 4, STT: "4", Unit: "Phường Ba Láng", Milestone: "Năm 2021", Column: part, Problem: ProblemNumber, Expected: "a whole number", Stated: "abc"},
		{Row: 4, STT: "4", Unit: "Phường Ba Láng", Milestone: "Năm 2021", Column: non, Problem: ProblemMissing, Expected: "a number", Stated: ""},
		{Row: 0, Unit: "Cộng", Milestone: "Năm 2020", Column: non, Problem: ProblemSum, Expected: "1.690", Stated: "1.691"},
		{Row: 0, Unit: "Cộng", Milestone: "Năm 2021", Column: pop, Problem: ProblemTotal, Expected: "13.128", Stated: "13.129"},
		{Row: 0, Unit: "Cộng", Milestone: "Năm 2021", Column: non, Problem: ProblemSum, Expected: "1.129", Stated: "1.128"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %d findings:\n%s\nwant %d:\n%s", len(got), lines(got), len(want), lines(want))
	}
	s := got[1].String()
	if s != `row 2 (STT 2, Xã An Bình), Năm 2021, Tỷ lệ (%): rate ≠ participants / population: expected 98,9, stated "98,8"` {
		t.Errorf("String() = %s", s)
	}
	if s := got[6].String(); !strings.HasPrefix(s, "totals row (Cộng), Năm 2020,") {
		t.Errorf("String() = %s", s)
	}
}

func lines(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\t" + f.String() + "\n")
	}
	return b.String()
}

// Check compares rates at the precision they are written with.
func TestCheckRatePrecision(t *testing.T) {
	header := [][]bhytdoc.HeaderCell{{{Text: "TT"}, {Text: "Xã, phường"}, {Text: "Số người có thẻ BHYT"},
		{Text: "Dân số"}, {Text: "Tỷ lệ bao phủ (%)"}}}
	// 9.884 / 10.000 = 98,84%.
	for _, tc := range []struct {
		stated, want string // want "" means it matches
	}{
		{"98,8", ""}, {"98,84", ""}, {"98,840", ""}, {"99", ""}, {"98,84%", ""}, {"98.8", ""},
		{"98,9", "98,8"}, {"98,85", "98,84"}, {"98", "99"}, {"98,8400001", "98,8400000"},
		{"-5", "≥ 0"}, {"x", "a percentage"},
	} {
		tb := &bhytdoc.Table{Header: header, Rows: [][]string{{"1", "A", "9.884", "10.000", tc.stated}}}
		got, err := Check(tb)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tc.want == "" && len(got) != 0:
			t.Errorf("%q: unexpected %s", tc.stated, lines(got))
		case tc.want != "" && (len(got) != 1 || got[0].Expected != tc.want):
			t.Errorf("%q: got %s, want expected %q", tc.stated, lines(got), tc.want)
		}
	}
}

// Several layouts officials use: a single header row without milestone
// names, a row of column numbers, "-" for zero, a "Tổng cộng" last row,
// group rows with subtotals, and the participants column left out.
func TestCheckLayouts(t *testing.T) {
	tb := &bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{
			{{Text: "STT"}, {Text: "Tên đơn vị"}, {Text: "Tham gia BHYT"}, {Text: "Chưa tham gia"}, {Text: "Dân số"}, {Text: "Tỷ lệ"}},
			{{Text: "(1)"}, {Text: "(2)"}, {Text: "(3)"}, {Text: "(4)"}, {Text: "(5)=(3)+(4)"}, {Text: "(6)"}},
		},
		Rows: [][]string{
			{"I", "Khu vực thành thị", "150", "50", "200", "75,0"},
			{"1", "Phường A", "100", "-", "100", "100,0"},
			{"2", "Phường B", "50", "50", "100", "50,0"},
			{"II", "Khu vực nông thôn", "10", "90", "100", "10,0"}, // its rows add up to 11
			{"1", "Xã C", "11", "89", "100", "11,0"},
			{"", "Ghi chú: số liệu đến 31/12/2019", "", "", "", ""}, // no figures: a heading
			{"", "Tổng cộng", "161", "139", "300", "53,7"},
		},
	}
	got, err := Check(tb)
	if err != nil {
		t.Fatal(err)
	}
	want := []Finding{
		{Row: 4, STT: "II", Unit: "Khu vực nông thôn", Column: "Tham gia BHYT", Problem: ProblemSubtotal, Expected: "11", Stated: "10"},
		{Row: 4, STT: "II", Unit: "Khu vực nông thôn", Column: "Chưa tham gia", Problem: ProblemSubtotal, Expected: "89", Stated: "90"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n%swant:\n%s", lines(got), lines(want))
	}

	// Without a participants column it is derived: population − non.
	tb = &bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{{{Text: "STT"}, {Text: "Xã"}, {Text: "Số người chưa tham gia BHYT"}, {Text: "Dân số"}, {Text: "Tỷ lệ (%)"}}},
		Rows:   [][]string{{"1", "Xã C", "89", "100", "12,0"}},
		Totals: []string{"", "Cộng", "89", "100", "11,0"},
	}
	got, err = Check(tb)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Row != 1 || got[0].Expected != "11,0" {
		t.Errorf("derived participants: %s", lines(got))
	}
}

func TestCheckBadHeader(t *testing.T) {
	for name, h := range map[string][][]bhytdoc.HeaderCell{
		"empty":        nil,
		"no coverage":  {{{Text: "STT"}, {Text: "Tên"}, {Text: "Ghi chú"}}},
		"only a rate":  {{{Text: "STT"}, {Text: "Tên"}, {Text: "Tỷ lệ"}}},
		"bad tiling":   {{{Text: "STT", ColSpan: 2}}, {{Text: "a"}, {Text: "b"}, {Text: "c"}}},
		"span too low": {{{Text: "Dân số", RowSpan: 3}, {Text: "Tham gia"}}},
	} {
		if _, err := Check(&bhytdoc.Table{Header: h, Rows: [][]string{{"1"}}}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// Whatever PlanTargets computes, Check finds nothing wrong in its annex.
func TestCheckPlannedAnnex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	bs := make([]Baseline, 300)
	for i := range bs {
		pop := 1 + rng.Int64N(50_000)
		if i%50 == 0 {
			pop = 1 + rng.Int64N(5) // tiny units
		}
		bs[i] = Baseline{Unit: Unit{Name: "Đơn vị " + string(rune('A'+i%26)), Kind: UnitKind(1 + i%3)},
			Participants: rng.Int64N(pop + 1), Population: pop}
	}
	ms := append(seedMilestones(), Milestone{Date: d(2020, 12, 31), Rate: pct("100")})
	for _, prec := range []int{0, 2, WholePercent, MaxPrecision} {
		tb, err := PlanTargets(bs, ms)
		if err != nil {
			t.Fatal(err)
		}
		tb.Precision = prec
		a, err := tb.Annex()
		if err != nil {
			t.Fatal(err)
		}
		if err := (&bhytdoc.Document{Annexes: []bhytdoc.Annex{a}}).Validate(); err != nil {
			// Only the annex part matters here.
			for _, f := range err.(*bhytdoc.ValidationError).Fields() {
				if strings.HasPrefix(f, "Annexes") {
					t.Errorf("annex invalid: %v", err)
				}
			}
		}
		got, err := Check(&a.Table)
		if err != nil || len(got) != 0 {
			t.Errorf("precision %d: %v\n%s", prec, err, lines(got))
		}
		for m, f := range tb.Totals() {
			if !f.Rate().AtLeast(ms[m].Rate) {
				t.Errorf("total below target at %d", m)
			}
		}
		for _, r := range tb.Rows {
			for m, f := range r.Figures {
				if !f.Rate().AtLeast(ms[m].Rate) && f.Participants != f.Population {
					t.Errorf("%s misses target %s: %d/%d", r.Unit.Label(), ms[m].Rate, f.Participants, f.Population)
				}
				// Needed is the least count that reaches the target.
				if f.Participants > r.Baseline.Participants && (m == 0 || f.Participants > r.Figures[m-1].Participants) &&
					(Figures{f.Participants - 1, f.Population}).Rate().AtLeast(ms[m].Rate) {
					t.Errorf("%s: %d is more than needed for %s of %d", r.Unit.Label(), f.Participants, ms[m].Rate, f.Population)
				}
			}
		}
	}
}

// Communes named "Cộng Hòa" or "Toàn Thắng" are units, not totals.
func TestCheckTotalsLabel(t *testing.T) {
	tb := &bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{{{Text: "STT"}, {Text: "Xã"}, {Text: "Số người tham gia"}, {Text: "Dân số"}}},
		Rows:   [][]string{{"1", "Toàn Thắng", "5", "10"}, {"2", "Cộng Hòa", "7", "10"}},
	}
	if fs, err := Check(tb); err != nil || len(fs) != 0 {
		t.Errorf("%v\n%s", err, lines(fs))
	}
	tb.Rows = append(tb.Rows, []string{"", "Tổng cộng:", "12", "21"})
	fs, err := Check(tb)
	if err != nil || len(fs) != 1 || fs[0].Row != 0 || fs[0].Expected != "20" {
		t.Errorf("%v\n%s", err, lines(fs))
	}
	for s, want := range map[string]bool{"Cộng": true, "TỔNG CỘNG": true, "Toàn huyện": true, "Tổng cộng toàn quận": true,
		"Cộng Hòa": false, "Toàn Thắng": false, "Tổng Đội": false,
		// Any case, normal form and leading white space.
		"\u00a0 tổng số:": true, "C\u00f4\u0323ng": true, "cộng chung": true, "": false, " ": false, "Phường Số 7": false} {
		if isTotalsLabel(s) != want {
			t.Errorf("isTotalsLabel(%q) != %v", s, want)
		}
	}
}

// Check and the CSV reader never panic, whatever they are given.
func FuzzReadAnnexCSV(f *testing.F) {
	f.Add("STT,Đơn vị,Năm 2020,,,\n,,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n1,A,1,2,3,\"33,3\"\n,Cộng,1,2,3,x\n")
	f.Add("STT,Xã,Dân số,Tham gia,Tỷ lệ\nI,B,-,9.999.999.999.999,\"1,23456789012\"\n(1),(2)\n")
	f.Add("Dân số,Tham gia\n\"\",\n")
	f.Fuzz(func(t *testing.T, data string) {
		s, err := ReadAnnexCSV(strings.NewReader(data), "f.csv")
		if err != nil {
			return
		}
		s.Check()
	})
}

func FuzzCheck(f *testing.F) {
	f.Add("Dân số", 1, 2, "Tham gia", 1, 1, "5", "x")
	f.Fuzz(func(t *testing.T, h1 string, cs1, rs1 int, h2 string, cs2, rs2 int, v1, v2 string) {
		tb := &bhytdoc.Table{
			Header: [][]bhytdoc.HeaderCell{{{Text: h1, ColSpan: cs1, RowSpan: rs1}, {Text: h2, ColSpan: cs2, RowSpan: rs2}}, {{Text: h2}}},
			Rows:   [][]string{{v1, v2, v1}, {v2}},
			Totals: []string{v2, v1},
		}
		Check(tb)
	})
}
