package docx

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
)

func TestRunText(t *testing.T) {
	var b buf
	b.run(&run{s: "Số  1\nđiểm a)\tx <y> & \"z\" ", st: ir.BoldItalic, size: 13}, "")
	got := b.String()
	for _, want := range []string{
		`<w:t xml:space="preserve">Số  1</w:t><w:br/>`, // doubled space kept
		`<w:t>điểm a)</w:t><w:tab/>`,
		`<w:t xml:space="preserve">x &lt;y&gt; &amp; &#34;z&#34; </w:t>`,
		`<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="26"/><w:szCs w:val="26"/>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("run XML lacks %s\n%s", want, got)
		}
	}
	if strings.Count(got, "\n") != 0 {
		t.Errorf("literal newline in %s", got)
	}
	if err := xml.Unmarshal([]byte(`<r xmlns:w="w">`+got+`</r>`), new(struct{})); err != nil {
		t.Errorf("not well-formed: %v", err)
	}
}

// TestRunInheritsStyle: a run writes only what differs from its
// paragraph's style, never the font's name; nothing when nothing does.
func TestRunInheritsStyle(t *testing.T) {
	b := buf{styles: map[string]runBase{"": {ir.Regular, 14}, "ChuKy": {ir.Bold, 14}}}
	for _, c := range []struct {
		style string
		r     run
		want  string
	}{
		{"", run{s: "a", size: 14}, `<w:r><w:t>a</w:t></w:r>`},
		{"", run{s: "a", st: ir.Italic, size: 14}, `<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t>a</w:t></w:r>`},
		{"ChuKy", run{s: "a", st: ir.Bold, size: 14}, `<w:r><w:t>a</w:t></w:r>`},
		{"ChuKy", run{s: "a", size: 13}, `<w:r><w:rPr><w:b w:val="0"/><w:bCs w:val="0"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:t>a</w:t></w:r>`},
	} {
		b.Reset()
		b.run(&c.r, c.style)
		if got := b.String(); got != c.want {
			t.Errorf("%q in %q: %s, want %s", c.r.s, c.style, got, c.want)
		}
	}
}

// TestRunSpacedHyphen checks the XML of a spaced hyphen and en dash: a
// non-breaking hyphen, or the dash, with a no-break space after it, so
// that no line ends with either.
func TestRunSpacedHyphen(t *testing.T) {
	var b buf
	b.run(&run{s: "HĐND - UBND - xã – phường", size: 13}, "")
	got := b.String()
	want := `<w:t xml:space="preserve">HĐND </w:t><w:noBreakHyphen/><w:t xml:space="preserve">` + "\u00a0" + `UBND </w:t><w:noBreakHyphen/><w:t>` + "\u00a0" + `xã –</w:t><w:t>` + "\u00a0" + `phường</w:t>`
	if !strings.Contains(got, want) {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestRenderChecksLayouts(t *testing.T) {
	doc := &ir.Doc{Annexes: []ir.Annex{{Table: ir.Table{Align: make([]ir.Align, 3)}}}}
	set := ir.Settings{MarginTop: 20, MarginBottom: 20, MarginLeft: 30, MarginRight: 15, BodySize: 14, LineSpacing: 1, ParagraphSpacing: 6, Indent: 10}
	if _, err := Render(doc, set, fonts.Liberation(), nil, nil); err == nil {
		t.Error("no error for a missing annex layout")
	}
	if _, err := Render(doc, set, fonts.Liberation(), []*AnnexLayout{{Size: 12, Widths: []float64{10, 20}}}, nil); err == nil || !strings.Contains(err.Error(), "Annexes[0]") {
		t.Errorf("layout of 2 columns for 3: %v", err)
	}
	body := &ir.Doc{Body: []ir.Block{{Kind: ir.TableBlock, Table: &ir.Table{Align: make([]ir.Align, 2)}}}}
	if _, err := Render(body, set, fonts.Liberation(), nil, nil); err == nil || !strings.Contains(err.Error(), "Body[0]") {
		t.Errorf("body table without a layout: %v", err)
	}
	if _, err := Render(body, set, fonts.Liberation(), nil, []*AnnexLayout{{Size: 12, Widths: []float64{10, 20}}, {Size: 12, Widths: []float64{10}}}); err == nil || !strings.Contains(err.Error(), "2 table layouts for 1") {
		t.Errorf("extra table layout: %v", err)
	}
}
