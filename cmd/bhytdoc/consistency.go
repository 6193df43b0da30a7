package main

import (
	"errors"
	"fmt"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
)

// InconsistentError lists the arithmetic findings of a document's coverage
// annexes.
type inconsistentError struct {
	findings []string
}

func (e *inconsistentError) Error() string {
	return fmt.Sprintf("%d arithmetic inconsistencies in the annexes (--allow-inconsistent renders anyway)", len(e.findings))
}

// Unwrap lists each finding as its own error, so report prints one per
// line.
func (e *inconsistentError) Unwrap() []error {
	errs := make([]error, 0, len(e.findings)+1)
	for _, f := range e.findings {
		errs = append(errs, errors.New(f))
	}
	return append(errs, errors.New(e.Error()))
}

// checkCoverage runs coverage.Check on every annex declared a coverage
// table (coverage: true) or, undeclared, whose columns it recognises as
// one (participants, population, rate …); other tables are not its
// business, nor one declared coverage: false. A table declared one that
// Check cannot read is itself a finding. Every finding names the annex.
func checkCoverage(d *bhytdoc.Document) error {
	out := coverageFindings(d, func(i int) string {
		return fmt.Sprintf("Annexes[%d] (%s)", i, d.Annexes[i].Title)
	})
	if len(out) == 0 {
		return nil
	}
	return &inconsistentError{findings: out}
}

// coverageFindings is checkCoverage's findings, each after the label of
// its annex.
func coverageFindings(d *bhytdoc.Document, label func(i int) string) []string {
	var out []string
	for i := range d.Annexes {
		a := &d.Annexes[i]
		if a.Coverage == bhytdoc.CoverageNo {
			continue
		}
		found, err := coverage.Check(&a.Table)
		if err != nil {
			if a.Coverage == bhytdoc.CoverageYes {
				out = append(out, fmt.Sprintf("%s: declared coverage: true, but not a coverage table: %v", label(i), err))
			}
			continue
		}
		for _, f := range found {
			out = append(out, fmt.Sprintf("%s: %s", label(i), f))
		}
	}
	return out
}
