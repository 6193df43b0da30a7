package bhytdoc_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// quyetDinh is a quyết định with bases, a two-signature-free TM. block
// with signature and seal images, and a wide annex under a two-level
// merged header (landscape in the PDF).
func quyetDinh(t testing.TB, rows int) *bhytdoc.Document {
	t.Helper()
	body, err := bhytdoc.ParseBody(`1. Giao chỉ tiêu phát triển người tham gia bảo hiểm y tế năm 2021 cho các xã, phường theo Phụ lục kèm theo Quyết định này.
2. Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm tổ chức thực hiện, báo cáo kết quả hằng quý về Ủy ban nhân dân huyện.
3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Giám đốc Bảo hiểm xã hội huyện, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.
`)
	if err != nil {
		t.Fatal(err)
	}
	return &bhytdoc.Document{
		Kind:    bhytdoc.QuyetDinh,
		Issuer:  bhytdoc.Issuer{Parent: "Ủy ban nhân dân\ntỉnh Tuyên Quang", Name: "Ủy ban nhân dân\nhuyện Sơn Dương", Abbrev: "UBND"},
		Number:  125,
		Place:   "Sơn Dương",
		Date:    bhytdoc.Date{Year: 2021, Month: 2, Day: 5},
		Summary: "Về việc giao chỉ tiêu phát triển người tham gia bảo hiểm y tế năm 2021",
		Bases: []string{
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
			"Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008",
		},
		Authority: "Ủy ban nhân dân huyện Sơn Dương",
		Proposal:  "Theo đề nghị của Giám đốc Bảo hiểm xã hội huyện",
		Body:      body,
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ủy ban nhân dân"}},
			Position:  "Chủ tịch",
			Name:      "Nguyễn Văn An",
			Image:     testPNG(t, 300, 120, color.NRGBA{0, 0, 200, 255}),
			Seal:      testPNG(t, 200, 200, color.NRGBA{200, 0, 0, 255}),
		}},
		Recipients: []bhytdoc.Recipient{{Name: "Như Điều 3"}, {Name: "UBND tỉnh", Purpose: "báo cáo"}},
		Luu:        []string{"VT", "BHXH"},
		Annexes:    []bhytdoc.Annex{wideAnnex(rows)},
	}
}

// testPNG is a w×h PNG: a coloured ring on transparency.
func testPNG(t testing.TB, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			dx, dy := float64(2*x-w)/float64(w), float64(2*y-h)/float64(h)
			if r := dx*dx + dy*dy; r > 0.6 && r < 0.9 {
				img.SetNRGBA(x, y, c)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type docxFixture struct {
	name string
	doc  *bhytdoc.Document
}

func docxFixtures(t testing.TB) []docxFixture {
	var out []docxFixture
	for _, e := range allExamples() {
		out = append(out, docxFixture{e.Name, e.Doc})
	}
	// Appendix III's special models, Mẫu 1.3 with its quy chế included.
	for _, e := range kinds.All() {
		out = append(out, docxFixture{e.Name, e.Doc})
	}
	// Mẫu 1.3 on paper with a contact footer and an annex of its own,
	// issuing a quy chế with a wide annex: five sections, the contact
	// lines on the decision's first page only.
	qd := kinds.QuyetDinhBanHanh()
	qd.Contact = []string{"Địa chỉ: Thị trấn Nam Giang, huyện Nam Trực", "Điện thoại: 0228 3827 000"}
	qd.Annexes = quyetDinh(t, 12).Annexes
	qd.Body[0].Text[0].Text += " Chi tiết tại Phụ lục kèm theo."
	qd.Issues.Annexes = quyetDinh(t, 30).Annexes
	out = append(out, docxFixture{"quyet-dinh-ban-hanh-phu-luc", qd})
	// A joint letter: two signature blocks, Nơi nhận under them.
	joint := seeds.CaiRang()
	joint.Signatures = append(joint.Signatures, bhytdoc.Signature{
		Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ủy ban Mặt trận Tổ quốc quận"}},
		Position:  "Chủ tịch",
		Name:      "Nguyễn Văn A",
	})
	return append(out, docxFixture{"cai-rang-joint", joint}, docxFixture{"quyet-dinh-annex", quyetDinh(t, 40)},
		docxFixture{"nam-truc-marked", markedDecision()}, docxFixture{"cai-rang-copy", copiedDoc()},
		// The last paragraph across page 1's foot: both carry it whole;
		// a last table: both carry its last rows.
		docxFixture{"keep-straddle", straddling(t)}, docxFixture{"keep-table", tableLast(t)})
}

// unzip returns the parts of a .docx by name, in zip order.
func unzip(t *testing.T, b []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = data
		names = append(names, f.Name)
	}
	return parts, names
}

// ECMA-376 Part 1 (transitional schema) child sequences of the property
// elements Word validates strictly. Elements of one group that may repeat
// or come in any order among themselves share a slot ("a|b").
var ooxmlSequences = map[string][]string{
	// CT_PPr: CT_PPrBase, then rPr, sectPr, pPrChange.
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
		"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
		"overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
		"snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
		"textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
		"rPr", "sectPr", "pPrChange"},
	// CT_RPr / CT_ParaRPr: the revision marks of a paragraph mark, then
	// EG_RPrBase, then rPrChange.
	"rPr": {"ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps",
		"smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint", "noProof",
		"snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
		"highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
		"eastAsianLayout", "specVanish", "oMath", "rPrChange"},
	// CT_TblPr.
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
		"tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
		"tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange"},
	// CT_TcPr.
	"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
		"textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
		"cellMerge", "tcPrChange"},
	// CT_SectPr: EG_HdrFtrReferences (up to six, any order), then the
	// section properties.
	"sectPr": {"headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
		"paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
		"titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"},
	"pBdr":       {"top", "left", "bottom", "right", "between", "bar"},
	"tblBorders": {"top", "left|start", "bottom", "right|end", "insideH", "insideV"},
	"tblCellMar": {"top", "left|start", "bottom", "right|end"},
	"tcBorders":  {"top", "left|start", "bottom", "right|end", "insideH", "insideV", "tl2br", "tr2bl"},
}

