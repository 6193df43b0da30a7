package bhytdoc

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// mergeLetterBody is the body of a letter of templates' cong-van-xa-bhyt as
// merge fills it: what quickBody is for.
const mergeLetterBody = `

Thực hiện Kế hoạch số 131/KH-UBND ngày 08/11/2018 của Ủy ban nhân dân quận về phát triển người tham gia bảo hiểm y tế giai đoạn 2019 - 2020, Ủy ban nhân dân quận giao chỉ tiêu phát triển người tham gia bảo hiểm y tế đối với phường Số 1 như sau:

1. Theo số liệu của Bảo hiểm xã hội quận Cái Răng, tính đến ngày 31 tháng 12 năm 2018, phường Số 1 có 3.800 người tham gia bảo hiểm y tế trên tổng dân số 4.000 người, đạt tỷ lệ **95%**; còn 200 người chưa tham gia.

2. Chỉ tiêu được giao cho phường Số 1:

- Đến hết năm 2019: đạt tỷ lệ **99,5%**, tương ứng 3.980 người tham gia trên dân số 4.000 người; phát triển mới ít nhất **180** người;

- Đến hết năm 2020: đạt tỷ lệ **100%**, tương ứng 4.000 người tham gia trên dân số 4.000 người; duy trì số người đã tham gia.

3. Đề nghị Chủ tịch Ủy ban nhân dân phường Số 1 chỉ đạo rà soát; báo cáo kết quả thực hiện về Ủy ban nhân dân quận trước **ngày 05 tháng 7 năm 2019**.

Nhận được Công văn này, đề nghị Chủ tịch Ủy ban nhân dân phường Số 1 tổ chức thực hiện./.
`

// checkQuickBody fails when quickBody reads md and its blocks or lines
// differ from goldmark's, and reports whether quickBody read it.
func checkQuickBody(t *testing.T, md string) bool {
	t.Helper()
	blocks, lines, ok := quickBody(md, 7)
	if !ok {
		return false
	}
	want, wantLines, err := goldmarkBodyLines([]byte(md), 7)
	if err != nil {
		t.Errorf("quickBody read %q, which goldmark refuses: %v", md, err)
		return true
	}
	if !reflect.DeepEqual(blocks, want) || !reflect.DeepEqual(lines, wantLines) {
		t.Errorf("quickBody(%q)\n got %#v %v\nwant %#v %v", md, blocks, lines, want, wantLines)
	}
	return true
}

