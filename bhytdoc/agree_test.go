package bhytdoc_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// everyBlock is a công văn with every kind of body block, two Kính gửi
// recipients, an attachment note, a Nơi nhận group under one brace, the
// marks, ô 12–14, a paper copy and an annex.
func everyBlock(t *testing.T) *bhytdoc.Document {
	t.Helper()
	body, err := bhytdoc.ParseBody(`Mở đầu có chữ **đậm** và *nghiêng*.

# Phần I. Quy định chung

## I. Mục đích, yêu cầu

### 1. Mục đích

1.1. Nâng cao tỷ lệ bao phủ.

a) Rà soát hộ cận nghèo;

- Lập danh sách;

+ Gửi về Phòng Y tế.

1. Giao Bảo hiểm xã hội quận thực hiện.

2. Giao Ủy ban nhân dân các phường phối hợp.

##### Bảng số liệu

| Phường | Tỷ lệ |
| :--- | ---: |
| Lê Bình | 89,1% |
`)
	if err != nil {
		t.Fatal(err)
	}
	d := markedDoc()
	d.Body = body
	d.Addressees = []string{"Bảo hiểm xã hội quận", "Ủy ban nhân dân các phường"}
	d.Attachments = []string{"Đính kèm danh sách"}
	d.Recipients = append(d.Recipients, bhytdoc.Recipient{Name: "UBND thành phố", Purpose: "để báo cáo"}, bhytdoc.Recipient{Name: "Sở Y tế", Joined: true})
	d.Copy = copiedDoc().Copy
	return d
}

// TestWritersAgree is issue 11's "one decision, every writer shows it":
// every string of the neutral form appears as it is in the PDF (read back
// with pdftotext), in the DOCX (the w:t runs of each paragraph joined),
// in WriteMarkdown's output and, outside the body, in the Markdown source
// that package markdown writes (each after un-escaping). White space is
// compared squashed: lines wrap differently in each format.
func TestWritersAgree(t *testing.T) {
	type fixture struct {
		name string
		doc  *bhytdoc.Document
		o    *bhytdoc.Options
	}
	var fs []fixture
	for _, f := range docxFixtures(t) {
		fs = append(fs, fixture{f.name, f.doc, nil})
	}
	fs = append(fs, fixture{"every-block", everyBlock(t), nil},
		fixture{"cai-rang-modern", seeds.CaiRang(), &bhytdoc.Options{Tone: bhytdoc.ToneModern}})
	for _, f := range fs {
		t.Run(f.name, func(t *testing.T) {
			doc, _, _, err := bhytdoc.LayoutForTest(f.doc, f.o)
			if err != nil {
				t.Fatal(err)
			}
			outs := map[string]string{
				"PDF":  pdfText(t, f.doc, f.o),
				"DOCX": docxText(t, f.doc, f.o),
			}
			md, err := bhytdoc.RenderMarkdown(f.doc, f.o)
			if err != nil {
				t.Fatal(err)
			}
			outs["Markdown"] = markdownText(string(md))
			tone := bhytdoc.ToneTraditional
			if f.o != nil {
				tone = f.o.Tone
			}
			src, err := markdown.Marshal(f.doc, &markdown.Options{Tone: tone})
			if err != nil {
				t.Fatal(err)
			}
			source := markdownText(string(src))
			n := 0
			check := func(tx ir.Text, inBody bool) {
				s := squash(tx.S)
				if s == "" {
					return
				}
				n++
				for format, out := range outs {
					if !strings.Contains(out, s) {
						t.Errorf("%s: %s %q is not in the %s", f.name, tx.Field, s, format)
					}
				}
				if !inBody && !strings.Contains(source, s) {
					t.Errorf("%s: %s %q is not in the Markdown source", f.name, tx.Field, s)
				}
			}
			// Mẫu 1.3 on paper: the issued document's text too.
			for _, doc := range []*ir.Doc{doc, doc.Issued} {
				if doc == nil {
					continue
				}
				body := doc.Body
				doc.Body = nil
				doc.Each(func(tx ir.Text, _ ir.Style) { check(tx, false) })
				doc.Body = body
				checkBody(body, check)
			}
			// A one-page example (a thư công, a quy chế of two articles)
			// has fewer strings than a letter.
			if want := min(20, 10+len(doc.Body)); n < want {
				t.Errorf("%s: only %d strings checked", f.name, n)
			}
		})
	}
}

