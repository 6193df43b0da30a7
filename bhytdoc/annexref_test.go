package bhytdoc

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMentionsAnnex checks the pre-filter of checkAnnexRefs: it must
// find every text reAnnexRef matches, whatever the case, or a reference
// to a missing annex would pass unreported.
func TestMentionsAnnex(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"chi tiết tại Phụ lục II kèm theo", true},
		{"THEO PHỤ LỤC KÈM THEO", true},
		{"như pHụ LụC I", true},
		{"(Phụ lục kèm theo)", true},
		{"phụ lục", true},
		{"Phụ lụ", false},
		{"phu luc kèm theo", false},
		{"Kế hoạch phát triển người tham gia bảo hiểm y tế", false},
		{"", false},
		{"\xff\xfep", false},
	} {
		if got := mentionsAnnex(c.s); got != c.want {
			t.Errorf("mentionsAnnex(%q) = %v, want %v", c.s, got, c.want)
		}
		if reAnnexRef().MatchString(c.s) && !mentionsAnnex(c.s) {
			t.Errorf("%q: reAnnexRef matches but mentionsAnnex does not", c.s)
		}
	}
}

// TestCheckAnnexRefsAnyCase checks that a reference in capitals to an
// annex the document lacks is still reported.
func TestCheckAnnexRefsAnyCase(t *testing.T) {
	d := &Document{Body: []Block{{Text: []Span{{Text: "Chi tiết tại PHỤ LỤC II kèm theo."}}}}}
	var p problems
	d.checkAnnexRefs(&p)
	if p.err() == nil {
		t.Error("a reference to PHỤ LỤC II without annexes passed")
	}
	d.Body[0].Text[0].Text = "Không có tham chiếu."
	p = problems{}
	d.checkAnnexRefs(&p)
	if err := p.err(); err != nil {
		t.Errorf("no reference: %v", err)
	}
}

// TestMentionsAnnexLikeSearch compares mentionsAnnex with a plain search of every
// place, as it was written before it looked for the first letter with
// IndexByte.
func TestMentionsAnnexLikeSearch(t *testing.T) {
	plainSearch := func(s string) bool {
		for i := 0; i+len(annexWord) <= len(s); i++ {
			if strings.EqualFold(s[i:i+len(annexWord)], annexWord) {
				return true
			}
		}
		return false
	}
	pieces := []string{"phụ lục", "PHỤ LỤC", "Phụ Lục", "p", "P", "h", "phụ", " lục", "ph", "x", "ụ", " ", "Phụ lụ"}
	rng := rand.New(rand.NewPCG(21, 7))
	found := 0
	for range 50000 {
		var sb strings.Builder
		for range rng.IntN(6) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		want := plainSearch(s)
		if got := mentionsAnnex(s); got != want {
			t.Fatalf("mentionsAnnex(%q) = %v, want %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d strings mention an annex", found)
	}
}
