package bhytdoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
)

// longIssued is the Mẫu 1.3 example with a quy chế long enough for three
// pages, so that its page numbers show.
func longIssued(t testing.TB) *bhytdoc.Document {
	t.Helper()
	d := kinds.QuyetDinhBanHanh()
	var md strings.Builder
	md.WriteString("# Chương I. Quy định chung\n\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&md, "### Điều %d. Trách nhiệm của xã thứ %d\n\nỦy ban nhân dân xã chủ trì, phối hợp với Bảo hiểm xã hội huyện rà soát danh sách hộ gia đình chưa tham gia bảo hiểm y tế, lập kế hoạch vận động từng hộ và báo cáo kết quả hằng tháng.\n\n", i, i)
	}
	body, err := bhytdoc.ParseBody(md.String())
	if err != nil {
		t.Fatal(err)
	}
	d.Issues.Body = body
	return d
}

func renderFile(t *testing.T, d *bhytdoc.Document, o *bhytdoc.Options) [][]bboxWord {
	t.Helper()
	needTool(t, "pdftotext")
	b, err := bhytdoc.RenderPDF(d, o)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return bboxFile(t, f)
}

// TestIssuedPaperPDF: on paper, one file holds the decision and, from a
// new page, the quy chế it issues: the issuing body and national title
// but no number, date line, signature or Nơi nhận; its "(Kèm theo …)"
// line filled from the decision, centred and italic-sized under the
// trích yếu; its pages numbered from 1, the first without a number
// (Appendix I, I.7 and III.1.đ).
func TestIssuedPaperPDF(t *testing.T) {
	pages := renderFile(t, longIssued(t), nil)
	if len(pages) < 3 {
		t.Fatalf("%d pages: want the decision and a quy chế of at least two", len(pages))
	}
	first := -1
	for i, p := range pages {
		if _, ok := word(p, "CHẾ"); ok && strings.Contains(pageText(p), "QUY CHẾ") {
			first = i
			break
		}
	}
	if first != 1 {
		t.Fatalf("the quy chế starts on page %d, want 2 (the decision is one page)", first+1)
	}
	dec, qc := pages[0], pages[first]
	pdfLine(t, dec, "Số: 12/QĐ-UBND")
	pdfLine(t, dec, "Trần Văn Hùng")
	head := pdfLine(t, qc, "ỦY BAN NHÂN DÂN")
	qh := pdfLine(t, qc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	title := pdfLine(t, qc, "QUY CHẾ")
	sum := pdfLine(t, qc, "Phối hợp phát triển người tham gia bảo hiểm y tế trên địa bàn huyện")
	ref := pdfLine(t, qc, "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban")
	ch := pdfLine(t, qc, "Chương I")
	above(t, head, title)
	above(t, qh, title)
	above(t, title, sum)
	above(t, sum, ref)
	above(t, ref, ch)
	if !centredOnText(title) || !centredOnText(ref) {
		t.Errorf("title %+v or reference %+v not centred", title, ref)
	}
	if s := ref.size(); s < 12.7 || s > 14.3 {
		t.Errorf("reference line at %.1f pt, want 13–14", s)
	}
	for _, p := range pages[first:] {
		text := pageText(p)
		for _, s := range []string{"Số:", "Nơi nhận:", "Nam Trực, ngày", "Trần Văn Hùng"} {
			if strings.Contains(text, s) {
				t.Errorf("the quy chế prints %q: it has none of its own", s)
			}
		}
	}
	// Page numbers: the quy chế's own, from 1, not shown on its first page.
	num := func(p []bboxWord) string {
		for _, w := range p {
			if w.y1 < 20*mmToPt { // in the top margin
				return w.s
			}
		}
		return ""
	}
	if n := num(pages[0]); n != "" {
		t.Errorf("decision's first page numbered %q", n)
	}
	if n := num(qc); n != "" {
		t.Errorf("quy chế's first page numbered %q", n)
	}
	for i := first + 1; i < len(pages); i++ {
		if n, want := num(pages[i]), fmt.Sprint(i-first+1); n != want {
			t.Errorf("page %d numbered %q, want %q (the quy chế's own numbering)", i+1, n, want)
		}
	}
}

// TestIssuedElectronic: the electronic variant renders the decision
// alone; the issued document is a file of its own whose reference line
// leaves the number and date blank (the organisation's signature shows
// them) and that is otherwise the paper pages.
func TestIssuedElectronic(t *testing.T) {
	d := longIssued(t)
	dec := renderFile(t, d, &bhytdoc.Options{Variant: bhytdoc.Electronic})
	paper := renderFile(t, d, nil)
	if len(dec) != 1 || strings.Contains(pageText(dec[0]), "QUY CHẾ") {
		t.Fatalf("electronic decision: %d pages, want the decision's one", len(dec))
	}
	att := renderFile(t, d.IssuedDocument(bhytdoc.Electronic), nil)
	if len(att)+len(dec) != len(paper) {
		t.Errorf("decision %d + attachment %d pages, paper %d", len(dec), len(att), len(paper))
	}
	ref := pdfLine(t, att[0], "(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của Ủy")
	above(t, pdfLine(t, att[0], "QUY CHẾ"), ref)
	if strings.Contains(pageText(att[0]), "12/QĐ-UBND") {
		t.Error("the electronic attachment prints the decision's number")
	}
	if got := d.IssuedReference(bhytdoc.Paper); got != "Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân huyện Nam Trực" {
		t.Errorf("IssuedReference(Paper) = %q", got)
	}
	if d.IssuedDocument(bhytdoc.Paper).Issuer != d.Issuer || (&bhytdoc.Document{}).IssuedDocument(bhytdoc.Paper) != nil {
		t.Error("IssuedDocument: issuer not inherited, or a document for a decision issuing none")
	}
	if d.Issues.IssuedWith != "" || d.Issues.Issuer != (bhytdoc.Issuer{}) {
		t.Error("IssuedDocument modified d.Issues")
	}
}

// TestIssuedValidation: what a văn thư checks on a decision of Mẫu 1.3
// and the document it issues; each problem names its field.
func TestIssuedValidation(t *testing.T) {
	for _, c := range []struct {
		name  string
		edit  func(d *bhytdoc.Document)
		field string
		msg   string
	}{
		{"not a decision", func(d *bhytdoc.Document) { d.Kind = bhytdoc.CongVan; d.Authority = "" }, "Issues", "only a quyết định"},
		{"công văn issued", func(d *bhytdoc.Document) { d.Issues.Kind = bhytdoc.CongVan }, "Issues.Kind", "Mẫu 1.4"},
		{"typed twice, disagreeing", func(d *bhytdoc.Document) {
			d.Issues.IssuedWith = "Kèm theo Quyết định số 13/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân huyện Nam Trực"
		}, "Issues.IssuedWith", "disagrees"},
		{"own number", func(d *bhytdoc.Document) { d.Issues.Number = 5 }, "Issues.Number", "no number of its own"},
		{"own Nơi nhận", func(d *bhytdoc.Document) { d.Issues.Luu = []string{"VT"} }, "Issues.Recipients", "no Nơi nhận"},
		{"own signature", func(d *bhytdoc.Document) { d.Issues.Signatures = d.Signatures }, "Issues.Signatures", "not signed"},
		{"other issuer", func(d *bhytdoc.Document) { d.Issues.Issuer = bhytdoc.Issuer{Name: "Sở Y tế", Abbrev: "SYT"} }, "Issues.Issuer", "differs"},
		{"other date", func(d *bhytdoc.Document) { d.Issues.Date = bhytdoc.Date{Year: 2024, Month: 3, Day: 1} }, "Issues.Date", "differs"},
		{"no article issues it", func(d *bhytdoc.Document) { d.Body = d.Body[1:] }, "Body", "Ban hành (Phê duyệt) kèm theo Quyết định này"},
		{"issued body empty", func(d *bhytdoc.Document) { d.Issues.Body = nil }, "Issues.Body", "empty"},
		{"issued summary empty", func(d *bhytdoc.Document) { d.Issues.Summary = "" }, "Issues.Summary", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := kinds.QuyetDinhBanHanh()
			c.edit(d)
			err := d.Validate()
			var ve *bhytdoc.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate = %v, want a *ValidationError", err)
			}
			if !slices.Contains(ve.Fields(), c.field) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("want %s (%q); got %v", c.field, c.msg, err)
			}
		})
	}
	// The same reference typed as the decision gives it is accepted.
	d := kinds.QuyetDinhBanHanh()
	d.Issues.IssuedWith = d.IssuedReference(bhytdoc.Paper)
	if err := d.Validate(); err != nil {
		t.Errorf("agreeing IssuedWith: %v", err)
	}
	if _, err := bhytdoc.RenderPDF(kinds.QuyetDinhBanHanh(), &bhytdoc.Options{Variant: 7}); err == nil || !strings.Contains(err.Error(), "Options.Variant") {
		t.Errorf("Variant 7: %v", err)
	}
	// A glyph the font lacks in the issued document is named there.
	d = kinds.QuyetDinhBanHanh()
	d.Issues.Summary += " \u4e00"
	if _, err := bhytdoc.RenderPDF(d, nil); err == nil || !strings.Contains(err.Error(), "Issues.Summary") {
		t.Errorf("missing glyph in the issued summary: %v", err)
	}
}

