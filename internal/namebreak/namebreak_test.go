package namebreak

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// width counts runes: a monospaced stand-in for a face.
func width(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		maxW float64
		want string
	}{
		{"ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG", 40, "ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG"},
		{"ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG", 25, "ỦY BAN NHÂN DÂN|QUẬN CÁI RĂNG"},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ TUYÊN QUANG", 30, "ỦY BAN NHÂN DÂN|THÀNH PHỐ TUYÊN QUANG"},
		{"ỦY BAN NHÂN DÂN THỊ XÃ PHÚ MỸ", 25, "ỦY BAN NHÂN DÂN|THỊ XÃ PHÚ MỸ"},
		{"BẢO HIỂM XÃ HỘI HUYỆN NAM TRỰC", 20, "BẢO HIỂM XÃ HỘI|HUYỆN NAM TRỰC"},
		// Balanced: the break before HUYỆN gives two even lines, the one
		// before XÃ a long and a short one.
		{"ỦY BAN NHÂN DÂN XÃ NAM TOÀN HUYỆN NAM TRỰC TỈNH NAM ĐỊNH", 40, "ỦY BAN NHÂN DÂN XÃ NAM TOÀN|HUYỆN NAM TRỰC TỈNH NAM ĐỊNH"},
		// Three lines when two cannot fit.
		{"ỦY BAN NHÂN DÂN XÃ NAM TOÀN HUYỆN NAM TRỰC TỈNH NAM ĐỊNH", 22, "ỦY BAN NHÂN DÂN|XÃ NAM TOÀN|HUYỆN NAM TRỰC|TỈNH NAM ĐỊNH"},
		// No unit word: left whole for the writer to wrap.
		{"TRUNG TÂM Y TẾ CÁI RĂNG", 10, "TRUNG TÂM Y TẾ CÁI RĂNG"},
		{"QUẬN CÁI RĂNG", 5, "QUẬN CÁI RĂNG"},
		{"", 5, ""},
	} {
		if got := strings.Join(Lines(c.in, width, c.maxW), "|"); got != c.want {
			t.Errorf("%q in %v:\n got %q\nwant %q", c.in, c.maxW, got, c.want)
		}
	}
}

func FuzzLines(f *testing.F) {
	f.Add("ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG", 12.0)
	f.Fuzz(func(t *testing.T, s string, maxW float64) {
		got := Lines(s, width, maxW)
		if len(got) == 0 {
			t.Fatal("no lines")
		}
		if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("%q → %q loses words", s, got)
		}
	})
}
