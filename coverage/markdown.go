package coverage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
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
	a, err := t.Annex()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", markdown.Escape(typo.Upper(oneLine(a.Title))))
	if ref := oneLine(t.Reference); ref != "" {
		fmt.Fprintf(bw, "*%s*\n\n", markdown.Escape("("+ref+")"))
	}
	fmt.Fprintf(bw, "%s\n\n", markdown.Escape(t.Schedule()+"."))
	if err := writeTableMarkdown(bw, &a.Table); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\n\n## Số người phải phát triển mới\n\n")
	if err := writeTableMarkdown(bw, t.newParticipants()); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\n")
	return bw.Flush()
}

// markdownChunk is the number of rows written at once: Table.Markdown of
// 100.000 rows holds every cell several times over.
const markdownChunk = 2048

// writeTableMarkdown writes tb as Table.Markdown does, without its final
// line feed, a chunk of rows at a time: rows print one a line, so each
// chunk's lines after its header and separator are the table's. The
// columns must be given, as the separator of the first chunk stands for
// all rows. Table.Markdown reports a table it cannot write, where
// markdown.Table would give "" and the summary would silently lack it.
func writeTableMarkdown(w io.Writer, tb *bhytdoc.Table) error {
	for i := 0; i == 0 || i < len(tb.Rows); i += markdownChunk {
		c := *tb
		c.Rows = tb.Rows[i:min(i+markdownChunk, len(tb.Rows))]
		if i+markdownChunk < len(tb.Rows) {
			c.Totals = nil
		}
		s, err := c.Markdown()
		if err != nil {
			return err
		}
		if i > 0 {
			for range 2 { // header and separator
				_, s, _ = strings.Cut(s, "\n")
			}
			s = "\n" + s
		}
		if _, err := io.WriteString(w, s); err != nil {
			return err
		}
	}
	return nil
}

// newParticipants tabulates Row.New: per unit and milestone, the people
// to enrol since the previous milestone, with row and column totals.
func (t *Table) newParticipants() *bhytdoc.Table {
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
		cells := []string{strconv.Itoa(i + 1), r.Unit.Label()}
		var all int64
		for m := range t.Milestones {
			n := r.New(m)
			all += n
			sums[m] += n
			cells = append(cells, typo.Int(n))
		}
		sums[len(sums)-1] += all
		out.Rows = append(out.Rows, append(cells, typo.Int(all)))
	}
	out.Totals = []string{"", TotalsLabel}
	for _, n := range sums {
		out.Totals = append(out.Totals, typo.Int(n))
	}
	return out
}
