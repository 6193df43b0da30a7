package templates

import (
	"strings"
	"testing"
	"text/template"
)

// TestCong: cong is the one adding function; a whole sum is an int (it
// numbers list items and compares with len), other sums stay decimal.
func TestCong(t *testing.T) {
	for src, want := range map[string]string{
		`{{cong 1 2}}`:                   "3",
		`{{cong .I 1}}`:                  "8",
		`{{eq (cong .I 1) (len .L)}}`:    "true",
		`{{cong 1.5 1}}`:                 "2.5",
		`{{cong "12" 1}}`:                "13",
		`{{printf "%T" (cong 0.5 0.5)}}`: "int",
	} {
		var b strings.Builder
		tp := template.Must(template.New("t").Funcs(funcs).Parse(src))
		if err := tp.Execute(&b, map[string]any{"I": 7, "L": make([]int, 8)}); err != nil {
			t.Errorf("%s: %v", src, err)
		} else if b.String() != want {
			t.Errorf("%s = %q, want %q", src, b.String(), want)
		}
	}
	if _, err := template.New("t").Funcs(funcs).Parse(`{{add 1 2}}`); err == nil {
		t.Error("add is still a template function; cong is the one that adds")
	}
	var b strings.Builder
	err := template.Must(template.New("t").Funcs(funcs).Parse(`{{cong "x" 1}}`)).Execute(&b, nil)
	if err == nil {
		t.Errorf("cong of a word: %v", err)
	}
}
