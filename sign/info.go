package sign

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/fonts"
)

// The signing information is set as Decree 30 asks: 10 pt, upright,
// black, in Liberation Serif (Times New Roman's metrics).
const (
	infoSize    = 10.0 // points
	infoLeading = 12.0 // points from one baseline to the next
	infoPad     = 1.0  // points between the text and the rectangle's edge
	// infoDPI is the resolution of the rendered text: it prints crisply.
	infoDPI = 600.0
	// maxInfoPixels bounds the rendered image; a larger rectangle is
	// rendered at a lower resolution.
	maxInfoPixels = 6 << 20
	// infoTimeFormat is ISO 8601 with the zone's offset, as the decree's
	// example 2020-05-18T09:30:00+07:00.
	infoTimeFormat = "2006-01-02T15:04:05-07:00"
)

// infoFont is the parsed regular Liberation Serif, read-only once made.
var infoFont = sync.OnceValues(func() (*opentype.Font, error) {
	fc, err := fonts.Liberation().Face(fonts.Regular)
	if err != nil {
		return nil, err
	}
	return opentype.Parse(fc.TTF())
})

// info is the laid-out signing information: the widget rectangle (the
// image's, widened and grown as needed) and the lines with their
// baselines, in PDF points.
type info struct {
	rect  Rect
	lines []infoLine
}

type infoLine struct {
	text     string
	x, base  float64 // left end and baseline, PDF points
	widthPts float64
}

// layoutInfo places the signing information of role (name, may be empty,
// then the time) over rect, the image's rectangle, on a page with media
// box page, and returns the widget's rectangle: the text block, 12 pt a
// line and 1 pt around. The rules:
//
//   - the block is centred on the image, as wide as its widest line
//     (wider than the image if need be), and shifted to stay on the page;
//   - a name wider than the page wraps at spaces; a word wider than the
//     page is an error;
//   - the signer's block sits at the bottom of the signature image, the
//     organisation's at the top of the seal, so the two do not meet when
//     the seal overlaps the signature image, and neither reaches the
//     signer's name line below the image;
//   - a block taller than the image starts at its top and grows
//     downward; it is an error if it would leave the page.
//
// field names the origin of name for errors.
func layoutInfo(role Role, field, name string, at time.Time, rect, page Rect) (*info, error) {
	fc, err := fonts.Liberation().Face(fonts.Regular)
	if err != nil {
		return nil, err
	}
	name = norm.NFC.String(strings.Join(strings.Fields(name), " "))
	if !utf8.ValidString(name) {
		return nil, &OptionError{field, "not valid UTF-8"}
	}
	if n := utf8.RuneCountInString(name); n > maxText {
		return nil, &OptionError{field, fmt.Sprintf("%d characters, more than %d", n, maxText)}
	}
	for _, r := range name {
		if !unicode.IsGraphic(r) {
			return nil, &OptionError{field, fmt.Sprintf("%U is not a printable character", r)}
		}
	}
	if m := fc.MissingRunes(name); m != nil {
		return nil, &OptionError{field, fmt.Sprintf("%q: Liberation Serif has no glyph for %q", name, string(m))}
	}
	maxW := page.X1 - page.X0 - 2*infoPad
	var texts []string
	if name != "" {
		texts, err = wrap(fc, field, name, maxW)
		if err != nil {
			return nil, err
		}
	}
	texts = append(texts, at.In(vietnam).Format(infoTimeFormat))

	widest := 0.0
	for _, t := range texts {
		widest = max(widest, fc.Width(t, infoSize))
	}
	// The widget covers the text block only: the rest of the image's
	// rectangle would be transparent pixels, which cost time and bytes.
	bw, bh := widest+2*infoPad, float64(len(texts))*infoLeading+2*infoPad
	c := (rect.X0 + rect.X1) / 2
	r := Rect{X0: c - bw/2, X1: c + bw/2}
	if d := page.X0 - r.X0; d > 0 {
		r.X0, r.X1 = r.X0+d, r.X1+d
	}
	if d := r.X1 - page.X1; d > 0 {
		r.X0, r.X1 = r.X0-d, r.X1-d
	}
	if role == Signer && bh <= rect.Y1-rect.Y0 {
		r.Y0, r.Y1 = rect.Y0, rect.Y0+bh
	} else {
		r.Y0, r.Y1 = rect.Y1-bh, rect.Y1
	}
	if r.Y0 < page.Y0 {
		return nil, &OptionError{"Options.Rect", fmt.Sprintf("the signing information (%d lines) does not fit between the top of %v and the bottom of the page", len(texts), rect)}
	}
	// Top of the text block: a line box is infoLeading tall, the glyphs'
	// ascent and descent centred in it.
	top := r.Y1 - infoPad
	asc := float64(fc.Ascent()) / 1000 * infoSize    // 1/1000 em
	desc := float64(-fc.Descent()) / 1000 * infoSize // Descent is negative
	off := (infoLeading-(asc+desc))/2 + asc
	in := &info{rect: r}
	c = (r.X0 + r.X1) / 2
	for i, t := range texts {
		w := fc.Width(t, infoSize)
		in.lines = append(in.lines, infoLine{text: t, x: c - w/2, base: top - float64(i)*infoLeading - off, widthPts: w})
	}
	return in, nil
}

