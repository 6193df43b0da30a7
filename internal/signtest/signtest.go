// Package signtest makes throw-away keys, certificates, PKCS#12 files and
// signed-ready documents for the tests of package sign and the CLI, and
// reads poppler's pdfsig report. It is for tests only.
package signtest

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"image"
	"image/color"
	"image/png"
	"math/big"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// CA is a throw-away certificate authority.
type CA struct {
	Cert *x509.Certificate
	Key  crypto.Signer
}

// NewCA makes a self-signed ECDSA P-256 CA valid from a year ago for ten
// years.
func NewCA(t testing.TB) *CA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "bhytdoc test CA", Country: []string{"VN"}},
		NotBefore:             now.AddDate(-1, 0, 0),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &CA{cert, key}
}

// Leaf issues a signing certificate for cn valid from notBefore to
// notAfter, with an RSA-2048 key (the kind Vietnamese tokens hold) when
// rsaKey is set, else ECDSA P-256. The chain is leaf, CA.
func (ca *CA) Leaf(t testing.TB, cn string, notBefore, notAfter time.Time, rsaKey bool) (crypto.Signer, []*x509.Certificate) {
	t.Helper()
	var key crypto.Signer
	var err error
	if rsaKey {
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	} else {
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"Ủy ban nhân dân quận Cái Răng"}, Country: []string{"VN"}},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, ca.Cert, key.Public(), ca.Key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return key, []*x509.Certificate{cert, ca.Cert}
}

// P12 encodes key and chain as a PKCS#12 file with the modern
// (AES-256, PBKDF2) encoder, as OpenSSL 3 writes them.
func P12(t testing.TB, key crypto.Signer, chain []*x509.Certificate, password string) []byte {
	t.Helper()
	b, err := pkcs12.Modern.Encode(key, chain[0], chain[1:], password)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// SignatureImage is a blue stroke on a transparent background, as a
// palette PNG with a transparent index.
func SignatureImage() []byte {
	pal := color.Palette{color.NRGBA{0, 0, 0, 0}, color.NRGBA{0x10, 0x30, 0xC0, 0xFF}}
	img := image.NewPaletted(image.Rect(0, 0, 120, 50), pal)
	for x := 10; x < 110; x++ {
		y := 25 + (x%20-10)*(x%20-10)/8 - 6
		for d := 0; d < 3; d++ {
			img.SetColorIndex(x, y+d, 1)
		}
	}
	return encode(img)
}

// SealImage is a red ring on a transparent background (RGBA PNG).
func SealImage() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 100, 100))
	red := color.NRGBA{0xD0, 0x10, 0x10, 0xFF}
	for y := 0; y < 100; y++ {
		for x := 0; x < 100; x++ {
			dx, dy := x-50, y-50
			if r := dx*dx + dy*dy; r < 48*48 && r > 42*42 {
				img.Set(x, y, red)
			}
		}
	}
	return encode(img)
}

func encode(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Seeds returns the seed documents, each with the signature and seal
// images on every signature block.
func Seeds() []seeds.Example {
	all := seeds.All()
	for _, e := range all {
		for i := range e.Doc.Signatures {
			e.Doc.Signatures[i].Image = SignatureImage()
			e.Doc.Signatures[i].Seal = SealImage()
		}
	}
	return all
}

// Letter renders the Cái Răng letter with signature and seal images.
func Letter(t testing.TB) []byte {
	t.Helper()
	b, err := bhytdoc.RenderPDF(Seeds()[0].Doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Signature is one signature as pdfsig reports it.
type Signature struct {
	Valid bool   // "Signature is Valid"
	Total bool   // "Total document signed"
	Field string // the signature field's name
	Time  string // "Signing Time" as printed
	Text  string // the whole section, for messages
}

var sigHead = regexp.MustCompile(`(?m)^Signature #\d+:\n`)

// Pdfsig runs poppler's pdfsig on file (certificates are not checked
// against a trust store: the CA is a throw-away one) and returns the
// signatures it reports. It fails the test if pdfsig is missing.
func Pdfsig(t testing.TB, file string) []Signature {
	t.Helper()
	if _, err := exec.LookPath("pdfsig"); err != nil {
		t.Fatal("pdfsig not found: run ./scripts/test-deps.sh (see README)")
	}
	out, _ := exec.Command("pdfsig", "-nocert", file).CombinedOutput()
	text := string(out)
	idx := sigHead.FindAllStringIndex(text, -1)
	var sigs []Signature
	for i, m := range idx {
		end := len(text)
		if i+1 < len(idx) {
			end = idx[i+1][0]
		}
		sec := text[m[0]:end]
		s := Signature{
			Valid: strings.Contains(sec, "Signature Validation: Signature is Valid."),
			Total: strings.Contains(sec, "Total document signed"),
			Text:  sec,
		}
		for _, ln := range strings.Split(sec, "\n") {
			ln = strings.TrimSpace(ln)
			if v, ok := strings.CutPrefix(ln, "- Signature Field Name: "); ok {
				s.Field = v
			}
			if v, ok := strings.CutPrefix(ln, "- Signing Time: "); ok {
				s.Time = v
			}
		}
		sigs = append(sigs, s)
	}
	if len(sigs) == 0 {
		t.Logf("pdfsig %s:\n%s", file, text)
	}
	return sigs
}
