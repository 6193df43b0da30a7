package markdown

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"

	"github.com/yuin/goldmark/text"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// hostile are fragments that Markdown, YAML or the body conventions would
// read as markup if they were written out unescaped, mixed with ordinary
// Vietnamese text with tone marks.
var hostile = []string{
	"*", "**", "_", "__", "|", "#", "##", "<", "<!--", "-->", "<!-- bhytdoc:header -->", ">", "1. ", "1.", "a) ", "4.1. ",
	"- ", "+ ", "\\", "`", "```", "[x](y)", "![a](b)", "&amp;", "&#32;", "&", "Ủy ban", "hòa", "thuỷ", "Uỷ",
	"tiếng Việt có dấu", " ", "  ", "(", ")", ".", ",", "!", "~~~", "---", "===", "\u00a0", "đ", "Phần I",
	"<b>", "{{.X}}", ":", ": ", "'", "\"", "%", "x", "123", "–", "…", "http://a.vn", "*a*", "_b_",
	"~", "[", "]", "=", "+", "-", "\u0301", "e\u0301", "@", "? ", "{", "}", "null", "yes", "0x1F", "1e3",
}

// words are plain Vietnamese fragments.
var words = []string{"bảo hiểm y tế", "Ủy ban nhân dân", "tỷ lệ bao phủ", "hộ cận nghèo", "năm 2022", "đạt 95%", "Phường", "Lê Bình", "x"}

type gen struct{ r *rand.Rand }

func (g gen) pick(ss []string) string { return ss[g.r.IntN(len(ss))] }

// text returns 1–5 random fragments, hostile ones half of the time.
func (g gen) text() string {
	var sb strings.Builder
	for n := 1 + g.r.IntN(5); n > 0; n-- {
		if g.r.IntN(2) == 0 {
			sb.WriteString(g.pick(hostile))
		} else {
			sb.WriteString(g.pick(words))
		}
	}
	return sb.String()
}

// field returns text that is not blank.
// atMost cuts s to n runes, keeping it non-blank: the model bounds the
// length of names and titles.
func atMost(s string, n int) string {
	if r := []rune(s); len(r) > n {
		s = string(r[:n])
	}
	if strings.TrimSpace(s) == "" {
		s = "x"
	}
	return s
}

func (g gen) field() string {
	s := g.text()
	if strings.TrimSpace(s) == "" {
		s += "x"
	}
	return s
}

// item returns text valid as a list item: not blank, not ending with the
// punctuation the renderer adds.
func (g gen) item() string {
	s := strings.TrimRight(g.field(), " ;.")
	if strings.TrimSpace(s) == "" || strings.HasSuffix(s, ";") {
		s += "x"
	}
	return s + g.pick([]string{"", "x", "…", "..", " *"})
}

func (g gen) items(min, max int) []string {
	n := min + g.r.IntN(max-min+1)
	var out []string
	for range n {
		out = append(out, g.item())
	}
	return out
}

func (g gen) spans() []bhytdoc.Span {
	var out []bhytdoc.Span
	for n := 1 + g.r.IntN(4); n > 0; n-- {
		out = append(out, bhytdoc.Span{Text: g.text(), Bold: g.r.IntN(3) == 0, Italic: g.r.IntN(3) == 0})
	}
	if strings.TrimSpace((&bhytdoc.Block{Text: out}).Plain()) == "" {
		out = append(out, bhytdoc.Span{Text: "x"})
	}
	return out
}

var pointLetters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "z"}

