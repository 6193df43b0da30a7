package bhytdoc_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

const tableMD = `Kết quả như sau:

| Xã | Số người tham gia | Tỷ lệ |
|---|---:|:---:|
| Nam Toàn | 3.990 | 86,91% |
| Nam Hồng \| cũ | 2.100 | 90,10% |
| **Cộng** | **6.090** | |

##### **KẾT QUẢ THỰC HIỆN**
`

func TestParseBodyTable(t *testing.T) {
	blocks, err := bhytdoc.ParseBody(tableMD)
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 3 || blocks[1].Kind != bhytdoc.TableBlock || blocks[2].Kind != bhytdoc.Centered {
		t.Fatalf("blocks %+v", blocks)
	}
	tb := blocks[1].Table
	if len(tb.Header) != 1 || tb.Header[0][1].Text != "Số người tham gia" {
		t.Errorf("header %+v", tb.Header)
	}
	if len(tb.Rows) != 2 || tb.Rows[1][0] != "Nam Hồng | cũ" || tb.Rows[0][2] != "86,91%" {
		t.Errorf("rows %q", tb.Rows)
	}
	if strings.Join(tb.Totals, "|") != "Cộng|6.090|" {
		t.Errorf("totals %q", tb.Totals)
	}
	want := []bhytdoc.Align{bhytdoc.AlignAuto, bhytdoc.AlignRight, bhytdoc.AlignCenter}
	for c, w := range want {
		if tb.Columns[c].Align != w {
			t.Errorf("column %d align %d, want %d", c, tb.Columns[c].Align, w)
		}
	}
	if s := blocks[2].Text; len(s) != 1 || !s[0].Bold || s[0].Text != "KẾT QUẢ THỰC HIỆN" {
		t.Errorf("centred line %+v", s)
	}
}

func TestParseBodyTableErrors(t *testing.T) {
	for md, want := range map[string]string{
		"| a | b |\n|---|---|\n| 1 | 2 | 3 |\n":                "line 3: 3 cells, the table's header has 2",
		"| a | b |\n|---|---|\n| 1 |\n":                        "line 3: 1 cells, the table's header has 2",
		"| a | b |\n|---|---|\n| *1* | 2 |\n":                  "line 3: emphasis inside a table cell",
		"| **a** | **b** |\n|---|---|\n| 1 | 2 |\n":            "line 1: header cells are printed bold already",
		"| a | b |\n|---|---|\n| **1** | **2** |\n| 3 | 4 |\n": "line 3: only the last row",
		"| a | b |\n|---|---|\n| [x](y) | 2 |\n":               "line 3: a link is not allowed",
	} {
		_, err := bhytdoc.ParseBody(md)
		var se *bhytdoc.SyntaxError
		if !errors.As(err, &se) || !strings.HasPrefix(se.Error(), want) {
			t.Errorf("%q: got %v, want %q", md, err, want)
		}
	}
}

func TestValidateBodyTable(t *testing.T) {
	d := quyetDinhDoc(t)
	d.Body = append(d.Body, bhytdoc.Block{Kind: bhytdoc.TableBlock, Table: &bhytdoc.Table{
		Header: [][]bhytdoc.HeaderCell{{{Text: "A"}, {Text: "B"}}},
		Rows:   [][]string{{"1"}},
	}}, bhytdoc.Block{Kind: bhytdoc.TableBlock})
	var ve *bhytdoc.ValidationError
	if err := d.Validate(); !errors.As(err, &ve) || strings.Join(ve.Fields(), ",") != "Body[3].Table.Rows[0],Body[4].Table" {
		t.Fatalf("got %v", err)
	}
}

