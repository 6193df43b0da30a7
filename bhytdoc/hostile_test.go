package bhytdoc

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

// The guard's budget for one hostile case. Every case finishes in well
// under a second; the budget only has to catch a hang or a runaway
// allocation before it takes the machine down.
const (
	hostileTimeout = 10 * time.Second
	hostileHeap    = 1 << 30 // live heap, bytes
)

// guard runs fn under a time and memory watchdog. debug.SetMemoryLimit
// only makes the collector work harder, so the heap is also sampled: on a
// breach the test binary panics at once (a goroutine cannot be stopped
// from outside), which fails fast instead of hanging or swapping.
func guard(t *testing.T, fn func()) {
	t.Helper()
	old := debug.SetMemoryLimit(hostileHeap)
	defer debug.SetMemoryLimit(old)
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		fn()
	}()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	deadline := time.After(hostileTimeout)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-done:
			if r != nil {
				t.Fatalf("panic: %v", r)
			}
			return
		case <-deadline:
			panic(fmt.Sprintf("%s: still running after %v", t.Name(), hostileTimeout))
		case <-tick.C:
			metrics.Read(sample)
			if h := sample[0].Value.Uint64(); h > hostileHeap {
				panic(fmt.Sprintf("%s: live heap %d MB, budget %d MB", t.Name(), h>>20, hostileHeap>>20))
			}
		}
	}
}

// wantFields checks that err is a *ValidationError naming every field in
// fields (each as a prefix of some reported field) with msg in its text.
func wantFields(t *testing.T, err error, msg string, fields ...string) {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *ValidationError naming %v, got %v", fields, err)
	}
	got := ve.Fields()
	for _, f := range fields {
		found := false
		for _, g := range got {
			found = found || g == f
		}
		if !found {
			t.Errorf("error does not name %s: %v", f, err)
		}
	}
	if !strings.Contains(err.Error(), msg) {
		t.Errorf("error lacks %q: %v", msg, err)
	}
}

// laidOut renders d and checks the layout invariants: every text box lies
// on its page, and every rune of the model's text is drawn. It returns
// the pages.
func laidOut(t *testing.T, d *Document, o *Options) []pdf.Page {
	t.Helper()
	p, err := d.prepare(o, true)
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	pages, err := pdf.LayoutDoc(p.ir, p.set, p.font)
	if err != nil {
		t.Fatalf("layout: %v", err)
	}
	checkOnPage(t, pages)
	checkInCells(t, pages)
	checkNoTextLost(t, p.ir, pages)
	b, err := pdf.Render(p.ir, p.set, p.font)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	if len(b) == 0 {
		t.Error("empty PDF")
	}
	return pages
}

// checkOnPage fails for any text whose box (left edge to left edge plus
// width, ascender to descender) leaves its page.
func checkOnPage(t *testing.T, pages []pdf.Page) {
	t.Helper()
	const tol = 0.01
	bad := 0
	for i, p := range pages {
		for _, o := range p.Ops {
			// A NaN or infinite coordinate becomes a NaN operator in the
			// content stream.
			for _, v := range []float64{o.X, o.Y, o.W, o.H, o.Size} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("page %d: op %+v has a coordinate %g", i+1, o, v)
				}
			}
		}
		pw, ph := 210.0, 297.0
		if p.Landscape {
			pw, ph = ph, pw
		}
		for _, o := range p.Ops {
			if o.Kind != pdf.OpText {
				continue
			}
			asc, desc := 0.8*o.Size*25.4/72, 0.3*o.Size*25.4/72
			ok := o.X >= -tol && o.X+o.W <= pw+tol && o.Y-asc >= -tol && o.Y+desc <= ph+tol
			if !ok || math.IsNaN(o.X+o.Y+o.W) {
				if bad++; bad <= 5 {
					t.Errorf("page %d: text %.40q at x=%.1f..%.1f y=%.1f is off the %gx%g page", i+1, o.S, o.X, o.X+o.W, o.Y, pw, ph)
				}
			}
		}
	}
	if bad > 5 {
		t.Errorf("%d texts off the page in all", bad)
	}
}

