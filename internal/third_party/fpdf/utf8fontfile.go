// Copyright ©2023 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

/*
 * Copyright (c) 2019 Arteom Korotkiy (Gmail: arteomkorotkiy)
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

package fpdf

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits" // bhytdoc: widthRounder
	"slices"
	"sort"
)

// flags
const symbolWords = 1 << 0
const symbolScale = 1 << 3
const symbolContinue = 1 << 5
const symbolAllScale = 1 << 6
const symbol2x2 = 1 << 7

// CID map Init
const toUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

type utf8FontFile struct {
	fileReader           *fileReader
	LastRune             int
	tableDescriptions    map[string]*tableDescription
	outTablesData        map[string][]byte
	symbolPosition       []int
	charSymbolDictionary map[int]int
	Ascent               int
	Descent              int
	fontElementSize      int
	Bbox                 fontBoxType
	CapHeight            int
	StemV                int
	ItalicAngle          int
	Flags                int
	UnderlinePosition    float64
	UnderlineThickness   float64
	CharWidths           []int
	DefaultWidth         float64
	symbolData           map[int]map[string][]int
	CodeSymbolDictionary map[int]int

	// bhytdoc: the cmap as pairs in character order (cmapChars strictly
	// increasing), looked up by glyphOf in place of charSymbolDictionary,
	// which is then nil: building that map of some 2,300 entries per face
	// was a tenth of a cold `bhytdoc render`. Nil for a cmap whose
	// characters are not in increasing order (the map is kept).
	cmapChars  []uint16
	cmapGlyphs []uint16

	// bhytdoc: GenerateCutFont leaves out droppedTables (SetCompactFonts).
	dropTables bool
	// bhytdoc: buffers GenerateCutFont builds the glyf table and the font
	// file in, when the caller lends them (makeUTF8Subset); nil: new ones.
	scratch *cutScratch
	// bhytdoc: font-level inputs of GenerateCutFont, computed once by
	// parseFile (nil if the font lacks what subsetting needs). When set,
	// GenerateCutFont does not re-read the table directory, cmap, hmtx and
	// loca for every document, and tableDescriptions, charSymbolDictionary
	// and symbolPosition are treated as read-only (shared between the
	// per-document copies made by UTF8Font).
	cut *cutFontInfo
}

// bhytdoc: cutScratch holds the buffers of a font subset that its caller
// no longer needs once it has compressed it: the glyf table, the font
// file and the CIDToGIDMap. makeUTF8Subset lends one (cutScratches) to
// build a document's subsets in turn, so that each subset after the first
// reuses memory instead of touching fresh pages (a page fault each, some
// 50 for a cold render's four subsets).
type cutScratch [3][]byte

// The buffers of a cutScratch.
const (
	scratchGlyf = iota
	scratchFile
	scratchCIDToGID
)

var cutScratches slotPool

// take returns an empty slice with capacity n or more: the memory of
// buffer i when there is a scratch (s), or a new slice.
func (s *cutScratch) take(i, n int) []byte {
	if s == nil {
		return make([]byte, 0, n)
	}
	if cap(s[i]) < n {
		s[i] = make([]byte, 0, n)
	}
	return s[i][:0]
}

// bhytdoc: see utf8FontFile.cut.
type cutFontInfo struct {
	locaFormat   int    // head.indexToLocFormat
	metricsCount int    // hhea.numberOfHMetrics
	numSymbols   int    // maxp.numGlyphs
	loca         []byte // the loca table's numSymbols+1 offsets (glyphOffset)
}

// bhytdoc: without stock's checksum field, which nothing read (patch 24).
type tableDescription struct {
	name     string
	position int
	size     int
}

type fileReader struct {
	readerPosition int64
	array          []byte
}

func (fr *fileReader) Read(s int) []byte {
	// bhytdoc: full slice expression (cap = len) so that callers appending to
	// the result (e.g. getMetrics) copy instead of overwriting the font bytes
	// that follow, which would corrupt the shared TTF (and race).
	b := fr.array[fr.readerPosition : fr.readerPosition+int64(s) : fr.readerPosition+int64(s)]
	fr.readerPosition += int64(s)
	return b
}

func (fr *fileReader) seek(shift int64, flag int) (int64, error) {
	if flag == 0 {
		fr.readerPosition = shift
	} else if flag == 1 {
		fr.readerPosition += shift
	} else if flag == 2 {
		fr.readerPosition = int64(len(fr.array)) - shift
	}
	return int64(fr.readerPosition), nil
}

func newUTF8Font(reader *fileReader) *utf8FontFile {
	utf := utf8FontFile{
		fileReader: reader,
	}
	return &utf
}

func (utf *utf8FontFile) parseFile() error {
	utf.fileReader.readerPosition = 0
	utf.symbolPosition = make([]int, 0)
	utf.charSymbolDictionary = make(map[int]int)
	utf.tableDescriptions = make(map[string]*tableDescription)
	utf.outTablesData = make(map[string][]byte)
	utf.Ascent = 0
	utf.Descent = 0
	codeType := uint32(utf.readUint32())
	if codeType == 0x4F54544F {
		return fmt.Errorf("not supported\n ")
	}
	if codeType == 0x74746366 {
		return fmt.Errorf("not supported\n ")
	}
	if codeType != 0x00010000 && codeType != 0x74727565 {
		return fmt.Errorf("not a TrueType font: codeType=%v\n ", codeType)
	}
	utf.generateTableDescriptions()
	utf.parseTables()
	return nil
}

func (utf *utf8FontFile) generateTableDescriptions() {

	tablesCount := utf.readUint16()
	_ = utf.readUint16()
	_ = utf.readUint16()
	_ = utf.readUint16()
	// bhytdoc (patch 24): the map sized and the records in one array;
	// the checksums, which nothing reads, are not kept.
	utf.tableDescriptions = make(map[string]*tableDescription, tablesCount)
	records := make([]tableDescription, tablesCount)
	for i := range records {
		record := &records[i]
		record.name = utf.readTableName()
		utf.skip(4) // checkSum
		record.position = utf.readUint32()
		record.size = utf.readUint32()
		utf.tableDescriptions[record.name] = record
	}
}

func (utf *utf8FontFile) readTableName() string {
	return string(utf.fileReader.Read(4))
}

func (utf *utf8FontFile) readUint16() int {
	s := utf.fileReader.Read(2)
	return (int(s[0]) << 8) + int(s[1])
}

func (utf *utf8FontFile) readUint32() int {
	s := utf.fileReader.Read(4)
	return (int(s[0]) * 16777216) + (int(s[1]) << 16) + (int(s[2]) << 8) + int(s[3]) // 	16777216  = 1<<24
}

func (utf *utf8FontFile) calcInt32(x, y []int) []int {
	answer := make([]int, 2)
	if y[1] > x[1] {
		x[1] += 1 << 16
		x[0]++
	}
	answer[1] = x[1] - y[1]
	if y[0] > x[0] {
		x[0] += 1 << 16
	}
	answer[0] = x[0] - y[0]
	answer[0] = answer[0] & 0xFFFF
	return answer
}

func (utf *utf8FontFile) generateChecksum(data []byte) []int {
	if (len(data) % 4) != 0 {
		for i := 0; (len(data) % 4) != 0; i++ {
			data = append(data, 0)
		}
	}
	answer := []int{0x0000, 0x0000}
	for i := 0; i < len(data); i += 4 {
		answer[0] += (int(data[i]) << 8) + int(data[i+1])
		answer[1] += (int(data[i+2]) << 8) + int(data[i+3])
		answer[0] += answer[1] >> 16
		answer[1] = answer[1] & 0xFFFF
		answer[0] = answer[0] & 0xFFFF
	}
	return answer
}

func (utf *utf8FontFile) seek(shift int) {
	_, _ = utf.fileReader.seek(int64(shift), 0)
}

func (utf *utf8FontFile) skip(delta int) {
	_, _ = utf.fileReader.seek(int64(delta), 1)
}

// SeekTable position
func (utf *utf8FontFile) SeekTable(name string) int {
	return utf.seekTable(name, 0)
}

func (utf *utf8FontFile) seekTable(name string, offsetInTable int) int {
	_, _ = utf.fileReader.seek(int64(utf.tableDescriptions[name].position+offsetInTable), 0)
	return int(utf.fileReader.readerPosition)
}

func (utf *utf8FontFile) readInt16() int16 {
	s := utf.fileReader.Read(2)
	a := (int16(s[0]) << 8) + int16(s[1])
	if (int(a) & (1 << 15)) == 0 {
		a = int16(int(a) - (1 << 16))
	}
	return a
}

func (utf *utf8FontFile) getUint16(pos int) int {
	_, _ = utf.fileReader.seek(int64(pos), 0)
	s := utf.fileReader.Read(2)
	return (int(s[0]) << 8) + int(s[1])
}

func (utf *utf8FontFile) splice(stream []byte, offset int, value []byte) []byte {
	stream = append([]byte{}, stream...)
	return append(append(stream[:offset], value...), stream[offset+len(value):]...)
}

func (utf *utf8FontFile) insertUint16(stream []byte, offset int, value int) []byte {
	up := make([]byte, 2)
	binary.BigEndian.PutUint16(up, uint16(value))
	return utf.splice(stream, offset, up)
}

func (utf *utf8FontFile) getRange(pos, length int) []byte {
	_, _ = utf.fileReader.seek(int64(pos), 0)
	if length < 1 {
		return make([]byte, 0)
	}
	s := utf.fileReader.Read(length)
	return s
}

func (utf *utf8FontFile) getTableData(name string) []byte {
	desckrip := utf.tableDescriptions[name]
	if desckrip == nil {
		return nil
	}
	if desckrip.size == 0 {
		return nil
	}
	_, _ = utf.fileReader.seek(int64(desckrip.position), 0)
	s := utf.fileReader.Read(desckrip.size)
	return s
}

func (utf *utf8FontFile) setOutTable(name string, data []byte) {
	if data == nil {
		return
	}
	if name == "head" {
		data = utf.splice(data, 8, []byte{0, 0, 0, 0})
	}
	utf.outTablesData[name] = data
}

func arrayKeys(arr map[int]string) []int {
	answer := make([]int, len(arr))
	i := 0
	for key := range arr {
		answer[i] = key
		i++
	}
	return answer
}

func inArray(s int, arr []int) bool {
	return slices.Contains(arr, s)
}

func (utf *utf8FontFile) parseNAMETable() int {
	namePosition := utf.SeekTable("name")
	format := utf.readUint16()
	if format != 0 {
		fmt.Printf("Illegal format %d\n", format)
		return format
	}
	nameCount := utf.readUint16()
	stringDataPosition := namePosition + utf.readUint16()
	names := map[int]string{1: "", 2: "", 3: "", 4: "", 6: ""}
	keys := arrayKeys(names)
	counter := len(names)
	for range nameCount {
		system := utf.readUint16()
		code := utf.readUint16()
		local := utf.readUint16()
		nameID := utf.readUint16()
		size := utf.readUint16()
		position := utf.readUint16()
		if !inArray(nameID, keys) {
			continue
		}
		currentName := ""
		if system == 3 && code == 1 && local == 0x409 {
			oldPos := utf.fileReader.readerPosition
			utf.seek(stringDataPosition + position)
			if size%2 != 0 {
				fmt.Printf("name is not binar byte format\n")
				return format
			}
			size /= 2
			currentName = ""
			for size > 0 {
				char := utf.readUint16()
				currentName += string(rune(char))
				size--
			}
			utf.fileReader.readerPosition = oldPos
			utf.seek(int(oldPos))
		} else if system == 1 && code == 0 && local == 0 {
			oldPos := utf.fileReader.readerPosition
			currentName = string(utf.getRange(stringDataPosition+position, size))
			utf.fileReader.readerPosition = oldPos
			utf.seek(int(oldPos))
		}
		if currentName != "" && names[nameID] == "" {
			names[nameID] = currentName
			counter--
			if counter == 0 {
				break
			}
		}
	}
	return format
}

func (utf *utf8FontFile) parseHEADTable() {
	utf.SeekTable("head")
	utf.skip(18)
	utf.fontElementSize = utf.readUint16()
	scale := 1000.0 / float64(utf.fontElementSize)
	utf.skip(16)
	xMin := utf.readInt16()
	yMin := utf.readInt16()
	xMax := utf.readInt16()
	yMax := utf.readInt16()
	utf.Bbox = fontBoxType{int(float64(xMin) * scale), int(float64(yMin) * scale), int(float64(xMax) * scale), int(float64(yMax) * scale)}
	utf.skip(3 * 2)
	_ = utf.readUint16()
	symbolDataFormat := utf.readUint16()
	if symbolDataFormat != 0 {
		fmt.Printf("Unknown symbol data format %d\n", symbolDataFormat)
		return
	}
}

func (utf *utf8FontFile) parseHHEATable() int {
	metricsCount := 0
	if _, OK := utf.tableDescriptions["hhea"]; OK {
		scale := 1000.0 / float64(utf.fontElementSize)
		utf.SeekTable("hhea")
		utf.skip(4)
		hheaAscender := utf.readInt16()
		hheaDescender := utf.readInt16()
		utf.Ascent = int(float64(hheaAscender) * scale)
		utf.Descent = int(float64(hheaDescender) * scale)
		utf.skip(24)
		metricDataFormat := utf.readUint16()
		if metricDataFormat != 0 {
			fmt.Printf("Unknown horizontal metric data format %d\n", metricDataFormat)
			return 0
		}
		metricsCount = utf.readUint16()
		if metricsCount == 0 {
			fmt.Printf("Number of horizontal metrics is 0\n")
			return 0
		}
	}
	return metricsCount
}

func (utf *utf8FontFile) parseOS2Table() int {
	var weightType int
	scale := 1000.0 / float64(utf.fontElementSize)
	if _, OK := utf.tableDescriptions["OS/2"]; OK {
		utf.SeekTable("OS/2")
		version := utf.readUint16()
		utf.skip(2)
		weightType = utf.readUint16()
		utf.skip(2)
		fsType := utf.readUint16()
		if fsType == 0x0002 || (fsType&0x0300) != 0 {
			fmt.Printf("ERROR - copyright restrictions.\n")
			return 0
		}
		utf.skip(20)
		_ = utf.readInt16()

		utf.skip(36)
		sTypoAscender := utf.readInt16()
		sTypoDescender := utf.readInt16()
		if utf.Ascent == 0 {
			utf.Ascent = int(float64(sTypoAscender) * scale)
		}
		if utf.Descent == 0 {
			utf.Descent = int(float64(sTypoDescender) * scale)
		}
		if version > 1 {
			utf.skip(16)
			sCapHeight := utf.readInt16()
			utf.CapHeight = int(float64(sCapHeight) * scale)
		} else {
			utf.CapHeight = utf.Ascent
		}
	} else {
		weightType = 500
		if utf.Ascent == 0 {
			utf.Ascent = int(float64(utf.Bbox.Ymax) * scale)
		}
		if utf.Descent == 0 {
			utf.Descent = int(float64(utf.Bbox.Ymin) * scale)
		}
		utf.CapHeight = utf.Ascent
	}
	utf.StemV = 50 + int(math.Pow(float64(weightType)/65.0, 2))
	return weightType
}

func (utf *utf8FontFile) parsePOSTTable(weight int) {
	utf.SeekTable("post")
	utf.skip(4)
	utf.ItalicAngle = int(utf.readInt16()) + utf.readUint16()/65536.0
	scale := 1000.0 / float64(utf.fontElementSize)
	utf.UnderlinePosition = float64(utf.readInt16()) * scale
	utf.UnderlineThickness = float64(utf.readInt16()) * scale
	fixed := utf.readUint32()

	utf.Flags = 4

	if utf.ItalicAngle != 0 {
		utf.Flags = utf.Flags | 64
	}
	if weight >= 600 {
		utf.Flags = utf.Flags | 262144
	}
	if fixed != 0 {
		utf.Flags = utf.Flags | 1
	}
}

func (utf *utf8FontFile) parseCMAPTable(format int) int {
	cmapPosition := utf.SeekTable("cmap")
	utf.skip(2)
	cmapTableCount := utf.readUint16()
	cidCMAPPosition := 0
	for range cmapTableCount {
		system := utf.readUint16()
		coded := utf.readUint16()
		position := utf.readUint32()
		oldReaderPosition := utf.fileReader.readerPosition
		if (system == 3 && coded == 1) || system == 0 { // Microsoft, Unicode
			v := utf.getUint16(cmapPosition + position)
			if v == 4 {
				if cidCMAPPosition == 0 {
					cidCMAPPosition = cmapPosition + position
				}
				break
			}
		}
		utf.seek(int(oldReaderPosition))
	}
	if cidCMAPPosition == 0 {
		fmt.Printf("Font does not have cmap for Unicode\n")
		return cidCMAPPosition
	}
	return cidCMAPPosition
}

func (utf *utf8FontFile) parseTables() {
	f := utf.parseNAMETable()
	utf.parseHEADTable()
	n := utf.parseHHEATable()
	w := utf.parseOS2Table()
	utf.parsePOSTTable(w)
	runeCMAPPosition := utf.parseCMAPTable(f)

	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()

	// bhytdoc: the cmap read once into flat pairs, not into two maps
	// grown entry by entry (with a slice per glyph), which with the width
	// table was 14% of a cold `bhytdoc render`; same widths as stock.
	chars, symbols, ordered := utf.cmapPairs(runeCMAPPosition)
	var charSymbolDictionary map[int]int
	if ordered {
		utf.cmapChars, utf.cmapGlyphs = chars, symbols
	} else {
		charSymbolDictionary = make(map[int]int, len(chars))
		for i, c := range chars {
			charSymbolDictionary[int(c)] = int(symbols[i])
		}
	}
	scale := 1000.0 / float64(utf.fontElementSize)
	utf.parseHMTXPairs(n, numSymbols, chars, symbols, ordered, scale)

	// bhytdoc: keep what GenerateCutFont needs so it need not re-parse.
	utf.prepareCut(runeCMAPPosition, charSymbolDictionary)
}

// bhytdoc: prepareCut records the font-level inputs of GenerateCutFont
// (the same values GenerateCutFont's own re-parse would compute) and leaves
// utf.cut nil when the font lacks a table subsetting needs.
func (utf *utf8FontFile) prepareCut(runeCMAPPosition int, charSymbolDictionary map[int]int) {
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "post"} {
		if utf.tableDescriptions[t] == nil {
			return
		}
	}
	if runeCMAPPosition == 0 {
		return
	}
	utf.SeekTable("head")
	utf.skip(50)
	locaFormat := utf.readUint16()
	utf.SeekTable("hhea")
	utf.skip(34)
	metricsCount := utf.readUint16()
	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()
	if locaFormat > 1 || metricsCount == 0 {
		return
	}
	// The offsets are read in place (glyphOffset), for the few glyphs a
	// document uses, not decoded into symbolPosition for all of them.
	entry := 2 << locaFormat
	loca := utf.getRange(utf.SeekTable("loca"), entry*(numSymbols+1))
	utf.charSymbolDictionary = charSymbolDictionary
	utf.cut = &cutFontInfo{locaFormat: locaFormat, metricsCount: metricsCount, numSymbols: numSymbols, loca: loca}
}

// bhytdoc: glyphOf returns the glyph the cmap maps char to, and whether
// the cmap has char at all (a character may map to glyph 0), as a look-up
// of charSymbolDictionary would.
func (utf *utf8FontFile) glyphOf(char int) (int, bool) {
	if utf.cmapChars == nil {
		g, ok := utf.charSymbolDictionary[char]
		return g, ok
	}
	if char < 0 || char > 0xFFFF {
		return 0, false
	}
	i, ok := slices.BinarySearch(utf.cmapChars, uint16(char))
	if !ok {
		return 0, false
	}
	return int(utf.cmapGlyphs[i]), true
}

// bhytdoc: increasing reports whether s is strictly increasing.
func increasing(s []uint16) bool {
	for i := 1; i < len(s); i++ {
		if s[i] <= s[i-1] {
			return false
		}
	}
	return true
}

func (utf *utf8FontFile) generateCMAP() map[int][]int {
	cmapPosition := utf.SeekTable("cmap")
	utf.skip(2)
	cmapTableCount := utf.readUint16()
	runeCmapPosition := 0
	for range cmapTableCount {
		system := utf.readUint16()
		coder := utf.readUint16()
		position := utf.readUint32()
		oldPosition := utf.fileReader.readerPosition
		if (system == 3 && coder == 1) || system == 0 {
			format := utf.getUint16(cmapPosition + position)
			if format == 4 {
				runeCmapPosition = cmapPosition + position
				break
			}
		}
		utf.seek(int(oldPosition))
	}

	if runeCmapPosition == 0 {
		fmt.Printf("Font does not have cmap for Unicode\n")
		return nil
	}

	symbolCharDictionary := make(map[int][]int)
	charSymbolDictionary := make(map[int]int)
	utf.generateSCCSDictionaries(runeCmapPosition, symbolCharDictionary, charSymbolDictionary)

	utf.charSymbolDictionary = charSymbolDictionary

	return symbolCharDictionary
}

func (utf *utf8FontFile) parseSymbols(usedRunes map[int]int) (map[int]int, map[int]int, map[int]int, []int) {
	// bhytdoc: maps sized for the used runes (stock grew them from empty).
	symbolCollection := make(map[int]int, len(usedRunes)+1)
	symbolCollection[0] = 0
	charSymbolPairCollection := make(map[int]int, len(usedRunes))
	for _, char := range usedRunes {
		if symbol, OK := utf.glyphOf(char); OK { // bhytdoc: was a map look-up
			symbolCollection[symbol] = char
			charSymbolPairCollection[char] = symbol
		}
		utf.LastRune = max(utf.LastRune, char)
	}

	begin := utf.tableDescriptions["glyf"].position

	symbolArray := make(map[int]int, len(symbolCollection)) // bhytdoc: sized
	symbolCollectionKeys := keySortInt(symbolCollection)

	// bhytdoc (patch 24): stock also computed the highest rune of the
	// glyphs here (unused), walked the characters in sorted order to
	// fill a map (any order fills it alike) and sorted the glyphs a
	// second time, unchanged.
	for symbolCounter, oldSymbolIndex := range symbolCollectionKeys {
		symbolArray[oldSymbolIndex] = symbolCounter
	}
	runeSymbolPairCollection := make(map[int]int, len(charSymbolPairCollection)) // bhytdoc: sized
	for runa, symbol := range charSymbolPairCollection {
		runeSymbolPairCollection[runa] = symbolArray[symbol]
	}
	utf.CodeSymbolDictionary = runeSymbolPairCollection

	for _, oldSymbolIndex := range symbolCollectionKeys {
		_, symbolArray, symbolCollection, symbolCollectionKeys = utf.getSymbols(oldSymbolIndex, &begin, symbolArray, symbolCollection, symbolCollectionKeys)
	}

	return runeSymbolPairCollection, symbolArray, symbolCollection, symbolCollectionKeys
}

func (utf *utf8FontFile) generateCMAPTable(cidSymbolPairCollection map[int]int, numSymbols int) []byte {
	cidSymbolPairCollectionKeys := keySortInt(cidSymbolPairCollection)
	cidID := 0
	cidArray := make(map[int][]int)
	prevCid := -2
	prevSymbol := -1
	for _, cid := range cidSymbolPairCollectionKeys {
		if cid == (prevCid+1) && cidSymbolPairCollection[cid] == (prevSymbol+1) {
			if n, OK := cidArray[cidID]; !OK || n == nil {
				cidArray[cidID] = make([]int, 0)
			}
			cidArray[cidID] = append(cidArray[cidID], cidSymbolPairCollection[cid])
		} else {
			cidID = cid
			cidArray[cidID] = make([]int, 0)
			cidArray[cidID] = append(cidArray[cidID], cidSymbolPairCollection[cid])
		}
		prevCid = cid
		prevSymbol = cidSymbolPairCollection[cid]
	}
	cidArrayKeys := keySortArrayRangeMap(cidArray)
	segCount := len(cidArray) + 1

	searchRange := 1
	entrySelector := 0
	for searchRange*2 <= segCount {
		searchRange = searchRange * 2
		entrySelector = entrySelector + 1
	}
	searchRange = searchRange * 2
	rangeShift := segCount*2 - searchRange
	length := 16 + (8 * segCount) + (numSymbols + 1)
	cmap := []int{0, 1, 3, 1, 0, 12, 4, length, 0, segCount * 2, searchRange, entrySelector, rangeShift}

	for _, start := range cidArrayKeys {
		endCode := start + (len(cidArray[start]) - 1)
		cmap = append(cmap, endCode)
	}
	cmap = append(cmap, 0xFFFF)
	cmap = append(cmap, 0)

	cmap = append(cmap, cidArrayKeys...)
	cmap = append(cmap, 0xFFFF)
	for _, cidKey := range cidArrayKeys {
		idDelta := -(cidKey - cidArray[cidKey][0])
		cmap = append(cmap, idDelta)
	}
	cmap = append(cmap, 1)
	for range cidArray {
		cmap = append(cmap, 0)

	}
	cmap = append(cmap, 0)
	for _, start := range cidArrayKeys {
		cmap = append(cmap, cidArray[start]...)
	}
	cmap = append(cmap, 0)
	cmapstr := make([]byte, 0)
	for _, cm := range cmap {
		cmapstr = binary.BigEndian.AppendUint16(cmapstr, uint16(cm)) // bhytdoc: no per-value alloc
	}
	return cmapstr
}

// GenerateCutFont fill utf8FontFile from .utf file, only with runes from usedRunes
func (utf *utf8FontFile) GenerateCutFont(usedRunes map[int]int) []byte {
	// bhytdoc: use the font-level data prepared by parseFile when available
	// (it is identical to what the stock re-parse below computes; the stock
	// re-parse also rebuilt CharWidths unscaled, which nothing reads later).
	var LocaFormat, metricsCount, numSymbols int
	if utf.cut != nil {
		utf.outTablesData = make(map[string][]byte)
		utf.LastRune = 0
		LocaFormat, metricsCount, numSymbols = utf.cut.locaFormat, utf.cut.metricsCount, utf.cut.numSymbols
	} else {
		utf.fileReader.readerPosition = 0
		utf.symbolPosition = make([]int, 0)
		utf.charSymbolDictionary = make(map[int]int)
		utf.cmapChars, utf.cmapGlyphs = nil, nil // bhytdoc: the map below is used
		utf.tableDescriptions = make(map[string]*tableDescription)
		utf.outTablesData = make(map[string][]byte)
		utf.Ascent = 0
		utf.Descent = 0
		utf.skip(4)
		utf.LastRune = 0
		utf.generateTableDescriptions()

		utf.SeekTable("head")
		utf.skip(50)
		LocaFormat = utf.readUint16()

		utf.SeekTable("hhea")
		utf.skip(34)
		metricsCount = utf.readUint16()

		utf.SeekTable("maxp")
		utf.skip(4)
		numSymbols = utf.readUint16()

		symbolCharDictionary := utf.generateCMAP()
		if symbolCharDictionary == nil {
			return nil
		}

		utf.parseHMTXTable(metricsCount, numSymbols, symbolCharDictionary, 1.0)

		utf.parseLOCATable(LocaFormat, numSymbols)
	}
	oldMetrics := metricsCount

	cidSymbolPairCollection, symbolArray, symbolCollection, symbolCollectionKeys := utf.parseSymbols(usedRunes)

	metricsCount = len(symbolCollection)
	numSymbols = metricsCount

	utf.setOutTable("name", utf.getTableData("name"))
	utf.setOutTable("cvt ", utf.getTableData("cvt "))
	utf.setOutTable("fpgm", utf.getTableData("fpgm"))
	utf.setOutTable("prep", utf.getTableData("prep"))
	utf.setOutTable("gasp", utf.getTableData("gasp"))

	postTable := utf.getTableData("post")
	postTable = append(append([]byte{0x00, 0x03, 0x00, 0x00}, postTable[4:16]...), []byte{0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}...)
	utf.setOutTable("post", postTable)

	delete(cidSymbolPairCollection, 0)

	// bhytdoc: a subset that leaves out the cmap (SetCompactFonts) does
	// not build it.
	if !utf.dropTables || !slices.Contains(droppedTables, "cmap") {
		utf.setOutTable("cmap", utf.generateCMAPTable(cidSymbolPairCollection, numSymbols))
	}

	symbolData := utf.getTableData("glyf")

	// bhytdoc: pre-size the output slices (stock grew them from empty).
	glyfSize := 0
	for _, idx := range symbolCollectionKeys {
		glyfSize += (utf.glyphOffset(idx+1) - utf.glyphOffset(idx) + 3) &^ 3
	}
	offsets := make([]int, 0, len(symbolCollectionKeys)+1)
	glyfData := utf.scratch.take(scratchGlyf, glyfSize) // bhytdoc: lent or new
	pos := 0
	hmtxData := make([]byte, 0, 4*len(symbolCollectionKeys))
	// bhytdoc: utf.symbolData ("compSymbols" per composite glyph) was
	// write-only; it is no longer built.

	for _, originalSymbolIdx := range symbolCollectionKeys {
		hm := utf.getMetrics(oldMetrics, originalSymbolIdx)
		hmtxData = append(hmtxData, hm...)

		offsets = append(offsets, pos)
		symbolPos := utf.glyphOffset(originalSymbolIdx) // bhytdoc: was symbolPosition[…]
		symbolLen := utf.glyphOffset(originalSymbolIdx+1) - symbolPos
		data := symbolData[symbolPos : symbolPos+symbolLen]
		var up int
		if symbolLen > 0 {
			up = unpackUint16(data[0:2])
		}

		if symbolLen > 2 && (up&(1<<15)) != 0 {
			posInSymbol := 10
			flags := symbolContinue
			nComponentElements := 0
			for (flags & symbolContinue) != 0 {
				nComponentElements++
				up = unpackUint16(data[posInSymbol : posInSymbol+2])
				flags = up
				up = unpackUint16(data[posInSymbol+2 : posInSymbol+4])
				symbolIdx := up
				data = utf.insertUint16(data, posInSymbol+2, symbolArray[symbolIdx])
				posInSymbol += 4
				if (flags & symbolWords) != 0 {
					posInSymbol += 4
				} else {
					posInSymbol += 2
				}
				if (flags & symbolScale) != 0 {
					posInSymbol += 2
				} else if (flags & symbolAllScale) != 0 {
					posInSymbol += 4
				} else if (flags & symbol2x2) != 0 {
					posInSymbol += 8
				}
			}
		}

		glyfData = append(glyfData, data...)
		pos += symbolLen
		if pos%4 != 0 {
			padding := 4 - (pos % 4)
			glyfData = append(glyfData, make([]byte, padding)...)
			pos += padding
		}
	}

	offsets = append(offsets, pos)
	utf.setOutTable("glyf", glyfData)

	utf.setOutTable("hmtx", hmtxData)

	locaData := make([]byte, 0)
	if ((pos + 1) >> 1) > 0xFFFF {
		LocaFormat = 1
		for _, offset := range offsets {
			locaData = binary.BigEndian.AppendUint32(locaData, uint32(offset)) // bhytdoc: no per-value alloc
		}
	} else {
		LocaFormat = 0
		for _, offset := range offsets {
			locaData = binary.BigEndian.AppendUint16(locaData, uint16(offset/2)) // bhytdoc: no per-value alloc
		}
	}
	utf.setOutTable("loca", locaData)

	headData := utf.getTableData("head")
	headData = utf.insertUint16(headData, 50, LocaFormat)
	utf.setOutTable("head", headData)

	hheaData := utf.getTableData("hhea")
	hheaData = utf.insertUint16(hheaData, 34, metricsCount)
	utf.setOutTable("hhea", hheaData)

	maxp := utf.getTableData("maxp")
	maxp = utf.insertUint16(maxp, 4, numSymbols)
	utf.setOutTable("maxp", maxp)

	os2Data := utf.getTableData("OS/2")
	utf.setOutTable("OS/2", os2Data)

	if utf.dropTables { // bhytdoc: SetCompactFonts
		for _, t := range droppedTables {
			delete(utf.outTablesData, t)
		}
	}
	return utf.assembleTables()
}

func (utf *utf8FontFile) getSymbols(originalSymbolIdx int, start *int, symbolSet map[int]int, SymbolsCollection map[int]int, SymbolsCollectionKeys []int) (*int, map[int]int, map[int]int, []int) {
	symbolPos := utf.glyphOffset(originalSymbolIdx) // bhytdoc: was symbolPosition[…]
	symbolSize := utf.glyphOffset(originalSymbolIdx+1) - symbolPos
	if symbolSize == 0 {
		return start, symbolSet, SymbolsCollection, SymbolsCollectionKeys
	}
	utf.seek(*start + symbolPos)

	lineCount := utf.readInt16()

	if lineCount < 0 {
		utf.skip(8)
		flags := symbolContinue
		for flags&symbolContinue != 0 {
			flags = utf.readUint16()
			symbolIndex := utf.readUint16()
			if _, OK := symbolSet[symbolIndex]; !OK {
				symbolSet[symbolIndex] = len(SymbolsCollection)
				SymbolsCollection[symbolIndex] = 1
				SymbolsCollectionKeys = append(SymbolsCollectionKeys, symbolIndex)
			}
			oldPosition, _ := utf.fileReader.seek(0, 1)
			_, _, _, SymbolsCollectionKeys = utf.getSymbols(symbolIndex, start, symbolSet, SymbolsCollection, SymbolsCollectionKeys)
			utf.seek(int(oldPosition))
			if flags&symbolWords != 0 {
				utf.skip(4)
			} else {
				utf.skip(2)
			}
			if flags&symbolScale != 0 {
				utf.skip(2)
			} else if flags&symbolAllScale != 0 {
				utf.skip(4)
			} else if flags&symbol2x2 != 0 {
				utf.skip(8)
			}
		}
	}
	return start, symbolSet, SymbolsCollection, SymbolsCollectionKeys
}

func (utf *utf8FontFile) parseHMTXTable(numberOfHMetrics, numSymbols int, symbolToChar map[int][]int, scale float64) {
	var widths int
	start := utf.SeekTable("hmtx")
	arrayWidths := 0
	var arr []int
	utf.CharWidths = make([]int, 256*256)
	charCount := 0
	arr = unpackUint16Array(utf.getRange(start, numberOfHMetrics*4))
	for symbol := range numberOfHMetrics {
		arrayWidths = arr[(symbol*2)+1]
		if _, OK := symbolToChar[symbol]; OK || symbol == 0 {

			if arrayWidths >= (1 << 15) {
				arrayWidths = 0
			}
			if symbol == 0 {
				utf.DefaultWidth = scale * float64(arrayWidths)
				continue
			}
			for _, char := range symbolToChar[symbol] {
				if char != 0 && char != 65535 {
					widths = int(math.Round(scale * float64(arrayWidths)))
					if widths == 0 {
						widths = 65535
					}
					if char < 196608 {
						utf.CharWidths[char] = widths
						charCount++
					}
				}
			}
		}
	}
	diff := numSymbols - numberOfHMetrics
	for pos := range diff {
		symbol := pos + numberOfHMetrics
		if _, OK := symbolToChar[symbol]; OK {
			for _, char := range symbolToChar[symbol] {
				if char != 0 && char != 65535 {
					widths = int(math.Round(scale * float64(arrayWidths)))
					if widths == 0 {
						widths = 65535
					}
					if char < 196608 {
						utf.CharWidths[char] = widths
						charCount++
					}
				}
			}
		}
	}
	utf.CharWidths[0] = charCount
}

// bhytdoc: parseHMTXPairs is parseHMTXTable with the cmap given as
// parallel slices of characters and glyphs (cmapPairs) instead of a map
// from glyph to characters, and sets the same widths: each character gets
// the width of its glyph (of the last metric for glyphs past
// numberOfHMetrics, with stock's quirk of clamping that width only when
// the last metric's glyph has characters). parseHMTXTable visits glyphs in
// order, and each glyph's characters in cmap order; the visiting order
// only matters when a character occurs twice (the highest glyph wins), so
// the pairs are put in that order only then.
//
// bhytdoc (patch 24): one loop over the pairs, reading the metrics in
// place and rounding as widthRounder does, a fraction of its former cost
// per character. ordered is increasing(chars), which the caller knows.
func (utf *utf8FontFile) parseHMTXPairs(numberOfHMetrics, numSymbols int, chars, symbols []uint16, ordered bool, scale float64) {
	nh := numberOfHMetrics
	hmtx := utf.getRange(utf.SeekTable("hmtx"), nh*4)
	advance := func(g int) int { return int(binary.BigEndian.Uint16(hmtx[4*g:])) }
	utf.CharWidths = make([]int, 256*256)
	tail := 0 // parseHMTXTable's arrayWidths after its first loop
	if nh > 0 {
		utf.DefaultWidth = scale * float64(clampWidth(advance(0)))
		tail = advance(nh - 1)
		// tail is used only for glyphs in [nh, numSymbols): when there
		// are none, whether nh-1 has characters is not looked up.
		if nh == 1 || nh < numSymbols && slices.Contains(symbols, uint16(nh-1)) {
			tail = clampWidth(tail)
		}
	}
	if !ordered {
		// In glyph order, stably: the pairs as parseHMTXTable visits them.
		order := make([]int, len(chars))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(symbols[a], symbols[b]) })
		cs, ss := make([]uint16, len(chars)), make([]uint16, len(chars))
		for k, i := range order {
			cs[k], ss[k] = chars[i], symbols[i]
		}
		chars, symbols = cs, ss
	}
	round := newWidthRounder(utf.fontElementSize, scale)
	half, shift := 1<<max(round.shift, 0), uint(round.shift+1)&63
	widths := utf.CharWidths[:65536]
	symbols = symbols[:len(chars)]
	charCount := 0
	if numSymbols <= nh && round.shift >= 0 {
		// Every glyph has its own metric (no tail) and widths round in
		// integers: the loop below with less to keep track of.
		for i, c := range chars {
			g := uint(symbols[i])
			if g-1 >= uint(nh-1) || c == 0 || c == 65535 {
				continue // glyph 0 or past the metrics; characters stock skips
			}
			m := hmtx[4*g : 4*g+2]
			w := clampWidth(int(m[0])<<8 | int(m[1]))
			width := (2000*w + half) >> shift
			if width == 0 {
				width = 65535
			}
			widths[c] = width
			charCount++
		}
		utf.CharWidths[0] = charCount
		return
	}
	for i, c := range chars {
		g := int(symbols[i])
		var w int
		switch {
		case g < nh && g > 0:
			w = clampWidth(int(hmtx[4*g])<<8 | int(hmtx[4*g+1]))
		case g >= nh && g < numSymbols:
			w = tail
		default:
			continue // glyph 0 (the default width) or past both tables
		}
		if c == 0 || c == 65535 {
			continue
		}
		var width int
		if round.shift >= 0 { // round.width, inlined
			width = (2000*w + half) >> shift
		} else {
			width = round.width(w)
		}
		if width == 0 {
			width = 65535
		}
		widths[c] = width
		charCount++
	}
	utf.CharWidths[0] = charCount
}

// bhytdoc: widthRounder computes int(math.Round(scale * float64(w))), a
// width in font units scaled to 1/1000 em as stock rounds it, for w in
// [0, 1<<16). When units per em is a power of two (2048 for TrueType
// fonts as a rule) the product is exact in floating point, and so is
// the integer form (2000w + upem) / (2 upem) of rounding half away from
// zero; other fonts take math.Round (TestWidthRounder).
type widthRounder struct {
	shift int     // log2 of units per em, or -1
	scale float64 // for shift < 0
}

func newWidthRounder(unitsPerEm int, scale float64) widthRounder {
	if unitsPerEm > 0 && unitsPerEm <= 1<<14 && unitsPerEm&(unitsPerEm-1) == 0 && scale == 1000/float64(unitsPerEm) {
		return widthRounder{shift: bits.TrailingZeros(uint(unitsPerEm))}
	}
	return widthRounder{shift: -1, scale: scale}
}

func (r widthRounder) width(w int) int {
	if r.shift >= 0 && w >= 0 {
		return (2000*w + 1<<r.shift) >> (r.shift + 1)
	}
	return int(math.Round(r.scale * float64(w)))
}

// bhytdoc: clampWidth is parseHMTXTable's rule that an advance of 32768
// units or more counts as 0.
func clampWidth(w int) int {
	if w >= 1<<15 {
		return 0
	}
	return w
}

// bhytdoc: cmapPairs reads the format 4 cmap at runeCmapPosition as
// generateSCCSDictionaries does, returning each character and its glyph
// in cmap order, and whether the characters are in increasing order
// (increasing(chars)). It reads the table in place, segment by segment
// (patch 24); a read past the end of the font panics, as the stock reader
// does, and ParseUTF8Font reports it.
func (utf *utf8FontFile) cmapPairs(runeCmapPosition int) (chars, symbols []uint16, ordered bool) {
	ttf := utf.fileReader.array
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(ttf[off : off+2])) }
	rim := runeCmapPosition + u16(runeCmapPosition+2)
	segs := u16(runeCmapPosition+6) / 2
	ends := runeCmapPosition + 14
	starts := ends + 2*segs + 2 // past reservedPad
	deltas := starts + 2*segs
	offsets := deltas + 2*segs                 // generateSCCSDictionaries' readerPositionStart
	_ = ttf[offsets+2*segs-1 : offsets+2*segs] // the arrays are all in the font
	total := 0
	for n := range segs {
		total += max(u16(ends+2*n)+1-u16(starts+2*n), 0)
	}
	chars = make([]uint16, total)
	symbols = make([]uint16, total)
	k := 0
	ordered, prevEnd := true, -1
	for n := range segs {
		begin, end := u16(starts+2*n), u16(ends+2*n)
		if begin > end {
			continue
		}
		ordered = ordered && begin > prevEnd
		prevEnd = end
		delta := int(int16(u16(deltas + 2*n))) // readInt16
		cs, ss := chars[k:k+end-begin+1], symbols[k:k+end-begin+1]
		k += len(cs)
		if off := u16(offsets + 2*n); off == 0 {
			for j := range cs {
				cs[j] = uint16(begin + j)
				ss[j] = uint16(begin + j + delta)
			}
		} else {
			// The glyph index array entry of begin; entries at or past
			// rim (the subtable's end) give glyph 0.
			at := offsets + 2*n + off
			for j := range cs {
				cs[j] = uint16(begin + j)
				if p := at + 2*j; p < rim {
					if s := u16(p); s != 0 {
						ss[j] = uint16(s + delta)
					}
				}
			}
		}
	}
	return chars, symbols, ordered
}

func (utf *utf8FontFile) getMetrics(metricCount, gid int) []byte {
	start := utf.SeekTable("hmtx")
	var metrics []byte
	if gid < metricCount {
		utf.seek(start + (gid * 4))
		metrics = utf.fileReader.Read(4)
	} else {
		utf.seek(start + ((metricCount - 1) * 4))
		metrics = utf.fileReader.Read(2)
		utf.seek(start + (metricCount * 2) + (gid * 2))
		metrics = append(metrics, utf.fileReader.Read(2)...)
	}
	return metrics
}

// bhytdoc: glyphOffset returns symbolPosition[i], the offset of glyph i
// in the glyf table, reading it from the loca table in place when
// parseFile kept the table (cut.loca).
func (utf *utf8FontFile) glyphOffset(i int) int {
	if utf.cut == nil || utf.cut.loca == nil {
		return utf.symbolPosition[i]
	}
	if utf.cut.locaFormat == 0 {
		return int(binary.BigEndian.Uint16(utf.cut.loca[2*i:2*i+2])) * 2
	}
	return int(binary.BigEndian.Uint32(utf.cut.loca[4*i : 4*i+4]))
}

func (utf *utf8FontFile) parseLOCATable(format, numSymbols int) {
	start := utf.SeekTable("loca")
	utf.symbolPosition = make([]int, 0, numSymbols+1) // bhytdoc: pre-sized
	// bhytdoc: decoded straight into symbolPosition, not through an
	// unpacked copy of the table.
	if format == 0 {
		data := utf.getRange(start, (numSymbols*2)+2)
		for n := 0; n <= numSymbols; n++ {
			utf.symbolPosition = append(utf.symbolPosition, int(binary.BigEndian.Uint16(data[2*n:]))*2)
		}
	} else if format == 1 {
		data := utf.getRange(start, (numSymbols*4)+4)
		for n := 0; n <= numSymbols; n++ {
			utf.symbolPosition = append(utf.symbolPosition, int(binary.BigEndian.Uint32(data[4*n:])))
		}
	} else {
		fmt.Printf("Unknown loca table format %d\n", format)
		return
	}
}

func (utf *utf8FontFile) generateSCCSDictionaries(runeCmapPosition int, symbolCharDictionary map[int][]int, charSymbolDictionary map[int]int) {
	maxRune := 0
	utf.seek(runeCmapPosition + 2)
	size := utf.readUint16()
	rim := runeCmapPosition + size
	utf.skip(2)

	segmentSize := utf.readUint16() / 2
	utf.skip(6)
	completers := make([]int, 0)
	for range segmentSize {
		completers = append(completers, utf.readUint16())
	}
	utf.skip(2)
	beginners := make([]int, 0)
	for range segmentSize {
		beginners = append(beginners, utf.readUint16())
	}
	sizes := make([]int, 0)
	for range segmentSize {
		sizes = append(sizes, int(utf.readInt16()))
	}
	readerPositionStart := utf.fileReader.readerPosition
	positions := make([]int, 0)
	for range segmentSize {
		positions = append(positions, utf.readUint16())
	}
	var symbol int
	for n := range segmentSize {
		completePosition := completers[n] + 1
		for char := beginners[n]; char < completePosition; char++ {
			if positions[n] == 0 {
				symbol = (char + sizes[n]) & 0xFFFF
			} else {
				position := (char-beginners[n])*2 + positions[n]
				position = int(readerPositionStart) + 2*n + position
				if position >= rim {
					symbol = 0
				} else {
					symbol = utf.getUint16(position)
					if symbol != 0 {
						symbol = (symbol + sizes[n]) & 0xFFFF
					}
				}
			}
			charSymbolDictionary[char] = symbol
			if char < 196608 {
				maxRune = max(char, maxRune)
			}
			symbolCharDictionary[symbol] = append(symbolCharDictionary[symbol], char)
		}
	}
}

func (utf *utf8FontFile) assembleTables() []byte {
	// bhytdoc: rewritten to build the font file in one pre-sized buffer
	// (stock copied every table three times and the whole file twice);
	// output is byte-for-byte identical.
	tablesCount := len(utf.outTablesData)
	findSize := 1
	writer := 0
	for findSize*2 <= tablesCount {
		findSize = findSize * 2
		writer = writer + 1
	}
	findSize = findSize * 16
	rOffset := tablesCount*16 - findSize

	tablesNames := keySortStrings(utf.outTablesData)
	size := 12 + tablesCount*16
	for _, name := range tablesNames {
		size += (len(utf.outTablesData[name]) + 3) &^ 3
	}
	answer := utf.scratch.take(scratchFile, size) // bhytdoc: lent or new
	answer = append(answer, packHeader(0x00010000, tablesCount, findSize, writer, rOffset)...)

	offset := 12 + tablesCount*16
	begin := 0
	// bhytdoc (patch 24): the tables start at multiples of 4 and are
	// padded with zeros, so the checksum of the whole file is that of
	// the header and directory plus the tables' own: the file is not
	// summed a second time.
	var sum uint32

	for _, name := range tablesNames {
		table := utf.outTablesData[name]
		if name == "head" {
			begin = offset
		}
		answer = append(answer, name...)
		checksum := tableChecksum(table)
		sum += checksum
		answer = binary.BigEndian.AppendUint32(answer, checksum)
		answer = binary.BigEndian.AppendUint32(answer, uint32(offset))
		answer = binary.BigEndian.AppendUint32(answer, uint32(len(table)))
		paddedLength := (len(table) + 3) &^ 3
		offset = offset + paddedLength
	}

	for _, key := range tablesNames {
		table := utf.outTablesData[key]
		answer = append(answer, table...)
		for len(answer)%4 != 0 {
			answer = append(answer, 0)
		}
	}

	sum += tableChecksum(answer[:12+tablesCount*16])
	checksum := utf.calcInt32([]int{0xB1B0, 0xAFBA}, []int{int(sum >> 16), int(sum & 0xFFFF)})
	binary.BigEndian.PutUint16(answer[begin+8:], uint16(checksum[0]))
	binary.BigEndian.PutUint16(answer[begin+10:], uint16(checksum[1]))
	return answer
}

// bhytdoc: tableChecksum is generateChecksum as one uint32 (the sum of the
// big-endian 32-bit words of data, zero-padded, modulo 2^32), without
// appending padding to data.
func tableChecksum(data []byte) uint32 {
	var sum uint32
	n := len(data) &^ 3
	i := 0
	for ; i+8 <= n; i += 8 { // bhytdoc (patch 24): two words a load
		x := binary.BigEndian.Uint64(data[i:])
		sum += uint32(x>>32) + uint32(x)
	}
	for ; i < n; i += 4 {
		sum += binary.BigEndian.Uint32(data[i:])
	}
	if n < len(data) {
		var last [4]byte
		copy(last[:], data[n:])
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// bhytdoc: unpackUint16Array decodes into a pre-sized slice (stock read
// through a bytes.Reader into a growing one: 3% of a cold render). copy
// into the same small array keeps
// stock's result for a trailing partial value: the new bytes first, the
// previous value's after them.
func unpackUint16Array(data []byte) []int {
	answer := make([]int, 1, 1+(len(data)+1)/2)
	var bs [2]byte
	for i := 0; i < len(data); i += 2 {
		copy(bs[:], data[i:])
		answer = append(answer, int(binary.BigEndian.Uint16(bs[:])))
	}
	return answer
}

func unpackUint16(data []byte) int {
	return int(binary.BigEndian.Uint16(data))
}

func packHeader(N uint32, n1, n2, n3, n4 int) []byte {
	answer := make([]byte, 0)
	bs4 := make([]byte, 4)
	binary.BigEndian.PutUint32(bs4, N)
	answer = append(answer, bs4...)
	bs := make([]byte, 2)
	binary.BigEndian.PutUint16(bs, uint16(n1))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n2))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n3))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n4))
	answer = append(answer, bs...)
	return answer
}

func pack2Uint16(n1, n2 int) []byte {
	answer := make([]byte, 0)
	bs := make([]byte, 2)
	binary.BigEndian.PutUint16(bs, uint16(n1))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint16(bs, uint16(n2))
	answer = append(answer, bs...)
	return answer
}

func pack2Uint32(n1, n2 int) []byte {
	answer := make([]byte, 0)
	bs := make([]byte, 4)
	binary.BigEndian.PutUint32(bs, uint32(n1))
	answer = append(answer, bs...)
	binary.BigEndian.PutUint32(bs, uint32(n2))
	answer = append(answer, bs...)
	return answer
}

func packUint32(n1 int) []byte {
	bs := make([]byte, 4)
	binary.BigEndian.PutUint32(bs, uint32(n1))
	return bs
}

func packUint16(n1 int) []byte {
	bs := make([]byte, 2)
	binary.BigEndian.PutUint16(bs, uint16(n1))
	return bs
}

func keySortStrings(s map[string][]byte) []string {
	keys := make([]string, len(s))
	i := 0
	for key := range s {
		keys[i] = key
		i++
	}
	sort.Strings(keys)
	return keys
}

func keySortInt(s map[int]int) []int {
	keys := make([]int, len(s))
	i := 0
	for key := range s {
		keys[i] = key
		i++
	}
	sort.Ints(keys)
	return keys
}

func keySortArrayRangeMap(s map[int][]int) []int {
	keys := make([]int, len(s))
	i := 0
	for key := range s {
		keys[i] = key
		i++
	}
	sort.Ints(keys)
	return keys
}

// UTF8CutFont is a utility function that generates a TrueType font composed
// only of the runes included in cutset. The rune glyphs are copied from This
// function is demonstrated in ExampleUTF8CutFont().
func UTF8CutFont(inBuf []byte, cutset string) (outBuf []byte) {
	f := newUTF8Font(&fileReader{readerPosition: 0, array: inBuf})
	runes := map[int]int{}
	for i, r := range cutset {
		runes[i] = int(r)
	}
	outBuf = f.GenerateCutFont(runes)
	return
}
