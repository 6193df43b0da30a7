package apidoc

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// camel matches a word written as a Go identifier of two or more parts,
// "WritePDF", "FormatInt", "ParseBody": in a doc comment such a word
// names code, so it must exist.
var camel = regexp.MustCompile(`\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b`)

// linkish matches a doc link, checked as a link, not as a word.
var linkish = regexp.MustCompile(`\[[A-Za-z_][\w.]*\]`)

// notGo are mixed-case words of prose that are no Go identifiers:
// product and format names.
var notGo = map[string]bool{
	"LibreOffice": true, "GitHub": true, "JavaScript": true, "PostScript": true,
	"TrueType": true, "OpenType": true, "OpenXML": true, "OpenSSL": true,
	"SoftHSM": true, "WordprocessingML": true, "SpreadsheetML": true,
	"DejaVu": true, "FreeType": true, "MacOS": true, "PowerShell": true,
	"CamelCase": true, "YouTube": true, "WebAssembly": true,
	"CommonMark": true, "OpenAPI": true, "TypeScript": true,
	"KiB": true, "MiB": true, "GiB": true, "NaN": true,
	"SubFilter": true, "SignedData": true, // PDF and PKCS #7 names
	"TrS": true, // trích sao, the decree's abbreviation
}

// pkgSyms is what a package declares: top-level names, and the methods
// and fields of its types as "Type.Name" and as bare "Name".
type pkgSyms map[string]bool

func declared(files []*ast.File) pkgSyms {
	s := pkgSyms{}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil || len(d.Recv.List) == 0 {
					s[d.Name.Name] = true
					continue
				}
				recv := d.Recv.List[0].Type
				for {
					if st, ok := recv.(*ast.StarExpr); ok {
						recv = st.X
					} else if ix, ok := recv.(*ast.IndexExpr); ok {
						recv = ix.X
					} else if ix, ok := recv.(*ast.IndexListExpr); ok {
						recv = ix.X
					} else {
						break
					}
				}
				if id, ok := recv.(*ast.Ident); ok {
					s[id.Name+"."+d.Name.Name] = true
				}
				s[d.Name.Name] = true
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch sp := spec.(type) {
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							s[n.Name] = true
						}
					case *ast.TypeSpec:
						s[sp.Name.Name] = true
						var fields *ast.FieldList
						switch t := sp.Type.(type) {
						case *ast.StructType:
							fields = t.Fields
						case *ast.InterfaceType:
							fields = t.Methods
						}
						if fields == nil {
							continue
						}
						for _, fl := range fields.List {
							for _, n := range fl.Names {
								s[sp.Name.Name+"."+n.Name] = true
								s[n.Name] = true
							}
							if len(fl.Names) == 0 { // embedded
								if id, ok := fl.Type.(*ast.Ident); ok {
									s[sp.Name.Name+"."+id.Name] = true
								}
							}
						}
					}
				}
			}
		}
	}
	return s
}

// docComments returns every comment group of the files that pkg.go.dev
// can show: package, declaration, spec and field comments.
func docComments(files []*ast.File) []*ast.CommentGroup {
	var out []*ast.CommentGroup
	for _, f := range files {
		if f.Doc != nil {
			out = append(out, f.Doc)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Doc != nil && n.Name.IsExported() {
					out = append(out, n.Doc)
				}
				return false // comments inside bodies are not API docs
			case *ast.GenDecl:
				if n.Doc != nil && exportedDecl(n) {
					out = append(out, n.Doc)
				}
			case *ast.TypeSpec:
				if !n.Name.IsExported() {
					return false // nor its fields
				}
				if n.Doc != nil {
					out = append(out, n.Doc)
				}
			case *ast.ValueSpec:
				if !exportedNames(n.Names) {
					return false
				}
				if n.Doc != nil {
					out = append(out, n.Doc)
				}
				if n.Comment != nil {
					out = append(out, n.Comment)
				}
			case *ast.Field:
				if len(n.Names) > 0 && !exportedNames(n.Names) {
					return false
				}
				if n.Doc != nil {
					out = append(out, n.Doc)
				}
				if n.Comment != nil {
					out = append(out, n.Comment)
				}
			}
			return true
		})
	}
	return out
}

func exportedNames(ns []*ast.Ident) bool {
	for _, n := range ns {
		if n.IsExported() {
			return true
		}
	}
	return false
}

// exportedDecl reports whether a const, var or type group declares an
// exported name, so that pkg.go.dev shows its comment.
func exportedDecl(d *ast.GenDecl) bool {
	for _, spec := range d.Specs {
		switch sp := spec.(type) {
		case *ast.ValueSpec:
			if exportedNames(sp.Names) {
				return true
			}
		case *ast.TypeSpec:
			if sp.Name.IsExported() {
				return true
			}
		}
	}
	return false
}

// written adds to syms the words of the package's string literals and
// struct tags: the element and key names of the formats it writes
// (edXML's MessageHeader), which its comments cite as they are.
func written(files []*ast.File, syms pkgSyms) {
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				for _, w := range word.FindAllString(lit.Value, -1) {
					syms[w] = true
				}
			}
			return true
		})
	}
}

var word = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

