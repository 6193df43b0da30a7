// bhytdoc: this whole file is a bhytdoc addition to the fpdf fork (patch 1,
// "reusable parsed fonts"); see README.md.

package fpdf

import (
	"crypto/sha1"
	"errors"
	"fmt"
	"math/bits" // bhytdoc: subsetKey
	"slices"
	"sync"
)

// UTF8Font is a TrueType font parsed once by ParseUTF8Font and registered in
// any number of documents with (*Fpdf).AddUTF8FontParsed, avoiding the
// per-document TTF parsing that AddUTF8FontFromBytes performs.
//
// A UTF8Font is immutable after ParseUTF8Font returns and safe for concurrent
// use by multiple goroutines, each rendering its own *Fpdf. Everything a
// document mutates (the set of used runes, the subsetting state and the
// reader position) lives in a per-document copy made by AddUTF8FontParsed.
// The TTF bytes passed to ParseUTF8Font are retained, not copied; callers
// must not modify them afterwards.
type UTF8Font struct {
	file *utf8FontFile // parsed template; read-only after ParseUTF8Font
	desc FontDescType
	up   int
	ut   int

	// ids memoises the stock font ID (sha1 of the JSON font definition,
	// which includes the font key) per font key, so it is computed once per
	// family/style name instead of once per document.
	ids sync.Map // font key (string) -> font ID (string)

	// subsets keeps the subset font programs of recent documents.
	subsets subsetCache

	// psName is the font's PostScript name, for SetCompactFonts.
	psName string
}

// ParseUTF8Font parses a TrueType (glyf-based) font for use with
// AddUTF8FontParsed. It computes everything AddUTF8FontFromBytes computes when
// it parses a font, plus the font-level data that subsetting needs, exactly
// once. The returned font retains ttf; do not modify ttf afterwards.
//
// It returns an error for data that is not a TrueType font, for OpenType/CFF
// fonts and collections, and for fonts that lack a format 4 Unicode cmap or a
// table needed for subsetting.
func ParseUTF8Font(ttf []byte) (font *UTF8Font, err error) {
	if len(ttf) < 12 {
		return nil, errors.New("fpdf: font data too short to be a TrueType font")
	}
	defer func() {
		// The stock parser indexes the byte slice without bounds checks and
		// panics on truncated or corrupt fonts; report that as an error.
		if r := recover(); r != nil {
			font, err = nil, fmt.Errorf("fpdf: invalid TrueType font: %v", r)
		}
	}()
	// Clip the capacity so that reads past len(ttf) fail instead of reading
	// whatever follows in the backing array.
	ttf = ttf[:len(ttf):len(ttf)]
	utf := newUTF8Font(&fileReader{readerPosition: 0, array: ttf})
	if err := utf.parseFile(); err != nil {
		return nil, fmt.Errorf("fpdf: %s", trimNL(err.Error()))
	}
	if utf.cut == nil {
		return nil, errors.New("fpdf: TrueType font lacks a format 4 Unicode cmap or a table needed for subsetting (head, hhea, maxp, hmtx, loca, glyf, post)")
	}
	font = &UTF8Font{
		file: utf,
		desc: FontDescType{
			Ascent:       int(utf.Ascent),
			Descent:      int(utf.Descent),
			CapHeight:    utf.CapHeight,
			Flags:        utf.Flags,
			FontBBox:     utf.Bbox,
			ItalicAngle:  utf.ItalicAngle,
			StemV:        utf.StemV,
			MissingWidth: round(utf.DefaultWidth),
		},
		up: int(round(utf.UnderlinePosition)),
		ut: round(utf.UnderlineThickness),
	}
	font.psName = postScriptName(ttf)
	if font.psName == "" {
		font.psName = "Font"
	}
	return font, nil
}

func trimNL(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}

// Desc returns the font descriptor values (in 1/1000 em) that fpdf writes
// for this font.
func (font *UTF8Font) Desc() FontDescType { return font.desc }

// newDocFile returns a per-document copy of the parsed font: it shares the
// read-only parsed tables (table directory, cmap dictionary, loca offsets,
// widths) and the TTF bytes, but has its own reader position and its own
// subsetting state, which GenerateCutFont mutates.
func (font *UTF8Font) newDocFile() *utf8FontFile {
	c := *font.file
	c.fileReader = &fileReader{readerPosition: 0, array: font.file.fileReader.array}
	c.outTablesData = nil
	c.symbolData = nil
	c.CodeSymbolDictionary = nil
	c.LastRune = 0
	c.scratch = nil
	return &c
}

