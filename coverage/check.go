package coverage

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Problem is the kind of inconsistency a Finding reports.
type Problem int

// Problems Check reports.
const (
	ProblemSum      Problem = iota + 1 // participants + non-participants ≠ population
	ProblemRate                        // stated rate ≠ participants / population at the stated precision
	ProblemTotal                       // totals row ≠ sum of the rows
	ProblemSubtotal                    // group row (I, II, A, …) ≠ sum of its rows
	ProblemNegative                    // a negative count or rate
	ProblemAbove                       // participants above population
	ProblemNumber                      // not a number (or an implausibly large one)
	ProblemMissing                     // blank cell in a row that has figures
)

var problemText = [...]string{
	ProblemSum:      "participants + non-participants ≠ population",
	ProblemRate:     "rate ≠ participants / population",
	ProblemTotal:    "total ≠ sum of the rows",
	ProblemSubtotal: "subtotal ≠ sum of its rows",
	ProblemNegative: "negative",
	ProblemAbove:    "participants above population",
	ProblemNumber:   "not a number",
	ProblemMissing:  "missing",
}

// String describes p in a few words.
func (p Problem) String() string {
	if p > 0 && int(p) < len(problemText) {
		return problemText[p]
	}
	return fmt.Sprintf("Problem(%d)", int(p))
}

// Finding is one arithmetic inconsistency in a table. Check never changes
// the table: a Finding says what a cell states and what it should state.
type Finding struct {
	// Row is the 1-based body row; 0 for the totals row.
	Row int
	// STT and Unit are the row's STT and unit cells as written ("Cộng"
	// for the totals row).
	STT, Unit string
	// Milestone is the column group's header ("Đến ngày 30/6/2020"); ""
	// for a table with a single group and no group header.
	Milestone string
	// Column is the header of the column at fault.
	Column  string
	Problem Problem // the kind of inconsistency
	// Expected is the value the cell should hold given the other cells,
	// formatted as the table formats it; Stated is what it holds.
	Expected, Stated string
	// Cell is the cell's reference ("Phụ lục!F7") when the table was read
	// from a workbook, else "".
	Cell string
}

// String returns f on one line:
//
//	Phụ lục!F7: row 3 (STT 3, Phường An Bình), Đến ngày 30/6/2020, Tỷ lệ (%): rate ≠ participants / population: expected 98,8, stated 98,9
func (f Finding) String() string {
	var b strings.Builder
	if f.Cell != "" {
		b.WriteString(f.Cell + ": ")
	}
	if f.Row == 0 {
		b.WriteString("totals row")
	} else {
		fmt.Fprintf(&b, "row %d", f.Row)
	}
	var who []string
	if f.STT != "" {
		who = append(who, "STT "+f.STT)
	}
	if f.Unit != "" {
		who = append(who, f.Unit)
	}
	if len(who) > 0 {
		b.WriteString(" (" + strings.Join(who, ", ") + ")")
	}
	if f.Milestone != "" {
		b.WriteString(", " + f.Milestone)
	}
	if f.Column != "" {
		b.WriteString(", " + f.Column)
	}
	fmt.Fprintf(&b, ": %s: expected %s, stated %s", f.Problem, f.Expected, excerpt.Quote(f.Stated))
	return b.String()
}

// colKind is what a table column holds.
type colKind int

const (
	colOther colKind = iota
	colSTT
	colUnit
	colPart
	colNon
	colPop
	colRate
)

// classify recognises a column header. Order matters: "Tỷ lệ tham gia"
// is a rate and "Số người chưa tham gia" is not a participants column.
func classify(header string) colKind {
	t := fold(header)
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(t, s) {
				return true
			}
		}
		return false
	}
	switch {
	case t == "stt" || t == "tt" || t == "số tt" || t == "số thứ tự":
		return colSTT
	case has("chưa tham gia", "chưa có thẻ", "chưa có bhyt"):
		return colNon
	case has("tỷ lệ", "tỉ lệ", "(%)") || t == "%":
		return colRate
	case has("dân số"):
		return colPop
	case has("tham gia", "có thẻ"):
		return colPart
	case has("đơn vị", "xã", "phường", "thị trấn", "địa bàn", "tên"):
		return colUnit
	}
	return colOther
}

// group is one milestone's columns; -1 where the table has none.
type group struct {
	name                 string
	part, non, pop, rate int
}

// layout is what Check understood of a table's header.
type layout struct {
	stt, unit int
	groups    []group
	headers   []string // each column's own header text
}

var errNoCoverage = errors.New("coverage: no coverage columns in the header (want " +
	HeaderParticipants + ", " + HeaderPopulation + " and the like)")

