package bhytdoc_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/lotest"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// keHoachCopies are the Nơi nhận of a city's kế hoạch as real ones read:
// 14 lines in three braced groups.
var keHoachCopies = []bhytdoc.Recipient{
	{Name: "Thường trực Thành ủy", Purpose: "để báo cáo"},
	{Name: "Thường trực HĐND thành phố", Joined: true},
	{Name: "CT, các PCT UBND thành phố", Purpose: "thực hiện"},
	{Name: "Các phòng, ban ngành thành phố", Joined: true},
	{Name: "UBND các xã, phường", Joined: true},
	{Name: "Bảo hiểm xã hội thành phố", Purpose: "phối hợp"},
	{Name: "Trung tâm Y tế thành phố", Joined: true},
	{Name: "Ủy ban MTTQ Việt Nam thành phố"},
	{Name: "Các đoàn thể chính trị - xã hội"},
	{Name: "Cổng Thông tin điện tử thành phố"},
	{Name: "Đài Truyền thanh thành phố"},
	{Name: "CVP, các PCVP UBND thành phố"},
	{Name: "Chuyên viên: VX"},
}

// keHoach is a city's kế hoạch of real size: the Nam Toàn plan's body
// three times over (several pages) cut to its first n blocks (all: n <
// 0), signed by the chairman, with keHoachCopies and Lưu: VT.
func keHoach(n int) *bhytdoc.Document {
	d := seeds.NamToan()
	d.Draft, d.Number, d.Date = false, 131, bhytdoc.Date{Year: 2022, Month: 3, Day: 8}
	d.Issuer = bhytdoc.Issuer{Parent: "Ủy ban nhân dân tỉnh Tuyên Quang", Name: "Ủy ban nhân dân thành phố Tuyên Quang", Abbrev: "UBND"}
	d.Place = "Tuyên Quang"
	body := append(append(append([]bhytdoc.Block{}, d.Body...), d.Body...), d.Body...)
	if n >= 0 {
		body = body[:n]
	}
	d.Body = body
	d.Signatures = []bhytdoc.Signature{{
		Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ủy ban nhân dân"}},
		Position:  "Chủ tịch",
		Name:      "Nguyễn Văn A",
	}}
	d.Recipients = keHoachCopies
	d.Luu = []string{"VT"}
	return d
}

// noiNhanLines returns, page by page, the Nơi nhận lines of a laid-out
// document: 11 pt text at the left margin or the wrap indent, left of
// the brace (the purposes are not lines of the list).
func noiNhanLines(pages []pdf.Page, left float64) [][]pdf.Op {
	out := make([][]pdf.Op, len(pages))
	for i, p := range pages {
		for _, o := range p.Ops {
			if o.Kind == pdf.OpText && o.Size == 11 && o.X < left+3 {
				out[i] = append(out[i], o)
			}
		}
	}
	return out
}

