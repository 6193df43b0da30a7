package coverage

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Figures are the health-insurance counts of one unit (or a total) at one
// date. Only the two counts are stored: the number not yet participating
// and the rate are derived from them, so they cannot disagree.
type Figures struct {
	Participants int64 // số người đã tham gia BHYT
	Population   int64 // dân số
}

// NonParticipants is the number not yet participating (số người chưa tham
// gia BHYT): Population − Participants.
func (f Figures) NonParticipants() int64 { return f.Population - f.Participants }

// Rate is the coverage rate Participants / Population, exact.
func (f Figures) Rate() Rate { return RateOf(f) }

// Add returns the sum of f and g.
func (f Figures) Add(g Figures) Figures {
	return Figures{f.Participants + g.Participants, f.Population + g.Population}
}

// Rate display precisions: annexes print one decimal ("98,8"), letters
// two ("78,11%").
const (
	DefaultPrecision = 1
	LetterPrecision  = 2
	// WholePercent prints rates without decimals ("99").
	WholePercent = -1
)

// Milestone is a date by which a coverage rate must be reached.
type Milestone struct {
	// Date is the day by which the rate must be reached.
	Date bhytdoc.Date
	// Rate is the overall target. A Baseline may set its own.
	Rate Percent
	// Label is the column-group header; empty means "Đến ngày 30/6/2020".
	Label string
}

// Header returns the column-group header of m.
func (m Milestone) Header() string {
	if s := strings.TrimSpace(m.Label); s != "" {
		return s
	}
	return "Đến ngày " + shortDate(m.Date)
}

func shortDate(d bhytdoc.Date) string { return typo.ShortDate(d.Year, d.Month, d.Day) }

// Schedule returns the sentence letters quote for ms, without final
// punctuation: "Đến ngày 30/6/2020 phải đạt 85%, ngày 30/9/2020 phải đạt
// 89%, ngày 31/10/2020 phải đạt 90%".
func Schedule(ms []Milestone) string {
	var b strings.Builder
	for i, m := range ms {
		if i == 0 {
			b.WriteString("Đến ngày ")
		} else {
			b.WriteString(", ngày ")
		}
		b.WriteString(shortDate(m.Date))
		b.WriteString(" phải đạt ")
		b.WriteString(m.Rate.String())
	}
	return b.String()
}

// Row is one unit of a Table: its baseline and its figures at each
// milestone.
type Row struct {
	Unit     Unit    // the unit the row is about
	Baseline Figures // the unit's figures at its baseline date
	// Figures holds one entry per milestone of the table.
	Figures []Figures
}

// New is the number of participants the unit must enrol between the
// previous milestone (the baseline for m = 0) and milestone m.
func (r *Row) New(m int) int64 {
	if r == nil || m < 0 || m >= len(r.Figures) {
		return 0
	}
	prev := r.Baseline.Participants
	if m > 0 {
		prev = r.Figures[m-1].Participants
	}
	return r.Figures[m].Participants - prev
}

// Table is a coverage annex: units down, milestones across. PlanTargets
// builds one; a Table can also be filled in by hand. Table methods do not
// modify it and are safe for concurrent use.
type Table struct {
	// Title is the annex title, e.g. "Biểu giao chỉ tiêu đối với các xã,
	// phường"; empty derives one from the units' kinds.
	Title string
	// Reference is the line under the title, without parentheses
	// ("Kèm theo Kế hoạch số …"). Optional.
	Reference string
	// UnitHeader heads the unit column; empty derives it from the units'
	// kinds ("Xã, thị trấn").
	UnitHeader string
	// Precision is the number of decimals of printed rates, up to
	// MaxPrecision: 0 means DefaultPrecision, WholePercent none.
	Precision int
	// Milestones are the column groups, in date order.
	Milestones []Milestone
	// Rows are the units, in the order they are printed.
	Rows []Row
}

// precision is the effective rate precision.
func (t *Table) precision() int {
	switch {
	case t.Precision == 0:
		return DefaultPrecision
	case t.Precision < 0:
		return 0
	}
	return min(t.Precision, MaxPrecision)
}

// Totals returns the sum over all rows at each milestone.
func (t *Table) Totals() []Figures {
	if t == nil {
		return nil
	}
	out := make([]Figures, len(t.Milestones))
	for _, r := range t.Rows {
		for m := range out {
			if m < len(r.Figures) {
				out[m] = out[m].Add(r.Figures[m])
			}
		}
	}
	return out
}

