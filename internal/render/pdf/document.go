package pdf

import (
	"fmt"
	"slices"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/namebreak"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
	"github.com/bhytdoc/bhytdoc/internal/signarea"
)

// layout holds the state of laying out one document.
type layout struct {
	m     *metrics
	set   ir.Settings
	doc   *ir.Doc
	sp    *pagespec.Spec
	pages []Page
}

func (l *layout) textW() float64 { return pagespec.PageW - l.set.MarginLeft - l.set.MarginRight }

func (l *layout) bodyLineH() float64 {
	return l.set.BodySize * pagespec.SingleSpacing * l.set.LineSpacing * pagespec.PtToMM
}

// Layout lays doc out on pages: the document itself, then each annex
// starting on a new page. Page numbers are drawn from the second page of
// the document and of each annex. Text that cannot be placed on a page
// is an *OverflowError naming its field; no text is ever positioned off
// the page.
func Layout(doc *ir.Doc, set ir.Settings, m *metrics) ([]Page, error) {
	l := &layout{m: m, set: set, doc: doc, sp: pagespec.For(doc.Kind())}
	var first Page
	y := l.header(&first)
	if limit := pagespec.PageH - set.MarginBottom - l.bodyLineH(); y > limit {
		// The model's length limits keep this from happening; the header
		// cannot continue on another page.
		f := "Issuer.Name"
		if l.sp.SummaryUnderNumber {
			f = "Summary"
		}
		return nil, &OverflowError{Field: f, Msg: fmt.Sprintf("the header is %.0f mm tall, more than the page holds (%.0f mm): shorten the issuer names, place or summary", y, limit)}
	}
	l.contact(&first)
	l.esign(&first, doc.CopyESign)
	for i := range doc.Body {
		if t := doc.Body[i].Table; t != nil {
			if _, err := l.bodyTableGeom(t); err != nil {
				return nil, err
			}
		}
	}
	flow := l.flowBlocks()
	room := pagespec.PageH - set.MarginBottom - set.MarginTop
	for _, b := range flow {
		if b.h > room {
			// Blocks are lines, except the signature block, which cannot
			// break; the model's limits on titles and names keep it
			// within a page.
			return nil, &OverflowError{Field: "Signatures", Msg: fmt.Sprintf("the signature block is %.0f mm tall, more than a page holds (%.0f mm): shorten the titles or names", b.h, room)}
		}
	}
	l.paginate(first, y, flow)
	for i := range doc.Annexes {
		start := len(l.pages)
		if err := l.annex(&doc.Annexes[i]); err != nil {
			return nil, err
		}
		if start < len(l.pages) {
			l.esign(&l.pages[start], doc.ESign)
		}
	}
	if err := onPage(l.pages); err != nil {
		return nil, err
	}
	return l.pages, nil
}

// OverflowError reports text that does not fit on a page, naming the
// model field it came from.
type OverflowError struct {
	Field string
	Msg   string
}

// Error returns "pdf: Field: message".
func (e *OverflowError) Error() string { return "pdf: " + e.Field + ": " + e.Msg }

// onPage checks that every text box lies on its page. The layout bounds
// every size it is given, so a failure here is a layout bug; it is still
// an error rather than text silently drawn where no reader sees it.
func onPage(pages []Page) error {
	const tol = 0.01 // mm
	for i, p := range pages {
		pw, ph := p.size()
		for _, o := range p.Ops {
			if o.Kind != OpText {
				continue
			}
			asc, desc := 0.8*o.Size*pagespec.PtToMM, 0.3*o.Size*pagespec.PtToMM
			if !(o.X >= -tol && o.X+o.W <= pw+tol && o.Y-asc >= -tol && o.Y+desc <= ph+tol) {
				s := []rune(o.S)
				if len(s) > 40 {
					s = append(s[:40], '…')
				}
				return fmt.Errorf("pdf: internal error: text %q would be drawn outside page %d", string(s), i+1)
			}
		}
	}
	return nil
}

