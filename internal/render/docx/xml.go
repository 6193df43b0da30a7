package docx

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/ir"
)

// Units: WordprocessingML measures lengths in twentieths of a point
// (twips), font sizes in half points, borders in eighths of a point and
// drawings in EMUs.
const (
	twipsPerMM = 1440 / 25.4
	emuPerMM   = 36000
	font       = "Times New Roman"
)

func twips(mm float64) int   { return int(math.Round(mm * twipsPerMM)) }
func ptTwips(pt float64) int { return int(math.Round(pt * 20)) }
func emu(mm float64) int64   { return int64(math.Round(mm * emuPerMM)) }
func halfPt(pt float64) int  { return int(math.Round(pt * 2)) }

// run is a piece of text in one style and size, or a drawing.
type run struct {
	s       string
	st      ir.Style
	size    float64
	drawing string // raw w:drawing element; s is ignored when set
	red     bool   // red ink (urgency marks)
}

// para holds the paragraph properties this writer uses; pPr writes them
// in the order ECMA-376 prescribes (CT_PPrBase).
type para struct {
	style string // named paragraph style (styles.xml); "": Normal
	// styled leaves spacing, indents and justification to the style: the
	// paragraph's own values equal the style's.
	styled   bool
	keepNext bool
	// keepLines keeps the paragraph on one page (w:keepLines).
	keepLines bool
	rule      bool   // a bottom border: the short rule under a heading
	topRule   bool   // a top border: the full-width rule over ô 13
	box       string // a single border on all sides in this colour ("000000"): a mark's box
	before    int    // twips
	after     int
	line      int    // twips, or 240ths of a line with lineRule auto
	lineRule  string // "auto", "exact" or "atLeast"; "" means single
	left      int
	right     int
	first     int
	hanging   int
	tab       int // a left tab stop, twips from the paragraph's left edge; 0: none
	jc        string
	size      float64 // of the paragraph mark, for empty paragraphs
	sectPr    string  // raw section properties ending a section
	runs      []run
	table     *table // when set, a nested table written in place of the paragraph
}

// buf is an XML buffer with helpers for the few shapes this writer emits.
type buf struct {
	bytes.Buffer
	// styles are the run properties of each paragraph style ("":
	// Normal): a run writes only what differs from its paragraph's. A
	// buffer without them writes every property.
	styles map[string]runBase
}

// runBase is the emphasis and size a paragraph style gives its runs.
type runBase struct {
	st   ir.Style
	size float64
}

func (b *buf) str(ss ...string) {
	for _, s := range ss {
		b.WriteString(s)
	}
}

func (b *buf) int(n int) { b.WriteString(strconv.Itoa(n)) }

// attr writes name="n".
func (b *buf) attr(name string, n int) {
	b.str(" ", name, `="`)
	b.int(n)
	b.WriteByte('"')
}

// esc writes s escaped as XML character data or attribute value.
func (b *buf) esc(s string) { xml.EscapeText(b, []byte(s)) }

func (b *buf) para(p *para) {
	if p.table != nil {
		b.table(p.table)
		return
	}
	b.str("<w:p>")
	b.pPr(p)
	for i := range p.runs {
		b.run(&p.runs[i], p.style)
	}
	b.str("</w:p>")
}

