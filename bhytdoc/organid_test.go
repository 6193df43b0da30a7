package bhytdoc

import (
	"strings"
	"testing"
)

func TestCheckOrganID(t *testing.T) {
	for _, s := range []string{"000.00.00.G22", "28.22.H17", "00.A80", "H17", "000.00.00.A80"} {
		if err := CheckOrganID(s); err != nil {
			t.Errorf("CheckOrganID(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"", "g22", "000.00.00.G2", "0.00.00.G22", "000.00.00.00.G22",
		"000.00.00.G22 ", "000.00.0a.G22", "000..00.G22", "28.22.H17.", strings.Repeat("0", 40)} {
		if err := CheckOrganID(s); err == nil {
			t.Errorf("CheckOrganID(%q) = nil, want an error", s)
		}
	}
}

func TestValidateOrganID(t *testing.T) {
	d := &Document{Kind: CongVan, Issuer: Issuer{Name: "Ủy ban nhân dân xã", Abbrev: "UBND", OrganID: "28.22.h17"},
		Recipients: []Recipient{{Name: "UBND huyện", OrganID: "000.00.00.G22"}, {Name: "Như trên", OrganID: "x"}}}
	err := d.Validate()
	ve, ok := err.(*ValidationError)
	if !ok {
		t.Fatalf("Validate = %v, want *ValidationError", err)
	}
	got := strings.Join(ve.Fields(), " ")
	for _, f := range []string{"Issuer.OrganID", "Recipients[1].OrganID"} {
		if !strings.Contains(got, f) {
			t.Errorf("fields %q lack %s", got, f)
		}
	}
	if strings.Contains(got, "Recipients[0].OrganID") {
		t.Errorf("a valid code reported: %q", got)
	}
}