// id returns the font ID that the stock code computes with generateFontID
// for def (which depends only on def.Name for a given parsed font).
//
// Outside the stock-comparison tests (stockCIDToGIDMap) the ID is the
// SHA-1 of the font key and the PostScript name instead: JSON-encoding
// the definition, with its 64K-entry width table, was 18% of a cold
// start. The ID only has to tell a document's fonts apart.
func (font *UTF8Font) id(def fontDefType) string {
	key := def.Name
	if stockCIDToGIDMap {
		key = "stock\x00" + key
	}
	if v, ok := font.ids.Load(key); ok {
		return v.(string)
	}
	var id string
	if stockCIDToGIDMap {
		id, _ = generateFontID(def)
	} else {
		id = fmt.Sprintf("%x", sha1.Sum([]byte(def.Name+"\x00"+font.psName)))
	}
	v, _ := font.ids.LoadOrStore(key, id)
	return v.(string)
}

// AddUTF8FontParsed registers a font parsed by ParseUTF8Font under family and
// style ("", "B", "I", "BI"), like AddUTF8FontFromBytes but without
// re-parsing the font. The generated PDF is byte-for-byte the same as with
// AddUTF8FontFromBytes on the same TTF bytes. The same *UTF8Font may be
// registered concurrently in many documents.
func (f *Fpdf) AddUTF8FontParsed(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	if font == nil {
		f.SetErrorf("fpdf: AddUTF8FontParsed: nil font for family %q style %q", familyStr, styleStr)
		return
	}
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	var sbarr map[int]int
	if f.aliasNbPagesStr == "" {
		sbarr = makeSubsetRange(57)
	} else {
		sbarr = makeSubsetRange(32)
	}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      font.desc,
		Up:        font.up,
		Ut:        font.ut,
		Cw:        font.file.CharWidths, // shared, read-only
		utf8File:  font.newDocFile(),
		usedRunes: sbarr,
		parsed:    font,
		usedLow:   new(lowRuneSet),
	}
	def.i = font.id(def)
	f.fonts[fontkey] = def
}

// stockCIDToGIDMap makes putfonts write the full 128 KiB CIDToGIDMap like
// stock fpdf; tests set it to check that the rest of the output is
// byte-for-byte identical to stock fpdf.
var stockCIDToGIDMap = false

// subsetCacheSize bounds the subsets one UTF8Font keeps. A batch of
// similar letters uses a handful of distinct rune sets per font; each entry
// holds about 10 to 30 KB of compressed font program.
const subsetCacheSize = 16

// fontSubset is what putfonts writes for one UTF-8 font besides object
// numbers and names: a pure function of the font and the document's
// used-rune map. It is shared between documents and never modified.
type fontSubset struct {
	w        string // the CIDFont's /W line
	cidToGID []byte // compressed CIDToGIDMap stream
	file     []byte // compressed font program (FontFile2)
	fileLen  int    // uncompressed font program length (/Length1)
	name     string // tag+PostScript name (SetCompactFonts only)
}

// subsetCache is a small least-recently-used cache of subsets keyed by
// subsetKey, safe for concurrent use. Whether an entry is found only
// changes the time taken, never the bytes: a miss computes the same value.
type subsetCache struct {
	mu    sync.Mutex
	clock uint64
	items map[string]*subsetEntry
}

type subsetEntry struct {
	sub  *fontSubset
	used uint64 // clock at last use
}

func (c *subsetCache) get(key string) *fontSubset {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.items[key]
	if e == nil {
		return nil
	}
	c.clock++
	e.used = c.clock
	return e.sub
}

func (c *subsetCache) put(key string, sub *fontSubset) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items = make(map[string]*subsetEntry, subsetCacheSize)
	}
	c.clock++
	if e := c.items[key]; e != nil {
		e.used = c.clock // another document computed the same subset
		return
	}
	if len(c.items) >= subsetCacheSize {
		var oldest string
		var min uint64 = ^uint64(0)
		for k, e := range c.items {
			if e.used < min {
				oldest, min = k, e.used
			}
		}
		delete(c.items, oldest)
	}
	c.items[key] = &subsetEntry{sub: sub, used: c.clock}
}

// subsetKey encodes a used-rune map exactly: every key in order, with
// whether its value is the rune itself or 0 (the only values fpdf stores).
// The test-only switches stockCIDToGIDMap and stdlibDeflate, which change
// the streams, are part of the key. ok is false for a map it cannot encode; the caller then
// does not cache.
func subsetKey(usedRunes map[int]int, compact bool) (key string, ok bool) {
	// The runes of the Basic Multilingual Plane, and those whose value is
	// not 0, as bitsets walked in order: no sort and no second lookup.
	var used, valued [1024]uint64
	bmp := true
	last := 0 // bhytdoc: the last word set (patch 23); a letter's runes end near U+2070
	for r, v := range usedRunes {
		if r < 0 || r > 0xFFFF {
			bmp = false
			break
		}
		if v != 0 && v != r {
			return "", false
		}
		used[r>>6] |= 1 << (r & 63)
		if v != 0 {
			valued[r>>6] |= 1 << (r & 63)
		}
		last = max(last, r>>6)
	}
	if bmp {
		b := make([]byte, 1, 1+4*len(usedRunes))
		b[0] = subsetKeyFlags(compact)
		for w, set := range used[:last+1] {
			for set != 0 {
				i := bits.TrailingZeros64(set)
				set &= set - 1
				r := w<<6 | i
				flag := byte(valued[w] >> i & 1)
				b = append(b, 0, byte(r>>8), byte(r), flag)
			}
		}
		return string(b), true
	}
	return subsetKeySorted(usedRunes, compact)
}

