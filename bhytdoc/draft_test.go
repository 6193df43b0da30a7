package bhytdoc_test

import (
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// TestDraftMarkKeepsColumnsLevel: DỰ THẢO over the right column moves
// both header columns down alike, so the issuing body's first line stays
// level with the Quốc hiệu, as without the mark (issue 16: 33.4 mm
// against 23.7 mm).
func TestDraftMarkKeepsColumnsLevel(t *testing.T) {
	for _, draft := range []bool{false, true} {
		d := markedDoc()
		d.Marks.DuThao = draft
		doc, _, _, err := bhytdoc.LayoutForTest(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		p := bboxWords(t, d)[0]
		iss, qh := pdfLine(t, p, doc.Issuer[0].S), pdfLine(t, p, bhytdoc.QuocHieu)
		// The Quốc hiệu is 12 pt and the issuer 13: compare baselines
		// less the descent, i.e. the box bottoms, within 1 mm.
		if !near(iss.y1, qh.y1, 1*mmToPt) {
			t.Errorf("draft %v: issuer line bottom at %.1f mm, Quốc hiệu at %.1f mm", draft, iss.y1/mmToPt, qh.y1/mmToPt)
		}
		if draft {
			if dt := pdfLine(t, p, "DỰ THẢO"); dt.y1 >= qh.y0 || dt.y1 >= iss.y0 {
				t.Errorf("DỰ THẢO %+v not above both columns (issuer %+v, Quốc hiệu %+v)", dt, iss, qh)
			}
		}
	}
}
