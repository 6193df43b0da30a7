package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"

	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// goldmarkFrontMatter is the front matter as goldmark's extension finds
// it, which Parse used to ask for on every file.
func goldmarkFrontMatter(src []byte) ([]byte, bool) {
	ctx := parser.NewContext()
	md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var raw []byte
	if fm := frontmatter.Get(ctx); fm == nil || fm.Decode(&raw) != nil {
		return nil, false
	}
	return raw, true
}

// checkFrontMatterText compares frontMatterText and, for a file without
// markers, the body text, with what goldmark reads.
func checkFrontMatterText(t *testing.T, src []byte) {
	src = bytes.TrimPrefix(src, bom)
	delims, firstLen := firstLineDelim(src)
	if delims == 0 {
		return
	}
	want, ok := goldmarkFrontMatter(src)
	got := frontMatterText(src, delims, firstLen)
	if !ok || !bytes.Equal(got, want) {
		t.Fatalf("%q: front matter %q, goldmark reads %q (found %v)", src, got, want, ok)
	}
	start := firstLen + len(got)
	if d, n := firstLineDelim(src[start:]); d == delims {
		start += n
	}
	ctx := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	p1, p2 := &problems{}, &problems{}
	b1, m1 := bodyText(root, src, start, p1)
	b2, m2 := bodyText(nil, src, start, p2)
	if !bytes.Contains(src, []byte("<!--")) && (b1 != b2 || m1 != m2 || len(p1.errs) != 0) {
		t.Fatalf("%q: body %q, goldmark's %q", src, b2, b1)
	}
}

var frontMatterCases = []string{
	goodSource, issuedSource, giayMoiSource,
	"---\n---\n", "---\n---", "---\na: b", "---\na: b\n", "----\na\n---\nb\n----\nc",
	"---\r\nkind: x\r\n---\r\nbody\r\n", "---\n\n\n---\n\n", "---\n  ---\n---\n",
	"---\na\n--- \n---\n", "---\n- a\n---\n- b\n", "---\na: |\n  ---\n---\n",
	"---\n\ta\n---\n", "---\na\n---\r\n", "---\na\n-- -\n---\nx", "---\n***\n---\n",
	"---\nk: v\n---\n# Heading\n\n---\n\ntext\n", "-----\n-----\n",
}

func TestFrontMatterText(t *testing.T) {
	for _, s := range frontMatterCases {
		checkFrontMatterText(t, []byte(s))
	}
	for _, ex := range seeds.All() {
		if b, err := Marshal(ex.Doc, nil); err == nil {
			checkFrontMatterText(t, b)
		}
	}
	files, _ := filepath.Glob("../templates/*.md")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFrontMatterText(t, b)
	}
}

// FuzzFrontMatterText: the front matter and body Parse reads without
// goldmark are what goldmark reads.
func FuzzFrontMatterText(f *testing.F) {
	for _, s := range frontMatterCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkFrontMatterText(t, src) })
}