// centred adds t, set in f, as one line centred on cx at baseline y and returns its
// width.
func (l *layout) centred(p *Page, t ir.Text, f pagespec.Font, cx, y float64) float64 {
	w := l.m.w(t.S, f.Style, f.Size)
	p.Ops = append(p.Ops, Op{Kind: OpText, X: cx - w/2, Y: y, W: w, S: t.S, Style: f.Style, Size: f.Size})
	return w
}

// centredWrapped wraps t within width around cx, line height lh, first
// baseline y; returns the last baseline and the widest line.
func (l *layout) centredWrapped(p *Page, t ir.Text, f pagespec.Font, cx, width, y, lh float64) (float64, float64) {
	size := f.Size
	lines := l.m.wrapCentred(t.S, f.Style, size, width)
	widest := 0.0
	for i, ln := range lines {
		if i > 0 {
			y += lh
		}
		p.Ops = append(p.Ops, l.m.placeLine(ln, cx-width/2, y, width, size, alignCenter)...)
		widest = max(widest, ln.width)
	}
	return y, widest
}

// ruleGap is how far under a line's baseline its rule goes: below the
// descenders of the line's face (its descent, 1 pt of white and half the
// stroke), and never nearer than 1.8 mm, where it sits on printed
// documents. A face with long descenders moves the rule, and what
// follows it, down.
func (l *layout) ruleGap(font pagespec.Font) float64 {
	return pagespec.RuleGap(l.faces().Descent(font.Style) * font.Size)
}

func (l *layout) rule(p *Page, cx, y, w float64) {
	p.Ops = append(p.Ops, Op{Kind: OpLine, X: cx - w/2, Y: y, W: w, H: 0})
}

// names breaks the lines of an issuing or parent body for a column
// width mm wide before their unit words (package namebreak).
func (l *layout) names(ts []ir.Text, f pagespec.Font, width float64) []ir.Text {
	var out []ir.Text
	w := func(s string) float64 { return l.m.w(s, f.Style, f.Size) }
	for _, t := range ts {
		for _, s := range namebreak.Lines(t.S, w, width) {
			out = append(out, ir.Text{S: s, Field: t.Field})
		}
	}
	return out
}

