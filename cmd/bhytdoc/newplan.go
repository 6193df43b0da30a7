package main

import (
	"errors"
	"flag"
	"fmt"
	"github.com/bhytdoc/bhytdoc/internal/plan"

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

// resultsTemplate is the template whose --units are its results, not a
// plan's starting point: the report's units table from the units file.
const resultsTemplate = "bao-cao-bhyt"

// check reports a usage error: one of --baseline and --milestone without
// the other (bao-cao-bhyt takes --units alone: it reports, not plans).
func (pf *planFlags) check(tmpl string) error {
	if tmpl == resultsTemplate {
		if len(pf.ms) > 0 {
			return errors.New("--milestone plans targets; " + resultsTemplate + " reports results: give --units alone")
		}
		return nil
	}
	if (pf.baseline == "") != (len(pf.ms) == 0) {
		return errors.New("--units and --milestone go together")
	}
	return nil
}

// apply plans the annex when the flags ask for it and puts its figures
// into data (a map from readData, read from dataPath). It returns nil
// without --units. Its errors name the file at fault, once.
func (pf *planFlags) apply(data any, tmpl, dataPath string) (*plan.Plan, error) {
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

func (pf *planFlags) plan(data any, tmpl, dataPath string) (*plan.Plan, error) {
	if pf.baseline == "" {
		return nil, nil
	}
	bs, _, err := readBaselines(pf.baseline, "")
	if err != nil {
		return nil, &fileError{err} // the reader names the file
	}
	if pf.sort {
		coverage.SortBaselines(bs)
	}
	var p *plan.Plan
	if tmpl == resultsTemplate {
		err = plan.Results(data, bs)
	} else {
		p, err = plan.Data(data, tmpl, bs, pf.ms)
	}
	var ue *plan.UnitsError
	if errors.As(err, &ue) {
		return nil, &fileError{inFile(pf.baseline, ue.Err)}
	}
	return p, err
}
