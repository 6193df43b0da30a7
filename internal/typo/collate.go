package typo

import (
	"bytes"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collatorPool holds Vietnamese collators; a collate.Collator has internal
// buffers and is not safe for concurrent use.
var collatorPool = sync.Pool{New: func() any {
	return collate.New(language.Vietnamese)
}}

// Compare returns -1, 0 or 1 as a sorts before, equal to or after b in
// Vietnamese alphabetical order (CLDR "vi"): letters first, in the order
// a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then tone marks
// (none, huyền, hỏi, ngã, sắc, nặng), then case. So "Dương" < "Đông Hải" <
// "Eakar" and "Anh" < "Ánh" < "Ăn". Byte order would put every "Đ" and
// accented initial after "Z".
func Compare(a, b string) int {
	c := collatorPool.Get().(*collate.Collator)
	r := c.CompareString(a, b)
	collatorPool.Put(c)
	return r
}

// SortStrings sorts ss in place in the order of Compare. The sort is stable:
// strings that collate equal keep their relative order.
func SortStrings(ss []string) {
	if len(ss) < 2 {
		return
	}
	c := collatorPool.Get().(*collate.Collator)
	defer collatorPool.Put(c)
	// Sort keys are computed once per string rather than once per
	// comparison.
	type keyed struct {
		key []byte
		s   string
	}
	var buf collate.Buffer
	ks := make([]keyed, len(ss))
	for i, s := range ss {
		ks[i] = keyed{c.KeyFromString(&buf, s), s}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int { return bytes.Compare(x.key, y.key) })
	for i := range ks {
		ss[i] = ks[i].s
	}
}