// header draws ô 1–5 on the first page and returns the y where the flow
// starts.
func (l *layout) header(p *Page) float64 {
	d := l.doc
	ml := l.set.MarginLeft
	leftW := l.sp.Head.Left
	rightW := l.textW() - leftW
	lcx := ml + leftW/2
	rcx := ml + leftW + rightW/2
	// Right column, laid out on its own page so that the left column's
	// number and V/v come first in reading order. The draft mark tops
	// it, and both columns start under the mark: their first lines stay
	// level.
	var right Page
	top := l.set.MarginTop + l.duThao(&right)

	// Left column: parent body, issuing body, rule, number.
	lh := l.font(pagespec.Issuer).Size * pagespec.SingleSpacing * pagespec.PtToMM
	y := top + 0.8*l.font(pagespec.Issuer).Size*pagespec.PtToMM
	first := true
	next := func() {
		if !first {
			y += lh
		}
		first = false
	}
	for _, t := range l.names(d.Parent, l.font(pagespec.Parent), leftW) {
		next()
		y, _ = l.centredWrapped(p, t, l.font(pagespec.Parent), lcx, leftW, y, lh)
	}
	widest := 0.0
	for _, t := range l.names(d.Issuer, l.font(pagespec.Issuer), leftW) {
		next()
		var w float64
		y, w = l.centredWrapped(p, t, l.font(pagespec.Issuer), lcx, leftW, y, lh)
		widest = max(widest, w)
	}
	ruleY := y + l.ruleGap(l.font(pagespec.Issuer))
	l.rule(p, lcx, ruleY, widest*pagespec.RuleRatio)
	leftNumber := ruleY + 1.2*lh

	// Right column: Quốc hiệu, Tiêu ngữ, rule as long as the motto.
	ry := top + 0.8*l.font(pagespec.QuocHieu).Size*pagespec.PtToMM
	l.centred(&right, d.QuocHieu, l.font(pagespec.QuocHieu), rcx, ry)
	ry += l.font(pagespec.TieuNgu).Size * pagespec.SingleSpacing * pagespec.PtToMM
	mw := l.centred(&right, d.TieuNgu, l.font(pagespec.TieuNgu), rcx, ry)
	mottoRule := ry + l.ruleGap(l.font(pagespec.TieuNgu))
	l.rule(&right, rcx, mottoRule, mw)
	rightDate := mottoRule + 1.2*l.font(pagespec.PlaceDate).Size*pagespec.SingleSpacing*pagespec.PtToMM

	// "Số" and the place/date share a baseline (ô 3 level with ô 4).
	base := max(leftNumber, rightDate)
	// A long symbol wraps inside the column rather than run off the page.
	bottom, _ := l.centredWrapped(p, d.Number, l.font(pagespec.Number), lcx, leftW, base, l.font(pagespec.Number).Size*pagespec.SingleSpacing*pagespec.PtToMM)
	if l.sp.SummaryUnderNumber {
		// ô 5b: "V/v …" centred under the number, 6 pt below it.
		vlh := l.font(pagespec.Summary).Size * pagespec.SingleSpacing * pagespec.PtToMM
		vy := bottom + 6*pagespec.PtToMM + vlh
		vy, _ = l.centredWrapped(p, d.Summary, l.font(pagespec.Summary), lcx, leftW, vy, vlh)
		bottom = vy
	}
	if len(d.Marks) > 0 {
		// ô 10a, 10b, 11: the boxes under the number or V/v.
		bottom = l.marks(p, lcx, bottom+0.3*l.font(pagespec.Summary).Size*pagespec.PtToMM)
	}
	dateEnd, _ := l.centredWrapped(&right, d.PlaceDate, l.font(pagespec.PlaceDate), rcx, rightW, base, l.font(pagespec.PlaceDate).Size*pagespec.SingleSpacing*pagespec.PtToMM)
	bottom = max(bottom, dateEnd)
	p.Ops = append(p.Ops, right.Ops...)

	if !l.sp.SummaryUnderNumber {
		// ô 5a: kind name and trích yếu, centred over the full width,
		// with a short rule under the summary.
		cx := ml + l.textW()/2
		tlh := l.font(pagespec.Title).Size * pagespec.SingleSpacing * pagespec.PtToMM
		ty := bottom + 2*tlh
		l.centred(p, d.Title, l.font(pagespec.Title), cx, ty)
		ty += tlh
		var w float64
		ty, w = l.centredWrapped(p, d.Summary, l.font(pagespec.Summary), cx, l.textW(), ty, tlh)
		if d.IssuedWith.S != "" {
			// "(Ban hành kèm theo …)" under the trích yếu, the rule under it.
			ty, _ = l.centredWrapped(p, d.IssuedWith, l.font(pagespec.IssuedWith), cx, l.textW(), ty+tlh, tlh)
		}
		under := l.font(pagespec.Summary) // the rule is under the trích yếu, or the line under it
		if d.IssuedWith.S != "" {
			under = l.font(pagespec.IssuedWith)
		}
		gap := l.ruleGap(under)
		l.rule(p, cx, ty+gap, w*pagespec.RuleRatio)
		bottom = ty + gap
	}
	return bottom + pagespec.UnderHeader(l.bodyLineH())
}

