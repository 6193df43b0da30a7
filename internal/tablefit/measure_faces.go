package tablefit

import (
	"github.com/bhytdoc/bhytdoc/fonts"
	"github.com/bhytdoc/bhytdoc/internal/pagespec"
)

// Measurer measures text for the fitter, in mm at 1 pt.
type Measurer interface {
	Width(s string, st pagespec.Style) float64
	// Descent is how far the face's descenders go below the baseline.
	Descent(st pagespec.Style) float64
}

// Faces measures with the four faces of a family, indexed by style; a
// nil face measures 0.
type Faces [4]*fonts.Face

// NewFaces loads the faces of fam.
func NewFaces(fam *fonts.Family) (Faces, error) {
	var f Faces
	for st := range f {
		var err error
		if f[st], err = fam.Face(fonts.Style(st)); err != nil {
			return f, err
		}
	}
	return f, nil
}

// Width is the width of s in mm at 1 pt.
func (f Faces) Width(s string, st pagespec.Style) float64 {
	if st < 0 || int(st) >= len(f) || f[st] == nil {
		return 0
	}
	return f[st].Width(s, 1) * pagespec.PtToMM
}

// Descent is the descent in mm at 1 pt, positive.
func (f Faces) Descent(st pagespec.Style) float64 {
	if st < 0 || int(st) >= len(f) || f[st] == nil {
		return 0
	}
	return -float64(f[st].Descent()) / 1000 * pagespec.PtToMM
}
