package coverage

import (
	"fmt"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// AnnexFinding is a problem of one annex of a parsed source: an
// arithmetic Finding, or (NotCoverage set) an annex declared a coverage
// table (coverage: true) that Check cannot read as one.
type AnnexFinding struct {
	// Annex is the annex's index in the document's Annexes.
	Annex int
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
				declared = append(declared, AnnexFinding{Annex: i, File: f, NotCoverage: err})
			}
			continue
		}
		for _, x := range fs {
			found = append(found, AnnexFinding{Annex: i, File: f, Finding: x})
		}
	}
	return append(declared, found...)
}
