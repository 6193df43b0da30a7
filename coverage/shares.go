package coverage

// Share is one unit's part of a plan, as its own letter quotes it: its
// figures now and, per milestone, its target, the participants it needs
// and the new participants to enrol before it.
type Share struct {
	Unit Unit // the unit the share is for
	// Name is the unit as a line or cell starts it: "Phường Lê Bình".
	Name string
	// NameInText is the unit as a sentence names it mid-way: "phường Lê
	// Bình" (the kind in lower case, the proper name as written).
	NameInText string
	Baseline   Figures // population and participants at the baseline
	Goals      []Goal  // one per milestone, in date order
}

// Goal is a unit's target at one milestone.
type Goal struct {
	Milestone Milestone // date and label of the milestone
	// Target is the unit's rate to reach: its Baseline.Targets entry for
	// the milestone's date, else the milestone's Rate.
	Target  Percent
	Figures Figures // population then and participants needed
	New     int64   // participants to enrol since the previous milestone
}

// Shares plans baselines to milestones (see PlanTargets) and returns one
// Share per unit, in the order of baselines.
func Shares(baselines []Baseline, milestones []Milestone) ([]Share, error) {
	t, err := PlanTargets(baselines, milestones)
	if err != nil {
		return nil, err
	}
	return SharesOf(t, baselines), nil
}

// SharesOf returns the shares of a planned table t (its Rows and
// Milestones). baselines, when given, are the ones t was planned from,
// for the units' own targets; nil uses the milestones' rates. t must not
// have a baseline group (see Table.WithBaselineGroup).
func SharesOf(t *Table, baselines []Baseline) []Share {
	out := make([]Share, len(t.Rows))
	for i := range t.Rows {
		r := &t.Rows[i]
		s := Share{Unit: r.Unit, Name: r.Unit.Label(), Baseline: r.Baseline}
		s.NameInText = InText(s.Name)
		for m, ms := range t.Milestones {
			if m >= len(r.Figures) {
				break
			}
			target := ms.Rate
			if i < len(baselines) {
				if p, ok := baselines[i].Targets[ms.Date]; ok {
					target = p
				}
			}
			s.Goals = append(s.Goals, Goal{Milestone: ms, Target: target, Figures: r.Figures[m], New: r.New(m)})
		}
		out[i] = s
	}
	return out
}

// InText returns a unit's label as a sentence names it mid-way: the
// kind of unit in lower case ("Xã An Phú" → "xã An Phú"); a label without
// a known kind is returned as it is.
func InText(label string) string {
	if k, rest := SplitKind(label); k.Valid() && rest != "" {
		return k.String() + " " + rest
	}
	return label
}
