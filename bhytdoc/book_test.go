package bhytdoc_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// bookOf lays out the seeds and writes them into one PDF.
func bookOf(t *testing.T, duplex bool) (string, []byte, []*bhytdoc.PDFLayout) {
	return chunkedBookOf(t, duplex, 0)
}

// chunkedBookOf is bookOf writing pages out every chunk pages (0: the
// default).
func chunkedBookOf(t *testing.T, duplex bool, chunk int) (string, []byte, []*bhytdoc.PDFLayout) {
	t.Helper()
	var ls []*bhytdoc.PDFLayout
	var buf bytes.Buffer
	b := bhytdoc.NewPDFBook(&buf, &bhytdoc.PDFBookOptions{Title: "Các văn bản", Duplex: duplex})
	if chunk > 0 {
		bhytdoc.SetBookChunkPages(b, chunk)
	}
	for _, ex := range seeds.All() {
		l, err := bhytdoc.LayoutPDF(ex.Doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Add(l, "Thư "+ex.Name); err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return f, buf.Bytes(), ls
}

func pdfPages(t *testing.T, f string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", f))
	if m == nil {
		t.Fatal("pdfinfo: no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestPDFBook(t *testing.T) {
	f, b, ls := bookOf(t, false)
	run(t, "qpdf", "--check", f)
	want, sum := 0, 0
	for i, l := range ls {
		want += l.Pages()
		one, err := l.Render()
		if err != nil {
			t.Fatal(err)
		}
		// A layout renders alone exactly as RenderPDF does.
		direct, err := bhytdoc.RenderPDF(seeds.All()[i].Doc, nil)
		if err != nil || !bytes.Equal(one, direct) {
			t.Errorf("%d: PDFLayout.Render differs from RenderPDF (%v)", i, err)
		}
		sum += len(one)
	}
	if got := pdfPages(t, f); got != want {
		t.Errorf("book has %d pages, want %d", got, want)
	}
	// Each face once: as many embedded font files as styles, not one set
	// per document.
	if n := bytes.Count(b, []byte("/FontFile2")); n == 0 || n > 4 {
		t.Errorf("%d embedded font files, want 1–4", n)
	}
	if len(b) >= sum {
		t.Errorf("book %d bytes, not smaller than the separate files (%d)", len(b), sum)
	}
	// The outline names each document, and each document's page numbers
	// restart: the page after each first page is numbered 2.
	js := run(t, "qpdf", "--json", "--json-key=outlines", f)
	for _, ex := range seeds.All() {
		if !strings.Contains(js, "Thư "+ex.Name) {
			t.Errorf("outline lacks %q:\n%s", "Thư "+ex.Name, js)
		}
	}
	first := 1
	for i, l := range ls {
		if l.Pages() >= 2 {
			txt := run(t, "pdftotext", "-f", strconv.Itoa(first+1), "-l", strconv.Itoa(first+1), "-layout", f, "-")
			if !regexp.MustCompile(`(?m)^\s*2\s*$`).MatchString(txt) {
				t.Errorf("document %d: its second page (book page %d) is not numbered 2:\n%s", i, first+1, txt)
			}
		}
		first += l.Pages()
	}
	if !strings.Contains(run(t, "pdfinfo", f), "2020") {
		t.Error("the creation date is not the first document's")
	}
	if _, b2, _ := bookOf(t, false); !bytes.Equal(b, b2) {
		t.Error("two books of the same documents differ")
	}
}

func TestPDFBookDuplex(t *testing.T) {
	f, _, ls := bookOf(t, true)
	run(t, "qpdf", "--check", f)
	want := 0
	for _, l := range ls {
		want += l.Pages() + l.Pages()%2
	}
	want -= ls[len(ls)-1].Pages() % 2 // no blank back after the last
	if got := pdfPages(t, f); got != want {
		t.Errorf("duplex book has %d pages, want %d", got, want)
	}
	// Every document starts on an odd page: its first page holds the
	// national title.
	page := 1
	for i, l := range ls {
		txt := run(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), f, "-")
		if !strings.Contains(txt, "Độc lập") {
			t.Errorf("document %d does not start on page %d:\n%s", i, page, txt)
		}
		page += l.Pages() + l.Pages()%2
	}
}

func TestPDFBookEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := bhytdoc.NewPDFBook(&buf, nil).Close(); err == nil || buf.Len() != 0 {
		t.Errorf("empty book: %v, %d bytes", err, buf.Len())
	}
}

// A long book is written out in chunks; joined, they are one valid PDF
// with the same pages, text and outline as a book drawn in one piece.
func TestPDFBookChunks(t *testing.T) {
	whole, wb, _ := chunkedBookOf(t, true, 0)
	f, b, _ := chunkedBookOf(t, true, 2)
	run(t, "qpdf", "--check", f)
	if pdfPages(t, f) != pdfPages(t, whole) {
		t.Fatalf("%d pages, want %d", pdfPages(t, f), pdfPages(t, whole))
	}
	if got, want := run(t, "pdftotext", "-layout", f, "-"), run(t, "pdftotext", "-layout", whole, "-"); got != want {
		t.Errorf("the chunked book's text differs:\n%s", diffAt(got, want))
	}
	js := run(t, "qpdf", "--json", "--json-key=outlines", f)
	for _, ex := range seeds.All() {
		if !strings.Contains(js, "Thư "+ex.Name) {
			t.Errorf("outline lacks %q", "Thư "+ex.Name)
		}
	}
	// Fonts are embedded once per book, not once per chunk.
	if n, one := bytes.Count(b, []byte("/FontFile2")), bytes.Count(wb, []byte("/FontFile2")); n != one {
		t.Errorf("%d font files in chunks, %d in one piece", n, one)
	}
	if _, b2, _ := chunkedBookOf(t, true, 2); !bytes.Equal(b, b2) {
		t.Error("two chunked books differ")
	}
}

// A book of many letters written out in several chunks embeds each face
// once, and every page reads and looks as the same letter rendered alone:
// the chunks' pages all draw with the book's one font per face.
func TestPDFBookChunksFontsOnce(t *testing.T) {
	needTool(t, "pdffonts")
	needTool(t, "pdftoppm")
	const chunk = 3
	var ls []*bhytdoc.PDFLayout
	var alone [][]byte
	var buf bytes.Buffer
	b := bhytdoc.NewPDFBook(&buf, &bhytdoc.PDFBookOptions{Title: "Các văn bản"})
	bhytdoc.SetBookChunkPages(b, chunk)
	// Which chunk each letter falls in: a chunk is written out once it
	// holds chunk pages, before the next letter.
	var chunkOf []int
	chunks, inChunk := 1, 0
	for i := range 4 {
		for _, ex := range seeds.All() {
			l, err := bhytdoc.LayoutPDF(ex.Doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Add(l, fmt.Sprintf("Thư %s %d", ex.Name, i)); err != nil {
				t.Fatal(err)
			}
			one, err := l.Render()
			if err != nil {
				t.Fatal(err)
			}
			if inChunk >= chunk {
				chunks, inChunk = chunks+1, 0
			}
			inChunk += l.Pages()
			chunkOf = append(chunkOf, chunks)
			ls = append(ls, l)
			alone = append(alone, one)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if chunks < 3 {
		t.Fatalf("only %d chunks", chunks)
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "book.pdf")
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "qpdf", "--check", f)

	// One font per face: pdffonts lists each once, embedded, and there
	// are as many font programs as faces.
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", f)), "\n")[2:]
	names := map[string]bool{}
	for _, ln := range lines {
		fs := strings.Fields(ln)
		if len(fs) < 5 || names[fs[0]] {
			t.Errorf("pdffonts: %q listed twice or malformed", ln)
			continue
		}
		names[fs[0]] = true
		// emb, sub, uni: fpdf names its subsets without a tag.
		if !strings.Contains(ln, "Identity-H") || !regexp.MustCompile(`\byes\s+(yes|no)\s+yes\b`).MatchString(ln) {
			t.Errorf("pdffonts: %q is not embedded with a ToUnicode map", ln)
		}
	}
	if len(names) == 0 || len(names) > 4 {
		t.Errorf("pdffonts lists %d fonts, want 1–4:\n%s", len(names), strings.Join(lines, "\n"))
	}
	if n := bytes.Count(buf.Bytes(), []byte("/FontFile2")); n != len(names) {
		t.Errorf("%d font programs for %d faces", n, len(names))
	}

	// Every page's text is that of the same letter's page alone.
	book := strings.Split(run(t, "pdftotext", "-layout", f, "-"), "\f")
	page := 0
	firstPage := make([]int, len(ls))
	for i, one := range alone {
		af := filepath.Join(dir, fmt.Sprintf("alone%d.pdf", i))
		if err := os.WriteFile(af, one, 0o644); err != nil {
			t.Fatal(err)
		}
		firstPage[i] = page + 1
		for j, want := range strings.Split(run(t, "pdftotext", "-layout", af, "-"), "\f")[:ls[i].Pages()] {
			if page >= len(book) || book[page] != want {
				t.Errorf("letter %d page %d (book page %d) differs from the letter alone", i, j+1, page+1)
			}
			page++
		}
	}
	if len(book) != page+1 { // pdftotext ends every page with a form feed
		t.Errorf("book has %d pages of text, want %d", len(book)-1, page)
	}

	// Pages of the first and third chunks look as the letters alone do.
	for _, c := range []int{1, 3, chunks} {
		i := slices.Index(chunkOf, c)
		for j := range ls[i].Pages() {
			got := raster(t, f, firstPage[i]+j, filepath.Join(dir, "got"))
			want := raster(t, filepath.Join(dir, fmt.Sprintf("alone%d.pdf", i)), j+1, filepath.Join(dir, "want"))
			if !bytes.Equal(got, want) {
				t.Errorf("chunk %d, letter %d, page %d: the book's page looks different from the letter alone", c, i, j+1)
			}
		}
	}
}

// raster is page of the PDF f as a 50 dpi grey image.
func raster(t *testing.T, f string, page int, prefix string) []byte {
	t.Helper()
	p := strconv.Itoa(page)
	run(t, "pdftoppm", "-r", "50", "-gray", "-f", p, "-l", p, "-singlefile", f, prefix)
	img, err := os.ReadFile(prefix + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestPDFLayouterReuse lays every seed out with one PDFLayouter, twice
// over in turn and with margins that change the widths of the centred
// texts between, and checks each layout renders to RenderPDF's bytes: the
// arrays kept from one document leave nothing in the next, and the lines
// of the centred texts it keeps are those of the text and width.
func TestPDFLayouterReuse(t *testing.T) {
	var lo bhytdoc.PDFLayouter
	var ls []*bhytdoc.PDFLayout
	opts := []*bhytdoc.Options{nil, {MarginLeft: 35, MarginRight: 20}, nil}
	for _, o := range opts {
		for _, ex := range seeds.All() {
			l, err := lo.Layout(ex.Doc, o)
			if err != nil {
				t.Fatal(err)
			}
			ls = append(ls, l)
		}
	}
	all := seeds.All()
	for i, l := range ls {
		ex := all[i%len(all)]
		got, err := l.Render()
		if err != nil {
			t.Fatal(err)
		}
		want, err := bhytdoc.RenderPDF(ex.Doc, opts[i/len(all)])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s (round %d): the reused layouter's PDF differs from RenderPDF's", ex.Name, i/len(all)+1)
		}
	}
}