const nsWordML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// xmlNode is a parsed element: name, attributes, children and the text
// directly inside it.
type xmlNode struct {
	name  xml.Name
	attr  []xml.Attr
	kids  []*xmlNode
	text  string
	depth int
}

func (n *xmlNode) get(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// each calls fn for n and every element under it, in document order.
func (n *xmlNode) each(fn func(*xmlNode)) {
	fn(n)
	for _, k := range n.kids {
		k.each(fn)
	}
}

// parseXML parses a part strictly, failing the test when it is not
// well-formed.
func parseXML(t *testing.T, name string, data []byte) *xmlNode {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	root := &xmlNode{}
	stack := []*xmlNode{root}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		top := stack[len(stack)-1]
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: tk.Name, attr: tk.Attr, depth: len(stack)}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tk)
		}
	}
	if len(stack) != 1 || len(root.kids) != 1 {
		t.Fatalf("%s: want one root element", name)
	}
	return root.kids[0]
}

// checkOrder returns a problem for every property element whose children
// are unknown to the schema or out of its sequence, and how many property
// elements it checked.
func checkOrder(part string, root *xmlNode) (problems []string, checked int) {
	root.each(func(n *xmlNode) {
		seq, ok := ooxmlSequences[n.name.Local]
		if !ok || n.name.Space != nsWordML {
			return
		}
		checked++
		rank := func(local string) int {
			for i, s := range seq {
				if slices.Contains(strings.Split(s, "|"), local) {
					return i
				}
			}
			return -1
		}
		last := -1
		for _, k := range n.kids {
			r := rank(k.name.Local)
			switch {
			case r < 0:
				problems = append(problems, fmt.Sprintf("%s: w:%s has child w:%s, not in its schema sequence", part, n.name.Local, k.name.Local))
			case r < last || r == last && !strings.Contains(seq[r], "|"):
				problems = append(problems, fmt.Sprintf("%s: w:%s: child w:%s out of ECMA-376 order (after %s)", part, n.name.Local, k.name.Local, seq[last]))
			}
			last = max(last, r)
		}
	})
	return problems, checked
}

func TestDOCXSchemaOrderAndStructure(t *testing.T) {
	for _, f := range docxFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			b, err := bhytdoc.RenderDOCX(f.doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			parts, names := unzip(t, b)
			if names[0] != "[Content_Types].xml" || names[1] != "_rels/.rels" {
				t.Errorf("zip order %v: content types and package rels come first", names[:2])
			}
			trees := map[string]*xmlNode{}
			checked := 0
			for _, name := range names {
				if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
					trees[name] = parseXML(t, name, parts[name])
					problems, n := checkOrder(name, trees[name])
					for _, p := range problems {
						t.Error(p)
					}
					checked += n
				}
			}
			if checked < 50 {
				t.Errorf("only %d property elements checked", checked)
			}
			checkPackage(t, parts, trees)
			checkDocument(t, f.doc, trees)
		})
	}
}

