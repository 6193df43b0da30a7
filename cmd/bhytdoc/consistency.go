package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// inconsistentError lists the problems of a document's coverage annexes:
// arithmetic findings, and annexes declared coverage tables that are not.
type inconsistentError struct {
	findings []string
	// declared counts the findings about declarations, which
	// --allow-inconsistent does not excuse.
	declared int
}

func (e *inconsistentError) Error() string {
	var parts []string
	if n := len(e.findings) - e.declared; n > 0 {
		parts = append(parts, fmt.Sprintf("%d arithmetic inconsistencies in the annexes (--allow-inconsistent renders anyway)", n))
	}
	if e.declared > 0 {
		parts = append(parts, fmt.Sprintf("%d annexes declared coverage: true are not coverage tables (remove the declaration or fix the header)", e.declared))
	}
	return strings.Join(parts, "; ")
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
// Check cannot read is an error even when allowInconsistent lets
// arithmetic findings pass. Every finding names the annex.
func checkCoverage(d *bhytdoc.Document, allowInconsistent bool) error {
	return checkSourceCoverage(&markdown.Source{Doc: d}, allowInconsistent)
}

// checkSourceCoverage is checkCoverage of s.Doc; a finding in a table read
// from a file names the file and the cell.
func checkSourceCoverage(s *markdown.Source, allowInconsistent bool) error {
	declared, found := coverageFindings(s, func(i int) string {
		if f := s.AnnexFile(i); f != nil {
			return fmt.Sprintf("Annexes[%d] (%s, %s)", i, s.Doc.Annexes[i].Title, f)
		}
		return fmt.Sprintf("Annexes[%d] (%s)", i, s.Doc.Annexes[i].Title)
	})
	if allowInconsistent {
		found = nil
	}
	if len(declared)+len(found) == 0 {
		return nil
	}
	return &inconsistentError{findings: append(declared, found...), declared: len(declared)}
}

// coverageFindings returns, each after the label of its annex, the
// annexes declared coverage tables that are not, and the arithmetic
// findings (see coverage.CheckSource).
func coverageFindings(s *markdown.Source, label func(i int) string) (declared, found []string) {
	for _, f := range coverage.CheckSource(s) {
		line := fmt.Sprintf("%s: %s", label(f.Annex), f)
		if f.NotCoverage != nil {
			declared = append(declared, line)
		} else {
			found = append(found, line)
		}
	}
	return declared, found
}
