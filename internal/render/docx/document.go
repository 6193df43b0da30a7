package docx

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image/png"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/namebreak"
	"github.com/bhytdoc/bhytdoc/internal/noinhan"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// Relationship ids of word/document.xml; images follow from ridImage.
const (
	ridStyles   = "rId1"
	ridSettings = "rId2"
	ridHeader   = "rId3" // page number, pages 2 onwards
	ridFirst    = "rId4" // empty header of each section's first page
	ridImage    = 5
)

// image is a PNG part of word/media.
type image struct {
	name string // "image1.png"
	rid  string
	data []byte
	w, h int // pixels
}

// builder writes word/document.xml.
type builder struct {
	doc     *ir.Doc
	set     ir.Settings
	annexes []*AnnexLayout
	tables  []*AnnexLayout // body tables, in order
	// issuedAnnexes and issuedTables lay out doc.Issued's.
	issuedAnnexes, issuedTables []*AnnexLayout
	faces                       [4]*fonts.Face
	sp                          *pagespec.Spec
	b                           buf
	images                      []*image
	byHash                      map[[32]byte]*image
	drawing                     int // last wp:docPr id
	// after is, for the document a decision issues (paper variant), the
	// decision's builder: its sections follow the decision's.
	after *builder
}

// width of s in mm.
func (w *builder) width(s string, st ir.Style, size float64) float64 {
	f := w.faces[st]
	if f == nil {
		return 0
	}
	return f.Width(s, size) * pagespec.PtToMM
}

// widest is the widest line s wraps to in width mm, breaking at spaces
// as the PDF layout does.
func (w *builder) widest(s string, f pagespec.Font, width float64) float64 {
	st, size := f.Style, f.Size
	sp := w.width(" ", st, size)
	cur, best := 0.0, 0.0
	for _, word := range strings.Fields(s) {
		ww := w.width(word, st, size)
		switch {
		case cur == 0:
			cur = ww
		case cur+sp+ww > width:
			best, cur = max(best, cur), ww
		default:
			cur += sp + ww
		}
	}
	return min(max(best, cur), width)
}

// font is how element e is set in this document.
func (w *builder) font(e pagespec.Element) pagespec.Font { return w.sp.Font(e) }

// widthOf is the width of s in mm, set as element e.
func (w *builder) widthOf(s string, e pagespec.Element) float64 {
	f := w.sp.Font(e)
	return w.width(s, f.Style, f.Size)
}

func (w *builder) textW() float64 { return pagespec.PageW - w.set.MarginLeft - w.set.MarginRight }

func (w *builder) bodyLine() float64 {
	return w.set.BodySize * pagespec.SingleSpacing * w.set.LineSpacing
} // pt

// centred is a centred single-spaced paragraph of one run set in f.
func centred(t ir.Text, f pagespec.Font) para {
	return para{jc: "center", runs: []run{{s: t.S, st: f.Style, size: f.Size}}}
}

// element is a centred paragraph of t set as element e, in e's style.
func (w *builder) element(t ir.Text, e pagespec.Element) para {
	p := centred(t, w.font(e))
	p.style = elementStyle(e)
	return p
}

// ruleLine is an empty paragraph whose bottom border is a rule of length
// mm centred in a column colW mm wide.
func ruleLine(length, colW float64) para {
	in := twips((colW - length) / 2)
	return para{rule: true, line: 40, lineRule: "exact", left: in, right: in, size: 2}
}