// checkPackage checks that every part has a content type and every
// relationship a unique id and an existing target, and that every r:id
// the document uses is declared.
func checkPackage(t *testing.T, parts map[string][]byte, trees map[string]*xmlNode) {
	t.Helper()
	types := map[string]bool{}
	trees["[Content_Types].xml"].each(func(n *xmlNode) {
		switch n.name.Local {
		case "Default":
			types["ext:"+n.get("Extension")] = true
		case "Override":
			types[strings.TrimPrefix(n.get("PartName"), "/")] = true
		}
	})
	for name := range parts {
		ext := name[strings.LastIndexByte(name, '.')+1:]
		if !types[name] && !types["ext:"+ext] {
			t.Errorf("part %s has no content type", name)
		}
	}
	for _, part := range []string{"word/document.xml", "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml", "docProps/core.xml", "docProps/app.xml"} {
		if !types[part] {
			t.Errorf("no content type override for %s", part)
		}
	}
	rels := map[string]string{}
	for relsName, base := range map[string]string{"_rels/.rels": "", "word/_rels/document.xml.rels": "word/"} {
		ids := map[string]bool{}
		trees[relsName].each(func(n *xmlNode) {
			if n.name.Local != "Relationship" {
				return
			}
			id := n.get("Id")
			if ids[id] {
				t.Errorf("%s: relationship id %s used twice", relsName, id)
			}
			ids[id] = true
			target := base + n.get("Target")
			if _, ok := parts[target]; !ok {
				t.Errorf("%s: %s points to missing part %s", relsName, id, target)
			}
			if base != "" {
				rels[id] = target
			}
		})
	}
	trees["word/document.xml"].each(func(n *xmlNode) {
		for _, a := range n.attr {
			if (a.Name.Local == "id" || a.Name.Local == "embed") && strings.HasSuffix(a.Name.Space, "officeDocument/2006/relationships") {
				if _, ok := rels[a.Value]; !ok {
					t.Errorf("document uses undeclared relationship %s", a.Value)
				}
			}
		}
	})
}

