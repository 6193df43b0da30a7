package bhytdoc_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/lotest"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// pdfWord is a word pdftotext -bbox found, in points from the page's top
// left.
type pdfWord struct {
	page           int
	x0, y0, x1, y1 float64
	s              string
}

var (
	rePage = regexp.MustCompile(`<page width=`)
	reWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func pdfWords(t *testing.T, f string) []pdfWord {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", "-enc", "UTF-8", f, "-")
	var words []pdfWord
	for i, page := range rePage.Split(out, -1)[1:] {
		for _, m := range reWord.FindAllStringSubmatch(page, -1) {
			var b [4]float64
			for k := range b {
				b[k], _ = strconv.ParseFloat(m[k+1], 64)
			}
			s := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(m[5])
			words = append(words, pdfWord{i + 1, b[0], b[1], b[2], b[3], s})
		}
	}
	return words
}

// find returns the first word of the first run of words spelling phrase.
func find(words []pdfWord, phrase string) (pdfWord, bool) {
	want := strings.Fields(phrase)
	for i := range words {
		if i+len(want) > len(words) {
			break
		}
		ok := true
		for k, w := range want {
			if words[i+k].s != w {
				ok = false
				break
			}
		}
		if ok {
			return words[i], true
		}
	}
	return pdfWord{}, false
}

// TestDOCXMatchesPDF converts each fixture's DOCX with LibreOffice and
// compares it with bhytdoc's own PDF of the same document: the same
// words, the same page count (± 1), and the header, signature and Nơi
// nhận at the same place and size.
func TestDOCXMatchesPDF(t *testing.T) {
	dir := t.TempDir()
	fixtures := docxFixtures(t)
	var files []string
	for _, f := range fixtures {
		b, err := bhytdoc.RenderDOCX(f.doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := bhytdoc.RenderPDF(f.doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, f.name+".docx")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name+".pdf"), p, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	out := lotest.ToPDF(t, dir, files)
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			ours := pdfWords(t, filepath.Join(dir, f.name+".pdf"))
			lo := pdfWords(t, filepath.Join(out, f.name+".pdf"))
			np, nl := ours[len(ours)-1].page, lo[len(lo)-1].page
			if np-nl > 1 || nl-np > 1 {
				t.Errorf("LibreOffice made %d pages of the DOCX, bhytdoc %d of the PDF", nl, np)
			}
			compareWords(t, ours, lo, max(np, nl))
			doc, _, _, err := bhytdoc.LayoutForTest(f.doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			targets := []string{doc.Issuer[0].S, doc.QuocHieu.S, doc.TieuNgu.S, doc.Number.S, doc.PlaceDate.S, doc.NoiNhan.S}
			for _, s := range doc.Signatures {
				targets = append(targets, s.Titles[0].S, s.Name.S)
			}
			for _, a := range doc.Annexes {
				targets = append(targets, a.Label.S+" "+a.Title.S)
			}
			shift, sigPage := loCarry(t, ours, lo, doc)
			// LibreOffice's word boxes are taller than fpdf's (line height
			// rather than ascent+descent), by one factor for every size; a
			// size differing from the PDF's shows as a different ratio.
			var ratios []float64
			for _, s := range targets {
				if s == "" {
					continue // a line the kind has not (Mẫu 1.3's companion: no number)
				}
				a, ok1 := find(ours, s)
				b, ok2 := find(lo, s)
				if !ok1 && !ok2 {
					// A draft's "Số:      /UBND-VX" reads back as two
					// words apart: place the first.
					s = strings.Fields(s)[0]
					a, ok1 = find(ours, s)
					b, ok2 = find(lo, s)
				}
				if !ok1 || !ok2 {
					t.Errorf("%q: in bhytdoc's PDF %v, in LibreOffice's %v", s, ok1, ok2)
					continue
				}
				// Same page, left edge and top within 3 mm.
				const tol = 3 * mmToPt
				dy := 0.0
				if a.page == sigPage && a.y0 >= shift.from {
					dy = shift.by
				}
				if a.page != b.page || math.Abs(a.x0-b.x0) > tol || math.Abs(a.y0+dy-b.y0) > tol {
					t.Errorf("%q: bhytdoc page %d (%.1f, %.1f) mm; LibreOffice page %d (%.1f, %.1f) mm",
						s, a.page, a.x0/mmToPt, a.y0/mmToPt, b.page, b.x0/mmToPt, b.y0/mmToPt)
				}
				ratios = append(ratios, (b.y1-b.y0)/(a.y1-a.y0))
				if testing.Verbose() {
					t.Logf("%-40.40q Δx %+.1f mm Δy %+.1f mm height ratio %.3f", s, (b.x0-a.x0)/mmToPt, (b.y0-a.y0)/mmToPt, ratios[len(ratios)-1])
				}
			}
			// The gap under a kind's title block (its trích yếu and rule)
			// is the PDF's to within 1 mm: pagespec.UnderHeader, summed
			// with the next paragraph's space before in both.
			if doc.Title.S != "" && doc.Summary.S != "" && len(doc.Body) > 0 {
				next := doc.Body[0].Spans[0].S
				if len(doc.Addressees) > 0 {
					next = doc.KinhGui.S
				} else if doc.Authority.S != "" {
					next = doc.Authority.S
				}
				next = strings.Join(strings.Fields(next)[:min(3, len(strings.Fields(next)))], " ")
				ta, ok1 := find(ours, doc.Title.S)
				tb, ok2 := find(lo, doc.Title.S)
				na, ok3 := find(ours, next)
				nb, ok4 := find(lo, next)
				if ok1 && ok2 && ok3 && ok4 && na.page == ta.page && nb.page == tb.page {
					if d := ((nb.y0 - tb.y0) - (na.y0 - ta.y0)) / mmToPt; math.Abs(d) > 1 {
						t.Errorf("title %q to %q: LibreOffice's gap differs from the PDF's by %+.1f mm", doc.Title.S, next, d)
					}
				} else {
					t.Errorf("title %q or %q not found (%v %v %v %v)", doc.Title.S, next, ok1, ok2, ok3, ok4)
				}
			}
			// Page numbers: in the top margin from each section's second
			// page, the same on the same pages.
			if np == nl {
				a, b := marginNumbers(ours), marginNumbers(lo)
				// An electronic copy's signing line is the one text in
				// page 1's top margin.
				eCopy := f.doc.Copy != nil && f.doc.Copy.ESign != nil
				if !slices.Equal(a, b) || (a[0] != "") != eCopy || np > 2 && strings.Join(a, "") == "" {
					t.Errorf("page numbers in the top margin: bhytdoc %q, LibreOffice %q", a, b)
				}
				if testing.Verbose() {
					t.Logf("page numbers %q", b)
				}
			}
			// The signature and seal images survive the conversion.
			imgs := 0
			for _, s := range f.doc.Signatures {
				imgs += min(len(s.Image), 1) + min(len(s.Seal), 1)
			}
			list := run(t, "pdfimages", "-list", filepath.Join(out, f.name+".pdf"))
			if got := len(strings.Split(strings.TrimSpace(list), "\n")) - 2; got < imgs {
				t.Errorf("LibreOffice's PDF has %d images, want %d", got, imgs)
			}
			slices.Sort(ratios)
			if len(ratios) > 0 {
				med := ratios[len(ratios)/2]
				if ratios[0] < med*0.97 || ratios[len(ratios)-1] > med*1.03 {
					t.Errorf("font sizes differ from the PDF's: box height ratios %.3f", ratios)
				}
			}
		})
	}
}

