package sign

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"
)

// TestFastPixels: the fast path writes the bytes the generic loop
// writes, for NRGBA and RGBA images of random pixels. bhytdoc.
func TestFastPixels(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := image.NewNRGBA(image.Rect(3, 5, 40, 30))
	m := image.NewRGBA(image.Rect(0, 0, 37, 25))
	for i := range n.Pix {
		n.Pix[i] = byte(r.IntN(256))
	}
	for i := 0; i < len(m.Pix); i += 4 {
		a := byte(r.IntN(256))
		m.Pix[i+3] = a
		for j := 0; j < 3; j++ {
			m.Pix[i+j] = byte(r.IntN(int(a) + 1))
		}
	}
	for _, img := range []image.Image{n, m, n.SubImage(image.Rect(10, 10, 20, 20))} {
		var rgb, alpha, rgb2, alpha2 bytes.Buffer
		if !fastPixels(img, &rgb, &alpha) {
			t.Fatalf("%T: no fast path", img)
		}
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, a := img.At(x, y).RGBA()
				rgb2.Write([]byte{byte(r >> 8), byte(g >> 8), byte(bl >> 8)})
				alpha2.WriteByte(byte(a >> 8))
			}
		}
		if !bytes.Equal(rgb.Bytes(), rgb2.Bytes()) || !bytes.Equal(alpha.Bytes(), alpha2.Bytes()) {
			t.Errorf("%T %v: fast path differs", img, b)
		}
	}
}
