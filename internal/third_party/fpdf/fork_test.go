package fpdf

// Tests for the bhytdoc patches (see README.md).

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	stock "codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifregular"
	kpzlib "github.com/klauspost/compress/zlib"
	"golang.org/x/image/font/gofont/gomono"
)

// stockMode makes the fork write what stock fpdf writes (the full-size
// CIDToGIDMap and compress/zlib streams) until the test ends, so that
// output can be compared with stock byte for byte.
func stockMode(t *testing.T) {
	stockCIDToGIDMap, stdlibDeflate = true, true
	t.Cleanup(func() { stockCIDToGIDMap, stdlibDeflate = false, false })
}

// TestForkMatchesStock checks that, apart from the shorter CIDToGIDMap
// (patch 3), the fork produces byte-for-byte the same PDF as stock fpdf,
// both through AddUTF8FontParsed and through AddUTF8FontFromBytes.
func TestForkMatchesStock(t *testing.T) {
	var want, got, gotBytes bytes.Buffer
	renderStock(t, &want)
	stockMode(t)
	renderFork(t, parseLetterFonts(t), &got)
	renderForkFromBytes(t, &gotBytes)
	if !bytes.Equal(want.Bytes(), got.Bytes()) {
		t.Errorf("AddUTF8FontParsed output differs from stock (%d vs %d bytes)", got.Len(), want.Len())
	}
	if !bytes.Equal(want.Bytes(), gotBytes.Bytes()) {
		t.Errorf("AddUTF8FontFromBytes output differs from stock (%d vs %d bytes)", gotBytes.Len(), want.Len())
	}
}