// checkDocument checks the Decree 30 structure of word/document.xml.
func checkDocument(t *testing.T, d *bhytdoc.Document, trees map[string]*xmlNode) {
	t.Helper()
	doc := trees["word/document.xml"]
	var sects, tblHeaders, gridSpans, restarts, continues, boldTotals int
	var landscape []bool
	fontsOK := true
	doc.each(func(n *xmlNode) {
		switch n.name.Local {
		case "t":
			if strings.ContainsAny(n.text, "\n\r") {
				t.Errorf("literal newline in w:t %q", n.text)
			}
			if (strings.HasPrefix(n.text, " ") || strings.HasSuffix(n.text, " ")) && n.get("space") != "preserve" {
				t.Errorf("w:t %q loses its spaces without xml:space=preserve", n.text)
			}
		case "sectPr":
			sects++
			var hdr, first, titlePg, start bool
			orient := false
			for _, k := range n.kids {
				switch k.name.Local {
				case "headerReference":
					hdr = hdr || k.get("type") == "default"
					first = first || k.get("type") == "first"
				case "titlePg":
					titlePg = true
				case "pgNumType":
					start = k.get("start") == "1"
				case "pgSz":
					orient = k.get("orient") == "landscape"
					if orient != (k.get("w") > k.get("h")) {
						t.Errorf("pgSz %v: orientation and size disagree", k.attr)
					}
				}
			}
			if !hdr || !first || !titlePg || !start {
				t.Errorf("section %d: default header %v, first-page header %v, titlePg %v, numbered from 1 %v", sects, hdr, first, titlePg, start)
			}
			landscape = append(landscape, orient)
		case "tblHeader":
			tblHeaders++
		case "gridSpan":
			gridSpans++
		case "vMerge":
			if n.get("val") == "restart" {
				restarts++
			} else if n.get("val") == "continue" {
				continues++
			}
		case "rFonts":
			fontsOK = fontsOK && n.get("ascii") == "Times New Roman" && n.get("hAnsi") == "Times New Roman" && n.get("cs") == "Times New Roman"
		case "tr":
			// The totals row: its first non-empty cell text "Cộng" in bold.
			if strings.Contains(textOf(n), "Cộng") {
				n.each(func(r *xmlNode) {
					if r.name.Local == "b" {
						boldTotals++
					}
				})
			}
		}
	})
	if !fontsOK {
		t.Error("a run names a font other than Times New Roman")
	}
	want := 1 + len(d.Annexes)
	if d.Issues != nil { // paper variant: the issued document and its annexes follow
		want += 1 + len(d.Issues.Annexes)
	}
	if sects != want {
		t.Errorf("%d sections, want %d", sects, want)
	}
	if len(landscape) > 0 && landscape[0] {
		t.Error("the document's own section is landscape")
	}
	if len(d.Annexes) > 0 {
		// Each header row is a tblHeader row; a cell spanning columns is a
		// gridSpan, one spanning rows a vMerge restart and continuations.
		var wantRows, wantSpans, wantRestarts, wantConts int
		annexes := d.Annexes
		if d.Issues != nil { // paper variant: the issued document's annexes too
			annexes = append(slices.Clone(annexes), d.Issues.Annexes...)
		}
		for _, a := range annexes {
			wantRows += len(a.Table.Header)
			a.Table.EachHeaderCell(func(_, _ int, c bhytdoc.HeaderCell) {
				if c.ColSpan > 1 {
					wantSpans++
				}
				if c.RowSpan > 1 {
					wantRestarts++
					wantConts += c.RowSpan - 1
				}
			})
		}
		if tblHeaders != wantRows || gridSpans != wantSpans || restarts != wantRestarts || continues != wantConts {
			t.Errorf("annex header: %d tblHeader rows, %d gridSpans, %d/%d vMerge restart/continue; want %d, %d, %d/%d",
				tblHeaders, gridSpans, restarts, continues, wantRows, wantSpans, wantRestarts, wantConts)
		}
		// wideAnnex's ten columns do not fit a portrait page.
		if d.Annexes[0].Table.Cols() >= 10 && !landscape[1] {
			t.Error("wide annex section is not landscape")
		}
		if boldTotals == 0 {
			t.Error("totals row is not bold")
		}
	}
	hdr := textOf(trees["word/header1.xml"])
	instr := ""
	trees["word/header1.xml"].each(func(n *xmlNode) {
		if n.name.Local == "instrText" {
			instr += n.text
		}
	})
	if strings.TrimSpace(instr) != "PAGE" {
		t.Errorf("page header field %q, want PAGE (text %q)", instr, hdr)
	}
	if s := strings.TrimSpace(textOf(trees["word/header2.xml"])); s != "" {
		t.Errorf("first-page header is not empty: %q", s)
	}
	core := trees["docProps/core.xml"]
	got := map[string]string{}
	core.each(func(n *xmlNode) { got[n.name.Local] = n.text })
	ird, _, _, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	var issuer []string
	for _, l := range ird.Issuer {
		issuer = append(issuer, l.S)
	}
	if want := strings.Join(issuer, " "); got["creator"] != want {
		t.Errorf("core creator %q, want %q", got["creator"], want)
	}
	if got["title"] != ird.InfoTitle || got["subject"] != ird.Summary.S {
		t.Errorf("core title %q subject %q", got["title"], got["subject"])
	}
	if want := fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", d.Date.Year, d.Date.Month, max(d.Date.Day, 1)); got["created"] != want || got["modified"] != want {
		t.Errorf("core dates %q %q, want %q", got["created"], got["modified"], want)
	}
}

// textOf is the text of every w:t under n, concatenated.
// textOf is the text of n as a reader sees it: its w:t runs, a
// w:noBreakHyphen read as "-" and a no-break space as a space (the DOCX
// writes a spaced hyphen " - " with both, so that no line ends with it).
func textOf(n *xmlNode) string {
	var b strings.Builder
	n.each(func(k *xmlNode) {
		switch k.name.Local {
		case "t":
			b.WriteString(strings.ReplaceAll(k.text, "\u00a0", " "))
		case "noBreakHyphen":
			b.WriteString("-")
		}
	})
	return b.String()
}

func TestDOCXDeterministic(t *testing.T) {
	d := quyetDinh(t, 30)
	a, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bhytdoc.RenderDOCX(quyetDinh(t, 30), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same document differ")
	}
	parts, _ := unzip(t, a)
	// One part per distinct image, stored once.
	var media []string
	for name := range parts {
		if strings.HasPrefix(name, "word/media/") {
			media = append(media, name)
		}
	}
	if len(media) != 2 {
		t.Errorf("media parts %v, want the signature and the seal", media)
	}
	var buf bytes.Buffer
	if err := bhytdoc.WriteDOCX(&buf, d, nil); err != nil || !bytes.Equal(buf.Bytes(), a) {
		t.Errorf("WriteDOCX differs from RenderDOCX (err %v)", err)
	}
}

