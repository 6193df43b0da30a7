package sign

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/digitorus/pkcs7"
)

// DefaultCMSSize is the room Prepare reserves for the CMS when it is not
// given the certificate chain: enough for an RSA-4096 signature with a
// chain of three certificates and a timestamp.
const DefaultCMSSize = 32 << 10

// SignFunc makes a detached CMS (PKCS#7 SignedData, DER) over the
// SHA-256 digest it is given: a remote signing service, a token driven
// by another program. The CMS must carry the signer's certificate.
type SignFunc func(ctx context.Context, digest []byte) (cms []byte, err error)

// CMSError reports a CMS that cannot be embedded: not one, not over the
// prepared digest, or not by the certificate asked for.
type CMSError struct {
	Msg string // what is wrong with the CMS
}

// Error says what is wrong with the CMS.
func (e *CMSError) Error() string { return "sign: the CMS " + e.Msg }

// Prepare writes to dst the document src with a signature dictionary and
// /Contents reserved (zeros), placed as PDF places it, and returns the
// SHA-256 digest of the bytes the signature will cover: the first step
// of deferred signing. chain may be empty; when given, its certificate
// names the signer and sizes the reservation, else DefaultCMSSize is
// reserved. Complete embeds the CMS made over the digest.
func Prepare(dst io.Writer, src io.ReaderAt, size int64, chain []*x509.Certificate, opts Options) (digest []byte, err error) {
	n := DefaultCMSSize
	if len(chain) > 0 && chain[0] != nil {
		n = cmsSize(chain)
	}
	out, err := sign(src, size, nil, chain, &opts, &external{size: n, fn: func(signed []byte) ([]byte, error) {
		d := sha256.Sum256(signed)
		digest = d[:]
		return nil, nil
	}})
	if err != nil {
		return nil, err
	}
	if _, err := dst.Write(out); err != nil {
		return nil, err
	}
	return digest, nil
}

// PDFFunc signs like PDF, but the CMS is made by fn from the digest (a
// signing service). The CMS is checked (see Complete) before anything is
// written. chain is the signer's certificate and chain, and sizes the
// room reserved.
func PDFFunc(ctx context.Context, dst io.Writer, src io.ReaderAt, size int64, chain []*x509.Certificate, fn SignFunc, opts Options) error {
	if fn == nil {
		return &OptionError{"fn", "missing"}
	}
	if len(chain) == 0 || chain[0] == nil {
		return &OptionError{"chain", "missing the signing certificate"}
	}
	out, err := sign(src, size, nil, chain, &opts, &external{size: cmsSize(chain), fn: func(signed []byte) ([]byte, error) {
		d := sha256.Sum256(signed)
		cms, err := fn(ctx, d[:])
		if err != nil {
			return nil, err
		}
		if err := checkCMS(cms, signed, chain[0]); err != nil {
			return nil, err
		}
		return cms, nil
	}})
	if err != nil {
		return err
	}
	_, err = dst.Write(out)
	return err
}

// Complete embeds cms, a detached CMS over the digest Prepare returned,
// into the prepared document and writes the result to dst with a single
// Write. It checks first that the CMS verifies over the prepared bytes
// (so over that digest), that its certificate was valid at its signing
// time, and, when cert is not nil, that it was made by cert; on any
// error nothing is written.
func Complete(dst io.Writer, prepared []byte, cms []byte, cert *x509.Certificate) error {
	r, err := byteRange(prepared)
	if err != nil {
		return err
	}
	hole := prepared[r[1]+1 : r[2]-1]
	if len(bytes.Trim(hole, "0")) != 0 {
		return errors.New("sign: the prepared file's /Contents is not empty: it is signed already")
	}
	signed := make([]byte, 0, r[1]+r[3])
	signed = append(append(signed, prepared[:r[1]]...), prepared[r[2]:]...)
	if err := checkCMS(cms, signed, cert); err != nil {
		return err
	}
	if hex.EncodedLen(len(cms)) > len(hole) {
		return &CMSError{fmt.Sprintf("has %d bytes; the prepared file has room for %d", len(cms), len(hole)/2)}
	}
	out := bytes.Clone(prepared)
	hex.Encode(out[r[1]+1:], cms)
	_, err = dst.Write(out)
	return err
}

// checkCMS verifies cms as a detached signature over signed, by cert
// when cert is not nil.
func checkCMS(cms, signed []byte, cert *x509.Certificate) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &CMSError{fmt.Sprintf("is malformed: %v", p)}
		}
	}()
	if len(cms) == 0 {
		return &CMSError{"is empty"}
	}
	p7, err := pkcs7.Parse(cms)
	if err != nil {
		return &CMSError{fmt.Sprintf("is not a PKCS#7/CMS signature (truncated?): %v", err)}
	}
	if len(p7.Signers) != 1 {
		return &CMSError{fmt.Sprintf("has %d signers, want 1", len(p7.Signers))}
	}
	if len(p7.Content) != 0 {
		return &CMSError{"is not detached: it carries its content"}
	}
	signer := p7.GetOnlySigner()
	if signer == nil {
		return &CMSError{"does not carry the signer's certificate"}
	}
	if cert != nil && !signer.Equal(cert) {
		return &CMSError{fmt.Sprintf("is signed by %q, not by %q", signer.Subject.String(), cert.Subject.String())}
	}
	p7.Content = signed
	if err := p7.Verify(); err != nil {
		var md *pkcs7.MessageDigestMismatchError
		if errors.As(err, &md) {
			return &CMSError{"signs another digest than the prepared file's"}
		}
		return &CMSError{fmt.Sprintf("does not verify: %v", err)}
	}
	return nil
}

// byteRange finds the last signature's /ByteRange in a prepared file
// and checks that it covers the whole file but its /Contents.
func byteRange(b []byte) ([4]int, error) {
	var r [4]int
	i := bytes.LastIndex(b, []byte("/ByteRange ["))
	if i < 0 {
		return r, errors.New("sign: not a prepared file: no /ByteRange")
	}
	if _, err := fmt.Sscanf(string(b[i:min(len(b), i+80)]), "/ByteRange [%d %d %d %d]", &r[0], &r[1], &r[2], &r[3]); err != nil {
		return r, fmt.Errorf("sign: not a prepared file: /ByteRange: %v", err)
	}
	if r[0] != 0 || r[1] < 1 || r[2] <= r[1]+1 || r[3] < 0 || r[2]+r[3] != len(b) || b[r[1]] != '<' || b[r[2]-1] != '>' {
		return r, fmt.Errorf("sign: the prepared file's /ByteRange %v does not cover its %d bytes (changed since it was prepared?)", r, len(b))
	}
	return r, nil
}

// cmsSize is the room reserved for a CMS by the key of chain[0] with
// chain embedded: the certificates, the signature, attributes and a
// timestamp token.
func cmsSize(chain []*x509.Certificate) int {
	n := 4096 + 9000
	for _, c := range chain {
		if c != nil {
			n += len(c.Raw)
		}
	}
	return n + 1024
}
