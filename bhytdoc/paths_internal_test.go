package bhytdoc

import (
	"fmt"
	"strings"
	"testing"
)

// TestZeroPad compares zeroPad with the fmt verb it replaces.
func TestZeroPad(t *testing.T) {
	for _, w := range []int{2, 4} {
		for _, n := range []int{-12345, -100, -1, 0, 1, 9, 10, 99, 100, 999, 2020, 9999, 10000, 123456} {
			if got, want := zeroPad(n, w), fmt.Sprintf("%0*d", w, n); got != want {
				t.Errorf("zeroPad(%d, %d) = %q, want %q", n, w, got, want)
			}
		}
	}
}

// TestTextPathHasPrefix compares textPath.hasPrefix with the joined path.
func TestTextPathHasPrefix(t *testing.T) {
	paths := []textPath{
		at("Issuer.Parent"), at("Issuer"), at("Copy.Issuer.Name"), at("Body"),
		at1("Body", 3, ".Label"), at1("Issuer", 0, ""), at2("Signatures", 1, ".Authority", 2, ".Title"),
		{pre: "Issues.", head: "Issuer.Name"}, {pre: "Issues.", head: "Body", i: 2, tail: ".Label"},
	}
	for _, p := range paths {
		for _, prefix := range []string{"Issuer.", "Copy.Issuer.", "Body[3]", "Issues.Issuer.", "Issues.Body[1]", "Iss", ""} {
			if got, want := p.hasPrefix(prefix), strings.HasPrefix(p.String(), prefix); got != want {
				t.Errorf("%q.hasPrefix(%q) = %v, want %v", p.String(), prefix, got, want)
			}
		}
	}
}
