package xlsx

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/bhytdoc/bhytdoc/internal/typo"
)

func TestParseCell(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want Cell
	}{
		{"10.125", Cell{Kind: Int, I: 10125}},
		{"0", Cell{Kind: Int}},
		{"-3", Cell{Kind: Int, I: -3}},
		{"1.012.500", Cell{Kind: Int, I: 1012500}},
		{"98,8", Cell{Kind: Float, F: 98.8, Decimals: 1}},
		{"98,80", Cell{Kind: Float, F: 98.8, Decimals: 2}},
		{"1.234,5", Cell{Kind: Float, F: 1234.5, Decimals: 1}},
		{"78,11%", Cell{Kind: Float, F: 0.7811, Format: Percent, Decimals: 2}},
		{"100%", Cell{Kind: Float, F: 1, Format: Percent}},
		{"0,5", Cell{Kind: Float, F: 0.5, Decimals: 1}},
		{"-0,25%", Cell{Kind: Float, F: -0.0025, Format: Percent, Decimals: 2}},
		{"999.999.999.999.999", Cell{Kind: Int, I: 999999999999999}},
		{"12.345,123456789", Cell{Kind: Float, F: 12345.123456789, Decimals: 9}},
	} {
		got, ok := ParseCell(tc.s)
		if !ok || got != tc.want {
			t.Errorf("ParseCell(%q) = %+v, %v; want %+v", tc.s, got, ok, tc.want)
		}
	}
	// Each of these would show differently as a number, or is not one.
	for _, s := range []string{"", "-", "0123", "1234", "1.5", "0,5,1", "5 %", " 5", "+5", "1,", "1e5", "12a",
		"1.000.000.000.000.000", "1,0123456789", "Phường 7", "=1+1", "%",
		"05", "-0", "-0,0", "1.", ".5", "1.2345", "12.34.567", "1.234.56", "1234.567", "--5", "1,2,3", "1,5 ", "12.345.678,123456789"} {
		if c, ok := ParseCell(s); ok {
			t.Errorf("ParseCell(%q) = %+v, want text", s, c)
		}
	}
}

