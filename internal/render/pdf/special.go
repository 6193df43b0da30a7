package pdf

import "github.com/bhytdoc/bhytdoc/internal/ir"

// confirmationBlock lays out a giấy nghỉ phép's confirmation column (Mẫu
// 1.10): under the Nơi nhận and signature table, in its left column, the
// heading in bold and "(Chữ ký, dấu)" in italics, centred, with the room
// a signature and seal take left under them.
func (l *layout) confirmationBlock() []block {
	c := l.doc.Confirmation
	if len(c) == 0 {
		return nil
	}
	ml, w := l.set.MarginLeft, l.cols.signLeft
	slh := sizeSignature * singleSpacing * ptToMM
	var p Page
	y := 0.8 * sizeSignature * ptToMM
	for i, t := range c {
		st := ir.Bold
		if i > 0 {
			st, y = ir.Italic, y+slh
		}
		y, _ = l.centredWrapped(&p, t, st, sizeSignature, ml+w/2, w, y, slh)
	}
	return []block{{ops: p.Ops, h: y + signatureSpace, before: l.bodyLineH()}}
}
