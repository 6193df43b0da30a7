package xlsx

import (
	"bytes"
	"encoding/xml"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// rowsSource gives fixed rows as a RowSource.
type rowsSource []Row

func (s rowsSource) Len() int { return len(s) }
func (s rowsSource) Row(i int, r *Row) {
	r.Cells, r.Bold = append(r.Cells[:0], s[i].Cells...), s[i].Bold
}

// A sheet streamed from a RowSource is byte for byte the sheet written
// through excelize's StreamWriter from the same rows: text XML escapes,
// white space to preserve, "_x0041_", formulas over text, blanks and
// numbers, several sheets.
func TestStreamRowsSameBytes(t *testing.T) {
	long := strings.Repeat("Đơn vị rất dài ", 40)
	cells := []Cell{
		{Kind: Text, S: " lề trái"}, {Kind: Text, S: "a\nb\tc\r"}, {Kind: Text, S: `<&>"'`},
		{Kind: Text, S: "_x0041_ và _x005F_x0041_"}, {Kind: Text, S: "x", Formula: `"x"&""`}, {Kind: Blank, Formula: `""`},
		{Kind: Int, I: -7, Formula: "A1-B1"}, {Kind: Float, F: 0.1 + 0.2, Format: Percent, Decimals: 2},
		{Kind: Float, F: 123456789.123456789, Decimals: 9}, {Kind: Text, S: long}, {Kind: Text, S: ""}, {Kind: Text, S: " x", Formula: "B2"},
	}
	mk := func(name string) *Sheet {
		s := sheet(name)
		s.Label = "Phụ lục I"
		s.Header = [][]HeaderCell{{{Text: "Một"}, {Text: "Nhóm", ColSpan: len(cells) - 1}}}
		s.Widths = make([]float64, len(cells))
		for i := range s.Widths {
			s.Widths[i] = 8 + float64(i)
		}
		s.Rows = []Row{{Cells: cells}, {Cells: cells, Bold: true}, {Cells: cells}}
		return s
	}
	a, b := mk("S1"), mk("S2")
	want := write(t, Props{}, a, b)
	a, b = mk("S1"), mk("S2")
	a.Source, a.Rows = rowsSource(a.Rows), nil
	b.Source, b.Rows = rowsSource(b.Rows), nil
	got := write(t, Props{}, a, b)
	if !bytes.Equal(got, want) {
		t.Fatalf("streamed sheet differs: %d bytes, want %d", len(got), len(want))
	}
}

// A source whose row is invalid fails before anything is written.
func TestStreamRowsInvalid(t *testing.T) {
	s := sheet("S")
	s.Source, s.Rows = rowsSource(append(s.Rows, Row{Cells: []Cell{{Kind: Text}}})), nil
	var b bytes.Buffer
	if err := Write(&b, Props{}, s); err == nil || !strings.Contains(err.Error(), "row 3 has 1 cells") || b.Len() != 0 {
		t.Fatalf("err %v, %d bytes written", err, b.Len())
	}
}

// A string isPlain lets through is one xml.EscapeText leaves as it is;
// appendEscaped writes every string as xml.EscapeText does.
func TestIsPlainEscapes(t *testing.T) {
	var ss []string
	for a := rune(0); a < 0x300; a++ {
		ss = append(ss, string(a), "x"+string(a)+"y")
	}
	ss = append(ss, `IF(E7>0,ROUND(C7*100/E7,2),"")`, "a'b&c<d\t\r\n", "Phường Lê Bình", "\uFFFD", "\xff", "\uFFFE", "\uFFFF", "\U0001F600", "\u2028", "\ud7ff", "\ue000")
	for _, s := range ss {
		var sb strings.Builder
		_ = xml.EscapeText(&sb, []byte(s))
		if isPlain(s) && sb.String() != s {
			t.Errorf("isPlain(%q), but escaped as %q", s, sb.String())
		}
		if got := string(appendEscaped([]byte("x"), s)); got != "x"+sb.String() {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got[1:], sb.String())
		}
	}
}

// escapeText is xml.EscapeText with line feeds escaped, as excelize
// escapes a formula.
func escapeText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func TestAppendEscaped(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "Z", "7", " ", "\"", "'", "&", "<", ">", "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "ệ", "Đ",
		"\uFFFD", "\uFFFE", "\U0001F600", "\xff", "\xe1\xba", "IF(E7>0,ROUND(C7*100/E7,2),\"\")"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := string(appendEscaped([]byte("x"), s)), "x"+escapeText(s); got != want {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

// formatCellFloat is excelize's, as formatFloat copied it.
func formatCellFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= 15 {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

func TestAppendFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	vals := []float64{0, 1, -1, 0.1, 98.8, 0.7811, 1e15, 1e16 + 2, 123456789012345678, 1.0000000000000002, math.MaxFloat64,
		-math.MaxFloat64, math.SmallestNonzeroFloat64, 1e-7, 12345.123456789012}
	for range 20000 {
		vals = append(vals, (rng.Float64()-0.5)*math.Pow10(rng.IntN(40)-20))
	}
	for _, v := range vals {
		if got, want := string(appendFloat([]byte("<v>"), v)), "<v>"+formatCellFloat(v); got != want {
			t.Fatalf("appendFloat(%v) = %q, want %q", v, got, want)
		}
	}
}

// appendDecimal writes what appendFloat writes, for the figures it
// knows and any other double.
func TestAppendDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	check := func(v float64, d int) {
		if got, want := string(appendDecimal(nil, v, d)), string(appendFloat(nil, v)); got != want {
			t.Fatalf("appendDecimal(%v, %d) = %s, want %s", v, d, got, want)
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 99.5, 100, 0.7811, 0.05, 1e15, 1e14 + 0.5, 123456789012345, 0.1 + 0.2,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.NaN()} {
		for d := -1; d <= 12; d++ {
			check(v, d)
		}
	}
	for range 200_000 {
		d := r.IntN(12)
		m := r.Int64N(1_000_000_000_000_000) >> r.IntN(50)
		if r.IntN(2) == 0 {
			m = -m
		}
		check(float64(m)/pow10[d], d)
		check(float64(m)/pow10[d], r.IntN(12))
		check(r.NormFloat64()*math.Pow10(r.IntN(30)-15), d)
	}
}
