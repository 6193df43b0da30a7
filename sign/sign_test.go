package sign_test

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"log"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// signBytes signs doc and returns the result.
func signBytes(t *testing.T, doc []byte, key crypto.Signer, chain []*x509.Certificate, o sign.Options) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := sign.PDF(&out, bytes.NewReader(doc), int64(len(doc)), key, chain, o); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out.Bytes(), doc) {
		t.Fatal("the signed file does not start with the original bytes: not an incremental update")
	}
	return out.Bytes()
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

func qpdfCheck(t *testing.T, f string) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Fatal("qpdf not found: run ./scripts/test-deps.sh (see README)")
	}
	if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check %s: %v\n%s", f, err, out)
	}
}

// TestSeedsSignerThenOrganisation signs every seed document as the signer
// and then as the organisation, and has poppler verify both signatures.
func TestSeedsSignerThenOrganisation(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	sKey, sChain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	oKey, oChain := ca.Leaf(t, "Ủy ban nhân dân quận Cái Răng", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	for _, e := range signtest.Seeds() {
		t.Run(e.Name, func(t *testing.T) {
			doc, err := bhytdoc.RenderPDF(e.Doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			areas, err := sign.Areas(bytes.NewReader(doc), int64(len(doc)))
			if err != nil {
				t.Fatal(err)
			}
			if want := 2 * len(e.Doc.Signatures); len(areas) != want {
				t.Fatalf("%d areas recorded, want %d: %+v", len(areas), want, areas)
			}
			one := signBytes(t, doc, sKey, sChain, sign.Options{Role: sign.Signer, Reason: "Ký ban hành", Location: "Cái Răng"})
			f1 := writeTemp(t, "signed1.pdf", one)
			sigs := signtest.Pdfsig(t, f1)
			if len(sigs) != 1 || !sigs[0].Valid || !sigs[0].Total {
				t.Fatalf("after the signer: %+v", sigs)
			}
			two := signBytes(t, one, oKey, oChain, sign.Options{Role: sign.Organisation})
			f2 := writeTemp(t, "signed2.pdf", two)
			sigs = signtest.Pdfsig(t, f2)
			if len(sigs) != 2 {
				t.Fatalf("after the organisation: %d signatures: %+v", len(sigs), sigs)
			}
			for i, s := range sigs {
				if !s.Valid {
					t.Errorf("signature %d not valid:\n%s", i+1, s.Text)
				}
			}
			if sigs[0].Total || !sigs[1].Total {
				t.Errorf("the first signature should cover the first revision only, the second the whole file:\n%s\n%s", sigs[0].Text, sigs[1].Text)
			}
			qpdfCheck(t, f2)
		})
	}
}

// failWriter records whether anything was written.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

func TestTamperedByteInvalidates(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	signed := signBytes(t, signtest.Letter(t), key, chain, sign.Options{})
	if s := signtest.Pdfsig(t, writeTemp(t, "ok.pdf", signed)); len(s) != 1 || !s[0].Valid {
		t.Fatalf("untouched: %+v", s)
	}
	// A byte of page content, well inside the first signed range.
	i := bytes.Index(signed, []byte("stream\n")) + 200
	bad := bytes.Clone(signed)
	bad[i] ^= 0x01
	sigs := signtest.Pdfsig(t, writeTemp(t, "bad.pdf", bad))
	if len(sigs) != 1 {
		t.Fatalf("tampered: %d signatures reported", len(sigs))
	}
	if sigs[0].Valid || !strings.Contains(sigs[0].Text, "Signature Validation: ") {
		t.Errorf("pdfsig still accepts the tampered file:\n%s", sigs[0].Text)
	}
}

func TestCertificateNotValidAtSigningTime(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	doc := signtest.Letter(t)
	for _, c := range []struct {
		name      string
		from, to  time.Time
		at        time.Time
		wantWords string
	}{
		{"expired", now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0), time.Time{}, "expired at"},
		{"not yet valid", now.AddDate(0, 1, 0), now.AddDate(1, 0, 0), time.Time{}, "not valid before"},
		{"expired at the given time", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), now.AddDate(2, 0, 0), "expired at"},
		// Backdating does not help: the CMS signing time is the clock's.
		{"backdated", now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0), now.AddDate(0, -18, 0), "expired at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			key, chain := ca.Leaf(t, "Hết Hạn", c.from, c.to, false)
			var w failWriter
			err := sign.PDF(&w, bytes.NewReader(doc), int64(len(doc)), key, chain, sign.Options{Time: c.at})
			var ce *sign.CertificateError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), c.wantWords) || !strings.Contains(err.Error(), "+07:00") {
				t.Errorf("error %v, want a *CertificateError saying %q in +07:00", err, c.wantWords)
			}
			if w.n != 0 {
				t.Errorf("%d bytes written on error", w.n)
			}
		})
	}
}

