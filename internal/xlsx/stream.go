package xlsx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/lazyre"
)

// streamRows checks the body rows of s.Source and creates their styles,
// before anything is written, and returns the function that writes them
// as the sheet's XML, the very bytes excelize's StreamWriter.SetRow
// writes for the same rows (see writeSheet), without its per-cell
// interface values, references and temporary file.
func streamRows(st *styles, m *Measure, p Props, s *Sheet) (func(io.Writer) error, error) {
	cols := s.Cols()
	var r Row
	n := s.Source.Len()
	check := n // rows to make once to check them and find their styles
	if tr, ok := s.Source.(*tableRows); ok && tr.valid {
		// Table.StreamSheet checked the rows and found their styles.
		for _, u := range tr.uses {
			if _, err := st.cell(u.c, u.bold); err != nil {
				return nil, err
			}
		}
		check = 0
	}
	for i := range check {
		s.Source.Row(i, &r)
		if err := checkRow(i, &r, cols); err != nil {
			return nil, err
		}
		for _, c := range r.Cells {
			if _, err := st.cell(c, r.Bold); err != nil {
				return nil, err
			}
		}
	}
	refs := make([]string, cols)
	for c := range refs {
		refs[c] = ColName(c)
	}
	top := s.FirstRow()
	return func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 16<<10) // w copies each write on
		var b, row []byte
		// A column's cells mostly share a style: look it up only when
		// it changes.
		last := make([]struct {
			k  styleKey
			id int
		}, cols)
		for c := range last {
			last[c].id = -1
		}
		for i := range n {
			s.Source.Row(i, &r)
			if err := checkRow(i, &r, cols); err != nil { // a source that changed
				return fmt.Errorf("xlsx: sheet %q: %w", s.Name, err)
			}
			b = b[:0]
			lines := 1
			for c, cell := range r.Cells {
				if cell.Kind == Text {
					lines = max(lines, m.Lines(cell.S, s.Widths[c], p.Size, r.Bold))
				}
			}
			row = strconv.AppendInt(row[:0], int64(top+i), 10)
			b = append(b, `<row r="`...)
			b = append(b, row...)
			b = append(b, `" ht="`...)
			b = strconv.AppendFloat(b, min(float64(lines)*lineHeight(p.Size)+3, maxRowHeight), 'f', -1, 64)
			b = append(b, `" customHeight="1">`...)
			for c := range r.Cells {
				cell := &r.Cells[c]
				if k := cell.styleKey(r.Bold); last[c].id < 0 || k != last[c].k {
					id, err := st.cell(*cell, r.Bold)
					if err != nil {
						return err
					}
					last[c].k, last[c].id = k, id
				}
				b = appendCell(b, refs[c], row, last[c].id, cell)
			}
			b = append(b, `</row>`...)
			if _, err := bw.Write(b); err != nil {
				return err
			}
		}
		return bw.Flush()
	}, nil
}

// appendCell appends c as writeCell of excelize's stream.go writes it.
func appendCell(b []byte, col string, row []byte, style int, c *Cell) []byte {
	b = append(b, `<c`...)
	text, space := "", false
	if c.Kind == Text {
		text, space = cellText(c.S)
	}
	if c.Formula != "" && c.Kind == Text && space {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, ` r="`...)
	b = append(b, col...)
	b = append(b, row...)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch {
	case c.Kind == Text && c.Formula == "":
		b = append(b, ` t="inlineStr"`...)
	case c.Kind == Text || (c.Kind == Blank && c.Formula != ""):
		b = append(b, ` t="str"`...)
	}
	b = append(b, '>')
	if c.Formula != "" {
		b = append(b, `<f>`...)
		b = appendEscaped(b, c.Formula)
		b = append(b, `</f>`...)
	}
	switch c.Kind {
	case Int:
		b = append(b, `<v>`...)
		b = strconv.AppendInt(b, c.I, 10)
		b = append(b, `</v>`...)
	case Float:
		b = append(b, `<v>`...)
		d := c.Decimals
		if c.Format == Percent {
			d += 2
		}
		b = appendDecimal(b, c.F, d)
		b = append(b, `</v>`...)
	case Text:
		if c.Formula != "" { // excelize's setStr: the value unescaped, then escaped once
			if t := truncate(c.S); t != "" {
				b = append(b, `<v>`...)
				b = appendEscaped(b, bstr(t))
				b = append(b, `</v>`...)
			}
			break
		}
		b = append(b, `<is><t`...)
		if space {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = append(b, text...)
		b = append(b, `</t></is>`...)
	}
	return append(b, `</c>`...)
}

// cellText is s as excelize stores an inline string: cut to Excel's
// 32.767 characters, escaped with line feeds kept, "_xHHHH_" escaped;
// space tells whether it begins or ends with white space to preserve.
func cellText(s string) (text string, space bool) {
	s = truncate(s)
	if s == "" {
		return "", false
	}
	space = strings.ContainsRune("\t\n\r ", rune(s[0])) || strings.ContainsRune("\t\n\r ", rune(s[len(s)-1]))
	if isPlain(s) {
		return bstr(s), space
	}
	var sb strings.Builder
	_ = xml.EscapeText(&sb, []byte(s))
	return bstr(strings.ReplaceAll(sb.String(), "&#xA;", "\n")), space
}

// appendEscaped appends s as xml.EscapeText writes it, without its
// copies: formulas such as IF(E7>0,…,"") need escaping in every row.
// Runs of bytes that need none are appended whole.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if !escapes[c] {
			i++
			continue
		}
		var esc string
		w := 1
		switch c {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if c < utf8.RuneSelf { // a control character
				esc = "\uFFFD"
				break
			}
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || w > 1) && xmlChar(r) {
				i += w
				continue
			}
			esc = "\uFFFD"
		}
		b = append(append(b, s[start:i]...), esc...)
		i += w
		start = i
	}
	return append(b, s[start:]...)
}

