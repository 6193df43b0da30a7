package pdf

import (
	"bytes"
	"image/png"

	"github.com/bhytdoc/bhytdoc/internal/signarea"
)

// signAreas returns where doc's signature blocks expect their digital
// signatures, from the OpArea marks the layout left on the pages: the
// signature image's box (or the room reserved for it) and the seal's, for
// the signer (see package signarea).
func signAreas(pages []Page) []signarea.Area {
	var out []signarea.Area
	k := 72 / 25.4
	for pi, p := range pages {
		_, ph := p.size()
		for _, o := range p.Ops {
			if o.Kind != OpArea {
				continue
			}
			out = append(out, signarea.Area{
				Role:  o.S,
				Block: int(o.Block),
				Page:  pi + 1,
				Rect:  [4]float64{o.X * k, (ph - o.Y - o.H) * k, (o.X + o.W) * k, (ph - o.Y) * k},
			})
		}
	}
	return out
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
