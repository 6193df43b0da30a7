// Command typst writes the inputs of the Typst comparison benchmark: the
// Cái Răng letter as Typst sources, 200 distinct copies varied exactly as
// BenchmarkCaiRang200 (and BenchmarkCaiRang200Names with -names) varies
// them, the four Liberation Serif faces bhytdoc embeds (so that Typst sees
// no other font), and bhytdoc's own PDF of each copy for comparison.
//
// It is run by bench.sh and is not part of the library or its tests.
//
//	go run ./bench/typst -out DIR [-n 800] [-names]
//
// writes DIR/fonts/*.ttf, DIR/src/NNN.typ for n copies (bench.js compiles
// each copy once, so it needs more than the 200 the Go benchmark cycles
// through), DIR/bhytdoc/NNN.pdf for the first 200 and DIR/letter.md, the
// Markdown source of copy 000 (bench/peers.sh times `bhytdoc render` of it).
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/markdown"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

func main() {
	out := flag.String("out", "", "directory to write fonts/, src/ and bhytdoc/ into")
	n := flag.Int("n", 800, "number of distinct copies (1–1000)")
	names := flag.Bool("names", false, "vary the signer's name too, as BenchmarkCaiRang200Names does")
	flag.Parse()
	if *out == "" || *n < 1 || *n > 1000 {
		log.Fatal("usage: typst -out DIR [-n 1..1000] [-names]")
	}
	if err := run(*out, *n, *names); err != nil {
		log.Fatal(err)
	}
}

