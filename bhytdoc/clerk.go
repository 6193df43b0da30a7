package bhytdoc

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// The checks a records clerk (văn thư) makes before registering a
// document, beyond the form of each field.

// pointOrder is the order of points (điểm) in Vietnamese legal and
// administrative texts: the Vietnamese alphabet without f, j, w, z, with
// đ after d.
var pointOrder = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// PointLabel returns the label of the n-th point (0-based) of a list:
// "a)", "b)" … "đ)" … "y)"; "" past the 23rd.
func PointLabel(n int) string {
	if n < 0 || n >= len(pointOrder) {
		return ""
	}
	return pointOrder[n] + ")"
}

// validatePoints checks that the points of each item, article or
// section run a), b), c), d), đ), e), g) … without a gap: "e)" after
// "d)" is refused, naming the block.
func (d *Document) validatePoints(p *problems) {
	next := 0
	prev := ""
	for i, b := range d.Body {
		switch b.Kind {
		case Part, Section, Item, SubItem, Article:
			next, prev = 0, ""
			continue
		case Point:
		default:
			continue
		}
		if !rePoint.MatchString(b.Label) {
			continue // validateBlock reports it
		}
		want := PointLabel(next)
		if b.Label != want {
			f := fmt.Sprintf("Body[%d].Label", i)
			switch {
			case want == "":
				p.add(f, "%q: a list has at most %d points, a) to y)", b.Label, len(pointOrder))
			case prev == "":
				p.add(f, "%q: points start at \"a)\"", b.Label)
			default:
				p.add(f, "%q after %q: points run a), b), c), d), đ), e), g) …; want %q", b.Label, prev, want)
			}
		}
		for k, l := range pointOrder { // resume from what is written
			if l+")" == b.Label {
				next = k
			}
		}
		next++
		prev = b.Label
	}
}

var reNhuDieu = lazyre.New(`^Như Điều ([1-9][0-9]*)(?:[,;]|$| )`)

// validateNhuDieu checks a quyết định's or nghị quyết's Nơi nhận: its
// first line is "- Như Điều N;" (Mẫu 1.1–1.3), and article N exists and
// says who executes the decision ("… chịu trách nhiệm thi hành …").
func (d *Document) validateNhuDieu(p *problems) {
	if d.Kind != QuyetDinh && d.Kind != NghiQuyet || len(d.Recipients) == 0 || !d.hasArticles() {
		return // a decision not written in articles is not checked
	}
	first := typo.OneLine(d.Recipients[0].Name)
	m := reNhuDieu.FindStringSubmatch(first)
	if m == nil {
		p.add("Recipients[0].Name", "%q: a %s's Nơi nhận starts \"Như Điều N\", the article naming who executes it (Mẫu 1.1–1.3)", first, d.Kind.Name())
		return
	}
	n, _ := strconv.Atoi(m[1])
	text, found := d.articleText(n)
	switch {
	case !found:
		p.add("Recipients[0].Name", "%q: the %s has no Điều %d", first, d.Kind.Name(), n)
	case !strings.Contains(strings.ToLower(text), "thi hành"):
		p.add("Recipients[0].Name", "%q: Điều %d does not say who executes the %s (\"… chịu trách nhiệm thi hành …\")", first, n, d.Kind.Name())
	}
}

// articleText returns the text of article n: its own line and the blocks
// up to the next article.
func (d *Document) articleText(n int) (string, bool) {
	var sb strings.Builder
	in, found := false, false
	for _, b := range d.Body {
		if b.Kind == Article || b.Kind == Part {
			in = b.Kind == Article && articleNumber(b.Label) == n
			found = found || in
		}
		if in {
			for _, s := range b.Text {
				sb.WriteString(s.Text)
				sb.WriteByte(' ')
			}
		}
	}
	return sb.String(), found
}

// reAnnexRef finds a body's reference to its own annex: "chi tiết tại
// Phụ lục II", "theo Phụ lục kèm theo", "(Phụ lục I kèm theo)".
// It is compiled when first needed, not at start-up: few documents refer
// to an annex.
var reAnnexRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:(?:chi tiết|cụ thể|như|theo|tại|ở|trong)\s+(?:tại\s+|theo\s+|ở\s+)?phụ lục(?:\s+([IVXLC]+)\b)?|phụ lục(?:\s+([IVXLC]+)\b)?\s+kèm theo)`)
})

// checkAnnexRefs reports a body that refers to an annex the document
// does not carry: "chi tiết tại Phụ lục kèm theo" with no annex, or
// "Phụ lục III" with two. It runs when rendering, not in Validate: a
// template's annex may be attached after its text is parsed (bhytdoc new
// --baseline), and what must never happen is a rendered document
// pointing to an annex that is not there.
func (d *Document) checkAnnexRefs(p *problems) {
	for i, b := range d.Body {
		text := spansText(b.Text) // most paragraphs: one span, no copy
		if !mentionsAnnex(text) {
			continue
		}
		for _, m := range reAnnexRef().FindAllStringSubmatch(text, -1) {
			num := m[1] + m[2]
			need := 1
			if num != "" {
				if n, err := typo.ParseRoman(num); err == nil {
					need = n
				}
			}
			if need > len(d.Annexes) {
				what := "no annex"
				if len(d.Annexes) > 0 {
					what = fmt.Sprintf("%d annex(es)", len(d.Annexes))
				}
				p.add(fmt.Sprintf("Body[%d]", i), "refers to %q but the document has %s: add it (Annexes, or --baseline / an annex file)", strings.TrimSpace(m[0]), what)
			}
		}
	}
}

// annexWord is what every match of reAnnexRef contains.
const annexWord = "phụ lục"

// mentionsAnnex reports whether s contains annexWord in any case, as
// reAnnexRef's (?i) folds it. It spares the case-folding backtracking
// matcher the paragraphs that cannot match, which are nearly all of them
// (it was a third of a letter's CPU). Every fold of the word's letters
// has the same UTF-8 length, so a window of len(annexWord) bytes holds it.
//
// The word starts with p or P: IndexByte finds each, a vector scan where
// a loop tested every byte.
func mentionsAnnex(s string) bool {
	for _, p := range [2]byte{'p', 'P'} {
		for i := 0; i+len(annexWord) <= len(s); i++ {
			j := strings.IndexByte(s[i:len(s)-len(annexWord)+1], p)
			if j < 0 {
				break
			}
			i += j
			if (s[i+1] == 'h' || s[i+1] == 'H') && strings.EqualFold(s[i:i+len(annexWord)], annexWord) {
				return true
			}
		}
	}
	return false
}

func (d *Document) hasArticles() bool {
	for _, b := range d.Body {
		if b.Kind == Article {
			return true
		}
	}
	return false
}
