package bhytdoc_test

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// docxParas returns the paragraphs of word/document.xml with their text.
func docxParas(t *testing.T, d *bhytdoc.Document) (*xmlNode, map[string]*xmlNode) {
	t.Helper()
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	styleEmphasis = map[string][2]bool{}
	parseXML(t, "word/styles.xml", parts["word/styles.xml"]).each(func(s *xmlNode) {
		if s.name.Local == "style" {
			var e [2]bool
			s.each(func(n *xmlNode) {
				e[0] = e[0] || n.name.Local == "b" && on(n)
				e[1] = e[1] || n.name.Local == "i" && on(n)
			})
			styleEmphasis[s.get("styleId")] = e
		}
	})
	root := parseXML(t, "word/document.xml", parts["word/document.xml"])
	paras := map[string]*xmlNode{}
	root.each(func(n *xmlNode) {
		if n.name.Local == "p" {
			if s := textOf(n); s != "" {
				paras[s] = n
			}
		}
	})
	return root, paras
}

// bodyStyles are the DOCX's named styles of body text and headings,
// justified with a first-line indent.
var bodyStyles = map[string]bool{"VanBan": true, "Muc": true, "Dieu": true, "Khoan": true}

// styleEmphasis is, by style id, whether the styles.xml of the document
// docxParas last read makes runs bold and italic.
var styleEmphasis map[string][2]bool

// on reads a toggle property: present and not turned off.
func on(n *xmlNode) bool { v := n.get("val"); return v != "0" && v != "false" }

// pProps returns the w:jc value of paragraph p and whether all its runs
// are bold and italic, by their own w:b and w:i or their paragraph
// style's (styleEmphasis).
func pProps(p *xmlNode) (jc string, bold, italic bool) {
	bold, italic = true, true
	var style [2]bool
	runs := 0
	for _, k := range p.kids {
		switch k.name.Local {
		case "pPr":
			k.each(func(n *xmlNode) {
				switch {
				case n.name.Local == "jc":
					jc = n.get("val")
				case n.name.Local == "pStyle":
					style = styleEmphasis[n.get("val")]
					if bodyStyles[n.get("val")] && jc == "" {
						// Justified by its style (TestDOCXOptions checks
						// the styles' properties).
						jc = "both"
					}
				}
			})
		case "r":
			runs++
			b, i := style[0], style[1]
			k.each(func(n *xmlNode) {
				switch n.name.Local {
				case "b":
					b = on(n)
				case "i":
					i = on(n)
				}
			})
			bold, italic = bold && b, italic && i
		}
	}
	return jc, bold && runs > 0, italic && runs > 0
}

// TestDOCXDecisionAndTable checks the DOCX structure of the new elements:
// the authority line and "QUYẾT ĐỊNH:" centred bold, the proposal italic,
// "Điều 1." bold, the centred line centred, and a body table as a real
// bordered table with a repeated bold header row, right-aligned numbers
// and a bold totals row.
func TestDOCXDecisionAndTable(t *testing.T) {
	d := quyetDinhDoc(t)
	body, err := bhytdoc.ParseBody(tableMD)
	if err != nil {
		t.Fatal(err)
	}
	d.Body = append(d.Body, body...)
	root, paras := docxParas(t, d)
	for text, want := range map[string]struct {
		jc           string
		bold, italic bool
	}{
		"ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC":            {"center", true, false},
		"QUYẾT ĐỊNH:":                               {"center", true, false},
		"Theo đề nghị của Trưởng phòng Y tế huyện.": {"both", false, true},
		"Điều 1. Giao chỉ tiêu":                     {"both", true, false},
		"KẾT QUẢ THỰC HIỆN":                         {"center", true, false},
	} {
		p, ok := paras[text]
		if !ok {
			t.Errorf("no paragraph %q", text)
			continue
		}
		if jc, b, i := pProps(p); jc != want.jc || b != want.bold || i != want.italic {
			t.Errorf("%q: jc=%s bold=%v italic=%v, want %+v", text, jc, b, i, want)
		}
	}
	// The body table: the second w:tbl (the first is the header's).
	var tbls []*xmlNode
	root.each(func(n *xmlNode) {
		if n.name.Local == "tbl" {
			tbls = append(tbls, n)
		}
	})
	var tbl *xmlNode
	for _, x := range tbls {
		if strings.Contains(textOf(x), "Nam Toàn") {
			tbl = x
		}
	}
	if tbl == nil {
		t.Fatal("the body table is not a w:tbl")
	}
	var rows []*xmlNode
	borders := false
	tbl.each(func(n *xmlNode) {
		switch n.name.Local {
		case "tr":
			rows = append(rows, n)
		case "tblBorders":
			borders = true
		}
	})
	if len(rows) != 4 || !borders {
		t.Fatalf("%d rows, borders %v; want 4 bordered rows", len(rows), borders)
	}
	header := false
	rows[0].each(func(n *xmlNode) { header = header || n.name.Local == "tblHeader" })
	if !header {
		t.Error("the header row does not repeat (w:tblHeader)")
	}
	cellParas := func(r *xmlNode) []*xmlNode {
		var out []*xmlNode
		r.each(func(n *xmlNode) {
			if n.name.Local == "p" {
				out = append(out, n)
			}
		})
		return out
	}
	if jc, b, _ := pProps(cellParas(rows[0])[1]); jc != "center" || !b {
		t.Errorf("header cell: jc=%s bold=%v", jc, b)
	}
	if jc, _, _ := pProps(cellParas(rows[1])[1]); jc != "right" {
		t.Errorf("number cell: jc=%s, want right", jc)
	}
	if _, b, _ := pProps(cellParas(rows[3])[0]); !b || textOf(rows[3]) != "Cộng6.090" {
		t.Errorf("totals row %q bold=%v", textOf(rows[3]), b)
	}
}

