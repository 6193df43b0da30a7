package markdown

import (
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// bodyTable writes a body table as a GFM table that
// bhytdoc.ParseBody reads back exactly: the header row, the delimiter row
// with each column's alignment, the rows, and the totals row in bold.
// Unlike Table (for annexes, shown for reading only), cells keep their
// spaces as written.
func bodyTable(t *bhytdoc.Table) string {
	cols := t.Cols()
	var sb strings.Builder
	row := func(cells []string, bold bool) {
		sb.WriteByte('|')
		for c := 0; c < cols; c++ {
			s := ""
			if c < len(cells) && cells[c] != "" {
				s = inline([]bhytdoc.Span{{Text: cells[c], Bold: bold}}, false)
			}
			sb.WriteString(" " + s + " |")
		}
		sb.WriteByte('\n')
	}
	head := make([]string, cols)
	for c, h := range t.Header[0] {
		head[c] = h.Text
	}
	row(head, false)
	sb.WriteByte('|')
	for c := 0; c < cols; c++ {
		sb.WriteString(" " + alignMark(t, c) + " |")
	}
	sb.WriteByte('\n')
	for _, r := range t.Rows {
		row(r, false)
	}
	if t.Totals != nil {
		row(t.Totals, true)
	}
	return strings.TrimSuffix(sb.String(), "\n")
}

// bodyTableWritable reports what a GFM table cannot hold: more than one
// header row, spanned cells, set widths, a totals row with nothing in it.
func bodyTableWritable(field string, t *bhytdoc.Table) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, &bhytdoc.FieldError{Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	if len(t.Header) != 1 {
		bad("a Markdown table has one header row, this one has %d", len(t.Header))
	} else {
		for _, h := range t.Header[0] {
			if h.ColSpan > 1 || h.RowSpan > 1 {
				bad("a Markdown table has no spanned cells")
				break
			}
		}
	}
	for _, c := range t.Columns {
		if c.Width != 0 {
			bad("a Markdown table has no column widths")
			break
		}
	}
	if t.Totals != nil && strings.TrimSpace(strings.Join(t.Totals, "")) == "" {
		bad("the totals row is empty")
	}
	return errs
}

// canonicalBodyTable settles a body table's choices one way: explicit
// alignments equal to the automatic ones are automatic, as a GFM
// delimiter row cannot tell them apart.
func canonicalBodyTable(t *bhytdoc.Table) {
	auto := &bhytdoc.Table{Rows: t.Rows}
	for c := range t.Columns {
		if t.Columns[c].Align == auto.ColumnAlign(c) {
			t.Columns[c].Align = bhytdoc.AlignAuto
		}
	}
	if allDefault(t.Columns) {
		t.Columns = nil
	}
	t.Rows = nilIfEmpty(t.Rows)
	t.Totals = nilIfEmpty(t.Totals)
	for r := range t.Header {
		for k := range t.Header[r] {
			h := &t.Header[r][k]
			if h.ColSpan == 1 {
				h.ColSpan = 0
			}
			if h.RowSpan == 1 {
				h.RowSpan = 0
			}
		}
	}
}
