package bhytdoc_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/quyetdinh"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// bboxWord is a word as pdftotext -bbox reads it back, in points from the
// top left of its page.
type bboxWord struct {
	s              string
	x0, y0, x1, y1 float64
}

// size is the font size the box height implies: Liberation Serif's
// ascent + descent is 1.107 em.
func (w bboxWord) size() float64 { return (w.y1 - w.y0) / 1.107 }

var reBBoxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// bboxWords renders d and returns the words of each page.
func bboxWords(t *testing.T, d *bhytdoc.Document) [][]bboxWord {
	t.Helper()
	f, _ := render(t, d)
	return bboxFile(t, f)
}

// pdfLine finds text as consecutive words on one line of page and
// returns the box around them.
func pdfLine(t *testing.T, page []bboxWord, text string) bboxWord {
	t.Helper()
	want := strings.Fields(text)
	for i := range page {
		if i+len(want) > len(page) {
			break
		}
		ok := true
		for j, w := range want {
			p := page[i+j]
			if p.s != w || !near(p.y0, page[i].y0, 0.5) {
				ok = false
				break
			}
		}
		if ok {
			last := page[i+len(want)-1]
			return bboxWord{text, page[i].x0, page[i].y0, last.x1, last.y1}
		}
	}
	t.Fatalf("line %q not found in the PDF", text)
	return bboxWord{}
}

// Text area of an A4 portrait page with the default margins, in points.
const (
	defLeft  = 30 * mmToPt
	defRight = (210 - 15) * mmToPt
)

func centredOnText(w bboxWord) bool {
	return near((w.x0+w.x1)/2, (defLeft+defRight)/2, 0.6)
}

// TestDecisionInPDF checks the lines of a quyết định against the spec
// (templates 1.1–1.3): the authority line centred, upper case, 13–14 pt,
// after the trích yếu; the bases and the proposal at the first-line
// indent (1–1.27 cm) in that order; "QUYẾT ĐỊNH:" centred after them; each
// "Điều N." at the indent, body size, before its text.
func TestDecisionInPDF(t *testing.T) {
	d := quyetDinhDoc(t)
	pages := bboxWords(t, d)
	p := pages[0]
	sum := pdfLine(t, p, "Về việc giao chỉ tiêu")
	auth := pdfLine(t, p, "ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC")
	base := pdfLine(t, p, "Căn cứ Luật Bảo hiểm y tế ngày 14/11/2008;")
	prop := pdfLine(t, p, "Theo đề nghị của Trưởng phòng Y tế huyện.")
	dec := pdfLine(t, p, "QUYẾT ĐỊNH:")
	art := pdfLine(t, p, "Điều 1. Giao chỉ tiêu")
	art2 := pdfLine(t, p, "Điều 2. Quyết định này")
	for _, c := range []struct {
		name string
		w    bboxWord
	}{{"authority", auth}, {"decision word", dec}} {
		if !centredOnText(c.w) || c.w.size() < 12.7 || c.w.size() > 14.3 {
			t.Errorf("%s: %+v (size %.1f) is not centred at 13–14 pt", c.name, c.w, c.w.size())
		}
	}
	indent := []float64{defLeft + 10*mmToPt, defLeft + 12.7*mmToPt}
	for _, c := range []struct {
		name string
		w    bboxWord
	}{{"base", base}, {"proposal", prop}, {"Điều 1.", art}, {"Điều 2.", art2}} {
		if c.w.x0 < indent[0]-0.5 || c.w.x0 > indent[1]+0.5 || c.w.size() < 12.7 || c.w.size() > 14.3 {
			t.Errorf("%s: %+v (size %.1f) not at the first-line indent in 13–14 pt", c.name, c.w, c.w.size())
		}
	}
	order := []bboxWord{sum, auth, base, prop, dec, art, art2}
	for i := 1; i < len(order); i++ {
		if order[i].y0 <= order[i-1].y1-0.5 {
			t.Errorf("%q is not below %q", order[i].s, order[i-1].s)
		}
	}
	// Styles come from the layout (pdftotext does not report them).
	_, _, lp, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	for s, st := range map[string]ir.Style{"ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC": ir.Bold, "QUYẾT ĐỊNH:": ir.Bold, "Theo đề nghị của Trưởng phòng Y tế huyện.": ir.Italic, "Điều 1. ": ir.Bold} {
		if o := findOpPrefix(t, lp[0], s); o.Style != st {
			t.Errorf("%q style %d, want %d", s, o.Style, st)
		}
	}
}

// TestIssuedWithInPDF: a quy chế issued with a decision carries "(Ban hành
// kèm theo …)" centred, italic, under its trích yếu, above the rule.
func TestIssuedWithInPDF(t *testing.T) {
	d := quyetDinhDoc(t)
	d.Kind = bhytdoc.QuyChe
	d.Authority, d.Proposal, d.Bases = "", "", nil
	d.Summary = "Phối hợp phát triển người tham gia bảo hiểm y tế"
	d.IssuedWith = "Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2022 của Ủy ban nhân dân huyện"
	// Mẫu 1.3's companion has no number, date line, signature or Nơi
	// nhận of its own.
	d.Number, d.Signatures, d.Recipients, d.Luu = 0, nil, nil, nil
	body, err := bhytdoc.ParseBody("# Chương I. Quy định chung\n\n### Điều 1. Phạm vi điều chỉnh\n\nQuy chế này quy định việc phối hợp.\n\n# Mục 1. Phối hợp\n\n### Điều 2. Nguyên tắc\n\nPhối hợp thường xuyên.\n")
	if err != nil {
		t.Fatal(err)
	}
	d.Body = body
	if body[3].Kind != bhytdoc.Part || body[3].Label != "Mục 1" {
		t.Fatalf("Mục 1: %+v", body[3])
	}
	p := bboxWords(t, d)[0]
	sum := pdfLine(t, p, "Phối hợp phát triển người tham gia bảo hiểm y tế")
	iw := pdfLine(t, p, "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2022 của")
	ch := pdfLine(t, p, "Chương I")
	if iw.y0 <= sum.y1-0.5 || ch.y0 <= iw.y1 || iw.size() < 12.7 || iw.size() > 14.3 {
		t.Errorf("issued-with line %+v (size %.1f) not between the summary %+v and the body", iw, iw.size(), sum)
	}
	_, _, lp, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := findOpPrefix(t, lp[0], "(Ban hành kèm theo")
	if o.Style != ir.Italic {
		t.Errorf("issued-with style %d, want italic", o.Style)
	}
	// The rule sits under the issued-with line.
	ruleBelow := false
	for _, r := range opsOf(lp[0], pdf.OpLine) {
		if r.Y > o.Y && r.Y < o.Y+10 {
			ruleBelow = true
		}
	}
	if !ruleBelow {
		t.Error("no rule under the issued-with lines")
	}
}

// findOpPrefix returns the first text op starting with s.
func findOpPrefix(t *testing.T, p pdf.Page, s string) pdf.Op {
	t.Helper()
	for _, o := range p.Ops {
		if o.Kind == pdf.OpText && strings.HasPrefix(o.S, s) {
			return o
		}
	}
	t.Fatalf("no text starting %q on the page", s)
	return pdf.Op{}
}

// allExamples are the documents `bhytdoc examples` renders: the seeds and
// the example decisions.
func allExamples() []seeds.Example {
	return append(seeds.All(), quyetdinh.All()...)
}
