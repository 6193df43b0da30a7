package bridge_test

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/bridge"
)

// TestFilled checks that importing bhytdoc fills every hook with the
// type its comment gives, and that each works.
func TestFilled(t *testing.T) {
	parts, ok := bridge.MarkdownParts.(func(*bhytdoc.Document, *bhytdoc.Options) ([]byte, []byte, *bhytdoc.Document, error))
	if !ok {
		t.Fatalf("MarkdownParts is %T", bridge.MarkdownParts)
	}
	check, ok := bridge.CheckPDF.(func(*bhytdoc.Document, *bhytdoc.Options) error)
	if !ok {
		t.Fatalf("CheckPDF is %T", bridge.CheckPDF)
	}
	body, ok := bridge.ParseBodyLines.(func(string, int) ([]bhytdoc.Block, []int, error))
	if !ok {
		t.Fatalf("ParseBodyLines is %T", bridge.ParseBodyLines)
	}
	blocks, lines, err := body("Đoạn một.\n\nĐoạn hai.\n", 10)
	if err != nil || len(blocks) != 2 || lines[1] != 12 {
		t.Errorf("ParseBodyLines: %v %v %v", blocks, lines, err)
	}
	norm, ok := bridge.NormalizeChecked.(func(*bhytdoc.Document, bhytdoc.ToneStyle) func() error)
	if !ok {
		t.Fatalf("NormalizeChecked is %T", bridge.NormalizeChecked)
	}
	// In place, as Normalized makes a copy; and Validate's verdict.
	d := &bhytdoc.Document{Summary: "Ve\u0300 vie\u0323c ho\u0301a", Place: "Ha\u0300 Nô\u0323i\x07"}
	want := d.Normalized(bhytdoc.ToneTraditional)
	werr := want.Validate()
	err = norm(d, bhytdoc.ToneTraditional)()
	if d.Summary != want.Summary || d.Place != want.Place {
		t.Errorf("NormalizeChecked: %q %q, want %q %q", d.Summary, d.Place, want.Summary, want.Place)
	}
	if err == nil || werr == nil || err.Error() != werr.Error() {
		t.Errorf("NormalizeChecked: error %v, want %v", err, werr)
	}
	// A nil document is refused by both, as by WritePDF and WriteMarkdown.
	if err := check(nil, nil); err == nil {
		t.Error("CheckPDF(nil): no error")
	}
	if _, _, _, err := parts(nil, nil); err == nil {
		t.Error("MarkdownParts(nil): no error")
	}
}
