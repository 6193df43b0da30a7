package batch

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxNameRunes bounds the length of a file name FileName makes, leaving
// room for a suffix and an extension within the 255 bytes file systems
// allow.
const MaxNameRunes = 80

// maxNameBytes bounds the bytes of a name FileName makes: 80 letters of
// four bytes each would pass 255 with a suffix and an extension.
const maxNameBytes = 200

// FileName makes s safe as a file name on every common file system: text
// in NFC, letters (Vietnamese ones kept as they are) and digits kept, every
// run of other characters — spaces, path separators, punctuation, control
// characters — turned into one "-", no leading or trailing "-" or ".", at
// most MaxNameRunes runes and 200 bytes, and never a name Windows reserves (CON, NUL,
// COM1 …). An empty result is "van-ban".
//
//	FileName("Phường An Bình")  == "Phường-An-Bình"
//	FileName("../Xã Yên/Lạc")   == "Xã-Yên-Lạc"
func FileName(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	dash, n := false, 0
	for _, r := range s {
		if n >= MaxNameRunes || b.Len()+utf8.RuneLen(r)+1 > maxNameBytes {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_' || r == '.' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			dash = false
			b.WriteRune(r)
			n++
			continue
		}
		dash = true
	}
	out := strings.Trim(b.String(), "-.")
	if out == "" {
		return "van-ban"
	}
	if reserved(out) {
		out = "_" + out
	}
	return out
}

// reserved reports whether Windows refuses name (before any extension).
func reserved(name string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(name), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '1' && base[3] <= '9' {
		return true
	}
	return false
}

// ASCIIName is FileName with Vietnamese letters transliterated to ASCII
// the usual way — tone marks and other diacritics dropped, đ → d — for
// systems that mangle other names:
//
//	ASCIIName("Phường An Bình") == "Phuong-An-Binh"
func ASCIIName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case unicode.Is(unicode.Mn, r):
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			b.WriteByte(' ') // another script: a separator, not a guess
		}
	}
	return FileName(b.String())
}

// foldKey is the key under which file systems that ignore case (and
// normalisation, like macOS) see name as the same file.
func foldKey(name string) string { return strings.ToLower(norm.NFC.String(name)) }

// Names hands out unique file names for a batch. The zero value is ready
// to use; a Names is not safe for concurrent use.
type Names struct {
	seen map[string]bool
	next map[string]int // per name, the suffix to try first: every lower one is taken
}

// Unique returns name (made safe with FileName when it is not already)
// or, when that was handed out before — compared without regard to case
// — the first of name-2, name-3 … that was not. The same sequence of
// calls gives the same names.
func (n *Names) Unique(name string) string {
	if n.seen == nil {
		n.seen, n.next = map[string]bool{}, map[string]int{}
	}
	name = FileName(name)
	out, key := name, foldKey(name)
	// Starting where the last search for this name stopped keeps 10.000
	// rows of one name linear, and gives the same names: every suffix
	// below it was taken, and names are never released.
	i := max(n.next[key], 2)
	for n.seen[foldKey(out)] {
		out = name + "-" + strconv.Itoa(i)
		i++
	}
	n.next[key] = i
	n.seen[foldKey(out)] = true
	return out
}
