package bhytdoc_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/quyetdinh"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

func markedDoc() *bhytdoc.Document {
	d := seeds.CaiRang()
	d.Marks = bhytdoc.Marks{Urgency: bhytdoc.HoaToc, Secrecy: bhytdoc.Mat, Circulation: bhytdoc.LuuHanhNoiBo, DuThao: true}
	d.Typist = "PL"
	d.IssuedCopies = 300
	d.Contact = []string{
		"Địa chỉ: số 1 đường Võ Nguyên Giáp, quận Cái Răng, thành phố Cần Thơ",
		"Điện thoại: 0292 0000 000; Email: ubnd@example.vn; Website: example.vn",
	}
	d.ESign = &bhytdoc.ESignature{Organisation: "Ủy ban nhân dân quận Cái Răng", Time: time.Date(2020, 5, 18, 2, 30, 0, 0, time.UTC)}
	d.Annexes = quyetdinh.NamTruc().Annexes
	return d
}

// markedDecision is the example decision with every mark, ô 12–14.
func markedDecision() *bhytdoc.Document {
	d := quyetdinh.NamTruc()
	m := markedDoc()
	d.Marks, d.Typist, d.IssuedCopies, d.Contact, d.ESign = m.Marks, m.Typist, m.IssuedCopies, m.Contact, m.ESign
	d.Marks.Urgency = bhytdoc.ThuongKhan
	return d
}

