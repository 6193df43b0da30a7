package bhytdoc

import (
	"errors"
	"reflect"
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
		"ok\n\n##### quá sâu\n":         3,
		"## Không có số\n":              1,
		"Đoạn có `mã`.\n":               1,
		"1) dấu ngoặc\n":                1,
		"Đúng\n\nsai \xff UTF-8\n":      3,
		"![ảnh](a.png)\n":               1,
		"<b>html</b>\n":                 1,
		"một dòng  \nngắt cứng\n":       1,
		"Trước\n\n### 1 thiếu dấu chấm": 3,
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
