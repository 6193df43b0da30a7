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

func groupDoc(t *testing.T, purpose string) *bhytdoc.Document {
	d := quyetDinhDoc(t)
	d.Recipients = []bhytdoc.Recipient{
		{Name: "Như Điều 2"},
		{Name: "UBND tỉnh", Purpose: purpose},
		{Name: "TT Huyện ủy", Joined: true},
		{Name: "TT HĐND huyện", Joined: true},
		{Name: "Chủ tịch, các PCT UBND huyện"},
	}
	return d
}

// TestNoiNhanGroupInPDF: recipients sharing a purpose print one per line
// (11 pt, ô 9b), a brace spans exactly their lines to the right of the
// longest, and the purpose sits right of the brace, centred on the group,
// over several lines when long, inside the Nơi nhận column.
func TestNoiNhanGroupInPDF(t *testing.T) {
	for _, purpose := range []string{"để báo cáo", "để báo cáo, chỉ đạo và theo dõi việc thực hiện"} {
		d := groupDoc(t, purpose)
		doc, _, pages, err := bhytdoc.LayoutForTest(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Braces) != 1 || doc.Braces[0].From != 1 || doc.Braces[0].To != 3 || doc.Braces[0].Purpose.S != "("+purpose+")" {
			t.Fatalf("braces %+v", doc.Braces)
		}
		p := pages[len(pages)-1]
		first, last := findOp(t, p, "- UBND tỉnh;"), findOp(t, p, "- TT HĐND huyện;")
		mid := findOp(t, p, "- TT Huyện ủy;")
		widest := max(first.X+first.W, mid.X+mid.W, last.X+last.W)
		var spine pdf.Op
		for _, o := range opsOf(p, pdf.OpLine) {
			if o.W == 0 && o.H > 0 && o.X > widest && o.X < widest+3 {
				spine = o
			}
		}
		asc := 0.8 * 11 / mmToPt
		if spine.H == 0 || !near(spine.Y, first.Y-asc, 0.01) || spine.Y+spine.H < last.Y || spine.Y+spine.H > last.Y+2 {
			t.Errorf("%q: brace %+v does not span %.2f–%.2f", purpose, spine, first.Y-asc, last.Y)
		}
		var plines []pdf.Op
		for _, o := range p.Ops {
			if o.Kind == pdf.OpText && o.X > spine.X && o.X < spine.X+3 && o.Size == 11 {
				plines = append(plines, o)
			}
		}
		if len(plines) == 0 {
			t.Fatalf("%q: no purpose text right of the brace", purpose)
		}
		var got []string
		for _, o := range plines {
			got = append(got, o.S)
			if o.X+o.W > 30+52.8+0.01 {
				t.Errorf("%q: purpose line %+v leaves the Nơi nhận column", purpose, o)
			}
		}
		if strings.Join(got, " ") != "("+purpose+")" {
			t.Errorf("purpose lines %q", got)
		}
		centre := (plines[0].Y + plines[len(plines)-1].Y) / 2
		if !near(centre, mid.Y, 0.6) {
			t.Errorf("%q: purpose centred at %.2f, group middle line at %.2f", purpose, centre, mid.Y)
		}
		if len(purpose) > 20 && len(plines) < 2 {
			t.Errorf("long purpose on %d line", len(plines))
		}
		// In the PDF: the lines at 11 pt where the layout put them.
		words := bboxWords(t, d)
		pw := words[len(words)-1]
		for _, o := range []pdf.Op{first, last, plines[0]} {
			w := pdfLine(t, pw, o.S)
			if !near(w.x0, o.X*mmToPt, 0.5) || w.size() < 10.7 || w.size() > 11.3 {
				t.Errorf("%q in the PDF: %+v (size %.1f), layout x %.1f pt", o.S, w, w.size(), o.X*mmToPt)
			}
		}
	}
}

