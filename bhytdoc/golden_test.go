package bhytdoc_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenText pins the text of each seed PDF as pdftotext reads it,
// line by line, so that a change of line breaking or pagination shows in
// review. (TestSeedsPDF checks that the text is the model's text.)
func TestGoldenText(t *testing.T) {
	for _, ex := range allExamples() {
		t.Run(ex.Name, func(t *testing.T) {
			f, _ := render(t, ex.Doc)
			got := run(t, "pdftotext", "-raw", "-enc", "UTF-8", f, "-")
			golden := filepath.Join("testdata", "golden", ex.Name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("PDF text differs from %s:\n%s", golden, diffAt(got, string(want)))
			}
		})
	}
}
