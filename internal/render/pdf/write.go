package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"runtime"
	"sync"
	"time"
	"weak"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/docmeta"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
	"github.com/bhytdoc/bhytdoc/internal/third_party/fpdf"
)

const family = "doc"

var styleStr = [4]string{ir.Regular: "", ir.Bold: "B", ir.Italic: "I", ir.BoldItalic: "BI"}

// parsedFonts memoises the fpdf form of each face, so that a TrueType
// file is parsed once per process rather than once per document. Keys are
// weak: a face that is no longer used drops its entry.
var parsedFonts sync.Map // weak.Pointer[fonts.Face] → *fpdf.UTF8Font

func parsedFont(f *fonts.Face) (*fpdf.UTF8Font, error) {
	key := weak.Make(f)
	if v, ok := parsedFonts.Load(key); ok {
		return v.(*fpdf.UTF8Font), nil
	}
	pf, err := fpdf.ParseUTF8Font(f.TTF())
	if err != nil {
		return nil, err
	}
	if v, loaded := parsedFonts.LoadOrStore(key, pf); loaded {
		return v.(*fpdf.UTF8Font), nil
	}
	runtime.AddCleanup(f, func(k weak.Pointer[fonts.Face]) { parsedFonts.Delete(k) }, key)
	return pf, nil
}

// Render lays out doc and returns the PDF bytes. Nothing is returned on
// error, so callers never write a partial file.
func Render(doc *ir.Doc, set ir.Settings, fam *fonts.Family) ([]byte, error) {
	l, err := LayoutAll(doc, set, fam)
	if err != nil {
		return nil, err
	}
	return l.PDF()
}

// LayoutDoc exposes the layout step for tests and tools.
func LayoutDoc(doc *ir.Doc, set ir.Settings, fam *fonts.Family) ([]Page, error) {
	m, err := newMetrics(fam, doc, nil)
	if err != nil {
		return nil, err
	}
	return Layout(doc, set, m)
}

func write(pages []Page, doc *ir.Doc, set ir.Settings, m *metrics) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.SetCatalogSort(true)
	// Decree 30, Appendix I, Part II: electronic copies are PDF 1.4 or later.
	pdf.SetMinPDFVersion(1, 4)
	// Separate files are e-mailed and archived: subsets without the
	// tables a PDF does not draw from, named by tag and PostScript name,
	// and objects packed into an object stream (the header says 1.5).
	pdf.SetCompactFonts(true)
	pdf.SetObjectStreams(!set.Archival) // archival: a table, see archival
	// A fixed date keeps output byte-identical for the same input.
	when := time.Date(max(doc.Year, 1), time.Month(max(doc.Month, 1)), max(doc.Day, 1), 0, 0, 0, 0, time.UTC)
	meta := &docmeta.Packet{Record: doc.Record, Areas: signAreas(pages)}
	meta.Record.Pages = len(pages)
	if set.Archival {
		when = time.Date(when.Year(), when.Month(), when.Day(), 0, 0, 0, 0, vietnam)
		archival(pdf, doc, meta, when)
	}
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.SetTitle(doc.InfoTitle, true)
	pdf.SetCreator(creator, true)
	pdf.SetProducer(producer, true)
	pdf.SetXmpMetadata(docmeta.XMP(meta))
	if err := addFonts(pdf, m); err != nil {
		return nil, err
	}
	for i := range pages {
		if err := drawPage(pdf, &pages[i], 0); err != nil {
			return nil, err
		}
	}
	var out appendWriter
	if err := pdf.Output(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// appendWriter appends what is written to it. Output writes the file in
// one call: into nil, append makes an array of its size without zeroing
// it first, which a bytes.Buffer grown from empty does (2% of merge -o).
type appendWriter []byte

func (w *appendWriter) Write(p []byte) (int, error) {
	*w = append(*w, p...)
	return len(p), nil
}

// Creator and Producer of the Info dictionary (and, archival, of the XMP).
const creator, producer = "bhytdoc", "bhytdoc"

// vietnam is UTC+07:00, the zone of an archival file's dates: the day of
// issue begins at 00:00 in Vietnam. A fixed zone, independent of tzdata.
var vietnam = time.FixedZone("+07", 7*60*60)

// archival sets up PDF/A-2b (ISO 19005-2, conformance B) on pdf: header
// 1.7, Info dates with their offset, a content-derived /ID, an sRGB
// output intent, and the Info entries the XMP repeats (PDF/A requires
// the two to agree, so both are taken from the same strings here).
// Fonts are embedded subsets already; nothing is encrypted. The
// cross-reference stays a table (see write): pdfsign updates a file with a
// cross-reference stream without the trailer's /Info, and PDF/A requires
// the Info of a signed file to agree with its XMP still.
func archival(pdf *fpdf.Fpdf, doc *ir.Doc, meta *docmeta.Packet, when time.Time) {
	pdf.SetMinPDFVersion(1, 7)
	pdf.SetInfoDateZone(true)
	pdf.SetContentID(true)
	pdf.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                fpdf.SRGB2014ICC(),
	})
	a := &docmeta.Archive{
		Title:    doc.InfoTitle,
		Author:   doc.Record.Issuer,
		Subject:  doc.Record.Summary,
		Creator:  creator,
		Producer: producer,
		Date:     when,
	}
	pdf.SetAuthor(a.Author, true)
	pdf.SetSubject(a.Subject, true)
	meta.Archival = a
}

