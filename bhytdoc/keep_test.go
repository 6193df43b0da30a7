package bhytdoc_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// keepLast is a letter's long closing request: seven lines at 14 pt.
const keepLast = "Đề nghị Thủ trưởng các ban, ngành, đoàn thể quận, Chủ tịch Ủy ban nhân dân các phường " +
	"và Hiệu trưởng các cơ sở giáo dục trên địa bàn quận quan tâm chỉ đạo, triển khai thực hiện nghiêm " +
	"túc nội dung công văn này; định kỳ hằng tháng báo cáo kết quả rà soát, vận động người dân tham gia " +
	"bảo hiểm y tế hộ gia đình, học sinh, sinh viên và người lao động về Ủy ban nhân dân quận (qua Phòng " +
	"Y tế quận) trước ngày 25 để tổng hợp, báo cáo Ủy ban nhân dân thành phố; khó khăn, vướng mắc " +
	"phản ánh về Phòng Y tế quận để được hướng dẫn"

// keepLetter is the Cái Răng letter (without its attachment note, so
// that the body's last paragraph comes right before the signature) with
// k one-line paragraphs, then mid (italic, when not ""), then keepLast
// (italic when lastItalic).
func keepLetter(k int, mid string, lastItalic bool) *bhytdoc.Document {
	d := seeds.CaiRang()
	d.Attachments = nil
	body := d.Body[:1:1]
	for i := 0; i < k; i++ {
		body = append(body, bhytdoc.Block{Kind: bhytdoc.Dash, Text: []bhytdoc.Span{{Text: "Nội dung tuyên truyền thứ " + strconv.Itoa(i+1) + " về bảo hiểm y tế hộ gia đình."}}})
	}
	if mid != "" {
		body = append(body, bhytdoc.Block{Text: []bhytdoc.Span{{Text: mid, Italic: true}}})
	}
	d.Body = append(body, bhytdoc.Block{Text: []bhytdoc.Span{{Text: keepLast, Italic: lastItalic}}})
	return d
}

// italicLines counts, page by page, the body-size italic lines that
// start in the left half of the text (not the place and date): the one
// italic paragraph of a keepLetter.
func italicLines(pages []pdf.Page, set ir.Settings) []int {
	out := make([]int, len(pages))
	for i, p := range pages {
		for _, o := range p.Ops {
			if o.Kind == pdf.OpText && o.Size == set.BodySize && o.Style == ir.Italic && o.X < set.MarginLeft+50 {
				out[i]++
			}
		}
	}
	return out
}

