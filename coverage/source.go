package coverage

import (
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// AnnexFinding is a problem of one annex of a parsed source: an
// arithmetic Finding, or (NotCoverage set) an annex declared a coverage
// table (coverage: true) that Check cannot read as one.
type AnnexFinding struct {
	// Annex is the annex's index in the document's Annexes.
	Annex int
	// Title is the annex's title, which messages name it by.
	Title string
	// File is the file the table was read from, nil for a table written
	// in the source.
	File *markdown.TableFile
	// Finding is the arithmetic inconsistency; zero when NotCoverage is set.
	Finding Finding
	// NotCoverage says why an annex declared a coverage table is not one.
	NotCoverage error
}

// String returns the finding without its annex: "declared coverage: true,
// but not a coverage table: …" or the Finding's own text.
func (f AnnexFinding) String() string {
	if f.NotCoverage != nil {
		return fmt.Sprintf("declared coverage: true, but not a coverage table: %v", f.NotCoverage)
	}
	return f.Finding.String()
}

// CheckSource checks every annex of s's document that is declared a
// coverage table, or, undeclared, whose columns Check recognises as one;
// a table declared coverage: false is not its business. Findings in a
// table read from a workbook name the cell ("F7"). Problems of
// declaration come first, then the arithmetic, each in annex order.
func CheckSource(s *markdown.Source) []AnnexFinding {
	var declared, found []AnnexFinding
	for i := range s.Doc.Annexes {
		a := &s.Doc.Annexes[i]
		if a.Coverage == bhytdoc.CoverageNo {
			continue
		}
		f := s.AnnexFile(i)
		// The canonical table has the rows and columns of the one read,
		// so the file's cell references hold for it.
		var fs []Finding
		var err error
		if f != nil && f.Cell != nil {
			fs, err = CheckAt(&a.Table, f.Cell)
		} else {
			fs, err = Check(&a.Table)
		}
		if err != nil {
			if a.Coverage == bhytdoc.CoverageYes {
				declared = append(declared, AnnexFinding{Annex: i, Title: a.Title, File: f, NotCoverage: err})
			}
			continue
		}
		for _, x := range fs {
			found = append(found, AnnexFinding{Annex: i, Title: a.Title, File: f, Finding: x})
		}
	}
	return append(declared, found...)
}

// CheckAnnexes is CheckSource as an error: an *AnnexError holding the
// annexes declared coverage tables that are not, always, and the
// arithmetic findings unless allowArithmetic; nil when none is left.
// The CLI's render, new and merge and the server refuse a document with
// it.
func CheckAnnexes(s *markdown.Source, allowArithmetic bool) error {
	var bad []AnnexFinding
	for _, f := range CheckSource(s) {
		if f.NotCoverage != nil || !allowArithmetic {
			bad = append(bad, f)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return &AnnexError{Findings: bad}
}

// AnnexError is the problems of a document's coverage annexes that stop
// it being rendered: annexes declared coverage tables that are not, and
// arithmetic inconsistencies.
type AnnexError struct {
	// Findings are the problems, as CheckSource orders them.
	Findings []AnnexFinding
}

// Error returns each finding after its annex, one per line, then what
// they add up to:
//
//	Annexes[0] (Biểu giao chỉ tiêu, units.xlsx!Sheet1): F7: row 3 (…): …
//	1 arithmetic inconsistency in the annexes
func (e *AnnexError) Error() string {
	var b strings.Builder
	for _, f := range e.Findings {
		b.WriteString(f.line())
		b.WriteByte('\n')
	}
	b.WriteString(e.Summary())
	return b.String()
}

// Summary returns what the findings add up to, on one line: "2
// arithmetic inconsistencies in the annexes; 1 annex declared coverage:
// true is not a coverage table (remove the declaration or fix the
// header)".
func (e *AnnexError) Summary() string {
	declared := 0
	for _, f := range e.Findings {
		if f.NotCoverage != nil {
			declared++
		}
	}
	var parts []string
	switch n := len(e.Findings) - declared; {
	case n == 1:
		parts = append(parts, "1 arithmetic inconsistency in the annexes")
	case n > 1:
		parts = append(parts, fmt.Sprintf("%d arithmetic inconsistencies in the annexes", n))
	}
	switch {
	case declared == 1:
		parts = append(parts, "1 annex declared coverage: true is not a coverage table (remove the declaration or fix the header)")
	case declared > 1:
		parts = append(parts, fmt.Sprintf("%d annexes declared coverage: true are not coverage tables (remove the declaration or fix the header)", declared))
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns each finding as an error whose text is its line of
// Error, so that a program printing every error of a tree prints one
// finding per line.
func (e *AnnexError) Unwrap() []error {
	out := make([]error, len(e.Findings))
	for i, f := range e.Findings {
		out[i] = findingError(f.line())
	}
	return out
}

// findingError is one line of an AnnexError.
type findingError string

func (e findingError) Error() string { return string(e) }

// line returns the finding after its annex: "Annexes[0] (title, file): …".
func (f AnnexFinding) line() string {
	label := fmt.Sprintf("Annexes[%d] (%s", f.Annex, excerpt.Trim(f.Title))
	if f.File != nil {
		label += ", " + f.File.String()
	}
	return label + "): " + f.String()
}
