package bhytdoc

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/xlsx"
)

func TestSheetName(t *testing.T) {
	used := map[string]bool{}
	long := strings.Repeat("Biểu tổng hợp ", 5)
	for _, tc := range []struct{ label, want string }{
		{"Phụ lục I", "Phụ lục I"},
		{"phụ lục i", "phụ lục i (2)"}, // Excel compares names without case
		{"Phụ lục I", "Phụ lục I (3)"},
		{"Bảng 1/2: [số liệu]*?", "Bảng 1 2 số liệu"},
		{"'quoted'", "quoted"},
		{"", "Phụ lục"},
		{"::", "Phụ lục (2)"},
		{long, "Biểu tổng hợp Biểu tổng hợp Biể"},
		{long, "Biểu tổng hợp Biểu tổng hợp (2)"},
		{"a\tb\nc", "a b c"},
	} {
		got := sheetName(tc.label, used)
		if got != tc.want {
			t.Errorf("sheetName(%q) = %q, want %q", tc.label, got, tc.want)
		}
		if !xlsx.ValidName(got) || utf8.RuneCountInString(got) > 31 {
			t.Errorf("sheetName(%q) = %q is not a valid sheet name", tc.label, got)
		}
	}
}
