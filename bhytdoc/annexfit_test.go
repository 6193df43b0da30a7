package bhytdoc_test

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// coverageAnnex is a coverage-style annex: STT, commune names (one very
// long), numeric columns under long header texts.
func coverageAnnex(rows int) bhytdoc.Annex {
	t := bhytdoc.Table{Header: [][]bhytdoc.HeaderCell{{
		{Text: "STT"}, {Text: "Xã, phường, thị trấn"},
		{Text: "Số người đã tham gia bảo hiểm y tế đến ngày 31/12/2021"},
		{Text: "Số người chưa tham gia bảo hiểm y tế đến ngày 31/12/2021"},
		{Text: "Dân số"}, {Text: "Tỷ lệ bao phủ (%)"},
		{Text: "Chỉ tiêu số người tham gia giao năm 2022"},
	}}}
	for i := 1; i <= rows; i++ {
		name := fmt.Sprintf("Xã Nam Thanh số %d", i)
		if i%3 == 2 {
			name = longCommune
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i), name, "10.125", "1.234", "11.359", "89,14", "10.600"})
	}
	t.Totals = []string{"", "Cộng", "1.012.500", "123.400", "1.135.900", "89,15", "1.060.000"}
	return bhytdoc.Annex{Title: "Biểu giao chỉ tiêu bao phủ bảo hiểm y tế", Table: t}
}

// annexPages returns the pages of the document's (only) annex.
func annexPages(t *testing.T, d *bhytdoc.Document) (ir.Settings, []pdf.Page, int) {
	t.Helper()
	doc, set, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pages {
		for _, o := range p.Ops {
			if o.Kind == pdf.OpText && o.S == doc.Annexes[0].Title.S {
				return set, pages[i:], i
			}
		}
	}
	t.Fatal("annex title not found")
	return set, nil, 0
}

// cellRects returns the table's cell rectangles on p.
func cellRects(p pdf.Page) []pdf.Op { return opsOf(p, pdf.OpRect) }

// TestAnnexAutoWidths checks the automatic table layout of a coverage
// annex against the PDF read back with pdftotext -bbox: the table spans
// the text width of its page, the name column is wider than every
// numeric column, every number is on one line, and no header cell wraps
// to more than 4 lines.
func TestAnnexAutoWidths(t *testing.T) {
	d := annexDoc(t, coverageAnnex(12))
	set, pages, first := annexPages(t, d)
	p := pages[0]
	pw := 210.0
	if p.Landscape {
		pw = 297
	}
	rects := cellRects(p)
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, r := range rects {
		x0, x1 = min(x0, r.X), max(x1, r.X+r.W)
	}
	if !near(x0, set.MarginLeft, 0.5) || !near(x1, pw-set.MarginRight, 0.5) {
		t.Errorf("table spans x %.1f–%.1f mm, want the text width %.1f–%.1f mm", x0, x1, set.MarginLeft, pw-set.MarginRight)
	}
	// Column widths: the header row's seven cells, left to right.
	head := rects[:7]
	for c := 2; c < 7; c++ {
		if head[1].W <= head[c].W {
			t.Errorf("name column %.1f mm not wider than numeric column %d (%.1f mm)", head[1].W, c, head[c].W)
		}
	}
	words := bboxWords(t, d)
	page := words[first]
	for _, n := range []string{"10.125", "1.234", "11.359", "89,14", "10.600"} {
		found := 0
		for _, pg := range words[first:] {
			for _, w := range pg {
				if w.s == n {
					found++
				}
			}
		}
		// Every row's number is a whole word: none cut over two lines.
		if found != 12 {
			t.Errorf("%q read back whole %d times in the annex, want 12 (one per row)", n, found)
		}
	}
	// Header cells: the lines of the words inside each cell's box.
	for c, r := range head {
		ys := map[int]bool{}
		for _, w := range page {
			cx, cy := (w.x0+w.x1)/2/mmToPt, (w.y0+w.y1)/2/mmToPt
			if cx > r.X && cx < r.X+r.W && cy > r.Y && cy < r.Y+r.H {
				ys[int(math.Round(w.y0))] = true
			}
		}
		if len(ys) == 0 || len(ys) > 4 {
			t.Errorf("header cell %d wraps to %d lines, want 1–4", c, len(ys))
		}
	}
}

