package bhytdoc_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"reflect"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// TestReadInfo reads the record of every seed back and compares it with
// the model, field by field, and the page count with pdfinfo's.
func TestReadInfo(t *testing.T) {
	for _, ex := range seeds.All() {
		t.Run(ex.Name, func(t *testing.T) {
			f, b := render(t, ex.Doc)
			info, err := bhytdoc.ReadInfo(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			d := ex.Doc
			want := &bhytdoc.Info{
				Kind: d.Kind.Name(), Number: d.Number,
				Symbol:  strings.TrimSpace(d.NumberSymbol()[strings.Index(d.NumberSymbol(), "/")+1:]),
				Issuer:  strings.Join(strings.Fields(d.Issuer.Name), " "),
				Summary: strings.Join(strings.Fields(d.Summary), " "),
				Draft:   d.Draft,
			}
			if p := strings.Join(strings.Fields(d.Issuer.Parent), " "); p != "" {
				want.IssuerParent = p
			}
			switch {
			case d.Date.Month == 0:
				want.Date = fmt.Sprintf("%04d", d.Date.Year)
			case d.Date.Day == 0:
				want.Date = fmt.Sprintf("%04d-%02d", d.Date.Year, d.Date.Month)
			default:
				want.Date = fmt.Sprintf("%04d-%02d-%02d", d.Date.Year, d.Date.Month, d.Date.Day)
			}
			for _, s := range d.Signatures {
				pos := s.Position
				if pos == "" {
					a := s.Authority[len(s.Authority)-1]
					pos = string(a.Prefix) + " " + a.Title
				}
				want.Signers = append(want.Signers, bhytdoc.InfoSigner{Name: s.Name, Position: pos})
			}
			want.Addressees = d.Addressees
			for _, r := range d.Recipients {
				s := r.Name
				if r.Purpose != "" {
					s += " (" + r.Purpose + ")"
				}
				want.Recipients = append(want.Recipients, s)
			}
			var pages int
			fmt.Sscanf(run(t, "pdfinfo", f)[strings.Index(run(t, "pdfinfo", f), "Pages:"):], "Pages: %d", &pages)
			want.Pages = pages
			if !reflect.DeepEqual(info, want) {
				t.Errorf("ReadInfo:\n got %+v\nwant %+v", info, want)
			}
		})
	}
}

// TestReadInfoRefuses: a PDF bhytdoc did not write, garbage, a truncated
// file and sizes out of bounds are errors, never a panic.
func TestReadInfoRefuses(t *testing.T) {
	other := fpdf.New("P", "mm", "A4", "")
	other.AddPage()
	var buf bytes.Buffer
	if err := other.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := bhytdoc.ReadInfo(bytes.NewReader(buf.Bytes()), int64(buf.Len())); !errors.Is(err, bhytdoc.ErrNotBhytdoc) {
		t.Errorf("foreign PDF: %v, want ErrNotBhytdoc", err)
	}
	_, b := render(t, seeds.CaiRang())
	for _, c := range []struct {
		name string
		data []byte
		size int64
		msg  string
	}{
		{"garbage", []byte("not a pdf"), 9, "reading the PDF"},
		{"truncated", b[:len(b)/2], int64(len(b) / 2), "PDF"},
		{"negative size", b, -1, "bytes"},
		{"too large", b, bhytdoc.MaxInfoSize + 1, "at most"},
	} {
		_, err := bhytdoc.ReadInfo(bytes.NewReader(c.data), c.size)
		if err == nil || errors.Is(err, bhytdoc.ErrNotBhytdoc) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v, want an error about %q", c.name, err, c.msg)
		}
	}
}

// TestNonArchivalUnchanged: without Options.Archival the file is PDF 1.5
// (for its object stream; Decree 30 asks for 1.4 or later) without /ID,
// output intent or Info offsets.
func TestNonArchivalUnchanged(t *testing.T) {
	_, b := render(t, seeds.CaiRang())
	if !bytes.HasPrefix(b, []byte("%PDF-1.5\n")) {
		t.Errorf("header %q", b[:9])
	}
	for _, s := range []string{"/ID [", "/OutputIntents", "pdfaid", "+07'00'"} {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("non-archival PDF contains %q", s)
		}
	}
}

// ExampleReadInfo reads back the record bhytdoc writes into every PDF.
func ExampleReadInfo() {
	b, err := bhytdoc.RenderPDF(seeds.CaiRang(), &bhytdoc.Options{Archival: true})
	if err != nil {
		log.Fatal(err)
	}
	info, err := bhytdoc.ReadInfo(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s số %d/%s ngày %s, %d trang, PDF/A-%s\n", info.Kind, info.Number, info.Symbol, info.Date, info.Pages, info.PDFA)
	fmt.Println(info.Issuer)
	fmt.Println(info.Signers[0].Position, info.Signers[0].Name)
	// Output:
	// Công văn số 898/UBND ngày 2020-05-18, 3 trang, PDF/A-2B
	// Ủy ban nhân dân quận Cái Răng
	// Phó Chủ tịch Vương Công Khanh
}
