package coverage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/render/mdview"
	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// WriteMarkdown writes t as a Markdown summary: the title, the milestone
// schedule sentence, the annex table (a GFM table whose two-level header
// is flattened to "<milestone> – <column>", as package markdown writes
// annexes) and the number of new participants each unit must enrol before
// each milestone.
func WriteMarkdown(w io.Writer, t *Table) error {
	if w == nil {
		return errors.New("coverage: WriteMarkdown: nil io.Writer")
	}
	if err := t.Validate(); err != nil {
		return err
	}
	labels := t.labels()
	a := t.annexHead(labels)
	bw, ok := w.(*bufio.Writer) // a file's, as annex plan gives
	if !ok {
		bw = bufio.NewWriterSize(w, 64<<10)
	}
	fmt.Fprintf(bw, "# %s\n\n", markdown.Escape(typo.Upper(typo.OneLine(a.Title))))
	if ref := typo.OneLine(t.Reference); ref != "" {
		fmt.Fprintf(bw, "*%s*\n\n", markdown.Escape("("+ref+")"))
	}
	fmt.Fprintf(bw, "%s\n\n", markdown.Escape(t.Schedule()+"."))
	if err := writeTableMarkdown(bw, &a.Table, len(t.Rows), t.annexRows(labels).cells); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\n\n## Số người phải phát triển mới\n\n")
	if err := writeTableMarkdown(bw, t.newParticipantsHead(), len(t.Rows), t.newParticipantsRows(labels)); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\n")
	return bw.Flush()
}

// writeTableMarkdown writes the table of header and columns head, n rows
// that row appends to the cells it is given, and head's totals, as
// Table.Markdown writes it, without its final line feed. The rows are
// written one at a time, never all held: Table.Markdown of 100.000 rows
// holds every cell several times over. Table.Markdown of the first row
// checks the header and columns and gives the two lines that begin the
// table; it reports a table it cannot write, where markdown.Table would
// give "" and the summary would silently lack it.
func writeTableMarkdown(w *bufio.Writer, head *bhytdoc.Table, n int, row func(i int, cells []string) []string) error {
	first := *head
	first.Rows, first.Totals = [][]string{row(0, nil)}, nil
	s, err := first.Markdown()
	if err != nil {
		return err
	}
	h, rest, _ := strings.Cut(s, "\n")
	sep, _, _ := strings.Cut(rest, "\n")
	w.WriteString(h + "\n" + sep)
	cols := head.Cols()
	var (
		cells []string
		b     []byte
	)
	put := func(cells []string, bold bool) {
		for _, c := range cells {
			// Table.Markdown refuses a longer cell; only names can be.
			if len(c) > bhytdoc.MaxCellRunes && utf8.RuneCountInString(c) > bhytdoc.MaxCellRunes && err == nil {
				err = fmt.Errorf("coverage: %s: more than %d characters in a table cell", excerpt.Quote(c), bhytdoc.MaxCellRunes)
			}
		}
		b = append(b[:0], '\n')
		b = mdview.AppendTableRow(b, cells, cols, bold)
		w.Write(b[:len(b)-1])
	}
	for i := range n {
		cells = row(i, cells[:0])
		put(cells, false)
	}
	if head.Totals != nil {
		put(head.Totals, true)
	}
	return err
}

// newParticipantsHead is the header, columns and totals of the table of
// Row.New: per unit and milestone, the people to enrol since the
// previous milestone, with row and column totals; newParticipantsRow
// gives its rows.
func (t *Table) newParticipantsHead() *bhytdoc.Table {
	head := []bhytdoc.HeaderCell{{Text: HeaderSTT}, {Text: t.unitHeader()}}
	for _, m := range t.Milestones {
		head = append(head, bhytdoc.HeaderCell{Text: m.Header()})
	}
	head = append(head, bhytdoc.HeaderCell{Text: TotalsLabel})
	cols := []bhytdoc.Column{{Align: bhytdoc.AlignCenter}, {Align: bhytdoc.AlignLeft}}
	for range len(head) - 2 {
		cols = append(cols, bhytdoc.Column{Align: bhytdoc.AlignRight})
	}
	out := &bhytdoc.Table{Header: [][]bhytdoc.HeaderCell{head}, Columns: cols}
	sums := make([]int64, len(t.Milestones)+1)
	for i := range t.Rows {
		r := &t.Rows[i]
		var all int64
		for m := range t.Milestones {
			n := r.New(m)
			all += n
			sums[m] += n
		}
		sums[len(sums)-1] += all
	}
	out.Totals = []string{"", TotalsLabel}
	for _, n := range sums {
		out.Totals = append(out.Totals, typo.Int(n))
	}
	return out
}

// newParticipantsRow appends the cells of row i of the table of Row.New.
func (t *Table) newParticipantsRow(i int, cells []string) []string {
	r := &t.Rows[i]
	cells = append(cells, strconv.Itoa(i+1), r.Unit.Label())
	var all int64
	for m := range t.Milestones {
		n := r.New(m)
		all += n
		cells = append(cells, typo.Int(n))
	}
	return append(cells, typo.Int(all))
}

// newParticipantsRows is newParticipantsRow with the units' labels
// made once, and a row's other cells cut from one string, as annexRows
// makes them: one allocation per row, not four or more.
func (t *Table) newParticipantsRows(labels []string) func(i int, cells []string) []string {
	var (
		b    []byte
		ends []int
	)
	return func(i int, cells []string) []string {
		r := &t.Rows[i]
		b, ends = strconv.AppendInt(b[:0], int64(i+1), 10), ends[:0]
		ends = append(ends, len(b))
		var all int64
		for m := range t.Milestones {
			n := r.New(m)
			all += n
			b = typo.AppendInt(b, n)
			ends = append(ends, len(b))
		}
		b = typo.AppendInt(b, all)
		ends = append(ends, len(b))
		s := string(b)
		cells = append(cells, s[:ends[0]], labels[i])
		for k := 1; k < len(ends); k++ {
			cells = append(cells, s[ends[k-1]:ends[k]])
		}
		return cells
	}
}

// newParticipants tabulates Row.New as one table.
func (t *Table) newParticipants() *bhytdoc.Table {
	out := t.newParticipantsHead()
	for i := range t.Rows {
		out.Rows = append(out.Rows, t.newParticipantsRow(i, nil))
	}
	return out
}
