package sign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/vector"

	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/signtest"
)

var (
	a4       = Rect{0, 0, 595.28, 841.89}
	sealRect = Rect{325.7, 491.39, 385.37, 551.05} // the Cái Răng letter's
	sigRect  = Rect{342.85, 494.64, 470.41, 547.79}
	at       = time.Date(2020, 5, 18, 2, 30, 0, 0, time.UTC) // 09:30 in Vietnam
)

// inkBox returns the bounds of the pixels of img at least half opaque
// within rows [y0, y1).
func inkBox(img image.Image, y0, y1 int) image.Rectangle {
	var r image.Rectangle
	for y := y0; y < y1; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a >= 0x8000 {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return r
}

// testDPI is the resolution the tests rasterise the information at.
const testDPI = 600.0

// rasterise fills the paths of content, a stream as info.content writes
// it (g, a scaling cm, m, l, c, f only), into an alpha image of the w×h point
// rectangle at testDPI, as a PDF viewer would draw it.
func rasterise(t *testing.T, content []byte, w, h float64) *image.Alpha {
	t.Helper()
	sc := testDPI / 72
	pw, ph := int(math.Round(w*sc)), int(math.Round(h*sc))
	z := vector.NewRasterizer(pw, ph)
	k := 1.0 // the scale cm sets
	p := func(x, y float64) (float32, float32) { return float32(x * k * sc), float32((h - y*k) * sc) }
	operands := map[string]int{"g": 1, "cm": 6, "m": 2, "l": 2, "c": 6, "f": 0}
	var nums []float64
	for _, tok := range strings.Fields(string(content)) {
		if v, err := strconv.ParseFloat(tok, 64); err == nil {
			nums = append(nums, v)
			continue
		}
		if n, ok := operands[tok]; !ok || len(nums) != n {
			t.Fatalf("operator %q with %d operands, want one of g cm m l c f with %d", tok, len(nums), n)
		}
		switch tok {
		case "g":
			if nums[0] != 0 {
				t.Errorf("fill grey %g, want black", nums[0])
			}
		case "cm":
			if nums[0] != nums[3] || nums[1] != 0 || nums[2] != 0 || nums[4] != 0 || nums[5] != 0 {
				t.Fatalf("cm %v, want a uniform scale", nums)
			}
			k *= nums[0]
		case "m":
			z.ClosePath() // PDF's f closes every subpath
			z.MoveTo(p(nums[0], nums[1]))
		case "l":
			z.LineTo(p(nums[0], nums[1]))
		case "c":
			ax, ay := p(nums[0], nums[1])
			bx, by := p(nums[2], nums[3])
			cx, cy := p(nums[4], nums[5])
			z.CubeTo(ax, ay, bx, by, cx, cy)
		case "f":
			z.ClosePath()
		}
		nums = nums[:0]
	}
	img := image.NewAlpha(image.Rect(0, 0, pw, ph))
	z.Draw(img, img.Bounds(), image.Opaque, image.Point{})
	return img
}

func TestInfoContent(t *testing.T) {
	in, err := layoutInfo(Organisation, "Options.Name", "Ủy ban nhân dân quận Cái Răng", at, sealRect, a4)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.lines) != 2 || in.lines[0].text != "Ủy ban nhân dân quận Cái Răng" || in.lines[1].text != "2020-05-18T09:30:00+07:00" {
		t.Fatalf("lines %+v", in.lines)
	}
	r := in.rect
	if r.X0 < a4.X0 || r.X1 > a4.X1 || r.Y0 < a4.Y0 || r.Y1 > a4.Y1 {
		t.Errorf("rect %v leaves the page", r)
	}
	fc, err := fonts.Liberation().Face(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	// The widget is the text block at the top of the seal, centred on it.
	bw := fc.Width("Ủy ban nhân dân quận Cái Răng", infoSize) + 2*infoPad
	if c, sc := (r.X0+r.X1)/2, (sealRect.X0+sealRect.X1)/2; math.Abs(c-sc) > 0.01 || math.Abs(r.X1-r.X0-bw) > 0.01 ||
		r.Y1 != sealRect.Y1 || math.Abs(r.Y1-r.Y0-(2*infoLeading+2*infoPad)) > 0.01 {
		t.Errorf("rect %v not two lines, %.2f pt wide, at the top of the seal %v", r, bw, sealRect)
	}
	for _, l := range in.lines {
		if l.x < r.X0 || l.x+l.widthPts > r.X1 {
			t.Errorf("line %q (%.2f+%.2f) outside %v", l.text, l.x, l.widthPts, r)
		}
	}
	b, err := in.content()
	if err != nil {
		t.Fatal(err)
	}
	// Rasterised over the rectangle at 600 dpi: 10 pt is 83.33 px.
	img := rasterise(t, b, r.X1-r.X0, r.Y1-r.Y0)
	const scale = testDPI / 72
	capPx := float64(fc.CapHeight()) / 1000 * infoSize * scale
	// The organisation's lines are at the top: line i's box is
	// [1 pt + 12 pt·i, 1 pt + 12 pt·(i+1)).
	line := func(i int) image.Rectangle {
		return inkBox(img, int((infoPad+infoLeading*float64(i))*scale), int((infoPad+infoLeading*float64(i+1))*scale))
	}
	name, tm := line(0), line(1)
	// Digits, T and + stand on the baseline and reach the cap height.
	if h := float64(tm.Dy()); math.Abs(h-capPx) > 0.06*capPx {
		t.Errorf("time line ink %d px tall, want the cap height of 10 pt, %.1f px", tm.Dy(), capPx)
	}
	if w, want := float64(tm.Dx()), fc.Width("2020-05-18T09:30:00+07:00", infoSize)*scale; math.Abs(w-want) > 0.03*want {
		t.Errorf("time line ink %d px wide, want about %.0f px", tm.Dx(), want)
	}
	// The name has the hook above Ủ and the descender of y: taller than
	// the cap height, within the font's ascent + descent.
	if full := float64(fc.Ascent()-fc.Descent()) / 1000 * infoSize * scale; float64(name.Dy()) < 1.2*capPx || float64(name.Dy()) > full {
		t.Errorf("name line ink %d px tall, want between %.0f and %.0f", name.Dy(), 1.2*capPx, full)
	}
	top, bottom := infoPad*scale, (infoPad+2*infoLeading)*scale
	if inkBox(img, 0, int(top)-1) != (image.Rectangle{}) || inkBox(img, int(bottom)+1, img.Bounds().Dy()) != (image.Rectangle{}) {
		t.Error("ink outside the two lines")
	}
	// Deterministic.
	if b2, _ := in.content(); !bytes.Equal(b, b2) {
		t.Error("two renderings differ")
	}
}

func TestInfoLayoutRules(t *testing.T) {
	// The signer's lines sit at the bottom of the signature image.
	in, err := layoutInfo(Signer, "Options.Name", "Vương Công Khanh", at, sigRect, a4)
	if err != nil {
		t.Fatal(err)
	}
	if r := in.rect; r.Y0 != sigRect.Y0 || r.X0 < sigRect.X0 || r.X1 > sigRect.X1 {
		t.Errorf("rect %v not at the bottom of %v", r, sigRect)
	}
	if b := in.lines[1].base; b < sigRect.Y0 || b > sigRect.Y0+infoLeading {
		t.Errorf("last baseline %.2f not in the bottom line of %v", b, sigRect)
	}
	// Too low a rectangle grows downward.
	small := Rect{100, 700, 300, 710}
	if in, err = layoutInfo(Signer, "Options.Name", "Vương Công Khanh", at, small, a4); err != nil {
		t.Fatal(err)
	}
	if r := in.rect; r.Y1 != 710 || r.Y0 != 710-2*infoLeading-2*infoPad {
		t.Errorf("rect %v, want from 710 down two lines", r)
	}
	// ... but not off the page.
	var oe *OptionError
	if _, err = layoutInfo(Signer, "Options.Name", "A", at, Rect{100, 0, 300, 10}, a4); !errors.As(err, &oe) || oe.Field != "Options.Rect" {
		t.Errorf("rect at the page's bottom: %v", err)
	}
	// Near the page's edge the widened rectangle shifts inside.
	if in, err = layoutInfo(Organisation, "Options.Name", "Ủy ban nhân dân quận Cái Răng", at, Rect{590, 400, 595, 460}, a4); err != nil {
		t.Fatal(err)
	}
	if in.rect.X1 > a4.X1 || in.rect.X0 < a4.X0 {
		t.Errorf("rect %v leaves the page", in.rect)
	}
	// A name wider than the page wraps.
	long := "Ủy ban nhân dân quận Cái Răng thành phố Cần Thơ và Ủy ban nhân dân tỉnh Hậu Giang cùng Ủy ban nhân dân quận Ninh Kiều"
	if in, err = layoutInfo(Organisation, "Options.Name", long+" "+long, at, sealRect, a4); err != nil {
		t.Fatal(err)
	}
	if len(in.lines) < 3 || in.rect.X1-in.rect.X0 > a4.X1 {
		t.Errorf("long name: %d lines in %v", len(in.lines), in.rect)
	}
	// NFC: a decomposed name is drawn composed.
	if in, err = layoutInfo(Signer, "Options.Name", "Vu\u031bo\u031bng", at, sigRect, a4); err != nil || in.lines[0].text != "Vương" {
		t.Errorf("decomposed name: %v %+v", err, in)
	}
	for _, bad := range []string{"Trần 漢", "a\x01b", "\xff", strings.Repeat("Ủy ", maxText)} {
		if _, err := layoutInfo(Signer, "Options.Name", bad, at, sigRect, a4); !errors.As(err, &oe) || oe.Field != "Options.Name" {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// render returns page pg of the PDF file at 150 dpi, in grey.
func render(t *testing.T, file string, pg int) image.Image {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm not found: run ./scripts/test-deps.sh")
	}
	out := filepath.Join(t.TempDir(), "p")
	n := string(rune('0' + pg))
	if b, err := exec.Command("pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", "-f", n, "-l", n, file, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestInfoOnPage signs the Cái Răng letter as the signer and then the
// organisation, and checks on the rendered page that the signing
// information appears where it was laid out and nothing else changed.
func TestInfoOnPage(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	sKey, sChain := ca.Leaf(t, "Vương Công Khanh", at.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	oKey, oChain := ca.Leaf(t, "Ủy ban nhân dân quận Cái Răng", at.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	signOne := func(src []byte, key crypto.Signer, chain []*x509.Certificate, o Options) []byte {
		var buf bytes.Buffer
		if err := PDF(&buf, bytes.NewReader(src), int64(len(src)), key, chain, o); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	one := signOne(doc, sKey, sChain, Options{Role: Signer, Time: at})
	two := signOne(one, oKey, oChain, Options{Role: Organisation, Time: at})
	dir := t.TempDir()
	f0, f2 := filepath.Join(dir, "0.pdf"), filepath.Join(dir, "2.pdf")
	if err := os.WriteFile(f0, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f2, two, 0o600); err != nil {
		t.Fatal(err)
	}
	sigs := signtest.Pdfsig(t, f2)
	if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid || !sigs[1].Total {
		t.Fatalf("pdfsig: %+v", sigs)
	}
	if b, err := exec.Command("qpdf", "--check", f2).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, b)
	}

	// Where the text must be: each line's box, from the same layout.
	var boxes []Rect
	for _, c := range []struct {
		role Role
		name string
		r    Rect
	}{{Signer, "Vương Công Khanh", sigRect}, {Organisation, "Ủy ban nhân dân quận Cái Răng", sealRect}} {
		in, err := layoutInfo(c.role, "", c.name, at, c.r, a4)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range in.lines {
			boxes = append(boxes, Rect{l.x, l.base - 3, l.x + l.widthPts, l.base + 9})
		}
	}
	before, after := render(t, f0, 3), render(t, f2, 3)
	if before.Bounds() != after.Bounds() {
		t.Fatalf("page sizes %v, %v", before.Bounds(), after.Bounds())
	}
	const px = 72.0 / 150
	h := after.Bounds().Dy()
	inBox := make([]int, len(boxes))
	outside := 0
	for y := 0; y < h; y++ {
		for x := 0; x < after.Bounds().Dx(); x++ {
			b0, _, _, _ := before.At(x, y).RGBA()
			b1, _, _, _ := after.At(x, y).RGBA()
			if b1+0x3000 >= b0 { // not darker
				continue
			}
			// The pixel's square in PDF points, with a pixel's slack.
			X0, X1 := float64(x-1)*px, float64(x+2)*px
			Y1, Y0 := a4.Y1-float64(y-1)*px, a4.Y1-float64(y+2)*px
			hit := false
			for i, bx := range boxes {
				if X1 > bx.X0 && X0 < bx.X1 && Y1 > bx.Y0 && Y0 < bx.Y1 {
					inBox[i]++
					hit = true
				}
			}
			if !hit {
				outside++
			}
		}
	}
	if outside > 0 {
		t.Errorf("%d pixels darkened outside the signing information", outside)
	}
	for i, n := range inBox {
		if n < 40 {
			t.Errorf("line %d (%v): only %d pixels darkened", i, boxes[i], n)
		}
	}
}

// TestNoInfo: with Options.NoInfo the appearance stays transparent and
// the rendered page does not change.
func TestNoInfo(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	var buf bytes.Buffer
	if err := PDF(&buf, bytes.NewReader(doc), int64(len(doc)), key, chain, Options{NoInfo: true}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f0, f1 := filepath.Join(dir, "0.pdf"), filepath.Join(dir, "1.pdf")
	if err := os.WriteFile(f0, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f1, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if sigs := signtest.Pdfsig(t, f1); len(sigs) != 1 || !sigs[0].Valid {
		t.Fatalf("pdfsig: %+v", sigs)
	}
	before, after := render(t, f0, 3), render(t, f1, 3)
	n := 0
	for y := 0; y < after.Bounds().Dy(); y++ {
		for x := 0; x < after.Bounds().Dx(); x++ {
			b0, _, _, _ := before.At(x, y).RGBA()
			b1, _, _, _ := after.At(x, y).RGBA()
			if b1+0x3000 < b0 {
				n++
			}
		}
	}
	if n != 0 {
		t.Errorf("%d pixels darkened with NoInfo", n)
	}
}