// staleNames lists the names a package's doc comments cite that do not
// exist: doc links ([Name], [Type.Method], [pkg.Name] for a package of
// this module) that resolve nowhere, and CamelCase words that are no
// identifier of the package or of any public package of the module.
// A word qualified by a package outside the module (strconv.FormatInt)
// is that package's business.
func staleNames(fset *token.FileSet, files []*ast.File, own pkgSyms, public map[string]pkgSyms) []string {
	anywhere := func(w string) bool {
		if own[w] {
			return true
		}
		for _, s := range public {
			if s[w] {
				return true
			}
		}
		return false
	}
	p := &comment.Parser{
		LookupPackage: func(name string) (string, bool) {
			if _, ok := public[name]; ok {
				return "github.com/bhytdoc/bhytdoc/" + name, true
			}
			return "", false // standard library names are recognised anyway
		},
		LookupSym: func(recv, name string) bool { return true }, // checked below
	}
	var out []string
	seen := map[string]bool{}
	bad := func(cg *ast.CommentGroup, what string) {
		k := fset.Position(cg.Pos()).Filename + what
		if !seen[k] {
			seen[k] = true
			out = append(out, fset.Position(cg.Pos()).String()+": "+what)
		}
	}
	for _, cg := range docComments(files) {
		text := cg.Text()
		var walk func([]comment.Text)
		walk = func(ts []comment.Text) {
			for _, t := range ts {
				switch t := t.(type) {
				case *comment.DocLink:
					syms := own
					if t.ImportPath != "" {
						pkg, ok := strings.CutPrefix(t.ImportPath, "github.com/bhytdoc/bhytdoc/")
						if !ok {
							continue // standard library
						}
						syms = public[pkg]
					}
					name := t.Name
					if t.Recv != "" {
						name = t.Recv + "." + t.Name
					}
					if name != "" && !syms[name] {
						bad(cg, "["+strings.TrimPrefix(t.ImportPath+".", ".")+name+"]")
					}
				case *comment.Link:
					walk(t.Text)
				case *comment.Italic, comment.Plain:
				}
			}
		}
		d := p.Parse(text)
		for _, b := range d.Content {
			switch b := b.(type) {
			case *comment.Paragraph:
				walk(b.Text)
			case *comment.Heading:
				walk(b.Text)
			case *comment.List:
				for _, it := range b.Items {
					for _, c := range it.Content {
						if para, ok := c.(*comment.Paragraph); ok {
							walk(para.Text)
						}
					}
				}
			}
		}
		text = linkish.ReplaceAllStringFunc(text, func(l string) string { return strings.Repeat(" ", len(l)) })
		for _, loc := range camel.FindAllStringIndex(text, -1) {
			w := text[loc[0]:loc[1]]
			if notGo[w] || anywhere(w) || strings.HasSuffix(w, "s") && anywhere(w[:len(w)-1]) {
				continue // a plural: "the ItemErrors"
			}
			before := text[:loc[0]]
			if q, ok := strings.CutSuffix(before, "."); ok {
				before = q
			} else if q, ok := strings.CutSuffix(before, "'s "); ok {
				before = q
			} else {
				before = ""
			}
			if before != "" {
				// x.Word or x's Word: fine when x is a package outside
				// the module (strconv.FormatInt, fpdf's GetStringWidth).
				q := before[strings.LastIndexFunc(before, func(r rune) bool {
					return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
				})+1:]
				if _, ours := public[q]; q != "" && !ours {
					continue
				}
			}
			bad(cg, w)
		}
	}
	sort.Strings(out)
	return out
}

// TestDocCommentNames fails when a public package's doc comment names an
// identifier that does not exist, as bhytdoc.Table's once cited
// FormatInt and FormatDecimal: a reader following it finds nothing.
// Doc links are resolved as go doc resolves them; CamelCase words must
// be an identifier of the package (or of its formats' names) or of
// another public package of the module.
func TestDocCommentNames(t *testing.T) {
	root := moduleRoot(t)
	public := map[string]pkgSyms{}
	files := map[string][]*ast.File{}
	fsets := map[string]*token.FileSet{}
	for _, dir := range publicPackages(t) {
		fset, fs := parsePackage(t, filepath.Join(root, dir))
		public[dir], files[dir], fsets[dir] = declared(fs), fs, fset
	}
	for dir := range public {
		own := pkgSyms{}
		for k := range public[dir] {
			own[k] = true
		}
		written(files[dir], own)
		for _, m := range staleNames(fsets[dir], files[dir], own, public) {
			t.Errorf("%s", m)
		}
	}
}

// TestStaleNamesFinds proves the check can fail: a comment citing a
// missing function, a missing doc link and a missing method is caught,
// one citing what exists, a product name or strconv.FormatInt is not.
func TestStaleNamesFinds(t *testing.T) {
	src := `// Package p does things.
package p

// Table holds cells formatted for print (see FormatInt and [FormatDecimal]);
// [Table.Rows] and [Table.Missing] are its parts, WriteTable writes it,
// as LibreOffice shows it, with strconv.FormatInt's digits.
type Table struct{ Rows int }

// WriteTable writes t.
func WriteTable(t Table) {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{f}
	got := staleNames(fset, files, declared(files), map[string]pkgSyms{"p": declared(files)})
	var names []string
	for _, g := range got {
		names = append(names, g[strings.LastIndex(g, ": ")+2:])
	}
	if strings.Join(names, ",") != "FormatInt,[FormatDecimal],[Table.Missing]" {
		t.Errorf("found %q, want FormatInt, [FormatDecimal] and [Table.Missing]", got)
	}
}
