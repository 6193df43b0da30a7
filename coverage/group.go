package coverage

import "github.com/bhytdoc/bhytdoc/bhytdoc"

// WithBaselineGroup returns a copy of t whose first column group shows
// each unit's baseline — what annexes head "Thực hiện năm 2018" — before
// the targets. date is the group's date (the counts'); the zero Date takes
// the day before the first milestone, which keeps the groups in date
// order. The copy's Schedule includes no sentence for the group: use
// t.Schedule() or Schedule of the real milestones for letters.
func (t *Table) WithBaselineGroup(label string, date bhytdoc.Date) *Table {
	c := *t
	if date == (bhytdoc.Date{}) && len(t.Milestones) > 0 {
		date = bhytdoc.DateOf(t.Milestones[0].Date.Time().AddDate(0, 0, -1))
	}
	c.Milestones = append([]Milestone{{Date: date, Label: label}}, t.Milestones...)
	c.Rows = make([]Row, len(t.Rows))
	for i, r := range t.Rows {
		r.Figures = append([]Figures{r.Baseline}, r.Figures...)
		c.Rows[i] = r
	}
	return &c
}
