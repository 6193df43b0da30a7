package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/internal/render/mdview"
)

// withFrontMatter is how Parse read files before it found the front
// matter itself: md with goldmark's front-matter extension, which the
// binary no longer links (its initialisation, BurntSushi/toml's among
// it, cost every process). The tests keep it as the oracle.
var withFrontMatter = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	)),
	goldmark.WithExtensions(&frontmatter.Extender{Formats: []frontmatter.Format{{
		Name:  "YAML",
		Delim: '-',
		Unmarshal: func(b []byte, v any) error {
			*v.(*[]byte) = b
			return nil
		},
	}}}),
)

// goldmarkFrontMatter is the front matter as goldmark's extension finds
// it, and the tree of the rest of the file.
func goldmarkFrontMatter(src []byte) ([]byte, ast.Node, bool) {
	ctx := parser.NewContext()
	root := withFrontMatter.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var raw []byte
	if fm := frontmatter.Get(ctx); fm == nil || fm.Decode(&raw) != nil {
		return nil, nil, false
	}
	return raw, root, true
}

// checkFrontMatterText compares frontMatterText and the body text with
// what goldmark with its front-matter extension reads: for a file
// without markers, the text read without goldmark; for any file, the
// text read from md's tree of the file with its front matter blanked.
func checkFrontMatterText(t *testing.T, src []byte) {
	src = bytes.TrimPrefix(src, bom)
	delims, firstLen := firstLineDelim(src)
	if delims == 0 {
		return
	}
	want, root, ok := goldmarkFrontMatter(src)
	got := frontMatterText(src, delims, firstLen)
	if !ok || !bytes.Equal(got, want) {
		t.Fatalf("%q: front matter %q, goldmark reads %q (found %v)", src, got, want, ok)
	}
	start := firstLen + len(got)
	d, n := firstLineDelim(src[start:])
	if d != delims {
		return // Parse stops at "front matter not closed"
	}
	start += n
	p1, p2, p3 := &problems{}, &problems{}, &problems{}
	b1, m1 := bodyText(root, src, start, p1)
	b2, m2 := bodyText(nil, src, start, p2)
	if !bytes.Contains(src, []byte("<!--")) && (b1 != b2 || m1 != m2 || len(p1.errs) != 0) {
		t.Fatalf("%q: body %q, goldmark's %q", src, b2, b1)
	}
	blanked := md.Parser().Parse(text.NewReader(blankFrontMatter(src, start)))
	b3, m3 := bodyText(blanked, src, start, p3)
	if b1 != b3 || m1 != m3 || !reflect.DeepEqual(p1.errs, p3.errs) {
		t.Fatalf("%q: body %q marker %d %v, with the extension %q %d %v", src, b3, m3, p3.errs, b1, m1, p1.errs)
	}
}

