package bhytdoc

import (
	"io"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// checkPDF reports what RenderPDF would refuse — invalid options, a
// *ValidationError, a *GlyphError — without laying d out. A batch checks
// every document with it before writing any, through internal/bridge.
func checkPDF(d *Document, o *Options) error {
	_, err := d.prepare(o, true)
	return err
}

// PDFLayout is a document laid out on PDF pages: normalised, validated,
// checked against the font, positioned. Laying out is most of the work of
// rendering and may run in parallel; a PDFLayout is then written alone
// ([PDFLayout.Render]) or with others into one PDF ([PDFBook]). It is
// read-only and safe for concurrent use.
type PDFLayout struct {
	l     *pdf.Laid
	title string
	date  Date
}

// LayoutPDF lays d out as RenderPDF would; on error nothing is laid out.
func LayoutPDF(d *Document, o *Options) (*PDFLayout, error) {
	return (*PDFLayouter)(nil).Layout(d, o)
}

// A PDFLayouter lays documents out one after another as LayoutPDF does,
// keeping the arrays it breaks lines in from one document to the next (about
// 50 KB per letter otherwise): a goroutine that lays out many documents, such
// as a batch worker, keeps one. The zero value is ready to use. A
// PDFLayouter must not be used by two goroutines at once; the layouts it
// returns do not refer to it.
type PDFLayouter struct {
	scratch pdf.Scratch
}

// Layout is LayoutPDF. A nil *PDFLayouter lays out with new arrays.
func (lo *PDFLayouter) Layout(d *Document, o *Options) (*PDFLayout, error) {
	p, err := d.prepare(o, true)
	if err != nil {
		return nil, err
	}
	var sc *pdf.Scratch
	if lo != nil {
		sc = &lo.scratch
	}
	l, err := p.layoutPDFWith(sc)
	if err != nil {
		return nil, err
	}
	return &PDFLayout{l: l, title: p.ir.InfoTitle, date: p.doc.Date}, nil
}

// Pages returns the number of pages of the document, annexes included.
func (p *PDFLayout) Pages() int { return len(p.l.Pages) }

// Title returns the document's title as its PDF metadata gives it:
// "Công văn số 898/UBND: tăng cường …".
func (p *PDFLayout) Title() string { return p.title }

// Render returns the document as a PDF of its own: the bytes RenderPDF
// gives for the same document and options.
func (p *PDFLayout) Render() ([]byte, error) { return p.l.PDF() }

// PDFBook writes documents one after another into one PDF for printing:
// each starts on a new page — on a new sheet (an odd page, after a blank
// back) when printing on both sides — and keeps its own page numbers; the
// PDF outline has one bookmark per document. Each font is embedded once
// for the whole book, subset to every character the documents use, and
// pages are written out as they are completed, so memory does not grow
// with the book. Documents
// are added in order, from one goroutine; lay them out in parallel with
// LayoutPDF.
type PDFBook struct {
	b *pdf.Book
}

// PDFBookOptions configure a PDFBook. The zero value is a single-sided
// book without a title.
type PDFBookOptions struct {
	// Title is the PDF's title metadata.
	Title string
	// Duplex starts each document on an odd page, so that no sheet holds
	// the end of one document and the start of the next.
	Duplex bool
	// Created is the PDF's creation date; the zero value takes the first
	// document's date, so that output never depends on the clock.
	Created Date
}

// NewPDFBook returns an empty book writing to w; a nil o uses the zero
// options. Nothing is written before the first document is added; the
// PDF is complete when Close returns.
func NewPDFBook(w io.Writer, o *PDFBookOptions) *PDFBook {
	if o == nil {
		o = &PDFBookOptions{}
	}
	var when time.Time
	if c := o.Created; c != (Date{}) {
		when = time.Date(max(c.Year, 1), time.Month(max(c.Month, 1)), max(c.Day, 1), 0, 0, 0, 0, time.UTC)
	}
	return &PDFBook{b: pdf.NewBook(w, o.Title, when, o.Duplex)}
}

// Add appends p with bookmark as its outline entry (p.Title() when
// empty). Documents laid out with different font families cannot share a
// book. After an error the book is unusable and what was written is not
// a PDF.
func (b *PDFBook) Add(p *PDFLayout, bookmark string) error {
	if bookmark == "" {
		bookmark = p.title
	}
	return b.b.Add(p.l, bookmark)
}

// Pages returns the number of pages added so far, blank backs included.
func (b *PDFBook) Pages() int { return b.b.Pages() }

// Close writes the rest of the PDF: the last pages, the page tree, the
// outline and the cross-reference table. A book needs at least one
// document.
func (b *PDFBook) Close() error { return b.b.Close() }