// checkInCells fails for table text that starts inside a cell box and
// runs past its right edge: a column too narrow for its characters.
func checkInCells(t *testing.T, pages []pdf.Page) {
	t.Helper()
	const tol = 0.01
	for i, p := range pages {
		for _, o := range p.Ops {
			if o.Kind != pdf.OpText {
				continue
			}
			for _, r := range p.Ops {
				if r.Kind == pdf.OpRect && o.X >= r.X && o.X < r.X+r.W && o.Y > r.Y && o.Y < r.Y+r.H && o.X+o.W > r.X+r.W+tol {
					t.Errorf("page %d: text %.20q ends at x=%.2f past its cell's right edge %.2f", i+1, o.S, o.X+o.W, r.X+r.W)
					return
				}
			}
		}
	}
}

// checkNoTextLost fails unless every non-space rune of the model is drawn
// as often as the model holds it (page numbers and markers may add more).
func checkNoTextLost(t *testing.T, doc *ir.Doc, pages []pdf.Page) {
	t.Helper()
	want := map[rune]int{}
	doc.Each(func(x ir.Text, _ ir.Style) {
		for _, r := range x.S {
			if !unicode.IsSpace(r) {
				want[r]++
			}
		}
	})
	got := map[rune]int{}
	for _, p := range pages {
		for _, o := range p.Ops {
			for _, r := range o.S {
				got[r]++
			}
		}
	}
	for r, n := range want {
		if got[r] < n {
			t.Errorf("%q: %d in the model, %d drawn", r, n, got[r])
		}
	}
}

// pdfText renders d and returns the text poppler extracts from it.
func pdfText(t *testing.T, d *Document) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: run ./scripts/test-deps.sh (see README)")
	}
	b, err := RenderPDF(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// table is an annex of n columns and the given rows of cells.
func table(n int, rows ...[]string) Annex {
	var head []HeaderCell
	for c := range n {
		head = append(head, HeaderCell{Text: "Cột " + strconv.Itoa(c+1)})
	}
	return Annex{Title: "Biểu tổng hợp", Table: Table{Header: [][]HeaderCell{head}, Rows: rows}}
}

func row(n int, fill func(c int) string) []string {
	r := make([]string, n)
	for c := range r {
		r[c] = fill(c)
	}
	return r
}

// pngChunk encodes one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// craftPNG returns a PNG declaring w×h pixels of colour type ct with the
// given IDAT payload, as a hostile file would.
func craftPNG(w, h uint32, ct byte, idat []byte) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, ct, 0, 0, 0)
	b := []byte("\x89PNG\r\n\x1a\n")
	b = append(b, pngChunk("IHDR", ihdr)...)
	b = append(b, pngChunk("IDAT", idat)...)
	return append(b, pngChunk("IEND", nil)...)
}

