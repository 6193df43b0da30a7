package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/guard"
	"github.com/bhytdoc/bhytdoc/internal/hostilepdf"
)

// TestHostilePDF runs info and sign on each hostile PDF of issue 18.1
// under the guard (10 s, 512 MiB): exit 1 with a "malformed PDF" message,
// nothing written.
func TestHostilePDF(t *testing.T) {
	f := newSignFixture(t)
	for _, c := range hostilepdf.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			in := filepath.Join(f.dir, c.Name+".pdf")
			if err := os.WriteFile(in, c.Data, 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(f.dir, c.Name+"-signed.pdf")
			for _, args := range [][]string{
				{"info", in},
				{"sign", in, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "-o", out},
			} {
				var code int
				var errs string
				guard.Run(t, 10*time.Second, 512<<20, func() {
					var so, se bytes.Buffer
					code = run(args, &so, &se)
					errs = se.String()
				})
				if code != exitInvalid || !strings.Contains(errs, "malformed PDF") {
					t.Errorf("%s: exit %d, want %d with a malformed PDF error:\n%s", args[0], code, exitInvalid, errs)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("sign wrote %s", out)
			}
		})
	}
}

// TestInfoEscapesControls: a record whose summary holds U+202E (which
// reverses what a terminal shows after it) and a C1 control prints them
// as JSON escapes, not raw (issue 18.3).
func TestInfoEscapesControls(t *testing.T) {
	f := newSignFixture(t)
	b, _ := os.ReadFile(f.letter)
	// Same byte length: the cross-reference stays right.
	bad := bytes.Replace(b, []byte("<bhytdoc:Summary>tăng"), []byte("<bhytdoc:Summary>\u202e\u0085"), 1)
	if bytes.Equal(bad, b) {
		t.Fatal("no summary in the letter's record")
	}
	in := filepath.Join(f.dir, "bidi.pdf")
	os.WriteFile(in, bad, 0o600)
	code, out, errs := runCLI("info", in)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if strings.ContainsAny(out, "\u202e\u0085") || !strings.Contains(out, `\u202e\u0085`) {
		t.Errorf("controls printed raw or lost:\n%s", out)
	}
}

// TestSignRecordedPageOutOfRange: a record placing the signature image
// on page 99999 of a 3-page letter is blamed on the record, not on
// --page, which the user never gave (issue 18.3).
func TestSignRecordedPageOutOfRange(t *testing.T) {
	f := newSignFixture(t)
	b, _ := os.ReadFile(f.letter)
	// Same byte length: four spaces of indentation pay for the digits.
	bad := bytes.Replace(b, []byte("     <rdf:li rdf:parseType=\"Resource\"><bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>3<"),
		[]byte(" <rdf:li rdf:parseType=\"Resource\"><bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>99999<"), 1)
	if bytes.Equal(bad, b) || len(bad) != len(b) {
		t.Fatal("no signer's area on page 3 in the letter's record")
	}
	in := filepath.Join(f.dir, "page.pdf")
	os.WriteFile(in, bad, 0o600)
	out := filepath.Join(f.dir, "out.pdf")
	code, _, errs := runCLI("sign", in, "--p12", f.signerP12, "--password-file", f.pwFile, "--role", "signer", "-o", out)
	if code == exitOK || strings.Contains(errs, "--page") || !strings.Contains(errs, "record") || !strings.Contains(errs, "99999") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("wrote %s", out)
	}
}
