package mdview

import (
	"bytes"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/ir"
)

func spans(s string, st ir.Style) []ir.Span { return []ir.Span{{S: s, Style: st}} }

// TestBody checks the Markdown-only choices of the reading body: which
// items make a list (and where a list must break so that Markdown keeps
// the numbers), how headings drop the bold their weight shows, and that a
// label Markdown would misread is escaped.
func TestBody(t *testing.T) {
	d := &ir.Doc{Body: []ir.Block{
		{Kind: ir.Part, Marker: "Phần I", MarkerStyle: ir.Bold, Spans: spans("QUY ĐỊNH CHUNG", ir.Bold)},
		{Kind: ir.Section, Marker: "I.", MarkerStyle: ir.Bold, Spans: spans("MỤC ĐÍCH", ir.Bold)},
		{Kind: ir.Item, Marker: "1.", Heading: true, MarkerStyle: ir.BoldItalic, Spans: spans("Mục đích", ir.BoldItalic)},
		{Kind: ir.Item, Marker: "1.", Spans: spans("Một.", ir.Regular)},
		{Kind: ir.Item, Marker: "2.", Spans: spans("Hai.", ir.Regular)},
		{Kind: ir.Item, Marker: "5.", Spans: spans("Năm.", ir.Regular)},
		{Kind: ir.Item, Marker: "01.", Spans: spans("Số có số 0.", ir.Regular)},
		{Kind: ir.SubItem, Marker: "1.1.", Spans: spans("Khoản.", ir.Regular)},
		{Kind: ir.Point, Marker: "a)", Spans: spans("Điểm;", ir.Regular)},
		{Kind: ir.Dash, Marker: "-", Spans: spans("gạch;", ir.Regular)},
		{Kind: ir.Plus, Marker: "+", Spans: spans("cộng.", ir.Regular)},
		{Kind: ir.Article, Marker: "Điều 1.", MarkerStyle: ir.Bold, Spans: spans("Nội dung.", ir.Regular)},
		{Kind: ir.Centered, Spans: spans("Giữa", ir.Italic)},
		{Kind: ir.Paragraph, Spans: spans("2. Không phải mục *này*.", ir.Regular)},
	}}
	var b bytes.Buffer
	Body(&b, d)
	want := `# Phần I

# QUY ĐỊNH CHUNG

## I. MỤC ĐÍCH

### *1.* *Mục đích*

1. Một.

2. Hai.

<!-- -->

5. Năm.

01\. Số có số 0.

1.1. Khoản.

a) Điểm;

- gạch;

+ cộng.

**Điều 1.** Nội dung.

##### *Giữa*

2\. Không phải mục \*này\*.

`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFooterBraces checks a Nơi nhận group: a "}" ends each of its lines
// and the purpose follows the middle one.
func TestFooterBraces(t *testing.T) {
	d := &ir.Doc{
		Signatures: []ir.Signature{{Name: ir.Text{S: "Nguyễn Văn A"}}},
		NoiNhan:    ir.Text{S: "Nơi nhận:"},
		Recipients: []ir.Text{{S: "- Như trên;"}, {S: "- Sở Y tế;"}, {S: "- Sở Tài chính;"}, {S: "- Sở Nội vụ;"}, {S: "- Lưu: VT."}},
		Braces:     []ir.Brace{{From: 1, To: 3, Purpose: ir.Text{S: "(để báo cáo)"}}},
	}
	var b bytes.Buffer
	Footer(&b, d)
	want := `**Nguyễn Văn A**

***Nơi nhận:***

- Như trên;
- Sở Y tế; }
- Sở Tài chính; } (để báo cáo)
- Sở Nội vụ; }
- Lưu: VT.

`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A cell plainCell lets through is written as Inline would write it:
// every cell of up to two printable ASCII characters and a space,
// numbers, and names with other characters and spaces.
func TestPlainCellIsInline(t *testing.T) {
	var cells []string
	for a := byte(0x20); a < 0x7f; a++ {
		cells = append(cells, string(a))
		for b := byte(0x20); b < 0x7f; b++ {
			cells = append(cells, string([]byte{a, b}), string([]byte{a, ' ', b}), string([]byte{a, b, '1'}))
		}
	}
	cells = append(cells, "10.125", "98,8", "-3", "1.204", "a  b", "Phường 7", "", "Xã Tân\u00a0Phú", "\u00a0Đ", "Đ\u2028",
		"x\u0085y", "\xff", "Thị trấn Phong Điền", "Hòa\u200b", "𝔸", "\u202eA")
	for _, s := range cells {
		if !plainCell(s) {
			continue
		}
		if want := Inline([]ir.Span{{S: oneLine(s)}}, false); s != want {
			t.Errorf("plainCell(%q), but Inline writes %q", s, want)
		}
	}
}
