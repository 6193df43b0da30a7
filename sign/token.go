package sign

import (
	"crypto"
	"crypto/x509"
	"errors"
)

// ErrPIN is returned by OpenPKCS11 for a wrong PIN.
var ErrPIN = errors.New("sign: PKCS#11: wrong PIN (tried once; the token counts failed tries)")

// ErrNoPKCS11 is returned by OpenPKCS11 in a build without PKCS#11
// support (the default: it needs cgo; build with -tags pkcs11).
var ErrNoPKCS11 = errors.New("sign: this bhytdoc was built without PKCS#11 support; build it with CGO_ENABLED=1 go build -tags pkcs11")

// Token is a key on a PKCS#11 token and its certificate, opened by
// OpenPKCS11; Signer and Chain go to PDF.
type Token struct {
	Signer crypto.Signer
	Chain  []*x509.Certificate
	close  func() error
}

// Close logs out of the token.
func (t *Token) Close() error {
	if t == nil || t.close == nil {
		return nil
	}
	return t.close()
}
