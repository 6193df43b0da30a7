package bhytdoc

import (
	"bytes"
	"errors"
	"io"

	"github.com/bhytdoc/bhytdoc/internal/render/mdview"
)

// WriteMarkdown writes d as Markdown for reading — on a web portal, in a
// chat group — as the page has it: the header (issuing body, number,
// place and date, title or V/v line, Kính gửi, legal bases), the body,
// the signatures, Nơi nhận and each annex as a GFM table. It takes the
// same path as WritePDF (normalised copy, validation) and writes the same
// strings as the PDF and DOCX, so the upper case, punctuation and dates
// agree across formats; only the glyph check is left out, as Markdown
// names no font. On any error nothing is written to w. A nil o uses the
// defaults; only o.Tone matters here.
//
// The result has no front matter: package markdown writes the source
// form, which it reads back.
//
// WriteMarkdown is safe for concurrent use. The same input gives the
// same bytes.
func WriteMarkdown(w io.Writer, d *Document, o *Options) error {
	if w == nil {
		return errors.New("bhytdoc: WriteMarkdown: nil io.Writer")
	}
	b, err := RenderMarkdown(d, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// RenderMarkdown is WriteMarkdown returning the bytes.
func RenderMarkdown(d *Document, o *Options) ([]byte, error) {
	p, err := d.prepare(o, false)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	mdview.Header(&buf, p.ir)
	mdview.Body(&buf, p.ir)
	mdview.Footer(&buf, p.ir)
	mdview.Issued(&buf, p.ir)
	return buf.Bytes(), nil
}

// markdownParts returns the parts of d's Markdown that are generated from
// its fields, as WriteMarkdown writes them: the header (up to the body)
// and the footer (from the attachment notes to the annexes), with the
// normalised copy of d they were written from. Package markdown writes a
// source's front matter and body, which it reads back, from that copy, so
// that they hold the same text as the parts; it reaches this function
// through internal/bridge. Errors are WriteMarkdown's.
func markdownParts(d *Document, o *Options) (header, footer []byte, normalized *Document, err error) {
	p, err := d.prepare(o, false)
	if err != nil {
		return nil, nil, nil, err
	}
	var h, f bytes.Buffer
	mdview.Header(&h, p.ir)
	mdview.Footer(&f, p.ir)
	return h.Bytes(), f.Bytes(), p.doc, nil
}

// Markdown returns t as the GFM table WriteMarkdown writes for an annex.
// Header rows are flattened into one: each column is named by the header
// cells above it, top-down, joined by " – " ("Số người tham gia – Tỷ
// lệ"). Columns are aligned as the PDF aligns them (see ColumnAlign), and
// the totals row is bold. Cell text is escaped so that it reads as
// written; a GFM cell holds one line, so runs of white space become one
// space. A table Document.Validate would reject gives a
// *ValidationError naming the fields, with "Table" for t; a nil t gives
// "".
func (t *Table) Markdown() (string, error) {
	if t == nil {
		return "", nil
	}
	var p problems
	validateTable(&p, "Table", t)
	if err := p.err(); err != nil {
		return "", err
	}
	it := tableIR(t, "Table")
	return mdview.Table(&it), nil
}
