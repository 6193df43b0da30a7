package coverage

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Baseline is a unit's coverage at a known date, the starting point of a
// plan.
type Baseline struct {
	// Unit is the commune-level unit the counts are for.
	Unit Unit
	// Date is when the counts were taken. Required when Growth is set;
	// otherwise optional, but when set it must not be after the first
	// milestone.
	Date         bhytdoc.Date
	Participants int64 // people participating in BHYT
	Population   int64 // everyone the unit counts; must be positive
	// Growth is the yearly population growth (negative for decline);
	// zero keeps the population constant.
	Growth Percent
	// Targets overrides the milestones' overall rates for this unit,
	// keyed by milestone date. Milestones without an entry use their Rate.
	Targets map[bhytdoc.Date]Percent
}

// PlanTargets computes, for every unit and milestone, the population, the
// participants needed to reach the target and the implied number not yet
// participating. The rows keep the order of baselines; milestones must be
// in increasing date order. Every problem with the input is reported at
// once, each naming the unit or milestone.
//
// The rules, all in integers except population growth:
//
//   - Population at a milestone is the baseline population when Growth is
//     zero; otherwise P·(1+g)^y, with y = days since Date / 365.25, rounded
//     to the nearest person, halves up (values within 10⁻⁶ of a half count
//     as the half, so floating-point noise cannot turn a tie down). A
//     population that becomes zero is an error.
//   - Participants needed = ⌈target × population / 100⌉, computed exactly
//     (targets are held in ten-thousandths of a percent): rounding up, so
//     the target is met, never missed by a fraction of a person. A target
//     of 100% needs the whole population; a unit of 1 person at 85%
//     needs 1.
//   - A unit never goes backwards: the count needed at a milestone is at
//     least the count at the previous milestone (the baseline for the
//     first), so a unit already above its target keeps its count. The
//     count never exceeds the population at that milestone.
//   - Non-participants = population − participants; the rate is
//     participants / population, exact, rounded only when printed.
//   - Totals are the sums of the rows; because each unit meets its target,
//     so does the total.
func PlanTargets(baselines []Baseline, milestones []Milestone) (*Table, error) {
	var errs []error
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("coverage: "+format, args...))
	}
	if len(baselines) == 0 {
		add("no baselines")
	}
	if len(milestones) == 0 {
		add("no milestones")
	}
	dates := map[bhytdoc.Date]bool{}
	for i, m := range milestones {
		where := fmt.Sprintf("milestone %d (%s)", i+1, dateText(m.Date))
		if err := typo.ValidDate(m.Date.Year, m.Date.Month, m.Date.Day, false); err != nil {
			add("%s: %v", where, err)
			continue
		}
		if m.Rate < 0 || m.Rate > 100*OnePercent {
			add("%s: target %s outside 0–100%%", where, m.Rate)
		}
		if i > 0 && !milestones[i-1].Date.Time().Before(m.Date.Time()) {
			add("%s: not after the previous milestone", where)
		}
		dates[m.Date] = true
	}
	for i, b := range baselines {
		// Made only for an error: 100.000 units would pay for 100.000 labels.
		where := func() string { return fmt.Sprintf("unit %d (%s)", i+1, b.Unit.Label()) }
		if strings.TrimSpace(b.Unit.Name) == "" {
			add("unit %d: no name", i+1)
		}
		if b.Unit.Kind != 0 && !b.Unit.Kind.Valid() {
			add("%s: invalid kind %d", where(), int(b.Unit.Kind))
		}
		switch {
		case b.Population <= 0:
			add("%s: population is %s; a unit needs people to cover", where(), typo.Int(b.Population))
		case b.Participants < 0:
			add("%s: negative participants (%s)", where(), typo.Int(b.Participants))
		case b.Population > maxCount:
			add("%s: population %s above %s", where(), typo.Int(b.Population), typo.Int(maxCount))
		case b.Participants > b.Population:
			add("%s: participants %s above population %s", where(), typo.Int(b.Participants), typo.Int(b.Population))
		}
		if b.Growth <= -100*OnePercent || b.Growth > 100*OnePercent {
			add("%s: growth %s outside (-100%%, 100%%]", where(), b.Growth)
		}
		dated := b.Date != (bhytdoc.Date{})
		if dated {
			if err := typo.ValidDate(b.Date.Year, b.Date.Month, b.Date.Day, false); err != nil {
				add("%s: baseline date: %v", where(), err)
				dated = false
			}
		}
		if b.Growth != 0 && !dated {
			add("%s: population growth needs the baseline date", where())
		}
		if dated && len(milestones) > 0 && typo.ValidDate(milestones[0].Date.Year, milestones[0].Date.Month, milestones[0].Date.Day, false) == nil &&
			b.Date.Time().After(milestones[0].Date.Time()) {
			add("%s: baseline date %s is after the first milestone %s", where(), dateText(b.Date), dateText(milestones[0].Date))
		}
		var unknown []string
		for d := range b.Targets {
			if !dates[d] {
				unknown = append(unknown, dateText(d))
			}
		}
		slices.Sort(unknown) // map order is random; errors must not be
		for _, d := range unknown {
			add("%s: target for %s, which is not a milestone", where(), d)
		}
		for _, m := range milestones {
			if p, ok := b.Targets[m.Date]; ok && (p < 0 || p > 100*OnePercent) {
				add("%s: target %s for %s outside 0–100%%", where(), p, dateText(m.Date))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	t := &Table{Milestones: append([]Milestone(nil), milestones...), Rows: make([]Row, len(baselines))}
	for i, b := range baselines {
		row := Row{
			Unit:     b.Unit,
			Baseline: Figures{b.Participants, b.Population},
			Figures:  make([]Figures, len(milestones)),
		}
		prev := b.Participants
		for m, ms := range milestones {
			pop, err := populationAt(b, ms.Date)
			if err != nil {
				errs = append(errs, fmt.Errorf("coverage: unit %d (%s), %s: %w", i+1, b.Unit.Label(), ms.Header(), err))
				continue
			}
			target := ms.Rate
			if p, ok := b.Targets[ms.Date]; ok {
				target = p
			}
			need := min(pop, max(Needed(target, pop), prev))
			row.Figures[m] = Figures{need, pop}
			prev = need
		}
		t.Rows[i] = row
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return t, nil
}

func dateText(d bhytdoc.Date) string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Needed returns the participants needed for target among population
// people: ⌈target × population / 100⌉, exactly. Targets outside 0–100%
// are clamped to that range.
func Needed(target Percent, population int64) int64 {
	if population <= 0 || target <= 0 {
		return 0
	}
	if target >= 100*OnePercent {
		return population
	}
	// target < 10⁶ = the divisor, so the high word of the product is
	// below the divisor and Div64 cannot overflow.
	const div = uint64(100 * OnePercent)
	hi, lo := bits.Mul64(uint64(target), uint64(population))
	q, r := bits.Div64(hi, lo, div)
	if r != 0 {
		q++
	}
	return int64(q)
}

// PopulationAt returns b's population at date d under the growth rule of
// PlanTargets.
func PopulationAt(b Baseline, d bhytdoc.Date) (int64, error) { return populationAt(b, d) }

func populationAt(b Baseline, d bhytdoc.Date) (int64, error) {
	if b.Growth == 0 {
		return b.Population, nil
	}
	days := d.Time().Sub(b.Date.Time()).Hours() / 24
	years := days / 365.25
	g := float64(b.Growth) / float64(100*OnePercent)
	x := float64(b.Population) * math.Pow(1+g, years)
	if math.IsNaN(x) || x > maxCount {
		return 0, fmt.Errorf("population out of range after growth %s", b.Growth)
	}
	n := math.Floor(x)
	if x-n >= 0.5-1e-6 {
		n++
	}
	if n < 1 {
		return 0, errors.New("population falls to 0")
	}
	return int64(n), nil
}
