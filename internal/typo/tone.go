package typo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ToneStyle selects where Tone puts the tone mark on the open diphthongs
// oa, oe and uy, the one placement on which Vietnamese spelling conventions
// still disagree.
type ToneStyle int

const (
	// ToneTraditional marks the first vowel: hòa, khỏe, thúy, ủy. It is the
	// zero value and the default because Decree 30's own text writes "CỘNG HÒA" and "Ủy ban".
	ToneTraditional ToneStyle = iota
	// ToneModern marks the second vowel: hoà, khoẻ, thuý, uỷ.
	ToneModern
	// ToneAsIs leaves the placement as written; only NFC is applied.
	ToneAsIs
)

// Tone returns s in NFC with the tone mark of every syllable whose vowel
// nucleus is exactly the open diphthong oa, oe or uy placed according to
// style. Mixing the two conventions in one document looks careless, and
// source data (names, unit titles) arrives in both.
//
// A syllable is a maximal run of letters, digits and combining marks. It is
// changed only if it is a valid Vietnamese initial consonant (possibly
// empty) followed by exactly the two vowels, so syllables with a final
// consonant or a third vowel (hoàng, khuyến, thuyền, ngoài, huỳnh, khuya)
// are untouched. After "q" the u is part of the consonant, so quý and quỳ
// never change; "gi" words never match because their i is a vowel letter.
// Letter case is preserved (HÒA/HOÀ, Ủy/Uỷ, THÚY/THUÝ).
//
// Tone runs over every string of a document, so when nothing changes and s
// is already NFC it returns s without allocating. Style values other than
// ToneTraditional and ToneModern behave like ToneAsIs. Invalid UTF-8 bytes
// are passed through; call Clean first to reject them.
func Tone(s string, style ToneStyle) string {
	return toneNFC(norm.NFC.String(s), style)
}

// CleanTone is Clean followed by Tone in one pass over s: NFC is applied
// once, not twice. It returns the error Clean returns for invalid UTF-8.
func CleanTone(s string, style ToneStyle) (string, error) {
	if c, ok := CleanTonePlain(s, style); ok {
		return c, nil
	}
	c, err := Clean(s)
	if err != nil {
		return "", err
	}
	return toneNFC(c, style), nil
}

// toneNFC is Tone for s already in NFC.
func toneNFC(s string, style ToneStyle) string {
	if style != ToneTraditional && style != ToneModern {
		return s
	}
	t := retoner{s: s, style: style}
	start := -1 // start of the current word, or -1 between words
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			t.word(start, i)
			start = -1
		}
	}
	if start >= 0 {
		t.word(start, len(s))
	}
	return t.result()
}

// retoner builds the result of the tone rule over s word by word,
// copying s only once a word changes.
type retoner struct {
	s      string
	style  ToneStyle
	b      strings.Builder
	copied int // s[:copied] has been written to b (only once b is in use)
}

// word applies the rule to the word s[start:end].
func (t *retoner) word(start, end int) {
	k, r1, r2, ok := retone(t.s[start:end], t.style)
	if !ok {
		return
	}
	if t.b.Cap() == 0 {
		t.b.Grow(len(t.s) + 8) // a move can lengthen a word by one byte (ũy → uỹ)
	}
	t.b.WriteString(t.s[t.copied : start+k])
	t.b.WriteRune(r1)
	t.b.WriteRune(r2)
	t.copied = end
}

// result returns s with every word's change made: s itself if none was.
func (t *retoner) result() string {
	if t.b.Cap() == 0 {
		return t.s
	}
	t.b.WriteString(t.s[t.copied:])
	return t.b.String()
}

// isWordRune reports whether r continues a syllable. Digits and marks count
// so that tokens such as "x2oà" or a vowel followed by a stray combining
// mark are treated as one non-Vietnamese token and left alone.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	// Fast path for the Latin blocks Vietnamese letters live in (every code
	// point there is a letter except × and ÷).
	if r <= 0x24F && r >= 0xC0 && r != 0xD7 && r != 0xF7 || 0x1EA0 <= r && r <= 0x1EF9 {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// retone decides whether word needs its tone moved. If so it returns the
// byte offset k of the first nucleus vowel within word and the two
// replacement runes.
func retone(word string, style ToneStyle) (k int, r1, r2 rune, ok bool) {
	if len(word) < 2 {
		return 0, 0, 0, false
	}
	c2, n2 := utf8.DecodeLastRuneInString(word)
	row2, t2 := vowelForm(c2)
	if row2 < 0 {
		return 0, 0, 0, false
	}
	c1, n1 := utf8.DecodeLastRuneInString(word[:len(word)-n2])
	row1, t1 := vowelForm(c1)
	if row1 < 0 {
		return 0, 0, 0, false
	}
	b1, b2 := toned[row1][0]|0x20, toned[row2][0]|0x20 // lower-case bases
	if !(b1 == 'o' && (b2 == 'a' || b2 == 'e') || b1 == 'u' && b2 == 'y') {
		return 0, 0, 0, false
	}
	if t1 != 0 && t2 != 0 { // two tone marks: malformed, not ours to guess
		return 0, 0, 0, false
	}
	tone := t1 | t2
	if tone == 0 {
		return 0, 0, 0, false
	}
	if style == ToneTraditional && t1 != 0 || style == ToneModern && t2 != 0 {
		return 0, 0, 0, false // already placed as requested
	}
	k = len(word) - n2 - n1
	if !isOnset(word[:k]) {
		return 0, 0, 0, false
	}
	if style == ToneTraditional {
		return k, toned[row1][tone], toned[row2][0], true
	}
	return k, toned[row1][0], toned[row2][tone], true
}

// toned lists the precomposed (NFC) forms of the vowels Tone moves marks
// between. Column 0 is the bare letter, then grave, acute, hook above,
// tilde, dot below. It is read-only.
var toned = [...][6]rune{
	{'a', 'à', 'á', 'ả', 'ã', 'ạ'},
	{'A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'},
	{'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'},
	{'E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'},
	{'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'},
	{'O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'},
	{'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'},
	{'U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'},
	{'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'},
	{'Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'},
}

// vowelForm returns the row of r in toned and its tone column, or row -1 if
// r is not one of those vowels. The switch (a binary search) picks the row
// cheaply since this runs on the last letters of every word.
func vowelForm(r rune) (row, tone int) {
	switch r {
	case 'a', 'à', 'á', 'ả', 'ã', 'ạ':
		row = 0
	case 'A', 'À', 'Á', 'Ả', 'Ã', 'Ạ':
		row = 1
	case 'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ':
		row = 2
	case 'E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ':
		row = 3
	case 'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ':
		row = 4
	case 'O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ':
		row = 5
	case 'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ':
		row = 6
	case 'U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ':
		row = 7
	case 'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ':
		row = 8
	case 'Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ':
		row = 9
	default:
		return -1, 0
	}
	for t, c := range toned[row] {
		if c == r {
			tone = t
			break
		}
	}
	return row, tone
}

// isOnset reports whether p is a Vietnamese initial consonant (or empty),
// case-insensitively. "q" is deliberately absent: in "qu" the u belongs to
// the consonant, so "quy" has the single vowel y. "gi" is absent because
// its i is a vowel letter and never reaches here.
func isOnset(p string) bool {
	switch len(p) {
	case 0:
		return true
	case 2:
		if p == "đ" || p == "Đ" {
			return true
		}
	}
	if len(p) > 3 {
		return false
	}
	var buf [3]byte
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(p)]) {
	case "b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n",
		"ng", "ngh", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x":
		return true
	}
	return false
}
