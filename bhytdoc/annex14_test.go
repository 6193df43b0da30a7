package bhytdoc_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/lotest"
	"golang.org/x/text/unicode/norm"
)

var communes13 = []string{"Phường Lê Bình", "Phường Hưng Phú", "Phường Hưng Thạnh", "Phường Ba Láng", "Phường Thường Thạnh", "Phường Phú Thứ", "Phường Tân Phú", "Xã Mỹ Khánh", "Xã Nhơn Ái", "Xã Nhơn Nghĩa", "Thị trấn Phong Điền", "Xã Giai Xuân", "Xã Tân Thới"}

// annex14Numbers are the numbers of every year group, each printed 13
// times in the rows and once in the totals of each year.
var annex14Numbers = []string{"111.672", "98.765", "12.907", "99,5"}

// keHoach14 is a kế hoạch with a real-size annex: 14 columns under a
// two-level header (STT, Đơn vị, then per year Dân số, Số người tham gia
// BHYT, Số người chưa tham gia BHYT (người), Tỷ lệ (%)), 13 communes and
// a totals row.
func keHoach14(t testing.TB) *bhytdoc.Document {
	d := quyetDinh(t, 1)
	d.Kind = bhytdoc.KeHoach
	d.Authority = ""
	top := []bhytdoc.HeaderCell{{Text: "STT", RowSpan: 2}, {Text: "Đơn vị", RowSpan: 2}}
	var leaf []bhytdoc.HeaderCell
	for y := range 3 {
		top = append(top, bhytdoc.HeaderCell{Text: fmt.Sprintf("Năm %d", 2023+y), ColSpan: 4})
		leaf = append(leaf, bhytdoc.HeaderCell{Text: "Dân số"}, bhytdoc.HeaderCell{Text: "Số người tham gia BHYT"},
			bhytdoc.HeaderCell{Text: "Số người chưa tham gia BHYT (người)"}, bhytdoc.HeaderCell{Text: "Tỷ lệ (%)"})
	}
	tb := bhytdoc.Table{Header: [][]bhytdoc.HeaderCell{top, leaf}}
	for i, c := range communes13 {
		row := []string{strconv.Itoa(i + 1), c}
		for range 3 {
			row = append(row, annex14Numbers...)
		}
		tb.Rows = append(tb.Rows, row)
	}
	tb.Totals = append([]string{"", "Tổng cộng"}, tb.Rows[0][2:]...)
	d.Annexes = []bhytdoc.Annex{{Title: "Kết quả tham gia bảo hiểm y tế giai đoạn 2023–2025", Table: tb}}
	return d
}

// bboxFile reads the words of each page of a PDF file.
func bboxFile(t *testing.T, f string) [][]bboxWord {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", f, "-")
	var pages [][]bboxWord
	for _, pg := range strings.Split(out, "<page ")[1:] {
		var ws []bboxWord
		for _, m := range reBBoxWord.FindAllStringSubmatch(pg, -1) {
			var b [4]float64
			for i := range b {
				b[i], _ = strconv.ParseFloat(m[i+1], 64)
			}
			s := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(m[5])
			ws = append(ws, bboxWord{norm.NFC.String(s), b[0], b[1], b[2], b[3]})
		}
		pages = append(pages, ws)
	}
	return pages
}

// checkAnnex14 checks a rendering of keHoach14 read back by position:
// the annex's rows and totals on one page, every number whole, and no
// header cell over 3 lines (the year line and at most 3 more above the
// first row). It returns the number of pages.
func checkAnnex14(t *testing.T, what string, pages [][]bboxWord) int {
	t.Helper()
	annex := -1
	for i, p := range pages {
		for _, w := range p {
			if w.s == "Năm" {
				annex = i
			}
		}
		if annex >= 0 {
			break
		}
	}
	if annex < 0 {
		t.Fatalf("%s: annex header not found", what)
	}
	p := pages[annex]
	text := ""
	for _, w := range p {
		text += w.s + " "
	}
	for _, c := range append(slices.Clone(communes13), "Tổng cộng") {
		if !strings.Contains(text, c) {
			t.Errorf("%s: %q not on the annex's first page (page %d): the annex does not fit one page", what, c, annex+1)
		}
	}
	for _, n := range annex14Numbers {
		count := 0
		for _, w := range p {
			if w.s == n {
				count++
			}
		}
		if count != 3*(len(communes13)+1) {
			t.Errorf("%s: %q printed whole %d times, want %d: a number is split", what, n, count, 3*(len(communes13)+1))
		}
	}
	// Header lines: the distinct baselines between the year line and the
	// first row, but for the cells spanning both rows.
	top, first := 1e9, 1e9
	for _, w := range p {
		if w.s == "Năm" {
			top = min(top, w.y1)
		}
		if w.s == "Lê" {
			first = min(first, w.y0)
		}
	}
	var lines []float64
	for _, w := range p {
		if w.y1 < top-0.5 || w.y1 > first || w.s == "STT" || w.s == "Đơn" || w.s == "vị" {
			continue // STT and Đơn vị are centred over both header rows
		}
		seen := false
		for _, y := range lines {
			seen = seen || (y-w.y1 < 2 && w.y1-y < 2)
		}
		if !seen {
			lines = append(lines, w.y1)
		}
	}
	t.Logf("%s: %d header lines", what, len(lines))
	if len(lines) > 1+3 {
		t.Errorf("%s: header has %d lines (year line included), want at most 4: a header cell wraps to more than 3", what, len(lines))
	}
	return len(pages)
}

// TestAnnex14PDF: the 14-column two-level annex fits one page of the PDF
// with whole numbers and headers of at most 3 lines.
func TestAnnex14PDF(t *testing.T) {
	f, _ := render(t, keHoach14(t))
	checkAnnex14(t, "PDF", bboxFile(t, f))
}

// TestAnnex14DOCX: LibreOffice's rendering of the DOCX holds the same:
// one page for the annex, no number split (the widths leave room for the
// cell margins), headers of at most 3 lines, and as many pages as the PDF.
func TestAnnex14DOCX(t *testing.T) {
	lotest.Binary(t)
	d := keHoach14(t)
	f, _ := render(t, d)
	want := len(bboxFile(t, f))
	b, err := bhytdoc.RenderDOCX(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "kh.docx")
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out := lotest.ToPDF(t, dir, []string{name})
	if got := checkAnnex14(t, "DOCX via LibreOffice", bboxFile(t, filepath.Join(out, "kh.pdf"))); got != want {
		t.Errorf("LibreOffice renders the DOCX on %d pages, the PDF has %d", got, want)
	}
}