// straddling returns a keepLetter whose last paragraph straddles the
// foot of page 1: at least three of its seven lines would fit under the
// short paragraphs there, but not all of them with the signature.
func straddling(t testing.TB) *bhytdoc.Document {
	t.Helper()
	for k := 0; k < 40; k++ {
		d := keepLetter(k, "", true)
		_, set, pages, err := bhytdoc.LayoutForTest(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := italicLines(pages, set)
		if len(pages) < 2 || n[0]+n[1] != 7 || n[1] == 0 {
			continue
		}
		// The foot of page 1's text before the last paragraph.
		foot := 0.0
		for _, o := range pages[0].Ops {
			if o.Kind == pdf.OpText && o.Style != ir.Italic {
				foot = max(foot, o.Y)
			}
		}
		lh := set.BodySize * set.LineSpacing * pagespec.SingleSpacing * pagespec.PtToMM
		free := pagespec.PageH - set.MarginBottom - foot
		if free >= 3.5*lh && free < 7*lh {
			return d
		}
	}
	t.Fatal("no number of short paragraphs puts the last paragraph across page 1's foot")
	return nil
}

// TestKeepLastParagraph: the paragraph before the signature goes with it
// as pagespec.CarryWhole says (whole, or its last pagespec.EndLines
// lines); read back with pdftotext -bbox.
func TestKeepLastParagraph(t *testing.T) {
	d := straddling(t)
	pages := bboxWords(t, d)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	sig, ok := findLine(pages[1], "KT. CHỦ TỊCH")
	if !ok {
		t.Fatal("the signature is not on page 2")
	}
	// Page 2 holds the carried lines of the paragraph above the
	// signature, and nothing else but the page number.
	var lines []float64
	for _, w := range pages[1] {
		if w.y0 < 17*mmToPt || w.y0 > sig.y0-1 {
			continue
		}
		if len(lines) == 0 || !near(w.y0, lines[len(lines)-1], 0.5) {
			lines = append(lines, w.y0)
		}
		if !strings.Contains(keepLast, w.s) {
			t.Errorf("%q above the signature on page 2: not of the last paragraph", w.s)
		}
	}
	want := pagespec.EndLines
	if pagespec.CarryWhole {
		want = 7
	}
	if len(lines) != want {
		t.Errorf("%d lines of the last paragraph carried to page 2, want %d", len(lines), want)
	}
	if pagespec.CarryWhole {
		first := strings.Fields(keepLast)
		if _, ok := findLine(pages[1], strings.Join(first[:4], " ")); !ok {
			t.Error("the last paragraph does not start on page 2")
		}
	}
}

// TestNoOrphanLines: whatever its place, a paragraph leaves either none
// or at least pagespec.EndLines of its lines on a page, and the last
// paragraph before the signature is never split (pagespec.CarryWhole).
func TestNoOrphanLines(t *testing.T) {
	split, carried := 0, 0
	for k := 0; k < 30; k++ {
		for _, last := range []bool{false, true} {
			mid := ""
			if !last {
				mid = keepLast
			}
			_, set, pages, err := bhytdoc.LayoutForTest(keepLetter(k, mid, last), nil)
			if err != nil {
				t.Fatal(err)
			}
			n := italicLines(pages, set)
			on := 0
			for p, c := range n {
				if c > 0 && c < pagespec.EndLines {
					t.Errorf("%d short paragraphs, last %v: page %d holds %d line(s) of the paragraph", k, last, p+1, c)
				}
				on += min(c, 1)
			}
			switch {
			case on > 1 && last && pagespec.CarryWhole:
				t.Errorf("%d short paragraphs: the last paragraph is split over %d pages", k, on)
			case on > 1:
				split++
			case last && len(pages) > 1 && n[0] == 0:
				carried++
			}
		}
	}
	if split == 0 || carried == 0 {
		t.Errorf("%d splits of the middle paragraph, %d carries of the last: the checks above checked nothing", split, carried)
	}
}

// tableLast returns a keepLetter whose body ends with a table of ten
// communes that runs across page 1's foot: the signature takes its last
// pagespec.EndLines rows with it, in the PDF and the DOCX.
func tableLast(t testing.TB) *bhytdoc.Document {
	t.Helper()
	names := []string{"Lê Bình", "Hưng Phú", "Hưng Thạnh", "Ba Láng", "Thường Thạnh", "Phú Thứ", "Tân Phú", "An Bình", "Long Tuyền", "Long Hòa"}
	tbl := &bhytdoc.Table{Header: [][]bhytdoc.HeaderCell{{{Text: "Phường"}, {Text: "Số người tham gia"}, {Text: "Tỷ lệ"}}}}
	for i, n := range names {
		tbl.Rows = append(tbl.Rows, []string{n, strconv.Itoa(12+i) + ".3" + strconv.Itoa(10+i*7), strconv.Itoa(80+i) + ",5%"})
	}
	for k := 0; k < 40; k++ {
		d := keepLetter(k, "", false)
		d.Body = append(d.Body[:len(d.Body)-1], bhytdoc.Block{Kind: bhytdoc.TableBlock, Table: tbl})
		_, _, pages, err := bhytdoc.LayoutForTest(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		// The table straddles when its first and last communes are on
		// different pages.
		on := func(s string) int {
			for i, p := range pages {
				for _, o := range p.Ops {
					if o.Kind == pdf.OpText && o.S == s {
						return i
					}
				}
			}
			return -1
		}
		if a, b := on(names[0]), on(names[len(names)-1]); a == 0 && b == 1 && on(names[len(names)-3]) == 0 {
			return d
		}
	}
	t.Fatal("no number of short paragraphs puts the table across page 1's foot")
	return nil
}

// TestKeepTableRows: a table ending the body carries its last
// pagespec.EndLines rows to the signature's page, no more.
func TestKeepTableRows(t *testing.T) {
	d := tableLast(t)
	pages := bboxWords(t, d)
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	var rows []string
	for _, r := range d.Body[len(d.Body)-1].Table.Rows {
		if _, ok := findLine(pages[1], r[0]); ok {
			rows = append(rows, r[0])
		}
	}
	if len(rows) != pagespec.EndLines {
		t.Errorf("rows %q on the signature's page, want the last %d", rows, pagespec.EndLines)
	}
}
