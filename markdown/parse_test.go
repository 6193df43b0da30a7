package markdown

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

const goodSource = `---
kind: Công văn
issuer:
  parent: Ủy ban nhân dân tỉnh Tuyên Quang
  name: |-
    Ủy ban nhân dân
    huyện Sơn Dương
  abbrev: UBND
number: 464
drafting_unit: VX
place: Sơn Dương
date: 2021-03-12
summary: triển khai thực hiện chỉ tiêu phát triển bảo hiểm y tế năm 2021
recipients:
  - Ủy ban nhân dân các xã, thị trấn
signatures:
  - authority: [KT. Chủ tịch]
    position: Phó Chủ tịch
    name: Phạm Thị Nhị Bình
noi_nhan:
  - Như trên
  - {name: UBND tỉnh, purpose: Báo cáo}
luu: [VT, VX]
---

Ủy ban nhân dân huyện chỉ đạo:

1. Ủy ban nhân dân các xã, thị trấn rà soát **trước ngày 30/6/2021**.

- Tổng hợp báo cáo./.
`

func TestParseGood(t *testing.T) {
	d, err := Parse([]byte(goodSource), "cv.md")
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != bhytdoc.CongVan || d.Number != 464 || d.Date != (bhytdoc.Date{Year: 2021, Month: 3, Day: 12}) {
		t.Errorf("header: %+v", d)
	}
	if d.Issuer.Name != "Ủy ban nhân dân\nhuyện Sơn Dương" {
		t.Errorf("issuer name %q", d.Issuer.Name)
	}
	if got := d.Signatures[0].Authority; len(got) != 1 || got[0] != (bhytdoc.Authority{Prefix: bhytdoc.KT, Title: "Chủ tịch"}) {
		t.Errorf("authority %+v", got)
	}
	if d.Recipients[1] != (bhytdoc.Recipient{Name: "UBND tỉnh", Purpose: "Báo cáo"}) {
		t.Errorf("noi nhan %+v", d.Recipients)
	}
	want := []bhytdoc.Block{
		{Kind: bhytdoc.Paragraph, Text: []bhytdoc.Span{{Text: "Ủy ban nhân dân huyện chỉ đạo:"}}},
		{Kind: bhytdoc.Item, Label: "1.", Text: []bhytdoc.Span{{Text: "Ủy ban nhân dân các xã, thị trấn rà soát "}, {Text: "trước ngày 30/6/2021", Bold: true}, {Text: "."}}},
		{Kind: bhytdoc.Dash, Text: []bhytdoc.Span{{Text: "Tổng hợp báo cáo./."}}},
	}
	if len(d.Body) != len(want) {
		t.Fatalf("body %+v", d.Body)
	}
	for i := range want {
		if blockString(d.Body[i]) != blockString(want[i]) || len(d.Body[i].Text) != len(want[i].Text) {
			t.Errorf("block %d: %+v, want %+v", i, d.Body[i], want[i])
		}
	}
}

// mustFail parses src and checks that the problems are exactly want, each
// "line: field: message fragment".
func mustFail(t *testing.T, src string, want ...string) {
	t.Helper()
	_, err := Parse([]byte(src), "doc.md")
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v, want Errors", err)
	}
	if len(es) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(es), len(want), err)
	}
	for i, w := range want {
		if got := es[i].Error(); !strings.HasPrefix(got, "doc.md:") || !strings.Contains(got, w) {
			t.Errorf("problem %d: %q, want it to contain %q", i, got, w)
		}
	}
	for _, l := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(l, "doc.md:") {
			t.Errorf("line %q does not start with file:line", l)
		}
	}
}

func replace(old, new string) string {
	if !strings.Contains(goodSource, old) {
		panic("test source lacks " + old)
	}
	return strings.Replace(goodSource, old, new, 1)
}