func TestSigningTimeInVietnamZone(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	at := time.Date(now.Year(), now.Month(), now.Day(), 2, 30, 5, 0, time.UTC)
	signed := signBytes(t, signtest.Letter(t), key, chain, sign.Options{Time: at})
	want := at.In(time.FixedZone("", 7*3600)).Format("20060102150405") + "+07'00'"
	if !bytes.Contains(signed, []byte("/M (D:"+want+")")) {
		t.Errorf("no /M (D:%s) in the signature dictionary", want)
	}
}

func TestPKCS12(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	p12 := signtest.P12(t, key, chain, "mật khẩu đúng")
	if _, _, err := sign.LoadPKCS12(p12, "sai"); !errors.Is(err, sign.ErrPassword) {
		t.Errorf("wrong password: %v, want ErrPassword", err)
	}
	k2, c2, err := sign.LoadPKCS12(p12, "mật khẩu đúng")
	if err != nil {
		t.Fatal(err)
	}
	if len(c2) != 2 || !c2[0].Equal(chain[0]) || !c2[1].Equal(chain[1]) {
		t.Errorf("chain not read back in order")
	}
	signed := signBytes(t, signtest.Letter(t), k2, c2, sign.Options{})
	if s := signtest.Pdfsig(t, writeTemp(t, "p12.pdf", signed)); len(s) != 1 || !s[0].Valid || !s[0].Total {
		t.Errorf("signed with a PKCS#12 key: %+v", s)
	}
	if _, _, err := sign.LoadPKCS12([]byte("not a p12"), "x"); err == nil {
		t.Error("garbage accepted as PKCS#12")
	}
}