// drawImage fits a PNG into the op's box, keeping its aspect ratio. Images
// are named by content, so fpdf embeds a repeated image once.
func drawImage(pdf *fpdf.Fpdf, o Op) error {
	img, err := pngForPDF(o.Img)
	if err != nil {
		return fmt.Errorf("pdf: image: %v", err)
	}
	sum := sha256.Sum256(img)
	name := hex.EncodeToString(sum[:8])
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	info := pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(img))
	if err := pdf.Error(); err != nil || info == nil {
		return fmt.Errorf("pdf: image: %v", err)
	}
	iw, ih := info.Width(), info.Height()
	if !(iw > 0 && ih > 0) {
		return fmt.Errorf("pdf: image of %g × %g pixels", iw, ih)
	}
	x, y, w, h := fit(o, iw, ih)
	pdf.ImageOptions(name, x, y, w, h, false, opt, 0, "")
	return nil
}

// pngForPDF returns b in a form fpdf embeds correctly. fpdf copies the
// compressed rows of a PNG as they are and splits alpha assuming 8 bits
// a channel, so an interlaced image, or a 16-bit one with alpha, would be
// refused or garbled; those are decoded and written again as plain 8-bit
// PNGs (deterministically, so output stays byte-identical). The model has
// already decoded every image in full, so b is a valid PNG.
func pngForPDF(b []byte) ([]byte, error) {
	// IHDR follows the 8-byte signature and the chunk's length and type.
	if len(b) < 29 {
		return nil, fmt.Errorf("PNG of %d bytes", len(b))
	}
	depth, ct, interlace := b[24], b[25], b[28]
	if interlace == 0 && (depth <= 8 || ct != 4 && ct != 6) {
		return b, nil
	}
	src, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	dst := image.NewNRGBA(src.Bounds())
	draw.Draw(dst, dst.Rect, src, src.Bounds().Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// addFonts registers the faces m uses; a face already registered in pdf
// is kept, so a book of documents embeds each face once.
func addFonts(pdf *fpdf.Fpdf, m *metrics) error {
	for st, f := range m.faces {
		if f == nil {
			continue
		}
		pf, err := parsedFont(f)
		if err != nil {
			return fmt.Errorf("font %s: %w", fonts.Style(st), err)
		}
		pdf.AddUTF8FontParsed(family, styleStr[st], pf)
	}
	return nil
}

// drawPage adds p to pdf as a new page, whose content buffer starts with
// room for size bytes.
func drawPage(pdf *fpdf.Fpdf, p *Page, size int) error {
	orient := "P"
	if p.Landscape {
		orient = "L"
	}
	pdf.AddPageFormat(orient, fpdf.SizeType{Wd: pagespec.PageW, Ht: pagespec.PageH})
	pdf.GrowPage(size)
	curSt, curSize := ir.Style(-1), 0.0
	for _, o := range p.Ops {
		if o.Red {
			pdf.SetTextColor(255, 0, 0)
			pdf.SetDrawColor(255, 0, 0)
		}
		switch o.Kind {
		case OpText:
			if o.Style != curSt || o.Size != curSize {
				pdf.SetFont(family, styleStr[o.Style], o.Size)
				curSt, curSize = o.Style, o.Size
			}
			a := "L"
			if o.Justify {
				a = "J"
			}
			pdf.SetXY(o.X, o.Y-0.3*o.Size*pagespec.PtToMM)
			pdf.CellFormat(o.W, 0, o.S, "", 0, a, false, 0, "")
		case OpLine:
			pdf.SetLineWidth(pagespec.RuleWidth)
			pdf.Line(o.X, o.Y, o.X+o.W, o.Y+o.H)
		case OpRect:
			pdf.SetLineWidth(0.2)
			pdf.Rect(o.X, o.Y, o.W, o.H, "D")
		case OpImage:
			if err := drawImage(pdf, o); err != nil {
				return err
			}
		}
		if o.Red {
			pdf.SetTextColor(0, 0, 0)
			pdf.SetDrawColor(0, 0, 0)
		}
	}
	return nil
}
