package bhytdoc_test

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// TestDOCXNamedStyles: styles.xml names a style for body text, each
// heading level, Nơi nhận, the signature block and annex tables, and the
// document's paragraphs use them.
func TestDOCXNamedStyles(t *testing.T) {
	d := keHoach(-1)
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	styles := parseXML(t, "word/styles.xml", parts["word/styles.xml"])
	defined := map[string]bool{}
	styles.each(func(n *xmlNode) {
		if n.name.Local == "style" && n.get("type") == "paragraph" {
			defined[n.get("styleId")] = true
		}
	})
	_, paras := docxParas(t, d)
	styleOf := func(p *xmlNode) string {
		s := ""
		p.each(func(n *xmlNode) {
			if n.name.Local == "pStyle" {
				s = n.get("val")
			}
		})
		return s
	}
	for _, c := range []struct{ prefix, style string }{
		{"- Thường trực Thành ủy;", "NoiNhan"},
		{"- Lưu: VT.", "NoiNhan"},
		{"TM. ỦY BAN NHÂN DÂN", "ChuKy"},
		{"Nguyễn Văn A", "ChuKy"},
		{"I. MỤC ĐÍCH", "Muc"},
	} {
		if !defined[c.style] {
			t.Errorf("styles.xml has no paragraph style %q", c.style)
		}
		found := false
		for s, p := range paras {
			if strings.HasPrefix(s, c.prefix) {
				found = true
				if got := styleOf(p); got != c.style {
					t.Errorf("%q in style %q, want %q", s, got, c.style)
				}
			}
		}
		if !found {
			t.Errorf("no paragraph %q", c.prefix)
		}
	}
	for _, id := range []string{"VanBan", "Phan", "Dieu", "Khoan", "BangPhuLuc"} {
		if !defined[id] {
			t.Errorf("styles.xml has no paragraph style %q", id)
		}
	}
}

// TestDOCXRunsInheritStyles: runs take their font and size from their
// paragraph's style: no run names a font, none of the kế hoạch (body,
// header, Nơi nhận, signature) carries a size, the header's elements and
// the "Nơi nhận:" label have styles of their own, and every named style
// names the font and a size; emphasis the decree asks inside a paragraph
// stays direct.
func TestDOCXRunsInheritStyles(t *testing.T) {
	d := keHoach(-1)
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	for name, data := range parts {
		if strings.HasPrefix(name, "word/") && name != "word/styles.xml" && strings.Contains(string(data), "rFonts") {
			t.Errorf("%s names a font outside the styles", name)
		}
	}
	body := map[string]bool{"VanBan": true, "Phan": true, "Muc": true, "Dieu": true, "Khoan": true}
	want := map[string]string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": "QuocHieu", "Số: 131/KH-UBND": "SoKyHieu", "Nơi nhận:": "NhanNoiNhan"}
	runs, bold := 0, 0
	parseXML(t, "word/document.xml", parts["word/document.xml"]).each(func(p *xmlNode) {
		if p.name.Local != "p" {
			return
		}
		style := ""
		p.each(func(n *xmlNode) {
			if n.name.Local == "pStyle" {
				style = n.get("val")
			}
		})
		if w, ok := want[textOf(p)]; ok {
			delete(want, textOf(p))
			if style != w {
				t.Errorf("%q in style %q, want %q", textOf(p), style, w)
			}
		}
		for _, r := range p.kids {
			if r.name.Local != "r" {
				continue
			}
			if body[style] {
				runs++
			}
			r.each(func(n *xmlNode) {
				switch n.name.Local {
				case "sz", "szCs":
					t.Errorf("a run of style %q has its own size: %q", style, textOf(r))
				case "b":
					bold++
				}
			})
		}
	})
	for s := range want {
		t.Errorf("no paragraph %q", s)
	}
	if runs < 50 || bold == 0 {
		t.Errorf("%d body runs, %d with direct bold: the plan's body not read", runs, bold)
	}
	styles := parseXML(t, "word/styles.xml", parts["word/styles.xml"])
	styles.each(func(s *xmlNode) {
		if s.name.Local != "style" || s.get("customStyle") != "1" {
			return
		}
		font, size := false, false
		s.each(func(n *xmlNode) {
			font = font || n.name.Local == "rFonts" && n.get("ascii") == "Times New Roman"
			size = size || n.name.Local == "sz"
		})
		if !font || !size {
			t.Errorf("style %s: font named %v, size %v", s.get("styleId"), font, size)
		}
	})
}
