package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// denseRunes is the size of the dense per-rune tables: it covers Latin,
// Vietnamese (U+1EA0–U+1EF9), Greek, Cyrillic and General Punctuation
// (dashes, quotation marks, the ellipsis). Other runes use a sorted slice.
const denseRunes = 0x2070

// glyph holds the metrics of one mapped rune.
type glyph struct {
	gid uint16 // glyph index; 0 = not mapped
	adv uint16 // advance width in font units
	pm  uint16 // advance in 1/1000 em, rounded as fpdf does
}

// Face is one parsed TrueType face of a Family. It is immutable and safe for
// concurrent use.
type Face struct {
	style      Style
	ttf        []byte
	unitsPerEm int

	ascent, descent, capHeight int // 1/1000 em, as fpdf's FontDescType
	missingPM                  int // width fpdf uses for runes the face lacks

	dense  []glyph       // indexed by rune < denseRunes
	sparse []sparseGlyph // the other mapped runes, in increasing order
}

// sparseGlyph is the glyph of a rune beyond the dense table. A sorted
// slice, not a map: filling a map of some 330 entries per face cost
// more than the rest of the tables.
type sparseGlyph struct {
	r rune
	g glyph
}

// sparseLookup returns the glyph of r in sparse, or the zero glyph.
func sparseLookup(sparse []sparseGlyph, r rune) glyph {
	lo, hi := 0, len(sparse)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if sparse[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(sparse) && sparse[lo].r == r {
		return sparse[lo].g
	}
	return glyph{}
}

// Style returns the face's style within its family.
func (fc *Face) Style() Style {
	if fc == nil {
		return 0
	}
	return fc.style
}

// TTF returns the raw TrueType data of the face. Callers must not modify it.
func (fc *Face) TTF() []byte {
	if fc == nil {
		return nil
	}
	return fc.ttf
}

// UnitsPerEm returns the font's design units per em (2048 for Liberation).
func (fc *Face) UnitsPerEm() int {
	if fc == nil {
		return 0
	}
	return fc.unitsPerEm
}

// Ascent returns the ascender in 1/1000 em (positive), computed exactly as
// the PDF renderer computes the /Ascent of its font descriptor: hhea
// ascender, or OS/2 sTypoAscender if that is zero, scaled to 1000 units per
// em and truncated. Multiply by size/1000 for points.
func (fc *Face) Ascent() int {
	if fc == nil {
		return 0
	}
	return fc.ascent
}

// Descent returns the descender in 1/1000 em (negative, below the baseline),
// computed like Ascent from hhea descender or OS/2 sTypoDescender.
func (fc *Face) Descent() int {
	if fc == nil {
		return 0
	}
	return fc.descent
}

// CapHeight returns the height of capital letters in 1/1000 em: OS/2
// sCapHeight (table version 2 and later), otherwise Ascent.
func (fc *Face) CapHeight() int {
	if fc == nil {
		return 0
	}
	return fc.capHeight
}

func (fc *Face) lookup(r rune) glyph {
	if fc == nil {
		return glyph{} // a nil face has no glyphs
	}
	if r >= 0 && r < denseRunes {
		return fc.dense[r]
	}
	return sparseLookup(fc.sparse, r)
}

// Has reports whether the font's cmap maps r to a non-zero glyph.
func (fc *Face) Has(r rune) bool { return fc.lookup(r).gid != 0 }

// Advance returns the advance width of r in font units (1/UnitsPerEm em),
// or 0 if the face lacks r.
func (fc *Face) Advance(r rune) int { return int(fc.lookup(r).adv) }

// Width returns the width in points of s set at size points: the sum of the
// per-rune advances, each rounded to 1/1000 em, without kerning. This is
// exactly what fpdf's GetStringWidth measures and what the PDF's /W widths
// make a viewer draw. A rune the face lacks counts as the .notdef glyph's
// width, which is what gets drawn for it (see MissingRunes). Width does not
// allocate.
func (fc *Face) Width(s string, size float64) float64 {
	if fc == nil {
		return 0
	}
	return float64(fc.Width1000(s)) * size / 1000
}

// Width1000 returns the width of s in 1/1000 em, the integer Width scales:
// Width(s, size) is float64(Width1000(s)) * size / 1000, exactly. Widths
// of strings drawn in one face add up: the width of a joined string is the
// sum of its parts'.
func (fc *Face) Width1000(s string) int {
	if fc == nil {
		return 0
	}
	sum := 0
	for _, r := range s {
		var g glyph
		if r < denseRunes {
			g = fc.dense[r] // r >= 0: range yields valid runes or U+FFFD
		} else {
			g = sparseLookup(fc.sparse, r)
		}
		if g.gid != 0 {
			sum += int(g.pm)
		} else {
			sum += fc.missingPM
		}
	}
	return sum
}

// MissingRunes returns, in order of first appearance, the runes of s the face
// cannot draw (ignoring '\n'), or nil if there are none. It allocates only
// when something is missing.
func (fc *Face) MissingRunes(s string) []rune {
	var missing []rune
	for i := 0; i < len(s); {
		// The loop of range s, with ASCII looked up directly.
		r, n := rune(s[i]), 1
		if r < utf8.RuneSelf {
			i++
			if r == '\n' || fc != nil && fc.dense[r].gid != 0 {
				continue
			}
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			if fc.Has(r) {
				continue
			}
		}
		dup := false
		for _, m := range missing {
			if m == r {
				dup = true
				break
			}
		}
		if !dup {
			missing = append(missing, r)
		}
	}
	return missing
}

// parseFace validates ttf as a glyf-based TrueType font and precomputes its
// metrics.
//
// trusted is for the embedded Liberation faces (Liberation), which a test
// parses both ways (TestTrustedFacesLikeValidated): then sfnt's checks
// (about a quarter of parseFace) are skipped when the glyph tables read
// straight from cmap and hmtx, and the units per em, number of glyphs and
// .notdef advance that sfnt would give are read from head, maxp and hmtx.
func parseFace(ttf []byte, style Style, trusted bool) (*Face, error) {
	if len(ttf) < 12 {
		return nil, errors.New("not a valid TrueType font: data too short")
	}
	switch v := binary.BigEndian.Uint32(ttf); v {
	case 0x00010000, 0x74727565: // TrueType, 'true'
	case 0x4F54544F: // 'OTTO'
		return nil, errors.New("not a valid TrueType font: OpenType with CFF outlines is not supported (need glyf outlines)")
	case 0x74746366: // 'ttcf'
		return nil, errors.New("not a valid TrueType font: font collections (.ttc) are not supported")
	default:
		return nil, fmt.Errorf("not a valid TrueType font: bad sfnt version %#08x", v)
	}
	tables, err := readTableDirectory(ttf)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("not a valid TrueType font: missing %q table", tag)
		}
	}
	var f *sfnt.Font
	validate := func() error {
		if f == nil {
			if f, err = sfnt.Parse(ttf); err != nil {
				return fmt.Errorf("not a valid TrueType font: %w", err)
			}
		}
		return nil
	}
	if !trusted {
		if err := validate(); err != nil {
			return nil, err
		}
	}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 {
		return nil, errors.New("not a valid TrueType font: truncated head or hhea table")
	}
	if trusted && len(maxp) < 6 {
		return nil, errors.New("not a valid TrueType font: truncated maxp table")
	}

	fc := &Face{
		style: style,
		ttf:   ttf,
		dense: make([]glyph, denseRunes),
	}
	numGlyphs := 0
	if f != nil {
		fc.unitsPerEm, numGlyphs = int(f.UnitsPerEm()), f.NumGlyphs()
	} else {
		fc.unitsPerEm, numGlyphs = int(binary.BigEndian.Uint16(head[18:])), int(binary.BigEndian.Uint16(maxp[4:]))
	}
	if fc.unitsPerEm <= 0 {
		return nil, errors.New("not a valid TrueType font: unitsPerEm is 0")
	}
	// fpdf scales font units to 1/1000 em with this factor.
	scale := 1000.0 / float64(fc.unitsPerEm)

	var buf sfnt.Buffer
	ppem := fixed.Int26_6(fc.unitsPerEm << 6) // 1 pixel = 1 font unit
	metrics := func(r rune) (glyph, error) {
		gid, err := f.GlyphIndex(&buf, r)
		if err != nil || gid == 0 {
			return glyph{}, err
		}
		adv, err := f.GlyphAdvance(&buf, gid, ppem, font.HintingNone)
		if err != nil {
			return glyph{}, err
		}
		return makeGlyph(int(gid), int(adv>>6), scale), nil
	}
	if !fc.glyphsFromTables(tables, numGlyphs, scale) {
		if err := validate(); err != nil {
			return nil, err
		}
		if err := fc.glyphsFromSfnt(tables, metrics); err != nil {
			return nil, err
		}
	}

	// .notdef width, as fpdf's MissingWidth (500 if zero).
	var w0 int
	if f != nil {
		adv0, err := f.GlyphAdvance(&buf, 0, ppem, font.HintingNone)
		if err != nil {
			return nil, fmt.Errorf("not a valid TrueType font: .notdef: %w", err)
		}
		w0 = int(adv0 >> 6)
	} else {
		w0 = int(binary.BigEndian.Uint16(tables["hmtx"])) // glyphsFromTables checked its length
	}
	if w0 >= 1<<15 {
		w0 = 0
	}
	fc.missingPM = int(math.Round(scale * float64(w0)))
	if fc.missingPM == 0 {
		fc.missingPM = 500
	}

	// Vertical metrics, computed exactly as fpdf's utf8FontFile computes its
	// font descriptor (truncating conversions and quirks included).
	i16 := func(b []byte, off int) int { return int(int16(binary.BigEndian.Uint16(b[off:]))) }
	fc.ascent = int(float64(i16(hhea, 4)) * scale)
	fc.descent = int(float64(i16(hhea, 6)) * scale)
	if os2 := tables["OS/2"]; os2 != nil {
		if len(os2) < 72 {
			return nil, errors.New("not a valid TrueType font: truncated OS/2 table")
		}
		// fpdf stops reading OS/2 for fonts with restricted embedding
		// (CapHeight then stays 0).
		if fsType := binary.BigEndian.Uint16(os2[8:]); fsType != 0x0002 && fsType&0x0300 == 0 {
			if fc.ascent == 0 {
				fc.ascent = int(float64(i16(os2, 68)) * scale)
			}
			if fc.descent == 0 {
				fc.descent = int(float64(i16(os2, 70)) * scale)
			}
			if binary.BigEndian.Uint16(os2) > 1 && len(os2) >= 90 {
				fc.capHeight = int(float64(i16(os2, 88)) * scale)
			} else {
				fc.capHeight = fc.ascent
			}
		}
	} else {
		// No OS/2: fpdf falls back to the head bounding box, which it has
		// already scaled to 1/1000 em and scales once more.
		yMin := int(float64(i16(head, 38)) * scale)
		yMax := int(float64(i16(head, 42)) * scale)
		if fc.ascent == 0 {
			fc.ascent = int(float64(yMax) * scale)
		}
		if fc.descent == 0 {
			fc.descent = int(float64(yMin) * scale)
		}
		fc.capHeight = fc.ascent
	}
	return fc, nil
}

