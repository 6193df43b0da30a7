package excerpt

import (
	"strings"
	"testing"
)

func TestExcerpt(t *testing.T) {
	long := "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/usr/sbin/nologin\n"
	for _, tc := range []struct{ in, trim, quote string }{
		{"ngắn", "ngắn", `"ngắn"`},
		{long, long[:40] + "…", `"root:x:0:0:root:/root:/bin/bash\nbin:x:1:"…`},
		{strings.Repeat("Đ", 41), strings.Repeat("Đ", 40) + "…", `"` + strings.Repeat("Đ", 40) + `"…`},
		{"a\xffb", "a\uFFFDb", "\"a\uFFFDb\""},
		{"\u202e", "\u202e", `"\u202e"`},
	} {
		if got := Trim(tc.in); got != tc.trim {
			t.Errorf("Trim(%q) = %q, want %q", tc.in, got, tc.trim)
		}
		if got := Quote(tc.in); got != tc.quote {
			t.Errorf("Quote(%q) = %s, want %s", tc.in, got, tc.quote)
		}
	}
}
