package sign

import (
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/digitorus/pkcs7"
	"github.com/digitorus/timestamp"

	"github.com/bhytdoc/bhytdoc/internal/third_party/pdf"
)

// maxSignatures bounds the signature fields Verify looks at.
const maxSignatures = 256

// Report is what Verify finds of one signature.
type Report struct {
	Field        string    `json:"field"`              // the signature field's name
	Signer       string    `json:"signer"`             // the certificate's common name
	Organisation string    `json:"organisation"`       // its organisation
	Role         string    `json:"role,omitempty"`     // "signer" or "organisation", from bhytdoc's record
	Time         time.Time `json:"time"`               // signing time (CMS attribute, else /M)
	Timestamp    time.Time `json:"timestamp,omitzero"` // RFC 3161 token's time, if any
	// WholeDocument: the byte range covers the whole file.
	WholeDocument bool `json:"whole_document"`
	// ChangedAfter: bytes were added after the signature that no later
	// signature covers, or the byte range is not one that covers all but
	// the signature itself.
	ChangedAfter bool `json:"changed_after"`
	// SignatureValid: the CMS verifies over the signed bytes.
	SignatureValid bool `json:"signature_valid"`
	// CertValid: the certificate was valid at the signing time.
	CertValid bool `json:"cert_valid"`
	// Trusted: the certificate chains to the given roots at the signing
	// time (false when no roots are given).
	Trusted bool `json:"trusted"`
	// Problems says what is wrong, one sentence each.
	Problems []string `json:"problems,omitempty"`
}

// Valid reports whether the signature is good in every respect: it
// verifies, nothing unsigned was added after it, the certificate was
// valid and trusted.
func (r *Report) Valid() bool {
	return r.SignatureValid && !r.ChangedAfter && r.CertValid && r.Trusted
}

// Verify lists and checks every signature of the PDF src (size bytes),
// in file order. roots are the trusted roots (nil: none, so no signature
// is trusted). An unreadable PDF is an error; a bad signature is a
// Report with Problems.
func Verify(src io.ReaderAt, size int64, roots *x509.CertPool) (reps []Report, err error) {
	if size < 0 || size > MaxSize {
		return nil, fmt.Errorf("sign: the document has %d bytes; at most %d are accepted", size, MaxSize)
	}
	defer func() {
		if r := recover(); r != nil {
			reps, err = nil, fmt.Errorf("sign: %s", malformed(r))
		}
	}()
	rdr, err := pdf.NewReader(src, size)
	if err != nil {
		return nil, fmt.Errorf("sign: reading the PDF: %w", err)
	}
	as, _ := areas(rdr)
	pageNum := pageNumbers(rdr)
	fields := rdr.Trailer().Key("Root").Key("AcroForm").Key("Fields")
	var ends []int64
	for i := 0; i < fields.Len() && len(reps) < maxSignatures; i++ {
		f := fields.Index(i)
		v := f.Key("V")
		if f.Key("FT").Name() != "Sig" || v.Kind() != pdf.Dict {
			continue
		}
		rep, end := check(src, size, f, v, roots)
		rep.Role = roleOf(f, as, pageNum)
		reps = append(reps, rep)
		ends = append(ends, end)
	}
	// A signature whose range stops short of the end is "changed after"
	// only if the last signature does not cover the whole file either.
	last := int64(-1)
	for _, e := range ends {
		last = max(last, e)
	}
	for i := range reps {
		if !reps[i].WholeDocument && last != size {
			reps[i].ChangedAfter = true
			reps[i].Problems = append(reps[i].Problems, "changed after signing")
		}
	}
	return reps, nil
}

