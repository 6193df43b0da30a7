package bhytdoc_test

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/lotest"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// groupLines are a braced group as read back: its name lines and its
// purpose lines, each a line of words, top to bottom.
type groupLines struct {
	names, purpose [][]bboxWord
}

// readGroups finds each braced group of doc on the pages read back: the
// words from the group's first line down to the next recipient's, the
// purpose's words being those right of the names' column that belong to
// the purpose.
func readGroups(t *testing.T, pages [][]bboxWord, doc *ir.Doc) []groupLines {
	t.Helper()
	head := func(s string) string { return strings.Join(strings.Fields(s)[:2], " ") }
	var out []groupLines
	for _, br := range doc.Braces {
		if br.To+1 >= len(doc.Recipients) {
			t.Fatalf("group %q ends the list: no line below to bound it", br.Purpose.S)
		}
		var g groupLines
		for _, p := range pages {
			top, ok1 := findLine(p, head(doc.Recipients[br.From].S))
			next, ok2 := findLine(p, head(doc.Recipients[br.To+1].S))
			if !ok1 || !ok2 {
				continue
			}
			var names, purpose []bboxWord
			for _, w := range p {
				if w.y0 < top.y0-1 || w.y0 > next.y0-1 || w.x0 > defLeft+52.8*mmToPt {
					continue
				}
				if w.x0 > defLeft+25*mmToPt && strings.Contains(br.Purpose.S, w.s) {
					purpose = append(purpose, w)
				} else {
					names = append(names, w)
				}
			}
			g = groupLines{byLine(names), byLine(purpose)}
		}
		if len(g.names) == 0 || len(g.purpose) == 0 {
			t.Fatalf("group of %q (%q) not read back", doc.Recipients[br.From].S, br.Purpose.S)
		}
		out = append(out, g)
	}
	return out
}

// byLine groups words into lines, top to bottom, left to right.
func byLine(ws []bboxWord) [][]bboxWord {
	sort.SliceStable(ws, func(i, j int) bool {
		if !near(ws[i].y0, ws[j].y0, 1) {
			return ws[i].y0 < ws[j].y0
		}
		return ws[i].x0 < ws[j].x0
	})
	var out [][]bboxWord
	for _, w := range ws {
		if n := len(out); n > 0 && near(out[n-1][0].y0, w.y0, 1) {
			out[n-1] = append(out[n-1], w)
			continue
		}
		out = append(out, []bboxWord{w})
	}
	return out
}

// TestNoiNhanGroupWidths reads the kế hoạch's braced groups back from
// bhytdoc's PDF and from LibreOffice's rendering of the DOCX: each
// purpose is right of its names by the brace's room and inside the Nơi
// nhận column; a name wraps only where its next word does not fit the
// names' column; and where a name wraps, the purpose's column is no
// wider than its widest line (with pagespec.CellSlack): the names get
// all the column the brace and the purpose's actual text leave, not a
// fixed share.
func TestNoiNhanGroupWidths(t *testing.T) {
	d := keHoach(-1)
	doc, _, _, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := fonts.Liberation().Face(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	space := f.Width(" ", 11)
	colEnd := defLeft + 52.8*mmToPt
	check := func(t *testing.T, pages [][]bboxWord) []groupLines {
		groups := readGroups(t, pages, doc)
		wrapped := 0
		for k, g := range groups {
			pl, pr := math.Inf(1), 0.0
			for _, ln := range g.purpose {
				pl, pr = min(pl, ln[0].x0), max(pr, ln[len(ln)-1].x1)
			}
			nameEnd := pl - 2*pagespec.BraceGap*mmToPt // the names' column ends here
			if pr > colEnd+0.5 {
				t.Errorf("group %d: purpose ends at %.1f mm, past the Nơi nhận column (%.1f mm)", k, pr/mmToPt, colEnd/mmToPt)
			}
			wraps := false
			for i, ln := range g.names {
				if end := ln[len(ln)-1].x1; end > nameEnd+0.5 {
					t.Errorf("group %d: name line %q ends at %.1f mm, in the brace's room (names' column ends at %.1f mm)", k, words(ln), end/mmToPt, nameEnd/mmToPt)
				}
				if i == 0 || ln[0].s == "-" {
					continue
				}
				// A continuation: the word that opens it did not fit.
				wraps = true
				prev := g.names[i-1]
				if need := prev[len(prev)-1].x1 + space + (ln[0].x1 - ln[0].x0); need <= nameEnd-0.5 {
					t.Errorf("group %d: %q wraps before %q though it fits (%.1f ≤ %.1f mm)", k, words(prev), ln[0].s, need/mmToPt, nameEnd/mmToPt)
				}
			}
			if wraps {
				wrapped++
				if spare := (colEnd - pr) / mmToPt; spare > pagespec.CellSlack+0.5 {
					t.Errorf("group %d: names wrap, yet the purpose's column has %.1f mm to spare", k, spare)
				}
			}
		}
		if wrapped == 0 {
			t.Error("no name of a group wraps: the check of the purpose's width checked nothing")
		}
		return groups
	}
	var ours []groupLines
	t.Run("pdf", func(t *testing.T) { ours = check(t, bboxWords(t, d)) })
	t.Run("libreoffice", func(t *testing.T) {
		dir := t.TempDir()
		b, err := bhytdoc.RenderDOCX(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, "kehoach.docx")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		lo := bboxFile(t, filepath.Join(lotest.ToPDF(t, dir, []string{name}), "kehoach.pdf"))
		theirs := check(t, lo)
		// The same lines as in bhytdoc's PDF, the purpose at the same place.
		for k := range min(len(ours), len(theirs)) {
			a, b := ours[k], theirs[k]
			if lineTexts(a.names) != lineTexts(b.names) || lineTexts(a.purpose) != lineTexts(b.purpose) {
				t.Errorf("group %d: bhytdoc %q | %q; LibreOffice %q | %q", k, lineTexts(a.names), lineTexts(a.purpose), lineTexts(b.names), lineTexts(b.purpose))
			}
			if dx := (b.purpose[0][0].x0 - a.purpose[0][0].x0) / mmToPt; math.Abs(dx) > 1 {
				t.Errorf("group %d: LibreOffice's purpose %.1f mm off bhytdoc's", k, dx)
			}
		}
	})
}

func words(ln []bboxWord) string {
	var s []string
	for _, w := range ln {
		s = append(s, w.s)
	}
	return strings.Join(s, " ")
}

func lineTexts(lines [][]bboxWord) string {
	var s []string
	for _, ln := range lines {
		s = append(s, words(ln))
	}
	return strings.Join(s, " / ")
}
