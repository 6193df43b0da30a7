package sign_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// BenchmarkSignLetter signs the Cái Răng letter (3 pages, signature and
// seal images) once per op, as the signer, with an RSA-2048 key (what
// Vietnamese tokens hold) and with ECDSA P-256, drawing the signing
// information, and with ECDSA P-256 without it (NoInfo: the cost of
// drawing the information). Rendering is not timed.
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

// BenchmarkPrepareComplete is deferred signing of the letter with ECDSA
// P-256: Prepare, the outside signer's CMS over the byte range (made
// with the pkcs7 library, standing in for a service) and Complete, which
// verifies it before embedding.
func BenchmarkPrepareComplete(b *testing.B) {
	ca := signtest.NewCA(b)
	now := time.Now()
	doc := signtest.Letter(b)
	key, chain := ca.Leaf(b, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	b.ReportAllocs()
	for b.Loop() {
		var p bytes.Buffer
		if _, err := sign.Prepare(&p, bytes.NewReader(doc), int64(len(doc)), chain, sign.Options{}); err != nil {
			b.Fatal(err)
		}
		prepared := p.Bytes()
		var r [4]int
		i := bytes.LastIndex(prepared, []byte("/ByteRange ["))
		fmt.Sscanf(string(prepared[i:]), "/ByteRange [%d %d %d %d]", &r[0], &r[1], &r[2], &r[3])
		sd, err := pkcs7.NewSignedData(append(bytes.Clone(prepared[:r[1]]), prepared[r[2]:]...))
		if err != nil {
			b.Fatal(err)
		}
		sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
		if err := sd.AddSigner(chain[0], key, pkcs7.SignerInfoConfig{}); err != nil {
			b.Fatal(err)
		}
		sd.Detach()
		cms, err := sd.Finish()
		if err != nil {
			b.Fatal(err)
		}
		if err := sign.Complete(io.Discard, prepared, cms, chain[0]); err != nil {
			b.Fatal(err)
		}
	}
}
