// bhytdoc: this whole file is a bhytdoc addition (see README.md).

package fpdf

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// TestCmapPairsLikeStock checks that ParseUTF8Font's flat reading of the
// cmap and width table (cmapPairs, parseHMTXPairs) gives exactly the
// widths and character map of stock's generateSCCSDictionaries and
// parseHMTXTable, on the embedded faces and any TrueType fonts installed.
func TestCmapPairsLikeStock(t *testing.T) {
	fonts := map[string][]byte{
		"LiberationSerif-Regular":    liberationserifregular.TTF,
		"LiberationSerif-Bold":       liberationserifbold.TTF,
		"LiberationSerif-Italic":     liberationserifitalic.TTF,
		"LiberationSerif-BoldItalic": liberationserifbolditalic.TTF,
	}
	files, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	for _, f := range files[:min(len(files), 12)] {
		if b, err := os.ReadFile(f); err == nil {
			fonts[filepath.Base(f)] = b
		}
	}
	for _, name := range slices.Sorted(maps.Keys(fonts)) {
		ttf := fonts[name]
		font, err := ParseUTF8Font(ttf)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		stock := *font.file
		stock.fileReader = &fileReader{array: ttf}
		stock.CharWidths = nil
		stock.DefaultWidth = -1
		symbolChars := stock.generateCMAP()
		stock.SeekTable("hhea")
		stock.skip(34)
		n := stock.readUint16()
		stock.SeekTable("maxp")
		stock.skip(4)
		numSymbols := stock.readUint16()
		stock.parseHMTXTable(n, numSymbols, symbolChars, 1000.0/float64(stock.fontElementSize))
		if !slices.Equal(stock.CharWidths, font.file.CharWidths) {
			t.Errorf("%s: widths differ from stock", name)
		}
		if stock.DefaultWidth != font.file.DefaultWidth {
			t.Errorf("%s: default width %v, stock %v", name, font.file.DefaultWidth, stock.DefaultWidth)
		}
		if !maps.Equal(stock.charSymbolDictionary, font.file.charSymbolDictionary) {
			t.Errorf("%s: character map differs from stock", name)
		}
		if font.file.CharWidths[0] < 100 {
			t.Errorf("%s: only %d widths", name, font.file.CharWidths[0])
		}
	}
}
