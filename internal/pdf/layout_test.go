package pdf

import (
	"math"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
)

func testMetrics(t *testing.T) *metrics {
	t.Helper()
	m := &metrics{}
	for st := range m.faces {
		f, err := fonts.Liberation().Face(fonts.Style(st))
		if err != nil {
			t.Fatal(err)
		}
		m.faces[st] = f
	}
	return m
}

func TestWrapAndJustify(t *testing.T) {
	m := testMetrics(t)
	text := strings.Repeat("Đề nghị Thủ trưởng các ban, ngành, đoàn thể quận tăng cường công tác tuyên truyền; ", 6)
	spans := []ir.Span{{S: text[:40]}, {S: text[40:90], Style: ir.Bold}, {S: text[90:]}}
	const width, size = 165.0, 14.0
	lines := m.wrap(spans, size, width-10, width)
	if len(lines) < 4 {
		t.Fatalf("%d lines", len(lines))
	}
	var rebuilt strings.Builder
	for i, l := range lines {
		avail := width
		if i == 0 {
			avail -= 10
		}
		if l.width > avail+1e-9 {
			t.Errorf("line %d is %.2f mm wide, room %.2f", i, l.width, avail)
		}
		ops := m.placeLine(l, 0, 0, avail, size, alignJustify)
		end := ops[len(ops)-1].X + ops[len(ops)-1].W
		if !l.last && math.Abs(end-avail) > 1e-6 {
			t.Errorf("justified line %d ends at %.4f, want %.4f", i, end, avail)
		}
		if l.last && end > avail {
			t.Errorf("last line overflows")
		}
		for _, p := range l.pieces {
			rebuilt.WriteString(p.s)
		}
		if i < len(lines)-1 {
			rebuilt.WriteString(" ")
		}
	}
	if got := rebuilt.String(); got != strings.TrimRight(text, " ") {
		t.Errorf("wrapping changed the text:\n%q\n%q", got, text)
	}
}

func TestWrapKeepsSpaceRunsAndCutsLongWords(t *testing.T) {
	m := testMetrics(t)
	lines := m.wrap([]ir.Span{{S: "ngày    tháng 6"}}, 14, 100, 100)
	if len(lines) != 1 || lines[0].pieces[0].s != "ngày    tháng 6" || lines[0].spaces != 5 {
		t.Errorf("space run: %+v", lines)
	}
	long := strings.Repeat("x", 400)
	lines = m.wrap([]ir.Span{{S: long}}, 14, 50, 50)
	var sb strings.Builder
	for _, l := range lines {
		if l.width > 50+1e-9 {
			t.Errorf("cut line %.2f mm wide", l.width)
		}
		sb.WriteString(l.pieces[0].s)
	}
	if sb.String() != long || len(lines) < 2 {
		t.Errorf("long word: %d lines, text kept %v", len(lines), sb.String() == long)
	}
}

// TestWrapAnyWidth is issue 8 item 1: wrap with a width of zero, below
// zero or NaN used to append empty lines forever. Every line now holds at
// least one rune, and no text is lost.
func TestWrapAnyWidth(t *testing.T) {
	m := testMetrics(t)
	text := strings.Repeat("Đ", 200) + " " + strings.Repeat("1", 300) + " a b"
	for _, width := range []float64{-1e9, -2.4, 0, 0.0001, 1, 2.4, math.NaN(), math.Inf(-1), 50} {
		lines := m.wrap([]ir.Span{{S: text}}, 12, width, width)
		if n := len([]rune(text)); len(lines) > n {
			t.Fatalf("width %g: %d lines for %d runes", width, len(lines), n)
		}
		var got strings.Builder
		for _, l := range lines {
			if len(l.pieces) == 0 {
				t.Fatalf("width %g: empty line", width)
			}
			for _, p := range l.pieces {
				got.WriteString(strings.ReplaceAll(p.s, " ", ""))
			}
		}
		if want := strings.ReplaceAll(text, " ", ""); got.String() != want {
			t.Errorf("width %g: text changed: %d runes, want %d", width, len([]rune(got.String())), len([]rune(want)))
		}
	}
}