func (b *buf) pPr(p *para) {
	b.str("<w:pPr>")
	if p.style != "" {
		b.str(`<w:pStyle w:val="`, p.style, `"/>`)
	}
	if p.keepNext {
		b.str("<w:keepNext/>")
	}
	if p.keepLines {
		b.str("<w:keepLines/>")
	}
	switch {
	case p.rule:
		b.str(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>`)
	case p.topRule:
		b.str(`<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	case p.box != "":
		b.str("<w:pBdr>")
		for _, side := range []string{"top", "left", "bottom", "right"} {
			b.str(`<w:`, side, ` w:val="single" w:sz="6" w:space="0" w:color="`, p.box, `"/>`)
		}
		b.str("</w:pBdr>")
	}
	if p.tab > 0 {
		b.str(`<w:tabs><w:tab w:val="left"`)
		b.attr("w:pos", p.tab)
		b.str("/></w:tabs>")
	}
	if !p.styled {
		b.spacing(p)
	}
	if p.size > 0 {
		b.runPr(p.style, ir.Regular, p.size, false)
	}
	b.str(p.sectPr)
	b.str("</w:pPr>")
}

// spacing writes a paragraph's spacing, indents and justification.
func (b *buf) spacing(p *para) {
	b.str("<w:spacing")
	b.attr("w:before", p.before)
	b.attr("w:after", p.after)
	if p.lineRule == "" {
		b.str(` w:line="240" w:lineRule="auto"`)
	} else {
		b.attr("w:line", p.line)
		b.str(` w:lineRule="`, p.lineRule, `"`)
	}
	b.str("/>")
	if p.left != 0 || p.right != 0 || p.first != 0 || p.hanging != 0 {
		b.str("<w:ind")
		b.attr("w:left", p.left)
		b.attr("w:right", p.right)
		if p.hanging != 0 {
			b.attr("w:hanging", p.hanging)
		} else if p.first != 0 {
			b.attr("w:firstLine", p.first)
		}
		b.str("/>")
	}
	if p.jc != "" {
		b.str(`<w:jc w:val="`, p.jc, `"/>`)
	}
}

// rPr writes run properties in CT_RPr order: rFonts, b, bCs, i, iCs, sz,
// szCs; a style's, naming the font (the document defaults name it too).
func (b *buf) rPr(st ir.Style, size float64) {
	b.str(`<w:rPr><w:rFonts w:ascii="`, font, `" w:hAnsi="`, font, `" w:eastAsia="`, font, `" w:cs="`, font, `"/>`)
	b.props(st, size, false, nil)
	b.str("</w:rPr>")
}

// runPr writes the properties of a run or a paragraph mark in paragraph
// style style: only what differs from the style (no w:rPr when nothing
// does), everything when the buffer has no styles.
func (b *buf) runPr(style string, st ir.Style, size float64, red bool) {
	var base *runBase
	if rb, ok := b.styles[style]; ok {
		base = &rb
		if rb.st == st && halfPt(rb.size) == halfPt(size) && !red {
			return
		}
	}
	b.str("<w:rPr>")
	b.props(st, size, red, base)
	b.str("</w:rPr>")
}

// props writes emphasis, red ink and size, those differing from base when
// base is not nil (w:b w:val="0" turns a bold style's bold off).
func (b *buf) props(st ir.Style, size float64, red bool, base *runBase) {
	toggle := func(on, was bool, tag string) {
		switch {
		case base != nil && on == was:
		case on:
			b.str("<w:", tag, "/><w:", tag, "Cs/>")
		case base != nil:
			b.str("<w:", tag, ` w:val="0"/><w:`, tag, `Cs w:val="0"/>`)
		}
	}
	var bst ir.Style
	if base != nil {
		bst = base.st
	}
	toggle(st&ir.Bold != 0, bst&ir.Bold != 0, "b")
	toggle(st&ir.Italic != 0, bst&ir.Italic != 0, "i")
	if red {
		b.str(`<w:color w:val="FF0000"/>`)
	}
	hp := halfPt(size)
	if base != nil && hp == halfPt(base.size) {
		return
	}
	b.str("<w:sz")
	b.attr("w:val", hp)
	b.str("/><w:szCs")
	b.attr("w:val", hp)
	b.str("/>")
}

// run writes r; line breaks become w:br and tabs w:tab, since Word drops
// or misreads them inside w:t.
func (b *buf) run(r *run, style string) {
	if r.drawing != "" {
		b.str("<w:r>", r.drawing, "</w:r>")
		return
	}
	if r.s == "" {
		return
	}
	b.str("<w:r>")
	b.runPr(style, r.st, r.size, r.red)
	s := strings.ReplaceAll(r.s, "\r\n", "\n")
	for s != "" {
		i := strings.IndexAny(s, "\n\t\r")
		seg := s
		if i >= 0 {
			seg = s[:i]
		}
		b.text(seg)
		if i < 0 {
			break
		}
		if s[i] == '\t' {
			b.str("<w:tab/>")
		} else {
			b.str("<w:br/>")
		}
		s = s[i+1:]
	}
	b.str("</w:r>")
}

// text writes seg, which holds no line break or tab, as w:t elements. A
// spaced hyphen or en dash (" - ", " – ") never ends a line, as in the
// PDF: the space after it is a no-break space and a hyphen is Word's
// non-breaking hyphen, so Word and LibreOffice can break only before it.
func (b *buf) text(seg string) {
	for seg != "" {
		i := strings.Index(seg, " - ")
		j := strings.Index(seg, " \u2013 ")
		dash := " -"
		if j >= 0 && (i < 0 || j < i) {
			i, dash = j, " \u2013"
		}
		if i < 0 {
			b.t(seg)
			return
		}
		if dash == " -" {
			b.t(seg[:i+1])
			b.str("<w:noBreakHyphen/>")
		} else {
			b.t(seg[:i] + dash)
		}
		seg = "\u00a0" + seg[i+len(dash)+1:]
	}
}

// t writes one w:t element holding s, if s is not empty.
func (b *buf) t(s string) {
	if s == "" {
		return
	}
	b.str("<w:t")
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		b.str(` xml:space="preserve"`)
	}
	b.str(">")
	b.esc(s)
	b.str("</w:t>")
}

