package pdf

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// copyBlocks lays out a paper copy's block after the document: a rule
// across the text width, the copy's header — the copying body and the
// number centred in the left column, the form ("SAO Y") and the place and
// date in the right, the number level with the date — then its signature
// and Nơi nhận. The rule and header stay with the signature.
func (l *layout) copyBlocks() []block {
	c := l.doc.Copy
	if c == nil {
		return nil
	}
	ml, tw := l.set.MarginLeft, l.textW()
	leftW := l.sp.Head.Left
	lcx, rcx := ml+leftW/2, ml+leftW+(tw-leftW)/2
	rule := block{ops: []Op{{Kind: OpLine, X: ml, Y: 0, W: tw}}, h: 2, before: l.bodyLineH(), keep: true}

	var p Page
	lh := l.font(pagespec.Issuer).Size * pagespec.SingleSpacing * pagespec.PtToMM
	y := 0.8 * l.font(pagespec.Issuer).Size * pagespec.PtToMM
	first := true
	for _, t := range l.names(c.Parent, l.font(pagespec.Parent), leftW) {
		if !first {
			y += lh
		}
		first = false
		y, _ = l.centredWrapped(&p, t, l.font(pagespec.Parent), lcx, leftW, y, lh)
	}
	formY := y
	if !first {
		formY = y + lh // level with the copying body's first bold line
	}
	for _, t := range l.names(c.Issuer, l.font(pagespec.Issuer), leftW) {
		if !first {
			y += lh
		}
		first = false
		y, _ = l.centredWrapped(&p, t, l.font(pagespec.Issuer), lcx, leftW, y, lh)
	}
	l.centred(&p, c.Form, l.font(pagespec.CopyForm), rcx, formY)
	base := max(y, formY) + l.font(pagespec.PlaceDate).Size*pagespec.SingleSpacing*pagespec.PtToMM
	l.centred(&p, c.Number, l.font(pagespec.Number), lcx, base)
	l.centredWrapped(&p, c.PlaceDate, l.font(pagespec.PlaceDate), rcx, tw-leftW, base, l.font(pagespec.PlaceDate).Size*pagespec.SingleSpacing*pagespec.PtToMM)
	head := block{ops: p.Ops, h: base + 0.3*l.font(pagespec.PlaceDate).Size*pagespec.PtToMM, keep: true}

	sig := l.signatureBlock(signParts{[]ir.Signature{c.Signature}, c.NoiNhan, c.Recipients, c.Braces, ir.Text{}})
	return append([]block{rule, head}, sig...)
}
