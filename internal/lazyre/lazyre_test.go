package lazyre

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestDelegates(t *testing.T) {
	const expr = `(\d+)-(\d+)`
	lz, re := New(expr), regexp.MustCompile(expr)
	if lz.rx != nil {
		t.Fatal("New compiled the expression")
	}
	s := "a 1-2 b 30-40"
	if lz.String() != expr || lz.Re().String() != expr {
		t.Errorf("String() = %q, Re().String() = %q; want %q", lz.String(), lz.Re().String(), expr)
	}
	if first := lz.Re(); lz.Re() != first {
		t.Error("Re compiles more than once")
	}
	if lz.MatchString(s) != re.MatchString(s) || lz.Match([]byte("x")) != re.Match([]byte("x")) {
		t.Error("Match/MatchString differ")
	}
	if lz.FindString(s) != re.FindString(s) ||
		!slices.Equal(lz.FindStringIndex(s), re.FindStringIndex(s)) ||
		!slices.Equal(lz.FindStringSubmatch(s), re.FindStringSubmatch(s)) ||
		!slices.Equal(lz.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s)) {
		t.Error("FindString* differ")
	}
	if len(lz.FindSubmatch([]byte(s))) != 3 || len(lz.FindAllSubmatch([]byte(s), -1)) != 2 ||
		len(lz.FindAllStringSubmatchIndex(s, -1)) != 2 {
		t.Error("FindSubmatch/FindAll* differ")
	}
	repl := func(b []byte) []byte { return []byte("#") }
	if got, want := string(lz.ReplaceAllFunc([]byte(s), repl)), string(re.ReplaceAllFunc([]byte(s), repl)); got != want {
		t.Errorf("ReplaceAllFunc = %q, want %q", got, want)
	}
}

// TestConcurrentFirstUse: many goroutines using a fresh Regexp at once
// see one compiled expression (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	lz := New(`^x+$`)
	var wg sync.WaitGroup
	res := make([]*regexp.Regexp, 8)
	for i := range res {
		wg.Go(func() {
			if !lz.MatchString("xxx") {
				t.Error("no match")
			}
			res[i] = lz.Re()
		})
	}
	wg.Wait()
	for _, r := range res {
		if r != res[0] {
			t.Fatal("compiled more than once")
		}
	}
}

func TestInvalidPanicsOnFirstUse(t *testing.T) {
	lz := New(`(`) // no panic here
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on first use")
		}
	}()
	lz.MatchString("")
}

// TestNoRegexpAtInit keeps the module's packages from compiling regular
// expressions at start-up again: a package-level variable may not call
// regexp.MustCompile or regexp.Compile outside a function literal (use
// New, or sync.OnceValue). Commands that are not the CLI (bench, release
// tooling) and tests may.
func TestNoRegexpAtInit(t *testing.T) {
	root := filepath.Join("..", "..")
	skip := map[string]bool{"bench": true, "internal/release": true, "internal/signtest": true, "examples": true}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if path == root {
				return nil
			}
			if skip[rel] || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			ast.Inspect(g, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // runs when called, not at init
				case *ast.SelectorExpr:
					if x, ok := n.X.(*ast.Ident); ok && x.Name == "regexp" && (n.Sel.Name == "MustCompile" || n.Sel.Name == "Compile") {
						t.Errorf("%s: package-level regexp.%s runs at start-up; use lazyre.New", fset.Position(n.Pos()), n.Sel.Name)
					}
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read %d Go files of the module; want its packages", files)
	}
}
