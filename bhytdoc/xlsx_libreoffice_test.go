package bhytdoc_test

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// recalcProfile is a LibreOffice user profile that recalculates every
// formula of an .xlsx file on loading (OOXMLRecalcMode 0 = always), so
// the CSV shows what LibreOffice computes, not the cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// recalcSheets has LibreOffice load file, recalculate it and export every
// sheet as CSV with the values as stored; it returns the rows by sheet
// name.
func recalcSheets(t *testing.T, file string) map[string][][]string {
	t.Helper()
	lo := libreOffice(t)
	dir := t.TempDir()
	user := filepath.Join(dir, "profile", "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// CSV filter options: "," separated, '"' quoted, UTF-8 (76), from
	// line 1, en-US (1033), stored values rather than as shown, every
	// sheet (-1) to its own file.
	cmd := exec.CommandContext(ctx, lo,
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--nolockcheck",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
		"--outdir", out, file)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	base := strings.TrimSuffix(filepath.Base(file), ".xlsx")
	sheets := map[string][][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base+"-"), ".csv")] = rows
	}
	return sheets
}

// TestXLSXLibreOffice has LibreOffice recalculate the workbook: the SUM
// totals compute to the totals the document prints, the total that is
// not a sum stays as written, and the numbers are numbers to it.
// Printed through LibreOffice, the long commune name's lines all lie
// inside its row: the row is tall enough, nothing is clipped.
func TestXLSXLibreOffice(t *testing.T) {
	libreOffice(t)
	dir := t.TempDir()
	q := quyetDinh(t, 100) // 100 rows: its counts' totals are the sums
	q.Annexes = append(q.Annexes, resultAnnex(), coveragePlan(t))
	file := filepath.Join(dir, "annex.xlsx")
	if err := os.WriteFile(file, renderXLSX(t, q), 0o644); err != nil {
		t.Fatal(err)
	}
	sheets := recalcSheets(t, file)
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

	out := docxToPDF(t, dir, []string{file})
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
