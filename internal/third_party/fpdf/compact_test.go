package fpdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	stdadler32 "hash/adler32"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	stock "codeberg.org/go-pdf/fpdf"
	kpzlib "github.com/klauspost/compress/zlib"
)

// renderCompact renders the letter with extra, with SetCompactFonts and
// SetObjectStreams as given.
func renderCompact(tb testing.TB, fonts []*UTF8Font, extra string, compact, objStm, id bool) []byte {
	pdf := New("P", "mm", "A4", "")
	pdf.SetCompactFonts(compact)
	pdf.SetObjectStreams(objStm)
	pdf.SetContentID(id)
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

func needTools(t *testing.T, tools ...string) {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (apt-get install -y poppler-utils qpdf)", tool)
		}
	}
}

// TestCompactRendersLikeStock: with compact fonts and object streams the
// letter is much smaller, qpdf finds nothing to warn about, pdffonts
// lists every font as an embedded subset named tag+PostScript name, the
// text extracts, and every page rasterised at 150 dpi is pixel for pixel
// what stock fpdf's output gives.
func TestCompactRendersLikeStock(t *testing.T) {
	needTools(t, "qpdf", "pdftoppm", "pdffonts", "pdftotext")
	dir := t.TempDir()
	fonts := parseLetterFonts(t)
	plain := renderCompact(t, fonts, extras[3], false, false, false)
	small := renderCompact(t, fonts, extras[3], true, true, false)
	if again := renderCompact(t, fonts, extras[3], true, true, false); !bytes.Equal(small, again) {
		t.Fatal("compact output is not deterministic")
	}
	if len(small) > len(plain)*4/5 {
		t.Errorf("compact letter %d bytes, plain %d: want at least 20%% less", len(small), len(plain))
	}
	if !bytes.HasPrefix(small, []byte("%PDF-1.5\n")) {
		t.Errorf("header %q, want 1.5 for object streams", small[:9])
	}
	compact := filepath.Join(dir, "compact.pdf")
	if err := os.WriteFile(compact, small, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--check", compact).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("WARNING")) || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err = exec.Command("qpdf", "--show-xref", compact).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("compressed; stream = ")) {
		t.Errorf("qpdf --show-xref: no object in an object stream: %v\n%s", err, out)
	}

	out, err = exec.Command("pdffonts", compact).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	nameRe := regexp.MustCompile(`^([A-Z]{6})\+(LiberationSerif(?:-Bold|-Italic|-BoldItalic)?)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)
	seen := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n")[2:] {
		if line == "" {
			continue
		}
		m := nameRe.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("pdffonts: %q is not an embedded, named subset with a ToUnicode map", line)
			continue
		}
		seen[m[2]] = true
	}
	if len(seen) != 4 {
		t.Errorf("pdffonts lists %d of the 4 faces:\n%s", len(seen), out)
	}

	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", compact, "-").Output()
	if text := strings.Join(strings.Fields(string(txt)), " "); err != nil || !strings.Contains(text, "Quyết định số 42/QĐ-UBND: Ơ ơ Ư ư Ứ ứ Ừ ừ Ử ử Ữ ữ Ự ự") {
		t.Errorf("pdftotext: %v; the extra paragraph is missing", err)
	}

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
	for _, p := range []struct{ pdf, prefix string }{{compact, "compact"}, {stockPath, "stock"}} {
		if out, err := exec.Command("pdftoppm", "-r", "150", "-png", p.pdf, filepath.Join(dir, p.prefix)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", p.pdf, err, out)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "stock-*.png"))
	if len(pages) != 3 {
		t.Fatalf("pdftoppm produced %d pages, want 3", len(pages))
	}
	for _, sp := range pages {
		cp := strings.Replace(sp, "stock-", "compact-", 1)
		a, err1 := os.ReadFile(sp)
		b, err2 := os.ReadFile(cp)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s renders differently from stock", filepath.Base(cp))
		}
	}
}

// TestCompactSubset: a compact subset holds only the tables a PDF draws
// from, and its tag follows the glyph set: the same runes give the same
// tag in any document, other runes another tag.
func TestCompactSubset(t *testing.T) {
	fonts := parseLetterFonts(t)
	if fonts[0].psName != "LiberationSerif" || fonts[3].psName != "LiberationSerif-BoldItalic" {
		t.Errorf("PostScript names %q, %q", fonts[0].psName, fonts[3].psName)
	}
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontParsed(letterFamily, "", fonts[0])
	font := pdf.fonts[getFontKey(letterFamily, "")]
	for _, r := range "Xin chào Việt Nam" {
		font.usedRunes[int(r)] = int(r)
	}
	ttf := font.utf8File
	ttf.dropTables = true
	sub := ttf.GenerateCutFont(font.usedRunes)
	var tags []string
	for i := range int(binary.BigEndian.Uint16(sub[4:])) {
		tags = append(tags, string(sub[12+16*i:12+16*i+4]))
	}
	if got := strings.Join(tags, ","); got != "cvt ,fpgm,glyf,head,hhea,hmtx,loca,maxp,prep" {
		t.Errorf("subset tables %s", got)
	}

	name := func(extra string) string {
		b := renderCompact(t, fonts, extra, true, false, false)
		m := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+LiberationSerif\n`).FindSubmatch(b)
		if m == nil {
			t.Fatal("no tagged regular font")
		}
		return string(m[1])
	}
	a := name(extras[1])
	subsetCacheReset(fonts[0])
	if b := name(extras[1]); b != a {
		t.Errorf("same runes, tags %s and %s", a, b)
	}
	if c := name(extras[2]); c == a {
		t.Errorf("other runes, same tag %s", c)
	}
	// Shared ToUnicode: one identity map for the four fonts.
	b := renderCompact(t, fonts, "", true, false, false)
	if n := bytes.Count(b, []byte("/CMapName /Adobe-Identity-UCS")); n != 1 {
		t.Errorf("%d ToUnicode maps, want 1 shared", n)
	}
}