// TestMinPDFVersion: SetMinPDFVersion changes the header line and nothing
// else (no page transparency groups, unlike a raised pdfVersion), never
// lowers a version a feature needs, and rejects versions fpdf cannot write.
func TestMinPDFVersion(t *testing.T) {
	fonts := parseLetterFonts(t)
	render := func(set func(*Fpdf)) []byte {
		pdf := New("P", "mm", "A4", "")
		for i, s := range letterStyles {
			pdf.AddUTF8FontParsed(letterFamily, s.style, fonts[i])
		}
		set(pdf)
		drawLetter(pdf)
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	plain := render(func(*Fpdf) {})
	v14 := render(func(p *Fpdf) { p.SetMinPDFVersion(1, 4) })
	if !bytes.HasPrefix(plain, []byte("%PDF-1.3\n")) {
		t.Fatalf("default header %q, want %%PDF-1.3", plain[:9])
	}
	if !bytes.HasPrefix(v14, []byte("%PDF-1.4\n")) {
		t.Fatalf("header %q, want %%PDF-1.4", v14[:9])
	}
	if !bytes.Equal(plain[8:], v14[8:]) {
		t.Error("SetMinPDFVersion changed more than the header line")
	}
	// A feature that needs 1.5 (layers) wins over a lower minimum.
	v15 := render(func(p *Fpdf) { p.SetMinPDFVersion(1, 4); p.AddLayer("x", true) })
	if !bytes.HasPrefix(v15, []byte("%PDF-1.5\n")) {
		t.Errorf("header %q, want %%PDF-1.5", v15[:9])
	}
	for _, v := range [][2]int{{2, 0}, {1, 2}, {1, 8}, {0, 4}} {
		pdf := New("P", "mm", "A4", "")
		pdf.SetMinPDFVersion(v[0], v[1])
		if pdf.Error() == nil {
			t.Errorf("SetMinPDFVersion(%d, %d) set no error", v[0], v[1])
		}
	}
}

// renderExtra renders the letter plus an extra paragraph with the fork.
func renderExtra(tb testing.TB, fonts []*UTF8Font, extra string) []byte {
	pdf := New("P", "mm", "A4", "")
	for i, s := range letterStyles {
		pdf.AddUTF8FontParsed(letterFamily, s.style, fonts[i])
	}
	drawLetterExtra(pdf, extra)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Extra paragraphs with different rune sets, so that concurrent documents
// subset the same parsed fonts differently.
var extras = []string{
	"",
	"Ỹ ỹ Ỵ ỵ Ỷ ỷ – “trích dẫn” … © ® ™ § ¶ 0123456789",
	"Ẫ ẫ Ẩ ẩ Ẳ ẳ Ẵ ẵ Ặ ặ ÀÁÂÃÄÅ àáâãäå ÆÇ ß ÿ ½ ¼ ¾ ± × ÷",
	"Quyết định số 42/QĐ-UBND: Ơ ơ Ư ư Ứ ứ Ừ ừ Ử ử Ữ ữ Ự ự — ‰ € £ ¥ ☃ 中",
}

// TestConcurrentRender renders with one set of *UTF8Font from many
// goroutines at once (different rune sets per document) and checks every
// output against a sequential render. Run with -race.
func TestConcurrentRender(t *testing.T) {
	fonts := parseLetterFonts(t)
	want := make([][]byte, len(extras))
	for i, e := range extras {
		want[i] = renderExtra(t, fonts, e)
	}
	const goroutines, iters = 8, 3
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*iters)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for it := 0; it < iters; it++ {
				v := (g + it) % len(extras)
				if got := renderExtra(t, fonts, extras[v]); !bytes.Equal(got, want[v]) {
					errs <- fmt.Errorf("goroutine %d iteration %d: variant %d differs from sequential render", g, it, v)
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// A freshly parsed font must give the same bytes as the shared one.
	if got := renderExtra(t, parseLetterFonts(t), extras[1]); !bytes.Equal(got, want[1]) {
		t.Error("render with freshly parsed fonts differs")
	}
}

// TestDeterministic: with SetCatalogSort(true) and fixed dates (drawLetter
// sets them), two renders of the same input are byte-identical, whether the
// fonts are shared, re-parsed or added from bytes.
func TestDeterministic(t *testing.T) {
	fonts := parseLetterFonts(t)
	var a, b, c, d bytes.Buffer
	renderFork(t, fonts, &a)
	renderFork(t, fonts, &b)
	renderFork(t, parseLetterFonts(t), &c)
	renderForkFromBytes(t, &d)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders with the same parsed fonts differ")
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("render with re-parsed fonts differs")
	}
	// The two paths differ only in the font IDs (resource names): parsed
	// fonts hash their key instead of JSON-encoding their definition.
	// In stock mode both equal stock (TestForkMatchesStock).
	var e bytes.Buffer
	renderForkFromBytes(t, &e)
	if !bytes.Equal(d.Bytes(), e.Bytes()) {
		t.Error("two AddUTF8FontFromBytes renders differ")
	}
}

// TestFontBytesNotModified renders with Go Mono, whose hmtx has a single
// long metric, so subsetting takes getMetrics' short-metric branch. Stock
// fpdf appends to a sub-slice of the TTF there and so overwrites the
// caller's font bytes (a data race when shared); the fork must not.
func TestFontBytesNotModified(t *testing.T) {
	ttf := bytes.Clone(gomono.TTF)
	font, err := ParseUTF8Font(ttf)
	if err != nil {
		t.Fatal(err)
	}
	render := func() []byte {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(letterTime)
		pdf.SetModificationDate(letterTime)
		pdf.AddUTF8FontParsed("mono", "", font)
		pdf.SetFont("mono", "", 10)
		pdf.AddPage()
		pdf.MultiCell(0, 5, "func main() { fmt.Println(\"xin chào\") } // ÀÉÎÕÜ", "", "L", false)
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := render()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); render() }()
	}
	wg.Wait()
	if !bytes.Equal(ttf, gomono.TTF) {
		t.Fatal("rendering modified the TTF bytes")
	}
	if !bytes.Equal(render(), first) {
		t.Error("second render differs from first")
	}
	// The first stock render (before it corrupts its copy) matches the fork.
	stockMode(t)
	forkFull := render()
	spdf := stock.New("P", "mm", "A4", "")
	spdf.SetCatalogSort(true)
	spdf.SetCreationDate(letterTime)
	spdf.SetModificationDate(letterTime)
	spdf.AddUTF8FontFromBytes("mono", "", bytes.Clone(gomono.TTF))
	spdf.SetFont("mono", "", 10)
	spdf.AddPage()
	spdf.MultiCell(0, 5, "func main() { fmt.Println(\"xin chào\") } // ÀÉÎÕÜ", "", "L", false)
	var sbuf bytes.Buffer
	if err := spdf.Output(&sbuf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(sbuf.Bytes(), forkFull) {
		t.Error("fork output differs from stock for Go Mono")
	}
}

func TestParseUTF8FontErrors(t *testing.T) {
	ttf := liberationserifregular.TTF
	otto := append([]byte("OTTO"), ttf[4:]...)
	cases := map[string][]byte{
		"nil":       nil,
		"short":     []byte("abc"),
		"text":      []byte("this is not a font, just some text that is long enough"),
		"otf":       otto,
		"truncated": ttf[:2000],
		"ttc":       append([]byte("ttcf"), ttf[4:]...),
	}
	for name, data := range cases {
		if f, err := ParseUTF8Font(data); err == nil || f != nil {
			t.Errorf("%s: ParseUTF8Font = %v, %v; want error", name, f, err)
		}
	}
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontParsed("x", "", nil)
	if pdf.Error() == nil {
		t.Error("AddUTF8FontParsed(nil) did not set an error")
	}
}

// TestCompressPooled checks that pooled (Reset) zlib writers produce the
// same bytes as fresh ones, across streams of different sizes, for both the
// default (klauspost) and the stock (compress/zlib) compressor, and that
// the result inflates back to the input.
func TestCompressPooled(t *testing.T) {
	inputs := [][]byte{
		liberationserifregular.TTF[:70000],
		[]byte("BT /F1 12 Tf 10 10 Td (hello) Tj ET"),
		make([]byte, 131072),
		liberationserifregular.TTF[1000:30000],
		{},
	}
	fresh := map[bool]func(io.Writer) io.WriteCloser{
		true: func(w io.Writer) io.WriteCloser {
			zw, _ := zlib.NewWriterLevel(w, zlib.BestSpeed)
			return zw
		},
		false: func(w io.Writer) io.WriteCloser {
			zw, _ := kpzlib.NewWriterLevel(w, kpzlib.BestSpeed)
			return zw
		},
	}
	t.Cleanup(func() { stdlibDeflate = false })
	for round := 0; round < 3; round++ {
		for _, std := range []bool{false, true, false} {
			stdlibDeflate = std
			for i, in := range inputs {
				var want bytes.Buffer
				zw := fresh[std](&want)
				zw.Write(in)
				zw.Close()
				mem := xmem.compress(in)
				if !bytes.Equal(mem.bytes(), want.Bytes()) {
					t.Errorf("round %d input %d stdlib %v: pooled compressor output differs", round, i, std)
				}
				zr, err := zlib.NewReader(bytes.NewReader(mem.bytes()))
				if err != nil {
					t.Fatal(err)
				}
				if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, in) {
					t.Errorf("round %d input %d stdlib %v: does not inflate to the input (%v)", round, i, std, err)
				}
				mem.release()
			}
		}
	}
}

