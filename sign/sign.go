package sign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/third_party/pdf"
	pdfsign "github.com/bhytdoc/bhytdoc/internal/third_party/pdfsign"
)

// Role says who signs, and so where the visible signature goes.
type Role int

const (
	// Signer is the person with authority; the signature covers the
	// signature image.
	Signer Role = iota
	// Organisation is the issuing body; the signature covers the seal
	// image.
	Organisation
)

// String returns "signer" or "organisation".
func (r Role) String() string {
	switch r {
	case Signer:
		return "signer"
	case Organisation:
		return "organisation"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// ParseRole parses "signer" or "organisation".
func ParseRole(s string) (Role, error) {
	switch s {
	case "signer":
		return Signer, nil
	case "organisation":
		return Organisation, nil
	}
	return 0, fmt.Errorf("sign: unknown role %q (want signer or organisation)", s)
}

// Rect is a rectangle in PDF user space: points, origin at the bottom
// left of the page, (X0, Y0) the lower-left corner and (X1, Y1) the
// upper-right one.
type Rect struct {
	X0, Y0, X1, Y1 float64
}

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return !(r.X1 > r.X0 && r.Y1 > r.Y0) }

// Options control a signature. The zero value signs as Signer, now, over
// the signature image of the document's first signature block.
type Options struct {
	// Role selects the image the visible signature covers.
	Role Role
	// Block selects the signature block of a bhytdoc document that has
	// two (a joint document): 0 is the first, printed on the right.
	Block int
	// Time is the signing time written in the signature dictionary (/M),
	// in UTC+07:00; the zero value means now. The CMS signature also
	// carries a signing time, which is always the clock's: the
	// certificate must be valid at both.
	Time time.Time
	// Name, Reason, Location and ContactInfo go into the signature
	// dictionary. Name defaults to the certificate's common name.
	Name, Reason, Location, ContactInfo string
	// Page (from 1) and Rect place the visible signature explicitly, for
	// PDFs not written by bhytdoc or to override the recorded area. When
	// Rect is zero, the area recorded for Role and Block is used.
	Page int
	// Rect is the visible signature's rectangle on Page, in PDF points.
	Rect Rect
	// Appearance is a PNG or JPEG drawn in the rectangle as the
	// signature's appearance, instead of the signing information.
	Appearance []byte
	// TSA is the URL of an RFC 3161 time-stamping authority; when set,
	// the signature carries a timestamp token over its value.
	TSA string
	// Attached is the number and symbol ("15/UBND-VX") of the document
	// the PDF is attached to, for an annex or other attachment in a
	// separate file. The organisation signs it (Role Organisation) at the
	// top right of its first page, with no image: the appearance shows
	// this number and symbol and the signing time (Decree 30, App. I,
	// II.8.b). Page and Rect, when given, place it instead.
	Attached string
	// NoInfo leaves the appearance transparent when Appearance is nil:
	// the page shows the signature or seal image, without the signing
	// information (name and time) drawn over it.
	NoInfo bool
}

// MaxSize is the largest input PDF accepted, in bytes. The signer holds
// a few copies of the document in memory.
const MaxSize = 256 << 20

// maxAppearancePixels bounds the pixels of Options.Appearance.
const maxAppearancePixels = 4096 * 4096

// vietnam is UTC+07:00, the zone Decree 30 writes signing times in. A
// fixed zone: the time-zone database is not needed and has no say.
var vietnam = time.FixedZone("+07", 7*60*60)

// OptionError reports an invalid option, naming it.
type OptionError struct {
	Field string // "Options.Rect", "signer", "chain"
	Msg   string // what is wrong with it
}

// Error returns the field and what is wrong with it.
func (e *OptionError) Error() string { return "sign: " + e.Field + ": " + e.Msg }

// CertificateError reports a signing certificate that is not valid at
// the signing time.
type CertificateError struct {
	Subject             string    // the certificate's subject
	NotBefore, NotAfter time.Time // its validity period
	At                  time.Time // the signing time
}

// Error names the certificate and the bound of its validity the signing
// time falls outside, in UTC+07:00.
func (e *CertificateError) Error() string {
	const f = time.RFC3339
	if e.At.Before(e.NotBefore) {
		return fmt.Sprintf("sign: certificate %q is not valid before %s (signing time %s)",
			e.Subject, e.NotBefore.In(vietnam).Format(f), e.At.In(vietnam).Format(f))
	}
	return fmt.Sprintf("sign: certificate %q expired at %s (signing time %s)",
		e.Subject, e.NotAfter.In(vietnam).Format(f), e.At.In(vietnam).Format(f))
}

// AreaError reports that a document records no area for the role and
// block asked for.
type AreaError struct {
	Role  Role // the role asked for
	Block int  // the signature block asked for, from 0
}

// Error says which area is missing and how to place the signature instead.
func (e *AreaError) Error() string {
	area := "signature area"
	if e.Role == Organisation {
		area = "seal area"
	}
	return fmt.Sprintf("sign: the document records no %s for the %s of signature block %d (bhytdoc did not make it, or it has fewer blocks); give Options.Page and Options.Rect",
		area, e.Role, e.Block)
}

// PDF signs the PDF document src (size bytes) with signer, whose
// certificate is chain[0]; the rest of chain (intermediates, root) is
// embedded for verifiers. It writes the signed document to dst with a
// single Write, and nothing at all on error.
//
// The signature is an incremental update that covers the whole file;
// an already signed document gets one more signature and its earlier
// ones stay valid.
//
// PDF is safe for concurrent use.
func PDF(dst io.Writer, src io.ReaderAt, size int64, signer crypto.Signer, chain []*x509.Certificate, opts Options) error {
	out, err := sign(src, size, signer, chain, &opts, nil)
	if err != nil {
		return err
	}
	_, err = dst.Write(out)
	return err
}

// external makes the CMS outside the package (deferred signing): fn gets
// the bytes the byte range covers and returns the CMS, or nil to leave
// /Contents zeros; size is the room reserved for it, in bytes.
type external struct {
	fn   func(signed []byte) ([]byte, error)
	size int
}

// sign signs with signer, or, when ext is set, with ext (signer is nil
// then, and chain may be empty: a prepared file need not know the
// certificate).
func sign(src io.ReaderAt, size int64, signer crypto.Signer, chain []*x509.Certificate, o *Options, ext *external) (out []byte, err error) {
	if size < 0 || size > MaxSize {
		return nil, fmt.Errorf("sign: the document has %d bytes; at most %d are accepted", size, MaxSize)
	}
	var cert *x509.Certificate
	if len(chain) > 0 {
		if cert = chain[0]; cert == nil {
			return nil, &OptionError{"chain", "nil certificate"}
		}
	}
	if ext == nil {
		if signer == nil {
			return nil, &OptionError{"signer", "missing"}
		}
		if cert == nil {
			return nil, &OptionError{"chain", "missing the signing certificate"}
		}
		if err := checkKey(signer); err != nil {
			return nil, err
		}
		if pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool }); !ok || !pub.Equal(cert.PublicKey) {
			return nil, &OptionError{"chain", fmt.Sprintf("certificate %q does not belong to the signer's key", cert.Subject.String())}
		}
	}
	// The CMS signing-time attribute is always the clock's time (the CMS
	// library sets it), so the certificate must be valid then as well as
	// at Options.Time.
	now := time.Now()
	at := o.Time
	if at.IsZero() {
		at = now
	}
	at = at.In(vietnam)
	for _, t := range []time.Time{at, now} {
		if cert != nil && (t.Before(cert.NotBefore) || t.After(cert.NotAfter)) {
			return nil, &CertificateError{Subject: cert.Subject.String(), NotBefore: cert.NotBefore, NotAfter: cert.NotAfter, At: t}
		}
	}
	if o.Role != Signer && o.Role != Organisation {
		return nil, &OptionError{"Options.Role", fmt.Sprintf("%d is neither Signer nor Organisation", int(o.Role))}
	}
	name := o.Name
	if name == "" && cert != nil {
		name = cert.Subject.CommonName
	}
	info := pdfsign.SignDataSignatureInfo{Date: at}
	for _, f := range []struct {
		field string
		in    string
		out   *string
	}{
		{"Options.Name", name, &info.Name},
		{"Options.Reason", o.Reason, &info.Reason},
		{"Options.Location", o.Location, &info.Location},
		{"Options.ContactInfo", o.ContactInfo, &info.ContactInfo},
	} {
		if *f.out, err = pdfText(f.field, f.in); err != nil {
			return nil, err
		}
	}
	if o.Attached != "" {
		if o.Role != Organisation {
			return nil, &OptionError{"Options.Attached", "an attached document is signed by the organisation (Role Organisation), Decree 30 App. I, II.8.b"}
		}
		if o.Appearance != nil || o.NoInfo {
			return nil, &OptionError{"Options.Attached", "an attached document's signature shows its information, not an image: leave Options.Appearance and Options.NoInfo unset"}
		}
	}
	var appearance, content []byte
	switch {
	case o.Appearance != nil:
		if appearance, err = appearanceImage(o.Appearance); err != nil {
			return nil, err
		}
	case o.NoInfo:
		// A transparent appearance: a stream that draws nothing.
		content = []byte("% no signing information\n")
	}

	// The PDF reader and the signing library panic on some malformed
	// files; a caller gets an error, never a crash.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("sign: %s", malformed(r))
		}
	}()
	rdr, err := pdf.NewReader(src, size)
	if err != nil {
		return nil, fmt.Errorf("sign: reading the PDF: %w", err)
	}
	// The effective version is the later of the header's and the
	// catalogue's /Version (ISO 32000-1, 7.5.2). pdfsign looks at the
	// header only and adds /Version /1.5 to a catalogue that already has
	// it from an earlier signature: a duplicated key.
	if v := rdr.Trailer().Key("Root").Key("Version"); v.Kind() == pdf.Name && laterVersion(v.Name(), rdr.PDFVersion) {
		rdr.PDFVersion = v.Name()
	}
	page, rect, box, err := placement(rdr, o)
	if err != nil {
		return nil, err
	}
	if appearance == nil && content == nil {
		field, shown := "Options.Name", o.Name
		if o.Attached != "" {
			field, shown = "Options.Attached", o.Attached
		}
		if shown == "" && cert != nil {
			field, shown = "certificate subject", cert.Subject.CommonName
			if o.Role == Organisation && len(cert.Subject.Organization) > 0 && cert.Subject.Organization[0] != "" {
				shown = cert.Subject.Organization[0]
			}
		}
		in, err := layoutInfo(o.Role, field, shown, at, rect, box)
		if err != nil {
			return nil, err
		}
		if o.Attached != "" && o.Rect == (Rect{}) {
			in.alignRight(rect.X1, box.X0)
		}
		if content, err = in.content(); err != nil {
			return nil, err
		}
		rect = in.rect
	}
	data := pdfsign.SignData{
		Signature: pdfsign.SignDataSignature{
			// Approval signatures: any number may follow one another,
			// and only they may be visible in pdfsign.
			CertType: pdfsign.ApprovalSignature,
			Info:     info,
		},
		Signer:            signer,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       cert,
		CertificateChains: [][]*x509.Certificate{chain},
		Appearance: pdfsign.Appearance{
			Visible:     true,
			Page:        uint32(page),
			LowerLeftX:  rect.X0,
			LowerLeftY:  rect.Y0,
			UpperRightX: rect.X1,
			UpperRightY: rect.Y1,
			Image:       appearance,
			Content:     content,
		},
	}
	if ext != nil {
		data.Signer, data.External, data.ContentsSize = nil, ext.fn, ext.size
	}
	if o.TSA != "" {
		if u, err := url.Parse(o.TSA); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, &OptionError{"Options.TSA", fmt.Sprintf("%q is not an http(s) URL", o.TSA)}
		}
		data.TSA = pdfsign.TSA{URL: o.TSA}
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + 64<<10)
	if err := pdfsign.Sign(io.NewSectionReader(src, 0, size), &buf, rdr, size, data); err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	if err := checkUpdate(src, size, buf.Bytes()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// checkUpdate makes sure pdfsign's output is what it must be: the
// original bytes unchanged, then an update whose signature's byte range
// runs from the start of the file to its end, skipping only the new
// /Contents. Anything else (pdfsign found the wrong placeholder, or
// overflowed it) is an error rather than a file that fails to verify.
func checkUpdate(src io.ReaderAt, size int64, out []byte) error {
	if int64(len(out)) <= size {
		return errors.New("sign: internal error: the signed file is not longer than the original")
	}
	chunk := make([]byte, 64<<10)
	for off := int64(0); off < size; off += int64(len(chunk)) {
		n := min(int64(len(chunk)), size-off)
		if _, err := src.ReadAt(chunk[:n], off); err != nil && !(errors.Is(err, io.EOF) && off+n == size) {
			return fmt.Errorf("sign: rereading the original: %w", err)
		}
		if !bytes.Equal(chunk[:n], out[off:off+n]) {
			return errors.New("sign: internal error: the original bytes changed; not an incremental update")
		}
	}
	i := bytes.LastIndex(out, []byte("/ByteRange ["))
	if i < 0 {
		return errors.New("sign: internal error: no byte range in the signature")
	}
	var r [4]int64
	if _, err := fmt.Sscanf(string(out[i:min(len(out), i+80)]), "/ByteRange [%d %d %d %d]", &r[0], &r[1], &r[2], &r[3]); err != nil {
		return fmt.Errorf("sign: internal error: byte range: %v", err)
	}
	if r[0] != 0 || r[1] < size || r[2] <= r[1] || r[2]+r[3] != int64(len(out)) || out[r[1]] != '<' || out[r[2]-1] != '>' {
		return fmt.Errorf("sign: internal error: the signature's byte range %v does not cover the whole %d-byte file", r, len(out))
	}
	return nil
}

// placement returns the page and rectangle of the visible signature and
// the page's media box, and checks that the rectangle lies on the page.
func placement(rdr *pdf.Reader, o *Options) (int, Rect, Rect, error) {
	page, rect, box, err := place(rdr, o)
	if err == nil && box.Empty() {
		// No usable media box: the rectangle itself bounds the
		// signing information.
		box = rect
	}
	return page, rect, box, err
}

func place(rdr *pdf.Reader, o *Options) (int, Rect, Rect, error) {
	n, err := checkPages(rdr)
	if err != nil {
		return 0, Rect{}, Rect{}, err
	}
	page, rect := o.Page, o.Rect
	if o.Attached != "" && rect == (Rect{}) {
		return attachedCorner(rdr)
	}
	// Errors name where the page and rectangle came from: the options,
	// or the record in the document's metadata, which the caller did not
	// write and must not be told to correct.
	pageField, rectField := "Options.Page", "Options.Rect"
	if rect == (Rect{}) {
		pageField, rectField = "document record", "document record"
		areas, err := areas(rdr)
		if err != nil {
			return 0, Rect{}, Rect{}, err
		}
		found := false
		for _, a := range areas {
			if a.Role == o.Role && a.Block == o.Block {
				page, rect, found = a.Page, a.Rect, true
				break
			}
		}
		if !found {
			return 0, Rect{}, Rect{}, &AreaError{o.Role, o.Block}
		}
	} else if page == 0 {
		return 0, Rect{}, Rect{}, &OptionError{"Options.Page", "missing (pages count from 1) while Options.Rect is given"}
	}
	if page < 1 || page > n {
		return 0, Rect{}, Rect{}, &OptionError{pageField, fmt.Sprintf("page %d is not a page of the document (1–%d)", page, n)}
	}
	if rect.Empty() || math.IsNaN(rect.X0+rect.Y0+rect.X1+rect.Y1) {
		return 0, Rect{}, Rect{}, &OptionError{rectField, fmt.Sprintf("%v has no area", rect)}
	}
	var box Rect
	if mb := mediaBox(rdr.Page(page).V); mb.Len() == 4 {
		box = Rect{mb.Index(0).Float64(), mb.Index(1).Float64(), mb.Index(2).Float64(), mb.Index(3).Float64()}
		if rect.X0 < box.X0 || rect.Y0 < box.Y0 || rect.X1 > box.X1 || rect.Y1 > box.Y1 {
			return 0, Rect{}, Rect{}, &OptionError{rectField, fmt.Sprintf("%v is not inside page %d (%v)", rect, page, box)}
		}
	}
	return page, rect, box, nil
}

// Where an attached document's signature goes (Decree 30, App. I,
// II.8.b: the top right of the first page), in points from the page's
// top right corner: in the top margin (20–25 mm), aligned with the text's
// right edge (right margin 15–20 mm).
const (
	attachedRight = 15 * 72 / 25.4 // points
	attachedTop   = 7 * 72 / 25.4  // points
)

// attachedCorner returns page 1, a rectangle whose top right corner is
// where an attached document's signing information ends, and the page's
// media box.
func attachedCorner(rdr *pdf.Reader) (int, Rect, Rect, error) {
	if _, err := checkPages(rdr); err != nil {
		return 0, Rect{}, Rect{}, err
	}
	mb := mediaBox(rdr.Page(1).V)
	if mb.Len() != 4 {
		return 0, Rect{}, Rect{}, &OptionError{"Options.Attached", "the first page has no media box; give Options.Page and Options.Rect"}
	}
	box := Rect{mb.Index(0).Float64(), mb.Index(1).Float64(), mb.Index(2).Float64(), mb.Index(3).Float64()}
	x, y := box.X1-attachedRight, box.Y1-attachedTop
	if box.Empty() || x-1 < box.X0 || y-1 < box.Y0 {
		return 0, Rect{}, Rect{}, &OptionError{"Options.Attached", fmt.Sprintf("the first page (%v) is too small for the signing information", box)}
	}
	return 1, Rect{x - 1, y - 1, x, y}, box, nil
}

// laterVersion reports whether PDF version a ("1.5") is later than b.
func laterVersion(a, b string) bool {
	fa, err1 := strconv.ParseFloat(a, 64)
	fb, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && (err2 != nil || fa > fb)
}

// checkKey refuses keys the CMS library cannot sign with correctly. An
// Ed25519 signature must sign the attributes themselves with SHA-512
// (RFC 8419); the library hashes them with SHA-256 and hands the key a
// digest, which makes a signature no verifier accepts.
func checkKey(signer crypto.Signer) error {
	switch signer.Public().(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey:
		return nil
	case ed25519.PublicKey:
		return &OptionError{"signer", "Ed25519 keys are not supported (the CMS library cannot sign with SHA-512 as RFC 8419 requires); use an RSA or ECDSA key"}
	}
	return &OptionError{"signer", fmt.Sprintf("a %T key is not supported; use an RSA or ECDSA key", signer.Public())}
}

// malformed words a panic of the PDF reader as an error message that
// starts "malformed PDF" once.
func malformed(p any) string {
	msg := fmt.Sprint(p)
	if strings.HasPrefix(msg, "malformed PDF") {
		return msg
	}
	return "malformed PDF: " + msg
}
