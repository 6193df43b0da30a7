package sign_test

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// BenchmarkSignLetter signs the Cái Răng letter (3 pages, signature and
// seal images) once per op, as the signer, with an RSA-2048 key (what
// Vietnamese tokens hold) and with ECDSA P-256, drawing the signing
// information, and with ECDSA P-256 without it (NoInfo: the cost of the
// 600 dpi appearance image). Rendering is not timed.
func BenchmarkSignLetter(b *testing.B) {
	ca := signtest.NewCA(b)
	now := time.Now()
	doc := signtest.Letter(b)
	for _, k := range []struct {
		name   string
		rsa    bool
		noInfo bool
	}{{"RSA2048", true, false}, {"ECDSAP256", false, false}, {"ECDSAP256NoInfo", false, true}} {
		key, chain := ca.Leaf(b, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), k.rsa)
		b.Run(k.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				if err := sign.PDF(io.Discard, bytes.NewReader(doc), int64(len(doc)), key, chain, sign.Options{NoInfo: k.noInfo}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