// TestPDFValid checks the fork's output with qpdf --check, extracts the
// Vietnamese text with pdftotext, and rasterises it with pdftoppm to check
// it renders exactly like the stock output (the shorter CIDToGIDMap must not
// change any glyph). Skipped when poppler-utils/qpdf are not installed.
func TestPDFValid(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (apt-get install -y poppler-utils qpdf)", tool)
		}
	}
	dir := t.TempDir()
	fonts := parseLetterFonts(t)
	fork := filepath.Join(dir, "fork.pdf")
	if err := os.WriteFile(fork, renderExtra(t, fonts, extras[3]), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--check", fork).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", fork, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	txt, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext: %v\n%s", err, stderr.String())
	}
	text := strings.Join(strings.Fields(string(txt)), " ")
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",                    // bold
		"Độc lập – Tự do – Hạnh phúc",                           // bold italic
		"Hà Nội, ngày 15 tháng 3 năm 2025",                      // italic
		"Ủy ban nhân dân phường đề nghị Bảo hiểm xã hội quận",   // regular
		"Quyết định số 42/QĐ-UBND: Ơ ơ Ư ư Ứ ứ Ừ ừ Ử ử Ữ ữ Ự ự", // extra
		"TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}

	// Same document through stock fpdf; the rendered pages must be identical.
	spdf := stock.New("P", "mm", "A4", "")
	for _, s := range letterStyles {
		spdf.AddUTF8FontFromBytes(letterFamily, s.style, s.ttf)
	}
	drawLetterExtra(spdf, extras[3])
	var sbuf bytes.Buffer
	if err := spdf.Output(&sbuf); err != nil {
		t.Fatal(err)
	}
	stockPath := filepath.Join(dir, "stock.pdf")
	if err := os.WriteFile(stockPath, sbuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ pdf, prefix string }{{fork, "fork"}, {stockPath, "stock"}} {
		if out, err := exec.Command("pdftoppm", "-r", "50", "-png", p.pdf, filepath.Join(dir, p.prefix)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", p.pdf, err, out)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "stock-*.png"))
	if len(pages) == 0 {
		t.Fatal("pdftoppm produced no pages")
	}
	for _, sp := range pages {
		fp := strings.Replace(sp, "stock-", "fork-", 1)
		a, err1 := os.ReadFile(sp)
		b, err2 := os.ReadFile(fp)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s renders differently from stock", filepath.Base(fp))
		}
	}
}