// flowBlocks lays out everything after the header as blocks: Kính gửi,
// bases, body, closing notes, then signature with Nơi nhận.
func (l *layout) flowBlocks() []block {
	d := l.doc
	size := l.set.BodySize
	lh := l.bodyLineH()
	ml := l.set.MarginLeft
	tw := l.textW()
	ps := l.set.ParagraphSpacing * pagespec.PtToMM
	ind := l.set.Indent
	var out []block

	if len(d.Addressees) > 0 {
		kg := l.m.w(d.KinhGui.S+" ", ir.Regular, size)
		if len(d.Addressees) == 1 {
			spans := []ir.Span{{S: d.KinhGui.S + " " + d.Addressees[0].S, Style: ir.Regular}}
			out = append(out, l.m.paragraph(spans, size, lh, lh/2, ml, tw, pagespec.KinhGuiIndent, pagespec.KinhGuiIndent+kg, alignLeft)...)
		} else {
			out = append(out, l.m.paragraph([]ir.Span{{S: d.KinhGui.S}}, size, lh, lh/2, ml, tw, pagespec.KinhGuiIndent, pagespec.KinhGuiIndent, alignLeft)...)
			out[len(out)-1].keep = true
			dash := l.m.w("- ", ir.Regular, size)
			for _, r := range d.Addressees {
				out = append(out, l.m.paragraph([]ir.Span{{S: r.S}}, size, lh, 0, ml, tw, pagespec.RecipientIndent, pagespec.RecipientIndent+dash, alignJustify)...)
			}
		}
		out[len(out)-1].h += lh / 2
	}
	out = append(out, l.centredLine(d.Authority, l.font(pagespec.Authority).Style)...)
	for _, b := range d.Bases {
		out = append(out, l.m.paragraph([]ir.Span{{S: b.S, Style: l.font(pagespec.Basis).Style}}, size, lh, ps, ml, tw, ind, 0, alignJustify)...)
	}
	if d.Proposal.S != "" {
		out = append(out, l.m.paragraph([]ir.Span{{S: d.Proposal.S, Style: l.font(pagespec.Basis).Style}}, size, lh, ps, ml, tw, ind, 0, alignJustify)...)
	}
	out = append(out, l.centredLine(d.Decision, l.font(pagespec.Decision).Style)...)
	// last is where the last paragraph (or table) starts.
	last, text := max(len(out)-pagespec.EndLines, 0), false
	for i := range d.Body {
		last, text = len(out), d.Body[i].Kind != ir.TableBlock
		out = append(out, l.bodyBlock(&d.Body[i])...)
	}
	for _, t := range d.Closing {
		last, text = len(out), true
		out = append(out, l.m.paragraph([]ir.Span{{S: t.S}}, size, lh, ps, ml, tw, ind, 0, alignJustify)...)
	}
	// The signature never sits alone at the top of a page: the last
	// paragraph's last pagespec.EndLines lines travel with it (all of it
	// when pagespec.CarryWhole), a table's last rows.
	if !text || !pagespec.CarryWhole {
		last = max(last, len(out)-pagespec.EndLines)
	}
	for i := last; i < len(out); i++ {
		out[i].keep = true
	}
	out = append(out, l.signatureBlock(signParts{d.Signatures, d.NoiNhan, d.Recipients, d.Braces, d.Typist, true})...)
	out = append(out, l.confirmationBlock()...)
	return append(out, l.copyBlocks()...)
}

// signParts are what a signature block holds: the signatures, the Nơi
// nhận label, lines and groups, and ô 12.
type signParts struct {
	sigs   []ir.Signature
	label  ir.Text
	copies []ir.Text
	braces []ir.Brace
	typist ir.Text
	// areas marks the signature and seal areas for the document record
	// (the document's own blocks, not a paper copy's).
	areas bool
}

