package sign

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
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

// content returns the information as a PDF content stream in in.rect's
// own coordinates (origin at its lower left, points): each glyph's
// outline from Liberation Serif filled in black, kerned as
// golang.org/x/image/font draws text. Outlines need no embedded font,
// show every Vietnamese letter and print sharp at any resolution; an
// image of them at 600 dpi was most of the signing time.
func (in *info) content() ([]byte, error) {
	f, err := infoFont()
	if err != nil {
		return nil, err
	}
	var (
		buf  sfnt.Buffer
		out  = make([]byte, 0, 16<<10)
		upem = fixed.Int26_6(f.UnitsPerEm())
	)
	// Glyphs are loaded at one pixel per font unit; s scales a 26.6
	// font-unit coordinate to points.
	s := infoSize / float64(upem) / 64
	// Coordinates are written as whole hundredths of a point (a twelfth
	// of a 600 dpi pixel): short integers, quick to write and to deflate.
	out = append(out, "0 g\n0.01 0 0 0.01 0 0 cm\n"...)
	for _, l := range in.lines {
		x := l.x - in.rect.X0
		y := l.base - in.rect.Y0
		prev := sfnt.GlyphIndex(0)
		for i, r := range l.text {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil {
				return nil, err
			}
			if i > 0 {
				k, err := f.Kern(&buf, prev, g, upem<<6, font.HintingNone)
				if err != nil && err != sfnt.ErrNotFound {
					return nil, err
				}
				x += float64(k) * s
			}
			prev = g
			segs, err := f.LoadGlyph(&buf, g, upem<<6, nil)
			if err != nil {
				return nil, err
			}
			out = appendOutline(out, segs, x, y, s)
			adv, err := f.GlyphAdvance(&buf, g, upem<<6, font.HintingNone)
			if err != nil {
				return nil, err
			}
			x += float64(adv) * s
		}
	}
	return out, nil
}

// appendOutline appends segs, a glyph's outline with y growing downward,
// as a filled path with its origin at (x, y) scaled by s. TrueType's
// quadratic curves become the equivalent cubic ones; TrueType outlines
// fill by the non-zero winding rule, PDF's f.
func appendOutline(out []byte, segs sfnt.Segments, x, y, s float64) []byte {
	if len(segs) == 0 {
		return out
	}
	pt := func(p fixed.Point26_6) (float64, float64) {
		return x + float64(p.X)*s, y - float64(p.Y)*s
	}
	var cx, cy float64 // current point
	for _, sg := range segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			cx, cy = pt(sg.Args[0])
			out = appendOp(out, "m", cx, cy)
		case sfnt.SegmentOpLineTo:
			cx, cy = pt(sg.Args[0])
			out = appendOp(out, "l", cx, cy)
		case sfnt.SegmentOpQuadTo:
			qx, qy := pt(sg.Args[0])
			ex, ey := pt(sg.Args[1])
			out = appendOp(out, "c", cx+2*(qx-cx)/3, cy+2*(qy-cy)/3, ex+2*(qx-ex)/3, ey+2*(qy-ey)/3, ex, ey)
			cx, cy = ex, ey
		case sfnt.SegmentOpCubeTo:
			ax, ay := pt(sg.Args[0])
			bx, by := pt(sg.Args[1])
			cx, cy = pt(sg.Args[2])
			out = appendOp(out, "c", ax, ay, bx, by, cx, cy)
		}
	}
	return append(out, "f\n"...)
}

// appendOp appends the operands, in points, as hundredths of a point,
// and then the operator.
func appendOp(out []byte, op string, v ...float64) []byte {
	for _, f := range v {
		out = strconv.AppendInt(out, int64(math.Round(f*100)), 10)
		out = append(out, ' ')
	}
	out = append(out, op...)
	return append(out, '\n')
}
