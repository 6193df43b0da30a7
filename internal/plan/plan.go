// Package plan plans a coverage annex into a document's data: the table of
// targets from units and milestones (coverage.PlanTargets), the figures a
// whole-area document quotes, each unit's share for its own letter. The
// command line's new, merge and annex plan, and the HTTP server, use it.
package plan

import (
	"bytes"
	"errors"

	"fmt"
	"github.com/bhytdoc/bhytdoc/templates"
	"math"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
)

// Options are the data's wishes for a planned annex, under the key
// "PhuLuc":
//
//	PhuLuc:
//	  TieuDe: Biểu giao chỉ tiêu …        # annex title
//	  DonVi: Xã, thị trấn                  # header of the unit column
//	  NhanMoc: [Đến hết năm 2019, Đến hết năm 2020]   # one per milestone
//	  ThucHien: Thực hiện năm 2018         # a first group with the baseline
//	  SoLe: 1                              # decimals of rates (0–4)
type Options struct {
	Title, UnitHeader, BaselineLabel string
	Labels                           []string
	Precision                        int
	hasPrecision                     bool
}

// OptionsOf reads data["PhuLuc"]; errors name the field.
func OptionsOf(data map[string]any) (Options, error) {
	var o Options
	v, ok := data["PhuLuc"]
	if !ok || v == nil {
		return o, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return o, fmt.Errorf("PhuLuc: want a mapping (TieuDe, DonVi, NhanMoc, ThucHien, SoLe), got %T", v)
	}
	str := func(k string, dst *string) error {
		x, ok := m[k]
		if !ok || x == nil {
			return nil
		}
		s, ok := x.(string)
		if !ok {
			return fmt.Errorf("PhuLuc.%s: want text, got %T", k, x)
		}
		*dst = strings.TrimSpace(s)
		return nil
	}
	for k := range m {
		switch k {
		case "TieuDe", "DonVi", "NhanMoc", "ThucHien", "SoLe":
		default:
			return o, fmt.Errorf("PhuLuc.%s: unknown key (want TieuDe, DonVi, NhanMoc, ThucHien, SoLe)", k)
		}
	}
	for k, dst := range map[string]*string{"TieuDe": &o.Title, "DonVi": &o.UnitHeader, "ThucHien": &o.BaselineLabel} {
		if err := str(k, dst); err != nil {
			return o, err
		}
	}
	if x, ok := m["NhanMoc"]; ok && x != nil {
		l, ok := x.([]any)
		if !ok {
			return o, fmt.Errorf("PhuLuc.NhanMoc: want a list of labels, got %T", x)
		}
		for i, e := range l {
			s, ok := e.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return o, fmt.Errorf("PhuLuc.NhanMoc[%d]: want a label such as \"Đến hết năm 2019\"", i)
			}
			o.Labels = append(o.Labels, strings.TrimSpace(s))
		}
	}
	if x, ok := m["SoLe"]; ok && x != nil {
		n, err := wholeNumber(x)
		if err != nil || n < 0 || n > coverage.MaxPrecision {
			return o, fmt.Errorf("PhuLuc.SoLe: want 0–%d decimals, got %v", coverage.MaxPrecision, x)
		}
		o.Precision, o.hasPrecision = int(n), true
	}
	return o, nil
}

func wholeNumber(x any) (int64, error) {
	var n int64
	_, err := fmt.Sscan(fmt.Sprint(x), &n)
	return n, err
}

// Plan is a planned annex: the table as printed (with the baseline group
// first when asked for) and how many groups precede the milestones.
type Plan struct {
	// Table is the annex as printed.
	Table      *coverage.Table
	milestones []coverage.Milestone // the real milestones, for the schedule
	offset     int                  // 1 when the first group is the baseline
	// date is the units' baseline date; targets are their own targets
	// (Baseline.Targets) by unit, nil when none has any: what the shares
	// need of the baselines, not every baseline kept.
	date    bhytdoc.Date
	targets []map[bhytdoc.Date]coverage.Percent
	// planned is the table as planned, without a baseline group: each
	// unit's share of it is made when its letter asks (RowData), not kept
	// for every unit, a third of a 100,000-letter merge's memory.
	planned *coverage.Table
}

