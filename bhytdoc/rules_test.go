package bhytdoc_test

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// TestRulesClearDescenders checks, from pdftotext -bbox, that the rules
// under the issuing body, the motto, the trích yếu and an annex's
// reference line lie below the descenders of the line above them with
// about 1 pt of white: the top of the rule's stroke at least 0.9 pt under
// the bottom of the lowest glyph box (Liberation Serif's descent) of the
// words it spans.
func TestRulesClearDescenders(t *testing.T) {
	const stroke = 0.25 * mmToPt // the rule's width
	docs := allExamples()
	a := annexDoc(t, coverageAnnex(3))
	docs = append(docs, struct {
		Name string
		Doc  *bhytdoc.Document
	}{"annex", a})
	for _, ex := range docs {
		t.Run(ex.Name, func(t *testing.T) {
			doc, _, pages, err := bhytdoc.LayoutForTest(ex.Doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			words := bboxWords(t, ex.Doc)
			checked := 0
			for pi, p := range pages {
				top := pi == 0
				for _, an := range doc.Annexes {
					for _, o := range p.Ops {
						top = top || o.Kind == pdf.OpText && o.S == an.Title.S
					}
				}
				if !top {
					continue // the rules under the header and annex headings only
				}
				for _, r := range opsOf(p, pdf.OpLine) {
					if r.H != 0 || r.Y > 150 {
						continue // braces; ô 13's rule at the foot of page 1
					}
					y := r.Y * mmToPt
					lowest := -1.0
					for _, w := range words[pi] {
						overlaps := w.x1 > r.X*mmToPt && w.x0 < (r.X+r.W)*mmToPt
						if overlaps && w.y1 <= y+1 && w.y1 > y-10 {
							lowest = max(lowest, w.y1)
						}
					}
					if lowest < 0 {
						t.Errorf("page %d: no line of text over the rule at y=%.1f mm", pi+1, r.Y)
						continue
					}
					checked++
					if gap := y - stroke/2 - lowest; gap < 0.9 {
						t.Errorf("page %d: rule at y=%.1f mm is %.2f pt under the glyph boxes above it, want at least 0.9 pt", pi+1, r.Y, gap)
					}
				}
			}
			if checked < 2 {
				t.Errorf("checked %d rules, want the issuing body's and the motto's at least", checked)
			}
		})
	}
}
