package bhytdoc

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/third_party/pdf"

	"github.com/bhytdoc/bhytdoc/internal/docmeta"
)

// Info is the record of a document that WritePDF writes into every PDF's
// XMP metadata: the fields Decree 30/2020/NĐ-CP, Appendix VI lists for
// records systems, so that an e-office system can file a document without
// re-keying it. ReadInfo reads it back.
//
// The XMP properties are in the namespace
// https://github.com/bhytdoc/bhytdoc/ns/1.0/ (prefix bhytdoc): Kind,
// Number, Symbol, Issuer, IssuerParent, Summary, Date, Draft, Signers
// (Name, Position), Addressees, Recipients and Pages, as named here.
type Info struct {
	// Kind is the kind's name: "Công văn", "Kế hoạch".
	Kind string `json:"kind"`
	// Number is the registration number; 0 while a draft awaits one.
	Number int `json:"number,omitempty"`
	// Symbol is the ký hiệu after the number: "KH-UBND", "UBND-VX".
	Symbol string `json:"symbol"`
	// Issuer is the issuing body on one line; IssuerParent its parent
	// body (cơ quan chủ quản), if any.
	Issuer       string `json:"issuer"`
	IssuerParent string `json:"issuer_parent,omitempty"`
	// Summary is the trích yếu.
	Summary string `json:"summary"`
	// Date is the date of issue, "2020-05-18"; a draft may give
	// "2020-05" or "2020".
	Date string `json:"date"`
	// Draft is set for a draft awaiting registration.
	Draft bool `json:"draft,omitempty"`
	// Signers are the signers in the order of the signature blocks.
	Signers []InfoSigner `json:"signers"`
	// Addressees are the Kính gửi lines.
	Addressees []string `json:"addressees,omitempty"`
	// Recipients are the Nơi nhận lines as printed ("UBND thành phố
	// (Báo cáo)"), without the final "Lưu" line.
	Recipients []string `json:"recipients"`
	// Pages is the number of pages.
	Pages int `json:"pages"`
	// PDFA is the PDF/A part and conformance the file claims ("2B" for a
	// file written with Options.Archival), empty if none.
	PDFA string `json:"pdfa,omitempty"`
}

// InfoSigner is a signer of the document.
type InfoSigner struct {
	// Name is the signer's name.
	Name string `json:"name"`
	// Position is the position printed above the name, e.g. "Phó Chủ
	// tịch"; for an acting head, the last authority line ("Q. Chủ tịch").
	Position string `json:"position"`
}

// MaxInfoSize is the largest PDF ReadInfo accepts, in bytes.
const MaxInfoSize = 256 << 20

// ErrNotBhytdoc is returned by ReadInfo for a PDF that holds no bhytdoc
// record: one bhytdoc did not write (or an older bhytdoc did).
var ErrNotBhytdoc = errors.New("bhytdoc: the PDF holds no bhytdoc document record (it was not written by bhytdoc WritePDF)")

// ReadInfo reads the document record from a PDF written by WritePDF, of
// size bytes. A signed document is read too: signatures are incremental
// updates and the metadata read is the latest. A PDF without a bhytdoc
// record gives an error wrapping ErrNotBhytdoc; a file larger than
// MaxInfoSize, or not a readable PDF, is an error saying so.
//
// ReadInfo is safe for concurrent use.
func ReadInfo(r io.ReaderAt, size int64) (info *Info, err error) {
	if r == nil {
		return nil, errors.New("bhytdoc: ReadInfo: nil io.ReaderAt")
	}
	if size < 0 || size > MaxInfoSize {
		return nil, fmt.Errorf("bhytdoc: the PDF has %d bytes; at most %d are read", size, MaxInfoSize)
	}
	// The PDF reader panics on some malformed files.
	defer func() {
		if p := recover(); p != nil {
			info, err = nil, fmt.Errorf("bhytdoc: %s", malformed(p))
		}
	}()
	rdr, err := pdf.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("bhytdoc: reading the PDF: %w", err)
	}
	md := rdr.Trailer().Key("Root").Key("Metadata")
	if md.Kind() != pdf.Stream {
		return nil, ErrNotBhytdoc
	}
	rc := md.Reader()
	defer rc.Close()
	got, err := docmeta.Parse(rc)
	if errors.Is(err, docmeta.ErrNoRecord) {
		return nil, ErrNotBhytdoc
	}
	if err != nil {
		return nil, fmt.Errorf("bhytdoc: %w", err)
	}
	rec := &got.Record
	info = &Info{
		Kind: rec.Kind, Number: rec.Number, Symbol: rec.Symbol,
		Issuer: rec.Issuer, IssuerParent: rec.IssuerParent,
		Summary: rec.Summary, Date: rec.Date, Draft: rec.Draft,
		Addressees: rec.Addressees, Recipients: rec.Recipients,
		Pages: rec.Pages, PDFA: got.PDFA,
	}
	for _, s := range rec.Signers {
		info.Signers = append(info.Signers, InfoSigner(s))
	}
	return info, nil
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