// Make plans bs to ms and shapes the table as o asks.
func Make(bs []coverage.Baseline, ms []coverage.Milestone, o Options) (*Plan, error) {
	if len(o.Labels) > 0 && len(o.Labels) != len(ms) {
		return nil, fmt.Errorf("PhuLuc.NhanMoc: %d labels for %d milestones", len(o.Labels), len(ms))
	}
	ms = append([]coverage.Milestone(nil), ms...)
	for i := range o.Labels {
		ms[i].Label = o.Labels[i]
	}
	t, err := coverage.PlanTargets(bs, ms)
	if err != nil {
		return nil, err
	}
	p := &Plan{Table: t, milestones: ms, date: bs[0].Date, planned: t}
	// A reader's names are substrings of the records it read: copied,
	// they no longer keep every record of the units file alive.
	for i := range t.Rows {
		u := &t.Rows[i].Unit
		u.Name, u.Code = strings.Clone(u.Name), strings.Clone(u.Code)
	}
	for i, b := range bs {
		if b.Targets != nil {
			if p.targets == nil {
				p.targets = make([]map[bhytdoc.Date]coverage.Percent, len(bs))
			}
			p.targets[i] = b.Targets
		}
	}
	t.Title, t.UnitHeader = o.Title, o.UnitHeader
	if o.hasPrecision {
		t.Precision = o.Precision
		if o.Precision == 0 {
			t.Precision = coverage.WholePercent
		}
	}
	if o.BaselineLabel != "" {
		p.Table = t.WithBaselineGroup(o.BaselineLabel, bs[0].Date)
		p.offset = 1
	}
	return p, nil
}

// rate2 is r as a percentage rounded to the two decimals letters print.
func rate2(r coverage.Rate) float64 { return math.Round(r.Float()*100) / 100 }

// percent is p as a number for templates (89,5% → 89.5).
func percent(p coverage.Percent) float64 { return p.Float() }

func isoDate(d bhytdoc.Date) string { return d.ISO() }

// milestoneData is the schedule as the templates' MocTienDo.
func (p *Plan) milestoneData() []any {
	var out []any
	for _, m := range p.milestones {
		out = append(out, map[string]any{"Ngay": isoDate(m.Date), "TyLe": percent(m.Rate), "Nhan": m.Header()})
	}
	return out
}

// Totals are the plan's figures for a whole-area document (the kế
// hoạch, the quyết định), under the names the templates use.
func (p *Plan) Totals() map[string]any {
	base := p.Table.BaselineTotal()
	tot := p.Table.Totals()
	last := tot[len(tot)-1]
	m := map[string]any{
		"MocTienDo":  p.milestoneData(),
		"LichTrinh":  coverage.Schedule(p.milestones),
		"DanSo":      base.Population,
		"DaThamGia":  base.Participants,
		"TyLe":       rate2(base.Rate()),
		"ChiTieu":    percent(p.milestones[len(p.milestones)-1].Rate),
		"CanVanDong": last.Participants - base.Participants,
		"SoDonVi":    len(p.Table.Rows),
	}
	if d := p.date; d != (bhytdoc.Date{}) {
		m["NgaySoLieu"] = isoDate(d)
	}
	return m
}

// RowData is unit i's share of the plan (see coverage.Shares) under the
// names cong-van-xa-bhyt uses: its counts, and per milestone its target,
// the participants it needs, its population then and the new
// participants to enrol before it.
func (p *Plan) RowData(i int) map[string]any {
	var c templates.CongVanXa
	c.SetShare(p.share(i))
	goals := make([]any, len(c.ChiTieu))
	for k, g := range c.ChiTieu {
		goals[k] = map[string]any{"Ngay": g.Ngay, "Nhan": g.Nhan, "TyLe": g.TyLe,
			"SoNguoi": g.SoNguoi, "DanSo": g.DanSo, "PhatTrienMoi": g.PhatTrienMoi}
	}
	return rowFields(&c, goals)
}

// RowNames is RowData(i) with the fields in keys only, or ok == false when
// keys ask for what the unit must reach (ChiTieu, PhatTrienMoi): what a
// file name template reads of each letter (--name '{{.DonVi}}') without
// working out the unit's share of every milestone.
func (p *Plan) RowNames(i int, keys map[string]bool) (d map[string]any, ok bool) {
	if keys["ChiTieu"] || keys["PhatTrienMoi"] {
		return nil, false
	}
	// A share of no milestones: the unit's names and counts, no goals.
	var c templates.CongVanXa
	c.SetShare(coverage.SharesOf(&coverage.Table{Rows: p.planned.Rows[i : i+1]}, nil)[0])
	d = make(map[string]any, len(keys))
	for k, v := range rowFields(&c, nil) {
		if keys[k] {
			d[k] = v
		}
	}
	return d, true
}

