package bhytdoc_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

func pngOf(t *testing.T, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			if (x+y)%3 == 0 { // a pattern on a transparent ground
				img.Set(x, y, c)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSignatureImages(t *testing.T) {
	d := seeds.SonDuong()
	d.Signatures[0].Image = pngOf(t, 120, 60, color.NRGBA{0, 0, 200, 255})
	d.Signatures[0].Seal = pngOf(t, 80, 80, color.NRGBA{220, 0, 0, 255})
	_, _, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	last := pages[len(pages)-1]
	var imgs []pdf.Op
	var title, name pdf.Op
	for _, o := range last.Ops {
		switch {
		case o.Kind == pdf.OpImage:
			imgs = append(imgs, o)
		case o.S == "PHÓ CHỦ TỊCH":
			title = o
		case o.S == "Phạm Thị Nhị Bình":
			name = o
		}
	}
	if len(imgs) != 2 {
		t.Fatalf("want signature and seal images, got %d", len(imgs))
	}
	for _, im := range imgs {
		if im.Y <= title.Y || im.Y+im.H >= name.Y {
			t.Errorf("image %+v not between the titles (y=%.1f) and the name (y=%.1f)", im, title.Y, name.Y)
		}
	}
	// The seal covers the left third of the signature (Decree 30): its
	// visible right edge a third of the way into the visible signature,
	// its left edge outside it. The images are drawn at their aspect
	// ratio inside their boxes: 120×60 and 80×80 pixels.
	sig, seal := imgs[0], imgs[1]
	visible := func(o pdf.Op, iw, ih float64) (x0, x1 float64) {
		w := min(o.W, o.H*iw/ih)
		return o.X + (o.W-w)/2, o.X + (o.W+w)/2
	}
	s0, s1 := visible(sig, 120, 60)
	e0, e1 := visible(seal, 80, 80)
	if third := s0 + (s1-s0)/3; !near(e1, third, 0.5) || e0 >= s0 {
		t.Errorf("seal spans x %.1f–%.1f mm, want its right edge at %.1f mm, a third into the signature at %.1f–%.1f mm, and its left edge before it", e0, e1, third, s0, s1)
	}
	f, _ := render(t, d)
	run(t, "qpdf", "--check", f)
	list := run(t, "pdfimages", "-list", f)
	if n := len(regexp.MustCompile(`(?m)^\s*\d+\s+\d+\s+image\s`).FindAllString(list, -1)); n != 2 {
		t.Errorf("pdfimages lists %d images, want 2:\n%s", n, list)
	}
	if !strings.Contains(list, " smask ") {
		t.Errorf("transparent PNGs lost their alpha:\n%s", list)
	}

	d.Signatures[0].Seal = []byte("not a png")
	if _, err := bhytdoc.RenderPDF(d, nil); err == nil || !strings.Contains(err.Error(), "Signatures[0].Seal") {
		t.Errorf("bad seal: %v", err)
	}
}

// Two signature blocks: the first on the right, the second on the left,
// with Nơi nhận under them.
func TestTwoSignatures(t *testing.T) {
	d := seeds.CaiRang()
	d.Signatures = append(d.Signatures, bhytdoc.Signature{
		Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ủy ban Mặt trận Tổ quốc quận"}},
		Position:  "Chủ tịch",
		Name:      "Nguyễn Văn A",
	})
	_, _, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]pdf.Op{}
	for _, o := range pages[len(pages)-1].Ops {
		ops[o.S] = o
	}
	first, second, nn := ops["Vương Công Khanh"], ops["Nguyễn Văn A"], ops["Nơi nhận:"]
	if first.S == "" || second.S == "" || nn.S == "" {
		t.Fatalf("missing parts: %v %v %v", first, second, nn)
	}
	if second.X >= first.X {
		t.Errorf("second signer at x=%.1f not left of the first at x=%.1f", second.X, first.X)
	}
	if nn.Y <= second.Y {
		t.Errorf("Nơi nhận at y=%.1f not under the signatures (y=%.1f)", nn.Y, second.Y)
	}
}

func TestSingleRecipientInline(t *testing.T) {
	d := seeds.CaiRang()
	d.Addressees = []string{"Ủy ban nhân dân thành phố Cần Thơ"}
	doc, _, pages, err := bhytdoc.LayoutForTest(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "Kính gửi: Ủy ban nhân dân thành phố Cần Thơ."
	if got := doc.KinhGui.S + " " + doc.Addressees[0].S; got != want {
		t.Errorf("%q", got)
	}
	for _, o := range pages[0].Ops {
		if o.S == want {
			return
		}
	}
	t.Errorf("no line %q on page 1", want)
}

// The library's own text follows the chosen tone style too.
func TestToneStyleWholeDocument(t *testing.T) {
	d := seeds.NamToan() // mixes "Uỷ" and "Ủy" as the original does
	for _, c := range []struct {
		tone      bhytdoc.ToneStyle
		want, not string
	}{
		{bhytdoc.ToneTraditional, "Ủy ban", "Uỷ ban"},
		{bhytdoc.ToneModern, "Uỷ ban", "Ủy ban"},
	} {
		doc, _, pages, err := bhytdoc.LayoutForTest(d, &bhytdoc.Options{Tone: c.tone})
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(pageTexts(pages), " ")
		if !strings.Contains(all, c.want) || strings.Contains(all, c.not) {
			t.Errorf("tone %d: want only %q", c.tone, c.want)
		}
		if c.tone == bhytdoc.ToneModern && doc.QuocHieu.S != "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" {
			t.Errorf("Quốc hiệu %q does not follow the modern style", doc.QuocHieu.S)
		}
	}
}

// RenderPDF is safe for concurrent use and stays deterministic: run with
// -race to check the shared font state.
func TestConcurrentRender(t *testing.T) {
	want := map[string][]byte{}
	for _, ex := range seeds.All() {
		_, b := render(t, ex.Doc)
		want[ex.Name] = b
	}
	errs := make(chan error, 12)
	for i := range 12 {
		go func() {
			ex := seeds.All()[i%3]
			b, err := bhytdoc.RenderPDF(ex.Doc, nil)
			if err == nil && !bytes.Equal(b, want[ex.Name]) {
				err = errors.New(ex.Name + ": concurrent render differs")
			}
			errs <- err
		}()
	}
	for range 12 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