func subsetCacheReset(f *UTF8Font) {
	f.subsets.mu.Lock()
	f.subsets.items = nil
	f.subsets.mu.Unlock()
}

// TestObjectStreamsContentID: with object streams the /ID of
// SetContentID is still the hash of the file before it.
func TestObjectStreamsContentID(t *testing.T) {
	fonts := parseLetterFonts(t)
	idRe := regexp.MustCompile(`/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\]`)
	a := renderCompact(t, fonts, "", true, true, true)
	m := idRe.FindSubmatchIndex(a)
	if m == nil {
		t.Fatal("no /ID")
	}
	sum := sha256.Sum256(a[:m[0]])
	if got := string(a[m[2]:m[3]]); got != hex.EncodeToString(sum[:16]) {
		t.Errorf("/ID %s is not the SHA-256 of the file before it", got)
	}
	b := renderCompact(t, fonts, extras[1], true, true, true)
	if mb := idRe.FindSubmatch(b); mb == nil || string(mb[1]) == string(a[m[2]:m[3]]) {
		t.Error("two documents, one /ID")
	}
}

// TestSlotPoolHandsBackLastPut checks that slotPool gives the value last
// put back to the next Get whatever P it runs on (sync.Pool alone keeps
// it in the putting P's private entry), and pools a second value.
func TestSlotPoolHandsBackLastPut(t *testing.T) {
	made := 0
	p := slotPool{pool: sync.Pool{New: func() any { made++; return new(int) }}}
	a := p.Get().(*int)
	done := make(chan struct{})
	go func() { // another goroutine, likely another P
		p.Put(a)
		close(done)
	}()
	<-done
	if got := p.Get().(*int); got != a || made != 1 {
		t.Fatalf("Get after Put: %p (made %d), want %p", got, made, a)
	}
	b := p.Get().(*int)
	p.Put(a)
	p.Put(b) // the slot is taken: b goes to the pool
	if got := p.Get().(*int); got != a {
		t.Errorf("slot: %p, want %p", got, a)
	}
}