// rowFields are RowData's fields of c, with goals as ChiTieu.
func rowFields(c *templates.CongVanXa, goals []any) map[string]any {
	return map[string]any{
		"DonVi": c.DonVi, "DonViThuong": c.DonViThuong, "TenDonVi": c.TenDonVi,
		"LoaiDonVi": c.LoaiDonVi, "MaDonVi": c.MaDonVi, "DanSo": c.DanSo,
		"DaThamGia": c.DaThamGia, "ChuaThamGia": c.ChuaThamGia, "TyLe": c.TyLe,
		"ChiTieu": goals, "PhatTrienMoi": c.PhatTrienMoi,
	}
}

// share is unit i's share of the plan (see coverage.SharesOf).
func (p *Plan) share(i int) coverage.Share {
	one := &coverage.Table{Milestones: p.planned.Milestones, Rows: p.planned.Rows[i : i+1]}
	var bs []coverage.Baseline
	if i < len(p.targets) {
		bs = []coverage.Baseline{{Targets: p.targets[i]}}
	}
	return coverage.SharesOf(one, bs)[0]
}

// Fields are the data fields a plan fills in for a whole-area
// document; the data may not give them too, so that a letter's figures
// cannot disagree with its annex.
var Fields = []string{"MocTienDo", "LichTrinh", "DanSo", "DaThamGia", "TyLe", "ChiTieu", "CanVanDong", "SoDonVi", "NgaySoLieu"}

// Data plans bs to ms as data (a template's decoded data, for template
// tmpl) asks under PhuLuc, and puts the plan's figures into data: a field
// the plan fills may not be given too, so that a document's figures cannot
// disagree with its annex. An error of the plan itself (of the units) is a
// *UnitsError.
func Data(data any, tmpl string, bs []coverage.Baseline, ms []coverage.Milestone) (*Plan, error) {
	m, ok := data.(map[string]any)
	if !ok {
		return nil, errors.New("want an object of data fields")
	}
	o, err := OptionsOf(m)
	if err != nil {
		return nil, err
	}
	delete(m, "PhuLuc") // read into the plan, not a template field
	declared := map[string]bool{}
	fs, _ := templates.Fields(tmpl)
	for _, f := range fs {
		declared[f.Name] = true
	}
	p, err := Make(bs, ms, o)
	if err != nil {
		return nil, &UnitsError{err}
	}
	var errs []error
	totals := p.Totals()
	for _, k := range Fields {
		v, ok := totals[k]
		if !ok || !declared[k] {
			continue
		}
		if _, given := m[k]; given {
			errs = append(errs, fmt.Errorf("%s: given by the plan (units and milestones); remove it from the data", k))
			continue
		}
		m[k] = v
	}
	// The kế hoạch template builds its own annex from DonVi; the plan's
	// replaces it.
	if _, given := m["DonVi"]; given {
		errs = append(errs, errors.New("DonVi: the annex comes from the plan (units and milestones); remove DonVi from the data"))
	} else if declared["DonVi"] {
		m["DonVi"] = []any{}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// UnitsError is a problem of the units planned (a target below a unit's
// rate, say) rather than of the data.
type UnitsError struct{ Err error }

func (e *UnitsError) Error() string { return e.Err.Error() }
func (e *UnitsError) Unwrap() error { return e.Err }

// ParseMilestone reads a milestone written DATE:RATE ("2020-06-30:85",
// "30/6/2020:89,5").
func ParseMilestone(s string) (coverage.Milestone, error) {
	d, r, ok := strings.Cut(s, ":")
	if !ok {
		return coverage.Milestone{}, errors.New("want DATE:RATE, e.g. 2020-06-30:85")
	}
	date, err := coverage.ParseDate(d)
	if err != nil {
		return coverage.Milestone{}, err
	}
	rate, err := coverage.ParsePercent(r)
	if err != nil {
		return coverage.Milestone{}, err
	}
	return coverage.Milestone{Date: date, Rate: rate}, nil
}

// Attach adds the planned annex to doc.
func (p *Plan) Attach(doc *bhytdoc.Document) error {
	a, err := p.Table.Annex()
	if err != nil {
		return err
	}
	doc.Annexes = append(doc.Annexes, a)
	return nil
}

// Workbook is the annex as an XLSX workbook, with formulas.
func (p *Plan) Workbook() ([]byte, error) {
	var b bytes.Buffer
	err := coverage.WriteXLSX(&b, p.Table)
	return b.Bytes(), err
}
