package docx

import "github.com/bhytdoc/bhytdoc/internal/pagespec"

// confirmation writes a giấy nghỉ phép's confirmation column (Mẫu 1.10)
// under the signature table: a borderless table whose left cell, as wide
// as Nơi nhận's, holds the heading (bold), "(Chữ ký, dấu)" (italic) and
// the room for a signature and seal.
func (w *builder) confirmation() {
	c := w.doc.Confirmation
	if len(c) == 0 {
		return
	}
	left := w.sp.Sign.Left
	size := w.font(pagespec.Signature).Size
	wl, wr := twips(left), twips(w.textW())-twips(left)
	var ps []para
	for i, t := range c {
		f := pagespec.Font{Size: size, Style: pagespec.Bold, Align: pagespec.Center}
		if i > 0 {
			f.Style = pagespec.Italic
		}
		p := centred(t, f)
		if i == 0 {
			p.before = ptTwips(w.bodyLine())
		}
		ps = append(ps, p)
	}
	// The room a signature and seal take, as under a signer's titles.
	ps = append(ps, para{line: twips(pagespec.SignatureSpace), lineRule: "exact", size: size})
	t := table{widths: []int{wl, wr}, rows: []row{{cantSplit: true, cells: []cell{{w: wl, paras: ps}, {w: wr}}}}}
	w.b.table(&t)
}
