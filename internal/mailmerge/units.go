package mailmerge

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/plan"
	"github.com/bhytdoc/bhytdoc/internal/rows"
)

// maxTieErrors bounds the problems tieUnits lists: a wrong units file
// would otherwise give one per row.
const maxTieErrors = 20

// tieUnits ties each row to the plan's unit it names, by the unit's label
// ("Phường Lê Bình"), its name when no other unit shares it ("Lê Bình") or
// its code, in the column of the rows that names the most units. Units of
// the same label are tied in file order: the first row naming it gets the
// first such unit. It returns, by row, the index of the unit in the plan.
func tieUnits(rs []rows.Row, p *plan.Plan, rowsFile, unitsFile string) ([]int, error) {
	us := p.Table.Rows
	keys := map[string][]int{} // folded key → units, in plan order
	add := func(k string, i int) {
		if k = fold(k); k != "" && !slices.Contains(keys[k], i) {
			keys[k] = append(keys[k], i)
		}
	}
	labelOf := map[string]string{} // folded name → the one label it has, or ""
	for _, u := range us {
		n, l := fold(u.Unit.Name), u.Unit.Label()
		if prev, seen := labelOf[n]; seen && prev != l {
			labelOf[n] = ""
		} else {
			labelOf[n] = l
		}
	}
	for i, u := range us {
		add(u.Unit.Label(), i)
		if labelOf[fold(u.Unit.Name)] != "" {
			add(u.Unit.Name, i)
		}
		add(u.Unit.Code, i)
	}
	col := unitColumn(rs, keys)
	if col == "" {
		return nil, fmt.Errorf("%s: no column names the units of %s (by label such as %q, name or code)", rowsFile, unitsFile, us[0].Unit.Label())
	}
	out := make([]int, len(rs))
	taken := make([]int, len(us)) // by unit, 1 + the row tied to it
	next := map[string]int{}      // by key, how many of its units are tied
	var errs []error
	for i, r := range rs {
		out[i] = -1
		v := cellText(r.Fields[col])
		k := fold(v)
		cands := keys[k]
		switch {
		case v == "":
			errs = append(errs, fmt.Errorf("%s: no unit in column %q", r.Where, col))
		case len(cands) == 0:
			errs = append(errs, fmt.Errorf("%s: unit %q (column %q) is not in %s", r.Where, v, col, unitsFile))
		case next[k] >= len(cands):
			times := "once"
			if len(cands) > 1 {
				times = fmt.Sprintf("%d times", len(cands))
			}
			errs = append(errs, fmt.Errorf("%s: unit %q (column %q) is in %s %s, and the row before naming it, %s, has it", r.Where, v, col, unitsFile, times, rs[taken[cands[len(cands)-1]]-1].Where))
		default:
			u := cands[next[k]]
			// A unit reached by another key (label and code) is taken once.
			for taken[u] != 0 && next[k]+1 < len(cands) {
				next[k]++
				u = cands[next[k]]
			}
			if taken[u] != 0 {
				errs = append(errs, fmt.Errorf("%s: unit %q (column %q) is already tied to %s", r.Where, v, col, rs[taken[u]-1].Where))
				break
			}
			next[k]++
			taken[u] = i + 1
			out[i] = u
		}
		if len(errs) >= maxTieErrors {
			return nil, errors.Join(append(errs, fmt.Errorf("%s: stopped after %d problems", rowsFile, len(errs)))...)
		}
	}
	for u, t := range taken {
		if t == 0 && len(errs) < maxTieErrors {
			errs = append(errs, fmt.Errorf("%s: unit %q has no row in %s (column %q)", unitsFile, us[u].Unit.Label(), rowsFile, col))
		}
	}
	return out, errors.Join(errs...)
}

// unitColumn is the column of rs whose cells name the most units; ""
// when none names any. Ties go to the first column by name.
func unitColumn(rs []rows.Row, keys map[string][]int) string {
	count := map[string]int{}
	for _, r := range rs {
		for k, v := range r.Fields {
			if _, ok := keys[fold(cellText(v))]; ok {
				count[k]++
			}
		}
	}
	best := ""
	for _, k := range slices.Sorted(maps.Keys(count)) {
		if count[k] > count[best] {
			best = k
		}
	}
	return best
}

// cellText is a cell as text: codes may be read as numbers.
func cellText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(v)
	case map[string]any, []any:
		return ""
	}
	return fmt.Sprint(v)
}

// fold is the key under which a unit's label, name or code is compared:
// NFC, one space between words, lower case ("Xã  An Phú" = "xã an phú").
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// checkNameText refuses control and invisible format characters in a
// name that becomes a file name and a bookmark: NUL, CR, bidirectional
// overrides (U+202E) and the like would reach the PDF's outline.
func checkNameText(s string) error {
	for _, r := range s {
		if unicode.IsControl(r) || (unicode.Is(unicode.Cf, r) && r != '\u00AD' && r != '\u200C') || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("%s holds the control character U+%04X", excerpt.Quote(s), r)
		}
	}
	return nil
}

// NameFields lists the top-level data fields a name template reads
// ({{.Ten}} → Ten), so that the columns it names are not refused as
// unknown.
func NameFields(t *template.Template) []string {
	var out []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			out = append(out, n.Ident[0])
		case *parse.ChainNode:
			walk(n.Node)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	if t != nil && t.Tree != nil {
		walk(t.Tree.Root)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
