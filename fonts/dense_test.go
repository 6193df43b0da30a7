package fonts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/sfnt"
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
		fc, err := parseFace(ttf, Regular)
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