// alignRight moves the information so that its rectangle ends at x, or
// starts at left if it is too wide for that.
func (in *info) alignRight(x, left float64) {
	dx := x - in.rect.X1
	if in.rect.X0+dx < left {
		dx = left - in.rect.X0
	}
	in.rect.X0 += dx
	in.rect.X1 += dx
	for i := range in.lines {
		in.lines[i].x += dx
	}
}

// wrap breaks s at spaces into lines no wider than maxW points.
func wrap(fc *fonts.Face, field, s string, maxW float64) ([]string, error) {
	if fc.Width(s, infoSize) <= maxW {
		return []string{s}, nil
	}
	var lines []string
	cur := ""
	for _, w := range strings.Split(s, " ") {
		if fc.Width(w, infoSize) > maxW {
			return nil, &OptionError{field, fmt.Sprintf("the word %q is wider than the page at %g pt", w, infoSize)}
		}
		if cur != "" && fc.Width(cur+" "+w, infoSize) <= maxW {
			cur += " " + w
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = w
	}
	return append(lines, cur), nil
}

// infoDPIFor returns the resolution the information in a w×h point
// rectangle is rendered at: infoDPI unless that exceeds maxInfoPixels.
func infoDPIFor(w, h float64) float64 {
	dpi := infoDPI
	if px := w * h * (dpi / 72) * (dpi / 72); px > maxInfoPixels {
		dpi = math.Floor(72 * math.Sqrt(maxInfoPixels/(w*h)))
	}
	return dpi
}

// png renders the information as a transparent PNG exactly covering
// in.rect, text black. pdfsign stretches the image over the whole
// rectangle, so the pixel size is the rectangle's in points × dpi/72
// (rounded; the scale is off by under half a pixel).
func (in *info) png() ([]byte, error) {
	f, err := infoFont()
	if err != nil {
		return nil, err
	}
	w, h := in.rect.X1-in.rect.X0, in.rect.Y1-in.rect.Y0
	dpi := infoDPIFor(w, h)
	pw, ph := max(1, int(math.Round(w*dpi/72))), max(1, int(math.Round(h*dpi/72)))
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: infoSize, DPI: dpi, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	// Black with alpha: premultiplied RGBA keeps the colour exact and is
	// drawn on by the fast paths.
	img := image.NewRGBA(image.Rect(0, 0, pw, ph))
	d := font.Drawer{Dst: img, Src: image.Black, Face: face}
	sx, sy := float64(pw)/w, float64(ph)/h
	for _, l := range in.lines {
		d.Dot = fixed.Point26_6{
			X: fixed.Int26_6(math.Round((l.x - in.rect.X0) * sx * 64)),
			Y: fixed.Int26_6(math.Round((in.rect.Y1 - l.base) * sy * 64)),
		}
		d.DrawString(l.text)
	}
	// The PNG only carries the pixels to pdfsign, which decodes it and
	// compresses them itself: compressing here too would double the work.
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.NoCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