func (l *layout) bodyBlock(b *ir.Block) []block {
	size := l.set.BodySize
	lh := l.bodyLineH()
	ml := l.set.MarginLeft
	tw := l.textW()
	ps := l.set.ParagraphSpacing * pagespec.PtToMM
	switch b.Kind {
	case ir.Centered:
		return l.m.paragraph(b.Spans, size, lh, ps, ml, tw, 0, 0, alignCenter)
	case ir.TableBlock:
		return l.bodyTable(b.Table)
	}
	// The ir has decided each span's style, bold headings included.
	spans := b.Spans
	if b.Kind == ir.Part {
		label := l.m.paragraph([]ir.Span{{S: b.Marker, Style: b.MarkerStyle}}, size, lh, ps, ml, tw, 0, 0, alignCenter)
		head := l.m.paragraph(spans, size, lh, 0, ml, tw, 0, 0, alignCenter)
		for i := range label {
			label[i].keep = true
		}
		for i := range head {
			head[i].keep = true
		}
		return append(label, head...)
	}
	if b.Marker != "" {
		spans = append([]ir.Span{{S: b.Marker + " ", Style: b.MarkerStyle}}, spans...)
	}
	a := alignJustify
	out := l.m.paragraph(spans, size, lh, ps, ml, tw, l.set.Indent, 0, a)
	if b.Kind == ir.Section || b.Heading {
		// A heading stays with what follows it.
		for i := range out {
			out[i].keep = true
		}
	}
	return out
}

// signatureBlock lays out Nơi nhận (left) and the signature blocks: the
// first signature on the right, a second one on the left with Nơi nhận
// under the pair. The signatures, the "Nơi nhận:" label and the list
// lines beside them form one block; list entries below the signatures
// (a line, a braced group, ô 12) are a block each, so that a long list
// continues on the next page.
func (l *layout) signatureBlock(d signParts) []block {
	ml := l.set.MarginLeft
	leftW := l.sp.Sign.Left
	rightW := l.textW() - leftW
	var b block
	b.before = l.bodyLineH() / 2
	slh := l.font(pagespec.Signature).Size * pagespec.SingleSpacing * pagespec.PtToMM
	sigBottom := 0.0
	area := int32(0)
	if !d.areas {
		area = -1
	}
	drawSig := func(s *ir.Signature, x, w float64) float64 {
		cx := x + w/2
		y := 0.8*l.font(pagespec.Signature).Size*pagespec.PtToMM + slh*0.2
		var titles Page
		for i, t := range s.Titles {
			if i > 0 {
				y += slh
			}
			y, _ = l.centredWrapped(&titles, t, l.font(pagespec.Signature), cx, w, y, slh)
		}
		b.ops = append(b.ops, titles.Ops...)
		nameY := y + pagespec.SignatureSpace
		l.sigImages(&b, s, cx, w, y, nameY, area)
		area++
		var name Page
		nameEnd, _ := l.centredWrapped(&name, s.Name, l.font(pagespec.Signature), cx, w, nameY, slh)
		b.ops = append(b.ops, name.Ops...)
		return nameEnd + 0.3*l.font(pagespec.Signature).Size*pagespec.PtToMM
	}
	copiesTop := 0.0
	if len(d.sigs) > 0 {
		sigBottom = drawSig(&d.sigs[0], ml+leftW, rightW)
	}
	if len(d.sigs) > 1 {
		sigBottom = max(sigBottom, drawSig(&d.sigs[1], ml, leftW))
		copiesTop = sigBottom + slh
	}
	// Nơi nhận: label level with the first title line, items under it.
	y := copiesTop + 0.8*l.font(pagespec.Signature).Size*pagespec.PtToMM + slh*0.2
	nf := l.font(pagespec.NoiNhan)
	if d.label.S != "" { // a biên bản, an agreement may have no Nơi nhận
		lw := l.m.w(d.label.S, nf.Style, nf.Size)
		b.ops = append(b.ops, Op{Kind: OpText, X: ml, Y: y, W: lw, S: d.label.S, Style: nf.Style, Size: nf.Size})
	}
	clh := l.font(pagespec.Recipients).Size * pagespec.SingleSpacing * pagespec.PtToMM
	desc := 0.3 * l.font(pagespec.Recipients).Size * pagespec.PtToMM
	out := []block{{}}
	beside := true // entries still go beside the signatures
	first := true
	// entry lays out one entry of the list: a line, a braced group
	// (braces renumbered from 0) or, with draw, ô 12.
	entry := func(draw func(u *block, y float64) float64) {
		if beside {
			var u block
			end := draw(&u, y)
			// The first entry always stands beside the signatures, so
			// the label never stands alone.
			if first || end+desc <= sigBottom {
				b.ops = append(b.ops, u.ops...)
				y, first = end, false
				return
			}
			beside = false
		}
		var u block
		end := draw(&u, -desc)
		u.h = end + desc
		out = append(out, u)
	}
	for i := 0; i < len(d.copies); {
		to := i
		var brs []ir.Brace
		if br := braceAt(d.braces, i); br != nil {
			to = min(br.To, len(d.copies)-1)
			brs = []ir.Brace{{From: 0, To: to - i, Purpose: br.Purpose}}
		}
		items := d.copies[i : to+1]
		entry(func(u *block, y float64) float64 { return l.copies(u, ml, y, leftW, items, brs) })
		i = to + 1
	}
	if t := d.typist; t.S != "" {
		// ô 12 under Nơi nhận: "PL.(300)".
		cf := l.font(pagespec.Recipients)
		w := l.m.w(t.S, cf.Style, cf.Size)
		entry(func(u *block, y float64) float64 {
			y += clh
			u.ops = append(u.ops, Op{Kind: OpText, X: ml, Y: y, W: w, S: t.S, Style: cf.Style, Size: cf.Size})
			return y
		})
	}
	b.h = max(sigBottom, y+desc)
	if len(out) > 1 {
		// The list goes on under the signature at the same pitch: the
		// next line follows the last one beside the signature.
		b.h, b.reach = y+desc, b.h
	}
	out[0] = b
	// Never fewer than 4 lines of Nơi nhận alone on a page: the last
	// entries stay together until they hold 4 lines, and with fewer
	// below the signature they stay with it (and it with the last lines
	// of the body).
	tail := 0.0
	for k := len(out) - 1; k > 0; k-- {
		tail += out[k].h
		if tail < pagespec.NoiNhanMinLines*clh-0.01 {
			out[k-1].keep = true
		}
	}
	return out
}

