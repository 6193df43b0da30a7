package pdf

import "github.com/bhytdoc/bhytdoc/internal/ir"

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
	leftW := l.cols.headLeft
	lcx, rcx := ml+leftW/2, ml+leftW+(tw-leftW)/2
	rule := block{ops: []Op{{Kind: OpLine, X: ml, Y: 0, W: tw}}, h: 2, before: l.bodyLineH(), keep: true}

	var p Page
	lh := sizeIssuer * singleSpacing * ptToMM
	y := 0.8 * sizeIssuer * ptToMM
	first := true
	for _, t := range l.names(c.Parent, ir.Regular, leftW) {
		if !first {
			y += lh
		}
		first = false
		y, _ = l.centredWrapped(&p, t, ir.Regular, sizeIssuer, lcx, leftW, y, lh)
	}
	formY := y
	if !first {
		formY = y + lh // level with the copying body's first bold line
	}
	for _, t := range l.names(c.Issuer, ir.Bold, leftW) {
		if !first {
			y += lh
		}
		first = false
		y, _ = l.centredWrapped(&p, t, ir.Bold, sizeIssuer, lcx, leftW, y, lh)
	}
	l.centred(&p, c.Form, ir.Bold, sizeTitle, rcx, formY)
	base := max(y, formY) + sizePlaceDate*singleSpacing*ptToMM
	l.centred(&p, c.Number, ir.Regular, sizeNumber, lcx, base)
	l.centredWrapped(&p, c.PlaceDate, ir.Italic, sizePlaceDate, rcx, tw-leftW, base, sizePlaceDate*singleSpacing*ptToMM)
	head := block{ops: p.Ops, h: base + 0.3*sizePlaceDate*ptToMM, keep: true}

	sig := l.signatureBlock(signParts{[]ir.Signature{c.Signature}, c.NoiNhan, c.Copies, c.Braces, ir.Text{}})
	return append([]block{rule, head}, sig...)
}
