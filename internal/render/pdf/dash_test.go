package pdf

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/ir"
)

// TestSpacedHyphenNeverEndsALine wraps text full of " - " at every width
// from narrow to wide: no line ends with the hyphen, every line fits, and
// the lines give back the text.
func TestSpacedHyphenNeverEndsALine(t *testing.T) {
	m := testMetrics(t)
	text := "TT Đảng ủy, HĐND - UBND xã; Độc lập - Tự do - Hạnh phúc; Lao động - Thương binh và Xã hội – các xã"
	spans := []ir.Span{{S: text[:30]}, {S: text[30:], Style: ir.Bold}}
	broke := 0
	for w := 25.0; w <= 130; w += 0.25 {
		lines := m.wrap(spans, 11, w, w)
		var sb strings.Builder
		for i, l := range lines {
			var ls strings.Builder
			for _, p := range l.pieces {
				ls.WriteString(p.s)
			}
			s := ls.String()
			if f := strings.Fields(s); len(f) > 1 && (f[len(f)-1] == "-" || f[len(f)-1] == "–") {
				t.Fatalf("width %.2f: line %d ends with a hyphen: %q", w, i, s)
			}
			if l.width > w+1e-9 {
				t.Fatalf("width %.2f: line %d is %.2f wide", w, i, l.width)
			}
			if i > 0 {
				sb.WriteString(" ")
			}
			if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "– ") {
				broke++
			}
			sb.WriteString(s)
		}
		if sb.String() != text {
			t.Fatalf("width %.2f: lines give back %q", w, sb.String())
		}
	}
	if broke == 0 {
		t.Error("no width put a hyphen at a line start: the test exercised nothing")
	}
}