// TestAdler32 compares adler32 with hash/adler32 on data of many lengths,
// across several of its 5552-byte reductions, with bytes of every value.
func TestAdler32(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 3*5552+100)
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	ones := bytes.Repeat([]byte{0xFF}, len(data)) // the largest sums
	for n := 0; n <= len(data); n += 1 + n/7 {
		for _, b := range [][]byte{data[:n], ones[:n], data[len(data)-n:]} {
			want := stdadler32.Checksum(b)
			if got := adler32Update(1, b); got != want {
				t.Fatalf("length %d: %#x, hash/adler32 %#x", n, got, want)
			}
			if got := adler32Update(adler32Update(1, b[:n/3]), b[n/3:]); got != want {
				t.Fatalf("length %d in two parts: %#x, hash/adler32 %#x", n, got, want)
			}
		}
	}
}

// TestZlibFramerLikeKlauspost checks that zlibFramer writes the bytes of
// klauspost's zlib writer at the levels fpdf uses and others, for the
// letter's font subsets and other data written in one or several parts,
// and for an empty stream, with a new writer and one reset after use.
func TestZlibFramerLikeKlauspost(t *testing.T) {
	_, fonts := letterStreams(t)
	inputs := append(fonts, nil, []byte("x"), bytes.Repeat([]byte("bhytdoc "), 20000))
	for _, level := range []int{1, 2, 5, 6, 7, 9} {
		zf := newZlibFramer(level)
		for i, b := range inputs {
			for _, parts := range []int{1, 3} {
				var want bytes.Buffer
				zw, err := kpzlib.NewWriterLevel(&want, level)
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				zf.Reset(&got)
				for p := range parts {
					part := b[p*len(b)/parts : (p+1)*len(b)/parts]
					zw.Write(part)
					if _, err := zf.Write(part); err != nil {
						t.Fatal(err)
					}
				}
				zw.Close()
				if err := zf.Close(); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("level %d, input %d (%d bytes) in %d parts: %d bytes, klauspost %d", level, i, len(b), parts, got.Len(), want.Len())
				}
			}
		}
	}
}

// TestCompressBestLikeZlib checks that compressBest, which frames the
// deflate stream itself, gives the bytes of klauspost's zlib writer at
// level 9, on the letter's font subsets and other data.
func TestCompressBestLikeZlib(t *testing.T) {
	_, fonts := letterStreams(t)
	inputs := append(fonts, nil, []byte("x"), bytes.Repeat([]byte("bhytdoc "), 20000))
	for i, b := range inputs {
		var want bytes.Buffer
		zw, err := kpzlib.NewWriterLevel(&want, kpzlib.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(b)
		zw.Close()
		// Twice: a new writer, then the one put back.
		for range 2 {
			if got := compressBest(b); !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("input %d (%d bytes): %d bytes, zlib %d", i, len(b), len(got), want.Len())
			}
		}
	}
}

// TestCutScratchLikeNew checks that a subset built in lent buffers
// holding another subset's bytes (cutScratch) is the one built in new
// buffers, compact or not.
func TestCutScratchLikeNew(t *testing.T) {
	font, err := ParseUTF8Font(letterStyles[0].ttf)
	if err != nil {
		t.Fatal(err)
	}
	dirty := func(n int) []byte { return bytes.Repeat([]byte{0xA5}, n) }
	scratch := &cutScratch{scratchGlyf: dirty(1 << 16)[:0], scratchFile: dirty(1 << 17)[:0]}
	for _, compact := range []bool{true, false} {
		for _, runes := range []string{"Ủy ban nhân dân quận Cái Răng", "ABC…–", "Độc lập - Tự do - Hạnh phúc"} {
			used := map[int]int{0: 0}
			for _, r := range runes {
				used[int(r)] = int(r)
			}
			fresh := font.newDocFile()
			fresh.dropTables = compact
			want := fresh.GenerateCutFont(used)
			lent := font.newDocFile()
			lent.dropTables, lent.scratch = compact, scratch
			if got := lent.GenerateCutFont(used); !bytes.Equal(got, want) {
				t.Fatalf("compact %v, %q: subset in lent buffers differs", compact, runes)
			}
		}
	}
}
