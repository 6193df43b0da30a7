package pdf

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/signarea"
)

func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSignAreas(t *testing.T) {
	pages := []Page{
		{Ops: []Op{{Kind: OpImage, X: 10, Y: 20, W: 40, H: 40, Img: testPNG(t, 2, 2)}}}, // an image alone is no area
		{Ops: []Op{
			{Kind: OpText, S: "x"},
			{Kind: OpArea, X: 100, Y: 205, W: 40, H: 20, S: signarea.Signer},
			{Kind: OpArea, X: 90, Y: 200, W: 20, H: 20, S: signarea.Organisation},
		}},
	}
	got := signAreas(pages)
	k := 72 / 25.4
	want := []signarea.Area{
		{Role: signarea.Signer, Page: 2, Rect: [4]float64{100 * k, (297 - 225) * k, 140 * k, (297 - 205) * k}},
		{Role: signarea.Organisation, Page: 2, Rect: [4]float64{90 * k, (297 - 220) * k, 110 * k, (297 - 200) * k}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Role != w.Role || g.Page != w.Page || g.Block != w.Block {
			t.Errorf("area %d: %+v, want %+v", i, g, w)
		}
		for j := range w.Rect {
			if math.Abs(g.Rect[j]-w.Rect[j]) > 1e-9 {
				t.Errorf("area %d rect %v, want %v", i, g.Rect, w.Rect)
				break
			}
		}
	}
}