var frontMatterCases = []string{
	goodSource, issuedSource, giayMoiSource,
	"---\n---\n", "---\n---", "---\na: b", "---\na: b\n", "----\na\n---\nb\n----\nc",
	"---\r\nkind: x\r\n---\r\nbody\r\n", "---\n\n\n---\n\n", "---\n  ---\n---\n",
	"---\na\n--- \n---\n", "---\n- a\n---\n- b\n", "---\na: |\n  ---\n---\n",
	"---\n\ta\n---\n", "---\na\n---\r\n", "---\na\n-- -\n---\nx", "---\n***\n---\n",
	"---\nk: v\n---\n# Heading\n\n---\n\ntext\n", "-----\n-----\n",
	"---\na: <!-- x -->\n---\n<!-- bhytdoc:header -->\nx\n<!-- /bhytdoc:header -->\n", "---\na\n---\n<!--\n",
	"---\na\n---\n    <!-- x -->\n", "---\na\n---\n===\n<!-- x -->\n", "---\na\n---\ntext\n---\n<!-- y -->\n",
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

// checkQuickYAML compares quickYAML's tree with yaml.v3's.
func checkQuickYAML(t *testing.T, b []byte) bool {
	got, ok := quickYAML(b)
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal(b, &want); err != nil {
		t.Fatalf("%q: quickYAML reads what yaml.v3 refuses: %v", b, err)
	}
	if !reflect.DeepEqual(got, &want) {
		t.Fatalf("%q:\nquickYAML %s\nyaml.v3   %s", b, dump(got), dump(&want))
	}
	return true
}

func dump(n *yaml.Node) string {
	s := fmt.Sprintf("{%d %q %q %d L%d C%d", n.Kind, n.Tag, n.Value, n.Style, n.Line, n.Column)
	for _, c := range n.Content {
		s += " " + dump(c)
	}
	return s + "}"
}

var quickYAMLCases = []string{
	"kind: Công văn\ndraft: true\nnumber: 12\nx: 98.57\nd: 2019-01-15\nn: null\nt: ~\n",
	"issuer:\n  parent: \"\"\n  name: \"Ủy ban nhân dân\\nquận \\\"Cái\\\" \\\\ Răng\"\nlist: [\"a\", \"b\" , \"c\"]\ne: []\n",
	"signatures:\n  - authority: [\"KT. Chủ tịch\"]\n    position: \"Phó Chủ tịch\"\n    name: \"V\"\n  - name: x\nluu: [\"VT\"]\n",
	"a:\n  - x\n  - \"y\"\n  -   z\nb:\n  c:\n    d: 1\n", "a: \"\\u2028\\u0001 \\t\\r\"\n", "a: \"\\ud800\"\n",
	"a: b\n  c: d\n", "a:\n- x\n", "a: b # c\n", "a: [\"x\"] \n", "a: \"x\" \n", "  a: b\n  c: d\n", "a: 'x'\n",
	"a: [\"x\",\"y\"]\n", "a: [ ]\n", "- a\n- b\n", "a: 0x10\nb: 010\nc: 1_000\nd: .inf\ne: yes\nf: Y\ng: <<\n",
	"a: b\na: c\n", "a:\n", "a:\nb: c\n", "- - a\n", "a: -1\n", "a: x: y\n",
}

func TestQuickYAML(t *testing.T) {
	for _, c := range quickYAMLCases {
		checkQuickYAML(t, []byte(c))
	}
	// The front matter of every built-in template as filled, and of the
	// seed documents as written, must take the quick path.
	for _, ex := range seeds.All() {
		b, err := Marshal(ex.Doc, nil)
		if err != nil {
			continue
		}
		_, n := firstLineDelim(b)
		d, _ := firstLineDelim(b)
		if !checkQuickYAML(t, frontMatterText(b, d, n)) {
			t.Logf("%s: slow path", ex.Name)
		}
	}
}

// FuzzQuickYAML: whatever quickYAML reads, yaml.v3 reads the same way.
func FuzzQuickYAML(f *testing.F) {
	for _, c := range quickYAMLCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkQuickYAML(t, b) })
}

// checkLiteralText: text Escape leaves as it is is what mdview.Escape
// writes for it.
func checkLiteralText(t *testing.T, s string) {
	if literalText(s) && mdview.Escape(s) != s {
		t.Fatalf("literalText(%q), but mdview.Escape writes %q", s, mdview.Escape(s))
	}
}

var literalCases = []string{
	"Ủy ban nhân dân phường Lê Bình", "Kế hoạch số 131/KH-UBND ngày 08/11/2018", "Điều 1. Một", "Điều", "a) b", "đ) c",
	"1. x", "12) y", "- a", "+ a", "= a", "> a", " a", "a ", "a & b", "a &amp; b", "a_b", "a*b", "\u0085", "x\u00a0y",
	"a\tb", "\x7f", "(qua Phòng Lao động - Thương binh và Xã hội)", "A.", "#1", "\ufffd", "a!b?c.d,e;f:g\"h'i(j)k{l}m$n%o/p",
}

func TestLiteralText(t *testing.T) {
	for _, s := range append(literalCases, hostile...) {
		checkLiteralText(t, s)
	}
	if !literalText(literalCases[0]) || !literalText(literalCases[1]) {
		t.Error("plain names take the slow path")
	}
}

func FuzzLiteralText(f *testing.F) {
	for _, s := range literalCases {
		f.Add(s)
	}
	f.Fuzz(checkLiteralText)
}

// TestEscapedASCII checks literalText's table against the punctuation it
// replaced, a string looked up per byte.
func TestEscapedASCII(t *testing.T) {
	for c := range utf8.RuneSelf {
		if want := strings.IndexByte("\\`*_[]<#|~&", byte(c)) >= 0; escapedASCII[c] != want {
			t.Errorf("escapedASCII[%q] = %v, want %v", rune(c), escapedASCII[c], want)
		}
	}
}
