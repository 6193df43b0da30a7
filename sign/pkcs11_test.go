//go:build pkcs11

package sign_test

import (
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ThalesGroup/crypto11"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// softhsmModule is Debian's SoftHSM2 PKCS#11 module.
const softhsmModule = "/usr/lib/softhsm/libsofthsm2.so"

// TestPKCS11SoftHSM initialises a SoftHSM2 token in a temporary
// directory with an RSA-2048 and an ECDSA P-256 key and their
// certificates, signs the letter with each through OpenPKCS11 (pdfsig
// validates both), and checks a wrong PIN (one try, ErrPIN), a missing
// token and a module that is not a PKCS#11 library.
func TestPKCS11SoftHSM(t *testing.T) {
	if _, err := os.Stat(softhsmModule); err != nil {
		t.Fatal("SoftHSM2 not installed: run ./scripts/test-deps.sh")
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "softhsm2.conf")
	os.Mkdir(filepath.Join(dir, "tokens"), 0o700)
	os.WriteFile(conf, []byte("directories.tokendir = "+filepath.Join(dir, "tokens")+"\nobjectstore.backend = file\nlog.level = ERROR\n"), 0o600)
	t.Setenv("SOFTHSM2_CONF", conf)
	if b, err := exec.Command("softhsm2-util", "--init-token", "--free", "--label", "bhytdoc", "--pin", "123456", "--so-pin", "654321").CombinedOutput(); err != nil {
		t.Fatalf("softhsm2-util: %v\n%s", err, b)
	}
	ca := signtest.NewCA(t)
	now := time.Now()
	ctx, err := crypto11.Configure(&crypto11.Config{Path: softhsmModule, TokenLabel: "bhytdoc", Pin: "123456"})
	if err != nil {
		t.Fatal(err)
	}
	issue := func(label string, key crypto11.Signer) {
		tpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(len(label))),
			Subject:      pkix.Name{CommonName: "Vương Công Khanh (" + label + ")", Organization: []string{"Ủy ban nhân dân quận Cái Răng"}},
			NotBefore:    now.AddDate(0, -1, 0), NotAfter: now.AddDate(1, 0, 0),
			KeyUsage: x509.KeyUsageDigitalSignature,
		}
		der, err := x509.CreateCertificate(rand.Reader, tpl, ca.Cert, key.Public(), ca.Key)
		if err != nil {
			t.Fatal(err)
		}
		cert, _ := x509.ParseCertificate(der)
		if err := ctx.ImportCertificateWithLabel([]byte(label), []byte(label), cert); err != nil {
			t.Fatal(err)
		}
	}
	rsaKey, err := ctx.GenerateRSAKeyPairWithLabel([]byte("rsa"), []byte("rsa"), 2048)
	if err != nil {
		t.Fatal(err)
	}
	issue("rsa", rsaKey)
	ecKey, err := ctx.GenerateECDSAKeyPairWithLabel([]byte("ec"), []byte("ec"), elliptic.P256())
	if err != nil {
		t.Fatal(err)
	}
	issue("ec", ecKey)
	if err := ctx.Close(); err != nil {
		t.Fatal(err)
	}

	doc := signtest.Letter(t)
	for _, label := range []string{"rsa", "ec"} {
		tok, err := sign.OpenPKCS11(softhsmModule, "bhytdoc", label, "123456")
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		chain := append(tok.Chain, ca.Cert)
		signed := signBytes(t, doc, tok.Signer, chain, sign.Options{})
		tok.Close()
		if s := signtest.Pdfsig(t, writeTemp(t, label+".pdf", signed)); len(s) != 1 || !s[0].Valid || !s[0].Total {
			t.Errorf("%s: pdfsig %+v", label, s)
		}
	}

	if _, err := sign.OpenPKCS11(softhsmModule, "bhytdoc", "rsa", "000000"); !errors.Is(err, sign.ErrPIN) {
		t.Errorf("wrong PIN: %v", err)
	}
	// The token still opens: one wrong try did not lock it.
	if tok, err := sign.OpenPKCS11(softhsmModule, "bhytdoc", "rsa", "123456"); err != nil {
		t.Errorf("after one wrong PIN: %v", err)
	} else {
		tok.Close()
	}
	if _, err := sign.OpenPKCS11(softhsmModule, "no-such-token", "rsa", "123456"); err == nil {
		t.Error("missing token: no error")
	} else {
		t.Log(err)
	}
	if _, err := sign.OpenPKCS11(conf, "bhytdoc", "rsa", "123456"); err == nil || !strings.Contains(err.Error(), "is not a PKCS#11 module") {
		t.Errorf("not a module: %v", err)
	}
}
