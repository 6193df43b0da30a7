// bhytdoc: this whole file is a bhytdoc addition (see README.md).

package fpdf

import (
	"bytes"
	"maps"
	"math"
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
		if !maps.Equal(stock.charSymbolDictionary, cmapOf(font.file)) {
			t.Errorf("%s: character map differs from stock", name)
		}
		for c := -1; c <= 0x10000; c++ {
			g, ok := font.file.glyphOf(c)
			sg, sok := stock.charSymbolDictionary[c]
			if g != sg || ok != sok {
				t.Fatalf("%s: glyphOf(%#x) = %d, %v; stock %d, %v", name, c, g, ok, sg, sok)
			}
		}
		if chars, _, ordered := stock.cmapPairs(stock.parseCMAPTable(0)); ordered != increasing(chars) {
			t.Errorf("%s: cmapPairs says ordered %v, increasing %v", name, ordered, increasing(chars))
		}
		if font.file.CharWidths[0] < 100 {
			t.Errorf("%s: only %d widths", name, font.file.CharWidths[0])
		}
	}
}

// cmapOf returns the character map of a parsed font as a map, however
// parseTables stored it.
func cmapOf(utf *utf8FontFile) map[int]int {
	if utf.cmapChars == nil {
		return utf.charSymbolDictionary
	}
	m := make(map[int]int, len(utf.cmapChars))
	for i, c := range utf.cmapChars {
		m[int(c)] = int(utf.cmapGlyphs[i])
	}
	return m
}

// TestHMTXPairsUnordered checks parseHMTXPairs against stock's
// parseHMTXTable for a cmap whose characters are not in increasing order
// and repeat with other glyphs (the highest glyph's width wins in stock),
// including glyph 0 and glyphs past numberOfHMetrics and numGlyphs.
func TestHMTXPairsUnordered(t *testing.T) {
	font, err := ParseUTF8Font(liberationserifregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	utf := font.file
	utf.SeekTable("hhea")
	utf.skip(34)
	nh := utf.readUint16()
	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()
	// Glyphs past numberOfHMetrics take the last metric's width, clamped
	// only if glyph nh-1 has characters: with numGlyphs as the font has
	// it and larger, and glyph nh-1 in the cmap or not.
	for _, numGlyphs := range []int{numSymbols, nh + 5} {
		for _, withLast := range []bool{true, false} {
			chars := []uint16{0x41, 0x42, 0x41, 0x1EA0, 0x30, 0x42, 0, 0xFFFF, 0x43, 0x44, 0x45, 0x46, 0x47}
			symbols := []uint16{36, 37, 5, 900, 19, 1, 3, 4, 0, uint16(nh - 1), uint16(numGlyphs + 3), uint16(nh), uint16(nh + 2)}
			if !withLast {
				symbols[9] = 7
			}
			if increasing(chars) {
				t.Fatal("test cmap is in order")
			}
			// stock's map from glyph to characters, in cmap order.
			symbolChars := map[int][]int{}
			for i, g := range symbols {
				symbolChars[int(g)] = append(symbolChars[int(g)], int(chars[i]))
			}
			scale := 1000.0 / float64(utf.fontElementSize)
			stock := *utf
			stock.parseHMTXTable(nh, numGlyphs, symbolChars, scale)
			ours := *utf
			ours.parseHMTXPairs(nh, numGlyphs, chars, symbols, false, scale)
			if !slices.Equal(stock.CharWidths, ours.CharWidths) {
				for c := range stock.CharWidths {
					if stock.CharWidths[c] != ours.CharWidths[c] {
						t.Errorf("%d glyphs, nh-1 mapped %v: width of %#x: %d, stock %d", numGlyphs, withLast, c, ours.CharWidths[c], stock.CharWidths[c])
					}
				}
			}
			if stock.DefaultWidth != ours.DefaultWidth {
				t.Errorf("default width %v, stock %v", ours.DefaultWidth, stock.DefaultWidth)
			}
		}
	}
}

// TestWidthRounder checks widthRounder against stock's
// int(math.Round(scale * float64(w))) for every advance a width table can
// hold, with units per em that take the integer form and some that do not.
func TestWidthRounder(t *testing.T) {
	for _, upem := range []int{16, 256, 1000, 1024, 2000, 2048, 2049, 4096, 1234, 16384, 32768} {
		scale := 1000.0 / float64(upem)
		r := newWidthRounder(upem, scale)
		if want := upem&(upem-1) == 0 && upem <= 1<<14; (r.shift >= 0) != want {
			t.Errorf("units per em %d: integer form %v, want %v", upem, r.shift >= 0, want)
		}
		for w := 0; w < 1<<16; w++ {
			if got, want := r.width(w), int(math.Round(scale*float64(w))); got != want {
				t.Fatalf("units per em %d, advance %d: %d, stock %d", upem, w, got, want)
			}
		}
	}
}

// TestTableChecksumLikeStock checks tableChecksum against stock's
// generateChecksum on data of every length modulo 8, and that a file's
// checksum is its header's plus its tables' (what assembleTables sums).
func TestTableChecksumLikeStock(t *testing.T) {
	var utf utf8FontFile
	data := make([]byte, 1000)
	for i := range data {
		data[i] = byte(i*7919 + i>>3)
	}
	for n := 0; n <= 40; n++ {
		for _, b := range [][]byte{data[:n], data[len(data)-n-3 : len(data)-3]} {
			c := utf.generateChecksum(bytes.Clone(b))
			if want := uint32(c[0])<<16 | uint32(c[1]); tableChecksum(b) != want {
				t.Fatalf("length %d: %#x, stock %#x", n, tableChecksum(b), want)
			}
		}
	}
	font, err := ParseUTF8Font(liberationserifregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	file := font.newDocFile().GenerateCutFont(map[int]int{0: 0, 'A': 'A', 'ệ': 'ệ', '…': '…'})
	// checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
	c := utf.generateChecksum(bytes.Clone(file))
	if sum := uint32(c[0])<<16 | uint32(c[1]); sum != 0xB1B0AFBA || tableChecksum(file) != sum {
		t.Errorf("subset sums to %#x (tableChecksum %#x), want 0xB1B0AFBA", sum, tableChecksum(file))
	}
}