// TestQuickBodyLikeGoldmark compares quickBody with goldmark on the merge
// letter, on hand-picked lines near the edges of what it reads, and on
// bodies of random lines built from pieces that change goldmark's reading.
func TestQuickBodyLikeGoldmark(t *testing.T) {
	if !checkQuickBody(t, mergeLetterBody) {
		t.Fatal("quickBody does not read the merge letter's body")
	}
	accept := []string{
		"", "\n\n", "Một", "Một\n", "**Đậm** và thường", "Thường **đậm**.", "a **b** c **d**",
		"### 1. Trách nhiệm:\nĐoạn.", "# Phần I. Quy định chung", "## I. MỤC ĐÍCH", "#### 4.1. Tiểu mục", "##### KẾT QUẢ",
		"### Điều 1. Phạm vi\n\nĐiều 2. Hiệu lực.", "a) Điểm a.\n\nđ) Điểm đ.", "**4.1. Tiểu mục.**",
		"1. Một\n2. Hai\n\n7. Ba", "3. Ba\n\n- gạch\n\n5. Năm", "- a\n- b\n\n+ c", "### 2. X\n3. Y", "Đạt **99,5%**, tăng.",
		"x**y**z", "**99,5%**", "- **Đậm**", "tỷ lệ **(a)** b", "a «**b**» c", "**a**b**c**",
	}
	for _, md := range accept {
		if !checkQuickBody(t, md) {
			t.Errorf("quickBody does not read %q", md)
		}
	}
	refuse := []string{
		"Một\nhai", "- a\nb", "Đoạn\n- a", "Đoạn\n2. a", "1. a\n- b", "- a\n2. b", " thụt", "Cuối ", "a*b*", "a ** b", "**a",
		"a***b***", "a\\*", "a &amp; b", "`mã`", "[liên kết](x)", "a <b>", "a_b_", "~~a~~", "| a |", "###### Sáu",
		"#Không", "### a #", "1) a", "1234567890. a", "-a", "- ", "1. ", "1. 2. a", "- - a", "---", "***", "a\tb", "a\rb",
		"### Điều 2. X", "## Không nhãn", "2024 là năm", "Điều 2. Sai số", "4.1. Tiểu mục.", "Đạt 100%**.",
	}
	for _, md := range refuse {
		if checkQuickBody(t, md) {
			t.Errorf("quickBody reads %q: goldmark's rules for it are not quickBody's", md)
		}
	}
	pieces := []string{"Một", "hai", "Đạt", " ", "  ", "**", "*", "***", "%", ",", ".", "(", ")", "«", "»", "\u00a0",
		"—", "1.", "a)", "Điều 1.", "4.1.", "\n", "\n\n", "- ", "+ ", "1. ", "3. ", "# ", "### ", "##### ", "#", "_", "\\", "&", "số"}
	rng := rand.New(rand.NewPCG(21, 4))
	read, readLines := 0, 0
	// Bodies of whole lines too, so that more of them are read: list
	// numbering, lists ending, headings between.
	starts := []string{"", "", "", "- ", "+ ", "1. ", "2. ", "10. ", "# ", "## ", "### ", "#### ", "##### ", "### Điều 1. ",
		"Điều 1. ", "Điều 2. ", "a) ", "4.1. ", "## II. ", "# Chương I. ", "**"}
	words := []string{"Một", "hai", "Đạt", " ", "**", "%", ",", ".", "(", ")", "«", "»", "\u00a0", "—", "số", "**Đậm**", "1.", "a)"}
	for i := range 200000 {
		var sb strings.Builder
		if i%2 == 0 {
			for range 1 + rng.IntN(12) {
				sb.WriteString(pieces[rng.IntN(len(pieces))])
			}
		} else {
			for range 1 + rng.IntN(6) {
				sb.WriteString(starts[rng.IntN(len(starts))])
				for range 1 + rng.IntN(5) {
					sb.WriteString(words[rng.IntN(len(words))])
				}
				sb.WriteString([]string{"\n", "\n\n", "\n\n\n"}[rng.IntN(3)])
			}
		}
		if checkQuickBody(t, sb.String()) {
			read++
			if i%2 == 1 {
				readLines++
			}
		}
		if t.Failed() {
			break
		}
	}
	if read < 10000 || readLines < 2000 {
		t.Errorf("quickBody read only %d of the random bodies, %d of those in lines: the comparison proves little", read, readLines)
	}
}

// FuzzQuickBody checks that whatever quickBody reads, it reads as goldmark.
func FuzzQuickBody(f *testing.F) {
	f.Add(mergeLetterBody)
	f.Add("### 1. A\n\n- **b** c\n2. d")
	f.Fuzz(func(t *testing.T, md string) {
		if utf8.ValidString(md) {
			checkQuickBody(t, md)
		}
	})
}

// TestMayBeLabel checks the shortcut of paragraphBlock: a line mayBeLabel
// refuses matches none of the label patterns.
func TestMayBeLabel(t *testing.T) {
	pieces := []string{"Điều", "Điều ", "Điều 1.", "điều 1.", "1", "4.1.", ".", " ", "\t", "a", "z", "đ", "Đ", "A", ")", "a)", "đ)",
		"b) ", "Phần I", "\n", "x"}
	rng := rand.New(rand.NewPCG(21, 5))
	for range 100000 {
		var sb strings.Builder
		for range 1 + rng.IntN(5) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		raw := sb.String()
		if mayBeLabel(raw) {
			continue
		}
		for _, re := range []interface{ MatchString(string) bool }{reArticleLabel, reSubLabel, rePointLabel} {
			if re.MatchString(raw) {
				t.Fatalf("mayBeLabel(%q) is false, but a label pattern matches it", raw)
			}
		}
	}
}
