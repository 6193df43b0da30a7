package markdown_test

import (
	"bytes"
	"testing"

	"github.com/bhytdoc/bhytdoc/examples/quyetdinh"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// TestDecisionRoundTrip: a quyết định — authority, proposal, articles with
// khoản and điểm, an annex — is written, read back equal, and written
// again to the same bytes.
func TestDecisionRoundTrip(t *testing.T) {
	for _, ex := range quyetdinh.All() {
		a, err := markdown.Marshal(ex.Doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		d, err := markdown.Parse(a, ex.Name+".md")
		if err != nil {
			t.Fatalf("%v\n%s", err, a)
		}
		if !markdown.Equal(d, ex.Doc) {
			t.Errorf("%s: read back differs", ex.Name)
		}
		b, err := markdown.Marshal(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: second write differs", ex.Name)
		}
		for _, s := range []string{"authority: Ủy ban nhân dân huyện Nam Trực\n", "proposal: Theo đề nghị của Trưởng phòng Y tế huyện\n",
			"\n### Điều 1. Giao chỉ tiêu", "\n1. Ủy ban nhân dân các xã, thị trấn:\n", "\na) Xây dựng", "\n**QUYẾT ĐỊNH:**\n", "\n**ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC**\n"} {
			if !bytes.Contains(a, []byte(s)) {
				t.Errorf("%s: written file lacks %q", ex.Name, s)
			}
		}
	}
}
