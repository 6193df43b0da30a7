package sign_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// testTSA runs an RFC 3161 time-stamping authority on 127.0.0.1 with a
// certificate issued by ca, and counts the requests it answers.
func testTSA(t *testing.T, ca *signtest.CA) (*httptest.Server, *int) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tpl := &x509.Certificate{
		SerialNumber: big.NewInt(3161),
		Subject:      pkix.Name{CommonName: "TSA thử nghiệm"},
		NotBefore:    now.AddDate(0, -1, 0),
		NotAfter:     now.AddDate(1, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageTimeStamping},
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, ca.Cert, key.Public(), ca.Key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	served := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		req, err := timestamp.ParseRequest(body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ts := timestamp.Timestamp{
			HashAlgorithm: req.HashAlgorithm, HashedMessage: req.HashedMessage,
			Time: time.Now(), Nonce: req.Nonce, Policy: asn1.ObjectIdentifier{1, 2, 3, 4, 1},
			AddTSACertificate: req.Certificates,
		}
		resp, err := ts.CreateResponseWithOpts(cert, key, crypto.SHA256)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		served++
		w.Header().Set("Content-Type", "application/timestamp-reply")
		w.Write(resp)
	}))
	t.Cleanup(srv.Close)
	return srv, &served
}

// TestTSA signs with --tsa pointing at a TSA on 127.0.0.1: the TSA is
// asked once, the signature verifies in pdfsig and pdfsig reports the
// timestamp. A TSA that fails is an error, nothing written.
func TestTSA(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	srv, served := testTSA(t, ca)
	signed := signBytes(t, signtest.Letter(t), key, chain, sign.Options{TSA: srv.URL})
	if *served != 1 {
		t.Errorf("TSA asked %d times", *served)
	}
	sigs := signtest.Pdfsig(t, writeTemp(t, "tsa.pdf", signed))
	if len(sigs) != 1 || !sigs[0].Valid || !sigs[0].Total {
		t.Fatalf("pdfsig: %+v", sigs)
	}
	// pdfsig of this poppler does not print timestamps: read the token
	// from the CMS and check it stamps the signature value.
	var r [4]int
	k := bytes.LastIndex(signed, []byte("/ByteRange ["))
	fmt.Sscanf(string(signed[k:]), "/ByteRange [%d %d %d %d]", &r[0], &r[1], &r[2], &r[3])
	padded, err := hex.DecodeString(string(signed[r[1]+1 : r[2]-1]))
	if err != nil {
		t.Fatal(err)
	}
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(padded, &raw); err != nil {
		t.Fatal(err)
	}
	p7, err := pkcs7.Parse(raw.FullBytes)
	if err != nil {
		t.Fatal(err)
	}
	si := p7.Signers[0]
	var token []byte
	for _, a := range si.UnauthenticatedAttributes {
		if a.Type.Equal(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}) {
			token = a.Value.Bytes
		}
	}
	ts, err := timestamp.Parse(token)
	if err != nil {
		t.Fatalf("no timestamp token in the signature: %v", err)
	}
	sum := sha256.Sum256(si.EncryptedDigest)
	if !bytes.Equal(ts.HashedMessage, sum[:]) || time.Since(ts.Time) > time.Minute {
		t.Errorf("timestamp %v over %x, want over the signature value %x", ts.Time, ts.HashedMessage, sum)
	}

	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) }))
	defer bad.Close()
	doc := signtest.Letter(t)
	var w failWriter
	if err := sign.PDF(&w, bytes.NewReader(doc), int64(len(doc)), key, chain, sign.Options{TSA: bad.URL}); err == nil || w.n != 0 {
		t.Errorf("failing TSA: err %v, %d bytes written", err, w.n)
	}
}
