package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/guard"
)

// FuzzParse feeds arbitrary files to the source parser. It must never
// panic (ParseSource turns a panic into an "internal error", which fails
// here), every problem must carry a line, and whatever it accepts must
// write and read back unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte(goodSource))
	f.Add([]byte(goodSource + "\n### Điều 1. Một\n\nĐiều 2. Hai\n\n##### **GIỮA**\n\n| a | b |\n|---|---:|\n| x \\| y | 1 |\n| **Cộng** | **1** |\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nkind: [\n---\n"))
	f.Add([]byte("---\na: &x [1]\nb: *x\n---\n- \n"))
	for _, ex := range seeds.All() {
		if b, err := Marshal(ex.Doc, nil); err == nil {
			f.Add(b)
		}
	}
	// Mẫu 1.3 with its issued document; typed lines in the body.
	f.Add([]byte(issuedSource))
	f.Add([]byte(giayMoiSource))
	f.Add([]byte(bienBanSource))
	f.Add([]byte(giayGioiThieuSource))
	f.Add([]byte(congDienSource))
	f.Add([]byte(giayNghiPhepSource))
	for _, ex := range kinds.All() {
		if b, err := Marshal(ex.Doc, nil); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("\uFEFF" + goodSource))
	f.Add([]byte(strings.Replace(goodSource, "number: 464", "number: 0x1_0", 1)))
	// A span of 100,000,000 columns once exhausted memory in validation.
	f.Add([]byte(strings.Replace(goodSource, "luu: [VT, VX]", "luu: [VT, VX]\nannexes:\n  - title: T\n    table:\n      header: [[{text: A, cols: 100000000}, B]]\n      rows: [[1, 2, 3]]", 1)))
	f.Fuzz(func(t *testing.T, src []byte) {
		guard.Run(t, 10*time.Second, 512<<20, func() { fuzzParse(t, src) })
	})
}

// fuzzParse runs in guard.Run's goroutine: it reports with Errorf and
// returns, as FailNow belongs to the test's own goroutine.
func fuzzParse(t *testing.T, src []byte) {
	{
		d, err := Parse(src, "f.md")
		if err != nil {
			es, ok := err.(Errors)
			if !ok {
				t.Errorf("error of type %T: %v", err, err)
				return
			}
			for _, e := range es {
				if e.Line < 1 || strings.Contains(e.Msg, "internal error") {
					t.Errorf("bad problem %q", e.Error())
					return
				}
			}
			return
		}
		first, err := Marshal(d, &Options{Tone: bhytdoc.ToneAsWritten})
		if err != nil {
			return // a valid document Markdown cannot hold (a 10-digit list number)
		}
		d2, err := Parse(first, "f2.md")
		if err != nil {
			t.Errorf("written file does not parse: %v\n%s", err, first)
			return
		}
		if !reflect.DeepEqual(d, d2) {
			t.Errorf("round trip differs\n%s\n%s", first, diff(d2, d))
			return
		}
		second, _ := Marshal(d2, &Options{Tone: bhytdoc.ToneAsWritten})
		if !bytes.Equal(first, second) {
			t.Errorf("second write differs")
			return
		}
	}
}

// FuzzEscape checks that any text, escaped, reads back as itself.
func FuzzEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" || !utf8.ValidString(s) || strings.ContainsRune(s, 0) || strings.ContainsRune(s, utf8.RuneError) {
			return // not text: read back as U+FFFD
		}
		checkEscape(t, s)
	})
}

// FuzzInline checks that two spans of any emphasis read back exactly.
func FuzzInline(f *testing.F) {
	f.Add("a", "\"b\"", uint8(2))
	f.Add(" x", "*", uint8(7))
	f.Fuzz(func(t *testing.T, a, b string, flags uint8) {
		for _, s := range []string{a, b} {
			if s == "" || !utf8.ValidString(s) || strings.ContainsRune(s, 0) || strings.ContainsRune(s, utf8.RuneError) {
				return
			}
		}
		spans := []bhytdoc.Span{
			{Text: a, Bold: flags&1 != 0, Italic: flags&2 != 0},
			{Text: b, Bold: flags&4 != 0, Italic: flags&8 != 0},
		}
		want := canonicalBlock(bhytdoc.Block{Text: spans}).Text
		got, err := bodyOf(inline(want, true))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Kind != bhytdoc.Paragraph || !reflect.DeepEqual(got[0].Text, want) {
			t.Fatalf("%+v → %q → %+v", want, inline(want, true), got)
		}
	})
}
