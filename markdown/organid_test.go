package markdown

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

// TestOrganIDRoundTrip checks that the identifier codes edxml sends with
// are written to the front matter and read back.
func TestOrganIDRoundTrip(t *testing.T) {
	d := seeds.All()[0].Doc.Clone()
	d.Issuer.OrganID = "000.00.00.G22"
	d.Recipients[0].OrganID = "28.22.H17"
	out, err := Marshal(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"organ_id: 000.00.00.G22", "organ_id: 28.22.H17"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("front matter lacks %q:\n%s", want, out)
		}
	}
	roundTrip(t, "organ_id", d, nil)

	bad := strings.Replace(string(out), "organ_id: 28.22.H17", "organ_id: 28.22.h17", 1)
	if _, err := Parse([]byte(bad), "bad.md"); err == nil || !strings.Contains(err.Error(), "noi_nhan[0].organ_id") && !strings.Contains(err.Error(), "Recipients[0].OrganID") {
		t.Errorf("Parse of a bad recipient code = %v, want an error naming it", err)
	}
}
