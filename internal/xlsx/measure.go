package xlsx

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/fonts"
)

// Excel measures column widths in characters: multiples of the widest
// digit of the default font at 11 pt, 7 pixels at 96 dpi for Times New
// Roman as for Calibri, that is 5.25 pt. A cell keeps about one such unit
// for its padding and grid line.
const (
	unitPt  = 7 * 72.0 / 96
	padding = 1.0
	// slack widens every measure: viewers hint glyphs to whole pixels
	// and LibreOffice lays text out a little wider than the font's
	// advances say. Without it a name that just fits here would be cut
	// off or wrap onto a line the row has no room for.
	slack = 1.1
)

// Measure measures text with a font family's advance widths, for column
// widths and row heights that fit the text. It is safe for concurrent use.
type Measure struct {
	regular, bold *fonts.Face
}

// NewMeasure returns the Measure of fam's regular and bold faces; nil
// means Liberation Serif, metric-compatible with Times New Roman.
func NewMeasure(fam *fonts.Family) (*Measure, error) {
	if fam == nil {
		fam = fonts.Liberation()
	}
	r, err := fam.Face(fonts.Regular)
	if err != nil {
		return nil, err
	}
	b, err := fam.Face(fonts.Bold)
	if err != nil {
		return nil, err
	}
	return &Measure{regular: r, bold: b}, nil
}

func (m *Measure) width(s string, size float64, bold bool) float64 {
	f := m.regular
	if bold {
		f = m.bold
	}
	return f.Width(s, size) * slack
}

// Units returns the width, in Excel character units, of a column that
// shows s on one line at size points.
func (m *Measure) Units(s string, size float64, bold bool) float64 {
	return m.width(s, size, bold)/unitPt + padding
}

// WordUnits is Units of the widest word of s: the narrowest column s
// wraps in without breaking a word.
func (m *Measure) WordUnits(s string, size float64, bold bool) float64 {
	w := 0.0
	for rest := s; rest != ""; {
		var word string
		word, rest = nextWord(rest)
		w = max(w, m.width(word, size, bold))
	}
	return w/unitPt + padding
}

// nextWord returns the first word of s, and the rest after it; words are
// separated by white space. It does not allocate.
func nextWord(s string) (word, rest string) {
	i := 0
	for i < len(s) {
		n := spaceAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	s = s[i:]
	for i = 0; i < len(s); {
		if spaceAt(s, i) > 0 {
			return s[:i], s[i:]
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	return s, ""
}

// spaceAt returns the length of the white space (unicode.IsSpace) that
// begins at s[i], or 0: ASCII without decoding, as names mostly are.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// oneWord reports whether s is one word of ASCII: no white space, no line
// feed.
func oneWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || asciiSpace[c] {
			return false
		}
	}
	return s != ""
}

// UnitsFromMM converts a width in millimetres to Excel character units.
func UnitsFromMM(mm float64) float64 { return mm / 25.4 * 72 / unitPt }

// MMFromUnits converts Excel character units to millimetres.
func MMFromUnits(u float64) float64 { return u * unitPt / 72 * 25.4 }

// Lines returns the number of lines s wraps to in a column width units
// wide, breaking at spaces and at line feeds as Excel does; a word wider
// than the column takes as many lines as it needs.
func (m *Measure) Lines(s string, width, size float64, bold bool) int {
	avail := max((width-padding)*unitPt, 1)
	if oneWord(s) { // a number kept as text ("1000"), a code: what the loop below gives
		ww := m.width(s, size, bold)
		if ww > avail {
			return int(math.Ceil(ww / avail))
		}
		return 1
	}
	return m.wordLines(s, avail, size, bold)
}

// wordLines is Lines of s in avail points, word by word.
func (m *Measure) wordLines(s string, avail, size float64, bold bool) int {
	space := m.width(" ", size, bold)
	n := 0
	for more := true; more; {
		var para string
		para, s, more = strings.Cut(s, "\n")
		n++
		cur := 0.0
		for para != "" {
			var w string
			w, para = nextWord(para)
			if w == "" {
				break
			}
			ww := m.width(w, size, bold)
			switch {
			case cur == 0:
			case cur+space+ww <= avail:
				cur += space + ww
				continue
			default:
				n++
			}
			if ww > avail {
				extra := int(math.Ceil(ww/avail)) - 1
				n += extra
				ww -= float64(extra) * avail
			}
			cur = ww
		}
	}
	return n
}
