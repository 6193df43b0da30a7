package tablefit

import (
	"math"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// TitleHeight is where an annex's table starts on its first page,
// measured from the top of the page, at a text width of width mm: under
// the label, title and reference and the rule under them, as the PDF
// layout draws them.
func TitleHeight(a *ir.Annex, width float64, set ir.Settings, m Measurer) float64 {
	sp := pagespec.For(pagespec.Other)
	label, title, ref := sp.Font(pagespec.AnnexLabel), sp.Font(pagespec.AnnexTitle), sp.Font(pagespec.AnnexReference)
	lines := func(t ir.Text, f pagespec.Font) float64 {
		x := measure(t.S, f.Style, m.Width)
		return float64(x.lines(f.Size, width, m.Width))
	}
	tlh := title.Size * pagespec.SingleSpacing * pagespec.PtToMM
	y := set.MarginTop + 0.8*label.Size*pagespec.PtToMM
	if a.Label.S != "" {
		y += (lines(a.Label, label)-1)*label.Size*pagespec.SingleSpacing*pagespec.PtToMM + tlh
	}
	y += (lines(a.Title, title)-1)*tlh + tlh
	y += (lines(a.Reference, ref) - 1) * tlh
	return y + pagespec.RuleGap(m.Descent(ref.Style)*ref.Size) + tlh*0.6
}

// Annex fits an annex's table: portrait or landscape A4 within set's
// margins, under the annex's title.
func Annex(a *ir.Annex, set ir.Settings, m Measurer) (*Layout, error) {
	page := func(pw, ph float64) Page {
		w := pw - set.MarginLeft - set.MarginRight
		return Page{W: w, First: ph - set.MarginBottom - TitleHeight(a, w, set, m)}
	}
	o := Options{Portrait: page(pagespec.PageW, pagespec.PageH), Landscape: page(pagespec.PageH, pagespec.PageW)}
	if a.Landscape {
		o.Orient = LandscapeOnly
	}
	return Fit(&a.Table, m.Width, o)
}

// Body fits a table in a document's body: the text width of its portrait
// pages, where it flows with the text.
func Body(t *ir.Table, set ir.Settings, m Measurer) (*Layout, error) {
	w := pagespec.PageW - set.MarginLeft - set.MarginRight
	return Fit(t, m.Width, Options{Portrait: Page{W: w, First: math.Inf(1)}, Orient: PortraitOnly})
}

// Doc fits every table of doc: its annexes' and its body's, in order.
func Doc(doc *ir.Doc, set ir.Settings, m Measurer) (annexes, body []*Layout, err error) {
	for i := range doc.Annexes {
		l, err := Annex(&doc.Annexes[i], set, m)
		if err != nil {
			return nil, nil, err
		}
		annexes = append(annexes, l)
	}
	for i := range doc.Body {
		if t := doc.Body[i].Table; t != nil {
			l, err := Body(t, set, m)
			if err != nil {
				return nil, nil, err
			}
			body = append(body, l)
		}
	}
	return annexes, body, nil
}