// analyse finds the STT and unit columns and the milestone groups.
func analyse(t *bhytdoc.Table) (*layout, error) {
	cover, cols, err := headerCover(t.Header)
	if err != nil {
		return nil, err
	}
	l := &layout{stt: -1, unit: -1, headers: make([]string, cols)}
	kinds := make([]colKind, cols)
	paths := make([]string, cols)
	for c := range cols {
		// The column's own header is the lowest cell that says what it
		// holds; a row of column numbers "(1) (2) …" under it is skipped.
		own := len(cover[c]) - 1
		for i := own; i >= 0; i-- {
			if k := classify(cover[c][i]); k != colOther {
				own, kinds[c] = i, k
				break
			}
		}
		l.headers[c] = typo.OneLine(cover[c][own])
		var above []string
		for _, s := range cover[c][:own] {
			if s = typo.OneLine(s); s != "" && (len(above) == 0 || above[len(above)-1] != s) {
				above = append(above, s)
			}
		}
		paths[c] = strings.Join(above, " – ")
	}
	for c, k := range kinds {
		switch {
		case k == colSTT && l.stt < 0:
			l.stt = c
		case k == colUnit && l.unit < 0:
			l.unit = c
		}
	}
	var g *group
	for c, k := range kinds {
		if k < colPart {
			continue
		}
		if g == nil || g.name != paths[c] || g.slot(k) >= 0 {
			l.groups = append(l.groups, group{name: paths[c], part: -1, non: -1, pop: -1, rate: -1})
			g = &l.groups[len(l.groups)-1]
		}
		*g.ptr(k) = c
	}
	// Without a recognised unit column, the first text column before the
	// figures names the units.
	if l.unit < 0 && len(l.groups) > 0 {
		for c := range l.groups[0].first() {
			if c != l.stt && kinds[c] == colOther {
				l.unit = c
				break
			}
		}
	}
	usable := 0
	for _, g := range l.groups {
		n := 0
		for _, c := range []int{g.part, g.non, g.pop} {
			if c >= 0 {
				n++
			}
		}
		if n >= 2 {
			usable++
		}
	}
	if usable == 0 {
		return nil, errNoCoverage
	}
	// Groups with the same name (one header row repeating the four
	// columns) are told apart by number.
	count := map[string]int{}
	for _, g := range l.groups {
		count[g.name]++
	}
	seen := map[string]int{}
	for i := range l.groups {
		n := l.groups[i].name
		if count[n] > 1 {
			seen[n]++
			l.groups[i].name = strings.TrimSpace(fmt.Sprintf("%s #%d", n, seen[n]))
		}
	}
	return l, nil
}

func (g *group) ptr(k colKind) *int {
	switch k {
	case colPart:
		return &g.part
	case colNon:
		return &g.non
	case colPop:
		return &g.pop
	}
	return &g.rate
}

func (g *group) slot(k colKind) int { return *g.ptr(k) }

// first is the group's leftmost column.
func (g *group) first() int {
	m := -1
	for _, c := range []int{g.part, g.non, g.pop, g.rate} {
		if c >= 0 && (m < 0 || c < m) {
			m = c
		}
	}
	return m
}

