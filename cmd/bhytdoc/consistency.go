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

// checkCoverage runs coverage.Check on every annex whose columns it
// recognises as a coverage table (participants, population, rate …);
// other tables are not its business. Every finding names the annex.
func checkCoverage(d *bhytdoc.Document) error {
	var out []string
	for i := range d.Annexes {
		a := &d.Annexes[i]
		found, err := coverage.Check(&a.Table)
		if err != nil {
			continue // not a coverage table
		}
		for _, f := range found {
			out = append(out, fmt.Sprintf("Annexes[%d] (%s): %s", i, a.Title, f))
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &inconsistentError{findings: out}
}
