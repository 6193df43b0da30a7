package docx

import (
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// Named paragraph styles: an official who retypes a paragraph in Word
// keeps its layout by keeping its style. Each carries the properties the
// writer sets on its paragraphs, so the styles and the paragraphs agree.
const (
	styleBody      = "VanBan"
	stylePart      = "Phan"
	styleSection   = "Muc"
	styleArticle   = "Dieu"
	styleItem      = "Khoan"
	styleNoiNhan   = "NoiNhan"
	styleSignature = "ChuKy"
	styleTable     = "BangPhuLuc"
)

// elementStyles are the styles of the header's elements (ô 1–5) and of
// the "Nơi nhận:" label: each the element's font from the page
// specification, centred but the label.
var elementStyles = []struct {
	e        pagespec.Element
	id, name string
}{
	{pagespec.Parent, "CoQuanChuQuan", "Cơ quan chủ quản"},
	{pagespec.Issuer, "CoQuan", "Cơ quan ban hành"},
	{pagespec.QuocHieu, "QuocHieu", "Quốc hiệu"},
	{pagespec.TieuNgu, "TieuNgu", "Tiêu ngữ"},
	{pagespec.Number, "SoKyHieu", "Số, ký hiệu"},
	{pagespec.PlaceDate, "DiaDanh", "Địa danh, ngày tháng"},
	{pagespec.Title, "TenLoai", "Tên loại"},
	{pagespec.Summary, "TrichYeu", "Trích yếu"},
	{pagespec.NoiNhan, "NhanNoiNhan", "Nhãn Nơi nhận"},
}

// elementStyle is the style of element e, "" when it has none.
func elementStyle(e pagespec.Element) string {
	for _, s := range elementStyles {
		if s.e == e {
			return s.id
		}
	}
	return ""
}

// blockStyle is the style of a body block of each kind.
var blockStyle = map[ir.BlockKind]string{
	ir.Paragraph: styleBody, ir.Section: styleSection, ir.Article: styleArticle,
	ir.Item: styleItem, ir.SubItem: styleItem, ir.Point: styleBody, ir.Dash: styleBody,
	ir.Plus: styleBody, ir.Centered: styleBody,
}

// styleDef is a named paragraph style: its paragraph properties and the
// emphasis and size of its runs.
type styleDef struct {
	id, name string
	p        para
	st       ir.Style
	size     float64
}

// styleList gives the named styles: body text and the headings of each
// level justified with the first-line indent, spacing and line spacing
// of the settings (headings keep with what follows, as in the PDF), a
// part centred, Nơi nhận in its size, the signature block centred and
// bold, annex table text in the table size.
func (w *builder) styleList() []styleDef {
	body := para{before: ptTwips(w.set.ParagraphSpacing), line: int(240*w.set.LineSpacing + 0.5), lineRule: "auto",
		first: twips(w.set.Indent), jc: "both"}
	heading := body
	heading.keepNext = true
	part := heading
	part.first, part.jc = 0, "center"
	copies := w.font(pagespec.Recipients)
	sig := w.font(pagespec.Signature)
	defs := []styleDef{
		{styleBody, "Văn bản", body, ir.Regular, w.set.BodySize},
		{stylePart, "Phần", part, ir.Bold, w.set.BodySize},
		{styleSection, "Mục", heading, ir.Bold, w.set.BodySize},
		{styleArticle, "Điều", body, ir.Regular, w.set.BodySize},
		{styleItem, "Khoản", body, ir.Regular, w.set.BodySize},
		{styleNoiNhan, "Nơi nhận", para{}, ir.Regular, copies.Size},
		{styleSignature, "Chữ ký", para{jc: "center"}, sig.Style, sig.Size},
		{styleTable, "Bảng phụ lục", para{}, ir.Regular, pagespec.TableSize},
	}
	for _, e := range elementStyles {
		f := w.font(e.e)
		p := para{jc: "center"}
		if e.e == pagespec.NoiNhan {
			p.jc = ""
		}
		defs = append(defs, styleDef{e.id, e.name, p, f.Style, f.Size})
	}
	return defs
}

// runStyles are the run properties of each style, Normal ("") being the
// document defaults: Times New Roman at the body size.
func (w *builder) runStyles() map[string]runBase {
	m := map[string]runBase{"": {ir.Regular, w.set.BodySize}}
	for _, s := range w.styleList() {
		m[s.id] = runBase{s.st, s.size}
	}
	return m
}

// styleDefs writes the named styles, each naming the font and size its
// runs inherit.
func (w *builder) styleDefs(b *buf) {
	for _, s := range w.styleList() {
		b.str(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="`, s.id, `"><w:name w:val="`)
		b.esc(s.name)
		b.str(`"/><w:basedOn w:val="Normal"/><w:qFormat/>`)
		b.pPr(&s.p)
		b.rPr(s.st, s.size)
		b.str(`</w:style>`)
	}
}
