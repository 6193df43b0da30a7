package bhytdoc_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/lotest"
)

// TestXLSXLibreOffice has LibreOffice recalculate the workbook: the SUM
// totals compute to the totals the document prints, the total that is
// not a sum stays as written, and the numbers are numbers to it.
// Printed through LibreOffice, the long commune name's lines all lie
// inside its row: the row is tall enough, nothing is clipped.
func TestXLSXLibreOffice(t *testing.T) {
	lotest.Binary(t)
	dir := t.TempDir()
	q := quyetDinh(t, 100) // 100 rows: its counts' totals are the sums
	q.Annexes = append(q.Annexes, resultAnnex(), coveragePlan(t))
	file := filepath.Join(dir, "annex.xlsx")
	if err := os.WriteFile(file, renderXLSX(t, q), 0o644); err != nil {
		t.Fatal(err)
	}
	sheets := lotest.RecalcCSV(t, file)
	for _, tc := range []struct {
		sheet string
		row   int // 1-based sheet row of the totals
		want  []string
	}{
		// wideAnnex(100): SUMs of the counts, rates as written.
		{"Phụ lục I", 6 + 100 + 1, []string{"", "Cộng", "1012500", "123400", "1135900", "89.1", "1060000", "75900", "1135900", "93.3"}},
		// resultAnnex: two SUMs, 12.106 kept though the sum is 12.105.
		{"Phụ lục II", 8 + 3, []string{"", "Cộng", "12000", "12106", "12253", "84.93%", "100.9"}},
		// The plan: 8.607 + 1.977 + 3 and 9.012 + 1.977 + 3 participants.
		{"Phụ lục III", 7 + 3, []string{"", "Cộng", "10587", "1541", "12128", "87.3", "10992", "1136", "12128", "90.6"}},
	} {
		rows, ok := sheets[tc.sheet]
		if !ok || len(rows) < tc.row {
			t.Fatalf("sheet %q: %d rows (sheets %v)", tc.sheet, len(rows), len(sheets))
		}
		got := rows[tc.row-1]
		for len(got) > len(tc.want) && got[len(got)-1] == "" {
			got = got[:len(got)-1]
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s row %d: LibreOffice computed %q, want %q", tc.sheet, tc.row, got, tc.want)
		}
	}
	// A stored number, not text: LibreOffice writes 10125, not "10.125".
	// (Percentages it writes as shown, in en-US: "84.93%".)
	if got := sheets["Phụ lục I"][6][2]; got != "10125" {
		t.Errorf("first count %q", got)
	}

	out := lotest.ToPDF(t, dir, []string{file})
	words := pdfWords(t, filepath.Join(out, "annex.pdf"))
	last := strings.Fields(longCommune)
	first, ok := find(words, strings.Join(last[:4], " "))
	if !ok {
		t.Fatal("the long commune name is not in LibreOffice's PDF")
	}
	end, ok := find(words, "Nam Cần Thơ")
	next, ok2 := find(words, "Thị trấn Nam Giang")
	if !ok || !ok2 || end.page != first.page || next.page != first.page {
		t.Fatalf("long name %v…%v, next row %v", first, end, next)
	}
	if end.y0 <= first.y1 {
		t.Errorf("the long name did not wrap: %v … %v", first, end)
	}
	if end.y1 > next.y0 {
		t.Errorf("the long name's last line (y %.1f–%.1f) runs into the next row (y %.1f): clipped", end.y0, end.y1, next.y0)
	}
}
