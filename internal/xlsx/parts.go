package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// The package's parts other than the body rows, written as bytes: the
// content types, relationships, workbook, styles, properties and each
// worksheet's head and tail (ECMA-376 Part 1, SpreadsheetML). Only what
// an annex needs is written, and written once, so no XML library or
// spreadsheet package is linked for it.

// Excel's limits (ECMA-376 leaves them to the application).
const (
	maxColumns   = 16384   // XFD
	maxRows      = 1048576 // rows of a worksheet
	maxCellChars = 32767   // UTF-16 units of a cell's text
)

const (
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg   = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctPkg   = "application/vnd.openxmlformats-"
)

// defaultFontSize is the size of the workbook's default font, which sets
// Excel's unit of column width (its widest digit); 11 as Excel's own.
const defaultFontSize = 11

// fontKey is a font of the workbook; every font has the family Props.Font.
type fontKey struct {
	size         float64
	bold, italic bool
}

// xfKey is a cell format: a number format, a font, thin borders or none,
// the horizontal alignment (vertical is always centred) and wrapping.
type xfKey struct {
	numFmt, font int
	border, wrap bool
	align        Align
}

// styles are the cell formats of one workbook, made as they are first
// asked for, so that styles.xml holds only those in use.
type styles struct {
	title, subtitle, header, label int
	body                           map[styleKey]int // created on first use
	p                              Props

	fonts   []fontKey // fonts[0] is the default font
	fontIDs map[fontKey]int
	codes   []string // custom number formats, numbered from firstCustomFmt
	xfs     []xfKey  // xfs[0] is the default format
	xfIDs   map[xfKey]int
}

// firstCustomFmt is the first number format id not built in.
const firstCustomFmt = 164

func newStyles(p Props) *styles {
	st := &styles{
		body: map[styleKey]int{}, p: p,
		fonts: []fontKey{{size: defaultFontSize}}, fontIDs: map[fontKey]int{},
		xfs: []xfKey{{}}, xfIDs: map[xfKey]int{},
	}
	st.title = st.add(0, fontKey{titleSize, true, false}, false, Center, true)
	st.subtitle = st.add(0, fontKey{titleSize, false, true}, false, Center, true)
	st.header = st.add(0, fontKey{p.Size, true, false}, true, Center, true)
	return st
}

// add returns the id of the cell format, adding it and its font when new.
func (st *styles) add(numFmt int, f fontKey, border bool, align Align, wrap bool) int {
	font, ok := st.fontIDs[f]
	if !ok {
		font = len(st.fonts)
		st.fonts = append(st.fonts, f)
		st.fontIDs[f] = font
	}
	k := xfKey{numFmt: numFmt, font: font, border: border, wrap: wrap, align: align}
	id, ok := st.xfIDs[k]
	if !ok {
		id = len(st.xfs)
		st.xfs = append(st.xfs, k)
		st.xfIDs[k] = id
	}
	return id
}

// customFmt returns the id of the number format code, adding it when new.
func (st *styles) customFmt(code string) int {
	for i, c := range st.codes {
		if c == code {
			return firstCustomFmt + i
		}
	}
	st.codes = append(st.codes, code)
	return firstCustomFmt + len(st.codes) - 1
}

// labelStyle returns the style of the label row, created on first use.
func (st *styles) labelStyle() int {
	if st.label == 0 {
		st.label = st.add(0, fontKey{st.p.Size + 1, true, false}, false, Center, true)
	}
	return st.label
}

// cell returns the style of c in a row that is bold or not, creating it on
// first use so that styles.xml holds only the styles in use, in the order
// they are first used.
func (st *styles) cell(c Cell, bold bool) (int, error) {
	k := c.styleKey(bold)
	if id, ok := st.body[k]; ok {
		return id, nil
	}
	numFmt, wrap := 0, false
	switch {
	case k.text:
		numFmt, wrap = 49, true // "@"
	case k.format == Number && k.decimals == 0:
		numFmt = 3 // "#,##0"
	default:
		code := "#,##0"
		if k.format == Percent {
			code = "0"
		}
		if k.decimals > 0 {
			code += "." + zeros[:k.decimals]
		}
		if k.format == Percent {
			code += "%"
		}
		numFmt = st.customFmt(code)
	}
	id := st.add(numFmt, fontKey{st.p.Size, bold, false}, true, k.align, wrap)
	st.body[k] = id
	return id, nil
}

