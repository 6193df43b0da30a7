package markdown

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
)

// issuedSource is a decision of Mẫu 1.3 as a clerk writes it: the quy
// chế's kind and trích yếu under issues:, its body after the marker.
const issuedSource = `---
kind: Quyết định
issuer: {name: "Ủy ban nhân dân huyện Nam Trực", abbrev: UBND}
number: 12
place: Nam Trực
date: 2024-02-05
summary: Ban hành Quy chế phối hợp phát triển người tham gia bảo hiểm y tế
authority: Ủy ban nhân dân huyện Nam Trực
bases:
  - Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008
signatures:
  - {authority: [TM. Ủy ban nhân dân], position: Chủ tịch, name: Nguyễn Văn An}
noi_nhan: [{name: Như Điều 2}]
luu: [VT]
issues:
  kind: Quy chế
  summary: Phối hợp phát triển người tham gia bảo hiểm y tế trên địa bàn huyện
---

### Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp phát triển người tham gia bảo hiểm y tế.

### Điều 2. Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này.

<!-- bhytdoc:issued -->

# Chương I. Quy định chung

### Điều 1. Phạm vi điều chỉnh

Quy chế này quy định việc phối hợp.

### Điều 2. Nguyên tắc phối hợp

Phối hợp thường xuyên, kịp thời.
`

func TestParseIssued(t *testing.T) {
	s, err := ParseSource([]byte(issuedSource), "qd.md", nil)
	if err != nil {
		t.Fatal(err)
	}
	d := s.Doc
	if len(d.Body) != 2 || d.Issues == nil || len(d.Issues.Body) != 5 || d.Issues.Kind != bhytdoc.QuyChe {
		t.Fatalf("decision body %d blocks, issued %+v", len(d.Body), d.Issues)
	}
	if f, l := s.Line("Issues.Body[1]"); f != "qd.md" || l != 28 {
		t.Errorf("Issues.Body[1] at %s:%d, want qd.md:28", f, l)
	}
	if got := d.IssuedDocument(bhytdoc.Paper).IssuedWith; got != "Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân huyện Nam Trực" {
		t.Errorf("IssuedWith = %q", got)
	}
	// Written back: the issued document's header is generated, its body
	// kept, and the source reads back equal.
	out, err := Marshal(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{issuedMark, "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024", "### Điều 2. Nguyên tắc phối hợp"} {
		if !strings.Contains(string(out), s) {
			t.Errorf("written source lacks %q:\n%s", s, out)
		}
	}
	back, err := Parse(out, "back.md")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !Equal(back, d) {
		t.Error("the written source does not read back equal")
	}
	again, err := Marshal(back, nil)
	if err != nil || string(again) != string(out) {
		t.Errorf("writing again differs (%v)", err)
	}
}

func TestParseIssuedErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"marker without issues:", strings.Replace(issuedSource, "issues:\n  kind: Quy chế\n  summary: Phối hợp phát triển người tham gia bảo hiểm y tế trên địa bàn huyện\n", "", 1),
			"qd.md:21: <!-- bhytdoc:issued --> starts the body of the document a decision issues, but the front matter has no issues: key"},
		{"issues: without its body", issuedSource[:strings.Index(issuedSource, "<!-- bhytdoc:issued -->")], "qd.md:15: Issues.Body: empty"},
		{"marker twice", strings.Replace(issuedSource, "Phối hợp thường xuyên, kịp thời.", "<!-- bhytdoc:issued -->", 1), "qd.md:34: <!-- bhytdoc:issued --> given twice (first on line 24)"},
		{"bad line in the issued body", strings.Replace(issuedSource, "Quy chế này quy định việc phối hợp.", "![ảnh](x.png)", 1), "qd.md:30: an image is not allowed"},
		{"unknown key in issues:", strings.Replace(issuedSource, "  kind: Quy chế", "  kind: Quy chế\n  numbr: 3", 1), "qd.md:17: numbr: unknown key"},
		{"nested issues:", strings.Replace(issuedSource, "  kind: Quy chế", "  kind: Quy chế\n  issues: {kind: Quy định}", 1), "qd.md:17: issues.issues: a document issued with a decision issues none itself"},
		{"number of its own", strings.Replace(issuedSource, "  kind: Quy chế", "  kind: Quy chế\n  number: 3", 1), "qd.md:17: Issues.Number: 3: a document issued with a decision has no number of its own"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.src), "qd.md")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestRoundTripIssuedVariants: the example decision with its quy chế
// reads back equal, and its reading form shows the quy chế after it.
func TestRoundTripIssuedVariants(t *testing.T) {
	d := kinds.QuyetDinhBanHanh()
	view, err := bhytdoc.RenderMarkdown(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := string(view)
	i, j := strings.Index(v, "Trần Văn Hùng"), strings.Index(v, "(Kèm theo Quyết định số 12/QĐ-UBND")
	if i < 0 || j < i {
		t.Errorf("reading form: the quy chế does not follow the decision\n%s", v)
	}
	el, err := bhytdoc.RenderMarkdown(d, &bhytdoc.Options{Variant: bhytdoc.Electronic})
	if err != nil || strings.Contains(string(el), "QUY CHẾ") {
		t.Errorf("electronic reading form holds the quy chế (%v)", err)
	}
}

// TestRoundTripIssuedAnnex: the issued document's own annex is written in
// issues: and shown after its body, and reads back equal.
func TestRoundTripIssuedAnnex(t *testing.T) {
	d := kinds.QuyetDinhBanHanh()
	d.Issues.Annexes = []bhytdoc.Annex{{Title: "Danh sách cơ quan phối hợp", Table: bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{{{Text: "STT"}, {Text: "Cơ quan"}}},
		Rows:   [][]string{{"1", "Bảo hiểm xã hội huyện"}, {"2", "Phòng Y tế"}},
	}}}
	out, err := Marshal(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(out, "qd.md")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !Equal(back, d) || len(back.Issues.Annexes) != 1 {
		t.Errorf("annex of the issued document lost:\n%s", out)
	}
	if i, j := strings.Index(string(out), "Phối hợp thường xuyên"), strings.Index(string(out), "DANH SÁCH CƠ QUAN PHỐI HỢP"); j < i {
		t.Errorf("the annex is not shown after the issued body")
	}
}
