package pdf

import "github.com/bhytdoc/bhytdoc/internal/pagespec"

// confirmationBlock lays out a giấy nghỉ phép's confirmation column (Mẫu
// 1.10): under the Nơi nhận and signature table, in its left column, the
// heading in bold and "(Chữ ký, dấu)" in italics, centred, with the room
// a signature and seal take left under them.
func (l *layout) confirmationBlock() []block {
	c := l.doc.Confirmation
	if len(c) == 0 {
		return nil
	}
	ml, w := l.set.MarginLeft, l.sp.Sign.Left
	size := l.font(pagespec.Signature).Size
	slh := size * pagespec.SingleSpacing * pagespec.PtToMM
	var p Page
	y := 0.8 * size * pagespec.PtToMM
	for i, t := range c {
		f := pagespec.Font{Size: size, Style: pagespec.Bold, Align: pagespec.Center}
		if i > 0 {
			f.Style, y = pagespec.Italic, y+slh
		}
		y, _ = l.centredWrapped(&p, t, f, ml+w/2, w, y, slh)
	}
	return []block{{ops: p.Ops, h: y + pagespec.SignatureSpace, before: l.bodyLineH()}}
}
