package templates

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// checkQuickExec runs template name on data both ways: whatever
// quickExec writes, text/template must write too.
func checkQuickExec(t *testing.T, name string, data any) bool {
	t.Helper()
	tpl := parsed()[name].t
	var quick, slow bytes.Buffer
	ok := quickExec(&quick, tpl.Tree.Root, data)
	err := tpl.Execute(&slow, data)
	if ok && (err != nil || !bytes.Equal(quick.Bytes(), slow.Bytes())) {
		t.Fatalf("%s: quickExec wrote\n%s\ntext/template (error %v)\n%s", name, quick.Bytes(), err, slow.Bytes())
	}
	return ok
}

// variants are changes of one field's value that the functions read
// differently: numbers as text or of another type, empty, missing.
var variants = []any{nil, "", "0", "abc", "98,5", "10.125", "2020-02-29", "2021-02-29", json.Number("0"), json.Number("98.5"),
	json.Number("1e3"), 0, 7, int64(-3), 1.5, true, []any{}, []any{"a", "b"}, []any{map[string]any{}}, map[string]any{}}

func mutations(v any, yield func()) {
	switch v := v.(type) {
	case map[string]any:
		for k, old := range v {
			for _, x := range variants {
				v[k] = x
				yield()
			}
			delete(v, k)
			yield()
			v[k] = old
			mutations(old, yield)
		}
	case []any:
		for i, old := range v {
			mutations(old, yield)
			v[i] = old
		}
		if len(v) > 0 {
			yield() // the list as it is, then shorter
		}
	}
}

func TestQuickExec(t *testing.T) {
	for _, name := range Names() {
		data := load(t, name)
		p, err := prepare(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if !checkQuickExec(t, name, p) {
			t.Errorf("%s: the example data takes the slow path", name)
		}
		if testing.Short() {
			continue
		}
		quick, all := 0, 0
		mutations(data, func() {
			all++
			if checkQuickExec(t, name, data) {
				quick++
			}
			if p, err := prepare(name, data); err == nil {
				checkQuickExec(t, name, p)
			}
		})
		t.Logf("%s: %d of %d variants quick", name, quick, all)
	}
}

// FuzzQuickExec fills every template with data read from JSON.
func FuzzQuickExec(f *testing.F) {
	f.Add([]byte(`{"So": 3, "TyLe": "98,5", "ChiTieu": [{"TyLe": 100, "Nhan": "x"}]}`))
	for _, name := range Names() {
		if b, err := os.ReadFile("testdata/" + name + ".json"); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseData(b, "f.json")
		if err != nil {
			return
		}
		for _, name := range Names() {
			checkQuickExec(t, name, m)
			if p, err := prepare(name, m); err == nil {
				checkQuickExec(t, name, p)
			}
		}
	})
}