func (g gen) block() bhytdoc.Block {
	b := bhytdoc.Block{Kind: bhytdoc.BlockKind(g.r.IntN(11)), Text: g.spans()}
	switch b.Kind {
	case bhytdoc.Part:
		b.Label = g.pick([]string{"Phần", "Chương", "PHẦN", "CHƯƠNG"}) + " " + typo.Roman(1+g.r.IntN(20))
		if g.r.IntN(4) == 0 {
			b.Text = nil
		}
	case bhytdoc.Section:
		b.Label = typo.Roman(1+g.r.IntN(30)) + "."
	case bhytdoc.Item:
		b.Heading = g.r.IntN(2) == 0
		b.Label = g.pick([]string{"1.", "2.", "3.", "10.", "0.", "01.", "999."})
	case bhytdoc.SubItem:
		b.Heading = g.r.IntN(2) == 0
		b.Label = g.pick([]string{"1.1.", "4.2.", "10.3.1.", "01.2."})
	case bhytdoc.Point:
		b.Label = g.pick(pointLetters) + ")"
	case bhytdoc.Article:
		b.Heading = g.r.IntN(2) == 0
		b.Label = "Điều 1." // document renumbers
	case bhytdoc.TableBlock:
		// One header row, no widths: what a GFM table holds.
		t := g.annex().Table
		head := make([]bhytdoc.HeaderCell, t.Cols())
		for c := range head {
			head[c].Text = g.text()
		}
		t.Header = [][]bhytdoc.HeaderCell{head}
		for c := range t.Columns {
			t.Columns[c].Width = 0
		}
		if t.Totals != nil && strings.TrimSpace(strings.Join(t.Totals, "")) == "" {
			t.Totals[0] = "Cộng"
		}
		b.Text, b.Table = nil, &t
	}
	return b
}