// cell is a table cell: its grid span, vertical merge ("restart",
// "continue" or none) and paragraphs.
type cell struct {
	w      int // twips
	span   int
	vMerge string
	vAlign string
	spine  bool // a single left border: the spine of a Nơi nhận brace
	paras  []para
}

type row struct {
	header    bool // repeated at the top of each page
	cantSplit bool
	cells     []cell
}

type table struct {
	widths  []int // grid columns, twips
	borders bool
	jc      string
	mar     [4]int // cell margins top, left, bottom, right (twips)
	rows    []row
}

func (b *buf) table(t *table) {
	total := 0
	for _, w := range t.widths {
		total += w
	}
	// CT_TblPr order: tblW, jc, tblBorders, tblLayout, tblCellMar.
	b.str(`<w:tbl><w:tblPr><w:tblW`)
	b.attr("w:w", total)
	b.str(` w:type="dxa"/>`)
	if t.jc != "" {
		b.str(`<w:jc w:val="`, t.jc, `"/>`)
	}
	val := `w:val="none" w:sz="0" w:space="0" w:color="auto"/>`
	if t.borders {
		val = `w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
	}
	b.str("<w:tblBorders>")
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.str("<w:", side, " ", val)
	}
	b.str(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>`)
	for i, side := range []string{"top", "left", "bottom", "right"} {
		b.str("<w:", side)
		b.attr("w:w", t.mar[i])
		b.str(` w:type="dxa"/>`)
	}
	b.str(`</w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range t.widths {
		b.str("<w:gridCol")
		b.attr("w:w", w)
		b.str("/>")
	}
	b.str("</w:tblGrid>")
	for i := range t.rows {
		r := &t.rows[i]
		b.str("<w:tr>")
		if r.cantSplit || r.header {
			b.str("<w:trPr>")
			if r.cantSplit {
				b.str("<w:cantSplit/>")
			}
			if r.header {
				b.str("<w:tblHeader/>")
			}
			b.str("</w:trPr>")
		}
		for j := range r.cells {
			c := &r.cells[j]
			// CT_TcPr order: tcW, gridSpan, vMerge, vAlign.
			b.str("<w:tc><w:tcPr><w:tcW")
			b.attr("w:w", c.w)
			b.str(` w:type="dxa"/>`)
			if c.span > 1 {
				b.str("<w:gridSpan")
				b.attr("w:val", c.span)
				b.str("/>")
			}
			if c.vMerge != "" {
				b.str(`<w:vMerge w:val="`, c.vMerge, `"/>`)
			}
			if c.spine {
				b.str(`<w:tcBorders><w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>`)
			}
			if c.vAlign != "" {
				b.str(`<w:vAlign w:val="`, c.vAlign, `"/>`)
			}
			b.str("</w:tcPr>")
			if len(c.paras) == 0 {
				// A cell must end with a paragraph.
				c.paras = []para{{}}
			}
			if c.paras[len(c.paras)-1].table != nil {
				// A cell must end with a paragraph, even after a table.
				c.paras = append(c.paras, para{line: 20, lineRule: "exact", size: 1})
			}
			for k := range c.paras {
				b.para(&c.paras[k])
			}
			b.str("</w:tc>")
		}
		b.str("</w:tr>")
	}
	b.str("</w:tbl>")
}