// escapes tells the bytes appendEscaped looks at: control characters,
// " ' & < >, and those of non-ASCII characters, which it checks. A table
// rather than six comparisons: formulas are most of a sheet's bytes.
var escapes = func() (t [256]bool) {
	for c := range t {
		t[c] = c < 0x20 || c >= utf8.RuneSelf || strings.IndexByte(`"'&<>`, byte(c)) >= 0
	}
	return t
}()

// xmlChar is the Char production of XML 1.0, as encoding/xml checks it.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// isPlain reports whether xml.EscapeText leaves s as it is: valid UTF-8
// of characters XML holds, without control characters or any of " ' & <
// >. Most names are.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>' {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && w == 1) || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += w
	}
	return true
}

func truncate(s string) string {
	if len(s) <= maxCellChars { // UTF-8 takes no fewer bytes than UTF-16 units
		return s
	}
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > maxCellChars {
			return s[:i]
		}
	}
	return s
}

var (
	bstrExp       = lazyre.New(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = lazyre.New(`x[a-fA-F\d]{4}_`)
)

// bstr escapes "_xHHHH_" in s as excelize's bstrMarshal does, so that a
// reader does not take it for an escaped character.
func bstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	result := ""
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`); err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// appendDecimal is appendFloat of value, made without strconv's search
// for the shortest digits when value is the double nearest a number of
// at most 15 digits with d decimals, as a figure's cell is (98,8 with 1
// decimal, 78,11% with 2 + 2). Such a decimal is the shortest that reads
// back as value: decimals of up to 15 digits are told apart by doubles.
func appendDecimal(b []byte, value float64, d int) []byte {
	if d < 0 || d >= len(pow10) {
		return appendFloat(b, value)
	}
	x := value * pow10[d]
	if !(math.Abs(x) < 1e15) {
		return appendFloat(b, value)
	}
	m := int64(math.Round(x))
	if float64(m)/pow10[d] != value || (m == 0 && math.Signbit(value)) {
		return appendFloat(b, value)
	}
	u := uint64(m)
	if m < 0 {
		b = append(b, '-')
		u = -u
	}
	p := uint64(pow10[d])
	b = strconv.AppendUint(b, u/p, 10)
	frac := u % p
	if frac == 0 {
		return b
	}
	for frac%10 == 0 { // trailing zeros are not shown
		frac /= 10
		d--
	}
	start := len(b) + 1
	b = strconv.AppendUint(append(b, '.'), frac, 10)
	if k := d - (len(b) - start); k > 0 { // leading zeros: 0,05 is 5 with 2 decimals
		b = append(b, make([]byte, k)...)
		copy(b[start+k:], b[start:])
		for i := range k {
			b[start+i] = '0'
		}
	}
	return b
}

// appendFloat appends value as excelize's formatCellFloat(v, -1, 64)
// writes it: the shortest decimal form, cut to Excel's 15 significant
// digits.
func appendFloat(b []byte, value float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return b
	}
	const maxPrec = 15
	str := b[start:]
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return bytes.TrimSuffix(b[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for ; idx < decimal; idx++ {
			str[idx] = '0'
		}
		return b[:start+decimal]
	}
	return b
}
