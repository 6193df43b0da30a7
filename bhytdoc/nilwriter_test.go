package bhytdoc_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// Every writer returns an error, never panics, for a nil io.Writer or a
// nil document or table.
func TestWritersRefuseNil(t *testing.T) {
	var buf bytes.Buffer
	writers := map[string]func(io.Writer, *bhytdoc.Document) error{
		"WritePDF":       func(w io.Writer, d *bhytdoc.Document) error { return bhytdoc.WritePDF(w, d, nil) },
		"WriteDOCX":      func(w io.Writer, d *bhytdoc.Document) error { return bhytdoc.WriteDOCX(w, d, nil) },
		"WriteXLSX":      func(w io.Writer, d *bhytdoc.Document) error { return bhytdoc.WriteXLSX(w, d, nil) },
		"WriteMarkdown":  func(w io.Writer, d *bhytdoc.Document) error { return bhytdoc.WriteMarkdown(w, d, nil) },
		"markdown.Write": func(w io.Writer, d *bhytdoc.Document) error { return markdown.Write(w, d, nil) },
	}
	for name, write := range writers {
		if err := write(nil, &bhytdoc.Document{}); err == nil || !strings.Contains(err.Error(), "nil io.Writer") {
			t.Errorf("%s(nil writer): %v", name, err)
		}
		if err := write(&buf, nil); err == nil {
			t.Errorf("%s(nil document): no error", name)
		}
	}
	if err := coverage.WriteXLSX(&buf, nil); err == nil {
		t.Error("coverage.WriteXLSX(nil table): no error")
	}
	if err := coverage.WriteMarkdown(&buf, nil); err == nil {
		t.Error("coverage.WriteMarkdown(nil table): no error")
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written", buf.Len())
	}
}
