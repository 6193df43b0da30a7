//go:build !pkcs11

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSignTokenWithoutSupport: the default (cgo-free) build refuses
// --pkcs11-module clearly and writes nothing.
func TestSignTokenWithoutSupport(t *testing.T) {
	f := newSignFixture(t)
	out := filepath.Join(f.dir, "out.pdf")
	code, _, errs := runCLI("sign", f.letter, "--pkcs11-module", "/usr/lib/softhsm/libsofthsm2.so", "--token-label", "t", "--key-label", "k", "--pin-file", f.pwFile, "--role", "signer", "-o", out)
	if code == exitOK || !strings.Contains(errs, "-tags pkcs11") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("wrote the output")
	}
}