func run(out string, n int, names bool) error {
	for _, d := range []string{"fonts", "src", "bhytdoc"} {
		if err := os.MkdirAll(filepath.Join(out, d), 0o755); err != nil {
			return err
		}
	}
	faces := map[string][]byte{
		"LiberationSerif-Regular.ttf":    liberationserifregular.TTF,
		"LiberationSerif-Bold.ttf":       liberationserifbold.TTF,
		"LiberationSerif-Italic.ttf":     liberationserifitalic.TTF,
		"LiberationSerif-BoldItalic.ttf": liberationserifbolditalic.TTF,
	}
	for name, b := range faces {
		if err := os.WriteFile(filepath.Join(out, "fonts", name), b, 0o644); err != nil {
			return err
		}
	}
	docs, err := seeds.CaiRangCopies(n, names)
	if err != nil {
		return err
	}
	for i, d := range docs {
		src, err := typstSource(d)
		if err != nil {
			return fmt.Errorf("copy %d: %w", i, err)
		}
		base := fmt.Sprintf("%03d", i)
		if err := os.WriteFile(filepath.Join(out, "src", base+".typ"), []byte(src), 0o644); err != nil {
			return err
		}
		if i == 0 {
			md, err := markdown.Marshal(d, nil)
			if err != nil {
				return fmt.Errorf("copy 0: %w", err)
			}
			if err := os.WriteFile(filepath.Join(out, "letter.md"), md, 0o644); err != nil {
				return err
			}
		}
		if i >= 200 {
			continue
		}
		pdf, err := bhytdoc.RenderPDF(d, nil)
		if err != nil {
			return fmt.Errorf("copy %d: %w", i, err)
		}
		if err := os.WriteFile(filepath.Join(out, "bhytdoc", base+".pdf"), pdf, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Layout values of internal/pdf (spec.go, document.go) that the source
// reproduces; sizes in points, lengths in millimetres.
const preamble = `#set document(title: %s)
#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm),
  header: context if here().page() > 1 { align(center, text(size: 13pt, str(here().page()))) })
// Line pitch 14 pt × 1.15 (single spacing) × 1.1 = 1.265 em, as bhytdoc's.
#set text(font: "Liberation Serif", size: 14pt, lang: "vi", hyphenate: false, top-edge: 0.8em, bottom-edge: -0.35em)
#set par(justify: true, leading: 0.115em, spacing: 6pt + 0.115em, first-line-indent: (amount: 10mm, all: true))
#let single(body) = { set par(leading: 0em, spacing: 0em, justify: false, first-line-indent: 0em); body }
#let rule(w) = line(length: w, stroke: 0.25mm)
`

// typstSource returns d as a Typst document laid out as internal/pdf lays
// out a công văn. The printed strings are derived from the normalised
// model as bhytdoc's toIR derives them; the texts of the two PDFs are
// compared by bench.sh.
func typstSource(d *bhytdoc.Document) (string, error) {
	if d.Kind != bhytdoc.CongVan || d.Issuer.Parent != "" || len(d.Bases) > 0 || len(d.Annexes) > 0 ||
		len(d.Signatures) != 1 || len(d.Addressees) < 2 {
		return "", errors.New("the generator handles a công văn like the Cái Răng letter only: no parent body, bases or annexes, one signature, two or more recipients")
	}
	const tone = typo.ToneTraditional
	d = d.Normalized(bhytdoc.ToneTraditional)
	if err := d.Validate(); err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, preamble, str(d.Kind.Name()+" số "+strings.TrimSpace(d.NumberSymbol())+": "+oneLine(d.Summary)))

	// Header: issuing body with its rule | national title with its rule,
	// then "Số" and the V/v | place and date.
	var issuer []string
	for _, l := range strings.Split(d.Issuer.Name, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			issuer = append(issuer, str(typo.Upper(l)))
		}
	}
	b.WriteString("#single(grid(columns: (67.9mm, 1fr), row-gutter: 2.5mm, align: center + top,\n")
	fmt.Fprintf(&b, "  context { let ls = (%s,); let w = calc.max(..ls.map(l => measure(text(13pt, weight: \"bold\", l)).width))\n", strings.Join(issuer, ", "))
	b.WriteString("    for l in ls { par(text(13pt, weight: \"bold\", l)) }; v(1.5mm); rule(0.4 * w) },\n")
	fmt.Fprintf(&b, "  context { par(text(12pt, weight: \"bold\", %s)); let m = text(13pt, weight: \"bold\", %s); par(m); v(1.5mm); rule(measure(m).width) },\n",
		str(typo.Tone(bhytdoc.QuocHieu, tone)), str(bhytdoc.TieuNgu))
	fmt.Fprintf(&b, "  { par(text(13pt, %s)); v(6pt); par(text(12pt, %s)) },\n", str("Số: "+d.NumberSymbol()), str("V/v "+oneLine(d.Summary)))
	fmt.Fprintf(&b, "  par(text(14pt, style: \"italic\", %s)),\n))\n", str(d.PlaceDate()))
	b.WriteString("#v(1.265em)\n")

	// Kính gửi and the recipients, single-spaced, at the template indents.
	b.WriteString("#[#set par(spacing: 0.115em, justify: false)\n#par(first-line-indent: 35mm, \"Kính gửi:\")\n")
	for i, r := range d.Addressees {
		end := ";"
		if i == len(d.Addressees)-1 {
			end = "."
		}
		fmt.Fprintf(&b, "#par(first-line-indent: 45mm, hanging-indent: 45mm + 0.583em, justify: true, %s)\n", str("- "+strings.TrimSpace(r)+end))
	}
	b.WriteString("]\n#v(0.6em)\n")

	// Body: numbered paragraphs with their emphasis, then the attachment note.
	for _, blk := range d.Body {
		if blk.Kind != bhytdoc.Paragraph && blk.Kind != bhytdoc.Item || blk.Heading {
			return "", fmt.Errorf("body block kind %d not handled by the generator", blk.Kind)
		}
		var parts []string
		if m := blk.Marker(); m != "" {
			parts = append(parts, str(m+" "))
		}
		for _, s := range blk.Text {
			p := str(s.Text)
			if s.Italic {
				p = "emph(" + p + ")"
			}
			if s.Bold {
				p = "strong(" + p + ")"
			}
			parts = append(parts, p)
		}
		fmt.Fprintf(&b, "#par({ %s })\n", strings.Join(parts, "; "))
	}
	for _, a := range d.Attachments {
		fmt.Fprintf(&b, "#par(%s)\n", str("("+strings.TrimSpace(a)+")"))
	}

	// Nơi nhận (left) beside the signature (right), kept on one page.
	s := d.Signatures[0]
	var titles []string
	for _, a := range s.Authority {
		titles = append(titles, str(string(a.Prefix)+" "+typo.Upper(oneLine(a.Title))))
	}
	if p := oneLine(s.Position); p != "" {
		titles = append(titles, str(typo.Upper(p)))
	}
	var cc []string
	for _, r := range d.Recipients {
		t := "- " + strings.TrimSpace(r.Name)
		if p := strings.TrimSpace(r.Purpose); p != "" {
			t += " (" + p + ")"
		}
		cc = append(cc, str(t+";"))
	}
	var luu []string
	for _, l := range d.Luu {
		luu = append(luu, strings.TrimSpace(l))
	}
	cc = append(cc, str("- Lưu: "+strings.Join(luu, ", ")+"."))
	b.WriteString("#v(0.6em)\n#block(breakable: false, single(grid(columns: (61.9mm, 1fr),\n")
	fmt.Fprintf(&b, "  { par(text(12pt, weight: \"bold\", style: \"italic\", \"Nơi nhận:\")); set par(hanging-indent: 0.583em); for c in (%s,) { par(text(11pt, c)) } },\n", strings.Join(cc, ", "))
	fmt.Fprintf(&b, "  align(center, { set text(weight: \"bold\"); for t in (%s,) { par(t) }; v(28mm - 1.15em); par(%s) }),\n)))\n",
		strings.Join(titles, ", "), str(oneLine(s.Name)))
	return b.String(), nil
}

// str quotes s as a Typst string literal, so that no character of the
// text is read as markup.
func str(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
