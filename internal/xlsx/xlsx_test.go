package xlsx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestColName(t *testing.T) {
	for c, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := ColName(c); got != want {
			t.Errorf("ColName(%d) = %q, want %q", c, got, want)
		}
		if n, _ := excelize.ColumnNameToNumber(want); n != c+1 {
			t.Errorf("excelize disagrees on %s", want)
		}
	}
	if Ref(2, 7) != "C7" {
		t.Error(Ref(2, 7))
	}
}

func sheet(name string) *Sheet {
	return &Sheet{
		Name:  name,
		Title: "TITLE",
		Header: [][]HeaderCell{
			{{Text: "A", RowSpan: 2}, {Text: "Group", ColSpan: 2}},
			{{Text: "x"}, {Text: "y"}},
		},
		Widths: []float64{10, 12, 12},
		Rows: []Row{
			{Cells: []Cell{{Kind: Text, S: "<&>\"'"}, {Kind: Int, I: 3}, {Kind: Float, F: 1.5, Formula: "B4/2", Align: Right, Decimals: 1}}},
			{Cells: []Cell{{Kind: Text, S: "=A1"}, {Kind: Blank}, {Kind: Int, I: -7, Align: Right}}, Bold: true},
		},
		FreezeCols: 1,
	}
}

func write(t *testing.T, p Props, s ...*Sheet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, p, s...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Entries come in a fixed order with one time stamp, however excelize
// hands them over.
func TestWriteZip(t *testing.T) {
	when := time.Date(2020, 5, 18, 9, 30, 0, 0, time.UTC)
	b := write(t, Props{Time: when}, sheet("S1"), sheet("S2"), sheet("S3"), sheet("S4"))
	for range 10 {
		if !bytes.Equal(b, write(t, Props{Time: when}, sheet("S1"), sheet("S2"), sheet("S3"), sheet("S4"))) {
			t.Fatal("not deterministic")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(when) {
			t.Errorf("%s stamped %v", f.Name, f.Modified)
		}
	}
	if names[0] != "[Content_Types].xml" || names[1] != "_rels/.rels" {
		t.Errorf("order %q", names)
	}
	for i := 3; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Errorf("not sorted: %q", names)
		}
	}
	z := newSortedZip(&bytes.Buffer{}, when)
	z.Create("a")
	if _, err := z.Create("a"); err == nil {
		t.Error("duplicate entry accepted")
	}
	if z.AddFS(nil) == nil {
		t.Error("AddFS accepted")
	}
}

func TestWriteRead(t *testing.T) {
	b := write(t, Props{}, sheet("Phụ lục"))
	grids, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	g := grids[0]
	if g.Sheet != "Phụ lục" {
		t.Errorf("sheet %q", g.Sheet)
	}
	for _, tc := range []struct {
		r, c      int
		text, raw string
		number    bool
	}{
		{0, 0, "TITLE", "TITLE", false},
		{2, 1, "Group", "Group", false},
		{3, 2, "y", "y", false},
		{4, 0, "<&>\"'", "<&>\"'", false},
		{4, 1, "3", "3", true},
		{4, 2, "1.5", "1.5", true},
		{5, 0, "=A1", "=A1", false},
		{5, 2, "-7", "-7", true},
		{9, 9, "", "", false},
	} {
		v := g.At(tc.r, tc.c)
		if v.Text != tc.text || v.Raw != tc.raw || v.Number != tc.number {
			t.Errorf("(%d,%d) = %+v", tc.r, tc.c, v)
		}
	}
	want := map[Range]bool{{0, 0, 0, 2}: true, {2, 0, 3, 0}: true, {2, 1, 2, 2}: true}
	if len(g.Merges) != len(want) {
		t.Errorf("merges %v", g.Merges)
	}
	for _, m := range g.Merges {
		if !want[m] {
			t.Errorf("unexpected merge %v", m)
		}
	}
}

// A formula without a cached value (what many programs write) is
// computed on reading.
func TestReadComputesFormulas(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", 8607)
	f.SetCellValue("Sheet1", "B1", 10125)
	f.SetCellFormula("Sheet1", "C1", "B1-A1")
	var b bytes.Buffer
	f.Write(&b)
	f.Close()
	grids, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	if v := grids[0].At(0, 2); v.Raw != "1518" || !v.Number || v.Formula != "B1-A1" {
		t.Errorf("computed %+v", v)
	}
	if _, err := Read(strings.NewReader("PK\x03\x04 not really")); err == nil {
		t.Error("garbage read without error")
	}
}

func TestWriteInvalid(t *testing.T) {
	for name, mod := range map[string]func(s *Sheet){
		"name":        func(s *Sheet) { s.Name = "a/b" },
		"long name":   func(s *Sheet) { s.Name = strings.Repeat("x", 32) },
		"widths":      func(s *Sheet) { s.Widths = s.Widths[:2] },
		"row width":   func(s *Sheet) { s.Rows[0].Cells = s.Rows[0].Cells[:2] },
		"header tile": func(s *Sheet) { s.Header[1] = append(s.Header[1], HeaderCell{Text: "z"}) },
		"no header":   func(s *Sheet) { s.Header = nil },
		"decimals":    func(s *Sheet) { s.Rows[0].Cells[2].Decimals = 12 },
		"format":      func(s *Sheet) { s.Rows[0].Cells[2].Format = 9 },
		"align":       func(s *Sheet) { s.Rows[0].Cells[0].Align = 9 },
		"col width":   func(s *Sheet) { s.Widths[1] = 300 },
		"NaN":         func(s *Sheet) { s.Rows[0].Cells[2].F = 0 / zero() },
	} {
		s := sheet("S")
		mod(s)
		var b bytes.Buffer
		if err := Write(&b, Props{}, s); err == nil {
			t.Errorf("%s: no error", name)
		} else if b.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", name, b.Len())
		}
	}
	var b bytes.Buffer
	if Write(&b, Props{}) == nil || Write(&b, Props{}, sheet("a"), sheet("A")) == nil {
		t.Error("no sheets or duplicate names accepted")
	}
}

func zero() float64 { return 0 }

// Read returns an error, never panics, on any bytes.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if err := Write(&b, Props{}, sheet("S")); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(bytes.NewReader(data))
	})
}
