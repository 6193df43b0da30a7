// Package docx writes a document (package ir) as WordprocessingML (.docx)
// with the layout of Decree 30/2020/NĐ-CP, Appendix I, for offices that
// edit and file their documents in Word.
//
// The writer emits real Word structure rather than positioned text: the
// header and the signature are borderless tables with the templates'
// column widths, body paragraphs carry justification, indent and spacing,
// page numbers are a PAGE field in a header part shown from page 2
// (w:titlePg), and each annex is a section of its own. Numbering stays
// literal text, so it survives editing. Output is byte-for-byte
// deterministic.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
	"github.com/bhytdoc/bhytdoc/internal/tablefit"
)

// Namespaces of the parts.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"

	relDoc  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// AnnexLayout is the orientation, font size and column widths of a
// table, as package tablefit fits it for every format.
type AnnexLayout = tablefit.Layout

// Render returns the .docx bytes of doc. fam measures text for the
// lengths of the rules and hanging indents (the document names Times New
// Roman; fam should be metric-compatible with it). annexes gives the
// layout of each annex of doc, tables that of each table in its body, in
// order. Nothing is returned on error.
func Render(doc *ir.Doc, set ir.Settings, fam *fonts.Family, annexes, tables []*AnnexLayout) ([]byte, error) {
	return RenderIssued(doc, set, fam, annexes, tables, nil, nil)
}

// RenderIssued is Render for a decision whose issued document, doc.Issued
// (paper variant of Mẫu 1.3), follows it in the same file; issuedAnnexes
// and issuedTables are that document's layouts, as annexes and tables are
// doc's.
func RenderIssued(doc *ir.Doc, set ir.Settings, fam *fonts.Family, annexes, tables, issuedAnnexes, issuedTables []*AnnexLayout) ([]byte, error) {
	if err := checkLayouts(doc, annexes, tables); err != nil {
		return nil, err
	}
	if doc.Issued != nil {
		if err := checkLayouts(doc.Issued, issuedAnnexes, issuedTables); err != nil {
			return nil, err
		}
	}
	w := &builder{doc: doc, set: set, annexes: annexes, tables: tables, issuedAnnexes: issuedAnnexes, issuedTables: issuedTables, sp: pagespec.For(doc.Kind()), byHash: map[[32]byte]*image{}}
	w.b.styles = w.runStyles()
	for st := range w.faces {
		f, err := fam.Face(fonts.Style(st))
		if err != nil {
			return nil, err
		}
		w.faces[st] = f
	}
	if err := w.body(); err != nil {
		return nil, err
	}
	return w.pack()
}