// TestAnnexTotalsKeepsTwoRows grows an annex one row at a time so that
// its end meets every position on a page, and checks that the totals row
// always shares its page with at least two body rows.
func TestAnnexTotalsKeepsTwoRows(t *testing.T) {
	moved := false
	for n := 2; n <= 45; n++ {
		a := coverageAnnex(n)
		for i := range a.Table.Rows {
			a.Table.Rows[i][1] = "Xã Nam Thanh"
		}
		d := annexDoc(t, a)
		_, pages, _ := annexPages(t, d)
		last := pages[len(pages)-1]
		rows, totals := 0, false
		for _, o := range last.Ops {
			switch {
			case o.Kind == pdf.OpText && o.S == "Xã Nam Thanh":
				rows++
			case o.Kind == pdf.OpText && o.S == "Cộng":
				totals = true
			}
		}
		if !totals {
			t.Fatalf("%d rows: the totals row is not on the annex's last page", n)
		}
		if rows < 2 {
			t.Errorf("%d rows: the totals row has %d body rows on its page, want at least 2", n, rows)
		}
		if len(pages) > 1 && rows == 2 {
			moved = true
		}
	}
	if !moved {
		t.Error("no row count put the totals row at a page break: the test checks nothing")
	}
}

// TestAnnexHandWidthsTooWide checks that widths set by hand that leave
// the other columns too little room are an error naming the table and
// the column, in the PDF and the DOCX, rather than a smaller font.
func TestAnnexHandWidthsTooWide(t *testing.T) {
	a := coverageAnnex(3)
	a.Table.Columns = make([]bhytdoc.Column, 7)
	a.Table.Columns[1].Width = 150
	a.Table.Columns[3].Width = 40
	d := annexDoc(t, a)
	if err := d.Validate(); err != nil {
		t.Fatalf("the widths are within MaxTableWidth, Validate: %v", err)
	}
	for name, render := range map[string]func(*bhytdoc.Document, *bhytdoc.Options) ([]byte, error){
		"PDF": bhytdoc.RenderPDF, "DOCX": bhytdoc.RenderDOCX,
	} {
		_, err := render(d, nil)
		var ve *bhytdoc.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields()) != 1 || ve.Fields()[0] != "Annexes[0].Table.Columns[1].Width" || !strings.Contains(err.Error(), "landscape page") {
			t.Errorf("%s: %v, want a validation error naming Annexes[0].Table.Columns[1].Width", name, err)
		}
	}
	// LayoutPDF, the first step of a PDF book, reports it alike.
	_, err := bhytdoc.LayoutPDF(d, nil)
	var ve *bhytdoc.ValidationError
	if !errors.As(err, &ve) || ve.Fields()[0] != "Annexes[0].Table.Columns[1].Width" {
		t.Errorf("LayoutPDF: %v, want a validation error naming Annexes[0].Table.Columns[1].Width", err)
	}
	// Widths that leave room lay out at the usual size.
	a.Table.Columns[1].Width = 60
	d = annexDoc(t, a)
	_, pages, _ := annexPages(t, d)
	for _, o := range pages[0].Ops {
		if o.Kind == pdf.OpText && o.S == "Cộng" && o.Size < 12 {
			t.Errorf("table font %g pt, want at least 12", o.Size)
		}
	}
}

