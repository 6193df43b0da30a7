package bhytdoc_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// copiedDoc is the Cái Răng letter copied (sao y) by the people's
// committee of a ward, also as an electronic copy.
func copiedDoc() *bhytdoc.Document {
	d := seeds.CaiRang()
	d.Copy = &bhytdoc.Copy{
		Form:   bhytdoc.SaoY,
		Issuer: bhytdoc.Issuer{Parent: "Ủy ban nhân dân quận Cái Răng", Name: "Ủy ban nhân dân\nphường Lê Bình", Abbrev: "UBND"},
		Number: 5,
		Place:  "Lê Bình",
		Date:   bhytdoc.Date{Year: 2020, Month: 5, Day: 20},
		Signature: bhytdoc.Signature{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TL, Title: "Chủ tịch"}},
			Position:  "Công chức Văn phòng - Thống kê",
			Name:      "Nguyễn Thị B",
		},
		Recipients: []bhytdoc.Recipient{{Name: "Các khu vực"}},
		Luu:        []string{"VT"},
		ESign:      &bhytdoc.ESignature{Organisation: "Ủy ban nhân dân phường Lê Bình", Time: time.Date(2020, 5, 20, 8, 0, 0, 0, time.UTC)},
	}
	return d
}

// TestCopyInPDF: the copy's block follows the copied text under a rule
// across the text width: the form "SAO Y" bold 13–14 centred in the right
// column, the copying body bold and "Số: 05/SY-UBND" centred in the left,
// the number level with the italic place and date, then its signature
// and Nơi nhận like an original's; the electronic copy's signing line at
// 10 pt top right of page 1 with the time in +07:00.
func TestCopyInPDF(t *testing.T) {
	d := copiedDoc()
	doc, set, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[len(pages)-1]
	form := findOp(t, p, "SAO Y")
	num := findOp(t, p, "Số: 05/SY-UBND")
	date := findOp(t, p, "Lê Bình, ngày 20 tháng 5 năm 2020")
	body := findOp(t, p, "PHƯỜNG LÊ BÌNH")
	lcx := set.MarginLeft + 67.9/2
	rcx := set.MarginLeft + 67.9 + (165-67.9)/2
	if form.Style != ir.Bold || form.Size < 13 || form.Size > 14 || !near(form.X+form.W/2, rcx, 0.01) {
		t.Errorf("form %+v", form)
	}
	if body.Style != ir.Bold || !near(body.X+body.W/2, lcx, 0.01) || !near(num.X+num.W/2, lcx, 0.01) || !near(num.Y, date.Y, 0.001) || date.Style != ir.Italic {
		t.Errorf("copy header: body %+v number %+v date %+v", body, num, date)
	}
	sign := findOp(t, p, "Nguyễn Thị B")
	if sign.Y <= date.Y {
		t.Error("the copy's signature is not under its header")
	}
	var rule pdf.Op
	for _, r := range opsOf(p, pdf.OpLine) {
		if near(r.X, set.MarginLeft, 0.01) && near(r.W, 165, 0.01) && r.Y < form.Y {
			rule = r
		}
	}
	orig := findOp(t, p, "Vương Công Khanh")
	if rule.W == 0 || rule.Y <= orig.Y {
		t.Errorf("no full-width rule between the original's signature (%.1f) and the copy (rule %+v)", orig.Y, rule)
	}
	tm := findOp(t, pages[0], "2020-05-20T15:00:00+07:00")
	if tm.Size != 10 || !near(tm.X+tm.W, 195, 0.01) || tm.Y > set.MarginTop {
		t.Errorf("electronic copy's signing line %+v", tm)
	}
	if got := doc.CopyESign[0].S; got != "SAO Y" {
		t.Errorf("signing line starts %q", got)
	}
	words := bboxWords(t, d)
	for _, c := range []struct {
		page int
		o    pdf.Op
	}{{len(pages) - 1, form}, {len(pages) - 1, num}, {0, tm}} {
		w := pdfLine(t, words[c.page], c.o.S)
		if !near(w.x0, c.o.X*mmToPt, 0.5) || !near(w.size(), c.o.Size, 0.3) {
			t.Errorf("%q in the PDF: %+v (size %.1f), layout x %.1f pt size %g", c.o.S, w, w.size(), c.o.X*mmToPt, c.o.Size)
		}
	}
}

func TestCopyErrors(t *testing.T) {
	d := copiedDoc()
	d.Copy.Form = 0
	d.Copy.Issuer.Abbrev = ""
	d.Copy.Signature.Name = ""
	d.Copy.Luu = nil
	var ve *bhytdoc.ValidationError
	if err := d.Validate(); !errors.As(err, &ve) {
		t.Fatal(err)
	}
	if got := strings.Join(ve.Fields(), ","); got != "Copy.Form,Copy.Issuer.Abbrev,Copy.Signature.Name,Copy.Luu" {
		t.Errorf("fields %s", got)
	}
	for s, want := range map[string]bhytdoc.CopyForm{"Sao y": bhytdoc.SaoY, "TRÍCH SAO": bhytdoc.TrichSao, "SL": bhytdoc.SaoLuc} {
		if f, err := bhytdoc.ParseCopyForm(s); err != nil || f != want {
			t.Errorf("%q: %v %v", s, f, err)
		}
	}
}
