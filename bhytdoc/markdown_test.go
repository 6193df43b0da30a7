package bhytdoc_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

func TestTableMarkdown(t *testing.T) {
	a := wideAnnex(2)
	s, err := a.Table.Markdown()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| STT | Đơn vị | Năm 2020 – Số người đã tham gia BHYT |",
		"| :---: | :--- | ---: |",
		"| 2 | Phường Hưng Thạnh số 2 | 10.125 |",
		"|  | **Cộng** | **1.012.500** |",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
	// A span no page holds is an error naming the field, not an
	// allocation as wide as the span.
	bad := &bhytdoc.Table{Header: [][]bhytdoc.HeaderCell{{{Text: "A", ColSpan: 1 << 40}}}, Rows: [][]string{{"1"}}}
	_, err = bad.Markdown()
	var ve *bhytdoc.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "Table.") {
		t.Errorf("huge span: err = %v", err)
	}
	if s, err := (*bhytdoc.Table)(nil).Markdown(); s != "" || err != nil {
		t.Errorf("nil table: %q, %v", s, err)
	}
}

func TestWriteMarkdownErrors(t *testing.T) {
	if err := bhytdoc.WriteMarkdown(nil, &bhytdoc.Document{}, nil); err == nil {
		t.Error("nil writer: no error")
	}
	var b strings.Builder
	d := &bhytdoc.Document{Kind: bhytdoc.CongVan}
	err := bhytdoc.WriteMarkdown(&b, d, nil)
	var ve *bhytdoc.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "Issuer.Name") {
		t.Errorf("empty document: %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %d bytes on error", b.Len())
	}
	if err := bhytdoc.WriteMarkdown(&b, nil, nil); err == nil {
		t.Error("nil document: no error")
	}
}
