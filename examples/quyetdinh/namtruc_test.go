package quyetdinh

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

func TestNamTrucBody(t *testing.T) {
	d := NamTruc()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	var outline []string
	for _, b := range d.Body {
		s := b.Kind.String() + " " + b.Label
		if b.Heading {
			s += " (heading)"
		}
		outline = append(outline, strings.TrimSpace(s))
	}
	want := "Article Điều 1. (heading)|Paragraph|Article Điều 2. (heading)|Item 1.|Point a)|Point b)|Point c)|Item 2.|Item 3.|Article Điều 3. (heading)|Paragraph"
	if got := strings.Join(outline, "|"); got != want {
		t.Errorf("outline\n got %s\nwant %s", got, want)
	}
	last := d.Body[len(d.Body)-1].Plain()
	if !strings.HasSuffix(last, "chịu trách nhiệm thi hành Quyết định này./.") {
		t.Errorf("last paragraph %q", last)
	}
}

// TestNamTrucAnnex: the annex figures are derived from Nam Toàn's stated
// baseline (3.990 participants, 601 without a card) and the 95% target.
func TestNamTrucAnnex(t *testing.T) {
	d := NamTruc()
	if len(d.Annexes) != 1 {
		t.Fatalf("%d annexes", len(d.Annexes))
	}
	tb := d.Annexes[0].Table
	want := []string{"1", "Xã Nam Toàn", "4.362", "229", "4.591", "95,0"}
	if got := tb.Rows[0]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("row %q, want %q", got, want)
	}
	if d.Kind != bhytdoc.QuyetDinh || d.NumberSymbol() != "330/QĐ-UBND" || d.PlaceDate() != "Nam Trực, ngày 23 tháng 02 năm 2022" {
		t.Errorf("header: %v %q %q", d.Kind, d.NumberSymbol(), d.PlaceDate())
	}
	if d.Recipients[0].Name != "Như Điều 3" {
		t.Errorf("Nơi nhận starts %q", d.Recipients[0].Name)
	}
	a, b := All(), All()
	a[0].Doc.Summary = "changed"
	if b[0].Doc.Summary == "changed" {
		t.Error("All: two calls share documents")
	}
}