// TestSRGB2014ICC checks the embedded profile is the ICC's sRGB profile and
// that AddOutputIntent with it gives a PDF that qpdf accepts.
func TestSRGB2014ICC(t *testing.T) {
	p := SRGB2014ICC()
	// ICC header: size (big-endian) at 0, "acsp" signature at 36, colour
	// space "RGB " at 16.
	if len(p) != 3024 || string(p[36:40]) != "acsp" || string(p[16:20]) != "RGB " {
		t.Fatalf("embedded profile is not an RGB ICC profile (%d bytes)", len(p))
	}
	if size := int(p[0])<<24 | int(p[1])<<16 | int(p[2])<<8 | int(p[3]); size != len(p) {
		t.Fatalf("profile header size %d, file %d bytes", size, len(p))
	}
	p[40] ^= 0xFF
	if bytes.Equal(p, SRGB2014ICC()) {
		t.Fatal("SRGB2014ICC returned shared bytes")
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed")
	}
	pdf := New("P", "mm", "A4", "")
	pdf.AddOutputIntent(OutputIntentType{
		SubtypeIdent:              OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                SRGB2014ICC(),
	})
	pdf.AddPage()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "intent.pdf")
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Upstream v0.12.0 pointed /Info at the ICC stream; qpdf then warns
	// (exit status 3), so a clean exit is required.
	if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/OutputIntents")) {
		t.Error("no /OutputIntents in the catalog")
	}
}

// TestSubsetCache: documents that share parsed fonts reuse subsets from the
// font's cache, and a document's bytes never depend on what was rendered
// before it: each render must equal a render with freshly parsed fonts
// (cold cache), in any order, also after entries were evicted.
func TestSubsetCache(t *testing.T) {
	// Distinct rune sets: each variant adds one letter of U+1EA0..
	n := subsetCacheSize + 4
	variant := func(i int) string { return "Thêm chữ " + string(rune(0x1EA0+i)) }
	want := make([][]byte, n)
	for i := range want {
		want[i] = renderExtra(t, parseLetterFonts(t), variant(i))
	}
	if bytes.Equal(want[0], want[1]) {
		t.Fatal("variants 0 and 1 render the same: the test does not vary the rune set")
	}
	fonts := parseLetterFonts(t)
	order := []int{0, 1, 0, 2, 1, 0}
	for i := range n { // evicts 0, 1, 2, ...
		order = append(order, i)
	}
	order = append(order, n-1, 0, 3, n-2)
	for k, i := range order {
		if got := renderExtra(t, fonts, variant(i)); !bytes.Equal(got, want[i]) {
			t.Fatalf("step %d: variant %d differs from a cold-cache render", k, i)
		}
		if m := len(fonts[0].subsets.items); m > subsetCacheSize {
			t.Fatalf("cache holds %d subsets, bound is %d", m, subsetCacheSize)
		}
	}
	// The cache really is used: the same rune set gives the same shared
	// subset, not a recomputed one.
	key := func() string {
		pdf := New("P", "mm", "A4", "")
		pdf.AddUTF8FontParsed(letterFamily, "", fonts[0])
		pdf.SetFont(letterFamily, "", 12)
		pdf.AddPage()
		pdf.Cell(10, 10, variant(n-1))
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		k, ok := subsetKey(pdf.fonts[getFontKey(letterFamily, "")].usedRunes, false)
		if !ok {
			t.Fatal("subsetKey rejected fpdf's own used-rune map")
		}
		return k
	}
	k := key()
	first := fonts[0].subsets.get(k)
	key()
	if first == nil || fonts[0].subsets.get(k) != first {
		t.Error("second document with the same runes did not reuse the cached subset")
	}
}

