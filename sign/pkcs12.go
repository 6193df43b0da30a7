package sign

import (
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"

	"software.sslmate.com/src/go-pkcs12"
)

// ErrPassword is returned (wrapped) by LoadPKCS12 for a wrong password.
var ErrPassword = errors.New("sign: PKCS#12: wrong password")

// MaxPKCS12 is the largest PKCS#12 file LoadPKCS12 accepts, in bytes.
const MaxPKCS12 = 1 << 20

// LoadPKCS12 decodes a PKCS#12 (.p12, .pfx) file holding a private key
// and its certificate chain, as exported by browsers, OpenSSL 3 and
// Windows. It returns the key and the chain with the key's certificate
// first, ready for PDF.
func LoadPKCS12(data []byte, password string) (crypto.Signer, []*x509.Certificate, error) {
	if len(data) > MaxPKCS12 {
		return nil, nil, fmt.Errorf("sign: PKCS#12: %d bytes, more than the %d accepted", len(data), MaxPKCS12)
	}
	key, cert, cas, err := pkcs12.DecodeChain(data, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return nil, nil, ErrPassword
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sign: PKCS#12: %w", err)
	}
	s, ok := key.(crypto.Signer)
	if !ok {
		return nil, nil, fmt.Errorf("sign: PKCS#12: a %T key cannot sign", key)
	}
	return s, append([]*x509.Certificate{cert}, cas...), nil
}