// compareWords checks that both PDFs hold the same words the same number
// of times, page numbers (digits up to the page count) aside.
func compareWords(t *testing.T, ours, lo []pdfWord, pages int) {
	t.Helper()
	count := map[string]int{}
	pageNumber := func(s string) bool {
		n, err := strconv.Atoi(s)
		return err == nil && n >= 1 && n <= pages
	}
	for _, w := range ours {
		if !pageNumber(w.s) {
			count[w.s]++
		}
	}
	for _, w := range lo {
		// The PDF draws a Nơi nhận brace with rules, the DOCX with "}"
		// characters at a tab stop: they are not words of the text.
		if !pageNumber(w.s) && w.s != "}" {
			count[w.s]--
		}
	}
	var diff []string
	for s, n := range count {
		if n != 0 {
			diff = append(diff, fmt.Sprintf("%q %+d", s, n))
		}
	}
	if len(diff) > 0 {
		t.Errorf("%d words differ (count in bhytdoc's PDF minus LibreOffice's): %s", len(diff), strings.Join(diff[:min(len(diff), 20)], ", "))
	}
	if len(ours) < 100 {
		t.Errorf("only %d words read back", len(ours))
	}
}

// marginNumbers lists, page by page, the words printed in the top 17 mm
// (the page number: the header starts lower), "" where there are none.
func marginNumbers(words []pdfWord) []string {
	out := make([]string, words[len(words)-1].page)
	for _, w := range words {
		if w.y1 < 17*mmToPt {
			out[w.page-1] += w.s
		}
	}
	return out
}

