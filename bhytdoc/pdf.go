package bhytdoc

import (
	"errors"
	"io"

	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
	"github.com/bhytdoc/bhytdoc/internal/tablefit"
)

// WritePDF renders d as a PDF following Decree 30/2020/NĐ-CP, Appendix I,
// and writes it to w. d is not modified: its text is normalised (NFC, tone
// marks per o.Tone) on a copy, then validated and checked against the
// font. On any error nothing is written to w. A nil o uses the defaults.
//
// WritePDF is safe for concurrent use; fonts are parsed once per process.
func WritePDF(w io.Writer, d *Document, o *Options) error {
	if w == nil {
		return errors.New("bhytdoc: WritePDF: nil io.Writer")
	}
	b, err := RenderPDF(d, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// RenderPDF is WritePDF returning the bytes.
func RenderPDF(d *Document, o *Options) ([]byte, error) {
	p, err := d.prepare(o, true)
	if err != nil {
		return nil, err
	}
	l, err := p.layoutPDF()
	if err != nil {
		return nil, err
	}
	return l.PDF()
}

// layoutError turns text the page cannot hold (a *pdf.OverflowError)
// into a *ValidationError naming that field; other errors pass through.
func layoutError(err error) error {
	var oe *pdf.OverflowError
	if errors.As(err, &oe) {
		return &ValidationError{Errors: []error{&FieldError{Field: oe.Field, Msg: oe.Msg}}}
	}
	var we *tablefit.WidthError
	if errors.As(err, &we) {
		return &ValidationError{Errors: []error{&FieldError{Field: we.Field, Msg: we.Msg}}}
	}
	return err
}
