package templates

import (
	"encoding/json"
	"strings"
	"testing"
)

// BenchmarkFill fills the letter merge makes for each row
// (cong-van-xa-bhyt): its cost per row is what merge pays before layout.
func BenchmarkFill(b *testing.B) {
	m := load(b, "cong-van-xa-bhyt")
	b.Run("Source", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Source("cong-van-xa-bhyt", m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Fill", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Fill("cong-van-xa-bhyt", m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// jsonQuote is yamlQuote's text as encoding/json writes it.
func jsonQuote(t testing.TB, s string) string {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(sb.String(), "\n")
}

func checkYAMLQuote(t *testing.T, s string) {
	got, err := yamlQuote(s)
	if want := jsonQuote(t, s); err != nil || got != want {
		t.Fatalf("yamlQuote(%q) = %q, %v; encoding/json writes %q", s, got, err, want)
	}
}

var quoteCases = []string{"", "Ủy ban nhân dân\nquận Cái Răng", "a\"b", "a\\b", "<&>", "\u2028", "\u2029x", "\x7f", "\x00", "\t",
	"\xff", "\ufffd", "Kế hoạch số 131/KH-UBND", "a\u0085b"}

func TestYAMLQuote(t *testing.T) {
	for _, s := range quoteCases {
		checkYAMLQuote(t, s)
	}
}

func FuzzYAMLQuote(f *testing.F) {
	for _, s := range quoteCases {
		f.Add(s)
	}
	f.Fuzz(checkYAMLQuote)
}