const zeros = "000000000" // MaxDecimals of them

// xml returns styles.xml.
func (st *styles) xml() []byte {
	b := append([]byte(xmlDecl), `<styleSheet xmlns="`+nsMain+`">`...)
	if len(st.codes) > 0 {
		b = appendCount(b, "numFmts", len(st.codes))
		for i, c := range st.codes {
			b = append(b, `<numFmt numFmtId="`...)
			b = strconv.AppendInt(b, int64(firstCustomFmt+i), 10)
			b = append(b, `" formatCode="`...)
			b = appendEscaped(b, c)
			b = append(b, `"/>`...)
		}
		b = append(b, `</numFmts>`...)
	}
	b = appendCount(b, "fonts", len(st.fonts))
	for _, f := range st.fonts {
		b = append(b, `<font>`...)
		if f.bold {
			b = append(b, `<b/>`...)
		}
		if f.italic {
			b = append(b, `<i/>`...)
		}
		b = append(b, `<sz val="`...)
		b = strconv.AppendFloat(b, f.size, 'f', -1, 64)
		b = append(b, `"/><name val="`...)
		b = appendEscaped(b, st.p.Font)
		b = append(b, `"/><family val="2"/></font>`...)
	}
	b = append(b, `</fonts><fills count="2"><fill><patternFill patternType="none"/></fill>`+
		`<fill><patternFill patternType="gray125"/></fill></fills><borders count="2">`+
		`<border><left/><right/><top/><bottom/><diagonal/></border><border>`...)
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, `<`+side+` style="thin"><color rgb="FF000000"/></`+side+`>`...)
	}
	b = append(b, `<diagonal/></border></borders>`+
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`...)
	b = appendCount(b, "cellXfs", len(st.xfs))
	b = append(b, `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`...)
	for _, x := range st.xfs[1:] {
		b = append(b, `<xf numFmtId="`...)
		b = strconv.AppendInt(b, int64(x.numFmt), 10)
		b = append(b, `" fontId="`...)
		b = strconv.AppendInt(b, int64(x.font), 10)
		b = append(b, `" fillId="0" borderId="`...)
		b = append(b, "01"[btoi(x.border)])
		b = append(b, `" xfId="0"`...)
		if x.numFmt != 0 {
			b = append(b, ` applyNumberFormat="1"`...)
		}
		b = append(b, ` applyFont="1"`...)
		if x.border {
			b = append(b, ` applyBorder="1"`...)
		}
		b = append(b, ` applyAlignment="1"><alignment horizontal="`...)
		b = append(b, alignNames[x.align]...)
		b = append(b, `" vertical="center"`...)
		if x.wrap {
			b = append(b, ` wrapText="1"`...)
		}
		b = append(b, `/></xf>`...)
	}
	return append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`...)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// appendCount appends the start tag <name count="n">.
func appendCount(b []byte, name string, n int) []byte {
	b = append(b, '<')
	b = append(b, name...)
	b = append(b, ` count="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, `">`...)
}

// appendNum appends v in its shortest decimal form.
func appendNum(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', -1, 64) }

// appendAttr appends ` name="value"` with value escaped.
func appendAttr(b []byte, name, value string) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = appendEscaped(b, value)
	return append(b, '"')
}

// sheetName is the part name of the i-th (0-based) worksheet.
func sheetName(i int) string { return fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1) }

// contentTypes returns [Content_Types].xml for n worksheets.
func contentTypes(n int) []byte {
	b := append([]byte(xmlDecl), `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="`+ctPkg+`package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="`+ctPkg+`officedocument.spreadsheetml.sheet.main+xml"/>`+
		`<Override PartName="/xl/styles.xml" ContentType="`+ctPkg+`officedocument.spreadsheetml.styles+xml"/>`+
		`<Override PartName="/docProps/core.xml" ContentType="`+ctPkg+`package.core-properties+xml"/>`+
		`<Override PartName="/docProps/app.xml" ContentType="`+ctPkg+`officedocument.extended-properties+xml"/>`...)
	for i := range n {
		b = append(b, `<Override PartName="/`...)
		b = append(b, sheetName(i)...)
		b = append(b, `" ContentType="`+ctPkg+`officedocument.spreadsheetml.worksheet+xml"/>`...)
	}
	return append(b, `</Types>`...)
}