func TestParseVariant(t *testing.T) {
	for in, want := range map[string]bhytdoc.Variant{"paper": bhytdoc.Paper, "Giấy": bhytdoc.Paper, "electronic": bhytdoc.Electronic, "điện tử": bhytdoc.Electronic} {
		if v, err := bhytdoc.ParseVariant(in); err != nil || v != want {
			t.Errorf("ParseVariant(%q) = %v, %v", in, v, err)
		}
	}
	if _, err := bhytdoc.ParseVariant("pdf"); err == nil {
		t.Error("ParseVariant(pdf): no error")
	}
}

// A decision of Mẫu 1.3 carries the quy chế it issues; the quy chế's
// reference line is made from the decision, filled in on paper and left
// for the organisation's signature in the electronic variant.
func ExampleDocument_IssuedDocument() {
	qd := kinds.QuyetDinhBanHanh() // Number 12, 05/02/2024, Issues: a quy chế
	fmt.Println(qd.IssuedDocument(bhytdoc.Paper).IssuedWith)
	fmt.Println(qd.IssuedDocument(bhytdoc.Electronic).IssuedWith)
	// Paper: bhytdoc.RenderPDF(qd, nil) holds both. Electronic:
	// bhytdoc.RenderPDF(qd, &bhytdoc.Options{Variant: bhytdoc.Electronic})
	// and bhytdoc.RenderPDF(qd.IssuedDocument(bhytdoc.Electronic), nil).
	// Output:
	// Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân huyện Nam Trực
	// Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của Ủy ban nhân dân huyện Nam Trực
}

