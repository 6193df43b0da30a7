package main

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/ostest"
	"github.com/bhytdoc/bhytdoc/internal/signtest"
)

// signFixture writes the Cái Răng letter (with signature and seal
// images), a signer's and an organisation's .p12 and a password file.
type signFixture struct {
	dir, letter, signerP12, orgP12, expiredP12, pwFile string
}

const testPassword = "Mật khẩu 123"

func newSignFixture(t *testing.T) signFixture {
	t.Helper()
	dir := t.TempDir()
	ca := signtest.NewCA(t)
	now := time.Now()
	f := signFixture{dir: dir}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.letter = write("898-UBND.pdf", signtest.Letter(t))
	k, c := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	f.signerP12 = write("signer.p12", signtest.P12(t, k, c, testPassword))
	k, c = ca.Leaf(t, "Ủy ban nhân dân quận Cái Răng", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	f.orgP12 = write("org.p12", signtest.P12(t, k, c, testPassword))
	k, c = ca.Leaf(t, "Hết Hạn", now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0), false)
	f.expiredP12 = write("expired.p12", signtest.P12(t, k, c, testPassword))
	f.pwFile = write("password.txt", []byte(testPassword+"\n"))
	return f
}

func TestSignSignerThenOrganisation(t *testing.T) {
	f := newSignFixture(t)
	one := filepath.Join(f.dir, "out", "signed-1.pdf")
	code, out, errs := runCLI("sign", f.letter, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "-o", one, "--reason", "Ký ban hành")
	if code != exitOK {
		t.Fatalf("signer: exit %d\n%s", code, errs)
	}
	if strings.TrimSpace(out) != one {
		t.Errorf("printed %q, want the output path", out)
	}
	two := filepath.Join(f.dir, "out", "signed-2.pdf")
	code, _, errs = runCLI("sign", one, "--p12", f.orgP12, "--password-file", f.pwFile, "--role", "organisation", "-o", two)
	if code != exitOK {
		t.Fatalf("organisation: exit %d\n%s", code, errs)
	}
	sigs := signtest.Pdfsig(t, two)
	if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid || !sigs[1].Total {
		t.Errorf("pdfsig: %+v", sigs)
	}
	if ents, _ := os.ReadDir(filepath.Dir(two)); len(ents) != 2 {
		t.Errorf("stray files beside the outputs: %v", ents)
	}
}

