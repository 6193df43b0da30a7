package bhytdoc_test

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// TestLetterSize: the Cái Răng letter, a separate file as offices e-mail
// and archive it, stays within 50 KiB (README, "What a letter weighs"),
// with its four fonts embedded as subsets named by tag and PostScript
// name. The fpdf fork's TestCompactRendersLikeStock checks that these
// savings leave every page's pixels unchanged.
func TestLetterSize(t *testing.T) {
	f, b := render(t, seeds.CaiRang())
	if len(b) > 50*1024 {
		t.Errorf("the letter is %d bytes (%.1f KiB), want at most 50 KiB", len(b), float64(len(b))/1024)
	}
	for _, tool := range []string{"qpdf", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	out, err := exec.Command("qpdf", "--check", f).CombinedOutput()
	if err != nil || strings.Contains(string(out), "WARNING") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err = exec.Command("pdffonts", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
	if n := len(re.FindAll(out, -1)); n != 4 {
		t.Errorf("pdffonts: %d tagged Liberation Serif subsets, want 4:\n%s", n, out)
	}
}