func TestParseErrors(t *testing.T) {
	t.Run("unknown key", func(t *testing.T) {
		mustFail(t, replace("place: Sơn Dương", "plase: Sơn Dương"), `doc.md:11: plase: unknown key`)
	})
	t.Run("unknown nested key", func(t *testing.T) {
		mustFail(t, replace("    position: Phó", "    positon: Phó"), "doc.md:18: signatures[0].positon: unknown key")
	})
	t.Run("wrong type", func(t *testing.T) {
		mustFail(t, replace("number: 464", "number: bốn"), `doc.md:9: number: want a whole number, got "bốn"`)
	})
	t.Run("list for text", func(t *testing.T) {
		mustFail(t, replace("place: Sơn Dương", "place: [a, b]"), "doc.md:11: place: want text, got a list")
	})
	t.Run("text for list", func(t *testing.T) {
		mustFail(t, replace("luu: [VT, VX]", "luu: VT"), `doc.md:23: luu: want a list`)
	})
	t.Run("missing required", func(t *testing.T) {
		mustFail(t, replace("  abbrev: UBND\n", ""), "doc.md:3: Issuer.Abbrev: empty")
	})
	t.Run("missing kind", func(t *testing.T) {
		mustFail(t, replace("kind: Công văn\n", ""), "doc.md:1: Kind: missing")
	})
	t.Run("bad kind", func(t *testing.T) {
		mustFail(t, replace("kind: Công văn", "kind: Thư"), `doc.md:2: kind: unknown document kind "Thư"`)
	})
	t.Run("bad date", func(t *testing.T) {
		mustFail(t, replace("date: 2021-03-12", "date: 12.3.2021"), "doc.md:12: date: want a date like 2020-05-18")
	})
	t.Run("bad prefix", func(t *testing.T) {
		mustFail(t, replace("[KT. Chủ tịch]", "[KT Chủ tịch]"), "doc.md:17: signatures[0].authority[0]: an authority line starts with")
	})
	t.Run("key twice", func(t *testing.T) {
		mustFail(t, replace("place: Sơn Dương", "place: A\nplace: B"), "doc.md:12: place: key given twice")
	})
	t.Run("yaml syntax", func(t *testing.T) {
		mustFail(t, replace("place: Sơn Dương", "place: [a"), "doc.md:")
	})
	t.Run("alias", func(t *testing.T) {
		mustFail(t, replace("place: Sơn Dương", "place: *x"), "doc.md:")
	})
	t.Run("body error", func(t *testing.T) {
		mustFail(t, goodSource+"\nXem [trang](http://x.vn).\n", "doc.md:32: a link is not allowed")
	})
	t.Run("body errors", func(t *testing.T) {
		mustFail(t, goodSource+"\n> trích\n\n```\nx\n```\n", "doc.md:32: a block quote", "doc.md:34: a code block")
	})
	t.Run("empty block", func(t *testing.T) {
		mustFail(t, goodSource+"\n-\n\n## I. Mục\n\n-\n", "doc.md:32: Body[3].Text: empty", "doc.md:36: Body[5].Text: empty")
	})
	t.Run("no front matter", func(t *testing.T) {
		mustFail(t, "Chỉ có nội dung.\n", "doc.md:1: missing front matter")
	})
	t.Run("unclosed front matter", func(t *testing.T) {
		mustFail(t, "---\nkind: Công văn\n", "doc.md:1: front matter not closed")
	})
	t.Run("unclosed marker", func(t *testing.T) {
		mustFail(t, goodSource+"\n"+footerOpen+"\n\nx\n", "doc.md:32: <!-- bhytdoc:footer --> is not closed")
	})
	t.Run("unknown marker", func(t *testing.T) {
		mustFail(t, goodSource+"\n<!-- bhytdoc:foot -->\n", "doc.md:32: unknown marker")
	})
	t.Run("html", func(t *testing.T) {
		mustFail(t, goodSource+"\n<div>x</div>\n", "doc.md:32: HTML is not allowed")
	})
	t.Run("invalid utf-8", func(t *testing.T) {
		mustFail(t, goodSource+"\n\xff\n", "doc.md:32: invalid UTF-8")
	})
	t.Run("file without fs", func(t *testing.T) {
		mustFail(t, replace("luu: [VT, VX]", "luu: [VT, VX]\nannexes:\n  - file: pl.yaml"), "doc.md:25: annexes[0].file: cannot read")
	})
}

func TestParseComments(t *testing.T) {
	d, err := Parse([]byte(goodSource+"\n<!-- ghi chú cho người soạn -->\n\n2. Thêm.\n"), "doc.md")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Body); n != 4 || d.Body[3].Label != "2." {
		t.Errorf("body %+v", d.Body)
	}
}