// appearanceStream returns the decompressed content stream of the last
// form XObject in the PDF b, as pdfsign writes the appearance.
func appearanceStream(t *testing.T, b []byte) []byte {
	t.Helper()
	i := bytes.LastIndex(b, []byte("/FormType 1"))
	if i < 0 {
		t.Fatal("no form XObject")
	}
	j := bytes.Index(b[i:], []byte(">>\nstream\n"))
	if j < 0 {
		t.Fatal("form XObject without a stream")
	}
	z, err := zlib.NewReader(bytes.NewReader(b[i+j+len(">>\nstream\n"):]))
	if err != nil {
		t.Fatal(err)
	}
	c, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSignNoInfo: --no-info leaves the appearance empty; by default it
// draws the signing information, filled outlines.
func TestSignNoInfo(t *testing.T) {
	f := newSignFixture(t)
	for _, c := range []struct {
		flag  []string
		empty bool
	}{{nil, false}, {[]string{"--no-info"}, true}} {
		out := filepath.Join(f.dir, "signed.pdf")
		args := append([]string{"sign", f.letter, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "-o", out}, c.flag...)
		if code, _, errs := runCLI(args...); code != exitOK {
			t.Fatalf("%v: exit %d\n%s", c.flag, code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		ap := appearanceStream(t, b)
		if fills := bytes.Count(ap, []byte("\nf\n")); (fills == 0) != c.empty || !c.empty && fills < 30 {
			t.Errorf("%v: appearance fills %d outlines (want empty: %v)\n%.200s", c.flag, fills, c.empty, ap)
		}
		if err := os.Remove(out); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSignRefuses checks that every refusal writes no file and exits
// with the documented status.
func TestSignRefuses(t *testing.T) {
	f := newSignFixture(t)
	wrongPw := filepath.Join(f.dir, "wrong.txt")
	if err := os.WriteFile(wrongPw, []byte("sai mật khẩu\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bigPw := filepath.Join(f.dir, "big.txt")
	if err := os.WriteFile(bigPw, bytes.Repeat([]byte("x"), maxPassword+1), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(f.dir, "letter.fifo")
	ostest.FIFO(t, fifo, 0o600)
	out := filepath.Join(f.dir, "out", "signed.pdf")
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"wrong password", []string{f.letter, "--p12", f.signerP12, "--password-file", wrongPw, "--role", "signer"}, exitInvalid, "wrong password"},
		{"expired", []string{f.letter, "--p12", f.expiredP12, "--password-file", f.pwFile, "--role", "signer"}, exitInvalid, "expired at"},
		{"not a PDF", []string{f.pwFile, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer"}, exitInvalid, "password.txt"},
		{"missing p12", []string{f.letter, "--p12", filepath.Join(f.dir, "none.p12"), "--password-file", f.pwFile, "--role", "signer"}, exitInvalid, "none.p12"},
		{"bad role", []string{f.letter, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "clerk"}, exitUsage, "unknown role"},
		{"no role", []string{f.letter, "--p12", f.signerP12, "--password-file", f.pwFile}, exitUsage, "--role"},
		{"bad rect", []string{f.letter, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "--page", "1", "--rect", "1,2,3"}, exitUsage, "--rect"},
		{"rect off the page", []string{f.letter, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "--page", "1", "--rect", "500,10,900,60"}, exitInvalid, "--rect: "},
		{"two inputs", []string{f.letter, f.letter, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer"}, exitUsage, "exactly one"},
		{"password file too large", []string{f.letter, "--p12", f.signerP12, "--password-file", bigPw, "--role", "signer"}, exitInvalid, "larger than 4096 bytes"},
		{"FIFO as input", []string{fifo, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer"}, exitInvalid, "not a regular file (a FIFO)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runCLI(append([]string{"sign", "-o", out}, c.args...)...)
			if code != c.code || !strings.Contains(errs, c.msg) {
				t.Errorf("exit %d, want %d; stderr:\n%s\nwant it to mention %q", code, c.code, errs, c.msg)
			}
			if strings.Contains(errs, testPassword) || strings.Contains(errs, "sai mật khẩu") {
				t.Errorf("a password was printed:\n%s", errs)
			}
			if _, err := os.Stat(filepath.Dir(out)); err == nil {
				ents, _ := os.ReadDir(filepath.Dir(out))
				t.Errorf("files written: %v", ents)
			}
		})
	}
	// The input itself may not be the output.
	if code, _, _ := runCLI("sign", f.letter, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "-o", f.letter); code != exitUsage {
		t.Errorf("signing over the input: exit %d", code)
	}
}

// TestPasswordFromPipe reads the password as the first line of a
// standard input that is not a terminal.
func TestPasswordFromPipe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{testPassword + "\r\nrest", testPassword},
		{testPassword, testPassword},
		{"\n", ""},
	} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		go func() { w.WriteString(c.in); w.Close() }()
		var errb strings.Builder
		got, err := promptPassword(r, &errb, "k.p12")
		r.Close()
		if err != nil || got != c.want || errb.Len() != 0 {
			t.Errorf("%q: got %q, %v (prompt %q), want %q", c.in, got, err, errb.String(), c.want)
		}
	}
	r, w, _ := os.Pipe()
	w.Close()
	if _, err := promptPassword(r, &strings.Builder{}, "k.p12"); err == nil {
		t.Error("empty standard input: no error")
	}
	r.Close()
}

// TestSignAttachedAndImageless: an image-less letter signs as the signer
// without --page/--rect, and an annex in a separate file as the
// organisation with --attached-to; --attached-to with --role signer is
// refused, naming the flag.
func TestSignAttachedAndImageless(t *testing.T) {
	f := newSignFixture(t)
	d := signtest.Seeds()[0].Doc
	for i := range d.Signatures {
		d.Signatures[i].Image, d.Signatures[i].Seal = nil, nil
	}
	plain, err := bhytdoc.RenderPDF(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(f.dir, "plain.pdf")
	if err := os.WriteFile(in, plain, 0o600); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(f.dir, "signed.pdf")
	if code, _, errs := runCLI("sign", in, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "-o", one); code != exitOK {
		t.Fatalf("image-less letter: exit %d\n%s", code, errs)
	}
	annex := filepath.Join(f.dir, "annex.pdf")
	if code, _, errs := runCLI("sign", one, "--p12", f.orgP12, "--password-file", f.pwFile, "--role", "organisation", "--attached-to", "898/UBND-VX", "-o", annex); code != exitOK {
		t.Fatalf("--attached-to: exit %d\n%s", code, errs)
	}
	sigs := signtest.Pdfsig(t, annex)
	if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid || !sigs[1].Total {
		t.Errorf("pdfsig: %+v", sigs)
	}
	bad := filepath.Join(f.dir, "bad.pdf")
	code, _, errs := runCLI("sign", in, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "--attached-to", "898/UBND-VX", "-o", bad)
	if code != exitInvalid || !strings.Contains(errs, "--attached-to: ") {
		t.Errorf("--attached-to as signer: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a refused signature wrote its output")
	}
}
