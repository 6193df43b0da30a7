package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/third_party/fpdf"
)

// Laid is a document laid out on pages, with the faces to draw it. It is
// the part of rendering that can run in parallel; drawing into a PDF
// (Laid.PDF, Book.Add) is the rest.
type Laid struct {
	Pages []Page
	doc   *ir.Doc
	m     *metrics
}

// LayoutAll lays doc out for drawing.
func LayoutAll(doc *ir.Doc, set ir.Settings, fam *fonts.Family) (l *Laid, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	m, err := newMetrics(fam, doc)
	if err != nil {
		return nil, err
	}
	return &Laid{Pages: Layout(doc, set, m), doc: doc, m: m}, nil
}

// PDF writes l as a PDF of its own: the bytes Render gives.
func (l *Laid) PDF() (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	return write(l.Pages, l.doc, l.m)
}

// Book draws several laid-out documents into one PDF: each face is
// embedded once (subset to the runes of all documents), each document
// starts on a new page (on a new sheet, an odd page, when Duplex) and gets
// a top-level bookmark. Page numbers are the documents' own, since they
// are part of each document's layout.
type Book struct {
	pdf     *fpdf.Fpdf
	duplex  bool
	faces   [4]*fonts.Face
	pages   int
	docs    int
	created time.Time
	err     error
}

// NewBook starts an empty book. The creation date is fixed so that the
// same documents give the same bytes: created, or when zero the date of
// the first document added.
func NewBook(title string, created time.Time, duplex bool) *Book {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.SetCatalogSort(true)
	if !created.IsZero() {
		pdf.SetCreationDate(created)
		pdf.SetModificationDate(created)
	}
	pdf.SetTitle(title, true)
	pdf.SetCreator("bhytdoc", true)
	pdf.SetProducer("bhytdoc", true)
	return &Book{pdf: pdf, duplex: duplex, created: created}
}

// errFaces is returned when documents of one book use different fonts.
var errFaces = errors.New("pdf: the documents of one PDF must use the same font family")

// Add draws l after the documents already added, with bookmark naming it
// in the outline. After an error the book is unusable.
func (b *Book) Add(l *Laid, bookmark string) (err error) {
	if b.err != nil {
		return b.err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
		if err == nil {
			err = b.pdf.Error()
		}
		b.err = err
	}()
	for st, f := range l.m.faces {
		if f != nil && b.faces[st] != nil && b.faces[st] != f {
			return errFaces
		}
	}
	if err := addFonts(b.pdf, l.m); err != nil {
		return err
	}
	for st, f := range l.m.faces {
		if f != nil {
			b.faces[st] = f
		}
	}
	if b.duplex && b.pages%2 == 1 {
		// The back of the previous document's last sheet stays blank.
		b.pdf.AddPageFormat("P", fpdf.SizeType{Wd: pageW, Ht: pageH})
		b.pages++
	}
	for i := range l.Pages {
		if err := drawPage(b.pdf, &l.Pages[i]); err != nil {
			return err
		}
		if i == 0 {
			b.bookmark(bookmark)
		}
	}
	if b.docs == 0 && b.created.IsZero() {
		d := l.doc
		b.created = time.Date(max(d.Year, 1), time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
		b.pdf.SetCreationDate(b.created)
		b.pdf.SetModificationDate(b.created)
	}
	b.pages += len(l.Pages)
	b.docs++
	return nil
}

// bookmark adds a top-level outline entry for the current page. fpdf
// encodes the title as UTF-16 only while a UTF-8 font is selected.
func (b *Book) bookmark(title string) {
	for st, f := range b.faces {
		if f != nil {
			b.pdf.SetFont(family, styleStr[st], 12)
			break
		}
	}
	b.pdf.Bookmark(title, 0, 0)
}

// Pages is the number of pages drawn so far, blank ones included.
func (b *Book) Pages() int { return b.pages }

// Output writes the book to w. A book without documents is an error: a
// PDF needs a page.
func (b *Book) Output(w io.Writer) (err error) {
	if b.err != nil {
		return b.err
	}
	if b.docs == 0 {
		return errors.New("pdf: a book needs at least one document")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
		b.err = errors.New("pdf: book already written")
	}()
	return b.pdf.Output(w)
}
