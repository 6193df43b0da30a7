package sign_test

import (
	"bytes"
	"errors"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// lastWidgetRect returns the /Rect of the last annotation written to pdf
// after offset from: the signature widget an update added.
func lastWidgetRect(t *testing.T, pdf []byte, from int) sign.Rect {
	t.Helper()
	m := regexp.MustCompile(`/Rect\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`).FindAllSubmatch(pdf[from:], -1)
	if len(m) == 0 {
		t.Fatal("no widget /Rect in the update")
	}
	var v [4]float64
	for i := range v {
		f, err := strconv.ParseFloat(string(m[len(m)-1][i+1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		v[i] = f
	}
	return sign.Rect{X0: v[0], Y0: v[1], X1: v[2], Y1: v[3]}
}

// wordBoxes returns the boxes pdftotext -bbox gives the words of page pg
// (points, origin top left), by word.
func wordBoxes(t *testing.T, file string, pg int) map[string][][4]float64 {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: run ./scripts/test-deps.sh")
	}
	n := strconv.Itoa(pg)
	out, err := exec.Command("pdftotext", "-bbox", "-f", n, "-l", n, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	words := map[string][][4]float64{}
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		var b [4]float64
		for i := range b {
			b[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		words[m[5]] = append(words[m[5]], b)
	}
	return words
}

// lineBox is the box of the words of line s on the page, each word's
// lowest occurrence (the signature block ends the page's text).
func lineBox(t *testing.T, words map[string][][4]float64, s string) [4]float64 {
	t.Helper()
	box := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, w := range strings.Fields(s) {
		bs := words[w]
		if len(bs) == 0 {
			t.Fatalf("word %q of %q not on the page", w, s)
		}
		b := bs[0]
		for _, c := range bs[1:] {
			if c[1] > b[1] {
				b = c
			}
		}
		box = [4]float64{min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3])}
	}
	return box
}

// TestDefaultPlacement signs a letter rendered without signature or seal
// images, as the signer and then as the organisation, with no page or
// rectangle: each signature goes where the layout reserved room for it,
// between the signer's titles and name (Decree 30 App. I, II.7–8).
func TestDefaultPlacement(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	sKey, sChain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	oKey, oChain := ca.Leaf(t, "Ủy ban nhân dân quận Cái Răng", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	d := signtest.Seeds()[0].Doc
	for i := range d.Signatures {
		d.Signatures[i].Image, d.Signatures[i].Seal = nil, nil
	}
	plain, err := bhytdoc.RenderPDF(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	areas, err := sign.Areas(bytes.NewReader(plain), int64(len(plain)))
	if err != nil || len(areas) != 2 {
		t.Fatalf("areas of the image-less letter: %+v, %v", areas, err)
	}
	pg := areas[0].Page
	// Deferred signing places it the same way.
	var prep bytes.Buffer
	digest, err := sign.Prepare(&prep, bytes.NewReader(plain), int64(len(plain)), sChain, sign.Options{Role: sign.Signer})
	if err != nil || len(digest) != 32 {
		t.Fatalf("Prepare: %d-byte digest, %v", len(digest), err)
	}
	if r := lastWidgetRect(t, prep.Bytes(), len(plain)); math.Abs(r.Y0-areas[0].Rect.Y0) > 0.01 {
		t.Errorf("prepared widget %v, not at the bottom of the signature area %v", r, areas[0].Rect)
	}
	one := signBytes(t, plain, sKey, sChain, sign.Options{Role: sign.Signer})
	two := signBytes(t, one, oKey, oChain, sign.Options{Role: sign.Organisation})
	file := writeTemp(t, "placed.pdf", two)
	sigs := signtest.Pdfsig(t, file)
	if len(sigs) != 2 || !sigs[0].Valid || !sigs[1].Valid || !sigs[1].Total {
		t.Fatalf("pdfsig: %+v", sigs)
	}
	qpdfCheck(t, file)

	// Titles and name where the page shows them (top-left origin).
	words := wordBoxes(t, writeTemp(t, "plain.pdf", plain), pg)
	s := d.Signatures[0]
	title := lineBox(t, words, strings.ToUpper(s.Position))
	name := lineBox(t, words, s.Name)
	const pageH = 841.89
	nameCX := (name[0] + name[2]) / 2
	for i, c := range []struct {
		role sign.Role
		rect sign.Rect
	}{
		{sign.Signer, lastWidgetRect(t, one, len(plain))},
		{sign.Organisation, lastWidgetRect(t, two, len(one))},
	} {
		r := c.rect
		top, bottom := pageH-r.Y1, pageH-r.Y0
		t.Logf("%v: widget %v; title bottom %.2f, name top %.2f", c.role, r, title[3], name[1])
		if top < title[3] || bottom > name[1] {
			t.Errorf("%v: widget %v (top %.2f, bottom %.2f) not between the titles (bottom %.2f) and the name (top %.2f)",
				c.role, r, top, bottom, title[3], name[1])
		}
		cx := (r.X0 + r.X1) / 2
		switch c.role {
		case sign.Signer:
			if math.Abs(cx-nameCX) > 1 {
				t.Errorf("signer's widget centred at %.2f, the name at %.2f", cx, nameCX)
			}
			// The information sits at the bottom of the reserved room,
			// just above the name.
			if a := areas[i]; math.Abs(r.Y0-a.Rect.Y0) > 0.01 {
				t.Errorf("signer's widget %v does not start at the bottom of its area %v", r, a.Rect)
			}
		case sign.Organisation:
			// Over the seal's place: the left part of the signature room,
			// at its top.
			if a := areas[i]; cx >= nameCX || math.Abs(r.Y1-a.Rect.Y1) > 0.01 {
				t.Errorf("organisation's widget %v not at the top left of the signature room (seal area %v)", r, a.Rect)
			}
		}
	}
}

// TestAttachedDocument signs a separate-file annex as the organisation
// (Decree 30 App. I, II.8.b): the widget is at the top right of page 1,
// ends at the right margin, stays in the top margin above every word of
// the page, and the options that contradict it are refused.
func TestAttachedDocument(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Ủy ban nhân dân quận Cái Răng", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	signed := signBytes(t, doc, key, chain, sign.Options{Role: sign.Organisation, Attached: "898/UBND-VX"})
	file := writeTemp(t, "annex.pdf", signed)
	sigs := signtest.Pdfsig(t, file)
	if len(sigs) != 1 || !sigs[0].Valid || !sigs[0].Total {
		t.Fatalf("pdfsig: %+v", sigs)
	}
	qpdfCheck(t, file)
	const pageW, pageH = 595.28, 841.89
	r := lastWidgetRect(t, signed, len(doc))
	if math.Abs(r.X1-(pageW-15*72/25.4)) > 0.01 || r.X0 < pageW/2 || math.Abs(r.Y1-(pageH-7*72/25.4)) > 0.01 {
		t.Errorf("widget %v: not at the top right of the page, ending at the right margin", r)
	}
	// Two lines: the number and symbol, then the time.
	if h := r.Y1 - r.Y0; math.Abs(h-26) > 0.01 {
		t.Errorf("widget %.2f pt tall, want two 12 pt lines and 1 pt around", h)
	}
	top := pageH - r.Y0 // the widget's bottom, from the top of the page
	for w, bs := range wordBoxes(t, writeTemp(t, "plain.pdf", doc), 1) {
		for _, b := range bs {
			if b[1] < top && b[2] > r.X0 {
				t.Errorf("word %q at %v under the widget %v", w, b, r)
			}
		}
	}
	var w failWriter
	for _, o := range []sign.Options{
		{Role: sign.Signer, Attached: "898/UBND-VX"},
		{Role: sign.Organisation, Attached: "898/UBND-VX", NoInfo: true},
		{Role: sign.Organisation, Attached: "898/UBND-VX\x00"},
	} {
		var oe *sign.OptionError
		if err := sign.PDF(&w, bytes.NewReader(doc), int64(len(doc)), key, chain, o); !errors.As(err, &oe) || oe.Field != "Options.Attached" || w.n != 0 {
			t.Errorf("%+v: %v, want an OptionError naming Options.Attached", o, err)
		}
	}
}
