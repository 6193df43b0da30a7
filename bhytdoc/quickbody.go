package bhytdoc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// quickBody reads the bodies a merge produces by the thousand — single
// lines of text separated by blank lines: paragraphs, ATX headings,
// "-", "+" and "1." list items, with **bold** — without goldmark, whose
// parse cost as much as the rest of reading the file. It gives the
// blocks and lines goldmark's tree would give (TestQuickBodyLikeGoldmark,
// FuzzQuickBody) and ok == false for anything else, or anything with a
// problem to report, which parseValidBodyLines then reads with goldmark:
// any byte that could start inline markup other than "**" (escapes,
// references, code, links, HTML, "_", "~", "|", a lone "*" or "***"),
// indented or continued lines, a line ending in a space, control
// characters.
// The kinds of line quickBody reads.
const (
	quickNone = iota // a blank line, or before the first line
	quickParagraph
	quickHeading
	quickOrdered
	quickBullet
)

func quickBody(md string, firstLine int) (blocks []Block, lines []int, ok bool) {
	prev := quickNone // the kind of the previous line; none after a blank line
	list := byte(0)   // the marker of the list open ('.', '-', '+'), or 0
	num := 0          // the number of the ordered list's next item
	// The blocks' spans are substrings of md, in one array.
	n := strings.Count(md, "\n") + 1
	blocks, lines = make([]Block, 0, n), make([]int, 0, n)
	all := make([]Span, 0, n+strings.Count(md, "**"))
	for i, line := 0, 0; i < len(md); line++ {
		end := strings.IndexByte(md[i:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += i
		}
		l := md[i:end]
		i = end + 1
		if len(l) == 0 {
			prev = quickNone
			continue
		}
		if l[len(l)-1] == ' ' {
			return nil, nil, false
		}
		var b Block
		from := len(all)
		kind := quickParagraph
		switch c := l[0]; {
		case c == '#':
			level := 0
			for level < len(l) && l[level] == '#' {
				level++
			}
			if level > 5 || level+1 >= len(l) || l[level] != ' ' || l[level+1] == ' ' || strings.IndexByte(l[level:], '#') >= 0 {
				return nil, nil, false
			}
			if all, ok = quickInlines(all, l[level+1:], ' '); !ok {
				return nil, nil, false
			}
			var msg string
			if b, msg = headingBlock(level, all[from:len(all):len(all)]); msg != "" {
				return nil, nil, false
			}
			kind, list = quickHeading, 0
		case c == '-' || c == '+':
			if len(l) < 3 || l[1] != ' ' || !quickStart(l[2:]) || !quickItemAfter(prev, list, c) {
				return nil, nil, false
			}
			if all, ok = quickInlines(all, l[2:], ' '); !ok {
				return nil, nil, false
			}
			b = Block{Kind: Dash, Text: all[from:len(all):len(all)]}
			if c == '+' {
				b.Kind = Plus
			}
			kind, list = quickBullet, c
		case '1' <= c && c <= '9':
			d := 1
			for d < len(l) && '0' <= l[d] && l[d] <= '9' {
				d++
			}
			if d > 9 || d+2 >= len(l) || l[d] != '.' || l[d+1] != ' ' || !quickStart(l[d+2:]) || !quickItemAfter(prev, list, '.') {
				return nil, nil, false
			}
			if all, ok = quickInlines(all, l[d+2:], ' '); !ok {
				return nil, nil, false
			}
			if list != '.' {
				num, _ = strconv.Atoi(l[:d])
			}
			label := l[:d+1] // "N." as written, unless the list numbers it
			if n, _ := strconv.Atoi(l[:d]); n != num {
				label = strconv.Itoa(num) + "."
			}
			b = Block{Kind: Item, Label: label, Text: all[from:len(all):len(all)]}
			num++
			kind, list = quickOrdered, '.'
		default:
			// A paragraph line right after another (or after a list
			// item) would continue it.
			if prev != quickNone && prev != quickHeading || !quickStart(l) {
				return nil, nil, false
			}
			if all, ok = quickInlines(all, l, '\n'); !ok {
				return nil, nil, false
			}
			b = paragraphBlock(all[from:len(all):len(all)], l)
			list = 0
		}
		blocks = append(blocks, b)
		lines = append(lines, firstLine+line)
		prev = kind
	}
	if len(blocks) == 0 {
		return nil, nil, true // as goldmark's reading gives
	}
	// Articles out of order are a problem to report.
	p := bodyParser{out: blocks, lines: lines}
	if p.articleNumbers(); len(p.errs) > 0 {
		return nil, nil, false
	}
	return blocks, lines, true
}

// quickItemAfter reports whether a list item with marker may follow a
// line of kind prev in list without the rules for a list that interrupts
// a paragraph or a lazy continuation line: after a blank line or a
// heading, or right after an item of the same list.
func quickItemAfter(prev int, list, marker byte) bool {
	switch prev {
	case quickNone, quickHeading:
		return true
	case quickOrdered, quickBullet:
		return list == marker
	}
	return false
}

// quickStart reports whether a block whose text is l starts as only a
// paragraph can: with a letter, or "**" and a letter or digit.
func quickStart(l string) bool {
	if len(l) > 2 && l[0] == '*' && l[1] == '*' {
		r, _ := utf8.DecodeRuneInString(l[2:])
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsLetter(r)
}

// quickInlines is inlines for a line of text without markup other than
// "**" pairs, which goldmark's rules (CommonMark's delimiter runs) make
// strong emphasis, appending the spans to spans, or ok == false. before
// is the character before the line: '\n' at the start of a line, ' '
// after a list marker or "#".
func quickInlines(spans []Span, l string, before rune) (_ []Span, ok bool) {
	n := len(spans)
	// Every "**" must open (left-flanking, nothing open) or close
	// (right-flanking, one open) a strong span: no literal "**" and no
	// nesting, so that goldmark's delimiter processing has one outcome.
	open := -1
	from := 0 // start of the text not yet in spans
	for j := 0; j < len(l); j++ {
		if l[j] >= 0x20 && !quickSpecial[l[j]] {
			continue
		}
		switch l[j] {
		case '*':
			if j+1 >= len(l) || l[j+1] != '*' || j+2 < len(l) && l[j+2] == '*' {
				return nil, false
			}
			b := before
			if j > 0 {
				b, _ = utf8.DecodeLastRuneInString(l[:j])
			}
			a := ' '
			if j+2 < len(l) {
				a, _ = utf8.DecodeRuneInString(l[j+2:])
			}
			bPunct, bSpace := util.IsPunctRune(b), util.IsSpaceRune(b)
			aPunct, aSpace := util.IsPunctRune(a), util.IsSpaceRune(a)
			left := !aSpace && (!aPunct || bSpace || bPunct)
			right := !bSpace && (!bPunct || aSpace || aPunct)
			switch {
			case open < 0 && left:
				spans = addSpan(spans, l[from:j], false)
				open = j + 2
			case open >= 0 && right:
				spans = addSpan(spans, l[open:j], true)
				open = -1
			default:
				return nil, false
			}
			j++
			from = j + 1
		default:
			return nil, false
		}
	}
	if open >= 0 {
		return nil, false
	}
	spans = addSpan(spans, l[from:], false)
	return spans, len(spans) > n
}

// quickSpecial marks the bytes, other than control characters, at which
// quickInlines stops: "*", and those that may start inline markup or a
// reference, where it gives up. (A literal: no work at start-up.)
var quickSpecial = [256]bool{'*': true, '\\': true, '&': true, '`': true, '<': true, '[': true, ']': true,
	'_': true, '~': true, '|': true, 0x7f: true}

// addSpan appends s to spans as inlines does: nothing when empty. (Two
// spans of one emphasis never meet: between them would be a "****".)
func addSpan(spans []Span, s string, bold bool) []Span {
	if len(s) == 0 {
		return spans
	}
	return append(spans, Span{Text: s, Bold: bold})
}
