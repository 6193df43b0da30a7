package coverage

import (
	"bytes"
	"testing"
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
}
