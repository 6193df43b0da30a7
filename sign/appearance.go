package sign

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // Options.Appearance may be a JPEG
	"image/png"
)

// appearanceImage returns the image pdfsign draws in the signature's
// rectangle. pdfsign keeps transparency only for RGBA/NRGBA images, so
// any other PNG (a palette with a transparent index, as signature images
// usually are) is converted.
func appearanceImage(src []byte) ([]byte, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(src))
	if err != nil {
		return nil, &OptionError{"Options.Appearance", fmt.Sprintf("not a PNG or JPEG image: %v", err)}
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width*cfg.Height > maxAppearancePixels {
		return nil, &OptionError{"Options.Appearance", fmt.Sprintf("%d×%d pixels; at most %d in all", cfg.Width, cfg.Height, maxAppearancePixels)}
	}
	dec, format, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, &OptionError{"Options.Appearance", err.Error()}
	}
	if format == "jpeg" {
		return src, nil
	}
	img := image.NewNRGBA(dec.Bounds())
	draw.Draw(img, img.Bounds(), dec, dec.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