// TestBodyTableInPDF checks a GFM table of the body in the PDF against the
// spec's tables: bordered cells across the text width, header bold and
// centred, numbers right-aligned, the totals row bold, 12–13 pt; and the
// centred line centred on the text width. No Markdown syntax is printed.
func TestBodyTableInPDF(t *testing.T) {
	d := quyetDinhDoc(t)
	body, err := bhytdoc.ParseBody(tableMD)
	if err != nil {
		t.Fatal(err)
	}
	d.Body = append(d.Body, body...)
	pages := bboxWords(t, d)
	var all []bboxWord
	for _, p := range pages {
		all = append(all, p...)
	}
	pipes := 0
	for _, w := range all {
		if strings.ContainsAny(w.s, "*#") || strings.Contains(w.s, "---") {
			t.Errorf("raw Markdown printed: %q", w.s)
		}
		pipes += strings.Count(w.s, "|")
	}
	if pipes != 1 { // the escaped "\|" of a cell's text, nothing else
		t.Errorf("%d pipes printed, want 1", pipes)
	}
	_, _, lp, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	var pi int
	for i, p := range lp {
		for _, o := range p.Ops {
			if o.S == "Nam Toàn" {
				pi = i
			}
		}
	}
	p := lp[pi]
	words := pages[pi]
	// Cell borders: the rectangles run from the left to the right margin.
	minX, maxX := 1e9, 0.0
	rects := opsOf(p, pdf.OpRect)
	for _, r := range rects {
		minX, maxX = min(minX, r.X), max(maxX, r.X+r.W)
	}
	if len(rects) != 3*4 || !near(minX, 30, 0.01) || !near(maxX, 195, 0.01) {
		t.Errorf("%d cell rectangles from %.2f to %.2f mm; want 12 from 30 to 195", len(rects), minX, maxX)
	}
	cellOf := func(o pdf.Op) pdf.Op {
		for _, r := range rects {
			if o.X >= r.X && o.X+o.W <= r.X+r.W+1e-6 && o.Y > r.Y && o.Y < r.Y+r.H {
				return r
			}
		}
		t.Fatalf("%q is in no cell", o.S)
		return pdf.Op{}
	}
	head := findOpPrefix(t, p, "Số người")
	if hc := cellOf(head); head.Style != ir.Bold || !near(head.X+head.W/2, hc.X+hc.W/2, 0.01) {
		t.Errorf("header cell %+v not bold and centred in %+v", head, hc)
	}
	num := findOp(t, p, "3.990")
	if nc := cellOf(num); !near(num.X+num.W, nc.X+nc.W-1.2, 0.01) {
		t.Errorf("number %+v not right-aligned in %+v", num, nc)
	}
	if tot := findOp(t, p, "Cộng"); tot.Style != ir.Bold {
		t.Errorf("totals %+v not bold", tot)
	}
	// In the PDF: the number's right edge where the layout put it, the
	// size inside 12–13 pt.
	nw := pdfLine(t, words, "3.990")
	if !near(nw.x1, (num.X+num.W)*mmToPt, 0.5) || nw.size() < 11.7 || nw.size() > 13.3 {
		t.Errorf("3.990 in the PDF: %+v (size %.1f), layout right edge %.1f pt", nw, nw.size(), (num.X+num.W)*mmToPt)
	}
	c := pdfLine(t, words, "KẾT QUẢ THỰC HIỆN")
	if !centredOnText(c) || c.size() < 12.7 || c.size() > 14.3 {
		t.Errorf("centred line %+v (size %.1f)", c, c.size())
	}
	if o := findOp(t, p, "KẾT QUẢ THỰC HIỆN"); o.Style != ir.Bold {
		t.Errorf("centred line style %d, want bold as written", o.Style)
	}
}

// TestBodyTableAcrossPages: a long body table repeats its header rows at
// the top of every page it continues on, and every row is printed once.
func TestBodyTableAcrossPages(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("| Thôn | Số người |\n|---|---:|\n")
	for i := 1; i <= 70; i++ {
		sb.WriteString("| Thôn số " + strconv.Itoa(i) + " | " + strconv.Itoa(1000+i) + " |\n")
	}
	body, err := bhytdoc.ParseBody(sb.String())
	if err != nil {
		t.Fatal(err)
	}
	d := quyetDinhDoc(t)
	d.Body = append(d.Body, body...)
	_, set, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows, withTable := 0, 0
	for i, p := range pages {
		var head, first *pdf.Op
		for k, o := range p.Ops {
			if o.Kind != pdf.OpText {
				continue
			}
			if o.S == "Số người" && head == nil {
				head = &p.Ops[k]
			}
			if strings.HasPrefix(o.S, "Thôn số ") {
				rows++
				if first == nil {
					first = &p.Ops[k]
				}
			}
		}
		if first == nil {
			continue
		}
		withTable++
		if head == nil || head.Y >= first.Y {
			t.Fatalf("page %d: table rows without the header above them", i+1)
		}
		// On the pages the table continues on, the header opens the page.
		if withTable > 1 && head.Y > set.MarginTop+8 {
			t.Errorf("page %d: repeated header at %.1f mm, not at the top", i+1, head.Y)
		}
	}
	if rows != 70 || withTable < 2 {
		t.Errorf("%d rows on %d pages; want 70 rows over at least 2 pages", rows, withTable)
	}
}

// TestNoRawMarkdown: GFM syntax the body has no use for is an error at
// its line, never printed as written.
func TestNoRawMarkdown(t *testing.T) {
	for md, want := range map[string]string{
		"Một.\n\nHai ~~bỏ~~ ba.\n": "line 3: strikethrough (write \\~ for a tilde) is not allowed",
		"- [ ] việc một\n":         "line 1: a task list checkbox is not allowed",
	} {
		_, err := bhytdoc.ParseBody(md)
		var se *bhytdoc.SyntaxError
		if !errors.As(err, &se) || !strings.HasPrefix(se.Error(), want) {
			t.Errorf("%q: got %v, want %q", md, err, want)
		}
	}
	if b, err := bhytdoc.ParseBody("Khoảng 3~5 người, \\~10%.\n"); err != nil || b[0].Plain() != "Khoảng 3~5 người, ~10%." {
		t.Errorf("tildes as text: %v %v", b, err)
	}
}
