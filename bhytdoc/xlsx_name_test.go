package bhytdoc

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/ir"
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

// A table with more rows than a worksheet holds is refused naming the
// annex's rows, before excelize would cut it short.
func TestFitsSheetRows(t *testing.T) {
	a := &ir.Annex{Label: ir.Text{S: "PHỤ LỤC", Field: "Annexes[0]"}}
	a.Table.Header = make([][]ir.Cell, 2)
	a.Table.Rows = make([][]ir.Text, sheetRows-titleRows-2-1)
	if err := fitsSheet(a); err != nil {
		t.Fatalf("rows that fit: %v", err)
	}
	a.Table.Rows = append(a.Table.Rows, nil)
	err := fitsSheet(a)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "Annexes[0].Table.Rows" || !strings.Contains(fe.Msg, "at most 1048569") {
		t.Errorf("one row too many: %v", err)
	}
}
