package bhytdoc

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// fuzzTable builds an annex from fuzz parameters: cols columns under a
// header whose first cell spans colSpan × rowSpan, column 1 set to width,
// rows of token repeated rep times. Sizes are capped only where the cap is
// far beyond the model's limits, so that the limits themselves are tested.
func fuzzTable(cols, rows uint8, colSpan, rowSpan int, width float64, token string, rep uint16) Annex {
	n := int(cols)%64 + 1
	head := []HeaderCell{{Text: "Cột " + token, ColSpan: colSpan, RowSpan: rowSpan}}
	for c := 1; c < n; c++ {
		head = append(head, HeaderCell{Text: "Cột"})
	}
	a := Annex{Title: "Biểu", Table: Table{Header: [][]HeaderCell{head, make([]HeaderCell, 0, n)}}}
	for range n {
		a.Table.Header[1] = append(a.Table.Header[1], HeaderCell{Text: "a"})
	}
	if rowSpan > 1 {
		a.Table.Header = a.Table.Header[:1]
	}
	a.Table.Columns = make([]Column, n)
	if n > 1 {
		a.Table.Columns[1].Width = width
	}
	cell := strings.Repeat(token, int(rep)%2000+1)
	if len(cell) > 4*MaxCellRunes+8 {
		cell = cell[:4*MaxCellRunes+8]
	}
	for r := range int(rows)%40 + 1 {
		row := make([]string, n)
		for c := range row {
			row[c] = "1"
			if (r+c)%3 == 1 {
				row[c] = cell
			}
		}
		a.Table.Rows = append(a.Table.Rows, row)
	}
	return a
}

// fuzzRender renders d under the hostile guard and checks the outcome: a
// *ValidationError, or a layout whose text is all on the page, inside its
// cells and none of it lost.
func fuzzRender(t *testing.T, d *Document) {
	guard(t, func() {
		p, err := d.prepare(nil, true)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("not a *ValidationError: %v", err)
			}
			return
		}
		pages, err := pdf.LayoutDoc(p.ir, p.set, p.font)
		if err != nil {
			var oe *pdf.OverflowError
			if !errors.As(err, &oe) {
				t.Fatalf("layout: %v", err)
			}
			return
		}
		checkOnPage(t, pages)
		checkInCells(t, pages)
		checkNoTextLost(t, p.ir, pages)
		b, err := pdf.Render(p.ir, p.set, p.font)
		if err != nil {
			t.Fatalf("render after a good layout: %v", err)
		}
		if len(b) == 0 {
			t.Fatal("empty PDF")
		}
	})
}

// FuzzAnnexLayout lays out random tables: column counts, spans, widths
// and long tokens (issue 8 items 1, 2, 9 and 17).
func FuzzAnnexLayout(f *testing.F) {
	f.Add(uint8(2), uint8(1), 0, 0, 0.0, "Phường An Bình", uint16(1))
	f.Add(uint8(2), uint8(1), 0, 0, 2.0, "x", uint16(1))
	f.Add(uint8(2), uint8(3), 0, 0, math.Inf(1), "Đ", uint16(200))
	f.Add(uint8(55), uint8(1), 0, 0, 0.0, "1", uint16(0))
	f.Add(uint8(2), uint8(1), 0, 0, 0.0, "7", uint16(299))
	f.Add(uint8(2), uint8(1), 100_000_000, 0, 0.0, "a", uint16(0))
	f.Add(uint8(3), uint8(1), 2, 2, 50.0, "cụm ", uint16(1999))
	f.Add(uint8(33), uint8(10), 1, 1, 7.0, "WWW", uint16(3))
	f.Fuzz(func(t *testing.T, cols, rows uint8, colSpan, rowSpan int, width float64, token string, rep uint16) {
		if !utf8.ValidString(token) || token == "" {
			return
		}
		d := minimal()
		d.Annexes = []Annex{fuzzTable(cols, rows, colSpan, rowSpan, width, token, rep)}
		fuzzRender(t, d)
	})
}

// FuzzSignatureImage renders a document whose signature and seal are the
// fuzz bytes (issue 8 items 3 and 12): refused naming the field, or
// embedded without NaN.
func FuzzSignatureImage(f *testing.F) {
	for _, im := range []image.Image{
		image.NewGray(image.Rect(0, 0, 4, 3)),
		image.NewNRGBA(image.Rect(0, 0, 5, 2)),
		image.NewNRGBA64(image.Rect(0, 0, 2, 2)),
		image.NewPaletted(image.Rect(0, 0, 3, 3), color.Palette{color.Black, color.Transparent}),
	} {
		var b bytes.Buffer
		if err := png.Encode(&b, im); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
		f.Add(b.Bytes()[:b.Len()/2])
	}
	f.Add(craftPNG(20000, 20000, 6, []byte{0x78, 0x9c, 0, 0}))
	f.Add(craftPNG(0, 0, 2, nil))
	f.Add(craftPNG(4, 4, 2, []byte("not zlib")))
	f.Fuzz(func(t *testing.T, img []byte) {
		d := minimal()
		d.Signatures[0].Image = img
		d.Signatures[0].Seal = img
		if len(img) == 0 {
			return
		}
		err := d.Validate()
		if err != nil {
			for _, f := range err.(*ValidationError).Fields() {
				if f != "Signatures[0].Image" && f != "Signatures[0].Seal" {
					t.Fatalf("unexpected field %s: %v", f, err)
				}
			}
			return
		}
		fuzzRender(t, d)
	})
}
