package pdf

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"testing"
)

// TestRenumberLikeRegexp compares renumber, hasName and lengthOf with the
// regular expressions they replace, on random text made of the pieces
// those expressions look at.
func TestRenumberLikeRegexp(t *testing.T) {
	ref := regexp.MustCompile(`(\d+) 0 R\b`)
	page := regexp.MustCompile(`/Type /Page\b`)
	pages := regexp.MustCompile(`/Type /Pages\b`)
	length := regexp.MustCompile(`/Length (\d+)`)
	renum := map[int]int{0: 7, 1: 1, 2: 12, 5: 500, 12: 3, 123: 4}
	parts := []string{"0", "1", "2", "5", "12", "123", "9", " ", " 0 R", "R", "_", "x", "/", "\n", "<<", ">>",
		"/Type /Page", "/Type /Pages", "s", "/Length ", "/Length x", "0 R", " 0 "}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b bytes.Buffer
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		in := b.Bytes()
		wantBad := -1
		want := ref.ReplaceAllFunc(in, func(m []byte) []byte {
			old, _ := strconv.Atoi(string(m[:bytes.IndexByte(m, ' ')]))
			nn, ok := renum[old]
			if !ok {
				wantBad = old
				return m
			}
			return []byte(strconv.Itoa(nn) + " 0 R")
		})
		got, bad := renumber([]byte("junk")[:0], in, renum)
		if bad != wantBad || (wantBad < 0 && !bytes.Equal(got, want)) {
			t.Fatalf("renumber(%q) = %q, %d; want %q, %d", in, got, bad, want, wantBad)
		}
		if g, w := hasName(in, "/Type /Page"), page.Match(in); g != w {
			t.Fatalf("hasName(%q, page) = %v, want %v", in, g, w)
		}
		if g, w := hasName(in, "/Type /Pages"), pages.Match(in); g != w {
			t.Fatalf("hasName(%q, pages) = %v, want %v", in, g, w)
		}
		var w []byte
		if m := length.FindSubmatch(in); m != nil {
			w = m[1]
		}
		if g := lengthOf(in); fmt.Sprint(g) != fmt.Sprint(w) {
			t.Fatalf("lengthOf(%q) = %q, want %q", in, g, w)
		}
	}
}
