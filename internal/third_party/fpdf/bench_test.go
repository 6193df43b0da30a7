package fpdf

import (
	"bytes"
	"testing"

	stock "codeberg.org/go-pdf/fpdf"
)

// renderStock renders the fixture letter with stock codeberg.org/go-pdf/fpdf
// v0.12.0, parsing the four TTFs per document (AddUTF8FontFromBytes).
func renderStock(tb testing.TB, buf *bytes.Buffer) {
	pdf := stock.New("P", "mm", "A4", "")
	for _, s := range letterStyles {
		pdf.AddUTF8FontFromBytes(letterFamily, s.style, s.ttf)
	}
	drawLetter(pdf)
	if err := pdf.Output(buf); err != nil {
		tb.Fatal(err)
	}
	if n := pdf.PageCount(); n != 3 {
		tb.Fatalf("stock: %d pages, want 3", n)
	}
}

// renderFork renders the fixture letter with the fork, registering fonts
// parsed once with ParseUTF8Font.
func renderFork(tb testing.TB, fonts []*UTF8Font, buf *bytes.Buffer) {
	pdf := New("P", "mm", "A4", "")
	for i, s := range letterStyles {
		pdf.AddUTF8FontParsed(letterFamily, s.style, fonts[i])
	}
	drawLetter(pdf)
	if err := pdf.Output(buf); err != nil {
		tb.Fatal(err)
	}
	if n := pdf.PageCount(); n != 3 {
		tb.Fatalf("fork: %d pages, want 3", n)
	}
}

// renderForkFromBytes renders with the fork but through the stock-compatible
// AddUTF8FontFromBytes (fonts parsed per document).
func renderForkFromBytes(tb testing.TB, buf *bytes.Buffer) {
	pdf := New("P", "mm", "A4", "")
	for _, s := range letterStyles {
		pdf.AddUTF8FontFromBytes(letterFamily, s.style, s.ttf)
	}
	drawLetter(pdf)
	if err := pdf.Output(buf); err != nil {
		tb.Fatal(err)
	}
	if n := pdf.PageCount(); n != 3 {
		tb.Fatalf("fork: %d pages, want 3", n)
	}
}

func parseLetterFonts(tb testing.TB) []*UTF8Font {
	fonts := make([]*UTF8Font, len(letterStyles))
	for i, s := range letterStyles {
		f, err := ParseUTF8Font(s.ttf)
		if err != nil {
			tb.Fatal(err)
		}
		fonts[i] = f
	}
	return fonts
}

func BenchmarkStock(b *testing.B) {
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		renderStock(b, &buf)
	}
}

func BenchmarkForkFromBytes(b *testing.B) {
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		renderForkFromBytes(b, &buf)
	}
}

func BenchmarkFork(b *testing.B) {
	fonts := parseLetterFonts(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		renderFork(b, fonts, &buf)
	}
}

// BenchmarkForkSubsetMiss is BenchmarkFork with every document using a rune
// set that is not in the subset cache (the variants cycle through twice the
// cache size), i.e. the cost of a cache miss.
func BenchmarkForkSubsetMiss(b *testing.B) {
	fonts := parseLetterFonts(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		renderExtra(b, fonts, string(rune(0x1EA0+i%(2*subsetCacheSize))))
		i++
	}
}

func BenchmarkForkParallel(b *testing.B) {
	fonts := parseLetterFonts(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var buf bytes.Buffer
		for pb.Next() {
			buf.Reset()
			renderFork(b, fonts, &buf)
		}
	})
}

func BenchmarkParseUTF8Font(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range letterStyles {
			if _, err := ParseUTF8Font(s.ttf); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// letterStreams returns the uncompressed page contents and font subsets of
// the letter: the streams putpages and putfonts deflate.
func letterStreams(tb testing.TB) (pages, fonts [][]byte) {
	parsed := parseLetterFonts(tb)
	pdf := New("P", "mm", "A4", "")
	for i, s := range letterStyles {
		pdf.AddUTF8FontParsed(letterFamily, s.style, parsed[i])
	}
	drawLetter(pdf)
	for n := 1; n <= pdf.PageCount(); n++ {
		pages = append(pages, bytes.Clone(pdf.pages[n].Bytes()))
	}
	for _, s := range letterStyles {
		def := pdf.fonts[getFontKey(letterFamily, s.style)]
		fonts = append(fonts, def.parsed.newDocFile().GenerateCutFont(def.usedRunes))
	}
	return pages, fonts
}

// BenchmarkDeflate compresses the letter's page contents and its four font
// subsets with the default compressor (klauspost/compress) and with the
// standard library's, as stock does; "bytes" is the compressed size.
func BenchmarkDeflate(b *testing.B) {
	pages, fonts := letterStreams(b)
	for _, set := range []struct {
		name    string
		streams [][]byte
	}{{"pages", pages}, {"fonts", fonts}} {
		for _, impl := range []struct {
			name string
			std  bool
		}{{"klauspost", false}, {"stdlib", true}} {
			b.Run(set.name+"/"+impl.name, func(b *testing.B) {
				stdlibDeflate = impl.std
				defer func() { stdlibDeflate = false }()
				n := 0
				b.ReportAllocs()
				for b.Loop() {
					n = 0
					for _, s := range set.streams {
						mem := xmem.compress(s)
						n += len(mem.bytes())
						mem.release()
					}
				}
				b.ReportMetric(float64(n), "bytes")
			})
		}
	}
}

// BenchmarkDrawLetter measures the drawing path alone (MultiCell and
// CellFormat into page buffers), without Output.
func BenchmarkDrawLetter(b *testing.B) {
	fonts := parseLetterFonts(b)
	b.ReportAllocs()
	for b.Loop() {
		pdf := New("P", "mm", "A4", "")
		for i, s := range letterStyles {
			pdf.AddUTF8FontParsed(letterFamily, s.style, fonts[i])
		}
		drawLetter(pdf)
		if pdf.Error() != nil {
			b.Fatal(pdf.Error())
		}
	}
}
