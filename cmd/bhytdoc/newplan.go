package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
)

// planFlags are the flags that plan a coverage annex into a document:
// --baseline UNITS.xlsx and --milestone DATE:RATE (repeated).
type planFlags struct {
	ms       milestones
	baseline string
	sort     bool
}

func addPlanFlags(fs *flag.FlagSet) *planFlags {
	pf := &planFlags{}
	fs.StringVar(&pf.baseline, "units", "", "units `file` (.xlsx or .csv: unit, population, participants) to plan the annex from")
	fs.StringVar(&pf.baseline, "baseline", "", "") // the old name of --units
	fs.Var(&pf.ms, "milestone", "milestone `DATE:RATE` of the plan (2019-12-31:99,5); repeat for each")
	fs.BoolVar(&pf.sort, "sort", false, "sort the planned units in Vietnamese alphabetical order (default: file order)")
	return pf
}

// check reports a usage error: one of --baseline and --milestone without
// the other.
func (pf *planFlags) check() error {
	if (pf.baseline == "") != (len(pf.ms) == 0) {
		return errors.New("--units and --milestone go together")
	}
	return nil
}

// planFields are the data fields a plan fills in for a whole-area
// document; the data may not give them too, so that a letter's figures
// cannot disagree with its annex.
var planFields = []string{"MocTienDo", "LichTrinh", "DanSo", "DaThamGia", "TyLe", "ChiTieu", "CanVanDong", "SoDonVi", "NgaySoLieu"}

// apply plans the annex when the flags ask for it and puts its figures
// into data (a map from readData, read from dataPath). It returns nil
// without --units. Its errors name the file at fault, once.
func (pf *planFlags) apply(data any, tmpl, dataPath string) (*plan, error) {
	p, err := pf.plan(data, tmpl, dataPath)
	var located *fileError
	if err != nil && !errors.As(err, &located) {
		err = inFile(dataPath, err)
	}
	return p, err
}

// inFile prefixes each problem err holds with file.
func inFile(file string, err error) error {
	var many interface{ Unwrap() []error }
	if errors.As(err, &many) {
		var out []error
		for _, e := range many.Unwrap() {
			out = append(out, inFile(file, e))
		}
		return errors.Join(out...)
	}
	return fmt.Errorf("%s: %w", file, err)
}

// fileError is an error that already names its file.
type fileError struct{ err error }

func (e *fileError) Error() string { return e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

func (pf *planFlags) plan(data any, tmpl, dataPath string) (*plan, error) {
	if pf.baseline == "" {
		return nil, nil
	}
	m, ok := data.(map[string]any)
	if !ok {
		return nil, errors.New("want an object of data fields")
	}
	o, err := annexOptionsOf(m)
	if err != nil {
		return nil, err
	}
	delete(m, "PhuLuc") // read into the plan, not a template field
	declared := declaredNames(tmpl)
	bs, _, err := readBaselines(pf.baseline, "")
	if err != nil {
		return nil, &fileError{err} // the reader names the file
	}
	if pf.sort {
		coverage.SortBaselines(bs)
	}
	p, err := makePlan(bs, pf.ms, o)
	if err != nil {
		return nil, &fileError{inFile(pf.baseline, err)}
	}
	var errs []error
	totals := p.totalsData()
	for _, k := range planFields {
		v, ok := totals[k]
		if !ok || !declared[k] {
			continue
		}
		if _, given := m[k]; given {
			errs = append(errs, fmt.Errorf("%s: given by --baseline and --milestone; remove it from the data", k))
			continue
		}
		m[k] = v
	}
	// The kế hoạch template builds its own annex from DonVi; the plan's
	// replaces it.
	if _, given := m["DonVi"]; given {
		errs = append(errs, errors.New("DonVi: the annex comes from --baseline; remove DonVi from the data"))
	} else if declared["DonVi"] {
		m["DonVi"] = []any{}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// attach adds the planned annex to doc.
func (p *plan) attach(doc *bhytdoc.Document) error {
	a, err := p.table.Annex()
	if err != nil {
		return err
	}
	doc.Annexes = append(doc.Annexes, a)
	return nil
}

// workbook is the annex as an XLSX workbook, with formulas.
func (p *plan) workbook() ([]byte, error) {
	var b bytes.Buffer
	err := coverage.WriteXLSX(&b, p.table)
	return b.Bytes(), err
}
