package fonts

import (
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// TestLazy checks that only the styles asked for are parsed.
func TestLazy(t *testing.T) {
	f, err := FromBytes("L", liberationserifregular.TTF, liberationserifbold.TTF, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for s := range f.faces {
		if f.faces[s] != nil {
			t.Fatalf("%v parsed before use", Style(s))
		}
	}
	if _, err := f.Face(Bold); err != nil {
		t.Fatal(err)
	}
	if f.faces[Bold] == nil || f.faces[Regular] != nil {
		t.Errorf("after Face(Bold): bold parsed=%v regular parsed=%v", f.faces[Bold] != nil, f.faces[Regular] != nil)
	}
}
