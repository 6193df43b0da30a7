package bhytdoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
)

// ErrNoAnnex is returned by WriteXLSX for a document without annexes: a
// workbook holds a document's tables, and only annexes have tables.
var ErrNoAnnex = errors.New("bhytdoc: the document has no annex (phụ lục) to write as a workbook")

// xlsxTableSize is the font size of annex tables in a workbook, Decree
// 30's 12–13 pt for tables; titles are 14.
const xlsxTableSize = 12

// WriteXLSX writes the annexes (phụ lục) of d to w as an Excel workbook
// (.xlsx), a sheet per annex named by its label ("Phụ lục", or "Phụ lục
// I", "Phụ lục II" …). Each sheet has the label, the title in capitals and
// the reference line above the table; the header, merged as printed; the
// body and the bold totals row, all with borders, in Times New Roman.
//
// A cell that reads as a Vietnamese number and shows back exactly as
// written is stored as a number: "10.125" as 10125 under "#,##0", "98,8"
// as 98.8 under "#,##0.0", "78,11%" as 0.7811 under "0.00%". The format
// codes are locale-neutral: Excel and LibreOffice show them with the
// viewer's separators, so a Vietnamese installation shows "10.125" and
// "98,8" again (an English one shows "10,125" and "98.8"). Other cells
// ("0123", "1234" without its dot, "-") and every cell of a column printed
// left-aligned stay text. A totals cell that equals the sum of its column
// is written as a SUM formula carrying the total as cached value; one
// that does not is written as the number it is and not corrected.
//
// Columns are as wide as their numbers and header words, text columns at
// most 40 characters; longer text wraps in a row made tall enough by the
// font's metrics (o's font family, metric-compatible with Times New
// Roman). Pages are A4, landscape when the annex is or the table is too
// wide for portrait, fitted to one page wide with the header rows
// repeated on every page, margins from o.
//
// WriteXLSX takes the same path as WritePDF (normalised copy, validation,
// glyph check). A document without annexes gives ErrNoAnnex. On any error
// nothing is written to w. A nil o uses the defaults. WriteXLSX is safe
// for concurrent use; the same input gives the same bytes.
func WriteXLSX(w io.Writer, d *Document, o *Options) error {
	if w == nil {
		return errors.New("bhytdoc: WriteXLSX: nil io.Writer")
	}
	b, err := RenderXLSX(d, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// RenderXLSX is WriteXLSX returning the bytes.
func RenderXLSX(d *Document, o *Options) ([]byte, error) {
	if d == nil || len(d.Annexes) == 0 {
		return nil, ErrNoAnnex
	}
	p, err := d.prepare(o, true)
	if err != nil {
		return nil, err
	}
	m, err := xlsx.NewMeasure(p.font)
	if err != nil {
		return nil, err
	}
	doc := p.ir
	sheets := make([]*xlsx.Sheet, len(doc.Annexes))
	used := map[string]bool{}
	for i := range doc.Annexes {
		a := &doc.Annexes[i]
		if err := fitsSheet(a); err != nil {
			return nil, err
		}
		t := xlsxTable(a)
		s, err := t.Sheet(sheetName(a.Label.S, used), m, xlsxTableSize)
		if err != nil {
			return nil, &FieldError{Field: a.Label.Field, Msg: err.Error()}
		}
		sheets[i] = s
	}
	issuer := make([]string, len(doc.Issuer))
	for i, t := range doc.Issuer {
		issuer[i] = t.S
	}
	var b bytes.Buffer
	err = xlsx.Write(&b, xlsx.Props{
		Title:   doc.InfoTitle,
		Subject: doc.Summary.S,
		Creator: strings.Join(issuer, " "),
		Time:    time.Date(max(doc.Year, 1980), time.Month(max(doc.Month, 1)), max(doc.Day, 1), 0, 0, 0, 0, time.UTC),
		Metrics: p.font,
		Size:    xlsxTableSize,
		Margins: [4]float64{p.set.MarginTop, p.set.MarginBottom, p.set.MarginLeft, p.set.MarginRight},
	}, sheets...)
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Worksheet limits (Excel's, which excelize enforces by cutting text
// short): columns, rows, and characters in a cell.
const (
	sheetCols  = 16384
	sheetRows  = 1048576
	cellRunes  = 32767
	titleRows  = 4 // label, title, reference, blank
	sheetLimit = "a worksheet holds at most %d"
)

// Validate bounds columns and the text of every cell far below a
// worksheet's limits; these constants stop compiling if a model limit is
// ever raised past them, so fitsSheet need only count rows.
const (
	_ = uint(sheetCols - MaxColumns)
	_ = uint(cellRunes - MaxCellRunes)
	_ = uint(cellRunes - MaxHeaderCellRunes)
	_ = uint(cellRunes - MaxSummaryRunes)
)

// fitsSheet reports, naming the field, rows of a that do not fit in a
// worksheet, rather than let the writer cut them short.
func fitsSheet(a *ir.Annex) error {
	t := &a.Table
	if n := titleRows + len(t.Header) + len(t.Rows) + 1; n > sheetRows {
		return &FieldError{Field: a.Label.Field + ".Table.Rows", Msg: fmt.Sprintf("%d rows: "+sheetLimit, len(t.Rows), sheetRows-titleRows-len(t.Header)-1)}
	}
	return nil
}

var xlsxAlign = [...]xlsx.Align{ir.Left: xlsx.Left, ir.Center: xlsx.Center, ir.Right: xlsx.Right}

// xlsxTable is annex a as the text table package xlsx lays out.
func xlsxTable(a *ir.Annex) *xlsx.Table {
	t := &a.Table
	out := &xlsx.Table{
		Label:     a.Label.S,
		Title:     a.Title.S,
		Subtitle:  a.Reference.S,
		Header:    make([][]xlsx.HeaderCell, len(t.Header)),
		Align:     make([]xlsx.Align, len(t.Align)),
		Width:     t.Width,
		Rows:      make([][]string, len(t.Rows)),
		Landscape: a.Landscape,
	}
	for r, row := range t.Header {
		for _, c := range row {
			out.Header[r] = append(out.Header[r], xlsx.HeaderCell{Text: c.Text.S, ColSpan: c.ColSpan, RowSpan: c.RowSpan})
		}
	}
	for c, al := range t.Align {
		out.Align[c] = xlsxAlign[al]
	}
	for r, row := range t.Rows {
		out.Rows[r] = texts(row)
	}
	if len(t.Totals) > 0 {
		out.Totals = texts(t.Totals)
	}
	return out
}

func texts(ts []ir.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.S
	}
	return out
}

// sheetName makes label a worksheet name not in used (compared without
// case, as Excel does) and adds it there: characters a sheet name cannot
// hold become spaces, it is cut to 31 characters, and a repeated name
// gets " (2)", " (3)" ….
func sheetName(label string, used map[string]bool) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) || r < ' ' {
			return ' '
		}
		return r
	}, label)
	base = strings.Trim(strings.Join(strings.Fields(base), " "), "'")
	if base == "" {
		base = "Phụ lục"
	}
	name := strings.TrimRight(cut(base, 31), " '")
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = strings.TrimRight(cut(base, 31-utf8.RuneCountInString(suffix)), " '") + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

// cut returns the first n runes of s.
func cut(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
