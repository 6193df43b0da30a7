package bhytdoc

import (
	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// ToneStyle chooses where tone marks go in the open syllables oa, oe and
// uy, which Vietnamese writes two ways ("hòa"/"hoà", "thúy"/"thuý",
// "Ủy"/"Uỷ"). A document mixing both looks careless, so renderers make
// every such syllable follow one style.
type ToneStyle int

// Tone styles. The default, ToneTraditional, is the style of Decree 30's
// own text ("CỘNG HÒA", "Ủy ban").
const (
	ToneTraditional ToneStyle = iota // hòa, khỏe, thúy, Ủy
	ToneModern                       // hoà, khoẻ, thuý, Uỷ
	ToneAsWritten                    // leave tone marks where the author put them
)

// Options configure rendering. The zero value (or a nil *Options) gives
// the documented defaults; any value a caller sets must lie inside the
// range Decree 30 allows, or rendering fails naming the option.
type Options struct {
	// Fonts is the font family; nil means Liberation Serif
	// (metric-compatible with Times New Roman).
	Fonts *fonts.Family
	// Tone places tone marks consistently; default ToneTraditional.
	Tone ToneStyle

	// Margins in millimetres: top and bottom 20–25 (default 20), left
	// 30–35 (default 30), right 15–20 (default 15).
	MarginTop, MarginBottom, MarginLeft, MarginRight float64
	// BodySize is the body font size in points, 13–14 (default 14).
	BodySize float64
	// LineSpacing is the body line spacing as a multiple of single
	// spacing, 1–1.5 (default 1.1).
	LineSpacing float64
	// ParagraphSpacing is the space before each body paragraph in points,
	// at least 6 (default 6); at most 24 so a page still reads as a page.
	ParagraphSpacing float64
	// Indent is the first-line indent in millimetres, 10–12.7 (default 10).
	Indent float64

	// Archival makes WritePDF write PDF/A-2b (ISO 19005-2, level B), the
	// form archives keep: a PDF 1.7 header, XMP metadata with the PDF/A
	// identification and the document's title, issuing body (dc:creator),
	// trích yếu (dc:description) and dates equal to the Info dictionary's
	// (dated the day of issue, 00:00 UTC+07:00), an sRGB output intent,
	// a trailer /ID derived from the content, all fonts embedded, no
	// encryption. The bytes stay deterministic. Signing the file with
	// package sign keeps it PDF/A-2b. Other writers ignore it.
	Archival bool

	// Variant renders a decision that issues a document (Document.Issues)
	// on Paper, both in one file (the default), or Electronic, the
	// decision alone. Other documents ignore it.
	Variant Variant
}

type optRange struct {
	name       string
	v          *float64
	def, lo, h float64
}

// settings checks o against the decree's ranges and fills in defaults.
func (o *Options) settings() (ir.Settings, *fonts.Family, typo.ToneStyle, error) {
	var oo Options
	if o != nil {
		oo = *o
	}
	s := ir.Settings{
		MarginTop: oo.MarginTop, MarginBottom: oo.MarginBottom,
		MarginLeft: oo.MarginLeft, MarginRight: oo.MarginRight,
		BodySize: oo.BodySize, LineSpacing: oo.LineSpacing,
		ParagraphSpacing: oo.ParagraphSpacing, Indent: oo.Indent,
		Archival: oo.Archival,
	}
	var p problems
	for _, r := range []optRange{
		{"MarginTop", &s.MarginTop, 20, 20, 25},
		{"MarginBottom", &s.MarginBottom, 20, 20, 25},
		{"MarginLeft", &s.MarginLeft, 30, 30, 35},
		{"MarginRight", &s.MarginRight, 15, 15, 20},
		{"BodySize", &s.BodySize, 14, 13, 14},
		{"LineSpacing", &s.LineSpacing, 1.1, 1, 1.5},
		{"ParagraphSpacing", &s.ParagraphSpacing, 6, 6, 24},
		{"Indent", &s.Indent, 10, 10, 12.7},
	} {
		if *r.v == 0 {
			*r.v = r.def
		} else if !(*r.v >= r.lo && *r.v <= r.h) { // NaN fails both comparisons
			p.add("Options."+r.name, "%g is outside Decree 30's range %g–%g", *r.v, r.lo, r.h)
		}
	}
	if oo.Variant != Paper && oo.Variant != Electronic {
		p.add("Options.Variant", "unknown variant %d", int(oo.Variant))
	}
	var tone typo.ToneStyle
	switch oo.Tone {
	case ToneTraditional:
		tone = typo.ToneTraditional
	case ToneModern:
		tone = typo.ToneModern
	case ToneAsWritten:
		tone = typo.ToneAsIs
	default:
		p.add("Options.Tone", "unknown tone style %d", int(oo.Tone))
	}
	fam := oo.Fonts
	if fam == nil {
		fam = fonts.Liberation()
	}
	if err := p.err(); err != nil {
		return s, nil, 0, err
	}
	return s, fam, tone, nil
}
