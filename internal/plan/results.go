package plan

import (
	"errors"
	"fmt"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
)

// ResultFields are the data fields Results fills in from a units file;
// the data may not give them too, so that a report's figures cannot
// disagree with its annex.
var ResultFields = []string{"DonVi", "DanSo", "DaThamGia"}

// Results puts the current figures of bs into data (a report's decoded
// data, bao-cao-bhyt): each unit as a DonVi row (name, population,
// participants, and its target when the units file has one target
// column; else the data's ChiTieu), and the area's DanSo and DaThamGia
// as the sums, so that the totals row and the body quote the same
// figures. The rates are the templates' to compute from the counts. A
// units file's date must agree with the data's NgaySoLieu, and fills it
// when the data leaves it out.
func Results(data any, bs []coverage.Baseline) error {
	m, ok := data.(map[string]any)
	if !ok {
		return errors.New("want an object of data fields")
	}
	if len(bs) == 0 {
		return &UnitsError{errors.New("no units")}
	}
	var errs []error
	for _, k := range ResultFields {
		if _, given := m[k]; given {
			errs = append(errs, fmt.Errorf("%s: given by the units file; remove it from the data", k))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	var rows []any
	var pop, part int64
	date := bs[0].Date
	for i, b := range bs {
		if b.Date != date {
			return &UnitsError{fmt.Errorf("unit %d (%s): counts of %s, the first unit's of %s; a report quotes one date", i+1, b.Unit.Label(), isoDate(b.Date), isoDate(date))}
		}
		row := map[string]any{"Ten": b.Unit.Label(), "DanSo": b.Population, "DaThamGia": b.Participants}
		switch len(b.Targets) {
		case 0:
			if t, ok := m["ChiTieu"]; ok {
				row["ChiTieu"] = t
			}
		case 1:
			for _, p := range b.Targets {
				row["ChiTieu"] = percent(p)
			}
		default:
			return &UnitsError{fmt.Errorf("unit %d (%s): %d target columns; a report compares with one", i+1, b.Unit.Label(), len(b.Targets))}
		}
		rows = append(rows, row)
		pop += b.Population
		part += b.Participants
	}
	m["DonVi"], m["DanSo"], m["DaThamGia"] = rows, pop, part
	if date != (bhytdoc.Date{}) {
		if v, given := m["NgaySoLieu"]; !given {
			m["NgaySoLieu"] = isoDate(date)
		} else if d, err := coverage.ParseDate(fmt.Sprint(v)); err == nil && d != date {
			return fmt.Errorf("NgaySoLieu: %v, but the units file counts at %s", v, isoDate(date))
		}
	}
	return nil
}