// readTableDirectory returns the tables of an sfnt file by tag.
func readTableDirectory(ttf []byte) (map[string][]byte, error) {
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if 12+16*n > len(ttf) {
		return nil, errors.New("not a valid TrueType font: truncated table directory")
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off := int(binary.BigEndian.Uint32(rec[8:]))
		length := int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off+length > len(ttf) || off+length < off {
			return nil, fmt.Errorf("not a valid TrueType font: table %q out of bounds", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+length : off+length]
	}
	return tables, nil
}

// glyphsFromSfnt fills the glyph tables asking sfnt (metrics) for each
// rune of the cmap's ranges.
func (fc *Face) glyphsFromSfnt(tables map[string][]byte, metrics func(rune) (glyph, error)) error {
	ranges, err := cmapRanges(tables["cmap"])
	if err != nil {
		return err
	}
	// Only runes in the cmap's ranges can have a glyph: the dense table
	// is filled from them, not rune by rune (4% of a cold start).
	for _, rg := range ranges {
		for r := rg[0]; r <= min(rg[1], denseRunes-1); r++ {
			g, err := metrics(r)
			if err != nil {
				return fmt.Errorf("not a valid TrueType font: rune %U: %w", r, err)
			}
			fc.dense[r] = g
		}
	}
	sparse := map[rune]glyph{}
	for _, rg := range ranges {
		for r := max(rg[0], denseRunes); r <= rg[1]; r++ {
			if _, done := sparse[r]; done {
				continue
			}
			g, err := metrics(r)
			if err != nil {
				return fmt.Errorf("not a valid TrueType font: rune %U: %w", r, err)
			}
			sparse[r] = g
		}
	}
	fc.sparse = fc.sparse[:0]
	for _, r := range slices.Sorted(maps.Keys(sparse)) {
		if sparse[r].gid != 0 {
			fc.sparse = append(fc.sparse, sparseGlyph{r, sparse[r]})
		}
	}
	return nil
}

// makeGlyph returns the glyph gid of advance units, with its advance in
// 1/1000 em as fpdf computes it from scale (1000 / units per em). As
// fpdf's parseHMTXTable, widths of 32768 units or more count as 0.
func makeGlyph(gid, units int, scale float64) glyph {
	w := units
	if w >= 1<<15 {
		w = 0
	}
	return glyph{gid: uint16(gid), adv: uint16(units), pm: uint16(int(math.Round(scale * float64(w))))}
}

// pmRounder computes makeGlyph's advance in 1/1000 em,
// int(math.Round(scale * float64(w))) for w in [0, 1<<16). When scale
// is 1000 over a power of two (2048 units per em, as TrueType fonts
// have as a rule) the product is exact in floating point, and so is the
// integer form (2000w + upem) / (2 upem) of rounding half away from zero,
// at a fraction of the cost (TestPMRounder).
type pmRounder struct {
	shift int // log2 of units per em, or -1: use math.Round
	scale float64
}

func newPMRounder(scale float64) pmRounder {
	for k := range 15 {
		if scale == 1000/float64(int(1)<<k) {
			return pmRounder{shift: k, scale: scale}
		}
	}
	return pmRounder{shift: -1, scale: scale}
}

// glyph is makeGlyph(gid, units, r.scale).
func (r pmRounder) glyph(gid, units int) glyph {
	w := units
	if w >= 1<<15 {
		w = 0
	}
	var pm int
	if r.shift >= 0 {
		pm = (2000*w + 1<<r.shift) >> (r.shift + 1)
	} else {
		pm = int(math.Round(r.scale * float64(w)))
	}
	return glyph{gid: uint16(gid), adv: uint16(units), pm: uint16(pm)}
}

// glyphsFromTables fills the glyph tables straight from the cmap and
// hmtx tables when the subtable sfnt would choose is a well-formed
// format 4 (segments in order), giving what sfnt's GlyphIndex and
// GlyphAdvance give rune by rune at a fraction of the cost. It reports
// false, with the tables cleared, for any other font.
func (fc *Face) glyphsFromTables(tables map[string][]byte, numGlyphs int, scale float64) bool {
	sub, ok := sfntCmap4(tables["cmap"])
	if !ok {
		return false
	}
	hhea, hmtx := tables["hhea"], tables["hmtx"]
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh == 0 || len(hmtx) < 4*nh {
		return false
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if len(sub) < 16+8*segs {
		return false
	}
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(sub[off:])) }
	ends, starts, deltas, offsets := 14, 16+2*segs, 16+4*segs, 16+6*segs
	high := 0 // at most this many runes past the dense table
	for i := range segs {
		high += max(u16(ends+2*i)-max(u16(starts+2*i), denseRunes)+1, 0)
	}
	// The glyphs go straight into the tables, which are cleared if a
	// later segment turns out to be one sfnt would read otherwise.
	fail := func() bool {
		clear(fc.dense)
		fc.sparse = nil
		return false
	}
	round := newPMRounder(scale)
	half, shift := 1<<max(round.shift, 0), uint(round.shift+1)&63
	dense := fc.dense[:denseRunes]
	hmtx = hmtx[:4*nh]
	// In increasing rune order, as the segments are (checked below).
	fc.sparse = make([]sparseGlyph, 0, high)
	prevEnd := -1
	for i := range segs {
		end, start, delta, off := u16(ends+2*i), u16(starts+2*i), u16(deltas+2*i), u16(offsets+2*i)
		if start > end || start <= prevEnd {
			return fail() // sfnt's binary search would see another table
		}
		prevEnd = end
		// The glyph index array, which sfnt reads without adding delta.
		var gids []byte
		if off != 0 {
			at := offsets + 2*i + off
			if at < 16+8*segs || at+2*(end-start+1) > len(sub) {
				return fail()
			}
			gids = sub[at : at+2*(end-start+1)]
		}
		// The common segment: consecutive glyphs of their own metrics,
		// all in the dense table, read in one tight loop.
		if g0 := (start + delta) & 0xFFFF; gids == nil && round.shift >= 0 && g0 > 0 &&
			g0+end-start < min(numGlyphs, nh) && end < denseRunes {
			ds, hm := dense[start:end+1], hmtx[4*g0:4*(g0+end-start+1)]
			for j := range ds {
				units := int(hm[4*j])<<8 | int(hm[4*j+1])
				pm := (2000*units + half) >> shift
				if units >= 1<<15 {
					pm = 0
				}
				ds[j] = glyph{gid: uint16(g0 + j), adv: uint16(units), pm: uint16(pm)}
			}
			continue
		}
		for c := start; c <= end; c++ {
			gid := (c + delta) & 0xFFFF
			if gids != nil {
				gid = int(gids[2*(c-start)])<<8 | int(gids[2*(c-start)+1])
			}
			if gid == 0 {
				continue
			}
			if gid >= numGlyphs {
				return fail() // sfnt reports an error for it
			}
			m := 4 * min(gid, nh-1)
			units := int(hmtx[m])<<8 | int(hmtx[m+1])
			var g glyph
			if round.shift >= 0 && units < 1<<15 { // round.glyph, inlined
				g = glyph{gid: uint16(gid), adv: uint16(units), pm: uint16((2000*units + half) >> shift)}
			} else {
				g = round.glyph(gid, units)
			}
			if c < denseRunes {
				dense[c] = g
			} else {
				fc.sparse = append(fc.sparse, sparseGlyph{rune(c), g})
			}
		}
	}
	return true
}

