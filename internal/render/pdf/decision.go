package pdf

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// centredLine lays t out as a centred paragraph at body size in style st,
// kept with what follows (the authority line stays with the bases, the
// decision word with the first article); nothing when t is empty.
func (l *layout) centredLine(t ir.Text, st ir.Style) []block {
	if t.S == "" {
		return nil
	}
	out := l.m.paragraph([]ir.Span{{S: t.S, Style: st}}, l.set.BodySize, l.bodyLineH(), l.set.ParagraphSpacing*pagespec.PtToMM,
		l.set.MarginLeft, l.textW(), 0, 0, alignCenter)
	for i := range out {
		out[i].keep = true
	}
	return out
}

// isDash reports whether w is a hyphen or dash standing alone between
// spaces, as in "Độc lập - Tự do" or "HĐND - UBND".
func isDash(w word) bool {
	if len(w.pieces) != 1 {
		return false
	}
	switch w.pieces[0].s {
	case "-", "–", "—":
		return true
	}
	return false
}
