package main

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
)

// TestVerify signs the letter as the signer then the organisation and
// checks "bhytdoc verify" against pdfsig: both valid with the CA as
// root, roles from the record; a tampered copy and an untrusted root
// give exit 1.
func TestVerify(t *testing.T) {
	dir := t.TempDir()
	ca := signtest.NewCA(t)
	now := time.Now()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	letter := write("898.pdf", signtest.Letter(t))
	pw := write("pw.txt", []byte("pw\n"))
	k, c := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	signer := write("s.p12", signtest.P12(t, k, c, "pw"))
	k, c = ca.Leaf(t, "Văn thư", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	org := write("o.p12", signtest.P12(t, k, c, "pw"))
	roots := write("roots.pem", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Cert.Raw}))
	other := write("other.pem", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: signtest.NewCA(t).Cert.Raw}))
	one, two := filepath.Join(dir, "1.pdf"), filepath.Join(dir, "2.pdf")
	if code, _, errs := runCLI("sign", letter, "--p12", signer, "--password-file", pw, "--role", "signer", "-o", one); code != exitOK {
		t.Fatal(errs)
	}
	if code, _, errs := runCLI("sign", one, "--p12", org, "--password-file", pw, "--role", "organisation", "-o", two); code != exitOK {
		t.Fatal(errs)
	}

	code, out, errs := runCLI("verify", two, "--roots", roots)
	if code != exitOK || strings.Count(out, "HỢP LỆ") != 2 || !strings.Contains(out, "Vai trò: người ký") || !strings.Contains(out, "Vai trò: cơ quan, tổ chức") {
		t.Errorf("verify: exit %d\n%s%s", code, out, errs)
	}
	sigs := signtest.Pdfsig(t, two)
	if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid {
		t.Errorf("pdfsig disagrees: %+v", sigs)
	}
	code, out, _ = runCLI("verify", two, "--roots", roots, "--json", "--lang", "en")
	var js struct {
		Valid      bool
		Signatures []struct {
			Signer, Role  string
			WholeDocument bool `json:"whole_document"`
			ChangedAfter  bool `json:"changed_after"`
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || code != exitOK || !js.Valid || len(js.Signatures) != 2 ||
		js.Signatures[0].Role != "signer" || js.Signatures[0].WholeDocument || js.Signatures[0].ChangedAfter ||
		js.Signatures[1].Role != "organisation" || !js.Signatures[1].WholeDocument || js.Signatures[0].Signer != "Vương Công Khanh" {
		t.Errorf("--json: exit %d, %v\n%s", code, err, out)
	}

	// Untrusted root.
	if code, out, _ := runCLI("verify", two, "--roots", other, "--lang", "en"); code != exitInvalid || !strings.Contains(out, "Chains to the trusted roots: no") {
		t.Errorf("untrusted root: exit %d\n%s", code, out)
	}
	// A flipped byte of page content, inside both signed ranges.
	b, _ := os.ReadFile(two)
	i := bytes.Index(b, []byte("stream\n")) + 200
	b[i] ^= 1
	bad := write("bad.pdf", b)
	if code, out, _ := runCLI("verify", bad, "--roots", roots, "--lang", "en"); code != exitInvalid || strings.Count(out, "Signature matches the content: no") != 2 {
		t.Errorf("tampered: exit %d\n%s", code, out)
	}
	if s := signtest.Pdfsig(t, bad); len(s) != 2 || s[0].Valid || s[1].Valid {
		t.Errorf("pdfsig on the tampered copy: %+v", s)
	}
	// Bytes appended after the last signature: changed after signing.
	app := write("app.pdf", append(bytes.Clone(mustRead(t, two)), []byte("\n% appended\n")...))
	if code, out, _ := runCLI("verify", app, "--roots", roots, "--lang", "en"); code != exitInvalid || !strings.Contains(out, "Changed after signing: yes") {
		t.Errorf("appended: exit %d\n%s", code, out)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