// TestForkMatchesStockCached: a render served from the subset cache is
// still byte-identical to stock fpdf.
func TestForkMatchesStockCached(t *testing.T) {
	var want, cold, warm bytes.Buffer
	renderStock(t, &want)
	stockMode(t)
	fonts := parseLetterFonts(t)
	renderFork(t, fonts, &cold)
	if len(fonts[0].subsets.items) != 1 {
		t.Fatalf("cache has %d entries after one document, want 1", len(fonts[0].subsets.items))
	}
	renderFork(t, fonts, &warm)
	if !bytes.Equal(want.Bytes(), cold.Bytes()) || !bytes.Equal(want.Bytes(), warm.Bytes()) {
		t.Error("fork output with the subset cache differs from stock")
	}
}

// cellDoc is the part of the fpdf API drawCells uses; both *stock.Fpdf and
// *Fpdf implement it.
type cellDoc interface {
	letterDoc
	AddUTF8FontFromBytes(family, style string, ttf []byte)
	SetFillColor(r, g, b int)
	SetTextColor(r, g, b int)
	SetXY(x, y float64)
	SetWordSpacing(space float64)
	SetLineWidth(w float64)
	Line(x1, y1, x2, y2 float64)
	Rect(x, y, w, h float64, styleStr string)
}

// drawCells exercises every branch of CellFormat's output: borders, fill,
// colour, underline and strikeout, each alignment, justified text with and
// without word spacing, a core font, and text whose UTF-16 bytes need
// escaping (U+0128 Ĩ and U+0129 ĩ end in '(' and ')', U+015C in '\',
// U+010D in '\r').
func drawCells(pdf cellDoc) {
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(letterTime)
	pdf.SetModificationDate(letterTime)
	pdf.AddUTF8FontFromBytes("u", "", liberationserifregular.TTF)
	pdf.AddPage()
	texts := []string{
		"Ĩ ĩ Ŝ č (a) \\ b\r c – “x” 12,5%",
		"Cộng hòa  xã hội   chủ nghĩa",
		"",
		" lề trái và phải ",
	}
	borders := []string{"", "1", "L", "TB", "LTRB", "lr"}
	aligns := []string{"L", "C", "R", "J", "LT", "CB", "RA", "JM"}
	y := 10.0
	for i, txt := range texts {
		for j, border := range borders {
			for a, align := range aligns {
				style := []string{"", "U", "S", "US"}[(i+j+a)%4]
				pdf.SetFont("u", style, 9+float64(a%3))
				if (i+a)%3 == 0 {
					pdf.SetTextColor(200, 10*j, 3*a)
				} else {
					pdf.SetTextColor(0, 0, 0)
				}
				pdf.SetFillColor(240, 240, 10*a)
				if a%2 == 1 {
					pdf.SetWordSpacing(0.7)
				} else {
					pdf.SetWordSpacing(0)
				}
				pdf.SetXY(10+float64(a)*0.3, y)
				pdf.CellFormat(120-float64(j), 4.5, txt, border, a%3, align, (i+j)%2 == 0, 0, "")
				y += 1.1
				if y > 280 {
					pdf.AddPage()
					y = 10
				}
			}
		}
	}
	pdf.SetFont("Helvetica", "", 10)
	pdf.SetXY(10, 20)
	pdf.CellFormat(60, 5, `core \ (font) text`, "1", 1, "C", true, 0, "")
	pdf.CellFormat(0, 5, "justified core font text", "", 1, "J", false, 0, "")
	pdf.SetLineWidth(0.37)
	pdf.Line(10.123, 20.456, 150.5, 20.456)
	pdf.Rect(12.5, 30.25, 80.125, 20.75, "D")
	pdf.Rect(12.5, 60.25, -8, 20.75, "FD")
}