// png1 is a valid 1×1 grey PNG: Validate decodes every image.
var png1 = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\b\x00\x00\x00\x00:~\x9bU\x00\x00\x00\x0eIDATx\x9cbb\x00\x04\x00\x00\xff\xff\x00\x06\x00\x03\xfa\xd0Y\xae\x00\x00\x00\x00IEND\xaeB`\x82")

func (g gen) signature() bhytdoc.Signature {
	var s bhytdoc.Signature
	prefixes := []bhytdoc.Prefix{bhytdoc.TM, bhytdoc.KT, bhytdoc.Q, bhytdoc.TL, bhytdoc.TUQ}
	for n := g.r.IntN(3); n > 0; n-- {
		s.Authority = append(s.Authority, bhytdoc.Authority{Prefix: prefixes[g.r.IntN(len(prefixes))], Title: atMost(g.field(), bhytdoc.MaxTitleRunes)})
	}
	if g.r.IntN(4) > 0 || len(s.Authority) == 0 || s.Authority[len(s.Authority)-1].Prefix != bhytdoc.Q {
		s.Position = atMost(g.field(), bhytdoc.MaxTitleRunes)
	}
	s.Name = atMost(g.field(), bhytdoc.MaxNameRunes)
	if g.r.IntN(4) == 0 {
		s.Image = png1
	}
	if g.r.IntN(4) == 0 {
		s.Seal = png1
	}
	return s
}

func (g gen) annex() bhytdoc.Annex {
	a := bhytdoc.Annex{Title: g.field(), Landscape: g.r.IntN(3) == 0}
	a.Coverage = bhytdoc.CoverageDecl(g.r.IntN(3))
	switch g.r.IntN(4) {
	case 0:
		a.Label = g.field()
	case 1:
		a.NoLabel = true
	}
	if g.r.IntN(2) == 0 {
		a.Reference = g.field()
	}
	t := &a.Table
	if g.r.IntN(2) == 0 {
		t.Header = [][]bhytdoc.HeaderCell{{{Text: g.text()}, {Text: g.text()}, {Text: g.text()}}}
	} else {
		t.Header = [][]bhytdoc.HeaderCell{
			{{Text: "STT", RowSpan: 2}, {Text: g.text(), RowSpan: 2}, {Text: g.text(), ColSpan: 2}},
			{{Text: g.text()}, {Text: g.text(), ColSpan: 1, RowSpan: 1}},
		}
	}
	cols := t.Cols()
	if g.r.IntN(3) == 0 {
		for c := 0; c < cols; c++ {
			t.Columns = append(t.Columns, bhytdoc.Column{Align: bhytdoc.Align(g.r.IntN(4)), Width: float64(g.r.IntN(3)) * 12.5})
		}
	}
	row := func() []string {
		r := make([]string, cols)
		for c := range r {
			switch g.r.IntN(3) {
			case 0:
				r[c] = typo.Int(g.r.Int64N(100000))
			case 1:
				r[c] = typo.Percent(g.r.Float64()*100, 2)
			default:
				r[c] = g.text()
			}
		}
		return r
	}
	for n := 1 + g.r.IntN(4); n > 0; n-- {
		t.Rows = append(t.Rows, row())
	}
	if g.r.IntN(2) == 0 {
		t.Totals = row()
	}
	return a
}

// document returns a random valid document that exercises every field
// and every block kind.
func (g gen) document() *bhytdoc.Document {
	// Agreements need their two parties: TestSpecialRoundTrip covers them.
	var kinds []bhytdoc.Kind
	for _, k := range bhytdoc.Kinds() {
		if k != bhytdoc.HopDong && k != bhytdoc.BanGhiNho && k != bhytdoc.BanThoaThuan {
			kinds = append(kinds, k)
		}
	}
	d := &bhytdoc.Document{
		Kind:   kinds[g.r.IntN(len(kinds))],
		Draft:  g.r.IntN(3) == 0,
		Issuer: bhytdoc.Issuer{Name: g.field(), Abbrev: g.pick([]string{"UBND", "BHXH", "SYT-KHTC", "BCĐ"})},
		Number: 1 + g.r.IntN(2000),
		Place:  g.field(),
		Date:   bhytdoc.Date{Year: 2000 + g.r.IntN(30), Month: 1 + g.r.IntN(12), Day: 1 + g.r.IntN(28)},
	}
	if g.r.IntN(2) == 0 {
		d.Issuer.Parent = g.field()
	}
	if g.r.IntN(3) == 0 {
		d.Issuer.Name = g.field() + "\n" + g.field()
	}
	if d.Draft {
		if g.r.IntN(2) == 0 {
			d.Number = 0
		}
		switch g.r.IntN(3) {
		case 0:
			d.Date.Day = 0
		case 1:
			d.Date.Day, d.Date.Month = 0, 0
		}
	}
	if g.r.IntN(2) == 0 {
		d.DraftingUnit = g.pick([]string{"VX", "KGVX", "TH"})
	}
	d.Summary = g.field()
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(d.Summary)), "v/v") {
		d.Summary = "x" + d.Summary
	}
	min := 0
	if d.Kind == bhytdoc.CongVan || d.Kind == bhytdoc.ToTrinh {
		min = 1
	}
	d.Addressees = g.items(min, 3)
	d.Bases = g.items(0, 3)
	d.Attachments = g.items(0, 2)
	for n := 1 + g.r.IntN(12); n > 0; n-- {
		d.Body = append(d.Body, g.block())
	}
	pt := 0
	for i := range d.Body { // points run a), b), c) … in each item
		switch d.Body[i].Kind {
		case bhytdoc.Point:
			d.Body[i].Label = bhytdoc.PointLabel(pt % 23)
			if pt++; pt == 23 {
				pt = 0
			}
		case bhytdoc.Part, bhytdoc.Section, bhytdoc.Item, bhytdoc.SubItem, bhytdoc.Article:
			pt = 0
		}
	}
	art := 0
	for i := range d.Body {
		if d.Body[i].Kind == bhytdoc.Article {
			art++
			d.Body[i].Label = fmt.Sprintf("Điều %d.", art)
		}
	}
	if d.Kind.DecisionWord() != "" || (d.Kind == bhytdoc.ChiThi && g.r.IntN(2) == 0) {
		d.Authority = g.field()
	}
	if g.r.IntN(3) == 0 {
		d.Proposal = g.item()
	}
	if d.Kind.Model() == "1.4" && g.r.IntN(3) == 0 {
		d.IssuedWith = strings.NewReplacer("(", "", ")", "").Replace(g.field())
	}
	for n := 1 + g.r.IntN(2); n > 0; n-- {
		d.Signatures = append(d.Signatures, g.signature())
	}
	for n := g.r.IntN(4); n > 0; n-- {
		r := bhytdoc.Recipient{Name: g.item()}
		if n := len(d.Recipients); n > 0 && (d.Recipients[n-1].Purpose != "" || d.Recipients[n-1].Joined) && g.r.IntN(2) == 0 {
			r.Joined = true
			d.Recipients = append(d.Recipients, r)
			continue
		}
		if g.r.IntN(2) == 0 {
			r.Purpose = strings.NewReplacer("(", "", ")", "").Replace(g.field())
			if strings.TrimSpace(r.Purpose) == "" {
				r.Purpose = "Báo cáo"
			}
		}
		d.Recipients = append(d.Recipients, r)
	}
	d.Luu = g.items(1, 3)
	g.fitKind(d)
	if g.r.IntN(3) == 0 {
		d.Marks = bhytdoc.Marks{Urgency: bhytdoc.Urgency(g.r.IntN(4)), Secrecy: bhytdoc.Secrecy(g.r.IntN(4)),
			Circulation: bhytdoc.Circulation(g.r.IntN(3)), DuThao: g.r.IntN(2) == 0}
		d.Typist = g.pick([]string{"", "PL", "NVA"})
		d.IssuedCopies = g.r.IntN(400)
		d.Contact = g.items(0, 2)
	}
	if g.r.IntN(4) == 0 {
		d.ESign = &bhytdoc.ESignature{Organisation: g.field(), Time: time.Date(2020, 5, 18, g.r.IntN(24), g.r.IntN(60), 7, 123, time.UTC)}
	}
	for n := g.r.IntN(3); n > 0; n-- {
		d.Annexes = append(d.Annexes, g.annex())
	}
	return d
}

// bodyOf converts a Markdown body the way Parse does.
func bodyOf(src string) ([]bhytdoc.Block, error) {
	b := []byte(src)
	root := md.Parser().Parse(text.NewReader(b))
	p := &problems{file: "body"}
	blocks, _ := readBody(root, b, 0, 1, p)
	if err := p.err(); err != nil {
		return nil, err
	}
	return blocks, nil
}

// diff lists the top-level fields (and body blocks) in which a and b
// differ.
func diff(a, b *bhytdoc.Document) string {
	var sb strings.Builder
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := 0; i < va.NumField(); i++ {
		name := va.Type().Field(i).Name
		if name == "Body" {
			for j := 0; j < max(len(a.Body), len(b.Body)); j++ {
				var x, y any = "-", "-"
				if j < len(a.Body) {
					x = a.Body[j]
				}
				if j < len(b.Body) {
					y = b.Body[j]
				}
				if !reflect.DeepEqual(x, y) {
					fmt.Fprintf(&sb, "Body[%d]:\n  got  %+q\n  want %+q\n", j, fmt.Sprintf("%#v", x), fmt.Sprintf("%#v", y))
				}
			}
			continue
		}
		if x, y := va.Field(i).Interface(), vb.Field(i).Interface(); !reflect.DeepEqual(x, y) {
			fmt.Fprintf(&sb, "%s:\n  got  %#v\n  want %#v\n", name, x, y)
		}
	}
	return sb.String()
}

// fitKind makes d what its kind's model requires (Appendix III): no
// number on a thư công, no trích yếu on a giấy giới thiệu or giấy nghỉ
// phép, two signatures on a biên bản, and a document issued with a
// decision has no number, signature or Nơi nhận of its own.
func (g gen) fitKind(d *bhytdoc.Document) {
	switch d.Kind {
	case bhytdoc.ThuCong:
		d.Number = 0
	case bhytdoc.GiayGioiThieu, bhytdoc.GiayNghiPhep:
		d.Summary = ""
	case bhytdoc.BienBan:
		for len(d.Signatures) < 2 {
			d.Signatures = append(d.Signatures, g.signature())
		}
	}
	if d.IssuedWith != "" {
		d.Number, d.Signatures, d.Recipients, d.Luu = 0, nil, nil, nil
	}
	if d.Kind == bhytdoc.QuyetDinh || d.Kind == bhytdoc.NghiQuyet {
		// Nơi nhận starts "Như Điều N", the last article, which says who
		// executes the decision.
		for i := len(d.Body) - 1; i >= 0; i-- {
			if b := &d.Body[i]; b.Kind == bhytdoc.Article {
				b.Text = []bhytdoc.Span{{Text: "Chủ tịch chịu trách nhiệm thi hành"}}
				n := strings.TrimSuffix(strings.TrimPrefix(b.Label, "Điều "), ".")
				d.Recipients = append([]bhytdoc.Recipient{{Name: "Như Điều " + n}}, d.Recipients...)
				if len(d.Recipients) > 1 && d.Recipients[1].Joined {
					d.Recipients[1].Joined = false
				}
				break
			}
		}
	}
}