func TestNoiNhanGroupErrors(t *testing.T) {
	d := groupDoc(t, "")
	d.Recipients[0].Joined = true
	d.Recipients[3].Purpose = "riêng"
	var ve *bhytdoc.ValidationError
	if err := d.Validate(); !errors.As(err, &ve) {
		t.Fatal(err)
	}
	if got := strings.Join(ve.Fields(), ","); got != "Recipients[0].Joined,Recipients[1].Purpose,Recipients[3].Purpose" {
		t.Errorf("fields %s: %v", got, ve)
	}
}

// TestItalicLabel: a heading written in italics gets an italic label too
// (bold italic), in the PDF and the DOCX.
func TestItalicLabel(t *testing.T) {
	d := quyetDinhDoc(t)
	body, err := bhytdoc.ParseBody("### *1. Tình hình thực hiện*\n\nNội dung.\n\n### 2. Kết quả\n\nNội dung.\n")
	if err != nil {
		t.Fatal(err)
	}
	d.Body = append(d.Body, body...)
	doc, _, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b := doc.Body[3]; b.MarkerStyle != ir.BoldItalic || b.Spans[0].Style != ir.BoldItalic {
		t.Errorf("italic heading: marker %d, text %d", b.MarkerStyle, b.Spans[0].Style)
	}
	if b := doc.Body[5]; b.MarkerStyle != ir.Bold {
		t.Errorf("upright heading: marker %d", b.MarkerStyle)
	}
	if o := findOpPrefix(t, pages[0], "1. Tình hình"); o.Style != ir.BoldItalic {
		t.Errorf("PDF: %+v", o)
	}
	_, paras := docxParas(t, d)
	if _, b, i := pProps(paras["1. Tình hình thực hiện"]); !b || !i {
		t.Errorf("DOCX: bold %v italic %v", b, i)
	}
}

// TestDOCXNoiNhanGroup: in the DOCX a group is a table inside the Nơi
// nhận cell: its lines as paragraphs in the left cell, the purpose in the
// right one, whose left border is the brace, the nested table no wider
// than the Nơi nhận cell (tab stops past the cell's edge broke it).
func TestDOCXNoiNhanGroup(t *testing.T) {
	root, paras := docxParas(t, groupDoc(t, "để báo cáo"))
	for _, s := range []string{"- UBND tỉnh;", "- TT Huyện ủy;", "- TT HĐND huyện;", "(để báo cáo)"} {
		if _, ok := paras[s]; !ok {
			t.Errorf("no paragraph %q", s)
		}
	}
	var outer, inner *xmlNode // the signature table's Nơi nhận cell, the group's table
	root.each(func(n *xmlNode) {
		if n.name.Local != "tc" || outer != nil {
			return
		}
		n.each(func(k *xmlNode) {
			if k.name.Local == "tbl" && inner == nil {
				outer, inner = n, k
			}
		})
	})
	if inner == nil {
		t.Fatal("no table inside a cell")
	}
	cellW := 0
	for _, k := range outer.kids {
		if k.name.Local == "tcPr" {
			k.each(func(n *xmlNode) {
				if n.name.Local == "tcW" {
					cellW, _ = strconv.Atoi(n.get("w"))
				}
			})
		}
	}
	var cells []*xmlNode
	inner.each(func(n *xmlNode) {
		if n.name.Local == "tc" {
			cells = append(cells, n)
		}
	})
	if len(cells) != 2 {
		t.Fatalf("group table of %d cells", len(cells))
	}
	total, spine := 0, false
	for _, c := range cells {
		c.each(func(n *xmlNode) {
			switch n.name.Local {
			case "tcW":
				w, _ := strconv.Atoi(n.get("w"))
				total += w
			case "left":
				spine = spine || n.get("val") == "single"
			}
		})
	}
	if cellW == 0 || total > cellW {
		t.Errorf("group table %d twips wide in a Nơi nhận cell of %d", total, cellW)
	}
	if !spine || !strings.Contains(textOf(cells[1]), "(để báo cáo)") || !strings.Contains(textOf(cells[0]), "- TT Huyện ủy;") {
		t.Errorf("group cells %q | %q, brace %v", textOf(cells[0]), textOf(cells[1]), spine)
	}
}