// sfntCmap4 returns the cmap subtable sfnt chooses (the first of the
// widest encodings it supports) if it is format 4.
func sfntCmap4(cmap []byte) ([]byte, bool) {
	if len(cmap) < 4 {
		return nil, false
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if 4+8*n > len(cmap) {
		return nil, false
	}
	best, bestWidth := -1, 0
	for i := range n {
		pid, eid := binary.BigEndian.Uint16(cmap[4+8*i:]), binary.BigEndian.Uint16(cmap[6+8*i:])
		width := 0
		switch {
		case pid == 0 && eid == 3, pid == 3 && (eid == 0 || eid == 1):
			width = 2
		case pid == 0 && eid == 4, pid == 3 && eid == 10:
			width = 4
		case pid == 1 && eid == 0:
			width = 1
		}
		if width <= bestWidth {
			continue
		}
		off := int(binary.BigEndian.Uint32(cmap[8+8*i:]))
		if off < 0 || off+4 > len(cmap) {
			return nil, false
		}
		format := binary.BigEndian.Uint16(cmap[off:])
		if !(format == 4 || format == 6 || format == 12 || format == 0 && pid == 1 && eid == 0) {
			continue
		}
		best, bestWidth = off, width
	}
	if best < 0 || binary.BigEndian.Uint16(cmap[best:]) != 4 {
		return nil, false
	}
	return cmap[best:], true
}

// cmapRanges returns the code point ranges [lo, hi] covered by the Unicode
// and Windows symbol subtables (formats 4, 6 and 12) of a cmap table, and
// the whole dense table if there is a Mac Roman one. The ranges are only
// candidates: sfnt decides which runes are actually mapped.
func cmapRanges(cmap []byte) ([][2]rune, error) {
	bad := errors.New("not a valid TrueType font: malformed cmap table")
	if len(cmap) < 4 {
		return nil, bad
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if 4+8*n > len(cmap) {
		return nil, bad
	}
	u16 := func(b []byte, off int) rune { return rune(binary.BigEndian.Uint16(b[off:])) }
	u32 := func(b []byte, off int) rune { return rune(binary.BigEndian.Uint32(b[off:])) }
	var ranges [][2]rune
	add := func(lo, hi rune) {
		hi = min(hi, 0x10FFFF)
		if lo <= hi {
			ranges = append(ranges, [2]rune{lo, hi})
		}
	}
	for i := 0; i < n; i++ {
		pid, eid := binary.BigEndian.Uint16(cmap[4+8*i:]), binary.BigEndian.Uint16(cmap[6+8*i:])
		if pid == 1 && eid == 0 {
			// Mac Roman, which sfnt may map through: every rune of the
			// dense table is a candidate.
			add(0, denseRunes-1)
			continue
		}
		if !(pid == 0 || (pid == 3 && (eid == 0 || eid == 1 || eid == 10))) {
			continue
		}
		off := int(binary.BigEndian.Uint32(cmap[8+8*i:]))
		if off < 0 || off+8 > len(cmap) {
			return nil, bad
		}
		sub := cmap[off:]
		switch binary.BigEndian.Uint16(sub) {
		case 4:
			segCount := int(u16(sub, 6)) / 2
			if 16+8*segCount > len(sub) {
				return nil, bad
			}
			for s := 0; s < segCount; s++ {
				end, start := u16(sub, 14+2*s), u16(sub, 16+2*segCount+2*s)
				if start == 0xFFFF {
					continue
				}
				add(start, end)
			}
		case 6:
			first, count := u16(sub, 6), u16(sub, 8)
			if count > 0 {
				add(first, first+count-1)
			}
		case 12:
			if len(sub) < 16 {
				return nil, bad
			}
			groups := int(u32(sub, 12))
			if groups < 0 || 16+12*groups > len(sub) {
				return nil, bad
			}
			for g := 0; g < groups; g++ {
				add(u32(sub, 16+12*g), u32(sub, 20+12*g))
			}
		}
	}
	return ranges, nil
}