// check verifies one signature dictionary v of field f, and returns the
// end of its byte range.
func check(src io.ReaderAt, size int64, f, v pdf.Value, roots *x509.CertPool) (Report, int64) {
	rep := Report{Field: f.Key("T").Text()}
	bad := func(msg string) { rep.Problems = append(rep.Problems, msg) }
	br := v.Key("ByteRange")
	var r [4]int64
	for i := range r {
		r[i] = br.Index(i).Int64()
	}
	if br.Len() != 4 || r[0] != 0 || r[1] < 0 || r[2] < r[1] || r[3] < 0 || r[2]+r[3] > size {
		bad("malformed /ByteRange")
		rep.ChangedAfter = true
		return rep, 0
	}
	rep.WholeDocument = r[2]+r[3] == size
	signed := make([]byte, r[1]+r[3])
	if _, err := src.ReadAt(signed[:r[1]], 0); err != nil {
		bad(err.Error())
		return rep, 0
	}
	if _, err := src.ReadAt(signed[r[1]:], r[2]); err != nil && !errors.Is(err, io.EOF) {
		bad(err.Error())
		return rep, 0
	}
	contents := []byte(v.Key("Contents").RawString())
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(contents, &raw); err != nil {
		bad("the CMS is malformed")
		return rep, r[2] + r[3]
	}
	p7, err := pkcs7.Parse(raw.FullBytes)
	if err != nil || len(p7.Signers) != 1 || p7.GetOnlySigner() == nil {
		bad("the CMS is malformed or lacks the signer's certificate")
		return rep, r[2] + r[3]
	}
	cert := p7.GetOnlySigner()
	rep.Signer = cert.Subject.CommonName
	if len(cert.Subject.Organization) > 0 {
		rep.Organisation = cert.Subject.Organization[0]
	}
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &rep.Time); err != nil {
		bad("the CMS records no signing time")
	}
	for _, a := range p7.Signers[0].UnauthenticatedAttributes {
		if a.Type.Equal(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}) {
			if ts, err := timestamp.Parse(a.Value.Bytes); err == nil {
				rep.Timestamp = ts.Time
			} else {
				bad("the timestamp is malformed")
			}
		}
	}
	at := rep.Time
	if !rep.Timestamp.IsZero() {
		at = rep.Timestamp
	}
	rep.CertValid = !at.IsZero() && !at.Before(cert.NotBefore) && !at.After(cert.NotAfter)
	if !rep.CertValid {
		bad("the certificate was not valid at the signing time")
	}
	p7.Content = signed
	// No roots: the digest and the signature only (and the library's
	// check of the signing time against the certificate).
	if err := p7.VerifyWithOpts(x509.VerifyOptions{CurrentTime: time.Now()}); err != nil {
		bad("the signature does not verify: " + err.Error())
	} else {
		rep.SignatureValid = true
	}
	if roots != nil {
		inter := x509.NewCertPool()
		for _, c := range p7.Certificates {
			inter.AddCert(c)
		}
		_, err := cert.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
		rep.Trusted = err == nil
		if err != nil {
			bad("the certificate does not chain to the given roots")
		}
	} else {
		bad("no trusted roots given")
	}
	return rep, r[2] + r[3]
}

// pageNumbers maps page object numbers to page numbers from 1.
func pageNumbers(rdr *pdf.Reader) map[uint32]int {
	m := map[uint32]int{}
	n, err := checkPages(rdr)
	if err != nil {
		return m
	}
	for i := 1; i <= n; i++ {
		p := rdr.Page(i).V.GetPtr()
		m[p.GetID()] = i
	}
	return m
}

// roleOf finds the recorded area the widget of field f sits on: its
// centre inside the area, on the area's page.
func roleOf(f pdf.Value, as []Area, pages map[uint32]int) string {
	rect := f.Key("Rect")
	if rect.Len() != 4 {
		return ""
	}
	x0, y0, x1, y1 := rect.Index(0).Float64(), rect.Index(1).Float64(), rect.Index(2).Float64(), rect.Index(3).Float64()
	cx, cy := (x0+x1)/2, (y0+y1)/2
	p := f.Key("P").GetPtr()
	page := pages[p.GetID()]
	// The signing information is laid out (layoutInfo) from the bottom
	// of the signature image or the top of the seal, which may overlap:
	// that edge tells them apart; containment is the fallback.
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	for _, a := range as {
		if a.Page == page && cx >= a.Rect.X0 && cx <= a.Rect.X1 &&
			(a.Role == Signer && near(y0, a.Rect.Y0) || a.Role == Organisation && near(y1, a.Rect.Y1)) {
			return a.Role.String()
		}
	}
	for _, a := range as {
		if a.Page == page && cx >= a.Rect.X0 && cx <= a.Rect.X1 && cy >= a.Rect.Y0 && cy <= a.Rect.Y1 {
			return a.Role.String()
		}
	}
	return ""
}
