package tablefit

import (
	"strings"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// WidthFunc returns the width in mm of s set in style st at 1 pt; widths
// scale with the size (fonts.Face.Width is linear in it).
type WidthFunc func(s string, st pagespec.Style) float64

// text is a cell's text measured once at 1 pt: its words and the space
// runs after them, so that every candidate size only multiplies.
type text struct {
	s     string
	st    pagespec.Style
	words []float64 // width of each word at 1 pt
	seps  []float64 // width of the spaces after each word (0 for the last)
	dash  []bool    // the word is a spaced hyphen, which never ends a line
	long  float64   // the longest word
	full  float64   // the whole text on one line
}

func measure(s string, st pagespec.Style, w WidthFunc) text {
	var a arena
	return a.measure(s, st, w)
}

// arena holds the word widths of many texts in three shared arrays, so
// that a table of 10,000 rows costs a few allocations, not three a cell.
type arena struct {
	words, seps []float64
	dash        []bool
}

func (a *arena) measure(s string, st pagespec.Style, w WidthFunc) text {
	t := text{s: s, st: st}
	start := len(a.words)
	for s != "" {
		n := len(s) - len(strings.TrimLeft(s, " "))
		if n > 0 {
			if len(a.seps) > start {
				a.seps[len(a.seps)-1] += w(s[:n], st)
			}
			s = s[n:]
			continue
		}
		part := s
		if i := strings.IndexByte(s, ' '); i > 0 {
			part = s[:i]
		}
		ww := w(part, st)
		a.words = append(a.words, ww)
		a.seps = append(a.seps, 0)
		a.dash = append(a.dash, part == "-")
		t.long = max(t.long, ww)
		s = s[len(part):]
	}
	n := len(a.words)
	t.words, t.seps, t.dash = a.words[start:n:n], a.seps[start:n:n], a.dash[start:n:n]
	for i, ww := range t.words {
		t.full += ww
		if i < len(t.words)-1 {
			t.full += t.seps[i]
		}
	}
	return t
}

// lines is how many lines t wraps to in avail mm at size, breaking as
// the PDF layout does: greedily at spaces, never after a spaced hyphen,
// a word longer than the line cut by runes.
func (t *text) lines(size, avail float64, w WidthFunc) int {
	if len(t.words) == 0 {
		return 1
	}
	n := 0
	cur := 0.0
	empty := true
	dashAt := -1 // index of a spaced hyphen placed not first on its line
	for i := 0; i < len(t.words); i++ {
		ww := t.words[i] * size
		need := ww
		if !empty {
			need += t.seps[i-1] * size
		}
		if !empty && cur+need > avail+1e-9 {
			n++
			if dashAt == i-1 {
				// Break before the hyphen instead: it moves down.
				i = dashAt - 1
			} else {
				i--
			}
			cur, empty, dashAt = 0, true, -1
			continue
		}
		if empty && ww > avail {
			// Cut by runes, as many lines as the word needs.
			k, rest := t.cut(i, size, avail, w)
			n += k
			if rest == 0 {
				continue
			}
			cur, empty = rest, false
			continue
		}
		if t.dash[i] && !empty {
			dashAt = i
		}
		cur += need
		empty = false
	}
	if !empty {
		n++
	}
	return max(n, 1)
}

// cut returns how many full lines word i fills when cut by runes into
// lines avail mm wide, and the width of its last, partial line (0: none).
func (t *text) cut(i int, size, avail float64, w WidthFunc) (int, float64) {
	word := t.nth(i)
	n, cur := 0, 0.0
	for k, r := range word {
		rw := w(word[k:k+utf8.RuneLen(r)], t.st) * size
		if cur+rw > avail && cur > 0 {
			n++
			cur = 0
		}
		cur += rw
	}
	return n, cur
}

// nth returns the i-th word of t.
func (t *text) nth(i int) string {
	k := 0
	for _, f := range strings.Split(t.s, " ") {
		if f == "" {
			continue
		}
		if k == i {
			return f
		}
		k++
	}
	return ""
}
