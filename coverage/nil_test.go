package coverage

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// TestNilInputs is issue 8 item 17: nil arguments give errors, never a
// panic.
func TestNilInputs(t *testing.T) {
	if _, err := Check(nil); err == nil {
		t.Error("Check(nil) succeeded")
	}
	var nt *Table
	if err := nt.Validate(); err == nil {
		t.Error("nil table valid")
	}
	if _, err := nt.Annex(); err == nil {
		t.Error("Annex of a nil table")
	}
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, nil); err == nil {
		t.Error("WriteMarkdown(w, nil) succeeded")
	}
	if err := WriteXLSX(&buf, nil); err == nil {
		t.Error("WriteXLSX(w, nil) succeeded")
	}
	if err := WriteXLSX(nil, &Table{}); err == nil {
		t.Error("WriteXLSX(nil, t) succeeded")
	}
	if nt.Totals() != nil || nt.Schedule() != "" || nt.BaselineTotal() != (Figures{}) {
		t.Error("nil table has figures")
	}
	nt.SortRows()
	if (*Row)(nil).New(0) != 0 {
		t.Error("nil row enrols")
	}
}

// TestValidateUnprintable is issue 8 item 7 for coverage tables, whose
// unit names go straight into Markdown for portals.
func TestValidateUnprintable(t *testing.T) {
	tb := &Table{
		Milestones: []Milestone{{Rate: 90}},
		Rows:       []Row{{Unit: Unit{Name: "Lê\u202EBình"}, Figures: []Figures{{Participants: 1, Population: 2}}}},
	}
	err := tb.Validate()
	if err == nil || !strings.Contains(err.Error(), "Rows[0].Unit.Name") || !strings.Contains(err.Error(), "U+202E") {
		t.Errorf("bidi override in a unit name: %v", err)
	}
	tb.Rows[0].Unit.Name = "Lê Bình"
	if err := tb.Validate(); err != nil {
		t.Error(err)
	}
}

// TestXLSXOptionsNaN is issue 8 item 11 for workbooks: a NaN or infinite
// font size is refused, not written into the styles.
func TestXLSXOptionsNaN(t *testing.T) {
	tb := &Table{
		Milestones: []Milestone{{Rate: 90}},
		Rows:       []Row{{Unit: Unit{Name: "Lê Bình"}, Figures: []Figures{{Participants: 1, Population: 2}}}},
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var buf bytes.Buffer
		if err := WriteXLSXWith(&buf, &XLSXOptions{Size: v}, tb); err == nil || buf.Len() != 0 {
			t.Errorf("size %g: %v, %d bytes", v, err, buf.Len())
		}
	}
}

// TestCheckHugeSpans is issue 8 items 2 and 17 for Check: spans near
// MaxInt overflowed the header checks and panicked.
func TestCheckHugeSpans(t *testing.T) {
	for _, h := range [][][]bhytdoc.HeaderCell{
		{{{Text: "STT"}, {Text: "Đơn vị", ColSpan: math.MaxInt}}},
		{{{Text: "STT", RowSpan: math.MaxInt}, {Text: "Đơn vị"}}, {{Text: "a"}}},
		{{{Text: "STT", ColSpan: 100_000_000}}},
	} {
		if _, err := Check(&bhytdoc.Table{Header: h, Rows: [][]string{{"1", "a"}}}); err == nil {
			t.Errorf("header %v accepted", h)
		}
	}
}
