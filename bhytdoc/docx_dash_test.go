package bhytdoc_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/lotest"
)

// TestDOCXSpacedHyphenNeverEndsALine converts with LibreOffice a DOCX
// whose paragraphs are full of spaced hyphens and en dashes, each shifted by one
// character so that line ends meet the hyphens at many positions, and
// reads the lines back with pdftotext: no line ends with "-" or "–", some
// start with one (the break fell there), and the words read as the
// source's, " - " included.
func TestDOCXSpacedHyphenNeverEndsALine(t *testing.T) {
	const text = "TT Đảng ủy, HĐND - UBND xã; Độc lập - Tự do - Hạnh phúc; Lao động – Thương binh và Xã hội – các xã - phường - thị trấn"
	d := quyetDinh(t, 1)
	d.Body = nil
	var want []string
	for k := range 24 {
		s := strings.Repeat("x", k+1) + " " + text
		d.Body = append(d.Body, bhytdoc.Block{Kind: bhytdoc.Paragraph, Text: []bhytdoc.Span{{Text: s}}})
		want = append(want, strings.Fields(s)...)
	}
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "dash.docx")
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := lotest.ToPDF(t, dir, []string{name})
	// Lines as pdftotext -bbox-layout groups them: its plain text output
	// would join a line ending in "-" to the next as a broken word.
	out2 := run(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", filepath.Join(out, "dash.pdf"), "-")
	starts := 0
	var got []string
	for _, l := range strings.Split(out2, "<line")[1:] {
		var f []string
		for _, m := range reWord.FindAllStringSubmatch(l, -1) {
			f = append(f, strings.Fields(m[5])...)
		}
		if len(f) == 0 || len(f) == 1 && isNumber(f[0]) {
			continue // page numbers
		}
		if last := f[len(f)-1]; last == "-" || last == "\u2011" || last == "–" {
			t.Errorf("line ends with a hyphen: %q", strings.Join(f, " "))
		}
		if f[0] == "-" {
			starts++
		}
		got = append(got, f...)
	}
	if starts == 0 {
		t.Error("no line starts with a spaced hyphen: the test exercised nothing")
	}
	// The body's words, in order, hyphens read back as "-".
	all := strings.Join(got, " ")
	if !strings.Contains(all, strings.Join(want, " ")) {
		t.Errorf("the body does not read back as written:\n%s", all)
	}
}
