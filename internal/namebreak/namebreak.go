// Package namebreak breaks the name of an issuing body or parent body
// where Vietnamese breaks it: before the word of an administrative unit
// ("ỦY BAN NHÂN DÂN / QUẬN CÁI RĂNG", never "…QUẬN CÁI / RĂNG"), in
// lines as even as the column allows. Every writer breaks names with it,
// so the PDF and the DOCX agree.
package namebreak

import "strings"

// units are the words that start the name of an administrative unit,
// longest first so that "THỊ XÃ" is taken before "XÃ".
var units = [][]string{
	{"THÀNH", "PHỐ"}, {"THỊ", "XÃ"}, {"THỊ", "TRẤN"}, {"ĐẶC", "KHU"},
	{"TỈNH"}, {"QUẬN"}, {"HUYỆN"}, {"XÃ"}, {"PHƯỜNG"},
}

// Lines returns line (one line as the author wrote it) broken for a
// column maxW wide, width measuring a string in the unit of maxW. A line
// that fits is returned whole. Otherwise it is broken only before unit
// words: the fewest lines that fit, then the most even ones. A line with
// no unit word to break before is returned whole, for the writer to wrap
// as any text. A piece still too wide is left to the writer's wrapping
// too.
func Lines(line string, width func(string) float64, maxW float64) []string {
	words := strings.Fields(line)
	if len(words) == 0 || width(line) <= maxW {
		return []string{line}
	}
	at := breaks(words)
	if len(at) == 0 {
		return []string{line}
	}
	// cuts[0] = 0 and the candidate positions; best[k] is the best way
	// to lay out words[cuts[k]:] — a small dynamic programme, as there
	// are only a few candidates.
	cuts := append([]int{0}, at...)
	n := len(cuts)
	best := make([]plan, n+1)
	best[n] = plan{next: n}
	for k := n - 1; k >= 0; k-- {
		first := true
		for j := k + 1; j <= n; j++ {
			end := len(words)
			if j < n {
				end = cuts[j]
			}
			w := width(strings.Join(words[cuts[k]:end], " "))
			p := best[j]
			p.over += max(0, w-maxW)
			p.lines++
			p.slack += max(0, maxW-w) * max(0, maxW-w)
			p.next = j
			if first || better(p, best[k]) {
				best[k], first = p, false
			}
		}
	}
	var out []string
	for k := 0; k < n; k = best[k].next {
		end := len(words)
		if j := best[k].next; j < n {
			end = cuts[j]
		}
		out = append(out, strings.Join(words[cuts[k]:end], " "))
	}
	return out
}

// plan is a way to break the words from one cut to the end.
type plan struct {
	over  float64 // total width beyond the column: least first
	lines int
	slack float64 // sum of squared white at the line ends
	next  int     // index in cuts of the next line's start; len(cuts): end
}

// better prefers less width beyond the column, then fewer lines, then
// more even ones.
func better(a, b plan) bool {
	const eps = 1e-9
	switch {
	case a.over < b.over-eps || a.over > b.over+eps:
		return a.over < b.over
	case a.lines != b.lines:
		return a.lines < b.lines
	}
	return a.slack < b.slack-eps
}

// breaks returns the indexes of words before which a line may break: the
// start of each unit word, except the first word, the second word of a
// two-word unit and "XÃ HỘI" (society, as in "BẢO HIỂM XÃ HỘI").
func breaks(words []string) []int {
	var out []int
	for i := 0; i < len(words); {
		n := unitAt(words[i:])
		if n == 0 {
			i++
			continue
		}
		if i > 0 {
			out = append(out, i)
		}
		i += n
	}
	return out
}

// unitAt returns how many words of ws form a unit word at their start, or 0.
func unitAt(ws []string) int {
	for _, u := range units {
		if len(ws) < len(u) {
			continue
		}
		ok := true
		for k, w := range u {
			if strings.ToUpper(ws[k]) != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if len(u) == 1 && u[0] == "XÃ" && len(ws) > 1 && strings.ToUpper(ws[1]) == "HỘI" {
			return 0
		}
		return len(u)
	}
	return 0
}