// TestKeHoachNoiNhanPages: whatever the length of the body, no page holds
// fewer than 4 Nơi nhận lines and nothing else; the list keeps one line
// pitch from top to end, past the signer's name; and the signature never
// takes a whole article with it.
func TestKeHoachNoiNhanPages(t *testing.T) {
	full := len(keHoach(-1).Body)
	split := 0 // bodies whose list is split over two pages
	for n := full; n >= full-24; n-- {
		d := keHoach(n)
		_, set, pages, err := bhytdoc.LayoutForTest(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		lines := noiNhanLines(pages, set.MarginLeft)
		total := 0
		for i, p := range pages {
			total += len(lines[i])
			body := 0
			for _, o := range p.Ops {
				if o.Kind == pdf.OpText && o.Size != 11 && o.Y > set.MarginTop {
					body++ // anything but the list and the page number
				}
			}
			if body == 0 && len(lines[i]) > 0 && len(lines[i]) < 4 {
				t.Errorf("body of %d blocks: page %d holds only %d Nơi nhận lines", n, i+1, len(lines[i]))
			}
			// Even pitch on every page: one baseline step for every pair.
			for k := 2; k < len(lines[i]); k++ {
				a, b := lines[i][k-1].Y-lines[i][k-2].Y, lines[i][k].Y-lines[i][k-1].Y
				if !near(a, b, 0.01) {
					t.Errorf("body of %d blocks, page %d: pitch %.2f then %.2f mm at %q", n, i+1, a, b, lines[i][k].S)
				}
			}
		}
		on := 0
		for _, ls := range lines {
			on += min(len(ls), 1)
		}
		if on > 1 {
			split++
		}
		if total < 14 {
			t.Fatalf("body of %d blocks: only %d Nơi nhận lines found", n, total)
		}
	}
	if split == 0 {
		t.Error("no body length splits the list: the check above checked nothing")
	}
}

// TestKeHoachNoiNhanInPDF reads the kế hoạch back with pdftotext -bbox:
// a line shorter than the Nơi nhận column (Appendix III's left signature
// cell, 52.8 mm) prints on one line; a grouped one when shorter than the
// column less the brace and the purpose's longest word; each group has a
// brace to the right of its lines and its purpose beside it, between the
// group's first and last lines.
func TestKeHoachNoiNhanInPDF(t *testing.T) {
	d := keHoach(-1)
	doc, set, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	words := bboxWords(t, d)
	if len(words) != len(pages) {
		t.Fatalf("%d pages read back, %d laid out", len(words), len(pages))
	}
	const col = 52.8
	f, err := fonts.Liberation().Face(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	width := func(s string) float64 { return f.Width(s, 11) / mmToPt }
	grouped := map[int]*ir.Brace{}
	for k := range doc.Braces {
		for i := doc.Braces[k].From; i <= doc.Braces[k].To; i++ {
			grouped[i] = &doc.Braces[k]
		}
	}
	for i, c := range doc.Recipients {
		room := col
		if br := grouped[i]; br != nil {
			longest := 0.0
			for _, w := range strings.Fields(br.Purpose.S) {
				longest = max(longest, width(w))
			}
			room = col - longest - 3
		}
		if width(c.S) > room {
			continue
		}
		found := false
		for _, pw := range words {
			if w, ok := findLine(pw, c.S); ok {
				found = true
				if w.x0 < defLeft-0.5 || w.x1 > defLeft+col*mmToPt+0.5 {
					t.Errorf("%q at %+v, outside the Nơi nhận column", c.S, w)
				}
			}
		}
		if !found {
			t.Errorf("%q (%.1f mm, room %.1f) is not on one line", c.S, width(c.S), room)
		}
	}
	// Braces: a vertical rule right of each group's lines spanning them.
	last := pages[len(pages)-1]
	for _, br := range doc.Braces {
		first := findOpPrefix(t, last, strings.Join(strings.Fields(doc.Recipients[br.From].S)[:2], " "))
		var spine *pdf.Op
		for _, o := range opsOf(last, pdf.OpLine) {
			if o.W == 0 && o.H > 0 && o.X > set.MarginLeft && o.X < set.MarginLeft+col && o.Y < first.Y && o.Y > first.Y-5 {
				spine = &o
			}
		}
		if spine == nil {
			t.Errorf("no brace for the group of %q", doc.Recipients[br.From].S)
			continue
		}
		purpose := false
		for _, o := range last.Ops {
			if o.Kind == pdf.OpText && o.X > spine.X && o.X < spine.X+3 && o.Y > spine.Y && o.Y < spine.Y+spine.H+4 && strings.Contains(br.Purpose.S, o.S) {
				purpose = o.X+o.W <= set.MarginLeft+col+0.01
			}
		}
		if !purpose {
			t.Errorf("purpose %q not beside its brace %+v inside the column", br.Purpose.S, *spine)
		}
	}
}

// findLine is pdfLine without failing.
func findLine(page []bboxWord, text string) (bboxWord, bool) {
	want := strings.Fields(text)
	for i := 0; i+len(want) <= len(page); i++ {
		ok := true
		for j, w := range want {
			if page[i+j].s != w || !near(page[i+j].y0, page[i].y0, 0.5) {
				ok = false
				break
			}
		}
		if ok {
			return bboxWord{text, page[i].x0, page[i].y0, page[i+len(want)-1].x1, page[i+len(want)-1].y1}, true
		}
	}
	return bboxWord{}, false
}

// TestKeHoachDOCXThroughLibreOffice converts the kế hoạch's DOCX with
// LibreOffice (fonts-liberation2) and checks it as the PDF: the same
// page count; each Nơi nhận line that prints whole in bhytdoc's PDF
// prints whole in LibreOffice's, inside the Nơi nhận column; each group's
// purpose read back beside its lines; the lines at one pitch.
func TestKeHoachDOCXThroughLibreOffice(t *testing.T) {
	d := keHoach(-1)
	dir := t.TempDir()
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "kehoach.docx")
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(lotest.ToPDF(t, dir, []string{name}), "kehoach.pdf")
	lo := pdfWords(t, out)
	// Liberation 2.x drew every letter: with fonts-liberation 1.07
	// LibreOffice takes Ộ, Ậ, Ủ from DejaVu.
	if fl := run(t, "pdffonts", out); strings.Contains(fl, "DejaVu") || !strings.Contains(fl, "LiberationSerif") {
		t.Errorf("LibreOffice's fonts:\n%s", fl)
	}
	ours := bboxWords(t, d)
	if got := lo[len(lo)-1].page; got != len(ours) {
		t.Errorf("LibreOffice made %d pages of the DOCX, bhytdoc %d of the PDF", got, len(ours))
	}
	pages := make([][]bboxWord, lo[len(lo)-1].page)
	for _, w := range lo {
		pages[w.page-1] = append(pages[w.page-1], bboxWord{w.s, w.x0, w.y0, w.x1, w.y1})
	}
	doc, _, _, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ys []float64
	for _, c := range doc.Recipients {
		whole := false
		for _, p := range ours {
			_, ok := findLine(p, c.S)
			whole = whole || ok
		}
		if !whole {
			continue
		}
		found := false
		for _, p := range pages {
			if w, ok := findLine(p, c.S); ok {
				found = true
				ys = append(ys, w.y0)
				if w.x1 > defLeft+52.8*mmToPt+0.5 {
					t.Errorf("%q at %+v, outside the Nơi nhận column", c.S, w)
				}
			}
		}
		if !found {
			t.Errorf("%q is whole in the PDF, not in LibreOffice's rendering of the DOCX", c.S)
		}
	}
	for _, br := range doc.Braces {
		// The purpose's last word (pdftotext may join its first to the
		// name beside it).
		ws := strings.Fields(br.Purpose.S)
		first := ws[len(ws)-1]
		ok := false
		for _, p := range pages {
			for _, w := range p {
				ok = ok || (w.s == first && w.x0 > defLeft+10*mmToPt && w.x1 < defLeft+52.8*mmToPt+0.5)
			}
		}
		if !ok {
			t.Errorf("purpose %q not beside its group in the Nơi nhận column", br.Purpose.S)
		}
	}
	// One pitch: every step between whole lines is a multiple of the
	// smallest, within half a point.
	step := 1e9
	for k := 1; k < len(ys); k++ {
		if d := ys[k] - ys[k-1]; d > 1 {
			step = min(step, d)
		}
	}
	for k := 1; k < len(ys); k++ {
		d := ys[k] - ys[k-1]
		if d > 1 && math.Abs(d/step-math.Round(d/step)) > 0.5/step {
			t.Errorf("LibreOffice: Nơi nhận step %.1f pt, not a multiple of %.1f", d, step)
		}
	}
}
