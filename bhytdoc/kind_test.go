package bhytdoc

import (
	"strings"
	"testing"
)

// appendixIII is the table of abbreviations of Decree 30, Appendix III
// (I. Bảng chữ viết tắt tên loại văn bản hành chính), in its order, with
// Công văn and Thư công (Article 7) that it does not abbreviate.
var appendixIII = []struct{ name, symbol, model string }{
	{"Nghị quyết", "NQ", "1.1"},
	{"Quyết định", "QĐ", "1.2"},
	{"Chỉ thị", "CT", "1.4"},
	{"Quy chế", "QC", "1.4"},
	{"Quy định", "QyĐ", "1.4"},
	{"Thông cáo", "TC", "1.4"},
	{"Thông báo", "TB", "1.4"},
	{"Hướng dẫn", "HD", "1.4"},
	{"Chương trình", "CTr", "1.4"},
	{"Kế hoạch", "KH", "1.4"},
	{"Phương án", "PA", "1.4"},
	{"Đề án", "ĐA", "1.4"},
	{"Dự án", "DA", "1.4"},
	{"Báo cáo", "BC", "1.4"},
	{"Biên bản", "BB", "1.9"},
	{"Tờ trình", "TTr", "1.4"},
	{"Hợp đồng", "HĐ", "1.4"},
	{"Công điện", "CĐ", "1.6"},
	{"Bản ghi nhớ", "BGN", "1.4"},
	{"Bản thỏa thuận", "BTT", "1.4"},
	{"Giấy uỷ quyền", "GUQ", "1.4"}, // spelt with the new tone style in the decree
	{"Giấy mời", "GM", "1.7"},
	{"Giấy giới thiệu", "GGT", "1.8"},
	{"Giấy nghỉ phép", "GNP", "1.10"},
	{"Phiếu gửi", "PG", "1.4"},
	{"Phiếu chuyển", "PC", "1.4"},
	{"Phiếu báo", "PB", "1.4"},
	{"Công văn", "", "1.5"},
	{"Thư công", "", ""},
}

func TestKindsAppendixIII(t *testing.T) {
	if n := len(Kinds()); n != 29 || n != len(appendixIII) {
		t.Fatalf("%d kinds, want the 29 of Decree 30 Article 7", n)
	}
	seen := map[Kind]bool{}
	for _, w := range appendixIII {
		k, err := ParseKind(w.name)
		if err != nil {
			t.Errorf("ParseKind(%q): %v", w.name, err)
			continue
		}
		seen[k] = true
		if k.Symbol() != w.symbol || k.Model() != w.model {
			t.Errorf("%s: symbol %q Mẫu %q, want %q %q", k, k.Symbol(), k.Model(), w.symbol, w.model)
		}
		if w.symbol != "" {
			if s, err := ParseKind(w.symbol); err != nil || s != k {
				t.Errorf("ParseKind(%q) = %v, %v; want %s", w.symbol, s, err, k)
			}
		}
	}
	if len(seen) != 29 {
		t.Errorf("the table names %d distinct kinds, want 29", len(seen))
	}
	// The copy forms' symbols complete the table.
	for f, s := range map[CopyForm]string{SaoY: "SY", TrichSao: "TrS", SaoLuc: "SL"} {
		if f.Symbol() != s {
			t.Errorf("%s: symbol %q, want %q", f, f.Symbol(), s)
		}
	}
}

// TestKindNumberSymbol checks the number each kind prints.
func TestKindNumberSymbol(t *testing.T) {
	for _, k := range Kinds() {
		d := &Document{Kind: k, Number: 5, Issuer: Issuer{Abbrev: "UBND"}}
		want := "05/" + k.Symbol() + "-UBND"
		switch k {
		case CongVan:
			want = "05/UBND"
		case ThuCong:
			want = ""
		}
		if got := d.NumberSymbol(); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
}

// TestClerkChecks: points run a), b), c), d), đ), e) — "e)" after "d)"
// is refused naming its block; a quyết định's "Như Điều N" names an
// article that exists and says who executes it.
func TestClerkChecks(t *testing.T) {
	d := &Document{Body: []Block{
		{Kind: Item, Label: "1."},
		{Kind: Point, Label: "a)"}, {Kind: Point, Label: "b)"}, {Kind: Point, Label: "c)"},
		{Kind: Point, Label: "d)"}, {Kind: Point, Label: "e)"},
		{Kind: Item, Label: "2."},
		{Kind: Point, Label: "a)"}, {Kind: Point, Label: "b)"}, {Kind: Point, Label: "c)"},
		{Kind: Point, Label: "d)"}, {Kind: Point, Label: "đ)"}, {Kind: Point, Label: "e)"}, {Kind: Point, Label: "g)"},
		{Kind: Item, Label: "3."}, {Kind: Point, Label: "b)"},
	}}
	var p problems
	d.validatePoints(&p)
	got := (&ValidationError{Errors: p.errs}).Fields()
	if len(got) != 2 || got[0] != "Body[5].Label" || got[1] != "Body[15].Label" {
		t.Fatalf("fields %v: want Body[5] (e after d) and Body[15] (starts at b)", got)
	}
	if !strings.Contains(p.errs[0].Error(), `"e)" after "d)"`) || !strings.Contains(p.errs[0].Error(), `want "đ)"`) {
		t.Errorf("message: %v", p.errs[0])
	}

	q := &Document{Kind: QuyetDinh, Body: []Block{
		{Kind: Article, Label: "Điều 1.", Text: []Span{{Text: "Giao chỉ tiêu."}}},
		{Kind: Article, Label: "Điều 2.", Text: []Span{{Text: "Chủ tịch các xã chịu trách nhiệm thi hành Quyết định này."}}},
	}}
	for _, c := range []struct {
		first, want string
	}{
		{"Như Điều 2", ""},
		{"Như Điều 3", "has no Điều 3"},
		{"Như Điều 1", "does not say who executes"},
		{"UBND tỉnh", "starts \"Như Điều N\""},
	} {
		q.Recipients = []Recipient{{Name: c.first}}
		var p problems
		q.validateNhuDieu(&p)
		switch {
		case c.want == "" && len(p.errs) > 0:
			t.Errorf("%q: %v", c.first, p.errs)
		case c.want != "" && (len(p.errs) != 1 || !strings.Contains(p.errs[0].Error(), c.want)):
			t.Errorf("%q: %v, want %q", c.first, p.errs, c.want)
		}
	}
}

func TestDocumentModel(t *testing.T) {
	for _, c := range []struct {
		d    Document
		want string
	}{
		{Document{Kind: QuyetDinh, Summary: "Về việc giao chỉ tiêu"}, "1.2"},
		{Document{Kind: QuyetDinh, Summary: "Ban hành Quy chế phối hợp"}, "1.3"},
		{Document{Kind: QuyetDinh, Summary: "Phê duyệt Kế hoạch"}, "1.3"},
		{Document{Kind: QuyChe, IssuedWith: "Kèm theo Quyết định số 12/QĐ-UBND"}, "1.3"},
		{Document{Kind: QuyChe}, "1.4"},
		{Document{Kind: BienBan}, "1.9"},
	} {
		if got := c.d.Model(); got != c.want {
			t.Errorf("%s %q: Mẫu %q, want %q", c.d.Kind, c.d.Summary, got, c.want)
		}
	}
}
