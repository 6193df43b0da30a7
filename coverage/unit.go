package coverage

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/typo"

	"golang.org/x/text/unicode/norm"
)

// UnitKind is the kind of a commune-level administrative unit (the
// document kind is bhytdoc.Kind). The zero UnitKind means not stated:
// the unit's Name is then printed as it is.
type UnitKind int

// The commune-level units (đơn vị hành chính cấp xã).
const (
	Xa      UnitKind = iota + 1 // xã: rural commune
	Phuong                      // phường: urban ward
	ThiTran                     // thị trấn: township
	kindEnd
)

var (
	kindNames  = [kindEnd]string{Xa: "xã", Phuong: "phường", ThiTran: "thị trấn"}
	kindTitles = [kindEnd]string{Xa: "Xã", Phuong: "Phường", ThiTran: "Thị trấn"}
)

// Valid reports whether k is Xa, Phuong or ThiTran.
func (k UnitKind) Valid() bool { return k > 0 && k < kindEnd }

// String returns the Vietnamese name in lower case ("thị trấn"), "" for
// the zero UnitKind, or "UnitKind(n)" for an invalid one.
func (k UnitKind) String() string {
	switch {
	case k == 0:
		return ""
	case !k.Valid():
		return fmt.Sprintf("UnitKind(%d)", int(k))
	}
	return kindNames[k]
}

// Title returns the name with a capital initial, as it starts a unit's
// label: "Thị trấn".
func (k UnitKind) Title() string {
	if !k.Valid() {
		return k.String()
	}
	return kindTitles[k]
}

// ParseUnitKind accepts a kind's Vietnamese name in any letter case or
// normalisation form ("xã", "Thị trấn", "THỊ TRẤN"), its unaccented form
// ("xa", "phuong", "thi tran") or its identifier ("ThiTran"). An empty
// string gives the zero UnitKind.
func ParseUnitKind(s string) (UnitKind, error) {
	t := fold(s)
	if t == "" {
		return 0, nil
	}
	for k := Xa; k < kindEnd; k++ {
		if t == kindNames[k] || t == unaccented[k] || t == strings.ToLower(kindIdent[k]) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("coverage: unknown unit kind %s (want xã, phường or thị trấn)", excerpt.Quote(s))
}

var (
	unaccented = [kindEnd]string{Xa: "xa", Phuong: "phuong", ThiTran: "thi tran"}
	kindIdent  = [kindEnd]string{Xa: "Xa", Phuong: "Phuong", ThiTran: "ThiTran"}
)

// fold normalises s for matching: NFC, lower case, single spaces.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// Unit is a commune-level unit.
type Unit struct {
	// Name without the kind: "Lê Bình" for phường Lê Bình. A name that
	// already starts with its kind is printed as it is.
	Name string
	// Kind is xã, phường or thị trấn; zero when not stated.
	Kind UnitKind
	// Code is the optional administrative code (mã đơn vị hành chính).
	Code string
}

// Label is the unit as printed in a table: the kind with a capital
// initial, then the name ("Phường Lê Bình"). A Name that already starts
// with its kind, or a unit without a kind, prints as Name.
func (u Unit) Label() string {
	name := typo.OneLine(u.Name)
	if !u.Kind.Valid() {
		return name
	}
	// A name that begins with an ASCII letter no kind name begins with
	// ("Số 1", "Lê Bình") needs no SplitKind, most of the cost of a
	// label: no normalisation or case folding makes such a letter t, p
	// or x.
	if c := firstByte(name); c >= utf8.RuneSelf || strings.IndexByte("tTpPxX", c) >= 0 {
		if k, rest := SplitKind(name); k == u.Kind && rest != "" {
			return name
		}
	}
	return kindTitles[u.Kind] + " " + name
}

// firstByte is s's first byte, or 0x80 (not ASCII) when s is empty.
func firstByte(s string) byte {
	if s == "" {
		return utf8.RuneSelf
	}
	return s[0]
}

// SplitKind splits a label that starts with a kind name ("Phường Lê Bình",
// "thị trấn Nam Giang") into the kind and the rest. A label without one
// returns 0 and the label.
func SplitKind(label string) (UnitKind, string) {
	s := typo.OneLine(label)
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	for _, k := range []UnitKind{ThiTran, Phuong, Xa} {
		p := kindNames[k]
		// EqualFold on the prefix's bytes: every kind name is lower
		// case and keeps its length in upper case.
		if len(s) > len(p) && s[len(p)] == ' ' && strings.EqualFold(s[:len(p)], p) {
			return k, strings.TrimSpace(s[len(p):])
		}
	}
	return 0, s
}

// ParseUnit reads a printed label back into a Unit: "Phường Lê Bình" is
// Unit{Name: "Lê Bình", Kind: Phuong}.
func ParseUnit(label string) Unit {
	k, rest := SplitKind(label)
	if rest == "" {
		return Unit{Name: strings.TrimSpace(label)}
	}
	return Unit{Name: rest, Kind: k}
}

// compareUnits orders units by name in Vietnamese collation, then by kind
// (xã, phường, thị trấn), then by code.
func compareUnits(a, b Unit) int {
	if c := typo.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	if a.Kind != b.Kind {
		return int(a.Kind) - int(b.Kind)
	}
	return strings.Compare(a.Code, b.Code)
}

// SortUnits sorts us in Vietnamese alphabetical order of their names
// ("Đông Hải" after "Dương", not after "Z"), stably. Tables keep the input
// order unless sorted: officials list communes in their own order.
func SortUnits(us []Unit) {
	slices.SortStableFunc(us, compareUnits)
}

// SortBaselines sorts bs by unit as SortUnits does.
func SortBaselines(bs []Baseline) {
	slices.SortStableFunc(bs, func(a, b Baseline) int { return compareUnits(a.Unit, b.Unit) })
}

func sortRows(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int { return compareUnits(a.Unit, b.Unit) })
}