// sigImages adds the signature and seal images between the titles and
// the name: the signature centred, the seal over its left third, as
// Decree 30 has the seal cover about a third of the signature on the left.
// With block >= 0 it marks both areas (OpArea) for the document record,
// with or without images: a digital signature goes there (Decree 30,
// App. I, II.7–8).
func (l *layout) sigImages(b *block, s *ir.Signature, cx, w, titlesEnd, nameY float64, block int32) {
	boxTop := titlesEnd + 2
	boxH := nameY - titlesEnd - 0.8*l.font(pagespec.Signature).Size*pagespec.PtToMM - 3
	iw := min(w*0.5, 45)
	// Where the signature is visible: its box shrunk to the image's
	// aspect ratio, as the writer draws it.
	sx, sw := cx-iw/2, iw
	sy, sh := boxTop, boxH
	if len(s.Image) > 0 {
		o := Op{Kind: OpImage, X: cx - iw/2, Y: boxTop, W: iw, H: boxH, Img: s.Image}
		if x, y, fw, fh, ok := fitImage(o); ok {
			sx, sw, sy, sh = x, fw, y, fh
		}
		b.ops = append(b.ops, o)
	}
	if block >= 0 {
		b.ops = append(b.ops, Op{Kind: OpArea, X: sx, Y: sy, W: sw, H: sh, S: signarea.Signer, Block: block})
	}
	d := min(boxH, 36)
	o := Op{Kind: OpImage, Y: boxTop, W: d, H: d, Img: s.Seal}
	fx, fy, fw, fh := 0.0, boxTop, d, d
	if len(s.Seal) > 0 {
		if _, y, w, h, ok := fitImage(o); ok {
			fy, fw, fh = y, w, h
		}
	}
	// The seal's visible right edge a third of the way into the
	// signature, its left edge kept inside the signature's column.
	o.X = max(sx+sw/3-(d+fw)/2, cx-w/2-(d-fw)/2)
	fx = o.X + (d-fw)/2
	if len(s.Seal) > 0 {
		b.ops = append(b.ops, o)
	}
	if block >= 0 {
		b.ops = append(b.ops, Op{Kind: OpArea, X: fx, Y: fy, W: fw, H: fh, S: signarea.Organisation, Block: block})
	}
}

