package main

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
)

// TestSignPrepareComplete signs the letter in two steps with openssl cms
// -sign as the outside signer: the digest handed out is the SHA-256 of
// the bytes the byte range covers, the completed file verifies in
// pdfsig, and a CMS over other bytes, by another certificate or
// truncated is refused with nothing written.
func TestSignPrepareComplete(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl not installed")
	}
	f := newSignFixture(t)
	ca := signtest.NewCA(t)
	now := time.Now()
	write := func(name string, b []byte) string {
		p := filepath.Join(f.dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pemFiles := func(name string, rsaKey bool) (keyFile, certFile string) {
		key, chain := ca.Leaf(t, name, now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), rsaKey)
		der, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			t.Fatal(err)
		}
		keyFile = write(name+".key", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
		var certs []byte
		for _, c := range chain {
			certs = append(certs, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
		}
		return keyFile, write(name+".pem", certs)
	}
	key, cert := pemFiles("Vương Công Khanh", true)
	_, other := pemFiles("Người Khác", false)

	prepared, digest := filepath.Join(f.dir, "prepared.pdf"), filepath.Join(f.dir, "d.bin")
	if code, _, errs := runCLI("sign", "prepare", f.letter, "-o", prepared, "--digest-out", digest, "--name", "Vương Công Khanh"); code != exitOK {
		t.Fatalf("prepare: exit %d\n%s", code, errs)
	}
	p, _ := os.ReadFile(prepared)
	d, _ := os.ReadFile(digest)
	var r [4]int
	i := bytes.LastIndex(p, []byte("/ByteRange ["))
	if _, err := fmt.Sscanf(string(p[i:]), "/ByteRange [%d %d %d %d]", &r[0], &r[1], &r[2], &r[3]); err != nil {
		t.Fatal(err)
	}
	content := append(bytes.Clone(p[:r[1]]), p[r[2]:]...)
	if sum := sha256.Sum256(content); !bytes.Equal(sum[:], d) || r[2]+r[3] != len(p) {
		t.Fatalf("digest %x is not the SHA-256 of the byte range %v", d, r)
	}
	cmsSign := func(name string, in []byte) string {
		inFile := write(name+".in", in)
		out := filepath.Join(f.dir, name+".p7s")
		cmd := exec.Command("openssl", "cms", "-sign", "-binary", "-md", "sha256", "-in", inFile, "-signer", cert, "-inkey", key, "-outform", "DER", "-out", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("openssl cms -sign: %v\n%s", err, b)
		}
		return out
	}
	good := cmsSign("good", content)
	wrong := cmsSign("wrong", append([]byte("x"), content...))
	g, _ := os.ReadFile(good)
	truncated := write("truncated.p7s", g[:len(g)/2])

	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"other digest", []string{"--cms", wrong}, "another digest"},
		{"other certificate", []string{"--cms", good, "--cert", other}, "not by"},
		{"truncated", []string{"--cms", truncated}, "not a PKCS#7"},
	} {
		out := filepath.Join(f.dir, "bad.pdf")
		code, _, errs := runCLI(append([]string{"sign", "complete", prepared, "-o", out}, c.args...)...)
		if code == exitOK || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, want an error with %q:\n%s", c.name, code, c.want, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: wrote %s", c.name, out)
		}
	}

	out := filepath.Join(f.dir, "signed.pdf")
	if code, _, errs := runCLI("sign", "complete", prepared, "--cms", good, "--cert", cert, "-o", out); code != exitOK {
		t.Fatalf("complete: exit %d\n%s", code, errs)
	}
	sigs := signtest.Pdfsig(t, out)
	if len(sigs) != 1 || !sigs[0].Valid || !sigs[0].Total {
		t.Errorf("pdfsig: %+v", sigs)
	}
}