// pack zips the parts in a fixed order with one fixed time stamp, the
// document's date, so the same input gives the same bytes.
func (w *builder) pack() ([]byte, error) {
	d := w.doc
	when := time.Date(max(d.Year, 1980), time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
	type part struct {
		name string
		data []byte
	}
	parts := []part{
		{"[Content_Types].xml", w.contentTypes()},
		{"_rels/.rels", []byte(xmlDecl + `<Relationships xmlns="` + nsRel + `">` +
			`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="` + relDoc + `extended-properties" Target="docProps/app.xml"/></Relationships>`)},
		{"docProps/app.xml", w.app()},
		{"docProps/core.xml", w.core(when)},
		{"word/_rels/document.xml.rels", w.docRels()},
		{"word/document.xml", w.b.Bytes()},
		{"word/header1.xml", w.pageHeader(true)},
		{"word/header2.xml", w.pageHeader(false)},
	}
	if len(d.ESign) > 0 {
		parts = append(parts, part{"word/header3.xml", w.esignHeader(d.ESign)})
	}
	if len(d.CopyESign) > 0 {
		parts = append(parts, part{"word/header4.xml", w.esignHeader(d.CopyESign)})
	}
	if len(d.Contact) > 0 {
		parts = append(parts, part{"word/footer1.xml", w.contactFooter(false)}, part{"word/footer2.xml", w.contactFooter(true)})
	}
	for _, img := range w.images {
		parts = append(parts, part{"word/media/" + img.name, img.data})
	}
	parts = append(parts, part{"word/settings.xml", []byte(settingsXML)}, part{"word/styles.xml", []byte(w.styles())})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		method := zip.Deflate
		if strings.HasSuffix(p.name, ".png") {
			method = zip.Store // already compressed
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: when})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func (w *builder) contentTypes() []byte {
	var b buf
	b.str(xmlDecl, `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`,
		`<Default Extension="xml" ContentType="application/xml"/>`,
		`<Default Extension="png" ContentType="image/png"/>`,
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`,
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`,
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>`,
		`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`,
		`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`)
	if len(w.doc.ESign) > 0 {
		b.str(`<Override PartName="/word/header3.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`)
	}
	if len(w.doc.CopyESign) > 0 {
		b.str(`<Override PartName="/word/header4.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`)
	}
	if len(w.doc.Contact) > 0 {
		b.str(`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`,
			`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`)
	}
	b.str(
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`,
		`</Types>`)
	return b.Bytes()
}

func (w *builder) docRels() []byte {
	var b buf
	b.str(xmlDecl, `<Relationships xmlns="`+nsRel+`">`,
		`<Relationship Id="`+ridStyles+`" Type="`+relDoc+`styles" Target="styles.xml"/>`,
		`<Relationship Id="`+ridSettings+`" Type="`+relDoc+`settings" Target="settings.xml"/>`,
		`<Relationship Id="`+ridHeader+`" Type="`+relDoc+`header" Target="header1.xml"/>`,
		`<Relationship Id="`+ridFirst+`" Type="`+relDoc+`header" Target="header2.xml"/>`)
	if len(w.doc.ESign) > 0 {
		b.str(`<Relationship Id="` + ridESign + `" Type="` + relDoc + `header" Target="header3.xml"/>`)
	}
	if len(w.doc.CopyESign) > 0 {
		b.str(`<Relationship Id="` + ridCopyESign + `" Type="` + relDoc + `header" Target="header4.xml"/>`)
	}
	if len(w.doc.Contact) > 0 {
		b.str(`<Relationship Id="`+ridContact+`" Type="`+relDoc+`footer" Target="footer1.xml"/>`,
			`<Relationship Id="`+ridNoFoot+`" Type="`+relDoc+`footer" Target="footer2.xml"/>`)
	}
	for _, img := range w.images {
		b.str(`<Relationship Id="`, img.rid, `" Type="`+relDoc+`image" Target="media/`, img.name, `"/>`)
	}
	b.str(`</Relationships>`)
	return b.Bytes()
}

// issuer is the issuing body on one line, the author of the document.
func (w *builder) issuer() string {
	parts := make([]string, len(w.doc.Issuer))
	for i, t := range w.doc.Issuer {
		parts[i] = t.S
	}
	return strings.Join(parts, " ")
}

func (w *builder) core(when time.Time) []byte {
	var b buf
	stamp := when.Format(time.RFC3339)
	b.str(xmlDecl, `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.str("<dc:title>")
	b.esc(w.doc.InfoTitle)
	b.str("</dc:title><dc:subject>")
	b.esc(w.doc.Summary.S)
	b.str("</dc:subject><dc:creator>")
	b.esc(w.issuer())
	b.str("</dc:creator><cp:lastModifiedBy>")
	b.esc(w.issuer())
	b.str(`</cp:lastModifiedBy><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">`, stamp,
		`</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">`, stamp, `</dcterms:modified></cp:coreProperties>`)
	return b.Bytes()
}

func (w *builder) app() []byte {
	var b buf
	b.str(xmlDecl, `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`,
		`<Application>bhytdoc</Application><DocSecurity>0</DocSecurity><Company>`)
	b.esc(w.issuer())
	b.str(`</Company></Properties>`)
	return b.Bytes()
}

// pageHeader is header1.xml, the page number centred over the text (a
// PAGE field), or header2.xml, the empty header of first pages.
func (w *builder) pageHeader(number bool) []byte {
	b := buf{styles: w.b.styles}
	b.str(xmlDecl, `<w:hdr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`)
	p := para{jc: "center", size: w.font(pagespec.PageNumber).Size}
	if !number {
		b.para(&p)
		b.str("</w:hdr>")
		return b.Bytes()
	}
	b.str("<w:p>")
	b.pPr(&p)
	field := func(inner string) {
		b.str("<w:r>")
		b.runPr("", ir.Regular, w.font(pagespec.PageNumber).Size, false)
		b.str(inner, "</w:r>")
	}
	field(`<w:fldChar w:fldCharType="begin"/>`)
	field(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`)
	field(`<w:fldChar w:fldCharType="separate"/>`)
	field(`<w:t>2</w:t>`)
	field(`<w:fldChar w:fldCharType="end"/>`)
	b.str("</w:p></w:hdr>")
	return b.Bytes()
}

// styles gives the document defaults: Times New Roman at the body size,
// Vietnamese, single spacing with no space after, widow control.
func (w *builder) styles() string {
	var b buf
	b.str(xmlDecl, `<w:styles xmlns:w="`+nsW+`"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="`+font+`" w:hAnsi="`+font+`" w:eastAsia="`+font+`" w:cs="`+font+`"/><w:sz`)
	b.attr("w:val", halfPt(w.set.BodySize))
	b.str("/><w:szCs")
	b.attr("w:val", halfPt(w.set.BodySize))
	b.str(`/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>`,
		`<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`,
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	w.styleDefs(&b)
	b.str(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
		`</w:styles>`)
	return b.String()
}

// settingsXML: doNotUseHTMLParagraphAutoSpacing makes LibreOffice add a
// paragraph's space after to the next one's space before, as Word and the
// PDF do (pagespec.UnderHeader), instead of keeping the larger of the two.
const settingsXML = xmlDecl + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:doNotUseHTMLParagraphAutoSpacing/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// checkLayouts checks that annexes and tables lay out doc's annexes and
// body tables, in order.
func checkLayouts(doc *ir.Doc, annexes, tables []*AnnexLayout) error {
	if len(annexes) != len(doc.Annexes) {
		return fmt.Errorf("docx: %d annex layouts for %d annexes", len(annexes), len(doc.Annexes))
	}
	for i, a := range annexes {
		if len(a.Widths) != len(doc.Annexes[i].Table.Align) || a.Size <= 0 {
			return fmt.Errorf("docx: Annexes[%d]: layout of %d columns at %gpt for a table of %d", i, len(a.Widths), a.Size, len(doc.Annexes[i].Table.Align))
		}
	}
	k := 0
	for i, b := range doc.Body {
		if b.Table == nil {
			continue
		}
		if k >= len(tables) || len(tables[k].Widths) != len(b.Table.Align) || tables[k].Size <= 0 {
			return fmt.Errorf("docx: Body[%d]: no layout for its table of %d columns", i, len(b.Table.Align))
		}
		k++
	}
	if k != len(tables) {
		return fmt.Errorf("docx: %d table layouts for %d body tables", len(tables), k)
	}
	return nil
}