// headerCover returns, for each column, the texts of the header cells
// covering it, top-down, each cell once however many rows it spans.
func headerCover(h [][]bhytdoc.HeaderCell) ([][]string, int, error) {
	if len(h) == 0 {
		return nil, 0, errors.New("coverage: table has no header")
	}
	cols := 0
	for _, c := range h[0] {
		// Compared before adding, so that a span near MaxInt cannot
		// overflow past the check.
		if cs := max(c.ColSpan, 1); cs > maxColumns-cols {
			return nil, 0, fmt.Errorf("coverage: header wider than %d columns", maxColumns)
		} else {
			cols += cs
		}
	}
	// id[r][c] is 1 + the index of the cell covering (r, c) in texts.
	id := make([][]int, len(h))
	for r := range id {
		id[r] = make([]int, cols)
	}
	var texts []string
	for r, row := range h {
		c := 0
		for _, cell := range row {
			for c < cols && id[r][c] != 0 {
				c++
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			if cs > cols-c || rs > len(h)-r {
				return nil, 0, fmt.Errorf("coverage: header row %d: cells do not tile a %d-column grid", r+1, cols)
			}
			texts = append(texts, cell.Text)
			for dr := range rs {
				for dc := range cs {
					id[r+dr][c+dc] = len(texts)
				}
			}
			c += cs
		}
	}
	cover := make([][]string, cols)
	for c := range cols {
		prev := 0
		for r := range id {
			if n := id[r][c]; n != 0 && n != prev {
				cover[c] = append(cover[c], texts[n-1])
				prev = n
			}
		}
		if len(cover[c]) == 0 {
			return nil, 0, fmt.Errorf("coverage: header: column %d has no header cell", c+1)
		}
	}
	return cover, cols, nil
}

// maxColumns is the most columns a worksheet has (XFD).
const maxColumns = 16384

// Values above maxCount are not counts of people but typing errors; the
// bound also keeps sums of millions of rows inside int64.
const maxCount = 1_000_000_000_000

// num is a parsed cell.
type num struct {
	text    string
	v       int64 // counts: the value; rates: digits
	ok      bool
	present bool
}

var reGroupSTT = lazyre.New(`^(?:[IVXLCDM]+|[A-Z])\.?$`)

// Check reports every arithmetic inconsistency of an annex table: for each
// row and milestone, participants + non-participants ≠ population, a
// stated rate that is not participants / population at the precision it
// is written with (98,8 matches 98,84…%; rounding half away from zero),
// negative numbers, participants above population; a totals row (t.Totals,
// or a last row labelled "Cộng", "Tổng cộng" …) that is not the sum of the
// rows, with a totals rate that is not total participants / total
// population; group rows numbered I, II or A, B that are not the sum of
// the rows under them.
//
// Columns are recognised by their headers: "Số người đã tham gia BHYT",
// "Số người chưa tham gia BHYT", "Dân số", "Tỷ lệ (%)" and variants, under
// a milestone header when there are several. Counts are read the
// Vietnamese way ("10.125"); "-" counts as 0. An error means the header
// was not understood; findings are in row order, the totals row last.
func Check(t *bhytdoc.Table) ([]Finding, error) {
	if t == nil {
		return nil, errors.New("coverage: Check: nil table")
	}
	return check(t, nil)
}

// CheckAt is Check with each Finding's Cell set to cell(i, c): the place
// of body row i (0-based; -1 for the totals row) and column c in the file
// the table was read from. See ReadTable.
func CheckAt(t *bhytdoc.Table, cell func(i, c int) string) ([]Finding, error) {
	if t == nil {
		return nil, errors.New("coverage: CheckAt: nil table")
	}
	return check(t, cell)
}

// check is Check with ref naming the cell of body row i (-1: totals) and
// column c.
func check(t *bhytdoc.Table, ref func(i, c int) string) ([]Finding, error) {
	l, err := analyse(t)
	if err != nil {
		return nil, err
	}
	rows := t.Rows
	totals := t.Totals
	totalsIdx := -1
	if totals == nil && len(rows) > 0 && l.isTotals(rows[len(rows)-1]) {
		totalsIdx = len(rows) - 1
		totals = rows[totalsIdx]
		rows = rows[:totalsIdx]
	}
	c := &checker{l: l, ref: ref}
	leafSum := make([][3]sum, len(l.groups))
	groupIdx, members := -1, 0
	var groupSum [][3]sum
	closeGroup := func() {
		if groupIdx < 0 {
			return
		}
		if members == 0 {
			groupSum = nil // nothing under it to add up
		}
		c.checkRow(groupIdx, rows[groupIdx], ProblemSubtotal, groupSum)
	}
	for i, row := range rows {
		if !l.hasFigures(row) {
			continue // a heading row
		}
		if reGroupSTT.MatchString(l.cell(row, l.stt)) {
			closeGroup()
			groupIdx, members = i, 0
			groupSum = make([][3]sum, len(l.groups))
			continue
		}
		members++
		vals := c.checkRow(i, row, 0, nil)
		for g := range l.groups {
			for k := range 3 {
				leafSum[g][k].add(vals[g][k])
				if groupSum != nil {
					groupSum[g][k].add(vals[g][k])
				}
			}
		}
	}
	closeGroup()
	if totals != nil {
		c.checkRow(totalsIdx, totals, ProblemTotal, leafSum)
	}
	return c.out, nil
}

// sum accumulates a column; it is unknown once a cell is blank or not a
// number.
type sum struct {
	v       int64
	unknown bool
}

func (s *sum) add(n num) {
	switch {
	case !n.ok:
		s.unknown = true
	default:
		s.v += n.v
	}
}

func (l *layout) cell(row []string, c int) string {
	if c < 0 || c >= len(row) {
		return ""
	}
	return typo.OneLine(row[c])
}

func (l *layout) isTotals(row []string) bool {
	return isTotalsLabel(l.cell(row, l.unit)) || isTotalsLabel(l.cell(row, l.stt))
}

// isTotalsLabel recognises the label of a totals row: "Cộng", "Tổng
// cộng", "Tổng số", "Toàn huyện" … Communes named "Cộng Hòa" or "Toàn
// Thắng" exist, so only whole phrases count.
func isTotalsLabel(s string) bool {
	// Each of them begins with c or t, in any case or normal form: the
	// names of 100.000 units need not be folded to tell.
	if s = strings.TrimLeftFunc(s, unicode.IsSpace); s == "" || s[0]|0x20 != 'c' && s[0]|0x20 != 't' {
		return false
	}
	t := strings.TrimRight(fold(s), ": ")
	switch t {
	case "cộng", "tổng", "tổng số", "tổng cộng", "cộng chung", "toàn huyện", "toàn quận", "toàn thị xã",
		"toàn thành phố", "toàn tỉnh", "toàn xã", "toàn phường", "toàn thị trấn":
		return true
	}
	return strings.HasPrefix(t, "tổng cộng ")
}

func (l *layout) hasFigures(row []string) bool {
	for _, g := range l.groups {
		for _, c := range []int{g.part, g.non, g.pop} {
			if l.cell(row, c) != "" {
				return true
			}
		}
	}
	return false
}

type checker struct {
	l   *layout
	ref func(i, c int) string
	out []Finding
}

// checkRow checks body row i (or the totals row, i < 0 or sums given)
// and returns its parsed counts per group: participants, non-participants,
// population. When sums is not nil, each count is also compared with it
// and reported as problem sumProblem.
func (c *checker) checkRow(i int, row []string, sumProblem Problem, sums [][3]sum) [][3]num {
	l := c.l
	isTotals := sumProblem == ProblemTotal
	rowNo := i + 1
	if isTotals {
		rowNo = 0
	}
	stt, unit := l.cell(row, l.stt), l.cell(row, l.unit)
	if isTotals && unit == "" && stt == "" {
		unit = TotalsLabel
	}
	vals := make([][3]num, len(l.groups))
	report := func(g *group, col int, p Problem, expected, stated string) {
		f := Finding{Row: rowNo, STT: stt, Unit: unit, Milestone: g.name, Column: l.headers[col],
			Problem: p, Expected: expected, Stated: stated}
		if c.ref != nil {
			f.Cell = c.ref(i, col)
		}
		c.out = append(c.out, f)
	}
	for gi := range l.groups {
		g := &l.groups[gi]
		cols := [3]int{g.part, g.non, g.pop}
		for k, col := range cols {
			if col < 0 {
				continue
			}
			n := parseCount(l.cell(row, col))
			vals[gi][k] = n
			switch {
			case !n.present:
				report(g, col, ProblemMissing, "a number", "")
			case !n.ok:
				report(g, col, ProblemNumber, "a whole number", n.text)
			case n.v < 0:
				report(g, col, ProblemNegative, "≥ 0", n.text)
			}
			if sums != nil && n.ok {
				if s := sums[gi][k]; !s.unknown && s.v != n.v {
					report(g, col, sumProblem, typo.Int(s.v), n.text)
				}
			}
		}
		part, non, pop := vals[gi][0], vals[gi][1], vals[gi][2]
		good := func(n num) bool { return n.ok && n.v >= 0 }
		if good(part) && good(non) && good(pop) && part.v+non.v != pop.v {
			report(g, g.non, ProblemSum, typo.Int(pop.v-part.v), non.text)
		}
		// A missing column is derived from the other two for the checks
		// that follow.
		switch {
		case pop.present && !part.present && good(pop) && good(non):
			part = num{v: pop.v - non.v, ok: true, present: true}
		case part.present && !pop.present && good(part) && good(non):
			pop = num{v: part.v + non.v, ok: true, present: true}
		}
		if g.part >= 0 && g.pop >= 0 && good(part) && good(pop) && part.v > pop.v {
			report(g, g.part, ProblemAbove, "≤ "+typo.Int(pop.v), part.text)
		}
		if g.rate < 0 {
			continue
		}
		s := l.cell(row, g.rate)
		if s == "" || s == "-" || s == "–" {
			if good(part) && good(pop) && pop.v > 0 {
				report(g, g.rate, ProblemMissing, Rate{part.v, pop.v}.Text(DefaultPrecision), s)
			}
			continue
		}
		v, dec, err := parseDecimal(s, MaxPrecision)
		switch {
		case err != nil:
			report(g, g.rate, ProblemNumber, "a percentage", s)
			continue
		case v < 0:
			report(g, g.rate, ProblemNegative, "≥ 0", s)
			continue
		}
		if !good(part) || !good(pop) {
			continue
		}
		if pop.v == 0 {
			report(g, g.rate, ProblemRate, "none (population is 0)", s)
			continue
		}
		r := Rate{part.v, pop.v}
		if want, ok := r.Scaled(dec); !ok || want != v {
			report(g, g.rate, ProblemRate, r.Text(dec), s)
		}
	}
	return vals
}

// parseCount reads a count written the Vietnamese way; "-" is 0.
func parseCount(s string) num {
	n := num{text: s, present: s != ""}
	if !n.present {
		return n
	}
	if s == "-" || s == "–" {
		n.ok = true
		return n
	}
	v, err := typo.ParseInt(s)
	if err != nil || v > maxCount || v < -maxCount {
		return n
	}
	n.v, n.ok = v, true
	return n
}