// paginate places blocks from y on first (and following portrait pages),
// breaking pages before a block that does not fit, and moving back to the
// start of a chain of kept-together blocks when possible.
func (l *layout) paginate(first Page, y float64, flow []block) {
	limit := pagespec.PageH - l.set.MarginBottom - l.contactH() // ô 13 on page 1
	pages := []Page{first}
	top := l.set.MarginTop
	startOfPage := 0 // index of the first block on the current page
	pos := make([]float64, len(flow))
	pageOf := make([]int, len(flow))
	heads := make([]bool, len(flow))
	for i := 0; i < len(flow); i++ {
		b := flow[i]
		before := b.before
		if i == startOfPage && len(pages) > 1 {
			before = 0
		}
		if y+before+max(b.h, b.reach) > limit && i > startOfPage {
			// Walk back over blocks that must stay with this one.
			j := i
			for j > startOfPage && flow[j-1].keep {
				j--
			}
			if j == startOfPage {
				j = i // the whole page is one chain: break here anyway
			}
			pages = append(pages, Page{})
			startOfPage = j
			y = top
			limit = pagespec.PageH - l.set.MarginBottom
			if h := flow[j].head; h != nil {
				// A table row starting a page: its header comes first.
				heads[j] = true
				y += h.h
			}
			i = j - 1
			continue
		}
		y += before
		pos[i] = y
		pageOf[i] = len(pages) - 1
		y += b.h
	}
	// Each page's ops array is sized once: appended op by op, arrays of
	// a few hundred ops were grown (and copied) several times per page.
	count := make([]int, len(pages))
	for i, b := range flow {
		count[pageOf[i]] += len(b.ops)
		if heads[i] {
			count[pageOf[i]] += len(b.head.ops)
		}
	}
	for k := range pages {
		pages[k].Ops = slices.Grow(pages[k].Ops, count[k]+1) // +1: the page number
	}
	for i, b := range flow {
		p := &pages[pageOf[i]]
		if heads[i] {
			for _, o := range b.head.ops {
				o.Y += pos[i] - b.head.h
				p.Ops = append(p.Ops, o)
			}
		}
		for _, o := range b.ops {
			o.Y += pos[i]
			p.Ops = append(p.Ops, o)
		}
	}
	l.addPageNumbers(pages)
	l.pages = append(l.pages, pages...)
}

// addPageNumbers draws numbers 2, 3, … centred in the top margin of every
// page but the first of the sequence.
func (l *layout) addPageNumbers(pages []Page) {
	for i := 1; i < len(pages); i++ {
		p := &pages[i]
		pw, _ := p.size()
		s := itoa(i + 1)
		f := l.font(pagespec.PageNumber)
		w := l.m.w(s, f.Style, f.Size)
		num := Op{Kind: OpText, X: (pw-w)/2 + (l.set.MarginLeft-l.set.MarginRight)/2, Y: l.set.MarginTop/2 + 0.35*f.Size*pagespec.PtToMM, W: w, S: s, Style: f.Style, Size: f.Size}
		p.Ops = slices.Insert(p.Ops, 0, num) // in place when there is room
	}
}
