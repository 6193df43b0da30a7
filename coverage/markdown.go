package coverage

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"bhytdoc/internal/typo"
)

// WriteMarkdown writes t as a Markdown summary: the title, the milestone
// schedule sentence, the annex table (GitHub pipe table; the two-level
// header is flattened to "<milestone>: <column>") and the number of new
// participants each unit must enrol before each milestone.
func WriteMarkdown(w io.Writer, t *Table) error {
	a, err := t.Annex()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdEscape(typo.Upper(a.Title)))
	if ref := oneLine(t.Reference); ref != "" {
		fmt.Fprintf(bw, "*(%s)*\n\n", mdEscape(ref))
	}
	fmt.Fprintf(bw, "%s.\n\n", mdEscape(t.Schedule()))

	head := []string{HeaderSTT, t.unitHeader()}
	for _, m := range t.Milestones {
		for _, h := range []string{HeaderParticipants, HeaderNonParticipants, HeaderPopulation, HeaderRate} {
			head = append(head, m.Header()+": "+h)
		}
	}
	align := make([]string, len(head))
	align[0], align[1] = ":-:", ":--"
	for i := 2; i < len(align); i++ {
		align[i] = "--:"
	}
	mdRow(bw, head, false)
	mdRow(bw, align, false)
	for _, r := range a.Table.Rows {
		mdRow(bw, r, false)
	}
	mdRow(bw, a.Table.Totals, true)

	fmt.Fprintf(bw, "\n## Số người phải phát triển mới\n\n")
	head = []string{HeaderSTT, t.unitHeader()}
	for _, m := range t.Milestones {
		head = append(head, m.Header())
	}
	head = append(head, TotalsLabel)
	mdRow(bw, head, false)
	align = make([]string, len(head))
	align[0], align[1] = ":-:", ":--"
	for i := 2; i < len(align); i++ {
		align[i] = "--:"
	}
	mdRow(bw, align, false)
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
		mdRow(bw, append(cells, typo.Int(all)), false)
	}
	tot := []string{"", TotalsLabel}
	for _, n := range sums {
		tot = append(tot, typo.Int(n))
	}
	mdRow(bw, tot, true)
	return bw.Flush()
}

func mdRow(w io.Writer, cells []string, bold bool) {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		c = mdEscape(c)
		if bold && c != "" {
			c = "**" + c + "**"
		}
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}

// mdEscape keeps text literal in Markdown: pipes would split cells and
// the other characters start emphasis, links or HTML.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "#", `\#`)
	return r.Replace(oneLine(s))
}