// TestCellFormatMatchesStock: CellFormat (and the other drawing operators
// the fork writes without fmt) give byte-for-byte the stock output.
func TestCellFormatMatchesStock(t *testing.T) {
	stockMode(t)
	var want, got bytes.Buffer
	s := stock.New("P", "mm", "A4", "")
	drawCells(s)
	if err := s.Output(&want); err != nil {
		t.Fatal(err)
	}
	f := New("P", "mm", "A4", "")
	drawCells(f)
	if err := f.Output(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want.Bytes(), got.Bytes()) {
		t.Errorf("fork output differs from stock (%d vs %d bytes)", got.Len(), want.Len())
		// Uncompressed content helps find the difference.
		s, f := stock.New("P", "mm", "A4", ""), New("P", "mm", "A4", "")
		s.SetCompression(false)
		f.SetCompression(false)
		drawCells(s)
		drawCells(f)
		var a, b bytes.Buffer
		s.Output(&a)
		f.Output(&b)
		al, bl := bytes.Split(a.Bytes(), []byte("\n")), bytes.Split(b.Bytes(), []byte("\n"))
		for i := 0; i < len(al) && i < len(bl); i++ {
			if !bytes.Equal(al[i], bl[i]) {
				t.Fatalf("first difference, line %d:\nstock %q\nfork  %q", i+1, al[i], bl[i])
			}
		}
	}
}

// TestRecycledBuffers: Output releases the page and output buffers to pools
// for the next document. Documents rendered after others (reusing their
// arrays) are unchanged, and a second Output writes nothing, as in stock.
func TestRecycledBuffers(t *testing.T) {
	fonts := parseLetterFonts(t)
	want := renderExtra(t, fonts, extras[2])
	for i := range 6 {
		// A bigger document first, so that the next one gets its arrays.
		renderExtra(t, fonts, strings.Repeat(extras[i%len(extras)]+" ", 40))
		if got := renderExtra(t, fonts, extras[2]); !bytes.Equal(got, want) {
			t.Fatalf("round %d: render after another document differs", i)
		}
	}
	for name, pdf := range map[string]letterDoc{"fork": New("P", "mm", "A4", ""), "stock": stock.New("P", "mm", "A4", "")} {
		pdf.SetFont("Helvetica", "", 12)
		pdf.AddPage()
		pdf.CellFormat(0, 5, "x", "", 1, "L", false, 0, "")
		var a, b bytes.Buffer
		if err := pdf.Output(&a); err != nil {
			t.Fatal(err)
		}
		if err := pdf.Output(&b); err != nil || b.Len() != 0 || a.Len() == 0 {
			t.Errorf("%s: outputs of %d then %d bytes (%v), want n then 0", name, a.Len(), b.Len(), err)
		}
	}
}

