package markdown

import (
	"bytes"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// TestNilInputs is issue 8 item 17: nil arguments give errors, never a
// panic.
func TestNilInputs(t *testing.T) {
	if _, err := Marshal(nil, nil); err == nil {
		t.Error("Marshal(nil) succeeded")
	}
	var buf bytes.Buffer
	if err := Write(&buf, nil, nil); err == nil || buf.Len() != 0 {
		t.Errorf("Write(w, nil): %v, %d bytes", err, buf.Len())
	}
	if err := Write(nil, &bhytdoc.Document{}, nil); err == nil {
		t.Error("Write(nil, d) succeeded")
	}
	if Canonical(nil, bhytdoc.ToneTraditional) != nil || !Equal(nil, nil) {
		t.Error("nil documents")
	}
	if Table(nil) != "" {
		t.Error("Table(nil) is not empty")
	}
}
