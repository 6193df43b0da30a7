package bhytdoc_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// wideAnnex is a coverage table with two milestones of four columns each
// under merged headers: too wide for portrait, long enough for 3 pages.
func wideAnnex(rows int) bhytdoc.Annex {
	sub := []bhytdoc.HeaderCell{{Text: "Số người đã tham gia BHYT"}, {Text: "Số người chưa tham gia BHYT"}, {Text: "Dân số"}, {Text: "Tỷ lệ (%)"}}
	t := bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{
			{{Text: "STT", RowSpan: 2}, {Text: "Đơn vị", RowSpan: 2}, {Text: "Năm 2020", ColSpan: 4}, {Text: "Năm 2021", ColSpan: 4}},
			append(append([]bhytdoc.HeaderCell{}, sub...), sub...),
		},
	}
	for i := 1; i <= rows; i++ {
		t.Rows = append(t.Rows, []string{strconv.Itoa(i), fmt.Sprintf("Phường Hưng Thạnh số %d", i), "10.125", "1.234", "11.359", "89,1", "10.600", "759", "11.359", "93,3"})
	}
	t.Totals = []string{"", "Cộng", "1.012.500", "123.400", "1.135.900", "89,1", "1.060.000", "75.900", "1.135.900", "93,3"}
	return bhytdoc.Annex{Title: "Biểu giao chỉ tiêu đối với các xã, phường", Table: t}
}

func TestAnnexTableLayout(t *testing.T) {
	d := seeds.CaiRang()
	d.Annexes = []bhytdoc.Annex{wideAnnex(60)}
	doc, set, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Annexes[0].Reference.S; got != "(Kèm theo Công văn số 898/UBND ngày 18/5/2020 của Ủy ban nhân dân quận Cái Răng)" {
		t.Errorf("reference line %q", got)
	}
	var annex []pdf.Page
	for _, p := range pages {
		if p.Landscape {
			annex = append(annex, p)
		}
	}
	if len(annex) < 2 {
		t.Fatalf("want a multi-page landscape annex, got %d landscape pages of %d", len(annex), len(pages))
	}
	main := len(pages) - len(annex)
	for i, p := range pages[:main] {
		if p.Landscape {
			t.Errorf("document page %d is landscape", i+1)
		}
	}
	rowsSeen := 0
	for i, p := range annex {
		texts := map[string]pdf.Op{}
		for _, o := range p.Ops {
			if o.Kind == pdf.OpText {
				if _, ok := texts[o.S]; !ok {
					texts[o.S] = o
				}
			}
		}
		// Header repeated on every page, bold and centred over its span.
		for _, h := range []string{"STT", "Năm 2020", "Năm 2021"} {
			o, ok := texts[h]
			if !ok || o.Style != ir.Bold {
				t.Errorf("annex page %d: header %q missing or not bold", i+1, h)
			}
		}
		// Each annex numbers its own pages, from its second page.
		first := p.Ops[0]
		if i == 0 && first.Kind == pdf.OpText && first.S == "1" {
			t.Error("annex page 1 carries a number")
		}
		if i > 0 && (first.Kind != pdf.OpText || first.S != strconv.Itoa(i+1)) {
			t.Errorf("annex page %d: first op %+v, want its page number", i+1, first)
		}
		for _, o := range p.Ops {
			if o.Kind == pdf.OpText && strings.HasPrefix(o.S, "Phường Hưng Thạnh số") {
				rowsSeen++
			}
			if o.Kind == pdf.OpRect && (o.X < set.MarginLeft-0.01 || o.X+o.W > 297-set.MarginRight+0.01 || o.Y+o.H > 210-set.MarginBottom+0.01) {
				t.Errorf("annex page %d: cell outside the margins %+v", i+1, o)
			}
		}
	}
	if rowsSeen != 60 {
		t.Errorf("saw %d of 60 rows", rowsSeen)
	}
	// The totals row is bold and shares its page with the last row.
	last := annex[len(annex)-1]
	var totals, lastRow bool
	for _, o := range last.Ops {
		if o.S == "Cộng" && o.Style == ir.Bold {
			totals = true
		}
		if o.S == "Phường Hưng Thạnh số 60" {
			lastRow = true
		}
	}
	if !totals || !lastRow {
		t.Errorf("last annex page: totals %v, last row %v", totals, lastRow)
	}
	// The PDF reads back as laid out.
	f, _ := render(t, d)
	checkPDFText(t, f, pages)
}

// TestSignatureNeverAlone grows the body one paragraph at a time, so the
// signature block meets every position on the page, and checks that it
// never opens a page without body text before it.
func TestSignatureNeverAlone(t *testing.T) {
	base := seeds.CaiRang()
	para := base.Body[1]
	for n := 1; n <= 24; n++ {
		d := seeds.CaiRang()
		d.Body = nil
		for range n {
			d.Body = append(d.Body, para)
		}
		_, _, pages, err := bhytdoc.LayoutForTest(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		sigTitle := "KT. CHỦ TỊCH"
		for pi, p := range pages {
			for j, o := range p.Ops {
				if o.Kind != pdf.OpText || (pi > 0 && j == 0) {
					continue // page number
				}
				if o.S == sigTitle || o.S == "Nơi nhận:" {
					t.Errorf("%d paragraphs: the signature block opens page %d", n, pi+1)
				}
				break
			}
		}
	}
}