// BaselineTotal returns the sum of the rows' baselines.
func (t *Table) BaselineTotal() Figures {
	var f Figures
	if t == nil {
		return f
	}
	for _, r := range t.Rows {
		f = f.Add(r.Baseline)
	}
	return f
}

// Schedule is Schedule(t.Milestones).
func (t *Table) Schedule() string {
	if t == nil {
		return ""
	}
	return Schedule(t.Milestones)
}

// SortRows sorts the rows as SortUnits sorts units.
func (t *Table) SortRows() {
	if t == nil {
		return
	}
	sortRows(t.Rows)
}

// Validate reports every problem that keeps t from being printed: no
// milestones or rows, a row without one figure per milestone, negative
// counts, participants above population, a zero population or one above
// 10^12 (so that totals cannot overflow).
func (t *Table) Validate() error {
	if t == nil {
		return errors.New("coverage: nil table")
	}
	var errs []error
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("coverage: "+format, args...))
	}
	if len(t.Milestones) == 0 {
		add("table has no milestones")
	}
	if len(t.Rows) == 0 {
		add("table has no rows")
	}
	if t.Precision > MaxPrecision {
		add("precision %d above %d", t.Precision, MaxPrecision)
	}
	// Text printed in tables and in the Markdown meant for portals holds
	// no control, bidirectional or invisible characters, as in a Document.
	// The field is named only when its text is refused: a table of
	// 100.000 units is checked twice when written as XLSX and Markdown.
	text := func(field string, i int, s string) {
		if r, at, kind, ok := typo.Unprintable(s, false); !ok {
			if i >= 0 {
				field = fmt.Sprintf(field, i)
			}
			add("%s: %s %U at byte %d", field, kind, r, at)
		}
	}
	text("Title", -1, t.Title)
	text("Reference", -1, t.Reference)
	text("UnitHeader", -1, t.UnitHeader)
	for i, m := range t.Milestones {
		text("Milestones[%d].Label", i, m.Label)
	}
	for i, r := range t.Rows {
		text("Rows[%d].Unit.Name", i, r.Unit.Name)
		text("Rows[%d].Unit.Code", i, r.Unit.Code)
	}
	for i, r := range t.Rows {
		where := func() string { return fmt.Sprintf("row %d (%s)", i+1, r.Unit.Label()) }
		if strings.TrimSpace(r.Unit.Name) == "" {
			add("row %d: unit has no name", i+1)
		}
		if r.Unit.Kind != 0 && !r.Unit.Kind.Valid() {
			add("%s: invalid kind %d", where(), int(r.Unit.Kind))
		}
		if len(r.Figures) != len(t.Milestones) {
			add("%s: %d figures for %d milestones", where(), len(r.Figures), len(t.Milestones))
			continue
		}
		for m, f := range r.Figures {
			mw := func() string { return where() + ", " + t.Milestones[m].Header() }
			switch {
			case f.Participants < 0 || f.Population < 0:
				add("%s: negative count", mw())
			case f.Population > maxCount:
				add("%s: population %s above %s", mw(), typo.Int(f.Population), typo.Int(maxCount))
			case f.Population == 0:
				add("%s: population is 0", mw())
			case f.Participants > f.Population:
				add("%s: participants %s above population %s", mw(), typo.Int(f.Participants), typo.Int(f.Population))
			}
		}
	}
	return errors.Join(errs...)
}

// kindsPhrase names the kinds present in units in the decree's order, "xã,
// phường, thị trấn", or "" when none is stated.
func kindsPhrase(rows []Row) string {
	var has [kindEnd]bool
	for _, r := range rows {
		if r.Unit.Kind.Valid() {
			has[r.Unit.Kind] = true
		}
	}
	var names []string
	for k := Xa; k < kindEnd; k++ {
		if has[k] {
			names = append(names, kindNames[k])
		}
	}
	return strings.Join(names, ", ")
}

// unitHeader is the header of the unit column.
func (t *Table) unitHeader() string {
	if s := strings.TrimSpace(t.UnitHeader); s != "" {
		return s
	}
	p := kindsPhrase(t.Rows)
	if p == "" {
		return "Đơn vị"
	}
	r := []rune(p)
	return typo.Upper(string(r[0])) + string(r[1:])
}

// title is the annex title.
func (t *Table) title() string {
	if s := strings.TrimSpace(t.Title); s != "" {
		return s
	}
	p := kindsPhrase(t.Rows)
	if p == "" {
		p = "đơn vị"
	}
	return "Biểu giao chỉ tiêu bảo hiểm y tế đối với các " + p
}