// BenchmarkRenderIssued renders Mẫu 1.3 with a three-page quy chế: on
// paper in one PDF and one DOCX, electronically as two PDFs.
func BenchmarkRenderIssued(b *testing.B) {
	d := longIssued(b)
	el := &bhytdoc.Options{Variant: bhytdoc.Electronic}
	for _, c := range []struct {
		name   string
		render func() (int, error)
	}{
		{"paper-pdf", func() (int, error) { p, err := bhytdoc.RenderPDF(d, nil); return len(p), err }},
		{"paper-docx", func() (int, error) { p, err := bhytdoc.RenderDOCX(d, nil); return len(p), err }},
		{"electronic-pdf", func() (int, error) {
			p, err := bhytdoc.RenderPDF(d, el)
			if err != nil {
				return 0, err
			}
			q, err := bhytdoc.RenderPDF(d.IssuedDocument(bhytdoc.Electronic), el)
			return len(p) + len(q), err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				var err error
				if n, err = c.render(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// TestIssuedDeterministic: each variant's files are byte-identical from
// one rendering to the next, and rendering leaves the decision unchanged.
func TestIssuedDeterministic(t *testing.T) {
	d := longIssued(t)
	before := d.Clone()
	el := &bhytdoc.Options{Variant: bhytdoc.Electronic}
	render := func() [][]byte {
		var out [][]byte
		for _, f := range []func() ([]byte, error){
			func() ([]byte, error) { return bhytdoc.RenderPDF(d, nil) },
			func() ([]byte, error) { return bhytdoc.RenderDOCX(d, nil) },
			func() ([]byte, error) { return bhytdoc.RenderMarkdown(d, nil) },
			func() ([]byte, error) { return bhytdoc.RenderPDF(d, el) },
			func() ([]byte, error) { return bhytdoc.RenderPDF(d.IssuedDocument(bhytdoc.Electronic), el) },
			func() ([]byte, error) { return bhytdoc.RenderDOCX(d.IssuedDocument(bhytdoc.Electronic), el) },
		} {
			b, err := f()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
		return out
	}
	a, b := render(), render()
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("output %d differs between two renderings", i)
		}
	}
	if !reflect.DeepEqual(d, before) {
		t.Error("rendering modified the decision")
	}
}
