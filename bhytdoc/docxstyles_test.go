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
