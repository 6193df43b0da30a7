package pdf

import (
	"bytes"
	"image/png"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/signarea"
)

// signAreas finds the signature and seal images of doc's signature blocks
// on the laid-out pages and returns where each is drawn, for the signer
// (see package signarea). An image op belongs to a block when it draws
// that block's own bytes (the layout passes the slice through unchanged).
func signAreas(pages []Page, doc *ir.Doc) []signarea.Area {
	var out []signarea.Area
	for pi, p := range pages {
		_, ph := p.size()
		for _, o := range p.Ops {
			if o.Kind != OpImage {
				continue
			}
			for bi := range doc.Signatures {
				s := &doc.Signatures[bi]
				role := ""
				switch {
				case sameSlice(o.Img, s.Image):
					role = signarea.Signer
				case sameSlice(o.Img, s.Seal):
					role = signarea.Organisation
				default:
					continue
				}
				x, y, w, h, ok := fitImage(o)
				if !ok {
					continue
				}
				k := 72 / 25.4
				out = append(out, signarea.Area{
					Role:  role,
					Block: bi,
					Page:  pi + 1,
					Rect:  [4]float64{x * k, (ph - y - h) * k, (x + w) * k, (ph - y) * k},
				})
			}
		}
	}
	return out
}

// sameSlice reports whether a and b are the same bytes in memory.
func sameSlice(a, b []byte) bool {
	return len(a) > 0 && len(a) == len(b) && &a[0] == &b[0]
}

// fitImage is the box drawImage fills: the op's box shrunk to the image's
// aspect ratio and centred.
func fitImage(o Op) (x, y, w, h float64, ok bool) {
	cfg, err := png.DecodeConfig(bytes.NewReader(o.Img))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return 0, 0, 0, 0, false
	}
	x, y, w, h = fit(o, float64(cfg.Width), float64(cfg.Height))
	return x, y, w, h, true
}

// fit places an iw×ih image in o's box, keeping its aspect ratio.
func fit(o Op, iw, ih float64) (x, y, w, h float64) {
	w, h = o.W, o.W*ih/iw
	if h > o.H {
		h, w = o.H, o.H*iw/ih
	}
	return o.X + (o.W-w)/2, o.Y + (o.H-h)/2, w, h
}