// packageRels is _rels/.rels.
const packageRels = xmlDecl + `<Relationships xmlns="` + nsPkg + `">` +
	`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + nsRel + `/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// appProps is docProps/app.xml.
const appProps = xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>bhytdoc</Application></Properties>`

// workbookRels returns xl/_rels/workbook.xml.rels: the worksheets as
// rId1…rIdn, then the styles.
func workbookRels(n int) []byte {
	b := append([]byte(xmlDecl), `<Relationships xmlns="`+nsPkg+`">`...)
	for i := range n {
		b = append(b, `<Relationship Id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" Type="`+nsRel+`/worksheet" Target="worksheets/sheet`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `.xml"/>`...)
	}
	b = append(b, `<Relationship Id="rId`...)
	b = strconv.AppendInt(b, int64(n+1), 10)
	return append(b, `" Type="`+nsRel+`/styles" Target="styles.xml"/></Relationships>`...)
}

// coreProps returns docProps/core.xml: the title, subject, author and
// language, created and modified at p.Time.
func coreProps(p Props) []byte {
	b := append([]byte(xmlDecl), `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`+
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"`+
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`...)
	for _, e := range []struct{ tag, v string }{
		{"dc:title", p.Title}, {"dc:subject", p.Subject}, {"dc:creator", p.Creator}, {"cp:lastModifiedBy", p.Creator},
	} {
		if e.v != "" {
			b = append(b, "<"+e.tag+">"...)
			b = appendEscaped(b, e.v)
			b = append(b, "</"+e.tag+">"...)
		}
	}
	b = append(b, `<dc:language>vi-VN</dc:language>`...)
	stamp := p.Time.Format("2006-01-02T15:04:05Z")
	for _, tag := range []string{"dcterms:created", "dcterms:modified"} {
		b = append(b, "<"+tag+` xsi:type="dcterms:W3CDTF">`+stamp+"</"+tag+">"...)
	}
	return append(b, `</cp:coreProperties>`...)
}

// workbookXML returns xl/workbook.xml: the sheets in order, the first
// one active, and each sheet's header rows as its print titles (rows
// head[i][0] to head[i][1], 1-based).
func workbookXML(sheets []*Sheet, head [][2]int) []byte {
	b := append([]byte(xmlDecl), `<workbook xmlns="`+nsMain+`" xmlns:r="`+nsRel+`">`+
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`...)
	for i, s := range sheets {
		b = appendAttr(append(b, `<sheet`...), "name", s.Name)
		b = append(b, ` sheetId="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" r:id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `"/>`...)
	}
	b = append(b, `</sheets><definedNames>`...)
	for i, s := range sheets {
		b = append(b, `<definedName name="_xlnm.Print_Titles" localSheetId="`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `">`...)
		b = appendEscaped(b, fmt.Sprintf("'%s'!$%d:$%d", quoteName(s.Name), head[i][0], head[i][1]))
		b = append(b, `</definedName>`...)
	}
	// An old calculation engine id: Excel recalculates the formulas on
	// opening, as it did for the workbooks excelize wrote.
	return append(b, `</definedNames><calcPr calcId="122211"/></workbook>`...)
}

// quoteName doubles the apostrophes of a sheet name for a quoted
// reference.
func quoteName(name string) string { return strings.ReplaceAll(name, "'", "''") }

// rowSlice gives a sheet's Rows as a RowSource, so that all body rows are
// written by the same code.
type rowSlice []Row

func (s rowSlice) Len() int          { return len(s) }
func (s rowSlice) Row(i int, r *Row) { *r = s[i] }

// worksheetXML returns worksheet s without its body rows, cut where
// they go (just before its "</sheetData>"): the part before and the part
// after. The first sheet is the selected tab.
func worksheetXML(st *styles, m *Measure, p Props, s *Sheet, selected bool) (before, after []byte) {
	b := append([]byte(xmlDecl), `<worksheet xmlns="`+nsMain+`" xmlns:r="`+nsRel+`">`+
		`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:`...)
	b = append(b, Ref(s.Cols()-1, s.FirstRow()+s.NumRows()-1)...)
	b = appendView(append(b, `"/>`...), s, selected)
	b = append(b, `<sheetFormatPr defaultRowHeight="15"/><cols>`...)
	total := 0.0 // the table's width
	for c, w := range s.Widths {
		w = math.Round(w*4) / 4
		total += w
		b = append(b, `<col min="`...)
		b = strconv.AppendInt(b, int64(c+1), 10)
		b = append(b, `" max="`...)
		b = strconv.AppendInt(b, int64(c+1), 10)
		b = append(b, `" width="`...)
		b = appendNum(b, w)
		b = append(b, `" customWidth="1"/>`...)
	}
	b = append(b, `</cols><sheetData>`...)
	h := &head{b: b, st: st, m: m, p: p, s: s}
	h.titles(total)
	h.header()
	cut := len(h.b) // the body rows go here
	b = append(h.b, `</sheetData>`...)
	if len(h.merges) > 0 {
		b = appendCount(b, "mergeCells", len(h.merges))
		for _, mg := range h.merges {
			b = append(b, `<mergeCell ref="`+mg+`"/>`...)
		}
		b = append(b, `</mergeCells>`...)
	}
	b = appendPrint(b, p, s)
	return b[:cut:cut], b[cut:]
}

// appendView appends the sheet view: the header rows, and the first
// FreezeCols columns, stay in view.
func appendView(b []byte, s *Sheet, selected bool) []byte {
	b = append(b, `<sheetViews><sheetView`...)
	if selected {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"><pane`...)
	if s.FreezeCols > 0 {
		b = append(b, ` xSplit="`...)
		b = strconv.AppendInt(b, int64(s.FreezeCols), 10)
		b = append(b, '"')
	}
	b = append(b, ` ySplit="`...)
	b = strconv.AppendInt(b, int64(s.FirstRow()-1), 10)
	corner, pn := Ref(s.FreezeCols, s.FirstRow()), pane(s.FreezeCols)
	return append(b, `" topLeftCell="`+corner+`" activePane="`+pn+`" state="frozen"/>`+
		`<selection pane="`+pn+`" activeCell="`+corner+`" sqref="`+corner+`"/></sheetView></sheetViews>`...)
}

// head writes the rows above a sheet's body and gathers their merges.
type head struct {
	b      []byte
	st     *styles
	m      *Measure
	p      Props
	s      *Sheet
	merges []string
}

// row appends row r of height h, its cells all of the given style.
func (h *head) row(r int, height float64, style int, cells ...Cell) {
	digits := strconv.AppendInt(nil, int64(r), 10)
	h.b = append(h.b, `<row r="`...)
	h.b = append(h.b, digits...)
	h.b = append(h.b, `" ht="`...)
	h.b = appendNum(h.b, min(height, maxRowHeight))
	h.b = append(h.b, `" customHeight="1">`...)
	for c := range cells {
		h.b = appendCell(h.b, ColName(c), digits, style, &cells[c])
	}
	h.b = append(h.b, `</row>`...)
}

// titles appends the label, title and subtitle rows, one merged cell
// across the table of the given width each, as tall as their lines.
func (h *head) titles(width float64) {
	s, st, last := h.s, h.st, h.s.Cols()-1
	label := 0
	if s.Label != "" {
		label = st.labelStyle()
	}
	r := 1
	for i, t := range []struct {
		s     string
		style int
		size  float64
		bold  bool
	}{{s.Label, label, h.p.Size + 1, true}, {s.Title, st.title, titleSize, true}, {s.Subtitle, st.subtitle, titleSize, false}} {
		if t.s == "" && i != 1 {
			continue
		}
		h.row(r, float64(h.m.Lines(t.s, width, t.size, t.bold))*lineHeight(t.size), t.style, Cell{Kind: Text, S: t.s})
		if last > 0 {
			h.merges = append(h.merges, Ref(0, r)+":"+Ref(last, r))
		}
		r++
	}
}

// headerHeights returns the height of each header row of s: as tall as
// its tallest cell, a cell spanning rows adding what it lacks to the
// last row it spans.
func headerHeights(s *Sheet, size float64, m *Measure) []float64 {
	cols := s.Cols()
	heights := make([]float64, len(s.Header))
	for r := range heights {
		heights[r] = lineHeight(size)
	}
	type tall struct {
		r, rs int
		h     float64
	}
	var talls []tall
	eachHeaderCell(s.Header, func(r, c int, hc HeaderCell) {
		cs, rs := span(hc.ColSpan), span(hc.RowSpan)
		w := 0.0
		for i := c; i < c+cs && i < cols; i++ {
			w += s.Widths[i]
		}
		ht := float64(m.Lines(hc.Text, w, size, true))*lineHeight(size) + 4
		if rs == 1 {
			heights[r] = max(heights[r], ht)
		} else {
			talls = append(talls, tall{r, rs, ht})
		}
	})
	for _, t := range talls {
		have := 0.0
		for r := t.r; r < t.r+t.rs && r < len(heights); r++ {
			have += heights[r]
		}
		if t.h > have {
			heights[min(t.r+t.rs, len(heights))-1] += t.h - have
		}
	}
	return heights
}

// header appends the header rows, their heights from headerHeights.
// Every covered cell gets the bordered style so merged areas print with
// complete borders.
func (h *head) header() {
	s, cols, hr := h.s, h.s.Cols(), h.s.FirstHeaderRow()
	heights := headerHeights(s, h.p.Size, h.m)
	grid := make([][]Cell, len(s.Header))
	for r := range grid {
		grid[r] = make([]Cell, cols)
	}
	eachHeaderCell(s.Header, func(r, c int, hc HeaderCell) {
		cs, rs := span(hc.ColSpan), span(hc.RowSpan)
		grid[r][c] = Cell{Kind: Text, S: hc.Text}
		if cs > 1 || rs > 1 {
			h.merges = append(h.merges, Ref(c, hr+r)+":"+Ref(c+cs-1, hr+r+rs-1))
		}
	})
	for r := range grid {
		h.row(hr+r, heights[r], h.st.header, grid[r]...)
	}
}

// appendPrint appends the print setup: centred horizontally, the
// margins, A4 (landscape unless s.Portrait), fit to one page wide, and
// page numbers centred at the top from page 2.
func appendPrint(b []byte, p Props, s *Sheet) []byte {
	b = append(b, `<printOptions horizontalCentered="1"/><pageMargins`...)
	// In inches: left, right, top, bottom, header, footer.
	for i, v := range [6]float64{p.Margins[2], p.Margins[3], p.Margins[0], p.Margins[1], 10, 10} {
		b = append(b, ' ')
		b = append(b, [6]string{"left", "right", "top", "bottom", "header", "footer"}[i]...)
		b = append(b, `="`...)
		b = appendNum(b, v/25.4)
		b = append(b, '"')
	}
	orient := "landscape"
	if s.Portrait {
		orient = "portrait"
	}
	b = append(b, `/><pageSetup paperSize="9" orientation="`+orient+`" fitToWidth="1" fitToHeight="0"/>`+
		`<headerFooter differentFirst="1"><oddHeader>`...) // paper 9 is A4
	b = appendEscaped(b, `&C&"`+p.Font+`,Regular"&13&P`)
	return append(b, `</oddHeader></headerFooter></worksheet>`...)
}

// add writes the part name whole.
func (z *sortedZip) add(name string, b []byte) error {
	w, err := z.create(name, false)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	return z.err
}

// addSheet writes the worksheet name: its head, the body rows rows
// writes, then its tail.
func (z *sortedZip) addSheet(name string, head []byte, rows func(io.Writer) error, tail []byte) error {
	w, err := z.create(name, true)
	if err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if err := rows(w); err != nil {
		return err
	}
	_, err = w.Write(tail)
	return err
}
