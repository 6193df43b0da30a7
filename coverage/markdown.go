package coverage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"

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
	// Table.Markdown reports a table it cannot write, where
	// markdown.Table would give "" and the summary would silently lack it.
	annex, err := a.Table.Markdown()
	if err != nil {
		return err
	}
	newer, err := t.newParticipants().Markdown()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", markdown.Escape(typo.Upper(oneLine(a.Title))))
	if ref := oneLine(t.Reference); ref != "" {
		fmt.Fprintf(bw, "*%s*\n\n", markdown.Escape("("+ref+")"))
	}
	fmt.Fprintf(bw, "%s\n\n", markdown.Escape(t.Schedule()+"."))
	fmt.Fprintf(bw, "%s\n\n", annex)
	fmt.Fprintf(bw, "## Số người phải phát triển mới\n\n%s\n", newer)
	return bw.Flush()
}

// newParticipants tabulates Row.New: per unit and milestone, the people
// to enrol since the previous milestone, with row and column totals.
func (t *Table) newParticipants() *bhytdoc.Table {
	head := []bhytdoc.HeaderCell{{Text: HeaderSTT}, {Text: t.unitHeader()}}
	for _, m := range t.Milestones {
		head = append(head, bhytdoc.HeaderCell{Text: m.Header()})
	}
	head = append(head, bhytdoc.HeaderCell{Text: TotalsLabel})
	out := &bhytdoc.Table{Header: [][]bhytdoc.HeaderCell{head}}
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
