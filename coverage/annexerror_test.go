package coverage_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// TestCheckAnnexes checks the one error both the CLI and the server refuse
// a document's annexes with: an arithmetic finding unless allowed, a
// table declared coverage that is not one always, each line naming the
// annex, and a summary that counts both kinds.
func TestCheckAnnexes(t *testing.T) {
	wrong := bhytdoc.Annex{Title: "Biểu giao chỉ tiêu", Table: bhytdoc.Table{
		Header: header("STT", "Đơn vị", "Số người đã tham gia BHYT", "Số người chưa tham gia BHYT", "Dân số", "Tỷ lệ (%)"),
		Rows: [][]string{
			{"1", "Phường Lê Bình", "9.980", "145", "10.125", "98,6"},
			{"2", "Phường Hưng Phú", "15.100", "201", "15.300", "98,7"},
		},
	}}
	list := bhytdoc.Annex{Title: "Phân công", Coverage: bhytdoc.CoverageYes, Table: bhytdoc.Table{
		Header: header("STT", "Cơ quan", "Nhiệm vụ"),
		Rows:   [][]string{{"1", "Phòng Y tế", "Tổng hợp"}},
	}}
	s := &markdown.Source{Doc: &bhytdoc.Document{Annexes: []bhytdoc.Annex{wrong, list}}}

	err := coverage.CheckAnnexes(s, false)
	var ae *coverage.AnnexError
	if !errors.As(err, &ae) {
		t.Fatalf("want *coverage.AnnexError, got %T %v", err, err)
	}
	if len(ae.Findings) != 2 || ae.Findings[0].NotCoverage == nil || ae.Findings[1].Annex != 0 {
		t.Fatalf("findings: %+v", ae.Findings)
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		"Annexes[1] (Phân công): declared coverage: true, but not a coverage table",
		"Annexes[0] (Biểu giao chỉ tiêu): row 2 (STT 2, Phường Hưng Phú)",
		"1 arithmetic inconsistency in the annexes; 1 annex declared coverage: true is not a coverage table",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q\nwant it to start %q", i+1, lines[i], w)
		}
	}
	// Unwrap gives the findings' lines, without the summary.
	if u := ae.Unwrap(); len(u) != 2 || u[1].Error() != lines[1] {
		t.Errorf("Unwrap: %v", u)
	}

	// Arithmetic allowed: the declaration is still refused.
	err = coverage.CheckAnnexes(s, true)
	if !errors.As(err, &ae) || len(ae.Findings) != 1 || ae.Findings[0].Annex != 1 {
		t.Fatalf("allowed: %v", err)
	}
	if got := ae.Summary(); got != "1 annex declared coverage: true is not a coverage table (remove the declaration or fix the header)" {
		t.Errorf("summary: %q", got)
	}
	s.Doc.Annexes = s.Doc.Annexes[:1]
	if err := coverage.CheckAnnexes(s, true); err != nil {
		t.Errorf("arithmetic allowed, no declaration: %v", err)
	}
}

// header is a one-row header of the names.
func header(names ...string) [][]bhytdoc.HeaderCell {
	row := make([]bhytdoc.HeaderCell, len(names))
	for i, n := range names {
		row[i] = bhytdoc.HeaderCell{Text: n}
	}
	return [][]bhytdoc.HeaderCell{row}
}
