package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/ir"
)

func testMetrics(t *testing.T) *metrics {
	t.Helper()
	m := &metrics{Scratch: new(Scratch)}
	for st := range m.faces {
		f, err := fonts.Liberation().Face(fonts.Style(st))
		if err != nil {
			t.Fatal(err)
		}
		m.setFace(ir.Style(st), f)
	}
	return m
}

func TestWrapAndJustify(t *testing.T) {
	m := testMetrics(t)
	text := strings.Repeat("Đề nghị Thủ trưởng các ban, ngành, đoàn thể quận tăng cường công tác tuyên truyền; ", 6)
	spans := []ir.Span{{S: text[:40]}, {S: text[40:90], Style: ir.Bold}, {S: text[90:]}}
	const width, size = 165.0, 14.0
	lines := m.wrap(spans, size, width-10, width)
	if len(lines) < 4 {
		t.Fatalf("%d lines", len(lines))
	}
	var rebuilt strings.Builder
	for i, l := range lines {
		avail := width
		if i == 0 {
			avail -= 10
		}
		if l.width > avail+1e-9 {
			t.Errorf("line %d is %.2f mm wide, room %.2f", i, l.width, avail)
		}
		ops := m.placeLine(l, 0, 0, avail, size, alignJustify)
		end := ops[len(ops)-1].X + ops[len(ops)-1].W
		if !l.last && math.Abs(end-avail) > 1e-6 {
			t.Errorf("justified line %d ends at %.4f, want %.4f", i, end, avail)
		}
		if l.last && end > avail {
			t.Errorf("last line overflows")
		}
		for _, p := range l.pieces {
			rebuilt.WriteString(p.s)
		}
		if i < len(lines)-1 {
			rebuilt.WriteString(" ")
		}
	}
	if got := rebuilt.String(); got != strings.TrimRight(text, " ") {
		t.Errorf("wrapping changed the text:\n%q\n%q", got, text)
	}
}

func TestWrapKeepsSpaceRunsAndCutsLongWords(t *testing.T) {
	m := testMetrics(t)
	lines := m.wrap([]ir.Span{{S: "ngày    tháng 6"}}, 14, 100, 100)
	if len(lines) != 1 || lines[0].pieces[0].s != "ngày    tháng 6" || lines[0].spaces != 5 {
		t.Errorf("space run: %+v", lines)
	}
	long := strings.Repeat("x", 400)
	lines = m.wrap([]ir.Span{{S: long}}, 14, 50, 50)
	var sb strings.Builder
	for _, l := range lines {
		if l.width > 50+1e-9 {
			t.Errorf("cut line %.2f mm wide", l.width)
		}
		sb.WriteString(l.pieces[0].s)
	}
	if sb.String() != long || len(lines) < 2 {
		t.Errorf("long word: %d lines, text kept %v", len(lines), sb.String() == long)
	}
}

// TestWrapAnyWidth is issue 8 item 1: wrap with a width of zero, below
// zero or NaN used to append empty lines forever. Every line now holds at
// least one rune, and no text is lost.
func TestWrapAnyWidth(t *testing.T) {
	m := testMetrics(t)
	text := strings.Repeat("Đ", 200) + " " + strings.Repeat("1", 300) + " a b"
	for _, width := range []float64{-1e9, -2.4, 0, 0.0001, 1, 2.4, math.NaN(), math.Inf(-1), 50} {
		lines := m.wrap([]ir.Span{{S: text}}, 12, width, width)
		if n := len([]rune(text)); len(lines) > n {
			t.Fatalf("width %g: %d lines for %d runes", width, len(lines), n)
		}
		var got strings.Builder
		for _, l := range lines {
			if len(l.pieces) == 0 {
				t.Fatalf("width %g: empty line", width)
			}
			for _, p := range l.pieces {
				got.WriteString(strings.ReplaceAll(p.s, " ", ""))
			}
		}
		if want := strings.ReplaceAll(text, " ", ""); got.String() != want {
			t.Errorf("width %g: text changed: %d runes, want %d", width, len([]rune(got.String())), len([]rune(want)))
		}
	}
}

