package fonts

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestDenseFromCmapRanges checks that filling the dense table from the
// cmap's ranges finds the glyph of every rune below denseRunes that sfnt
// maps, as a rune-by-rune scan does, on the embedded faces and the
// installed TrueType fonts.
func TestDenseFromCmapRanges(t *testing.T) {
	fonts := map[string][]byte{
		"regular": liberationserifregular.TTF, "bold": liberationserifbold.TTF,
		"italic": liberationserifitalic.TTF, "bolditalic": liberationserifbolditalic.TTF,
	}
	files, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	for _, f := range files[:min(len(files), 12)] {
		if b, err := os.ReadFile(f); err == nil {
			fonts[filepath.Base(f)] = b
		}
	}
	for name, ttf := range fonts {
		fc, err := parseFace(ttf, Regular, false)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		mapped := 0
		for r := rune(0); r < denseRunes; r++ {
			gid, err := f.GlyphIndex(&buf, r)
			if err != nil {
				t.Fatal(err)
			}
			if got := fc.dense[r].gid; got != uint16(gid) {
				t.Errorf("%s: %U: glyph %d, sfnt %d", name, r, got, gid)
			}
			if gid != 0 {
				mapped++
			}
		}
		if mapped < 200 {
			t.Errorf("%s: only %d runes mapped", name, mapped)
		}
	}
}

// TestGlyphsFromTablesLikeSfnt checks that reading the glyph tables
// straight from cmap and hmtx gives what asking sfnt rune by rune gives,
// dense and sparse, on the embedded faces and the installed fonts.
func TestGlyphsFromTablesLikeSfnt(t *testing.T) {
	fonts := map[string][]byte{
		"regular": liberationserifregular.TTF, "bold": liberationserifbold.TTF,
		"italic": liberationserifitalic.TTF, "bolditalic": liberationserifbolditalic.TTF,
	}
	files, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			fonts[filepath.Base(f)] = b
		}
	}
	direct := 0
	for name, ttf := range fonts {
		tables, err := readTableDirectory(ttf)
		if err != nil {
			continue
		}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			continue
		}
		fast := &Face{dense: make([]glyph, denseRunes)}
		slow := &Face{dense: make([]glyph, denseRunes)}
		upem := int(f.UnitsPerEm())
		scale := 1000 / float64(upem)
		mk := func(gid, units int) glyph { return makeGlyph(gid, units, scale) }
		if !fast.glyphsFromTables(tables, f.NumGlyphs(), scale) {
			if slices.ContainsFunc(fast.dense, func(g glyph) bool { return g.gid != 0 }) || fast.sparse != nil {
				t.Errorf("%s: tables not cleared", name)
			}
			t.Logf("%s: not read from the tables", name)
			continue
		}
		direct++
		var buf sfnt.Buffer
		err = slow.glyphsFromSfnt(tables, func(r rune) (glyph, error) {
			gid, err := f.GlyphIndex(&buf, r)
			if err != nil || gid == 0 {
				return glyph{}, err
			}
			adv, err := f.GlyphAdvance(&buf, gid, fixed.Int26_6(upem<<6), font.HintingNone)
			return mk(int(gid), int(adv>>6)), err
		})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !slices.Equal(fast.dense, slow.dense) {
			t.Errorf("%s: dense tables differ", name)
		}
		if !slices.Equal(fast.sparse, slow.sparse) {
			t.Errorf("%s: sparse tables differ (%d and %d runes)", name, len(fast.sparse), len(slow.sparse))
		}
	}
	if direct < 4 {
		t.Errorf("only %d fonts read from their tables", direct)
	}
}

// TestGlyphsFromTablesFailClears checks that glyphsFromTables, which
// fills the tables as it reads the cmap, leaves them empty when a later
// glyph turns out to be one it cannot read (here: past numGlyphs).
func TestGlyphsFromTablesFailClears(t *testing.T) {
	tables, err := readTableDirectory(liberationserifregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	fc := &Face{dense: make([]glyph, denseRunes)}
	if fc.glyphsFromTables(tables, 40, 1000.0/2048) {
		t.Fatal("read a cmap with glyphs past numGlyphs")
	}
	if slices.ContainsFunc(fc.dense, func(g glyph) bool { return g != glyph{} }) || fc.sparse != nil {
		t.Error("tables not cleared")
	}
}

// TestPMRounder checks that pmRounder's glyphs are makeGlyph's for every
// advance, with units per em that take the integer form and some that
// do not.
func TestPMRounder(t *testing.T) {
	for _, upem := range []int{1, 16, 1000, 1024, 2000, 2048, 2049, 1234, 16384, 32768} {
		scale := 1000 / float64(upem)
		r := newPMRounder(scale)
		if want := upem&(upem-1) == 0 && upem < 1<<15; (r.shift >= 0) != want {
			t.Errorf("units per em %d: integer form %v, want %v", upem, r.shift >= 0, want)
		}
		for w := 0; w < 1<<16; w++ {
			if got, want := r.glyph(7, w), makeGlyph(7, w, scale); got != want {
				t.Fatalf("units per em %d, advance %d: %+v, makeGlyph %+v", upem, w, got, want)
			}
		}
	}
}

// TestTrustedFacesLikeValidated checks that the embedded faces, which
// Liberation parses without sfnt's checks, parse to the same faces with
// them, and that sfnt accepts them.
func TestTrustedFacesLikeValidated(t *testing.T) {
	for s, ttf := range [][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF} {
		if _, err := sfnt.Parse(ttf); err != nil {
			t.Fatalf("%v: %v", Style(s), err)
		}
		checked, err := parseFace(ttf, Style(s), false)
		if err != nil {
			t.Fatal(err)
		}
		trusted, err := parseFace(ttf, Style(s), true)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(checked, trusted) {
			t.Errorf("%v: faces differ", Style(s))
		}
		if fc, _ := Liberation().Face(Style(s)); !reflect.DeepEqual(fc, checked) {
			t.Errorf("%v: Liberation's face differs", Style(s))
		}
	}
}