// TestDOCXMarks: the stamps are boxed paragraphs (the urgency in red),
// "PL.(300)" follows Nơi nhận, ô 13 is the first page's footer under a
// rule, and ô 14 the first-page header of the annex's section.
func TestDOCXMarks(t *testing.T) {
	d := markedDoc()
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	root := parseXML(t, "word/document.xml", parts["word/document.xml"])
	paras := map[string]*xmlNode{}
	root.each(func(n *xmlNode) {
		if n.name.Local == "p" {
			paras[textOf(n)] = n
		}
	})
	border := func(p *xmlNode) (sides int, colour string) {
		p.each(func(n *xmlNode) {
			switch n.name.Local {
			case "top", "left", "bottom", "right":
				sides++
				colour = n.get("color")
			}
		})
		return
	}
	for text, want := range map[string]string{"MẬT": "000000", "HỎA TỐC": "FF0000", "LƯU HÀNH NỘI BỘ": "000000", "DỰ THẢO": "000000"} {
		p, ok := paras[text]
		if !ok {
			t.Errorf("no paragraph %q", text)
			continue
		}
		if sides, c := border(p); sides != 4 || c != want {
			t.Errorf("%q: %d border sides in %s, want 4 in %s", text, sides, c, want)
		}
		if jc, b, _ := pProps(p); jc != "center" || !b {
			t.Errorf("%q: jc %s bold %v", text, jc, b)
		}
	}
	red := false
	paras["HỎA TỐC"].each(func(n *xmlNode) { red = red || (n.name.Local == "color" && n.get("val") == "FF0000") })
	if !red {
		t.Error("HỎA TỐC is not in red ink")
	}
	if _, ok := paras["PL.(300)"]; !ok {
		t.Error("no PL.(300) paragraph")
	}
	ftr := parseXML(t, "word/footer1.xml", parts["word/footer1.xml"])
	if got := textOf(ftr); !strings.HasPrefix(got, "Địa chỉ: số 1") || !strings.Contains(got, "Website: example.vn") {
		t.Errorf("footer text %q", got)
	}
	if sides, _ := border(ftr); sides != 1 {
		t.Errorf("footer has %d border sides, want the rule on top", sides)
	}
	hdr := parseXML(t, "word/header3.xml", parts["word/header3.xml"])
	if got := textOf(hdr); got != "Số: 898/UBNDỦY BAN NHÂN DÂN QUẬN CÁI RĂNG2020-05-18T09:30:00+07:00" {
		t.Errorf("annex header text %q", got)
	}
	// The main section's first page has the footer; the annex's the header.
	var refs []string
	root.each(func(n *xmlNode) {
		if n.name.Local == "headerReference" || n.name.Local == "footerReference" {
			refs = append(refs, n.name.Local+":"+n.get("type")+":"+n.get("id"))
		}
	})
	want := "headerReference:default:rId3 headerReference:first:rId4 footerReference:first:rIdContact headerReference:default:rId3 headerReference:first:rIdESign footerReference:first:rIdNoFoot"
	if got := strings.Join(refs, " "); got != want {
		t.Errorf("section references\n got %s\nwant %s", got, want)
	}
}

// TestDOCXCopy: a copy's block follows the signature under a rule, its
// form bold and centred, its number and signer present; an electronic
// copy's signing line is page 1's own first-page header.
func TestDOCXCopy(t *testing.T) {
	d := copiedDoc()
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	root := parseXML(t, "word/document.xml", parts["word/document.xml"])
	var order []string
	rules := 0
	root.each(func(n *xmlNode) {
		if n.name.Local != "p" {
			return
		}
		if s := textOf(n); s != "" {
			order = append(order, s)
		}
		n.each(func(k *xmlNode) {
			if k.name.Local == "top" && k.get("val") == "single" {
				rules++
			}
		})
	})
	all := strings.Join(order, "|")
	i, j, k := strings.Index(all, "Vương Công Khanh"), strings.Index(all, "SAO Y"), strings.Index(all, "Nguyễn Thị B")
	if i < 0 || j < i || k < j || !strings.Contains(all, "|Số: 05/SY-UBND|") {
		t.Errorf("copy block out of order: %q", all[max(0, i-10):])
	}
	if rules != 1 {
		t.Errorf("%d top rules, want the one over the copy", rules)
	}
	_, paras := docxParas(t, d)
	if jc, bold, _ := pProps(paras["SAO Y"]); jc != "center" || !bold {
		t.Errorf("SAO Y: jc %s bold %v", jc, bold)
	}
	hdr := parseXML(t, "word/header4.xml", parts["word/header4.xml"])
	if got := textOf(hdr); got != "SAO YỦY BAN NHÂN DÂN PHƯỜNG LÊ BÌNH2020-05-20T15:00:00+07:00" {
		t.Errorf("copy signing header %q", got)
	}
	first := ""
	root.each(func(n *xmlNode) {
		if n.name.Local == "headerReference" && n.get("type") == "first" && first == "" {
			first = n.get("id")
		}
	})
	if first != "rIdCopyESign" {
		t.Errorf("page 1's first header is %s", first)
	}
}
