package tablefit

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

var communes = []string{"Phường Lê Bình", "Phường Hưng Phú", "Phường Hưng Thạnh", "Phường Ba Láng", "Phường Thường Thạnh", "Phường Phú Thứ", "Phường Tân Phú", "Xã Mỹ Khánh", "Xã Nhơn Ái", "Xã Nhơn Nghĩa", "Thị trấn Phong Điền", "Xã Giai Xuân", "Xã Tân Thới"}

// annex14 is a real-size annex: STT, Đơn vị, then three years of four
// columns under a spanning year header; rows communes.
func annex14(rows int) *ir.Table {
	t := &ir.Table{Field: "Annexes[0].Table"}
	top := []ir.Cell{{Text: ir.Text{S: "STT"}, RowSpan: 2, ColSpan: 1}, {Text: ir.Text{S: "Đơn vị"}, Col: 1, RowSpan: 2, ColSpan: 1}}
	var leaf []ir.Cell
	heads := []string{"Dân số", "Số người tham gia BHYT", "Số người chưa tham gia BHYT (người)", "Tỷ lệ (%)"}
	for y := range 3 {
		top = append(top, ir.Cell{Text: ir.Text{S: fmt.Sprintf("Năm %d", 2023+y)}, Col: 2 + 4*y, ColSpan: 4, RowSpan: 1})
		for k, h := range heads {
			leaf = append(leaf, ir.Cell{Text: ir.Text{S: h}, Row: 1, Col: 2 + 4*y + k, ColSpan: 1, RowSpan: 1})
		}
	}
	t.Header = [][]ir.Cell{top, leaf}
	t.Align = make([]ir.Align, 14)
	t.Width = make([]float64, 14)
	for c := 2; c < 14; c++ {
		t.Align[c] = ir.Right
	}
	for r := range rows {
		row := []ir.Text{{S: strconv.Itoa(r + 1)}, {S: communes[r%len(communes)]}}
		for range 3 {
			row = append(row, ir.Text{S: "111.672"}, ir.Text{S: "98.765"}, ir.Text{S: "12.907"}, ir.Text{S: "99,5"})
		}
		t.Rows = append(t.Rows, row)
	}
	t.Totals = append([]ir.Text{{}, {S: "Tổng cộng"}}, t.Rows[0][2:]...)
	return t
}