// Parsing and measuring run for every cell: they do not allocate.
func TestNoAllocs(t *testing.T) {
	m := measure(t)
	if n := testing.AllocsPerRun(100, func() {
		ParseCell("1.234.567,89")
		ParseCell("78,11%")
		ParseCell("Phường Lê Bình")
		m.Lines("Xã Thạnh Phú Đông thuộc vùng dự án\ndi dân tái định cư", 10, 12, false)
		m.WordUnits("Số người chưa tham gia BHYT", 12, true)
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func measure(t *testing.T) *Measure {
	t.Helper()
	m, err := NewMeasure(nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func table() *Table {
	return &Table{
		Title: "BIỂU",
		Header: [][]HeaderCell{
			{{Text: "STT", RowSpan: 2}, {Text: "Đơn vị", RowSpan: 2}, {Text: "Năm 2021", ColSpan: 3}, {Text: "Ghi chú", RowSpan: 2}},
			{{Text: "Số người"}, {Text: "Tỷ lệ"}, {Text: "Tỷ trọng"}},
		},
		Align: []Align{Center, Left, Right, Right, Right, Left},
		Rows: [][]string{
			{"1", "7", "10.125", "98,8", "40%", "0123"},
			{"2", "Phường Lê Bình", "-", "1,2", "60%", ""},
			{"3", "Xã An Bình", "875", "-", "0%", "x"},
		},
		Totals: []string{"", "Cộng", "11.000", "100", "100%", "3"},
	}
}

func TestTableSheet(t *testing.T) {
	s, err := table().Sheet("S", measure(t), 12)
	if err != nil {
		t.Fatal(err)
	}
	if s.FirstRow() != 5 || len(s.Rows) != 4 || !s.Portrait {
		t.Fatalf("first row %d, %d rows, portrait %v", s.FirstRow(), len(s.Rows), s.Portrait)
	}
	row := s.Rows[0].Cells
	if row[0].Kind != Int || row[0].Align != Center || row[1].Kind != Text || row[1].S != "7" ||
		row[2].I != 10125 || row[3].F != 98.8 || row[4].Format != Percent || row[5].S != "0123" {
		t.Errorf("row 1 %+v", row)
	}
	if s.Rows[1].Cells[2].Kind != Text || s.Rows[1].Cells[5].Kind != Blank {
		t.Errorf("row 2 %+v", s.Rows[1].Cells)
	}
	tot := s.Rows[3]
	if !tot.Bold || tot.Cells[0].Kind != Blank || tot.Cells[1].S != "Cộng" {
		t.Errorf("totals %+v", tot)
	}
	// 10.125 + 875 = 11.000 ("-" aside); 98,8 + 1,2 = 100 exactly;
	// 40% + 60% + 0% = 100%; the text column has no sum.
	for c, want := range map[int]string{2: "SUM(C5:C7)", 3: "SUM(D5:D7)", 4: "SUM(E5:E7)", 5: ""} {
		if got := tot.Cells[c].Formula; got != want {
			t.Errorf("totals column %d formula %q, want %q", c, got, want)
		}
	}
	if tot.Cells[3].Kind != Int || tot.Cells[3].I != 100 || tot.Cells[4].F != 1 {
		t.Errorf("cached totals %+v", tot.Cells)
	}

	// A total that is not the sum stays the number written.
	tb := table()
	tb.Totals[2] = "11.001"
	tb.Totals[3] = "100,1"
	s, _ = tb.Sheet("S", measure(t), 12)
	for _, c := range s.Rows[3].Cells[2:4] {
		if c.Formula != "" {
			t.Errorf("wrong total written as %q", c.Formula)
		}
	}
	if c := s.Rows[3].Cells[2]; c.Kind != Int || c.I != 11001 {
		t.Errorf("wrong total %+v: want it kept as written", c)
	}
	// Mixed formats: no sum.
	tb = table()
	tb.Rows[0][3] = "98,8%"
	s, _ = tb.Sheet("S", measure(t), 12)
	if f := s.Rows[3].Cells[3].Formula; f != "" {
		t.Errorf("percent and number summed: %q", f)
	}
}

func TestTableSheetErrors(t *testing.T) {
	for name, mod := range map[string]func(*Table){
		"no header": func(t *Table) { t.Header = nil },
		"align":     func(t *Table) { t.Align = t.Align[:2] },
		"width":     func(t *Table) { t.Width = []float64{1} },
		"row":       func(t *Table) { t.Rows[1] = t.Rows[1][:3] },
		"totals":    func(t *Table) { t.Totals = t.Totals[:3] },
	} {
		tb := table()
		mod(tb)
		if _, err := tb.Sheet("S", measure(t), 12); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// Long text wraps inside a capped column, and the row grows with it.
func TestTableWrap(t *testing.T) {
	m := measure(t)
	tb := table()
	long := "Xã " + strings.Repeat("Thạnh Phú Đông ", 8) + "mới"
	tb.Rows[2][1] = long
	s, err := tb.Sheet("S", m, 12)
	if err != nil {
		t.Fatal(err)
	}
	w := s.Widths[1]
	if w > maxText+0.001 || w < m.Units("Phường Lê Bình", 12, false) {
		t.Errorf("name column %v wide", w)
	}
	if n := m.Lines(long, w, 12, false); n < 3 {
		t.Errorf("%d lines for a %d-character name in %v units", n, len(long), w)
	}
	if n := m.Lines("Phường Lê Bình", w, 12, false); n != 1 {
		t.Errorf("short name takes %d lines", n)
	}
	// A number column fits its widest number on one line.
	if m.Lines("10.125", s.Widths[2], 12, false) != 1 || m.Lines("11.000", s.Widths[2], 12, true) != 1 {
		t.Errorf("number column %v too narrow", s.Widths[2])
	}
	// A word wider than the column takes the lines it needs.
	if n := m.Lines(strings.Repeat("W", 40), 5, 12, false); n < 5 {
		t.Errorf("a 40-W word in 5 units: %d lines", n)
	}
	if n := m.Lines("a\nb\n\nc", 40, 12, false); n != 4 {
		t.Errorf("line feeds: %d lines, want 4", n)
	}
	// Given widths are kept; wide tables go landscape.
	tb.Width = []float64{10, 0, 0, 0, 0, 200}
	s, _ = tb.Sheet("S", m, 12)
	if got := MMFromUnits(s.Widths[0]); got < 9.99 || got > 10.01 || s.Portrait {
		t.Errorf("given width %v mm, portrait %v", got, s.Portrait)
	}
}

// sumsTwoPass is how totals were checked before colSum: the column's
// decimals found in one pass, every number added at them in a second,
// failing on any overflow. colSum must agree with it on every column.
func sumsTwoPass(col []string, total string) bool {
	tot, ok := ParseCell(total)
	if !ok {
		return false
	}
	good, d := true, tot.Decimals
	for _, s := range col {
		if c, ok := ParseCell(s); ok {
			good = good && c.Format == tot.Format
			d = max(d, c.Decimals)
		} else if s != "" {
			good = good && s == "-"
		}
	}
	want, ok := scaled(total, d)
	good = good && ok
	var sum int64
	for _, s := range col {
		if _, ok := ParseCell(s); !ok || !good {
			continue
		}
		v, ok := scaled(s, d)
		t := sum + v
		good = ok && (v >= 0) == (t >= sum)
		sum = t
	}
	return good && sum == want
}

func TestColSumAgreesWithTwoPasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	num := func() string {
		digits := 1 + rng.IntN(15)
		dec := min(rng.IntN(10), digits-1)
		if rng.IntN(3) == 0 {
			dec = 0
		}
		var m int64
		for range digits {
			m = m*10 + int64(rng.IntN(10))
		}
		if rng.IntN(4) == 0 {
			m = -m
		}
		if m == 0 {
			m = 1
		}
		s := typo.Decimal(float64(m)/math.Pow10(dec), dec)
		if _, ok := ParseCell(s); !ok || rng.IntN(8) == 0 {
			s = typo.Int(m)
			dec = 0
		}
		if rng.IntN(20) == 0 {
			s += "%"
		}
		return s
	}
	big15 := "999.999.999.999.999"
	cases := [][]string{
		// A partial sum overflows at the final decimals, the sum (0,
		// whole) does not.
		append(append(slices.Repeat([]string{big15}, 10), slices.Repeat([]string{"-" + big15}, 10)...), "0,005", "-0,005"),
		// A number overflows at the final decimals, no partial sum does.
		{"-500.000.000.000.000", "990.000.000.000.000", "-490.000.000.000.000", "0,0001", "-0,0001"},
		{"1", "2", "3"},
	}
	mismatch := 0
	for k := range 3000 + len(cases) {
		col := make([]string, 1+rng.IntN(6))
		if k < len(cases) {
			col = cases[k]
		}
		for i := range col {
			if k < len(cases) {
				break
			}
			switch rng.IntN(12) {
			case 0:
				col[i] = "-"
			case 1:
				col[i] = ""
			default:
				col[i] = num()
			}
		}
		total := num()
		if rng.IntN(4) != 0 || k < len(cases) { // the exact sum, however long
			total = exactSum(col)
		}
		if k < len(cases) && (total == "0,0000" || total == "0,000") {
			total = "0" // at fewer decimals than the column's
		}
		tb := &Table{
			Header: [][]HeaderCell{{{Text: "A"}}},
			Align:  []Align{Right},
			Totals: []string{total},
		}
		for _, s := range col {
			tb.Rows = append(tb.Rows, []string{s})
		}
		s, err := tb.Sheet("S", measure(t), 12)
		if err != nil {
			t.Fatal(err)
		}
		got := s.Rows[len(col)].Cells[0].Formula != ""
		if want := sumsTwoPass(col, total); got != want {
			if mismatch++; mismatch < 5 {
				t.Errorf("column %q, total %q: SUM %v, want %v", col, total, got, want)
			}
		}
	}
}

// exactSum is the sum of col's numbers, written as typo writes numbers
// at the most decimals they have, however many digits it takes.
func exactSum(col []string) string {
	d, pct := 0, false
	for _, s := range col {
		if c, ok := ParseCell(s); ok {
			d, pct = max(d, c.Decimals), c.Format == Percent
		}
	}
	sum := new(big.Int)
	for _, s := range col {
		c, m, ok := parseCell(s)
		if !ok {
			continue
		}
		v := new(big.Int).Mul(big.NewInt(m), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d-c.Decimals)), nil))
		sum.Add(sum, v)
	}
	neg := sum.Sign() < 0
	digits := new(big.Int).Abs(sum).String()
	for len(digits) <= d {
		digits = "0" + digits
	}
	ip, fp := digits[:len(digits)-d], digits[len(digits)-d:]
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(ip) {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(ip[i])
	}
	if d > 0 {
		b.WriteString("," + fp)
	}
	if pct {
		b.WriteByte('%')
	}
	return b.String()
}

// RowCells is taken only when it gives the cells of the texts; a wrong
// one costs time, never a wrong cell.
func TestRowCells(t *testing.T) {
	m := measure(t)
	texts := func(i int, cells []string) []string {
		return append(cells, fmt.Sprint(i+1), "Xã "+fmt.Sprint(i), typo.Int(int64(i)*1000), "-", "", "x")
	}
	good := func(i int, cells []Cell) []Cell {
		return append(cells, Cell{Kind: Int, I: int64(i + 1)}, Cell{Kind: Text, S: "Xã " + fmt.Sprint(i)},
			Cell{Kind: Int, I: int64(i) * 1000}, Cell{Kind: Text, S: "-"}, Cell{}, Cell{Kind: Text, S: "x"})
	}
	bad := func(i int, cells []Cell) []Cell {
		cells = good(i, cells)
		if i == 17 {
			cells[2].I++
		}
		return cells
	}
	write := func(rowCells func(int, []Cell) []Cell) ([]byte, bool) {
		tb := table()
		tb.Rows, tb.RowText, tb.NumRows, tb.RowCells = nil, texts, 40, rowCells
		tb.Totals = nil
		s, err := tb.StreamSheet("S", m, 12, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := Write(&b, Props{}, s); err != nil {
			t.Fatal(err)
		}
		return b.Bytes(), s.Source.(*tableRows).direct
	}
	want, _ := write(nil)
	for name, x := range map[string]struct {
		f      func(int, []Cell) []Cell
		direct bool
	}{"good": {good, true}, "bad": {bad, false}} {
		got, direct := write(x.f)
		if direct != x.direct || !bytes.Equal(got, want) {
			t.Errorf("%s RowCells: taken %v, same bytes %v", name, direct, bytes.Equal(got, want))
		}
	}
}

// nextWord splits at the white space unicode.IsSpace reports, as
// strings.TrimLeftFunc and IndexFunc with it do, on any bytes.
func TestNextWord(t *testing.T) {
	ref := func(s string) (string, string) {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			return s[:i], s[i:]
		}
		return s, ""
	}
	cases := []string{"", " ", "Phường Số 49996", "  a\tb\nc", "x\u00a0y", "x\u0085y", "\u3000Đông\u2003Hải ",
		"\xff \xfe", "a\xe2\x80", "\v\fz\r", "Lê  Bình", "\u00a0"}
	for _, s := range cases {
		for rest := s; ; {
			w, r := nextWord(rest)
			ww, rr := ref(rest)
			if w != ww || r != rr {
				t.Fatalf("nextWord(%q) = %q, %q; want %q, %q", rest, w, r, ww, rr)
			}
			if r == "" || r == rest {
				break
			}
			rest = r
		}
	}
}

// Lines of one ASCII word, counted without the word loop, is what the
// loop counts.
func TestLinesOneWord(t *testing.T) {
	m, err := NewMeasure(nil)
	if err != nil {
		t.Fatal(err)
	}
	// Lines without its shortcut for one word.
	loop := func(s string, width, size float64, bold bool) int {
		return m.wordLines(s, max((width-padding)*unitPt, 1), size, bold)
	}
	for _, s := range []string{"", "1000", "99999", "0123", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", "a-b", "x"} {
		for _, w := range []float64{0, 1, 2, 3.3, 5, 8, 40} {
			for _, bold := range []bool{false, true} {
				if got, want := m.Lines(s, w, 12, bold), loop(s, w, 12, bold); got != want {
					t.Errorf("Lines(%q, %g) = %d, want %d", s, w, got, want)
				}
			}
		}
	}
}

// A header row is as tall as its tallest one-row cell; a cell spanning
// two rows that needs more than both adds what it lacks to the second.
func TestHeaderHeights(t *testing.T) {
	m, err := NewMeasure(nil)
	if err != nil {
		t.Fatal(err)
	}
	const size = 12
	line := lineHeight(size)
	long := strings.Repeat("Số người tham gia ", 8)
	s := &Sheet{
		Header: [][]HeaderCell{
			{{Text: long, RowSpan: 2}, {Text: "Năm 2021", ColSpan: 2}},
			{{Text: "Kế hoạch"}, {Text: "Thực hiện"}},
		},
		Widths: []float64{10, 12, 12},
	}
	lines := m.Lines(long, 10, size, true)
	if lines < 3 {
		t.Fatalf("%d lines: the spanning cell must need more than two rows", lines)
	}
	got := headerHeights(s, size, m)
	one := line + 4 // a one-line cell: its line and the padding
	want := []float64{one, float64(lines)*line + 4 - one}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("heights %v, want %v", got, want)
	}
}
