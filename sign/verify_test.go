package sign_test

import (
	"bytes"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// TestVerifyExpired: a signature made with a certificate that had
// expired is reported with the certificate invalid at the signing time
// and not valid overall, while the bytes are intact (pdfsig -nocert,
// which checks no certificate, finds the signature valid). sign.PDF and
// sign.Complete refuse to make such a file, so the CMS is written into a
// prepared file directly.
func TestVerifyExpired(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Hết Hạn", now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0), false)
	doc := signtest.Letter(t)
	var p bytes.Buffer
	if _, err := sign.Prepare(&p, bytes.NewReader(doc), int64(len(doc)), nil, sign.Options{Name: "Hết Hạn"}); err != nil {
		t.Fatal(err)
	}
	out := p.Bytes()
	var r [4]int
	i := bytes.LastIndex(out, []byte("/ByteRange ["))
	fmt.Sscanf(string(out[i:]), "/ByteRange [%d %d %d %d]", &r[0], &r[1], &r[2], &r[3])
	sd, err := pkcs7.NewSignedData(append(bytes.Clone(out[:r[1]]), out[r[2]:]...))
	if err != nil {
		t.Fatal(err)
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	if err := sd.AddSigner(chain[0], key, pkcs7.SignerInfoConfig{}); err != nil {
		t.Fatal(err)
	}
	sd.Detach()
	cms, err := sd.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := sign.Complete(&bytes.Buffer{}, out, cms, nil); err == nil {
		t.Error("Complete embedded a CMS by an expired certificate")
	}
	hex.Encode(out[r[1]+1:], cms)
	roots := x509.NewCertPool()
	roots.AddCert(ca.Cert)
	reps, err := sign.Verify(bytes.NewReader(out), int64(len(out)), roots)
	if err != nil || len(reps) != 1 {
		t.Fatalf("%v, %d reports", err, len(reps))
	}
	if rep := reps[0]; rep.CertValid || rep.Valid() || !rep.WholeDocument || rep.Signer != "Hết Hạn" {
		t.Errorf("%+v", rep)
	}
	s := signtest.Pdfsig(t, writeTemp(t, "expired.pdf", out))
	if len(s) != 1 || !s[0].Valid || !s[0].Total {
		t.Fatalf("pdfsig: %+v", s)
	}
}