func faces(t testing.TB) Faces {
	f, err := NewFaces(fonts.Liberation())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var set = ir.Settings{MarginTop: 20, MarginBottom: 20, MarginLeft: 30, MarginRight: 15}

func annexOf(t *ir.Table) *ir.Annex {
	return &ir.Annex{Label: ir.Text{S: "Phụ lục"}, Title: ir.Text{S: "KẾT QUẢ THAM GIA BẢO HIỂM Y TẾ"}, Reference: ir.Text{S: "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2023)"}, Table: *t}
}

func TestAnnex14OnOnePage(t *testing.T) {
	f := faces(t)
	a := annexOf(annex14(13))
	l, err := Annex(a, set, f)
	if err != nil {
		t.Fatal(err)
	}
	if !l.OnePage || !l.Landscape {
		t.Errorf("OnePage %v landscape %v at %g pt, want one landscape page", l.OnePage, l.Landscape, l.Size)
	}
	if l.Size < pagespec.TableSizeMin || l.Size > pagespec.TableSize {
		t.Errorf("size %g outside %d–%d", l.Size, pagespec.TableSizeMin, pagespec.TableSize)
	}
	checkTable(t, &a.Table, l, f, set, pagespec.PageH)
}

// checkTable checks the fitter's promises: within the page, numbers and
// words never broken (with the slack a word processor needs), header
// cells at most three lines.
func checkTable(t *testing.T, tb *ir.Table, l *Layout, f Faces, set ir.Settings, pw float64) {
	t.Helper()
	if w := l.Width(); w > pw-set.MarginLeft-set.MarginRight+1e-6 {
		t.Errorf("table %.1f mm wide, page text %.1f mm", w, pw-set.MarginLeft-set.MarginRight)
	}
	for _, row := range append(tb.Rows, tb.Totals) {
		for c, cell := range row {
			for _, word := range strings.Fields(cell.S) {
				if need := f.Width(word, pagespec.Bold)*l.Size + 2*pagespec.CellPad + pagespec.CellSlack; l.Widths[c] < need-1e-6 {
					t.Errorf("column %d %.2f mm, %q needs %.2f mm", c, l.Widths[c], word, need)
				}
			}
		}
	}
	for _, hr := range tb.Header {
		for _, cell := range hr {
			w := 0.0
			for c := cell.Col; c < cell.Col+cell.ColSpan; c++ {
				w += l.Widths[c]
			}
			x := measure(cell.Text.S, pagespec.Bold, f.Width)
			// The tightest room a writer gives it: the padding and the slack.
			if n := x.lines(l.Size, w-2*pagespec.CellPad-pagespec.CellSlack, f.Width); n > pagespec.MaxHeadLines {
				t.Errorf("header %q wraps to %d lines in %.1f mm", cell.Text.S, n, w)
			}
		}
	}
}

// TestNumericNarrow: a numeric column is no wider than its header or
// widest number needs; the spare room goes to the text column.
func TestNumericNarrow(t *testing.T) {
	f := faces(t)
	tb := &ir.Table{Header: [][]ir.Cell{{{Text: ir.Text{S: "STT"}, ColSpan: 1, RowSpan: 1}, {Text: ir.Text{S: "Nội dung"}, Col: 1, ColSpan: 1, RowSpan: 1}, {Text: ir.Text{S: "Số"}, Col: 2, ColSpan: 1, RowSpan: 1}}},
		Align: make([]ir.Align, 3), Width: make([]float64, 3)}
	long := strings.Repeat("tuyên truyền vận động người dân tham gia bảo hiểm y tế ", 4)
	for i := range 5 {
		tb.Rows = append(tb.Rows, []ir.Text{{S: strconv.Itoa(i + 1)}, {S: long}, {S: "111.672"}})
	}
	l, err := Body(tb, set, f)
	if err != nil {
		t.Fatal(err)
	}
	need := max(f.Width("111.672", pagespec.Regular), f.Width("Số", pagespec.Bold))*l.Size + pad
	if l.Widths[2] > need+0.01 {
		t.Errorf("numeric column %.1f mm, its number needs %.1f", l.Widths[2], need)
	}
	if l.Landscape || l.Size != pagespec.TableSize {
		t.Errorf("landscape %v size %g, want portrait 13 pt", l.Landscape, l.Size)
	}
}

// TestSteps: a table that fits a portrait page stays portrait at 13 pt;
// one only a landscape page holds turns; one too long at 13 pt steps the
// font down; one no candidate holds is split.
func TestSteps(t *testing.T) {
	f := faces(t)
	small := annex14(3)
	small.Header = small.Header[:1]
	small.Header[0] = small.Header[0][:2]
	small.Header[0][0].RowSpan, small.Header[0][1].RowSpan = 1, 1
	small.Align, small.Width = small.Align[:2], small.Width[:2]
	for i := range small.Rows {
		small.Rows[i] = small.Rows[i][:2]
	}
	small.Totals = nil
	l, _ := Annex(annexOf(small), set, f)
	if l.Landscape || l.Size != 13 || !l.OnePage {
		t.Errorf("small: landscape %v size %g one page %v", l.Landscape, l.Size, l.OnePage)
	}
	wide, _ := Annex(annexOf(annex14(5)), set, f)
	if !wide.Landscape || !wide.OnePage {
		t.Errorf("wide: landscape %v one page %v", wide.Landscape, wide.OnePage)
	}
	// Rows until 13 pt no longer holds the table on one page.
	var stepped *Layout
	for n := 13; n < 40; n++ {
		l, _ := Annex(annexOf(annex14(n)), set, f)
		if l.OnePage && l.Size < 13 {
			stepped = l
			break
		}
		if !l.OnePage {
			t.Fatalf("%d rows split before the font stepped down", n)
		}
	}
	if stepped == nil || stepped.Size < pagespec.TableSizeMin {
		t.Errorf("no table fitted one page at a smaller size: %+v", stepped)
	}
	long, _ := Annex(annexOf(annex14(100)), set, f)
	if long.OnePage || len(long.Split(100, 150)) == 0 {
		t.Errorf("100 rows: one page %v", long.OnePage)
	}
}

// TestSplitKeepsTotals: the totals row goes to the next page with the
// last two body rows.
func TestSplitKeepsTotals(t *testing.T) {
	l := &Layout{RowH: []float64{10, 10, 10, 10, 10}, TotalsH: 10}
	// 45 mm hold four rows; the totals and rows 3, 4 move on together.
	if got := l.Split(45, 100); len(got) != 1 || got[0] != 3 {
		t.Errorf("breaks %v, want [3]", got)
	}
	// Without totals, rows fill the page.
	l.TotalsH = 0
	if got := l.Split(45, 100); len(got) != 1 || got[0] != 4 {
		t.Errorf("breaks %v, want [4]", got)
	}
	// Under a title leaving no room, the table starts on the next page.
	if got := l.Split(5, 100); len(got) != 1 || got[0] != 0 {
		t.Errorf("breaks %v, want [0]", got)
	}
	// Pages of 25 mm: two rows each.
	if got := l.Split(25, 25); fmt.Sprint(got) != "[2 4]" {
		t.Errorf("breaks %v, want [2 4]", got)
	}
}

// TestLinesLikeWrap checks the line counter on hyphen and cut rules.
func TestLinesLikeWrap(t *testing.T) {
	f := faces(t)
	x := measure("aaa - aaa", pagespec.Regular, f.Width)
	w := (f.Width("aaa -", pagespec.Regular) + 0.01) * 10
	if n := x.lines(10, w, f.Width); n != 2 {
		t.Errorf("%d lines, want 2 (hyphen moves down)", n)
	}
	y := measure(strings.Repeat("9", 30), pagespec.Regular, f.Width)
	if n := y.lines(10, f.Width("9999999999", pagespec.Regular)*10+1e-6, f.Width); n != 3 {
		t.Errorf("%d lines for 30 digits cut by 10, want 3", n)
	}
}

func BenchmarkFit100(b *testing.B)   { benchFit(b, annex14(100)) }
func BenchmarkFit10000(b *testing.B) { benchFit(b, annex14(10000)) }

func BenchmarkFit34Columns(b *testing.B) {
	t := &ir.Table{Field: "T", Align: make([]ir.Align, 34), Width: make([]float64, 34)}
	var head []ir.Cell
	for c := range 34 {
		head = append(head, ir.Cell{Text: ir.Text{S: fmt.Sprintf("Chỉ tiêu %d", c+1)}, Col: c, ColSpan: 1, RowSpan: 1})
	}
	t.Header = [][]ir.Cell{head}
	for r := range 50 {
		var row []ir.Text
		for c := range 34 {
			row = append(row, ir.Text{S: strconv.Itoa((r + 1) * (c + 7) * 13)})
		}
		t.Rows = append(t.Rows, row)
	}
	benchFit(b, t)
}

func benchFit(b *testing.B, t *ir.Table) {
	f := faces(b)
	a := annexOf(t)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Annex(a, set, f); err != nil {
			b.Fatal(err)
		}
	}
}