func TestDOCXErrors(t *testing.T) {
	d := quyetDinh(t, 3)
	d.Signatures[0].Seal = append([]byte("\x89PNG\r\n\x1a\n"), "not really"...)
	var buf bytes.Buffer
	err := bhytdoc.WriteDOCX(&buf, d, nil)
	if err == nil || !strings.Contains(err.Error(), "Signatures[0].Seal") {
		t.Errorf("broken seal: %v, want an error naming Signatures[0].Seal", err)
	}
	if buf.Len() != 0 {
		t.Error("bytes written despite the error")
	}
	d = quyetDinh(t, 3)
	d.Summary = ""
	if err := bhytdoc.WriteDOCX(&buf, d, nil); err == nil || !strings.Contains(err.Error(), "Summary") || buf.Len() != 0 {
		t.Errorf("invalid document: %v, %d bytes written", err, buf.Len())
	}
	if err := bhytdoc.WriteDOCX(&buf, seeds.CaiRang(), &bhytdoc.Options{MarginLeft: 50}); err == nil || !strings.Contains(err.Error(), "MarginLeft") {
		t.Errorf("margin out of range: %v", err)
	}
}

// The order check itself must catch a misplaced child and an element
// outside the schema.
func TestCheckOrderCatches(t *testing.T) {
	bad := []byte(`<w:document xmlns:w="` + nsWordML + `"><w:p><w:pPr><w:jc w:val="both"/><w:spacing w:before="0"/></w:pPr></w:p>` +
		`<w:sectPr><w:pgSz/><w:headerReference/></w:sectPr><w:tcPr><w:vAlign/><w:madeUp/></w:tcPr></w:document>`)
	problems, n := checkOrder("bad.xml", parseXML(t, "bad.xml", bad))
	if len(problems) != 3 || n != 3 {
		t.Errorf("checked %d elements, problems %q; want 3 and 3 (misordered pPr, sectPr, unknown tcPr child)", n, problems)
	}
}

// Margins, body size, line spacing, paragraph spacing and indent come
// from Options.
func TestDOCXOptions(t *testing.T) {
	o := &bhytdoc.Options{MarginTop: 25, MarginBottom: 22, MarginLeft: 35, MarginRight: 20, BodySize: 13, LineSpacing: 1.5, ParagraphSpacing: 12, Indent: 12.7}
	b, err := bhytdoc.RenderDOCX(seeds.CaiRang(), o)
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := unzip(t, b)
	doc := parseXML(t, "word/document.xml", parts["word/document.xml"])
	var pgMar *xmlNode
	body := 0
	doc.each(func(n *xmlNode) {
		if n.name.Local == "pgMar" {
			pgMar = n
		}
		if n.name.Local == "pStyle" && bodyStyles[n.get("val")] {
			body++
		}
	})
	// The body styles carry the options: justified with a first-line
	// indent, the spacing and line spacing asked for.
	styled := 0
	parseXML(t, "word/styles.xml", parts["word/styles.xml"]).each(func(n *xmlNode) {
		if n.name.Local == "style" && bodyStyles[n.get("styleId")] {
			styled++
			n.each(func(n *xmlNode) {
				if n.name.Local != "pPr" {
					return
				}
				var sp, ind, jc *xmlNode
				for _, k := range n.kids {
					switch k.name.Local {
					case "spacing":
						sp = k
					case "ind":
						ind = k
					case "jc":
						jc = k
					}
				}
				if ind == nil || sp == nil || jc == nil || jc.get("val") != "both" || sp.get("before") != "240" || sp.get("line") != "360" || sp.get("lineRule") != "auto" || ind.get("firstLine") != "720" {
					t.Errorf("body style: spacing %v indent %v jc %v; want justified, 12 pt before, 1.5 lines, 12.7 mm", sp, ind, jc)
				}
			})
		}
	})
	if styled != len(bodyStyles) {
		t.Errorf("%d body styles in styles.xml, want %d", styled, len(bodyStyles))
	}
	if body < 10 {
		t.Errorf("%d body paragraphs found", body)
	}
	want := map[string]string{"top": "1417", "bottom": "1247", "left": "1984", "right": "1134"}
	for k, v := range want {
		if pgMar == nil || pgMar.get(k) != v {
			t.Errorf("pgMar %s: want %s twips", k, v)
		}
	}
	// The 13 pt body size is the body style's, which its runs inherit.
	bodySz := ""
	parseXML(t, "word/styles.xml", parts["word/styles.xml"]).each(func(n *xmlNode) {
		if n.name.Local == "style" && n.get("styleId") == "VanBan" {
			n.each(func(k *xmlNode) {
				if k.name.Local == "sz" {
					bodySz = k.get("val")
				}
			})
		}
	})
	if bodySz != "26" {
		t.Errorf("body style at %q half-points, want 26 (13 pt)", bodySz)
	}
}
