package bhytdoc_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/ir"
	"github.com/bhytdoc/bhytdoc/internal/render/pdf"
)

const mmToPt = 72 / 25.4

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: run ./scripts/test-deps.sh (see README)", name)
	}
}

func render(t *testing.T, d *bhytdoc.Document) (string, []byte) {
	t.Helper()
	b, err := bhytdoc.RenderPDF(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return f, b
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var ws = regexp.MustCompile(`\s+`)

func squash(s string) string { return strings.TrimSpace(ws.ReplaceAllString(s, " ")) }

// expectedPages returns, per page, the text the layout put there, in
// drawing order, without page numbers.
func pageTexts(pages []pdf.Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		var sb strings.Builder
		var prev pdf.Op
		for j, o := range p.Ops {
			if o.Kind != pdf.OpText {
				continue
			}
			if j == 0 && i > 0 && isNumber(o.S) {
				continue // page number
			}
			// Pieces of one line that touch continue a word; anything
			// else starts a new word.
			if !(near(prev.Y, o.Y, 1e-6) && near(prev.X+prev.W, o.X, 1e-6)) {
				sb.WriteString(" ")
			}
			sb.WriteString(o.S)
			prev = o
		}
		out[i] = squash(sb.String())
	}
	return out
}

func isNumber(s string) bool { _, err := strconv.Atoi(s); return err == nil }

// modelText is the document's text in reading order, straight from the
// prepared document (not from the layout).
func modelText(d *ir.Doc) string {
	var parts []string
	add := func(ts ...ir.Text) {
		for _, t := range ts {
			parts = append(parts, t.S)
		}
	}
	add(d.Parent...)
	add(d.Issuer...)
	add(d.Number)
	if d.CongVan {
		add(d.Summary)
	}
	add(d.QuocHieu, d.TieuNgu, d.PlaceDate)
	if !d.CongVan {
		add(d.Title, d.Summary, d.IssuedWith)
	}
	if len(d.Addressees) > 0 {
		add(d.KinhGui)
		add(d.Addressees...)
	}
	add(d.Authority)
	add(d.Bases...)
	add(d.Proposal, d.Decision)
	for _, b := range d.Body {
		parts = append(parts, b.Marker)
		var sb strings.Builder
		for _, s := range b.Spans {
			sb.WriteString(s.S)
		}
		parts = append(parts, sb.String())
	}
	add(d.Closing...)
	for _, s := range d.Signatures {
		add(s.Titles...)
		add(s.Name)
	}
	add(d.NoiNhan)
	for i, c := range d.Recipients {
		add(c)
		for _, b := range d.Braces {
			if b.To == i {
				add(b.Purpose) // drawn right of the brace, after its lines
			}
		}
	}
	return squash(strings.Join(parts, " "))
}

func TestSeedsPDF(t *testing.T) {
	for _, ex := range allExamples() {
		t.Run(ex.Name, func(t *testing.T) {
			f, b := render(t, ex.Doc)
			run(t, "qpdf", "--check", f)
			doc, _, pages, err := bhytdoc.LayoutForTest(ex.Doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := pageTexts(pages)
			// The layout lost nothing and invented nothing; the annexes
			// (checked in annex_test.go) follow the document's text.
			got, w := squash(strings.Join(want, " ")), modelText(doc)
			if len(doc.Annexes) > 0 {
				w += " " + doc.Annexes[0].Label.S
				got = got[:min(len(got), len(w))]
			}
			if got != w {
				t.Errorf("layout text differs from the model:\n%s", diffAt(got, w))
			}
			checkPDFText(t, f, pages)
			// Same input, same bytes.
			_, b2 := render(t, ex.Doc)
			if !bytes.Equal(b, b2) {
				t.Error("two renders differ")
			}
		})
	}
}

// checkPDFText reads the PDF back page by page with pdftotext and
// compares each page with the text the layout put there.
func checkPDFText(t *testing.T, f string, pages []pdf.Page) {
	t.Helper()
	want := pageTexts(pages)
	info := run(t, "pdfinfo", f)
	if !regexp.MustCompile(`(?m)^Pages:\s+` + strconv.Itoa(len(pages)) + `$`).MatchString(info) {
		t.Fatalf("pdfinfo: want %d pages\n%s", len(pages), info)
	}
	for i := range pages {
		n := strconv.Itoa(i + 1)
		got := run(t, "pdftotext", "-raw", "-enc", "UTF-8", "-f", n, "-l", n, f, "-")
		lines := strings.Split(strings.TrimSpace(got), "\n")
		if first := pages[i].Ops[0]; first.Kind == pdf.OpText && isNumber(first.S) && i > 0 {
			if lines[0] != first.S {
				t.Errorf("page %d: first line %q, want the page number %s", i+1, lines[0], first.S)
			} else {
				lines = lines[1:]
			}
		} else if i == 0 && isNumber(strings.TrimSpace(lines[0])) {
			t.Errorf("page 1 carries a page number %q", lines[0])
		}
		if g := squash(norm.NFC.String(strings.Join(lines, "\n"))); g != want[i] {
			t.Errorf("page %d text differs:\n%s", i+1, diffAt(g, want[i]))
		}
	}
}

func diffAt(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-60)
	return "  got: …" + got[lo:min(len(got), i+80)] + "\n want: …" + want[lo:min(len(want), i+80)]
}

// findOp returns the first text op whose text is s.
func findOp(t *testing.T, p pdf.Page, s string) pdf.Op {
	t.Helper()
	for _, o := range p.Ops {
		if o.Kind == pdf.OpText && o.S == s {
			return o
		}
	}
	t.Fatalf("no text %q on the page", s)
	return pdf.Op{}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestHeaderGeometry checks ô 1–5 of the first page against the facts in
// the spec: sizes, styles, centring, rule lengths, margins.
// TestPDFVersion: Decree 30 requires electronic copies to be PDF 1.4 or
// later, so every seed's header must declare %PDF-1.x with x >= 4, and the
// file must still pass qpdf --check.
func TestPDFVersion(t *testing.T) {
	re := regexp.MustCompile(`^%PDF-1\.([0-9])\n`)
	for _, ex := range seeds.All() {
		t.Run(ex.Name, func(t *testing.T) {
			f, b := render(t, ex.Doc)
			m := re.FindSubmatch(b)
			if m == nil {
				t.Fatalf("header %q is not %%PDF-1.x", b[:min(len(b), 12)])
			}
			if minor := m[1][0] - '0'; minor < 4 {
				t.Errorf("header declares PDF 1.%d, want 1.4 or later", minor)
			}
			run(t, "qpdf", "--check", f)
		})
	}
}

func TestHeaderGeometry(t *testing.T) {
	for _, ex := range allExamples() {
		t.Run(ex.Name, func(t *testing.T) {
			doc, set, pages, err := bhytdoc.LayoutForTest(ex.Doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			p := pages[0]
			textW := 210 - set.MarginLeft - set.MarginRight
			leftW := 67.5
			if doc.CongVan {
				leftW = 67.9
			}
			lcx := set.MarginLeft + leftW/2
			rcx := set.MarginLeft + leftW + (textW-leftW)/2
			centre := func(o pdf.Op) float64 { return o.X + o.W/2 }

			qh := findOp(t, p, bhytdoc.QuocHieu)
			if qh.Style != ir.Bold || qh.Size < 12 || qh.Size > 13 || !near(centre(qh), rcx, 0.01) {
				t.Errorf("Quốc hiệu: %+v", qh)
			}
			tn := findOp(t, p, bhytdoc.TieuNgu)
			if tn.Style != ir.Bold || tn.Size < 13 || tn.Size > 14 || !near(centre(tn), rcx, 0.01) || tn.Y <= qh.Y {
				t.Errorf("Tiêu ngữ: %+v", tn)
			}
			rules := opsOf(p, pdf.OpLine)
			if len(rules) < 2 {
				t.Fatalf("want rules under the issuer and the motto, got %d", len(rules))
			}
			// Rule under the motto: as long as the motto line, just under it.
			var motto, issuer pdf.Op
			for _, r := range rules {
				if near(r.X+r.W/2, rcx, 0.01) && r.Y > tn.Y && r.Y < tn.Y+4 {
					motto = r
				}
				if near(r.X+r.W/2, lcx, 0.01) && issuer.W == 0 {
					issuer = r
				}
			}
			if !near(motto.W, tn.W, 0.01) {
				t.Errorf("motto rule %.2f mm, motto %.2f mm", motto.W, tn.W)
			}
			widest := 0.0
			for _, line := range doc.Issuer {
				o := findOp(t, p, line.S)
				if o.Style != ir.Bold || o.Size < 12 || o.Size > 13 || !near(centre(o), lcx, 0.01) {
					t.Errorf("issuer line %q: %+v", line.S, o)
				}
				if line.S != strings.ToUpper(line.S) {
					t.Errorf("issuer line %q not upper case", line.S)
				}
				widest = max(widest, o.W)
			}
			if r := issuer.W / widest; r < 1.0/3 || r > 0.5 {
				t.Errorf("issuer rule is %.2f of the name line, want 1/3–1/2", r)
			}
			num := findOp(t, p, doc.Number.S)
			date := findOp(t, p, doc.PlaceDate.S)
			if num.Size != 13 || !near(centre(num), lcx, 0.01) {
				t.Errorf("Số: %+v", num)
			}
			if date.Style != ir.Italic || date.Size < 13 || date.Size > 14 || !near(centre(date), rcx, 0.01) {
				t.Errorf("date: %+v", date)
			}
			if !near(num.Y, date.Y, 0.001) {
				t.Errorf("Số baseline %.2f, date baseline %.2f: must be level", num.Y, date.Y)
			}
			if num.Y <= issuer.Y {
				t.Error("Số is not under the issuer's rule")
			}
			// Everything inside the margins, on every page.
			for i, pg := range pages {
				pw, ph := 210.0, 297.0
				if pg.Landscape {
					pw, ph = ph, pw
				}
				for j, o := range pg.Ops {
					if i > 0 && j == 0 && isNumber(o.S) {
						if o.Y > set.MarginTop || !near(centre(o), set.MarginLeft+(pw-set.MarginLeft-set.MarginRight)/2, 0.01) || o.Size < 13 || o.Size > 14 {
							t.Errorf("page %d number: %+v", i+1, o)
						}
						continue
					}
					top := o.Y
					if o.Kind == pdf.OpText {
						top = o.Y - 0.8*o.Size/mmToPt
					}
					if o.X < set.MarginLeft-0.01 || o.X+o.W > pw-set.MarginRight+0.01 || top < set.MarginTop-0.01 || o.Y+o.H > ph-set.MarginBottom+0.01 {
						t.Errorf("page %d: op outside the margins: %+v", i+1, o)
					}
				}
			}
		})
	}
}

func opsOf(p pdf.Page, k pdf.OpKind) []pdf.Op {
	var out []pdf.Op
	for _, o := range p.Ops {
		if o.Kind == k {
			out = append(out, o)
		}
	}
	return out
}

// TestHeaderInPDF checks that the writer puts the header words where the
// layout says, with the font size it says, reading the PDF back with
// pdftotext -bbox.
func TestHeaderInPDF(t *testing.T) {
	ex := seeds.All()[0]
	f, _ := render(t, ex.Doc)
	doc, _, pages, err := bhytdoc.LayoutForTest(ex.Doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", f, "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	type box struct{ x0, y0, x1, y1 float64 }
	words := map[string][]box{}
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		var b [4]float64
		for i := range b {
			b[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		words[m[5]] = append(words[m[5]], box{b[0], b[1], b[2], b[3]})
	}
	for _, s := range []string{bhytdoc.QuocHieu, bhytdoc.TieuNgu, doc.Number.S, doc.PlaceDate.S, doc.Issuer[0].S} {
		o := findOp(t, pages[0], s)
		first := strings.Fields(s)[0]
		bs := words[first]
		if len(bs) == 0 {
			t.Errorf("%q not found in the PDF", first)
			continue
		}
		ok := false
		for _, b := range bs {
			// Left edge where the layout put it; box height is the font's
			// ascent+descent (1.107 em for Liberation Serif) at the size.
			size := (b.y1 - b.y0) / 1.107
			if near(b.x0, o.X*mmToPt, 0.5) && near(size, o.Size, 0.3) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: PDF boxes %v, layout x=%.1fpt size=%g", first, bs, o.X*mmToPt, o.Size)
		}
	}
}

func TestPDFBadInput(t *testing.T) {
	d := seeds.All()[0].Doc
	d.Body[1].Text[0].Text += " ☃"
	_, err := bhytdoc.RenderPDF(d, nil)
	var ge *bhytdoc.GlyphError
	if !errors.As(err, &ge) || ge.Rune != '☃' || !strings.HasPrefix(ge.Field, "Body[1].Text") {
		t.Fatalf("want a GlyphError for ☃ in Body[1], got %v", err)
	}
	e := seeds.All()[0].Doc
	e.Signatures[0].Name += " 😀"
	if _, err := bhytdoc.RenderPDF(e, nil); !errors.As(err, &ge) || ge.Rune != '😀' || ge.Field != "Signatures[0].Name" {
		t.Errorf("emoji: %v", err)
	}
	var buf bytes.Buffer
	if err := bhytdoc.WritePDF(&buf, d, nil); err == nil || buf.Len() != 0 {
		t.Errorf("WritePDF wrote %d bytes on error %v", buf.Len(), err)
	}
	_, err = bhytdoc.RenderPDF(seeds.All()[0].Doc, &bhytdoc.Options{BodySize: 16, MarginLeft: 10})
	var ve *bhytdoc.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 2 || !strings.Contains(err.Error(), "Options.BodySize") {
		t.Errorf("out-of-range options: %v", err)
	}
}

// TestNFDRendersLikeNFC: text pasted in decomposed form gives the same PDF.
func TestNFDRendersLikeNFC(t *testing.T) {
	a := seeds.All()[0].Doc
	b := seeds.All()[0].Doc
	for i := range b.Body {
		for j := range b.Body[i].Text {
			b.Body[i].Text[j].Text = norm.NFD.String(b.Body[i].Text[j].Text)
		}
	}
	b.Signatures[0].Name = norm.NFD.String(b.Signatures[0].Name)
	_, pa := render(t, a)
	_, pb := render(t, b)
	if !bytes.Equal(pa, pb) {
		t.Error("NFD input renders differently from NFC input")
	}
}