// TestAnnexTotalsKeepsTwoRowsDOCX checks the same rule in the DOCX: the
// last two body rows of an annex table keep with the next row, so Word
// moves them with the totals row; the rows before them do not.
func TestAnnexTotalsKeepsTwoRowsDOCX(t *testing.T) {
	b, err := bhytdoc.RenderDOCX(annexDoc(t, coverageAnnex(6)), nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	var last *xmlNode
	parseXML(t, "document.xml", parts["word/document.xml"]).each(func(n *xmlNode) {
		if n.name.Local == "tbl" {
			last = n
		}
	})
	var rows []*xmlNode
	for _, k := range last.kids {
		if k.name.Local == "tr" {
			rows = append(rows, k)
		}
	}
	keeps := func(r *xmlNode) bool {
		found := false
		r.each(func(n *xmlNode) { found = found || n.name.Local == "keepNext" })
		return found
	}
	n := len(rows)
	if n < 4 || keeps(rows[n-4]) || !keeps(rows[n-3]) || !keeps(rows[n-2]) {
		t.Errorf("keepNext on the rows before the totals row: %v %v %v, want false true true", keeps(rows[n-4]), keeps(rows[n-3]), keeps(rows[n-2]))
	}
}

// TestBodyTableHandWidthsTooWide checks the same for a table in the body,
// which sits on a portrait page: widths set by hand wider than its text
// width are an error naming the block's table and column.
func TestBodyTableHandWidthsTooWide(t *testing.T) {
	d := annexDoc(t)
	tb := &bhytdoc.Table{
		Header:  [][]bhytdoc.HeaderCell{{{Text: "Đơn vị"}, {Text: "Số người"}}},
		Columns: []bhytdoc.Column{{Width: 100}, {Width: 90}},
		Rows:    [][]string{{"Xã Nam Thanh", "1.234"}},
	}
	d.Body = append(d.Body, bhytdoc.Block{Kind: bhytdoc.TableBlock, Table: tb})
	field := fmt.Sprintf("Body[%d].Table.Columns[0].Width", len(d.Body)-1)
	for name, render := range map[string]func(*bhytdoc.Document, *bhytdoc.Options) ([]byte, error){
		"PDF": bhytdoc.RenderPDF, "DOCX": bhytdoc.RenderDOCX,
	} {
		_, err := render(d, nil)
		var ve *bhytdoc.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields()) != 1 || ve.Fields()[0] != field {
			t.Errorf("%s: %v, want a validation error naming %s", name, err, field)
		}
	}
	tb.Columns[0].Width = 60
	if _, err := bhytdoc.RenderPDF(d, nil); err != nil {
		t.Errorf("widths that fit: %v", err)
	}
}

// TestAnnexLongHeadersGoLandscape: four headers too long for three lines
// beside each other on a portrait page turn the annex landscape (header
// cells wrap to at most three lines).
func TestAnnexLongHeadersGoLandscape(t *testing.T) {
	const long = "Số người đã tham gia bảo hiểm y tế đến ngày 31/12/2021"
	name := "Thị trấn Nam Giang huyện Nam Trực"
	tb := bhytdoc.Table{Header: [][]bhytdoc.HeaderCell{{{Text: "STT"}, {Text: "Đơn vị"}, {Text: long}, {Text: long}, {Text: long}, {Text: long}}}}
	for i := 1; i <= 5; i++ {
		tb.Rows = append(tb.Rows, []string{strconv.Itoa(i), name, "10.125", "1.234", "11.359", "10.600"})
	}
	d := annexDoc(t, bhytdoc.Annex{Title: "Biểu tham gia", Table: tb})
	_, pages, _ := annexPages(t, d)
	p := pages[0]
	if !p.Landscape {
		t.Fatal("the annex stayed portrait with headers over three lines")
	}
	rects := cellRects(p)
	lh := 13 * 1.15 * 25.4 / 72
	if h := rects[2].H; h > 3*lh+2+0.01 {
		t.Errorf("header cell %.1f mm tall, more than three lines", h)
	}
}
