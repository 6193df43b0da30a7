package bhytdoc_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
)

// BenchmarkCaiRangPDF renders the Cái Răng letter (3 A4 pages, four font
// styles) through the public API: normalise, validate, glyph check,
// layout, write.
func BenchmarkCaiRangPDF(b *testing.B) {
	d := seeds.CaiRang()
	if _, err := bhytdoc.RenderPDF(d, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderPDF(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCaiRangPDFArchival is BenchmarkCaiRangPDF writing PDF/A-2b
// (Options.Archival): the difference is the cost of archival mode.
func BenchmarkCaiRangPDFArchival(b *testing.B) {
	d := seeds.CaiRang()
	o := &bhytdoc.Options{Archival: true}
	if _, err := bhytdoc.RenderPDF(d, o); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bhytdoc.RenderPDF(d, o); err != nil {
			b.Fatal(err)
		}
	}
}

// caiRangCopies returns n distinct Cái Răng letters (see
// seeds.CaiRangCopies), with the signer's name varied when names is set.
func caiRangCopies(tb testing.TB, n int, names bool) []*bhytdoc.Document {
	docs, err := seeds.CaiRangCopies(n, names)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// BenchmarkCaiRang200 renders 200 distinct copies of the letter in turn
// (see caiRangCopies), so that caching across documents is measured on
// varying input rather than on one document rendered again and again.
// ns/op, B/op and allocs/op are per letter.
func BenchmarkCaiRang200(b *testing.B) {
	renderInTurn(b, caiRangCopies(b, 200, false))
}

// BenchmarkCaiRang200Names is BenchmarkCaiRang200 with a different
// signer's name on every letter, so that glyph sets differ too: the
// subset cache misses for the fonts the name uses whenever the name
// brings a letter the rest of the document lacks.
func BenchmarkCaiRang200Names(b *testing.B) {
	renderInTurn(b, caiRangCopies(b, 200, true))
}

// renderInTurn renders docs one after another, round and round, one per
// iteration. Besides ns/op (wall time) it reports cpu-ns/op, the process's
// CPU time (user + system, garbage collection included) per letter, which
// a busy machine inflates far less than wall time.
func renderInTurn(b *testing.B, docs []*bhytdoc.Document) {
	b.ReportAllocs()
	i := 0
	cpu0, ok := processCPU()
	for b.Loop() {
		if _, err := bhytdoc.RenderPDF(docs[i%len(docs)], nil); err != nil {
			b.Fatal(err)
		}
		i++
	}
	if cpu1, ok1 := processCPU(); ok && ok1 && i > 0 {
		b.ReportMetric(float64(cpu1-cpu0)/float64(i), "cpu-ns/op")
	}
}

// BenchmarkCaiRangPlainFpdf is the baseline: the same letter drawn with
// plain calls to stock fpdf (fonts added from bytes for every document,
// fpdf's own line breaking), from text prepared once outside the loop.
func BenchmarkCaiRangPlainFpdf(b *testing.B) {
	doc, _, _, err := bhytdoc.LayoutForTest(seeds.CaiRang(), nil)
	if err != nil {
		b.Fatal(err)
	}
	out := plainFpdf(doc)
	if len(out) == 0 {
		b.Fatal("empty PDF")
	}
	b.ReportAllocs()
	for b.Loop() {
		plainFpdf(doc)
	}
}

func plainFpdf(d *ir.Doc) []byte {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(30, 20, 15)
	p.SetAutoPageBreak(true, 20)
	p.AddUTF8FontFromBytes("serif", "", liberationserifregular.TTF)
	p.AddUTF8FontFromBytes("serif", "B", liberationserifbold.TTF)
	p.AddUTF8FontFromBytes("serif", "I", liberationserifitalic.TTF)
	p.AddUTF8FontFromBytes("serif", "BI", liberationserifbolditalic.TTF)
	p.SetHeaderFunc(func() {
		if n := p.PageNo(); n > 1 {
			p.SetFont("serif", "", 13)
			p.SetXY(30, 10)
			p.CellFormat(165, 6, strconv.Itoa(n), "", 0, "C", false, 0, "")
			p.SetXY(30, 20)
		}
	})
	p.AddPage()
	p.SetFont("serif", "B", 13)
	y := p.GetY()
	for _, t := range d.Issuer {
		p.CellFormat(68, 6, t.S, "", 2, "C", false, 0, "")
	}
	p.SetFont("serif", "", 13)
	p.CellFormat(68, 6, d.Number.S, "", 2, "C", false, 0, "")
	p.SetFont("serif", "", 12)
	p.MultiCell(68, 5, d.Summary.S, "", "C", false)
	p.SetXY(98, y)
	p.SetFont("serif", "B", 12)
	p.CellFormat(97, 6, d.QuocHieu.S, "", 2, "C", false, 0, "")
	p.SetFont("serif", "B", 13)
	p.CellFormat(97, 6, d.TieuNgu.S, "", 2, "C", false, 0, "")
	p.SetFont("serif", "I", 14)
	p.CellFormat(97, 8, d.PlaceDate.S, "", 2, "C", false, 0, "")
	p.SetXY(30, 75)
	p.SetFont("serif", "", 14)
	p.CellFormat(0, 7, "      "+d.KinhGui.S, "", 1, "L", false, 0, "")
	for _, t := range d.Addressees {
		p.SetX(75)
		p.MultiCell(120, 7, t.S, "", "L", false)
	}
	for _, blk := range d.Body {
		var sb strings.Builder
		sb.WriteString(blk.Marker)
		sb.WriteString(" ")
		for _, s := range blk.Spans {
			sb.WriteString(s.S)
		}
		p.SetFont("serif", "", 14)
		p.Ln(2)
		p.MultiCell(0, 7, "      "+sb.String(), "", "J", false)
	}
	for _, t := range d.Closing {
		p.MultiCell(0, 7, "      "+t.S, "", "J", false)
	}
	y = p.GetY() + 4
	p.SetXY(30, y)
	p.SetFont("serif", "BI", 12)
	p.CellFormat(62, 6, d.NoiNhan.S, "", 2, "L", false, 0, "")
	p.SetFont("serif", "", 11)
	for _, t := range d.Recipients {
		p.MultiCell(62, 5, t.S, "", "L", false)
	}
	p.SetXY(92, y)
	p.SetFont("serif", "B", 14)
	for _, t := range d.Signatures[0].Titles {
		p.CellFormat(103, 7, t.S, "", 2, "C", false, 0, "")
	}
	p.SetXY(92, p.GetY()+28)
	p.CellFormat(103, 7, d.Signatures[0].Name.S, "", 2, "C", false, 0, "")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
