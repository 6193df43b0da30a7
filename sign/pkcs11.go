//go:build pkcs11

package sign

import (
	"crypto/x509"
	"errors"
	"fmt"
	"strings"

	"github.com/ThalesGroup/crypto11"
)

// PKCS11Available reports whether this build can use PKCS#11 tokens
// (built with -tags pkcs11, which needs cgo).
const PKCS11Available = true

// OpenPKCS11 logs in to the token labelled tokenLabel through the
// PKCS#11 module (a .so path) with pin, once — a wrong PIN is ErrPIN,
// never retried, so a token's lockout counter moves by one — and finds
// the key labelled keyLabel and the certificate with the same label.
// Close the token when done.
func OpenPKCS11(module, tokenLabel, keyLabel, pin string) (*Token, error) {
	ctx, err := crypto11.Configure(&crypto11.Config{Path: module, TokenLabel: tokenLabel, Pin: pin})
	if err != nil {
		msg := err.Error()
		switch {
		case strings.Contains(msg, "CKR_PIN_INCORRECT") || strings.Contains(msg, "CKR_PIN_LEN_RANGE"):
			return nil, ErrPIN
		case strings.Contains(msg, "CKR_PIN_LOCKED"):
			return nil, errors.New("sign: PKCS#11: the token's PIN is locked")
		case strings.Contains(msg, "could not find PKCS#11 token"):
			return nil, fmt.Errorf("sign: PKCS#11: no token labelled %q in %s", tokenLabel, module)
		case strings.Contains(msg, "failed to create module context") || strings.Contains(msg, "failed to open module"):
			return nil, fmt.Errorf("sign: PKCS#11: %s is not a PKCS#11 module: %v", module, err)
		}
		return nil, fmt.Errorf("sign: PKCS#11: %w", err)
	}
	key, err := ctx.FindKeyPair(nil, []byte(keyLabel))
	if err == nil && key == nil {
		err = fmt.Errorf("no key labelled %q on token %q", keyLabel, tokenLabel)
	}
	var cert *x509.Certificate
	if err == nil {
		cert, err = ctx.FindCertificate(nil, []byte(keyLabel), nil)
		if err == nil && cert == nil {
			err = fmt.Errorf("no certificate labelled %q on token %q", keyLabel, tokenLabel)
		}
	}
	if err != nil {
		ctx.Close()
		return nil, fmt.Errorf("sign: PKCS#11: %w", err)
	}
	return &Token{Signer: key, Chain: []*x509.Certificate{cert}, close: ctx.Close}, nil
}
