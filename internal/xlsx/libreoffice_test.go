package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/lotest"
)

// LibreOffice prints the workbook page for page, pixel for pixel, as it
// printed the workbook excelize wrote (refWrite): the same A4 pages in
// the same orientation, margins and scale, the header rows repeated on
// every page, the page numbers, fonts, borders, alignment and number
// formats. The sheets are long enough to take several pages.
func TestLibreOfficePrintsAsBefore(t *testing.T) {
	lotest.Binary(t)
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Fatal("pdftoppm not found: run ./scripts/test-deps.sh (poppler-utils)")
	}
	long := func() []*Sheet {
		ss := richSheets()
		for _, s := range ss[:2] {
			for i := range 60 {
				r := s.Rows[i%len(s.Rows)]
				s.Rows = append(s.Rows, Row{Cells: append([]Cell(nil), r.Cells...), Bold: r.Bold})
			}
		}
		ss[2].Source = rowsSource(ss[0].Rows)
		return ss
	}
	dir := t.TempDir()
	p := Props{Title: "Phụ lục", Creator: "bhytdoc"}
	var ref bytes.Buffer
	refSheets := long()
	refSheets[2].Rows, refSheets[2].Source = rowsSource(refSheets[0].Rows), nil
	if err := refWrite(&ref, p, refSheets...); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"ours.xlsx": write(t, p, long()...), "ref.xlsx": ref.Bytes()}
	var paths []string
	for name, b := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	out := lotest.ToPDF(t, dir, paths)
	pages := func(name string) [][]byte {
		prefix := filepath.Join(dir, name)
		if b, err := exec.Command(pdftoppm, "-r", "40", "-gray", filepath.Join(out, name+".pdf"), prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
		files, _ := filepath.Glob(prefix + "-*.pgm")
		var imgs [][]byte
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			imgs = append(imgs, b)
		}
		return imgs
	}
	got, want := pages("ours"), pages("ref")
	if len(want) < 4 || len(got) != len(want) {
		t.Fatalf("%d pages, want %d (at least 4)", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("page %d prints otherwise", i+1)
		}
	}
}