// TestMarksInPDF checks ô 10a, 10b, 11, the draft mark, ô 12, 13 and 14
// against the spec: box sizes (MẬT 20×8, HỎA TỐC 30×8 mm), bold 13–14
// text centred in its box, the boxes under V/v in the left column, the
// urgency in red; DỰ THẢO boxed top right above the Quốc hiệu; "PL.(300)"
// at 11 pt under Nơi nhận; the contact lines at 11 pt under a full-width
// rule at the foot of page 1 with no body text below it; the signing line
// at 10 pt, top right of the annex's first page, with the time in +07:00.
func TestMarksInPDF(t *testing.T) {
	d := markedDoc()
	doc, set, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	lcx := set.MarginLeft + 67.9/2
	vv := findOpPrefix(t, p, "V/v")
	rects := opsOf(p, pdf.OpRect)
	box := func(text string, w float64) pdf.Op {
		o := findOp(t, p, text)
		for _, r := range rects {
			if o.X >= r.X && o.X+o.W <= r.X+r.W && o.Y > r.Y && o.Y < r.Y+r.H {
				if (w > 0 && !near(r.W, w, 0.01)) || !near(r.H, 8, 0.01) {
					t.Errorf("%s box %.2f×%.2f mm, want %g×8", text, r.W, r.H, w)
				}
				if !near(o.X+o.W/2, r.X+r.W/2, 0.01) || o.Style != ir.Bold || o.Size < 13 || o.Size > 14 {
					t.Errorf("%s text %+v not bold 13–14 centred in %+v", text, o, r)
				}
				return r
			}
		}
		t.Fatalf("%s has no box", text)
		return pdf.Op{}
	}
	mat := box("MẬT", 20)
	hoa := box("HỎA TỐC", 30)
	circ := box("LƯU HÀNH NỘI BỘ", 0)
	if !(vv.Y < mat.Y && mat.Y+mat.H < hoa.Y && hoa.Y+hoa.H < circ.Y) {
		t.Errorf("boxes not stacked under V/v: V/v %.1f, MẬT %.1f, HỎA TỐC %.1f, LƯU HÀNH %.1f", vv.Y, mat.Y, hoa.Y, circ.Y)
	}
	for _, r := range []pdf.Op{mat, hoa, circ} {
		if !near(r.X+r.W/2, lcx, 0.01) {
			t.Errorf("box %+v not centred in the left column", r)
		}
	}
	if !hoa.Red || !findOp(t, p, "HỎA TỐC").Red || mat.Red {
		t.Error("only the urgency mark is red")
	}
	dt := box("DỰ THẢO", 0)
	if qh := findOp(t, p, bhytdoc.QuocHieu); !near(dt.X+dt.W, 195, 0.01) || !near(dt.Y, set.MarginTop, 0.01) || qh.Y-0.8*12/mmToPt < dt.Y+dt.H {
		t.Errorf("DỰ THẢO box %+v not top right above the Quốc hiệu", dt)
	}
	if num, date := findOp(t, p, doc.Number.S), findOp(t, p, doc.PlaceDate.S); !near(num.Y, date.Y, 0.001) {
		t.Error("Số no longer level with the date")
	}
	// ô 13: the rule spans the text width; nothing of the flow below it.
	var rule pdf.Op
	for _, r := range opsOf(p, pdf.OpLine) {
		if near(r.X, 30, 0.01) && near(r.W, 165, 0.01) {
			rule = r
		}
	}
	if rule.W == 0 {
		t.Fatal("no full-width rule on page 1")
	}
	c0, c1 := findOpPrefix(t, p, "Địa chỉ:"), findOpPrefix(t, p, "Điện thoại:")
	// Like a footer: in the bottom margin, the last line ending half way
	// down it.
	if c0.Size != 11 || c0.Y < rule.Y || !near(c1.Y+(1.15-0.8)*11/mmToPt, 297-set.MarginBottom/2, 0.3) {
		t.Errorf("contact lines %+v %+v, rule at %.2f", c0, c1, rule.Y)
	}
	for _, o := range p.Ops {
		if o.Kind == pdf.OpText && o.Y > rule.Y && o.Size != 11 {
			t.Errorf("%q is below the contact rule", o.S)
		}
	}
	// ô 12 under the last Nơi nhận line.
	last := pages[len(pages)-1-len(d.Annexes)]
	ty, luu := findOp(t, last, "PL.(300)"), findOp(t, last, "- Lưu: VT.")
	if ty.Size != 11 || !near(ty.X, set.MarginLeft, 0.01) || ty.Y <= luu.Y {
		t.Errorf("typist %+v under %+v", ty, luu)
	}
	// ô 14 on the annex's first page.
	ap := pages[len(pages)-1]
	tm := findOp(t, ap, "2020-05-18T09:30:00+07:00")
	org := findOp(t, ap, "ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG")
	if tm.Size != 10 || !near(tm.X+tm.W, 195, 0.01) || tm.Y > set.MarginTop || org.Y >= tm.Y {
		t.Errorf("signing line %+v / %+v", org, tm)
	}
	// In the PDF, where the layout put them, at their sizes.
	words := bboxWords(t, d)
	for _, c := range []struct {
		page int
		o    pdf.Op
	}{{0, findOp(t, p, "HỎA TỐC")}, {0, findOp(t, p, "DỰ THẢO")}, {0, c0}, {len(words) - 1, tm}, {len(pages) - 1 - len(d.Annexes), ty}} {
		w := pdfLine(t, words[c.page], c.o.S)
		if !near(w.x0, c.o.X*mmToPt, 0.5) || !near(w.size(), c.o.Size, 0.3) {
			t.Errorf("%q in the PDF: %+v (size %.1f), layout x %.1f pt size %g", c.o.S, w, w.size(), c.o.X*mmToPt, c.o.Size)
		}
	}
}

func TestMarksErrors(t *testing.T) {
	d := seeds.CaiRang()
	d.Marks.Urgency = 9
	d.Typist = "pl"
	d.IssuedCopies = -1
	d.Contact = []string{"a", "", "c", "d", "e"}
	d.ESign = &bhytdoc.ESignature{}
	var ve *bhytdoc.ValidationError
	if err := d.Validate(); !errors.As(err, &ve) {
		t.Fatal(err)
	}
	want := "Marks.Urgency,Typist,IssuedCopies,Contact,Contact[1],ESign.Organisation,ESign.Time"
	if got := strings.Join(ve.Fields(), ","); got != want {
		t.Errorf("fields\n got %s\nwant %s", got, want)
	}
}