// checkBody calls check for each block's marker, text and table cells.
func checkBody(body []ir.Block, check func(ir.Text, bool)) {
	for _, b := range body {
		check(ir.Text{S: b.Marker, Field: b.Field}, true)
		var sb strings.Builder
		for _, s := range b.Spans {
			sb.WriteString(s.S)
		}
		check(ir.Text{S: sb.String(), Field: b.Field}, true)
		if b.Table != nil {
			for _, row := range b.Table.Header {
				for _, c := range row {
					check(c.Text, true)
				}
			}
			for _, row := range append(b.Table.Rows, b.Table.Totals) {
				for _, c := range row {
					check(c, true)
				}
			}
		}
	}
}

// pdfText is the PDF's text as pdftotext reads it, without the page
// numbers at the top of pages 2 on.
func pdfText(t *testing.T, d *bhytdoc.Document, o *bhytdoc.Options) string {
	t.Helper()
	b, err := bhytdoc.RenderPDF(d, o)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(run(t, "pdftotext", "-raw", "-enc", "UTF-8", f, "-"), "\f")
	for i := 1; i < len(pages); i++ {
		first, rest, _ := strings.Cut(pages[i], "\n")
		if isNumber(strings.TrimSpace(first)) {
			pages[i] = rest
		}
	}
	return squash(norm.NFC.String(strings.Join(pages, "\n")))
}

// docxText is the text of every paragraph of the document, its headers
// (where ô 14 and a copy's signing lines go) and footer (ô 13), each
// paragraph's w:t runs joined.
func docxText(t *testing.T, d *bhytdoc.Document, o *bhytdoc.Options) string {
	t.Helper()
	b, err := bhytdoc.RenderDOCX(d, o)
	if err != nil {
		t.Fatal(err)
	}
	parts, names := unzip(t, b)
	var paras []string
	for _, name := range names {
		if name != "word/document.xml" && !strings.HasPrefix(name, "word/header") && !strings.HasPrefix(name, "word/footer") {
			continue
		}
		parseXML(t, name, parts[name]).each(func(n *xmlNode) {
			if n.name.Local == "p" {
				paras = append(paras, textOf(n))
			}
		})
	}
	return squash(strings.Join(paras, "\n"))
}

var mdEntity = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// markdownText un-escapes Markdown as a reader sees it: a backslash
// before punctuation or a line end is dropped, character references are
// decoded, and the unescaped * and _ that delimit emphasis are removed
// (the writer escapes every literal one).
func markdownText(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '\n' || strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0):
			i++
			sb.WriteByte(s[i])
		case c == '*' || c == '_':
		case c == '&':
			if m := mdEntity.FindString(s[i:]); m != "" {
				sb.WriteString(html.UnescapeString(m))
				i += len(m) - 1
			} else {
				sb.WriteByte(c)
			}
		default:
			sb.WriteByte(c)
		}
	}
	return squash(sb.String())
}

// TestPartLabelStyle: a part's label is a centred line of its own, bold
// and upright even when its heading starts in italics; a heading item's
// label follows its text into italics. The ir decides it, and the PDF and
// DOCX draw MarkerStyle rather than choosing themselves.
func TestPartLabelStyle(t *testing.T) {
	d := seeds.CaiRang()
	d.Body = append([]bhytdoc.Block{
		{Kind: bhytdoc.Part, Label: "Phần I", Text: []bhytdoc.Span{{Text: "Quy định", Italic: true}, {Text: " chung"}}},
		{Kind: bhytdoc.Item, Label: "1.", Heading: true, Text: []bhytdoc.Span{{Text: "Mục đích", Italic: true}}},
	}, d.Body...)
	doc, _, _, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Body[0].MarkerStyle; got != ir.Bold {
		t.Errorf("part label style %d, want bold (%d)", got, ir.Bold)
	}
	if got := doc.Body[1].MarkerStyle; got != ir.BoldItalic {
		t.Errorf("heading label style %d, want bold italic (%d)", got, ir.BoldItalic)
	}
	_, paras := docxParas(t, d)
	p, ok := paras["Phần I"]
	if !ok {
		t.Fatal("no DOCX paragraph \"Phần I\"")
	}
	if _, bold, italic := pProps(p); !bold || italic {
		t.Errorf("DOCX part label bold %v italic %v, want bold upright", bold, italic)
	}
}
