package templates

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestStructCommentsAreLabels: each field of the typed data structs is
// commented with the label its template declares for it (then, after
// "; ", anything more), so that go doc and bhytdoc new TEMPLATE --help
// say the same; a nested struct's fields take the labels of the field
// that holds it. A comment copied from another template's field of the
// same name ("Ngày ban hành" on a milestone's date) fails.
func TestStructCommentsAreLabels(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "structs.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	structs := map[string]*ast.StructType{}
	names := map[string]string{} // struct → template
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok {
					if st, ok := ts.Type.(*ast.StructType); ok {
						structs[ts.Name.Name] = st
					}
				}
			}
		case *ast.FuncDecl:
			if d.Name.Name == "templateName" && d.Recv != nil {
				recv := d.Recv.List[0].Type.(*ast.Ident).Name
				ret := d.Body.List[0].(*ast.ReturnStmt).Results[0].(*ast.BasicLit)
				names[recv], _ = strconv.Unquote(ret.Value)
			}
		}
	}
	checked := 0
	var walk func(where, typ string, fs []Field)
	walk = func(where, typ string, fs []Field) {
		st := structs[typ]
		if st == nil {
			t.Errorf("%s: no struct %s in structs.go", where, typ)
			return
		}
		for _, fld := range st.Fields.List {
			name := fld.Names[0].Name
			var decl *Field
			for i := range fs {
				if fs[i].Name == name {
					decl = &fs[i]
				}
			}
			if decl == nil {
				t.Errorf("%s.%s: not declared", typ, name)
				continue
			}
			c := ""
			if fld.Comment != nil {
				c = strings.TrimSpace(fld.Comment.Text())
			}
			if c != decl.Label && !strings.HasPrefix(c, decl.Label+"; ") {
				t.Errorf("%s (%s.%s): comment %q, want the declared label %q", where, typ, name, c, decl.Label)
			}
			checked++
			if len(decl.Fields) > 0 {
				inner := fld.Type
				if a, ok := inner.(*ast.ArrayType); ok {
					inner = a.Elt
				}
				walk(where+"."+name, inner.(*ast.Ident).Name, decl.Fields)
			}
		}
	}
	for typ, tmpl := range names {
		fs, err := Fields(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		walk(tmpl, typ, fs)
	}
	if len(names) < 9 || checked < 150 {
		t.Errorf("%d templates, %d fields checked", len(names), checked)
	}
}
