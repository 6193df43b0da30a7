package bhytdoc

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestParseBody(t *testing.T) {
	md := `Theo số liệu, độ bao phủ đạt **78,11%**, so với
chỉ tiêu là *chưa đạt*.

## I. MỤC ĐÍCH, YÊU CẦU

- Cụ thể hóa các văn bản;
+ chi tiết

### 1. Trách nhiệm của cấp ủy:

1. Đề nghị Thủ trưởng các ban.
2. Giao Trưởng phòng.

4.1. Tiểu mục.

a) Điểm a.

đ) Điểm đ.

1\. Không phải danh sách.

#### 4.2. Tiểu mục tiêu đề
`
	got, err := ParseBody(md)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: Paragraph, Text: []Span{{Text: "Theo số liệu, độ bao phủ đạt "}, {Text: "78,11%", Bold: true}, {Text: ", so với chỉ tiêu là "}, {Text: "chưa đạt", Italic: true}, {Text: "."}}},
		{Kind: Section, Label: "I.", Text: []Span{{Text: "MỤC ĐÍCH, YÊU CẦU"}}},
		{Kind: Dash, Text: []Span{{Text: "Cụ thể hóa các văn bản;"}}},
		{Kind: Plus, Text: []Span{{Text: "chi tiết"}}},
		{Kind: Item, Label: "1.", Heading: true, Text: []Span{{Text: "Trách nhiệm của cấp ủy:"}}},
		{Kind: Item, Label: "1.", Text: []Span{{Text: "Đề nghị Thủ trưởng các ban."}}},
		{Kind: Item, Label: "2.", Text: []Span{{Text: "Giao Trưởng phòng."}}},
		{Kind: SubItem, Label: "4.1.", Text: []Span{{Text: "Tiểu mục."}}},
		{Kind: Point, Label: "a)", Text: []Span{{Text: "Điểm a."}}},
		{Kind: Point, Label: "đ)", Text: []Span{{Text: "Điểm đ."}}},
		{Kind: Paragraph, Text: []Span{{Text: "1. Không phải danh sách."}}},
		{Kind: SubItem, Label: "4.2.", Heading: true, Text: []Span{{Text: "Tiểu mục tiêu đề"}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d blocks, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("block %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestParseBodyRejects(t *testing.T) {
	cases := map[string]int{
		"Đoạn.\n\n> trích dẫn\n":        3,
		"Xem [trang](http://x.vn).\n":   1,
		"a\n\n```\ncode\n```\n":         3,
		"Dòng một\n\n---\n":             3,
		"ok\n\n###### quá sâu\n":        3,
		"## Không có số\n":              1,
		"Đoạn có `mã`.\n":               1,
		"1) dấu ngoặc\n":                1,
		"Đúng\n\nsai \xff UTF-8\n":      3,
		"![ảnh](a.png)\n":               1,
		"<b>html</b>\n":                 1,
		"một dòng  \nngắt cứng\n":       1,
		"Trước\n\n### 1 thiếu dấu chấm": 3,
		"Dòng một\nxem [trang](x).\n":   2,
		"- a\n-\n  > b\n":               3,
		"```\nx\n```\n-\n\n---\n":       1,
	}
	for md, line := range cases {
		_, err := ParseBody(md)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want *SyntaxError", md, err)
			continue
		}
		if se.Line != line {
			t.Errorf("%q: line %d, want %d (%v)", md, se.Line, line, err)
		}
	}
}

// TestParseBodyText covers text resolution: escapes and references in one
// pass, as CommonMark reads them, and spaces kept only when written as
// references.
func TestParseBodyText(t *testing.T) {
	cases := map[string]string{
		`A \&amp; B`:         "A &amp; B",
		`A &amp; B`:          "A & B",
		`\\&amp;`:            `\&`,
		"x&#32;":             "x ",
		"&#32;x":             " x",
		"x  \t":              "x",
		"dòng một\ndòng hai": "dòng một dòng hai",
		`\*không nghiêng\*`:  "*không nghiêng*",
		"&#xFFFD;&#0;":       "\uFFFD\uFFFD",
		"&khongco; &":        "&khongco; &",
	}
	for md, want := range cases {
		got, err := ParseBody(md)
		if err != nil {
			t.Errorf("%q: %v", md, err)
			continue
		}
		if len(got) != 1 || got[0].Kind != Paragraph || got[0].Plain() != want {
			t.Errorf("%q: got %+v, want %q", md, got, want)
		}
	}
	// A reference's space survives at the end of an emphasised span too.
	got, err := ParseBody("**đậm&#32;**x")
	want := []Block{{Kind: Paragraph, Text: []Span{{Text: "**đậm **x"}}}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, %v; want %+v", got, err, want)
	}
}

func TestParseBodyComments(t *testing.T) {
	md := "<!-- ghi chú cho người soạn -->\n1. Một.\n\n<!-- -->\n\n1. Hai.\n<!--\nnhiều dòng\n-->\nĐoạn.\n"
	got, err := ParseBody(md)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: Item, Label: "1.", Text: []Span{{Text: "Một."}}},
		{Kind: Item, Label: "1.", Text: []Span{{Text: "Hai."}}},
		{Kind: Paragraph, Text: []Span{{Text: "Đoạn."}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	// Only comment blocks are notes: a comment inside a paragraph is HTML.
	for _, md := range []string{"a <!-- x --> b\n", "<div>\n<!-- x -->\n</div>\n"} {
		if _, err := ParseBody(md); err == nil || !strings.Contains(err.Error(), "HTML") {
			t.Errorf("%q: got %v, want an HTML error", md, err)
		}
	}
}

func TestParseBodyErrors(t *testing.T) {
	md := "> trích\n\nĐúng.\n\n```\nmã\n```\n\nXem [trang](x) và `mã`.\n\n###### sâu\n\n- \n"
	_, err := ParseBody(md)
	var es SyntaxErrors
	if !errors.As(err, &es) {
		t.Fatalf("got %T %v, want SyntaxErrors", err, err)
	}
	want := "line 1: a block quote is not allowed in a document body\n" +
		"line 5: a code block is not allowed in a document body\n" +
		"line 9: a link is not allowed in a document body\n" +
		"line 11: heading level 6 is not used; use # Phần, ## I., ### 1. or ### Điều 1., #### 1.1., ##### for a centred line"
	if err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	var se *SyntaxError
	if !errors.As(err, &se) || se != es[0] {
		t.Errorf("errors.As gives %v, want the first problem", se)
	}
}

func TestParseBodyLines(t *testing.T) {
	md := "Đoạn một\nvẫn đoạn một.\n\n- a\n-\n  - b\n\n<!-- ghi chú -->\n## I. Mục\n\n1. x\n\n   tiếp\n"
	blocks, lines, err := parseBodyLines(md, 40)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, b := range blocks {
		got = append(got, fmt.Sprintf("%d %s %s", lines[i], b.Marker(), b.Plain()))
	}
	want := []string{"40  Đoạn một vẫn đoạn một.", "43 - a", "44 - ", "45 - b", "48 I. Mục", "50 1. x", "52  tiếp"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for md, line := range map[string]int{"ok\n\n> q\n": 42, "ok\n\nsai \xff\n": 42, "```\nx\n```\n": 40} {
		_, _, err := parseBodyLines(md, 40)
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != line {
			t.Errorf("%q: got %v, want line %d", md, err, line)
		}
	}
}
