package markdown

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// roundTrip checks Write → Parse → equal to Canonical(d), and that writing
// the parsed document again gives the same bytes.
func roundTrip(t *testing.T, name string, d *bhytdoc.Document, o *Options) {
	t.Helper()
	tone := bhytdoc.ToneTraditional
	if o != nil {
		tone = o.Tone
	}
	first, err := Marshal(d, o)
	if err != nil {
		t.Fatalf("%s: Marshal: %v", name, err)
	}
	got, err := Parse(first, name+".md")
	if err != nil {
		t.Fatalf("%s: Parse: %v\n%s", name, err, first)
	}
	want := Canonical(d, tone)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: parsed document differs\n%s\n%s", name, first, diff(got, want))
	}
	if !Equal(got, d) {
		t.Errorf("%s: Equal(parsed, original) = false", name)
	}
	second, err := Marshal(got, o)
	if err != nil {
		t.Fatalf("%s: second Marshal: %v", name, err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("%s: second write differs:\n%s\n----\n%s", name, first, second)
	}
}

func TestRoundTripSeeds(t *testing.T) {
	for _, ex := range seeds.All() {
		roundTrip(t, ex.Name, ex.Doc, nil)
		roundTrip(t, ex.Name+"-modern", ex.Doc, &Options{Tone: bhytdoc.ToneModern})
		roundTrip(t, ex.Name+"-as-written", ex.Doc, &Options{Tone: bhytdoc.ToneAsWritten})
	}
}

// TestRoundTripRandom is the property test: random valid documents with
// hostile text in every field and every block kind read back equal.
func TestRoundTripRandom(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	for seed := range uint64(n) {
		g := gen{rand.New(rand.NewPCG(seed, 0x62687974))}
		d := g.document()
		if err := d.Validate(); err != nil {
			t.Fatalf("seed %d: generator made an invalid document: %v", seed, err)
		}
		roundTrip(t, "random", d, nil)
		if t.Failed() {
			t.Logf("seed %d", seed)
			return
		}
	}
}

// TestBodyLines checks what Parse adds to bhytdoc's body parser: in
// written files, each block is placed at its own line of the file, between
// the generated header and footer, which are not read.
func TestBodyLines(t *testing.T) {
	check := func(name string, d *bhytdoc.Document) {
		t.Helper()
		src, err := Marshal(d, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s, err := ParseSource(src, name, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		lines := strings.Split(string(src), "\n")
		header, footer := slices.Index(lines, headerClose)+1, slices.Index(lines, footerOpen)+1
		if footer == 0 {
			// A document issued with a decision may have no footer at all.
			footer = len(lines) + 1
		}
		prev := header
		for i, b := range s.Doc.Body {
			_, l := s.Line(fmt.Sprintf("Body[%d]", i))
			if l <= prev || l >= footer {
				t.Fatalf("%s: Body[%d] at line %d, after line %d, before the footer at %d", name, i, l, prev, footer)
			}
			prev = l
			text := lines[l-1]
			switch b.Kind {
			case bhytdoc.Dash, bhytdoc.Plus:
				if !strings.HasPrefix(text, b.Marker()+" ") {
					t.Fatalf("%s: Body[%d] (%s) at line %d: %q", name, i, b.Kind, l, text)
				}
			case bhytdoc.Paragraph:
			default:
				if !strings.Contains(text, b.Label) {
					t.Fatalf("%s: Body[%d] (label %q) at line %d: %q", name, i, b.Label, l, text)
				}
			}
		}
	}
	for _, ex := range seeds.All() {
		check(ex.Name, ex.Doc)
	}
	for seed := range uint64(300) {
		g := gen{rand.New(rand.NewPCG(seed, 1))}
		check(fmt.Sprintf("seed %d", seed), g.document())
	}
}

// TestParseSkipsGenerated checks that what lies between the markers is
// not read, however it is written, and that a marker still ends a
// numbered list.
func TestParseSkipsGenerated(t *testing.T) {
	src := goodSource + "\n2. Hai.\n" + footerOpen + "\n\n> [trích](x)\n\n```\n<div>\n" + footerClose + "\n```\n\n" + footerClose + "\n1. Sau.\n"
	s, err := ParseSource([]byte(src), "doc.md", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := s.Doc.Body
	if len(b) != 5 || b[3].Label != "2." || b[4].Label != "1." {
		t.Fatalf("body %+v", b)
	}
	if _, l := s.Line("Body[4]"); l != 43 {
		t.Errorf("Body[4] at line %d, want 43", l)
	}
}

func TestPublish(t *testing.T) {
	d := seeds.CaiRang()
	b, err := Marshal(d, &Options{Publish: true})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.HasPrefix(s, "---") || strings.Contains(s, "bhytdoc:") {
		t.Errorf("published Markdown has front matter or markers:\n%s", s)
	}
	for _, want := range []string{"**ỦY BAN NHÂN DÂN**", "Số: 898/UBND", "*Cái Răng, ngày 18 tháng 5 năm 2020*", "Kính gửi:", "1. Đề nghị", "**KT. CHỦ TỊCH**", "***Nơi nhận:***", "- Lưu: VT."} {
		if !strings.Contains(s, want) {
			t.Errorf("published Markdown lacks %q", want)
		}
	}
}

// TestConcurrent writes and parses from many goroutines at once (run it
// with -race).
func TestConcurrent(t *testing.T) {
	docs := seeds.All()
	want := make([][]byte, len(docs))
	for i, ex := range docs {
		b, err := Marshal(ex.Doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = b
	}
	errs := make(chan error, 8*len(docs))
	for range 8 {
		for i, ex := range docs {
			go func() {
				b, err := Marshal(ex.Doc, nil)
				if err == nil && !bytes.Equal(b, want[i]) {
					t.Errorf("%s: concurrent write differs", ex.Name)
				}
				if err == nil {
					_, err = Parse(b, ex.Name)
				}
				errs <- err
			}()
		}
	}
	for range 8 * len(docs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestRoundTripKinds: each special model's typed parts (Appendix III,
// Mẫu 1.3's companion, 1.6–1.10, agreements, thư công) read back equal
// from the Markdown source.
func TestRoundTripKinds(t *testing.T) {
	for _, ex := range kinds.All() {
		roundTrip(t, ex.Name, ex.Doc, nil)
	}
}
