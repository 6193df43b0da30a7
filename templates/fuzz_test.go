package templates

import (
	"os"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/guard"
)

// FuzzParseData decodes any bytes as JSON or YAML data and fills every
// template with what decodes: an error or a document, never a panic, a
// hang or memory running out.
func FuzzParseData(f *testing.F) {
	for _, name := range Names() {
		b, err := os.ReadFile("testdata/" + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, false)
	}
	f.Add([]byte("So: 898\nSo: 5\n"), true)
	f.Add([]byte("a: &x [1, 2]\nb: [*x, *x]\n"), true)
	f.Add([]byte(`{"MocTienDo": [], "DiaBan": true}`), false)
	f.Add([]byte("\uFEFF{\"So\": 0x10}"), false)
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		name := "f.json"
		if yaml {
			name = "f.yaml"
		}
		guard.Run(t, 10*time.Second, 512<<20, func() {
			m, err := ParseData(data, name)
			if err != nil {
				if _, ok := err.(*DataError); !ok {
					t.Errorf("error of type %T: %v", err, err)
				}
				return
			}
			for _, tpl := range Names() {
				Fill(tpl, m)
			}
		})
	})
}
