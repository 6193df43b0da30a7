package bhytdoc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// DecisionWord returns the word a decision prints on its own line before
// its articles, without the colon: "Quyết định" for a quyết định, "Quyết
// nghị" for a nghị quyết, "" for other kinds.
func (k Kind) DecisionWord() string {
	switch k {
	case QuyetDinh:
		return "Quyết định"
	case NghiQuyet:
		return "Quyết nghị"
	}
	return ""
}

// hasAuthority reports whether documents of kind k carry a thẩm quyền ban
// hành line (templates 1.1–1.3 of Appendix III).
func (k Kind) hasAuthority() bool {
	return k == QuyetDinh || k == NghiQuyet || k == ChiThi
}

// validateDecision checks the parts of a decision and of a document
// issued with one: the authority line, the proposal, the IssuedWith line
// and the numbering of the articles.
func (d *Document) validateDecision(p *problems) {
	switch {
	case d.Kind.DecisionWord() != "" && strings.TrimSpace(d.Authority) == "":
		p.add("Authority", "empty: a %s names the authority that issues it (\"Ủy ban nhân dân huyện …\")", d.Kind.Name())
	case d.Authority != "" && d.Kind.Valid() && !d.Kind.hasAuthority():
		p.add("Authority", "a %s has no authority line; only a quyết định, nghị quyết or chỉ thị has one", d.Kind.Name())
	}
	if d.Proposal != "" {
		listItem(p, "Proposal", d.Proposal)
	}
	if d.IssuedWith != "" {
		if d.Kind.Valid() && d.Kind.Model() != "1.4" {
			p.add("IssuedWith", "a %s is not issued with a decision: only the kinds of Mẫu 1.4 (quy chế, quy định, kế hoạch …) are", d.Kind.Name())
		}
		if strings.ContainsAny(d.IssuedWith, "()") {
			p.add("IssuedWith", "contains parentheses: the renderer adds them")
		}
	}
	want := 1
	for i, b := range d.Body {
		if b.Kind != Article || !reArticle.MatchString(b.Label) {
			continue
		}
		if n := articleNumber(b.Label); n != want {
			p.add(fmt.Sprintf("Body[%d].Label", i), "%q: articles are numbered in order, want \"Điều %d.\"", b.Label, want)
			want = n
		}
		want++
	}
}

// decisionIR sets the lines of a decision: IssuedWith under the trích
// yếu, the authority, the proposal after the bases, the decision word.
func (d *Document) decisionIR(doc *ir.Doc, proposal string) {
	if s := typo.OneLine(d.IssuedWith); s != "" {
		doc.IssuedWith = ir.Text{S: "(" + s + ")", Field: "IssuedWith"}
	}
	if s := typo.OneLine(d.Authority); s != "" {
		doc.Authority = ir.Text{S: typo.Upper(s), Field: "Authority"}
	}
	if proposal != "" {
		doc.Proposal = ir.Text{S: proposal + ".", Field: "Proposal"}
	}
	if w := d.Kind.DecisionWord(); w != "" {
		doc.Decision = ir.Text{S: typo.Upper(w) + ":", Field: "Kind"}
	}
}

// bodyBlockIR is the one place that decides how a block is styled: parts
// and sections upper case and bold, headings and titled articles bold, an
// article's label always bold; a heading's label is italic when the text
// it heads starts in italics (not a part's, which has a line of its own).
func bodyBlockIR(b *Block, f string) ir.Block {
	blk := ir.Block{Kind: ir.BlockKind(b.Kind), Marker: b.Marker(), Heading: b.Heading, Field: f + ".Label"}
	if b.Table != nil {
		t := tableIR(b.Table, f+".Table")
		blk.Table = &t
	}
	upper := b.Kind == Section || b.Kind == Part
	bold := upper || b.Heading
	if len(b.Text) > 0 {
		blk.Spans = make([]ir.Span, 0, len(b.Text))
	}
	for j, s := range b.Text {
		t := s.Text
		if upper {
			t = typo.Upper(t)
		}
		blk.Spans = append(blk.Spans, ir.Span{S: t, Style: ir.Regular.With(s.Bold || bold, s.Italic), Field: f + ".Text[" + strconv.Itoa(j) + "]"})
	}
	// A part's label is a line of its own, always bold upright.
	italic := bold && b.Kind != Part && len(b.Text) > 0 && b.Text[0].Italic
	blk.MarkerStyle = ir.Regular.With(bold || b.Kind == Article, italic)
	return blk
}