// TestPNGForPDF is issue 8 item 12: images fpdf would refuse or garble
// (interlaced, 16-bit with alpha) are rewritten as 8-bit PNGs; others
// pass through unchanged.
func TestPNGForPDF(t *testing.T) {
	enc := func(im image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, im); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	r := image.Rect(0, 0, 3, 2)
	plain := enc(image.NewNRGBA(r))
	if got, err := pngForPDF(plain); err != nil || !bytes.Equal(got, plain) {
		t.Errorf("8-bit PNG changed: %v", err)
	}
	// A 1×1 Adam7-interlaced grey PNG: only pass 1 holds a pixel.
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte{0, 128})
	zw.Close()
	chunk := func(typ string, data []byte) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		b = append(append(b, typ...), data...)
		return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	interlaced := append([]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", []byte{0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 1})...)
	interlaced = append(append(interlaced, chunk("IDAT", z.Bytes())...), chunk("IEND", nil)...)
	if _, err := png.Decode(bytes.NewReader(interlaced)); err != nil {
		t.Fatalf("test PNG: %v", err)
	}
	rgba64 := image.NewNRGBA64(r)
	rgba64.Set(1, 1, color.NRGBA64{0xffff, 0, 0, 0x8000})
	for name, b := range map[string][]byte{"interlaced": interlaced, "16-bit alpha": enc(rgba64)} {
		got, err := pngForPDF(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got[24] != 8 || got[28] != 0 {
			t.Errorf("%s: depth %d, interlace %d", name, got[24], got[28])
		}
		a, _ := png.Decode(bytes.NewReader(b))
		c, _ := png.Decode(bytes.NewReader(got))
		for y := 0; y < a.Bounds().Dy(); y++ {
			for x := 0; x < a.Bounds().Dx(); x++ {
				p, q := color.NRGBAModel.Convert(a.At(x, y)).(color.NRGBA), color.NRGBAModel.Convert(c.At(x, y)).(color.NRGBA)
				if p != q {
					t.Errorf("%s: pixel %d,%d %v became %v", name, x, y, p, q)
				}
			}
		}
	}
}

// BenchmarkWrapLongToken wraps one unbroken token of MaxCellRunes runes
// in a column one character wide: the worst case a table cell can give.
func BenchmarkWrapLongToken(b *testing.B) {
	m := &metrics{Scratch: new(Scratch)}
	f, err := fonts.Liberation().Face(fonts.Regular)
	if err != nil {
		b.Fatal(err)
	}
	m.setFace(ir.Regular, f)
	s := []ir.Span{{S: strings.Repeat("Đ", 10000)}}
	b.ReportAllocs()
	for b.Loop() {
		m.wrap(s, 10, 3, 3)
	}
}

// TestLayoutRefusesTallSignature: a signature block taller than a page
// (beyond the model's limits) is an OverflowError naming Signatures,
// never text below the page.
func TestLayoutRefusesTallSignature(t *testing.T) {
	m := testMetrics(t)
	sig := ir.Signature{Name: ir.Text{S: "Tên"}}
	for range 80 {
		sig.Titles = append(sig.Titles, ir.Text{S: "CHỦ TỊCH"})
	}
	doc := &ir.Doc{Number: ir.Text{S: "Số: 1/UBND"}, Signatures: []ir.Signature{sig}, Recipients: []ir.Text{{S: "- Lưu: VT."}}}
	set := ir.Settings{MarginTop: 20, MarginBottom: 20, MarginLeft: 30, MarginRight: 15, BodySize: 14, LineSpacing: 1.1, ParagraphSpacing: 6, Indent: 10}
	_, err := Layout(doc, set, m)
	var oe *OverflowError
	if !errors.As(err, &oe) || oe.Field != "Signatures" {
		t.Fatalf("got %v", err)
	}
}

// TestWrapCentredLikeWrap checks the lines a kept Scratch gives again for
// a centred text against wrap's, in a mixed order of texts, styles, sizes
// and widths, including a wrap of the same text that breaks differently.
func TestWrapCentredLikeWrap(t *testing.T) {
	m := testMetrics(t)
	m.kept = true
	fresh := testMetrics(t)
	texts := []string{"ỦY BAN NHÂN DÂN", "V/v giao chỉ tiêu phát triển người tham gia bảo hiểm y tế năm 2019 đối với phường Số 1",
		"Cái Răng, ngày 15 tháng 01 năm 2019", ""}
	for i := range 300 {
		s := texts[i%len(texts)]
		st := ir.Style(i / 3 % 4)
		size := []float64{12, 13, 14}[i/5%3]
		width := []float64{40, 70, 160, 0}[i/7%4]
		got := m.wrapCentred(s, st, size, width)
		want := fresh.wrap([]ir.Span{{S: s, Style: st}}, size, width, width)
		if !equalLines(got, want) {
			t.Fatalf("wrapCentred(%q, %d, %v, %v) = %v, want %v", s, st, size, width, got, want)
		}
	}
	if len(m.centred) == 0 {
		t.Fatal("nothing kept")
	}
}

func equalLines(a, b []line) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].width != b[i].width || a[i].spaces != b[i].spaces || a[i].last != b[i].last || len(a[i].pieces) != len(b[i].pieces) {
			return false
		}
		for j := range a[i].pieces {
			if a[i].pieces[j] != b[i].pieces[j] {
				return false
			}
		}
	}
	return true
}