func TestKeyNotMatchingCertificate(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, _ := ca.Leaf(t, "A", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	_, chain := ca.Leaf(t, "B", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	var w failWriter
	err := sign.PDF(&w, bytes.NewReader(doc), int64(len(doc)), key, chain, sign.Options{})
	var oe *sign.OptionError
	if !errors.As(err, &oe) || oe.Field != "chain" || w.n != 0 {
		t.Errorf("got %v (%d bytes written), want an OptionError for chain", err, w.n)
	}
}

// TestAreas checks the recorded areas against Decree 30's placement: the
// seal over the left part of the signature image, both on the page.
func TestAreas(t *testing.T) {
	doc := signtest.Letter(t)
	as, err := sign.Areas(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 || as[0].Role != sign.Signer || as[1].Role != sign.Organisation {
		t.Fatalf("areas %+v", as)
	}
	s, o := as[0].Rect, as[1].Rect
	if as[0].Page != as[1].Page {
		t.Errorf("signature on page %d, seal on page %d", as[0].Page, as[1].Page)
	}
	const a4w, a4h = 595.28, 841.89
	for _, r := range []sign.Rect{s, o} {
		if r.Empty() || r.X0 < 0 || r.Y0 < 0 || r.X1 > a4w || r.Y1 > a4h {
			t.Errorf("rect %v not on an A4 page", r)
		}
	}
	sc, oc := (s.X0+s.X1)/2, (o.X0+o.X1)/2
	if !(oc < sc && o.X1 > s.X0 && o.X0 < s.X0+(s.X1-s.X0)/2) {
		t.Errorf("seal %v does not cover the left part of the signature image %v", o, s)
	}
}

// TestExplicitRect signs with an explicit page and rectangle, which are
// checked; a block the document does not record needs them.
func TestExplicitRect(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	d := signtest.Seeds()[0].Doc
	for i := range d.Signatures {
		d.Signatures[i].Image, d.Signatures[i].Seal = nil, nil
	}
	plain, err := bhytdoc.RenderPDF(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	var w failWriter
	err = sign.PDF(&w, bytes.NewReader(plain), int64(len(plain)), key, chain, sign.Options{Block: 3})
	var ae *sign.AreaError
	if !errors.As(err, &ae) || w.n != 0 {
		t.Errorf("no area and no rect: %v", err)
	}
	for _, o := range []sign.Options{
		{Page: 9, Rect: sign.Rect{300, 400, 400, 450}},
		{Page: 1, Rect: sign.Rect{500, 400, 700, 450}},
		{Rect: sign.Rect{300, 400, 400, 450}},
		{Page: 1, Rect: sign.Rect{300, 400, 200, 450}},
	} {
		var oe *sign.OptionError
		if err := sign.PDF(&w, bytes.NewReader(plain), int64(len(plain)), key, chain, o); !errors.As(err, &oe) || w.n != 0 {
			t.Errorf("%+v: %v, want an OptionError", o, err)
		}
	}
	signed := signBytes(t, plain, key, chain, sign.Options{Page: 1, Rect: sign.Rect{360, 700, 560, 760}, Appearance: signtest.SignatureImage(), Name: "Nguyễn Văn Sĩ", Reason: "Phê duyệt (lần 1)"})
	sigs := signtest.Pdfsig(t, writeTemp(t, "rect.pdf", signed))
	if len(sigs) != 1 || !sigs[0].Valid || !sigs[0].Total {
		t.Errorf("explicit rect: %+v", sigs)
	}
	qpdfCheck(t, writeTemp(t, "rect.pdf", signed))
}

func TestText(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "A", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	for _, o := range []sign.Options{
		{Reason: "Đồng ý)"},
		{Location: "Hà Nội \\ Việt Nam"},
		{Name: strings.Repeat("ĩ", 600)},
		{Name: "\xff"},
	} {
		var oe *sign.OptionError
		var w failWriter
		if err := sign.PDF(&w, bytes.NewReader(doc), int64(len(doc)), key, chain, o); !errors.As(err, &oe) || w.n != 0 {
			t.Errorf("%+v: %v, want an OptionError", o, err)
		}
	}
}

func TestMalformedInput(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "A", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	for _, in := range [][]byte{nil, []byte("%PDF-1.4\nnot really"), doc[:len(doc)/2], bytes.ReplaceAll(doc, []byte("/Root"), []byte("/Rxot"))} {
		var w failWriter
		if err := sign.PDF(&w, bytes.NewReader(in), int64(len(in)), key, chain, sign.Options{}); err == nil || w.n != 0 {
			t.Errorf("%d bytes of bad input: err %v, %d bytes written", len(in), err, w.n)
		}
	}
}

// TestLargeRSAKeys signs with RSA keys whose signatures exceed the room
// pdfsign reserves by default.
func TestLargeRSAKeys(t *testing.T) {
	now := time.Now()
	for _, bits := range []int{3072, 4096} {
		key, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		tpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(bits)),
			Subject:      pkix.Name{CommonName: "Khóa RSA lớn"},
			NotBefore:    now.AddDate(0, -1, 0),
			NotAfter:     now.AddDate(1, 0, 0),
		}
		der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, key.Public(), key)
		if err != nil {
			t.Fatal(err)
		}
		cert, _ := x509.ParseCertificate(der)
		one := signBytes(t, signtest.Letter(t), key, []*x509.Certificate{cert}, sign.Options{})
		two := signBytes(t, one, key, []*x509.Certificate{cert}, sign.Options{Role: sign.Organisation})
		sigs := signtest.Pdfsig(t, writeTemp(t, "rsa.pdf", two))
		if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid || !sigs[1].Total {
			t.Errorf("RSA-%d: %+v", bits, sigs)
		}
	}
}

// TestRSA8192 signs with an RSA-8192 key (made once with openssl genrsa:
// generating one takes a minute) twice over, with no log line from the
// libraries, and pdfsig accepts both signatures (issue 18.2).
func TestRSA8192(t *testing.T) {
	pemData, err := os.ReadFile("testdata/rsa8192.pem")
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(pemData)
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	key := k.(*rsa.PrivateKey)
	now := time.Now()
	tpl := &x509.Certificate{
		SerialNumber: big.NewInt(8192),
		Subject:      pkix.Name{CommonName: "Khóa RSA 8192"},
		NotBefore:    now.AddDate(0, -1, 0),
		NotAfter:     now.AddDate(1, 0, 0),
	}
	ca := signtest.NewCA(t)
	der, err := x509.CreateCertificate(rand.Reader, tpl, ca.Cert, key.Public(), ca.Key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	chain := []*x509.Certificate{cert, ca.Cert}
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	one := signBytes(t, signtest.Letter(t), key, chain, sign.Options{})
	two := signBytes(t, one, key, chain, sign.Options{Role: sign.Organisation})
	if logged.Len() > 0 {
		t.Errorf("the libraries logged: %s", logged.String())
	}
	sigs := signtest.Pdfsig(t, writeTemp(t, "rsa8192.pdf", two))
	if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid || !sigs[1].Total {
		t.Errorf("RSA-8192: %+v", sigs)
	}
}

// TestEd25519Refused: the CMS library would sign an Ed25519 key over a
// SHA-256 digest, which RFC 8419 forbids; the key is refused, naming it,
// and nothing is written (issue 18.2).
func TestEd25519Refused(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tpl := &x509.Certificate{SerialNumber: big.NewInt(25519), Subject: pkix.Name{CommonName: "Ed25519"},
		NotBefore: now.AddDate(0, -1, 0), NotAfter: now.AddDate(1, 0, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, pub, priv)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	doc := signtest.Letter(t)
	var w failWriter
	err = sign.PDF(&w, bytes.NewReader(doc), int64(len(doc)), priv, []*x509.Certificate{cert}, sign.Options{})
	var oe *sign.OptionError
	if !errors.As(err, &oe) || oe.Field != "signer" || !strings.Contains(err.Error(), "Ed25519") || w.n != 0 {
		t.Errorf("err %v, %d bytes written", err, w.n)
	}
}

// TestConcurrent signs the same document from several goroutines with
// one key; each result verifies.
func TestConcurrent(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	outs := make([][]byte, 4)
	errs := make([]error, len(outs))
	done := make(chan int)
	for i := range outs {
		go func() {
			var b bytes.Buffer
			errs[i] = sign.PDF(&b, bytes.NewReader(doc), int64(len(doc)), key, chain, sign.Options{Role: sign.Role(i % 2)})
			outs[i] = b.Bytes()
			done <- i
		}()
	}
	for range outs {
		<-done
	}
	for i, out := range outs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if s := signtest.Pdfsig(t, writeTemp(t, "c.pdf", out)); len(s) != 1 || !s[0].Valid || !s[0].Total {
			t.Errorf("goroutine %d: %+v", i, s)
		}
	}
}

// TestJointDocument signs the second signature block of a joint document
// (two issuing signers), found by Options.Block.
func TestJointDocument(t *testing.T) {
	d := signtest.Seeds()[0].Doc
	second := d.Signatures[0]
	second.Name = "Trần Văn Sĩ"
	second.Image, second.Seal = signtest.SignatureImage(), signtest.SealImage()
	d.Signatures = append(d.Signatures, second)
	doc, err := bhytdoc.RenderPDF(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := sign.Areas(bytes.NewReader(doc), int64(len(doc)))
	if err != nil || len(as) != 4 {
		t.Fatalf("areas %+v, %v", as, err)
	}
	var block1 sign.Area
	for _, a := range as {
		if a.Block == 1 && a.Role == sign.Signer {
			block1 = a
		}
	}
	// The second block is printed on the left.
	if block1.Rect.X1 > 595.28/2 {
		t.Errorf("block 1's signature image %v is not in the left half", block1.Rect)
	}
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Trần Văn Sĩ", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	one := signBytes(t, doc, key, chain, sign.Options{Block: 1})
	two := signBytes(t, one, key, chain, sign.Options{Block: 0})
	sigs := signtest.Pdfsig(t, writeTemp(t, "joint.pdf", two))
	if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid || !sigs[1].Total {
		t.Errorf("pdfsig: %+v", sigs)
	}
	var w failWriter
	var ae *sign.AreaError
	if err := sign.PDF(&w, bytes.NewReader(doc), int64(len(doc)), key, chain, sign.Options{Block: 2}); !errors.As(err, &ae) || w.n != 0 {
		t.Errorf("block 2: %v", err)
	}
}
