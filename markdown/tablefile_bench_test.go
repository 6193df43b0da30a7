package markdown_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchTableSource writes a source whose annex is a coverage table of n
// units in file (units.csv or units.xlsx) and returns its directory.
func benchTableSource(b *testing.B, file string, n int) string {
	b.Helper()
	dir := b.TempDir()
	header := []any{"STT", "Đơn vị", "Số người đã tham gia BHYT", "Số người chưa tham gia BHYT", "Dân số", "Tỷ lệ (%)"}
	if strings.HasSuffix(file, ".csv") {
		var sb strings.Builder
		sb.WriteString("STT,Đơn vị,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n")
		for i := range n {
			fmt.Fprintf(&sb, "%d,Xã %d,9.980,145,10.125,\"98,6\"\n", i+1, i+1)
		}
		os.WriteFile(filepath.Join(dir, file), []byte(sb.String()), 0o644)
	} else {
		f := excelize.NewFile()
		f.SetSheetRow("Sheet1", "A1", &header)
		for i := range n {
			f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{i + 1, fmt.Sprintf("Xã %d", i+1), 9980, 145, 10125, 98.6})
		}
		if err := f.SaveAs(filepath.Join(dir, file)); err != nil {
			b.Fatal(err)
		}
	}
	src := tableSourceHead + "  - {file: " + file + ", title: Biểu}\n" + tableSourceTail
	os.WriteFile(filepath.Join(dir, "kh.md"), []byte(src), 0o644)
	return dir
}

// BenchmarkParseTableFile parses a source whose annex of 1,000 units is
// read from a CSV file or a workbook.
func BenchmarkParseTableFile(b *testing.B) {
	for _, file := range []string{"units.csv", "units.xlsx"} {
		b.Run(file, func(b *testing.B) {
			dir := benchTableSource(b, file, 1000)
			root, err := os.OpenRoot(dir)
			if err != nil {
				b.Fatal(err)
			}
			defer root.Close()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseTablesRoot(root); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
