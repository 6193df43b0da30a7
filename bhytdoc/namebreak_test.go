package bhytdoc_test

import (
	"strings"
	"testing"
)

// TestIssuerNameBreak: an issuing body or parent body written on one line
// breaks before its unit word, in the PDF and in the DOCX; a break the
// author wrote is kept.
func TestIssuerNameBreak(t *testing.T) {
	for _, c := range []struct{ parent, name, want string }{
		{"", "Ủy ban nhân dân quận Cái Răng", "ỦY BAN NHÂN DÂN|QUẬN CÁI RĂNG"},
		{"Ủy ban nhân dân tỉnh Tuyên Quang", "Ủy ban nhân dân thành phố Tuyên Quang", "ỦY BAN NHÂN DÂN|TỈNH TUYÊN QUANG|ỦY BAN NHÂN DÂN|THÀNH PHỐ TUYÊN QUANG"},
		{"", "Ủy ban nhân dân huyện\nNam Trực", "ỦY BAN NHÂN DÂN HUYỆN|NAM TRỰC"},
	} {
		d := quyetDinhDoc(t)
		d.Issuer.Parent, d.Issuer.Name = c.parent, c.name
		want := strings.Split(c.want, "|")
		// PDF: each wanted line is one line of page 1's left column, one
		// under the other.
		var got []string
		lastY := -1.0
		for _, w := range bboxWords(t, d)[0] {
			if w.s == "Số:" {
				break
			}
			if w.x1 > defLeft+67.5*mmToPt+0.5 {
				continue // the right column
			}
			if near(w.y0, lastY, 0.5) {
				got[len(got)-1] += " " + w.s
			} else {
				got = append(got, w.s)
			}
			lastY = w.y0
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%q: PDF left column %q, want %q", c.name, got, want)
		}
		// DOCX: one paragraph per line.
		_, paras := docxParas(t, d)
		for _, s := range want {
			if _, ok := paras[s]; !ok {
				t.Errorf("%q: no DOCX paragraph %q", c.name, s)
			}
		}
	}
}
