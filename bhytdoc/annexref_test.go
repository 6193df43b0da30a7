package bhytdoc

import "testing"

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
