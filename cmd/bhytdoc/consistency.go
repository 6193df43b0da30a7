package main

import (
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// allowHint is what the CLI adds to a *coverage.AnnexError with
// arithmetic findings, which --allow-inconsistent excuses (declarations
// it does not).
const allowHint = " (--allow-inconsistent renders anyway)"

// checkCoverage runs coverage.Check on every annex declared a coverage
// table (coverage: true) or, undeclared, whose columns it recognises as
// one (participants, population, rate …); other tables are not its
// business, nor one declared coverage: false. A table declared one that
// Check cannot read is an error even when allowInconsistent lets
// arithmetic findings pass. The error is a *coverage.AnnexError, each
// finding naming the annex.
func checkCoverage(d *bhytdoc.Document, allowInconsistent bool) error {
	return checkSourceCoverage(&markdown.Source{Doc: d}, allowInconsistent)
}

// checkSourceCoverage is checkCoverage of s.Doc; a finding in a table read
// from a file names the file and the cell.
func checkSourceCoverage(s *markdown.Source, allowInconsistent bool) error {
	return coverage.CheckAnnexes(s, allowInconsistent)
}

// annexSummary is e's summary as the CLI prints it, with the flag that
// lets arithmetic findings pass when there are any.
func annexSummary(e *coverage.AnnexError) string {
	for _, f := range e.Findings {
		if f.NotCoverage == nil {
			return e.Summary() + allowHint
		}
	}
	return e.Summary()
}
