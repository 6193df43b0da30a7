package sign

import (
	"fmt"
	"io"

	"github.com/bhytdoc/bhytdoc/internal/third_party/pdf"

	"github.com/bhytdoc/bhytdoc/internal/signarea"
)

// Area is where a bhytdoc document expects a visible signature: the
// signature image of a signature block (Role Signer) or its seal image
// (Role Organisation).
type Area struct {
	Role  Role // whose signature goes here
	Block int  // signature block, from 0
	Page  int  // from 1
	Rect  Rect // the image's rectangle, in PDF points
}

// Areas returns the signature areas recorded in the PDF src (size bytes),
// in page order. A PDF not written by bhytdoc, or one without signature
// or seal images, records none.
func Areas(src io.ReaderAt, size int64) (as []Area, err error) {
	if size > MaxSize {
		return nil, fmt.Errorf("sign: the document has %d bytes, more than the %d accepted", size, MaxSize)
	}
	defer func() {
		if r := recover(); r != nil {
			as, err = nil, fmt.Errorf("sign: malformed PDF: %v", r)
		}
	}()
	rdr, err := pdf.NewReader(src, size)
	if err != nil {
		return nil, fmt.Errorf("sign: reading the PDF: %w", err)
	}
	return areas(rdr)
}

// areas reads the XMP packet of the document catalogue (see package
// signarea for its form).
func areas(rdr *pdf.Reader) ([]Area, error) {
	md := rdr.Trailer().Key("Root").Key("Metadata")
	if md.Kind() != pdf.Stream {
		return nil, nil
	}
	rc := md.Reader()
	defer rc.Close()
	recs, err := signarea.Parse(rc)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	out := make([]Area, 0, len(recs))
	for _, a := range recs {
		role := Signer
		if a.Role == signarea.Organisation {
			role = Organisation
		}
		out = append(out, Area{Role: role, Block: a.Block, Page: a.Page, Rect: Rect{a.Rect[0], a.Rect[1], a.Rect[2], a.Rect[3]}})
	}
	return out, nil
}