// carryShift is how much lower than the PDF LibreOffice draws what
// follows a point of the signature's page.
type carryShift struct{ from, by float64 }

// loCarry checks the one way LibreOffice's pages may differ from the
// PDF's: where the PDF carries only the last pagespec.EndLines lines of
// the paragraph before the signature to the signature's page (Word, by
// ECMA-376 17.3.1.15 keepNext, does the same), LibreOffice 7.4 carries the
// whole paragraph, since it never splits a keep-with-next paragraph
// (sw/source/core/text/widorp.cxx). It checks that LibreOffice's extra
// lines are exactly the lines the PDF left at the foot of the page before,
// and returns the shift of everything under them, with the signature's
// page.
func loCarry(t *testing.T, ours, lo []pdfWord, doc *ir.Doc) (carryShift, int) {
	t.Helper()
	if len(doc.Signatures) == 0 || doc.NoiNhan.S == "" {
		return carryShift{}, 0
	}
	a, ok1 := find(ours, doc.NoiNhan.S)
	b, ok2 := find(lo, doc.NoiNhan.S)
	if !ok1 || !ok2 || a.page != b.page || a.page < 2 {
		return carryShift{}, a.page
	}
	above := func(ws []pdfWord, page int, y float64) [][]string {
		var lines [][]string
		last := -1.0
		for _, w := range ws {
			if w.page != page || w.y0 < 17*mmToPt || w.y0 > y-2*mmToPt {
				continue
			}
			if len(lines) == 0 || math.Abs(w.y0-last) > 1 {
				lines = append(lines, nil)
				last = w.y0
			}
			lines[len(lines)-1] = append(lines[len(lines)-1], w.s)
		}
		return lines
	}
	mine, theirs := above(ours, a.page, a.y0), above(lo, b.page, b.y0)
	extra := len(theirs) - len(mine)
	if extra <= 0 {
		return carryShift{}, a.page
	}
	if len(mine) != pagespec.EndLines {
		t.Errorf("LibreOffice carries %d more lines than the PDF, which carries %d, not pagespec.EndLines: %q", extra, len(mine), mine)
		return carryShift{}, a.page
	}
	// The PDF's last lines of the page before are LibreOffice's first
	// lines of this one.
	prev := above(ours, a.page-1, math.Inf(1))
	if len(prev) < extra {
		t.Fatalf("LibreOffice carries %d lines; the PDF's page %d has %d", extra, a.page-1, len(prev))
	}
	moved := prev[len(prev)-extra:]
	for i := range moved {
		if strings.Join(moved[i], " ") != strings.Join(theirs[i], " ") {
			t.Errorf("LibreOffice's line %d on page %d is %q, the PDF's carried line would be %q", i+1, b.page, strings.Join(theirs[i], " "), strings.Join(moved[i], " "))
		}
	}
	// The PDF's first carried line; LibreOffice's lines are one pitch apart.
	first, _ := find(ours, strings.Join(mine[0], " "))
	second, _ := find(ours, strings.Join(mine[1], " "))
	return carryShift{from: first.y0, by: float64(extra) * (second.y0 - first.y0)}, a.page
}