func goodPNG(t *testing.T, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range w {
		img.Set(i, i%h, color.NRGBA{0, 0, 200, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestHostile runs each hostile input of issue 8 that the model, its
// validation and the PDF layout must survive, one subtest per item, under
// a time and memory guard. A case either lays out with every text on the
// page and none lost, or is refused naming the field.
func TestHostile(t *testing.T) {
	t.Run("item01_table_width_and_tokens", func(t *testing.T) {
		for _, w := range []float64{2, 0.0001, 1, 2.4, 1e9, math.Inf(1), math.NaN(), -1} {
			guard(t, func() {
				d := minimal()
				a := table(3, []string{"1", "Phường An Bình", "10.125"})
				a.Table.Columns = []Column{{}, {Width: w}, {}}
				d.Annexes = []Annex{a}
				_, err := RenderPDF(d, nil)
				wantFields(t, err, "", "Annexes[0].Table.Columns[1].Width")
			})
		}
		// Set widths that leave no room for the other columns.
		guard(t, func() {
			d := minimal()
			a := table(3, []string{"1", "a", "b"})
			a.Table.Columns = []Column{{Width: 120}, {Width: 120}, {}}
			d.Annexes = []Annex{a}
			_, err := RenderPDF(d, nil)
			wantFields(t, err, "landscape page", "Annexes[0].Table.Columns")
		})
		for _, n := range []int{56, 200} {
			guard(t, func() {
				d := minimal()
				d.Annexes = []Annex{table(n, row(n, func(c int) string { return strconv.Itoa(c) }))}
				_, err := RenderPDF(d, nil)
				wantFields(t, err, fmt.Sprint("at most ", MaxColumns), "Annexes[0].Table.Header")
			})
		}
		// What the limits allow lays out: MaxColumns columns of long
		// numbers, unbroken tokens in a narrow table, set widths at the
		// limit with a long token in the remaining column.
		cases := map[string]Annex{
			"max columns": table(MaxColumns, row(MaxColumns, func(c int) string { return strings.Repeat("9", 12) })),
			"200 Đ":       table(3, []string{"1", strings.Repeat("Đ", 200), "x"}),
			"300 digits":  table(3, []string{"1", "a", strings.Repeat("7", 300)}),
		}
		fixed := table(3, []string{strings.Repeat("Đ", 50), strings.Repeat("Ư", 80), "1"})
		fixed.Table.Columns = []Column{{Width: MinColumnWidth}, {Width: MaxTableWidth - 2*MinColumnWidth}, {}}
		cases["fixed widths"] = fixed
		// Left-aligned neighbours of a long token keep room for a glyph.
		squeezed := table(3, []string{"WWW", strings.Repeat("Đ", 3000), "WW"})
		squeezed.Table.Columns = []Column{{Align: AlignLeft}, {Align: AlignLeft}, {Align: AlignLeft}}
		cases["squeezed"] = squeezed
		for name, a := range cases {
			t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
				guard(t, func() {
					d := minimal()
					d.Annexes = []Annex{a}
					laidOut(t, d, nil)
				})
			})
		}
	})

	t.Run("item02_huge_span", func(t *testing.T) {
		for _, cs := range []int{1_000_000, 100_000_000, math.MaxInt} {
			guard(t, func() {
				d := minimal()
				a := table(2, []string{"1", "2"})
				a.Table.Header = [][]HeaderCell{{{Text: "A", ColSpan: cs}}, {{Text: "a"}, {Text: "b"}}}
				d.Annexes = []Annex{a}
				wantFields(t, d.Validate(), fmt.Sprint("at most ", MaxColumns), "Annexes[0].Table.Header[0][0]")
				if n := a.Table.Cols(); n != cs {
					t.Errorf("Cols() = %d, want %d", n, cs)
				}
			})
		}
		guard(t, func() {
			d := minimal()
			a := table(2, []string{"1", "2"})
			a.Table.Header = [][]HeaderCell{{{Text: "A", RowSpan: math.MaxInt}, {Text: "B"}}, {{Text: "b"}}}
			d.Annexes = []Annex{a}
			wantFields(t, d.Validate(), "rows", "Annexes[0].Table.Header[0][0]")
		})
	})

	t.Run("item03_png_bomb", func(t *testing.T) {
		// 20000×20000 RGBA declared; the IDAT is a little deflate data.
		// The size is refused before a pixel is decompressed.
		var z bytes.Buffer
		z.Write([]byte{0x78, 0x9c})
		z.Write(bytes.Repeat([]byte{0}, 4096))
		bomb := craftPNG(20000, 20000, 6, z.Bytes())
		for _, field := range []string{"Image", "Seal"} {
			guard(t, func() {
				d := minimal()
				if field == "Image" {
					d.Signatures[0].Image = bomb
				} else {
					d.Signatures[0].Seal = bomb
				}
				start := time.Now()
				_, err := RenderPDF(d, nil)
				wantFields(t, err, "20000 × 20000 pixels", "Signatures[0]."+field)
				if el := time.Since(start); el > 2*time.Second {
					t.Errorf("refusing took %v", el)
				}
			})
		}
		// A big but allowed image still renders.
		guard(t, func() {
			d := minimal()
			d.Signatures[0].Image = goodPNG(t, 2048, 1024)
			laidOut(t, d, nil)
		})
	})

	t.Run("item07_bidi_invisible", func(t *testing.T) {
		for _, r := range []rune{'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200D', '\u200E', '\u200F', '\uFEFF', '\u2060', '\u2028', '\u2029'} {
			guard(t, func() {
				d := minimal()
				d.Signatures[0].Name = "Vương" + string(r) + " Công Khanh"
				d.Body[0].Text[0].Text = "Nội" + string(r) + " dung."
				d.Issuer.Name = "Ủy ban nhân dân\nquận" + string(r)
				wantFields(t, d.Validate(), fmt.Sprintf("%U", r), "Signatures[0].Name", "Body[0].Text[0]", "Issuer.Name")
			})
		}
		guard(t, func() {
			d := minimal()
			d.Signatures[0].Name = "Vương Công\u00ADKhanh"
			d.Body[0].Text[0].Text = "Nội dung\u200C."
			if err := d.Validate(); err != nil {
				t.Errorf("soft hyphen and ZWNJ refused: %v", err)
			}
		})
	})

	t.Run("item08_noi_nhan_overflow", func(t *testing.T) {
		for _, n := range []int{70, 5000} {
			guard(t, func() {
				d := minimal()
				d.Recipients = nil
				for i := range n {
					d.Recipients = append(d.Recipients, Recipient{Name: fmt.Sprintf("UBND phường số %d", i+1)})
				}
				pages := laidOut(t, d, nil)
				last := pages[len(pages)-1]
				found := false
				for _, o := range last.Ops {
					found = found || strings.Contains(o.S, "Lưu: VT.")
				}
				if !found {
					t.Errorf("%d entries: \"Lưu: VT.\" not on the last page", n)
				}
				if n == 70 {
					// What a reader of the PDF sees, not only the layout.
					txt := pdfText(t, d)
					for _, want := range []string{"UBND phường số 1;", "UBND phường số 61;", "UBND phường số 70;", "Lưu: VT."} {
						if !strings.Contains(txt, want) {
							t.Errorf("pdftotext lacks %q", want)
						}
					}
				}
			})
		}
	})

	// The same overflow with a braced group and ô 12 in the part that
	// continues: the group stays whole, the purpose beside it, and
	// "PL.(300)" comes last, after "Lưu".
	t.Run("item08_noi_nhan_overflow_group_typist", func(t *testing.T) {
		guard(t, func() {
			d := minimal()
			d.Recipients = nil
			for i := range 70 {
				r := Recipient{Name: fmt.Sprintf("UBND phường số %d", i+1)}
				switch i {
				case 64:
					r.Purpose = "để báo cáo"
				case 65, 66:
					r.Joined = true
				}
				d.Recipients = append(d.Recipients, r)
			}
			d.Typist, d.IssuedCopies = "PL", 300
			pages := laidOut(t, d, nil)
			if len(pages) < 2 {
				t.Fatalf("%d pages: the list did not continue", len(pages))
			}
			where := map[string]int{}
			for i, p := range pages {
				for _, o := range p.Ops {
					for _, w := range []string{"UBND phường số 65", "UBND phường số 67", "để báo cáo", "Lưu: VT.", "PL.(300)"} {
						if strings.Contains(o.S, w) {
							where[w] = i + 1
						}
					}
				}
			}
			last := len(pages)
			if where["UBND phường số 65"] == 0 || where["UBND phường số 65"] != where["UBND phường số 67"] || where["để báo cáo"] != where["UBND phường số 65"] {
				t.Errorf("the group is split or its purpose is elsewhere: %v", where)
			}
			if where["Lưu: VT."] != last || where["PL.(300)"] != last {
				t.Errorf("Lưu and ô 12 not on the last page %d: %v", last, where)
			}
			txt := pdfText(t, d)
			if i, j := strings.Index(txt, "Lưu: VT."), strings.Index(txt, "PL.(300)"); i < 0 || j < i {
				t.Errorf("pdftotext: Lưu at %d, PL.(300) at %d", i, j)
			}
		})
	})

	// A 16 MiB source can hold hundreds of thousands of rows, and each
	// costs every writer time and memory: the rows of all a document's
	// tables together are bounded, and the error names the table at
	// which the count passes the bound.
	t.Run("table_rows_bounded", func(t *testing.T) {
		guard(t, func() {
			rows := func(n int) [][]string {
				out := make([][]string, n)
				for i := range out {
					out[i] = []string{strconv.Itoa(i + 1), "Xã"}
				}
				return out
			}
			annex := func(n int) Annex {
				return Annex{Title: "Phụ lục", Table: Table{Header: [][]HeaderCell{{{Text: "STT"}, {Text: "Đơn vị"}}}, Rows: rows(n)}}
			}
			d := minimal()
			d.Annexes = []Annex{annex(MaxTableRows / 2), annex(MaxTableRows / 2)}
			if err := d.Validate(); err != nil {
				t.Fatalf("%d rows in all: %v", MaxTableRows, err)
			}
			d.Annexes[1] = annex(MaxTableRows/2 + 1)
			err := d.Validate()
			if err == nil || !strings.Contains(err.Error(), "Annexes[1].Table.Rows") || !strings.Contains(err.Error(), "at most 20000 together") {
				t.Errorf("%d rows in all: %v", MaxTableRows+1, err)
			}
		})
	})

	t.Run("item09_row_taller_than_page", func(t *testing.T) {
		var sb strings.Builder
		for i := 0; sb.Len() < 10000; i++ {
			fmt.Fprintf(&sb, "cụm %d ", i)
		}
		long := strings.TrimSpace(sb.String())
		guard(t, func() {
			d := minimal()
			d.Annexes = []Annex{table(3, []string{"1", long, "ghi chú"}, []string{"2", "ngắn", long[:3000]})}
			d.Annexes[0].Table.Totals = []string{"", "Cộng", "x"}
			pages := laidOut(t, d, nil)
			var drawn strings.Builder
			for _, p := range pages {
				for _, o := range p.Ops {
					drawn.WriteString(o.S)
					drawn.WriteByte(' ')
				}
			}
			phrases := strings.Count(long, "cụm ")
			if got := strings.Count(drawn.String(), "cụm "); got < phrases {
				t.Errorf("%d of %d phrases drawn", got, phrases)
			}
		})
	})

	t.Run("item09_tall_header_and_title", func(t *testing.T) {
		// Header cells at their limit in every column: refused naming the
		// header when taller than half a page, never drawn off it.
		for _, n := range []int{3, MaxColumns} {
			guard(t, func() {
				d := minimal()
				a := table(n, row(n, func(int) string { return "1" }))
				for c := range a.Table.Header[0] {
					a.Table.Header[0][c].Text = strings.Repeat("Tỷ lệ ", MaxHeaderCellRunes/6)
				}
				a.Title = strings.Repeat("W", MaxSummaryRunes)
				a.Reference = strings.Repeat("Kèm theo ", MaxSummaryRunes/9)
				d.Annexes = []Annex{a}
				if n == MaxColumns {
					_, err := RenderPDF(d, nil)
					wantFields(t, err, "half a page", "Annexes[0].Table.Header")
					return
				}
				laidOut(t, d, nil)
			})
		}
	})

	t.Run("item10_long_name_and_abbrev", func(t *testing.T) {
		for _, n := range []int{46, MaxNameRunes} {
			guard(t, func() {
				d := minimal()
				d.Signatures[0].Name = strings.Repeat("Ư", n)
				laidOut(t, d, nil)
				d.Signatures = append(d.Signatures, Signature{Position: "Chủ tịch", Name: strings.Repeat("Nguyễn Văn ", n/11)})
				laidOut(t, d, nil)
			})
		}
		guard(t, func() {
			d := minimal()
			d.Signatures[0].Name = strings.Repeat("Ư", 137)
			d.Issuer.Abbrev = strings.Repeat("A", 120)
			wantFields(t, d.Validate(), "at most", "Signatures[0].Name", "Issuer.Abbrev")
		})
		for _, k := range []Kind{CongVan, KeHoach} {
			guard(t, func() {
				d := minimal()
				d.Kind = k
				d.Number = math.MaxInt
				d.Issuer.Abbrev = strings.Repeat("Đ", MaxAbbrevRunes)
				d.DraftingUnit = strings.Repeat("W", MaxAbbrevRunes)
				d.Issuer.Name = strings.Repeat("Ủy ban nhân dân ", MaxHeaderRunes/16)
				d.Issuer.Parent = strings.Repeat("W", MaxHeaderRunes)
				d.Place = strings.Repeat("Cái Răng ", MaxHeaderRunes/9)
				d.Summary = strings.Repeat("W", MaxSummaryRunes)
				d.Signatures[0].Authority = []Authority{{TM, strings.Repeat("W", MaxTitleRunes)}, {KT, strings.Repeat("Chủ tịch ", MaxTitleRunes/9)}}
				d.Signatures[0].Position = strings.Repeat("W", MaxTitleRunes)
				d.Signatures[0].Name = strings.Repeat("W", MaxNameRunes)
				laidOut(t, d, nil)
				// A second block, in the narrower left column, at the
				// limits too; the body fills most of the page before it.
				d.Signatures = append(d.Signatures, d.Signatures[0])
				for range 30 {
					d.Body = append(d.Body, Block{Kind: Paragraph, Text: []Span{{Text: "Nội dung dài."}}})
				}
				laidOut(t, d, nil)
			})
		}
	})

	t.Run("item11_nan_options", func(t *testing.T) {
		for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
			for _, f := range []string{"MarginTop", "MarginBottom", "MarginLeft", "MarginRight", "BodySize", "LineSpacing", "ParagraphSpacing", "Indent"} {
				guard(t, func() {
					var o Options
					*map[string]*float64{
						"MarginTop": &o.MarginTop, "MarginBottom": &o.MarginBottom, "MarginLeft": &o.MarginLeft,
						"MarginRight": &o.MarginRight, "BodySize": &o.BodySize, "LineSpacing": &o.LineSpacing,
						"ParagraphSpacing": &o.ParagraphSpacing, "Indent": &o.Indent,
					}[f] = v
					var buf bytes.Buffer
					err := WritePDF(&buf, minimal(), &o)
					wantFields(t, err, "outside", "Options."+f)
					if buf.Len() != 0 {
						t.Error("wrote output")
					}
				})
			}
		}
	})

	t.Run("item12_corrupt_png", func(t *testing.T) {
		w := zlibOf(bytes.Repeat([]byte{0}, 4*(1+3*4)))
		cases := map[string][]byte{
			"0x0":           craftPNG(0, 0, 2, w),
			"0x5":           craftPNG(0, 5, 2, w),
			"idat not zlib": craftPNG(4, 4, 2, []byte("this is not zlib data at all")),
			"2^31-1 wide":   craftPNG(1<<31-1, 1, 2, w),
			"truncated":     goodPNG(t, 40, 20)[:60],
			"short idat":    craftPNG(40, 40, 2, w),
			"only header":   []byte("\x89PNG\r\n\x1a\n"),
			"not png":       []byte("GIF89a"),
		}
		for name, img := range cases {
			t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
				guard(t, func() {
					d := minimal()
					d.Signatures[0].Seal = img
					var buf bytes.Buffer
					err := WritePDF(&buf, d, nil)
					wantFields(t, err, "", "Signatures[0].Seal")
					if buf.Len() != 0 {
						t.Error("wrote output")
					}
				})
			})
		}
		// Valid PNGs of every colour type and depth render.
		imgs := []image.Image{
			image.NewGray(image.Rect(0, 0, 30, 20)), image.NewGray16(image.Rect(0, 0, 30, 20)),
			image.NewRGBA64(image.Rect(0, 0, 30, 20)), image.NewNRGBA(image.Rect(0, 0, 30, 20)),
			image.NewPaletted(image.Rect(0, 0, 30, 20), color.Palette{color.Black, color.Transparent}),
		}
		for i, im := range imgs {
			guard(t, func() {
				var b bytes.Buffer
				if err := png.Encode(&b, im); err != nil {
					t.Fatal(err)
				}
				d := minimal()
				d.Signatures[0].Image = b.Bytes()
				if _, err := RenderPDF(d, nil); err != nil {
					t.Errorf("image %d (%T): %v", i, im, err)
				}
			})
		}
	})

	t.Run("item17_nil_and_huge_values", func(t *testing.T) {
		guard(t, func() {
			var nilDoc *Document
			var buf bytes.Buffer
			wantFields(t, WritePDF(&buf, nil, nil), "nil", "Document")
			if _, err := RenderPDF(nil, nil); err == nil {
				t.Error("RenderPDF(nil) succeeded")
			}
			wantFields(t, nilDoc.Validate(), "nil", "Document")
			if err := WritePDF(nil, minimal(), nil); err == nil {
				t.Error("WritePDF to a nil writer succeeded")
			}
			if nilDoc.Clone() != nil || nilDoc.Normalized(ToneModern) != nil {
				t.Error("nil document copied to non-nil")
			}
			_ = nilDoc.NumberSymbol() + nilDoc.PlaceDate() + nilDoc.AnnexReference()
			if l, r := nilDoc.AnnexHeading(3); l != "" || r != "" {
				t.Error("AnnexHeading of a nil document")
			}
			if l, _ := minimal().AnnexHeading(-1); l != "" {
				t.Error("AnnexHeading out of range")
			}
			var nt *Table
			nt.EachHeaderCell(func(int, int, HeaderCell) { t.Error("cell of a nil table") })
			(&Table{Header: [][]HeaderCell{{{Text: "a"}}}}).EachHeaderCell(nil)
			if nt.Cols() != 0 || nt.ColumnAlign(0) != AlignLeft {
				t.Error("nil table has columns")
			}
		})
		guard(t, func() {
			d := minimal()
			a := table(2, []string{"1", "2"})
			a.Table.Header[0][0].ColSpan = math.MaxInt
			a.Table.Columns = []Column{{Width: math.Inf(1)}, {}}
			d.Annexes = []Annex{a}
			_, err := RenderPDF(d, nil)
			wantFields(t, err, "", "Annexes[0].Table.Header[0][0]")
			a.Table.Header[0][0].ColSpan = 0
			_, err = RenderPDF(d, nil)
			wantFields(t, err, "+Inf", "Annexes[0].Table.Columns[0].Width")
		})
	})

	runtime.GC()
}

func zlibOf(b []byte) []byte {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