// body writes the main section then one section per annex; each section
// but the last ends with a paragraph carrying its sectPr.
func (w *builder) body() error {
	b := &w.b
	b.str(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.str(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)
	w.header()
	w.flow()
	if err := w.signatures(); err != nil {
		return err
	}
	w.confirmation()
	if err := w.copyBlock(); err != nil {
		return err
	}
	w.annexSections()
	if w.doc.Issued != nil {
		b.para(&para{line: 20, lineRule: "exact", size: 1, sectPr: w.sectPr(len(w.doc.Annexes) - 1)})
		w.issued()
		b.str("</w:body></w:document>")
		return nil
	}
	b.para(&para{line: 20, lineRule: "exact", size: 1})
	b.str(w.sectPr(len(w.doc.Annexes) - 1))
	b.str("</w:body></w:document>")
	return nil
}

// annexSections writes each annex as a section of its own, closing the
// section before it.
func (w *builder) annexSections() {
	for i := range w.doc.Annexes {
		w.b.para(&para{line: 20, lineRule: "exact", size: 1, sectPr: w.sectPr(i - 1)})
		w.annex(i)
	}
}

// sectPr returns the properties of section i (-1: the document, else
// annex i), in CT_SectPr order. Every section numbers its own pages from
// 1 and shows no number on its first page (w:titlePg).
func (w *builder) sectPr(i int) string {
	landscape := i >= 0 && w.annexes[i].Landscape
	var b buf
	first := ridFirst
	switch {
	case i >= 0 && len(w.doc.ESign) > 0:
		first = ridESign
	case i < 0 && len(w.doc.CopyESign) > 0:
		first = ridCopyESign
	}
	b.str(`<w:sectPr><w:headerReference w:type="default" r:id="` + ridHeader + `"/><w:headerReference w:type="first" r:id="` + first + `"/>`)
	if len(w.first().doc.Contact) > 0 {
		// Sections inherit footers: the annexes name an empty one.
		foot := ridContact
		if i >= 0 || w.after != nil {
			foot = ridNoFoot
		}
		b.str(`<w:footerReference w:type="first" r:id="` + foot + `"/>`)
	}
	if i >= 0 || w.after != nil {
		b.str(`<w:type w:val="nextPage"/>`)
	}
	pw, ph := twips(pagespec.PageW), twips(pagespec.PageH)
	b.str("<w:pgSz")
	if landscape {
		b.attr("w:w", ph)
		b.attr("w:h", pw)
		b.str(` w:orient="landscape"/>`)
	} else {
		b.attr("w:w", pw)
		b.attr("w:h", ph)
		b.str("/>")
	}
	// The page number's baseline sits where the PDF draws it, half way
	// down the top margin.
	hdr := w.set.MarginTop/2 + 0.35*w.font(pagespec.PageNumber).Size*pagespec.PtToMM - 0.95*w.font(pagespec.PageNumber).Size*pagespec.PtToMM
	b.str("<w:pgMar")
	b.attr("w:top", twips(w.set.MarginTop))
	b.attr("w:right", twips(w.set.MarginRight))
	b.attr("w:bottom", twips(w.set.MarginBottom))
	b.attr("w:left", twips(w.set.MarginLeft))
	b.attr("w:header", twips(hdr))
	b.attr("w:footer", twips(w.set.MarginBottom/2))
	b.str(` w:gutter="0"/><w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>`)
	return b.String()
}

// names breaks the lines of an issuing or parent body for a column
// width mm wide before their unit words, as the PDF does (package
// namebreak); each line is a paragraph of its own.
func (w *builder) names(ts []ir.Text, f pagespec.Font, width float64) []ir.Text {
	var out []ir.Text
	measure := func(s string) float64 { return w.width(s, f.Style, f.Size) }
	for _, t := range ts {
		for _, s := range namebreak.Lines(t.S, measure, width) {
			out = append(out, ir.Text{S: s, Field: t.Field})
		}
	}
	return out
}

// header writes ô 1–5: the two-column table, then for a kind other than
// công văn the kind name and trích yếu with their rule.
func (w *builder) header() {
	d := w.doc
	left := w.sp.Head.Left
	right := w.textW() - left
	var l, r []para
	widest := 0.0
	for _, t := range w.names(d.Parent, w.font(pagespec.Parent), left) {
		l = append(l, w.element(t, pagespec.Parent))
	}
	for _, t := range w.names(d.Issuer, w.font(pagespec.Issuer), left) {
		l = append(l, w.element(t, pagespec.Issuer))
		widest = max(widest, w.widest(t.S, w.font(pagespec.Issuer), left))
	}
	l = append(l, ruleLine(widest*pagespec.RuleRatio, left))
	r = append(r, w.element(d.QuocHieu, pagespec.QuocHieu), w.element(d.TieuNgu, pagespec.TieuNgu))
	r = append(r, ruleLine(min(w.widthOf(d.TieuNgu.S, pagespec.TieuNgu), right), right))

	num := w.element(d.Number, pagespec.Number)
	num.before = ptTwips(7)
	date := w.element(d.PlaceDate, pagespec.PlaceDate)
	date.before = ptTwips(5)
	wl, wr := twips(left), twips(w.textW())-twips(left)
	t := table{widths: []int{wl, wr}}
	if d.DuThao.S != "" {
		// The draft mark has a row of its own over the right column, so
		// that both columns start under it, level as in the PDF.
		gap := para{line: 20, lineRule: "exact", size: 1}
		t.rows = append(t.rows, row{cells: []cell{{w: wl, paras: []para{gap}}, {w: wr, paras: []para{w.markPara(d.DuThao, 0, false, true, w.textW()-left)}}}})
	}
	t.rows = append(t.rows, []row{
		{cells: []cell{{w: wl, paras: l}, {w: wr, paras: r}}},
		{cells: []cell{{w: wl, paras: []para{num}}, {w: wr, paras: []para{date}}}},
	}...)
	var under []para // V/v and the marks under the number
	if w.sp.SummaryUnderNumber {
		vv := w.element(d.Summary, pagespec.Summary)
		vv.before = ptTwips(6)
		under = append(under, vv)
	}
	under = append(under, w.markParas(left)...)
	if len(under) > 0 {
		t.rows = append(t.rows, row{cells: []cell{{w: wl, paras: under}, {w: wr}}})
	}
	w.b.table(&t)
	if w.sp.SummaryUnderNumber {
		return
	}
	title := w.element(d.Title, pagespec.Title)
	title.before = ptTwips(w.font(pagespec.Title).Size * pagespec.SingleSpacing)
	title.keepNext = true
	sum := w.element(d.Summary, pagespec.Summary)
	sum.keepNext = true
	w.b.para(&title)
	w.b.para(&sum)
	if d.IssuedWith.S != "" {
		iw := centred(d.IssuedWith, w.font(pagespec.IssuedWith))
		iw.keepNext = true
		w.b.para(&iw)
	}
	rl := ruleLine(w.widest(d.Summary.S, w.font(pagespec.Summary), w.textW())*pagespec.RuleRatio, w.textW())
	rl.after = ptTwips(pagespec.UnderHeader(w.bodyLine()))
	w.b.para(&rl)
}

// flow writes Kính gửi, the bases, the body and the closing notes.
func (w *builder) flow() {
	d := w.doc
	size := w.set.BodySize
	lh := w.bodyLine()
	var ps []para
	body := func(runs []run) para {
		return para{
			before: ptTwips(w.set.ParagraphSpacing), line: int(240*w.set.LineSpacing + 0.5), lineRule: "auto",
			first: twips(w.set.Indent), jc: "both", runs: runs, style: styleBody, styled: true,
		}
	}
	if len(d.Addressees) > 0 {
		kg := w.width(d.KinhGui.S+" ", ir.Regular, size)
		base := para{line: int(240*w.set.LineSpacing + 0.5), lineRule: "auto"}
		if len(d.Addressees) == 1 {
			p := base
			p.before = ptTwips(lh / 2)
			p.left, p.hanging = twips(pagespec.KinhGuiIndent+kg), twips(kg)
			p.runs = []run{{s: d.KinhGui.S + " " + d.Addressees[0].S, size: size}}
			ps = append(ps, p)
		} else {
			p := base
			p.before = ptTwips(lh / 2)
			p.first = twips(pagespec.KinhGuiIndent)
			p.keepNext = true
			p.runs = []run{{s: d.KinhGui.S, size: size}}
			ps = append(ps, p)
			dash := w.width("- ", ir.Regular, size)
			for _, t := range d.Addressees {
				p := base
				p.left, p.hanging = twips(pagespec.RecipientIndent+dash), twips(dash)
				p.jc = "both"
				p.runs = []run{{s: t.S, size: size}}
				ps = append(ps, p)
			}
		}
		ps[len(ps)-1].after = ptTwips(lh / 2)
	}
	centredLine := func(t ir.Text, e pagespec.Element) {
		if t.S == "" {
			return
		}
		p := centred(t, pagespec.Font{Size: size, Style: w.font(e).Style})
		p.before = ptTwips(w.set.ParagraphSpacing)
		p.line, p.lineRule = int(240*w.set.LineSpacing+0.5), "auto"
		p.keepNext = true
		ps = append(ps, p)
	}
	centredLine(d.Authority, pagespec.Authority)
	for _, t := range d.Bases {
		ps = append(ps, body([]run{{s: t.S, st: w.font(pagespec.Basis).Style, size: size}}))
	}
	if d.Proposal.S != "" {
		ps = append(ps, body([]run{{s: d.Proposal.S, st: w.font(pagespec.Basis).Style, size: size}}))
	}
	centredLine(d.Decision, pagespec.Decision)
	nextTable := 0
	flush := func() {
		for i := range ps {
			w.b.para(&ps[i])
		}
		ps = ps[:0]
	}
	for i := range d.Body {
		blk := &d.Body[i]
		if blk.Kind == ir.TableBlock {
			// A table is not a paragraph: write what came before it, then
			// the table, then a small gap as in the PDF.
			if len(ps) > 0 {
				ps[len(ps)-1].keepNext = true
			}
			flush()
			keep := 0
			if i == len(d.Body)-1 && len(d.Closing) == 0 {
				// The body's last block: its last rows go with the
				// signature, as in the PDF.
				keep = pagespec.EndLines
			}
			w.gridTable(blk.Table, w.tables[nextTable], keep)
			nextTable++
			gap := para{line: twips(w.set.ParagraphSpacing * pagespec.PtToMM / 2), lineRule: "exact", size: 1}
			ps = append(ps, gap)
			continue
		}
		if blk.Kind == ir.Centered {
			p := body(nil)
			p.styled = false // centred: an exception to the style
			p.first, p.jc = 0, "center"
			for _, s := range blk.Spans {
				p.runs = append(p.runs, run{s: s.S, st: s.Style, size: size})
			}
			ps = append(ps, p)
			continue
		}
		// The ir has decided each span's style, bold headings included.
		var runs []run
		for _, s := range blk.Spans {
			runs = append(runs, run{s: s.S, st: s.Style, size: size})
		}
		if blk.Kind == ir.Part {
			label := centred(ir.Text{S: blk.Marker}, pagespec.Font{Size: size, Style: blk.MarkerStyle})
			label.before = ptTwips(w.set.ParagraphSpacing)
			label.line, label.lineRule = int(240*w.set.LineSpacing+0.5), "auto"
			label.keepNext = true
			label.style = stylePart
			head := label
			head.before = 0
			head.runs = runs
			ps = append(ps, label, head)
			continue
		}
		if blk.Marker != "" {
			// The numbering is literal text, so it survives editing and
			// copying exactly as printed.
			runs = append([]run{{s: blk.Marker + " ", st: blk.MarkerStyle, size: size}}, runs...)
		}
		p := body(runs)
		p.keepNext = blk.Kind == ir.Section || blk.Heading
		p.style = blockStyle[blk.Kind]
		ps = append(ps, p)
	}
	for _, t := range d.Closing {
		ps = append(ps, body([]run{{s: t.S, size: size}}))
	}
	// The signature never stands alone at the top of a page: the last
	// paragraph's last lines go with it (keep-with-next, under widow
	// control), or all of it, as pagespec.CarryWhole says.
	if len(ps) > 0 {
		ps[len(ps)-1].keepNext = true
		ps[len(ps)-1].keepLines = pagespec.CarryWhole
	}
	flush()
}

// signatures writes the signature blocks and Nơi nhận side by side in a
// borderless table: the first signature on the right; a second one on
// the left with Nơi nhận under the pair.
func (w *builder) signatures() error {
	d := w.doc
	field := func(i int) string { return fmt.Sprintf("Signatures[%d]", i) }
	return w.signaturesOf(signParts{d.Signatures, field, d.NoiNhan, d.Recipients, d.Braces, d.Typist})
}

// signParts are what a signature table holds: the signatures (field
// names their model field, for errors), the Nơi nhận label, lines and
// groups, and ô 12.
type signParts struct {
	sigs   []ir.Signature
	field  func(i int) string
	label  ir.Text
	copies []ir.Text
	braces []ir.Brace
	typist ir.Text
}

func (w *builder) signaturesOf(d signParts) error {
	left := w.sp.Sign.Left
	right := w.textW() - left
	wl, wr := twips(left), twips(w.textW())-twips(left)
	top := ptTwips(w.bodyLine()/2 + 0.2*w.font(pagespec.Signature).Size*pagespec.SingleSpacing)
	noiNhan := func(before int) []para {
		var out []para
		if d.label.S != "" { // a biên bản, an agreement may have no Nơi nhận
			out = append(out, para{style: elementStyle(pagespec.NoiNhan), before: before, runs: []run{{s: d.label.S, st: w.font(pagespec.NoiNhan).Style, size: w.font(pagespec.NoiNhan).Size}}})
		}
		dash := twips(w.widthOf("- ", pagespec.Recipients))
		for i := 0; i < len(d.copies); i++ {
			br := braceAt(d.braces, i)
			if br == nil {
				out = append(out, para{style: styleNoiNhan, left: dash, hanging: dash, runs: []run{{s: d.copies[i].S, size: w.font(pagespec.Recipients).Size}}})
				continue
			}
			// A group sharing a purpose: a borderless table inside the
			// Nơi nhận cell, the names left, the purpose right of a rule
			// spanning them (the brace), centred on the group, in the
			// widths noinhan.Fit gives the PDF too.
			to := min(br.To, len(d.copies)-1)
			var texts []string
			for k := br.From; k <= to; k++ {
				texts = append(texts, d.copies[k].S)
			}
			g := noinhan.Fit(texts, br.Purpose.S, left, w.widthOf("- ", pagespec.Recipients), func(s string) float64 { return w.widthOf(s, pagespec.Recipients) })
			gap := twips(pagespec.BraceGap)
			var names []para
			for k := br.From; k <= to; k++ {
				names = append(names, para{style: styleNoiNhan, left: dash, right: gap, hanging: dash, runs: []run{{s: d.copies[k].S, size: w.font(pagespec.Recipients).Size}}})
			}
			nw := twips(g.Names) + gap
			pwT := twips(left) - nw
			purpose := para{style: styleNoiNhan, left: gap, runs: []run{{s: br.Purpose.S, size: w.font(pagespec.Recipients).Size}}}
			out = append(out, para{table: &table{widths: []int{nw, pwT}, rows: []row{{cantSplit: true, cells: []cell{
				{w: nw, paras: names},
				{w: pwT, spine: true, vAlign: "center", paras: []para{purpose}},
			}}}}})
			i = to
		}
		if d.typist.S != "" {
			out = append(out, para{runs: []run{{s: d.typist.S, size: w.font(pagespec.Recipients).Size}}})
		}
		return out
	}
	if len(d.sigs) == 0 && d.label.S == "" {
		return nil // Mẫu 1.3's companion: neither signature nor Nơi nhận
	}
	t := table{widths: []int{wl, wr}}
	var err error
	sig := func(i int, width float64) []para {
		if i >= len(d.sigs) {
			return nil
		}
		var ps []para
		ps, err = w.signature(&d.sigs[i], d.field(i), width, top)
		return ps
	}
	if len(d.sigs) > 1 {
		t.rows = append(t.rows,
			row{cantSplit: true, cells: []cell{{w: wl, paras: sig(1, left)}, {w: wr, paras: sig(0, right)}}},
			row{cantSplit: true, cells: []cell{{w: wl, paras: noiNhan(ptTwips(w.font(pagespec.Signature).Size * pagespec.SingleSpacing))}, {w: wr}}})
	} else {
		t.rows = append(t.rows, row{cantSplit: true, cells: []cell{{w: wl, paras: noiNhan(top)}, {w: wr, paras: sig(0, right)}}})
	}
	if err != nil {
		return err
	}
	w.b.table(&t)
	return nil
}

// signature returns the paragraphs of one signature block in a column
// width mm wide: titles, the room for signature and seal (holding their
// images), the name.
func (w *builder) signature(s *ir.Signature, field string, width float64, before int) ([]para, error) {
	var ps []para
	for _, t := range s.Titles {
		ps = append(ps, centred(t, w.font(pagespec.Signature)))
	}
	if len(ps) > 0 {
		ps[0].before = before
	}
	lh := w.font(pagespec.Signature).Size * pagespec.SingleSpacing * pagespec.PtToMM
	room := pagespec.SignatureSpace - lh
	space := para{jc: "center", line: twips(room), lineRule: "atLeast", size: w.font(pagespec.Signature).Size}
	// The PDF's image boxes: the signature centred, at most half the
	// column and 45 mm wide; the seal over its left third.
	boxH := pagespec.SignatureSpace - 0.8*w.font(pagespec.Signature).Size*pagespec.PtToMM - 3
	sigW := min(width*0.5, 45) // the signature's visible width
	if len(s.Image) > 0 {
		img, err := w.image(s.Image, field+".Image")
		if err != nil {
			return nil, err
		}
		iw, ih := fit(img, min(width*0.5, 45), boxH)
		sigW = iw
		space.runs = append(space.runs, run{drawing: w.inline(img, iw, ih, "Chữ ký")})
	}
	if len(s.Seal) > 0 {
		img, err := w.image(s.Seal, field+".Seal")
		if err != nil {
			return nil, err
		}
		box := min(boxH, 36)
		iw, ih := fit(img, box, box)
		// Its right edge a third of the way into the centred signature,
		// its left edge inside the column.
		x := max(width/2-sigW/2+sigW/3-iw, 0)
		y := (room-boxH)/2 + (box-ih)/2
		space.runs = append(space.runs, run{drawing: w.anchor(img, x, y, iw, ih, "Dấu")})
	}
	ps = append(ps, space, centred(s.Name, w.font(pagespec.Signature)))
	for i := range ps {
		ps[i].style = styleSignature
	}
	return ps, nil
}

// fit returns the size in mm of img scaled into a w×h box, keeping its
// aspect ratio.
func fit(img *image, w, h float64) (float64, float64) {
	iw, ih := w, w*float64(img.h)/float64(img.w)
	if ih > h {
		iw, ih = h*float64(img.w)/float64(img.h), h
	}
	return iw, ih
}

// image adds a PNG part (once per distinct content) and returns it.
func (w *builder) image(data []byte, field string) (*image, error) {
	sum := sha256.Sum256(data)
	if img, ok := w.byHash[sum]; ok {
		return img, nil
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", field, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("%s: empty image", field)
	}
	n := len(w.images) + 1
	img := &image{name: "image" + strconv.Itoa(n) + ".png", rid: "rId" + strconv.Itoa(ridImage+n-1), data: data, w: cfg.Width, h: cfg.Height}
	w.images = append(w.images, img)
	w.byHash[sum] = img
	return img, nil
}

func (w *builder) graphic(img *image, cx, cy int64) string {
	var b buf
	b.str(`<a:graphic><a:graphicData uri="`+nsPic+`"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="`, img.name, `"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="`, img.rid, `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="`)
	b.str(strconv.FormatInt(cx, 10), `" cy="`, strconv.FormatInt(cy, 10), `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>`)
	return b.String()
}

func (w *builder) docPr(name string) string {
	w.drawing++
	var b buf
	b.str("<wp:docPr")
	b.attr("id", w.drawing)
	b.str(` name="`)
	b.esc(name + " " + strconv.Itoa(w.drawing))
	b.str(`"/>`)
	return b.String()
}

// inline is a w:drawing of img in the line, w×h mm.
func (w *builder) inline(img *image, wmm, hmm float64, name string) string {
	cx, cy := emu(wmm), emu(hmm)
	ext := `<wp:extent cx="` + strconv.FormatInt(cx, 10) + `" cy="` + strconv.FormatInt(cy, 10) + `"/>`
	return `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">` + ext + w.docPr(name) +
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` + w.graphic(img, cx, cy) + `</wp:inline></w:drawing>`
}

// anchor is a w:drawing of img floating in front of the text at x mm
// from the column's left edge and y mm below the paragraph's top.
func (w *builder) anchor(img *image, x, y, wmm, hmm float64, name string) string {
	cx, cy := emu(wmm), emu(hmm)
	return `<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="` + strconv.Itoa(w.drawing+2) +
		`" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>` +
		`<wp:positionH relativeFrom="column"><wp:posOffset>` + strconv.FormatInt(emu(x), 10) + `</wp:posOffset></wp:positionH>` +
		`<wp:positionV relativeFrom="paragraph"><wp:posOffset>` + strconv.FormatInt(emu(y), 10) + `</wp:posOffset></wp:positionV>` +
		`<wp:extent cx="` + strconv.FormatInt(cx, 10) + `" cy="` + strconv.FormatInt(cy, 10) + `"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
		w.docPr(name) + `<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` + w.graphic(img, cx, cy) + `</wp:anchor></w:drawing>`
}

// annex writes annex i: label, title, reference with its rule, then the
// table with its header rows repeated on every page.
func (w *builder) annex(i int) {
	a := &w.doc.Annexes[i]
	lay := w.annexes[i]
	pw := pagespec.PageW
	if lay.Landscape {
		pw = pagespec.PageH
	}
	aw := pw - w.set.MarginLeft - w.set.MarginRight
	label := centred(a.Label, w.font(pagespec.AnnexLabel))
	title := centred(a.Title, w.font(pagespec.AnnexTitle))
	ref := centred(a.Reference, w.font(pagespec.AnnexReference))
	rl := ruleLine(w.widest(a.Reference.S, w.font(pagespec.AnnexReference), aw)*pagespec.RuleRatio, aw)
	rl.after = ptTwips(0.6 * w.font(pagespec.AnnexTitle).Size * pagespec.SingleSpacing)
	for _, p := range []*para{&label, &title, &ref, &rl} {
		if p == &label && a.Label.S == "" {
			continue
		}
		p.keepNext = true
		w.b.para(p)
	}
	w.gridTable(&a.Table, lay, 0)
}

// gridTable writes a bordered table (an annex's or the body's) with its
// header rows repeated on every page, in lay's size and column widths;
// its last keep rows keep with what follows.
func (w *builder) gridTable(t *ir.Table, lay *AnnexLayout, keep int) {
	n := len(lay.Widths)
	tb := table{borders: true, jc: "center", mar: [4]int{twips(pagespec.CellVPad), twips(pagespec.CellPad), twips(pagespec.CellVPad), twips(pagespec.CellPad)}}
	tb.widths = make([]int, n)
	for c, mm := range lay.Widths {
		tb.widths[c] = twips(mm)
	}
	size := lay.Size
	text := func(s string, st ir.Style, jc string) []para {
		return []para{{style: styleTable, jc: jc, runs: []run{{s: s, st: st, size: size}}, size: size}}
	}
	// Place the header cells on the grid; a cell covered from the row
	// above becomes a vMerge continuation.
	rows := len(t.Header)
	owner := make([][]int, rows)
	for r := range owner {
		owner[r] = make([]int, n)
		for c := range owner[r] {
			owner[r][c] = -1
		}
	}
	var cells []ir.Cell
	for _, hr := range t.Header {
		cells = append(cells, hr...)
	}
	for k, c := range cells {
		for r := max(c.Row, 0); r < min(c.Row+max(c.RowSpan, 1), rows); r++ {
			for col := max(c.Col, 0); col < min(c.Col+max(c.ColSpan, 1), n); col++ {
				owner[r][col] = k
			}
		}
	}
	spanW := func(col, span int) int {
		s := 0
		for c := col; c < col+span; c++ {
			s += tb.widths[c]
		}
		return s
	}
	for r := 0; r < rows; r++ {
		hr := row{header: true, cantSplit: true}
		for col := 0; col < n; {
			k := owner[r][col]
			if k < 0 || cells[k].Col != col {
				hr.cells = append(hr.cells, cell{w: tb.widths[col], span: 1})
				col++
				continue
			}
			c := cells[k]
			span := min(max(c.ColSpan, 1), n-col)
			hc := cell{w: spanW(col, span), span: span, vAlign: "center"}
			switch {
			case c.Row != r:
				hc.vMerge = "continue"
			case c.RowSpan > 1:
				hc.vMerge = "restart"
			}
			if c.Row == r {
				hc.paras = text(c.Text.S, w.font(pagespec.TableHeader).Style, "center")
			}
			hr.cells = append(hr.cells, hc)
			col += span
		}
		tb.rows = append(tb.rows, hr)
	}
	jc := func(c int) string {
		if c < len(t.Align) {
			switch t.Align[c] {
			case ir.Center:
				return "center"
			case ir.Right:
				return "right"
			}
		}
		return "left"
	}
	bodyRow := func(src []ir.Text, st ir.Style) row {
		br := row{cantSplit: true}
		for c := 0; c < n; c++ {
			s := ""
			if c < len(src) {
				s = src[c].S
			}
			br.cells = append(br.cells, cell{w: tb.widths[c], span: 1, vAlign: "center", paras: text(s, st, jc(c))})
		}
		return br
	}
	for i, r := range t.Rows {
		br := bodyRow(r, w.font(pagespec.TableBody).Style)
		if len(t.Totals) > 0 && i >= len(t.Rows)-2 {
			// As in the PDF, the last two body rows stay with the totals
			// row: Word keeps a row whose paragraphs keep with the next.
			for c := range br.cells {
				for k := range br.cells[c].paras {
					br.cells[c].paras[k].keepNext = true
				}
			}
		}
		tb.rows = append(tb.rows, br)
	}
	if len(t.Totals) > 0 {
		tb.rows = append(tb.rows, bodyRow(t.Totals, w.font(pagespec.TableTotals).Style))
	}
	for r := max(len(tb.rows)-keep, rows); r < len(tb.rows); r++ {
		for c := range tb.rows[r].cells {
			for k := range tb.rows[r].cells[c].paras {
				tb.rows[r].cells[c].paras[k].keepNext = true
			}
		}
	}
	w.b.table(&tb)
}

func braceAt(bs []ir.Brace, i int) *ir.Brace {
	for k := range bs {
		if bs[k].From == i {
			return &bs[k]
		}
	}
	return nil
}