func TestParseFS(t *testing.T) {
	src := replace("    name: Phạm Thị Nhị Bình", "    name: Phạm Thị Nhị Bình\n    image: ky.png")
	src = strings.Replace(src, "luu: [VT, VX]", "luu: [VT, VX]\nannexes:\n  - file: data/pl.yaml", 1)
	fsys := fstest.MapFS{
		"vb/cv.md":  {Data: []byte(src)},
		"vb/ky.png": {Data: png1},
		"vb/data/pl.yaml": {Data: []byte(`title: Kết quả thực hiện bảo hiểm y tế
table:
  header:
    - [{text: STT, rows: 2}, {text: Đơn vị, rows: 2}, {text: Tham gia BHYT, cols: 2}]
    - [Số người, Tỷ lệ]
  columns: [center, left, right, {align: right, width: 25}]
  rows:
    - [1, Phường Lê Bình, 12.345, "81,00%"]
  totals: ["", Cộng, 12.345, "81,00%"]
`)},
	}
	d, err := ParseFS(fsys, "vb/cv.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(d.Signatures[0].Image) != string(png1) {
		t.Errorf("image not read")
	}
	tb := d.Annexes[0].Table
	if tb.Cols() != 4 || tb.Rows[0][2] != "12.345" || tb.Header[0][2].ColSpan != 2 || tb.Columns[3].Width != 25 {
		t.Errorf("annex table %+v", tb)
	}
	// label: text is the annex's own label, false none, true an error.
	for _, tc := range []struct{ yaml, label, err string }{
		{"label: Biểu số 01\n", "Biểu số 01", ""},
		{"label: false\n", "", ""},
		{"label: true\n", "", "vb/data/pl.yaml:1: label: true is not a label"},
	} {
		orig := fsys["vb/data/pl.yaml"].Data
		fsys["vb/data/pl.yaml"] = &fstest.MapFile{Data: append([]byte(tc.yaml), orig...)}
		d, err := ParseFS(fsys, "vb/cv.md")
		fsys["vb/data/pl.yaml"] = &fstest.MapFile{Data: orig}
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: got %v, want %q", tc.yaml, err, tc.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.yaml, err)
		case d.Annexes[0].Label != tc.label || d.Annexes[0].NoLabel != (tc.yaml == "label: false\n"):
			t.Errorf("%q: label %q, no label %v", tc.yaml, d.Annexes[0].Label, d.Annexes[0].NoLabel)
		}
	}
	// A problem in the annex file is reported at its own line.
	fsys["vb/data/pl.yaml"] = &fstest.MapFile{Data: []byte("title: X\ntable:\n  rows:\n    - [1, 2]\n  colums: []\n")}
	_, err = ParseFS(fsys, "vb/cv.md")
	if err == nil || !strings.Contains(err.Error(), "vb/data/pl.yaml:5: table.colums: unknown key") {
		t.Errorf("got %v", err)
	}
	// Paths may not leave the file system.
	fsys["vb/cv.md"] = &fstest.MapFile{Data: []byte(strings.Replace(src, "data/pl.yaml", "../../etc/passwd", 1))}
	_, err = ParseFS(fsys, "vb/cv.md")
	if err == nil || !strings.Contains(err.Error(), "must be a path relative to the source file") {
		t.Errorf("got %v", err)
	}
}

func TestLocate(t *testing.T) {
	s, err := ParseSource([]byte(goodSource), "cv.md", nil)
	if err != nil {
		t.Fatal(err)
	}
	e := &bhytdoc.ValidationError{Errors: []error{
		&bhytdoc.GlyphError{Field: "Body[1].Text[1]", Rune: '☃', Font: "Liberation Serif bold"},
		&bhytdoc.FieldError{Field: "Signatures[0].Name", Msg: "x"},
	}}
	got := s.Locate(e).Error()
	want := "cv.md:19: Signatures[0].Name: x\ncv.md:28: Body[1].Text[1]: font Liberation Serif bold has no glyph for U+2603 '☃'"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestFormatExample parses the complete example of the source format in
// README.md.
func TestFormatExample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(b), "```markdown\n")
	example, _, ok := strings.Cut(rest, "```\n")
	if !ok {
		t.Fatal("no example in README.md")
	}
	fsys := fstest.MapFS{
		"vb/kh.md":          {Data: []byte(example)},
		"vb/chu-ky.png":     {Data: png1},
		"vb/phu-luc-2.yaml": {Data: []byte("title: Danh sách\ntable:\n  header: [[STT, Họ tên]]\n  rows: [[1, Nguyễn Văn A]]\n")},
	}
	d, err := ParseFS(fsys, "vb/kh.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Annexes) != 2 || len(d.Body) != 10 || d.Signatures[0].Image == nil {
		t.Errorf("example read as %+v", d)
	}
	// And it survives a round trip.
	roundTrip(t, "format", d, nil)
}

func blockString(b bhytdoc.Block) string {
	return fmt.Sprintf("%s %q %v %q", b.Kind, b.Label, b.Heading, b.Plain())
}
