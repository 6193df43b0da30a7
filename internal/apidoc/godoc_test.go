package apidoc

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// publicPackages are the directories, relative to the module root, of the
// packages other modules import; pkg.go.dev shows their documentation.
// The list is the tree's, not a copy of it, so a new public package is
// held to the same rules the day it appears: every top-level directory
// with non-test Go files except cmd, examples and internal.
func publicPackages(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(moduleRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || name == "cmd" || name == "examples" || name == "internal" || strings.HasPrefix(name, ".") {
			continue
		}
		gofiles, _ := filepath.Glob(filepath.Join(moduleRoot(t), name, "*.go"))
		for _, f := range gofiles {
			if !strings.HasSuffix(f, "_test.go") {
				dirs = append(dirs, name)
				break
			}
		}
	}
	if len(dirs) < 5 {
		t.Fatalf("found only %d public packages: %v", len(dirs), dirs)
	}
	return dirs
}

// moduleRoot is the checkout's root: this package sits two levels below it.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root: %v", err)
	}
	return root
}

// parsePackage parses the non-test Go files of dir with their comments.
func parsePackage(t *testing.T, dir string) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatalf("%s: no Go files", dir)
	}
	return fset, files
}

// undocumented lists the exported names of a package that pkg.go.dev would
// show without a doc comment: the package itself, constants, variables,
// functions, types, methods, and the exported fields and interface methods
// of exported types. A name declared in a documented group (const ( … ))
// counts as documented by the group's comment, and a field by its type's
// comment when that names it as a word ("Field is the Go path …"), as
// godoc shows both right above the declaration.
func undocumented(fset *token.FileSet, files []*ast.File, importPath string) []string {
	p, err := doc.NewFromFiles(fset, files, importPath)
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	miss := func(pos token.Pos, what string) {
		out = append(out, fmt.Sprintf("%s: %s", fset.Position(pos), what))
	}
	if strings.TrimSpace(p.Doc) == "" {
		out = append(out, "package "+p.Name+": no package comment")
	}
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			if v.Doc != "" {
				continue
			}
			for _, spec := range v.Decl.Specs {
				vs := spec.(*ast.ValueSpec)
				if vs.Doc != nil || vs.Comment != nil {
					continue
				}
				for _, n := range vs.Names {
					if n.IsExported() {
						miss(n.Pos(), n.Name)
					}
				}
			}
		}
	}
	funcs := func(recv string, fs []*doc.Func) {
		for _, f := range fs {
			if f.Doc == "" {
				miss(f.Decl.Pos(), recv+f.Name)
			}
		}
	}
	values(p.Consts)
	values(p.Vars)
	funcs("", p.Funcs)
	for _, typ := range p.Types {
		if typ.Doc == "" {
			miss(typ.Decl.Pos(), "type "+typ.Name)
		}
		values(typ.Consts)
		values(typ.Vars)
		funcs("", typ.Funcs)
		funcs(typ.Name+".", typ.Methods)
		for _, spec := range typ.Decl.Specs {
			ts := spec.(*ast.TypeSpec)
			var fields *ast.FieldList
			switch t := ts.Type.(type) {
			case *ast.StructType:
				fields = t.Fields
			case *ast.InterfaceType:
				fields = t.Methods
			}
			if fields == nil {
				continue
			}
			for _, f := range fields.List {
				if f.Doc != nil || f.Comment != nil {
					continue
				}
				for _, n := range f.Names {
					if n.IsExported() && !namesWord(typ.Doc, n.Name) {
						miss(n.Pos(), typ.Name+"."+n.Name)
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// namesWord reports whether text holds word as a whole word.
func namesWord(text, word string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	}) {
		if w == word {
			return true
		}
	}
	return false
}

// TestExportedNamesDocumented fails on any exported name of a public
// package that has no doc comment, so pkg.go.dev never shows a bare one.
func TestExportedNamesDocumented(t *testing.T) {
	root := moduleRoot(t)
	for _, dir := range publicPackages(t) {
		fset, files := parsePackage(t, filepath.Join(root, dir))
		for _, m := range undocumented(fset, files, "github.com/bhytdoc/bhytdoc/"+dir) {
			t.Errorf("undocumented: %s", m)
		}
	}
}

// TestPackageDocs checks what pkg.go.dev shows first: each public package
// says what it is for in a doc.go, links every other public package, and
// has at least one runnable example whose output go test compares.
func TestPackageDocs(t *testing.T) {
	root := moduleRoot(t)
	public := publicPackages(t)
	for _, dir := range public {
		path := filepath.Join(root, dir)
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, filepath.Join(path, "doc.go"), nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		if f.Doc == nil || !strings.HasPrefix(f.Doc.Text(), "Package "+f.Name.Name+" ") {
			t.Errorf("%s/doc.go: no package comment starting %q", dir, "Package "+f.Name.Name)
			continue
		}
		text := f.Doc.Text()
		for _, other := range public {
			if link := "[github.com/bhytdoc/bhytdoc/" + other + "]"; other != dir && !strings.Contains(text, link) {
				t.Errorf("%s/doc.go: no link %s", dir, link)
			}
		}

		tests, err := filepath.Glob(filepath.Join(path, "*_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		var files []*ast.File
		for _, name := range tests {
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		checked := 0
		for _, ex := range doc.Examples(files...) {
			if ex.Output != "" {
				checked++
			}
		}
		if checked == 0 {
			t.Errorf("%s: no Example with a non-empty // Output: comment", dir)
		}
	}
}
