// bhytdoc: this whole file is a bhytdoc addition to the fpdf fork. Upstream
// ships icc/sRGB2014.icc for its AddOutputIntent example only; the fork
// embeds it so that callers can write archival (PDF/A) output intents
// without reading files at run time.

package fpdf

import (
	"bytes"
	_ "embed"
)

//go:embed icc/sRGB2014.icc
var srgb2014ICC []byte

// SRGB2014ICC returns the ICC's sRGB v2 profile (sRGB2014.icc, 3024 bytes),
// for use as OutputIntentType.ICCProfile. Each call returns a fresh copy, so
// callers may keep or modify it.
func SRGB2014ICC() []byte { return bytes.Clone(srgb2014ICC) }
