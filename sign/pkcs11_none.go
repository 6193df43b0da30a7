//go:build !pkcs11

package sign

// PKCS11Available reports whether this build can use PKCS#11 tokens
// (built with -tags pkcs11, which needs cgo).
const PKCS11Available = false

// OpenPKCS11 returns ErrNoPKCS11: this build has no PKCS#11 support.
func OpenPKCS11(module, tokenLabel, keyLabel, pin string) (*Token, error) {
	return nil, ErrNoPKCS11
}
