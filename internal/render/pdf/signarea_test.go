package pdf

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/ir"
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
	sig, seal := testPNG(t, 200, 100), testPNG(t, 50, 50)
	doc := &ir.Doc{Signatures: []ir.Signature{{Image: sig, Seal: seal}}}
	pages := []Page{
		{Ops: []Op{{Kind: OpImage, X: 10, Y: 20, W: 40, H: 40, Img: bytes.Clone(sig)}}}, // same bytes, not the block's
		{Ops: []Op{
			{Kind: OpText, S: "x"},
			{Kind: OpImage, X: 100, Y: 200, W: 40, H: 30, Img: sig}, // 2:1 into 40×30: 40×20, centred
			{Kind: OpImage, X: 90, Y: 200, W: 20, H: 20, Img: seal}, // square
		}},
	}
	got := signAreas(pages, doc)
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