// subsetKeySorted is subsetKey for any used-rune map: its runes sorted.
func subsetKeySorted(usedRunes map[int]int, compact bool) (key string, ok bool) {
	runes := make([]int, 0, len(usedRunes))
	for r := range usedRunes {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	b := make([]byte, 1, 1+4*len(runes))
	b[0] = subsetKeyFlags(compact)
	for _, r := range runes {
		v := usedRunes[r]
		if r < 0 || r > 0xFFFFFF || (v != 0 && v != r) {
			return "", false
		}
		flag := byte(0)
		if v != 0 {
			flag = 1
		}
		b = append(b, byte(r>>16), byte(r>>8), byte(r), flag)
	}
	return string(b), true
}

// subsetKeyFlags is the first byte of a subset key: the switches that
// change a subset's bytes.
func subsetKeyFlags(compact bool) byte {
	var b byte
	if stockCIDToGIDMap {
		b |= 1
	}
	if stdlibDeflate {
		b |= 2
	}
	if compact {
		b |= 4
	}
	return b
}

// runeList is the sorted runes of a used-rune map as text, to name a
// subset the cache cannot key.
func runeList(usedRunes map[int]int) string {
	runes := make([]int, 0, len(usedRunes))
	for r := range usedRunes {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	return fmt.Sprint(runes)
}

// bhytdoc: UsedRunes, UseRunes and FontObject let a caller that draws one
// book in several documents (chunks) embed each UTF-8 font once: fpdf's
// UTF-8 fonts are Identity-H with CID = Unicode code point, so content
// streams do not depend on the subset, and one font holding the union of
// the runes of all chunks serves every chunk (see README.md, patch 15).

// UsedRunes returns, in ascending order, the runes drawn so far with the
// UTF-8 font registered under family and style: those its subset must
// hold. It returns nil when there is no such UTF-8 font.
func (f *Fpdf) UsedRunes(familyStr, styleStr string) []rune {
	font, ok := f.fonts[getFontKey(fontFamilyEscape(familyStr), styleStr)]
	if !ok || font.Tp != "UTF8" {
		return nil
	}
	var out []rune
	for r, v := range font.usedRunes {
		// Runes present with value 0 are fpdf's initial placeholders,
		// not drawn; drawing stores the rune itself.
		if r != 0 && v == r {
			out = append(out, rune(r))
		}
	}
	slices.Sort(out)
	return out
}

// UseRunes marks runes as drawn with the UTF-8 font registered under
// family and style, so that its subset, widths and CID map hold them as
// if they had been drawn. Rune 0 and unknown fonts are ignored.
func (f *Fpdf) UseRunes(familyStr, styleStr string, runes []rune) {
	font, ok := f.fonts[getFontKey(fontFamilyEscape(familyStr), styleStr)]
	if !ok || font.Tp != "UTF8" {
		return
	}
	for _, r := range runes {
		if r != 0 {
			font.usedRunes[int(r)] = int(r)
		}
	}
}

// FontObject returns the number of the font object (for a UTF-8 font, the
// Type0 font) of the font registered under family and style in the
// document's output, or 0 before Output or for an unknown font.
func (f *Fpdf) FontObject(familyStr, styleStr string) int {
	return f.fonts[getFontKey(fontFamilyEscape(familyStr), styleStr)].N
}

// useRunes records the runes of s in usedRunes as drawn. With usedLow it
// writes the map only the first time it sees a rune below usedLowRunes
// (Latin, Vietnamese, Greek, Cyrillic, punctuation, symbols): a map write
// for every rune of every cell was 6% of bhytdoc's letter.
func (fd *fontDefType) useRunes(s string) {
	for _, r := range s {
		fd.useRune(r)
	}
}

// usedLowRunes bounds the runes useRunes tracks in a bitset (1152 bytes
// per font and document; the whole BMP took 8 KB); higher runes, rare in
// a document, are written to the map every time, as stock does.
const usedLowRunes = 0x2400

// lowRuneSet is a set of runes below usedLowRunes.
type lowRuneSet [usedLowRunes / 64]uint64

// useRune is useRunes for one rune.
func (fd *fontDefType) useRune(r rune) {
	if fd.usedLow != nil && r >= 0 && r < usedLowRunes {
		w, b := r>>6, uint64(1)<<(r&63)
		if fd.usedLow[w]&b != 0 {
			return
		}
		fd.usedLow[w] |= b
	}
	fd.usedRunes[int(r)] = int(r)
}