// TestInfoDateZone: SetInfoDateZone adds the UTC offset to both Info
// dates (patch 13) and changes nothing else; off, the dates are stock's.
func TestInfoDateZone(t *testing.T) {
	render := func(when time.Time, zone bool) []byte {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCreationDate(when)
		pdf.SetModificationDate(when)
		pdf.SetInfoDateZone(zone)
		pdf.AddPage()
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	ict := time.Date(2020, 5, 18, 0, 0, 0, 0, time.FixedZone("+07", 7*3600))
	west := time.Date(2020, 5, 18, 0, 0, 0, 0, time.FixedZone("-0330", -(3*3600+30*60)))
	for _, c := range []struct {
		when time.Time
		zone bool
		want string
	}{
		{ict, false, "/CreationDate (D:20200518000000)\n/ModDate (D:20200518000000)\n"},
		{ict, true, "/CreationDate (D:20200518000000+07'00')\n/ModDate (D:20200518000000+07'00')\n"},
		{west, true, "/CreationDate (D:20200518000000-03'30')\n"},
		{ict.UTC(), true, "/CreationDate (D:20200517170000Z)\n"},
	} {
		b := render(c.when, c.zone)
		if !bytes.Contains(b, []byte(c.want)) {
			i := bytes.Index(b, []byte("/CreationDate"))
			t.Errorf("%v zone=%v: want %q in %q", c.when, c.zone, c.want, b[i:min(len(b), i+80)])
		}
	}
	// Only the dates differ.
	off, on := render(ict, false), render(ict, true)
	if d := len(on) - len(off); d != 2*len("+07'00'") {
		t.Errorf("SetInfoDateZone changed the size by %d bytes, want %d", d, 2*len("+07'00'"))
	}
}

// TestContentID: SetContentID writes /ID from a hash of the file (patch
// 14): the same document gives the same /ID, a different one another, the
// halves are equal, and qpdf accepts the file. Off, no /ID is written.
func TestContentID(t *testing.T) {
	render := func(text string, on bool) []byte {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCreationDate(letterTime)
		pdf.SetModificationDate(letterTime)
		pdf.SetContentID(on)
		pdf.AddPage()
		pdf.SetFont("Helvetica", "", 12)
		pdf.Cell(40, 10, text)
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	idRe := regexp.MustCompile(`/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\]\n>>\nstartxref`)
	a, a2, b := render("a", true), render("a", true), render("b", true)
	if !bytes.Equal(a, a2) {
		t.Fatal("the same document gave different bytes")
	}
	ma, mb := idRe.FindSubmatch(a), idRe.FindSubmatch(b)
	if ma == nil || mb == nil {
		t.Fatalf("no /ID in the trailer:\n%s", a[bytes.LastIndex(a, []byte("trailer")):])
	}
	if !bytes.Equal(ma[1], ma[2]) {
		t.Errorf("/ID halves differ: %s %s", ma[1], ma[2])
	}
	if bytes.Equal(ma[1], mb[1]) {
		t.Error("two different documents got the same /ID")
	}
	// The identifier is the hash of what precedes it.
	i := bytes.Index(a, []byte("/ID ["))
	sum := sha256.Sum256(a[:i])
	if got := string(ma[1]); got != hex.EncodeToString(sum[:16]) {
		t.Errorf("/ID %s is not the SHA-256 of the %d bytes before it", got, i)
	}
	if off := render("a", false); bytes.Contains(off, []byte("/ID")) {
		t.Error("/ID written without SetContentID")
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed")
	}
	f := filepath.Join(t.TempDir(), "id.pdf")
	if err := os.WriteFile(f, a, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// TestUseRunes: a document that only marks as used the runes another one
// drew (UsedRunes → UseRunes) writes the same font objects, and
// FontObject names its Type0 font; what lets a book drawn in chunks embed
// each font once.
func TestUseRunes(t *testing.T) {
	fonts := parseLetterFonts(t)
	const text = "Xin chào Việt Nam, ĐỒNG Ý ở đây 2026"
	doc := func(draw bool, runes []rune) (*Fpdf, []byte) {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCreationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		pdf.AddUTF8FontParsed(letterFamily, "", fonts[0])
		pdf.SetFont(letterFamily, "", 12)
		pdf.AddPage()
		if draw {
			pdf.Cell(10, 10, text)
		}
		pdf.UseRunes(letterFamily, "", runes)
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return pdf, buf.Bytes()
	}
	a, drawn := doc(true, nil)
	used := a.UsedRunes(letterFamily, "")
	want := []rune(text)
	slices.Sort(want)
	want = slices.Compact(want)
	if !slices.Equal(used, want) {
		t.Fatalf("UsedRunes = %q, want %q", string(used), string(want))
	}
	if a.UsedRunes(letterFamily, "B") != nil {
		t.Error("UsedRunes of a style never added is not nil")
	}
	b, marked := doc(false, used)
	fonts0 := func(out []byte) []byte {
		i := bytes.Index(out, []byte("/Subtype /Type0"))
		j := bytes.LastIndex(out, []byte("\nxref\n"))
		if i < 0 || j < i {
			t.Fatal("no Type0 font before the xref table")
		}
		return out[i:j]
	}
	if !bytes.Equal(fonts0(drawn), fonts0(marked)) {
		t.Error("font objects of a document marking the runes differ from those of the one drawing them")
	}
	if _, unmarked := doc(false, nil); bytes.Equal(fonts0(drawn), fonts0(unmarked)) {
		t.Error("font objects do not depend on the used runes")
	}
	n := b.FontObject(letterFamily, "")
	if n == 0 || !bytes.Contains(marked, fmt.Appendf(nil, "\n%d 0 obj\n<</Type /Font\n/Subtype /Type0", n)) {
		t.Errorf("FontObject = %d, not the Type0 font", n)
	}
	if New("P", "mm", "A4", "").FontObject(letterFamily, "") != 0 {
		t.Error("FontObject of an unknown font is not 0")
	}
}
