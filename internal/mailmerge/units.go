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
	keys := unitKeys{folded: make(map[string][]int, 2*len(us)), raw: make(map[string]string, 3*len(us))}
	add := func(k string, i int) {
		f := fold(k)
		if f == "" {
			return
		}
		keys.raw[k] = f
		if !slices.Contains(keys.folded[f], i) {
			keys.folded[f] = append(keys.folded[f], i)
		}
	}
	labelOf := make(map[string]string, len(us)) // folded name → the one label it has, or ""
	shared := map[string][]string{}             // folded name → the labels that share it
	for _, u := range us {
		n, l := fold(u.Unit.Name), u.Unit.Label()
		if prev, seen := labelOf[n]; seen && prev != l {
			labelOf[n] = ""
			if len(shared[n]) == 0 {
				shared[n] = []string{prev}
			}
			if !slices.Contains(shared[n], l) {
				shared[n] = append(shared[n], l)
			}
		} else if !seen {
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
	for i := range rs {
		r := &rs[i]
		out[i] = -1
		f, _ := r.Field(col)
		v := cellText(f)
		k := keys.key(v)
		cands := keys.folded[k]
		switch {
		case v == "":
			errs = append(errs, at(r, col, errors.New("no unit in this column")))
		case len(cands) == 0 && len(shared[k]) > 0:
			errs = append(errs, at(r, col, fmt.Errorf("unit %q names %d units of %s (%s): write the label", v, len(shared[k]), unitsFile, strings.Join(shared[k], ", "))))
		case len(cands) == 0:
			errs = append(errs, at(r, col, fmt.Errorf("unit %q is not in %s", v, unitsFile)))
		case next[k] >= len(cands):
			times := "once"
			if len(cands) > 1 {
				times = fmt.Sprintf("%d times", len(cands))
			}
			errs = append(errs, at(r, col, fmt.Errorf("unit %q is in %s %s, and the row before naming it, %s, has it", v, unitsFile, times, rs[taken[cands[len(cands)-1]]-1].Where())))
		default:
			u := cands[next[k]]
			// A unit reached by another key (label and code) is taken once.
			for taken[u] != 0 && next[k]+1 < len(cands) {
				next[k]++
				u = cands[next[k]]
			}
			if taken[u] != 0 {
				errs = append(errs, at(r, col, fmt.Errorf("unit %q is already tied to %s", v, rs[taken[u]-1].Where())))
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
		if t != 0 {
			continue
		}
		if len(errs) == maxTieErrors {
			errs = append(errs, fmt.Errorf("%s: stopped after %d problems", unitsFile, len(errs)))
			break
		}
		errs = append(errs, fmt.Errorf("%s: unit %q has no row in %s (column %q)", unitsFile, us[u].Unit.Label(), rowsFile, col))
	}
	return out, errors.Join(errs...)
}

// unitColumn is the column of rs whose cells name the most units; ""
// when none names any. Ties go to the first column by name.
func unitColumn(rs []rows.Row, keys unitKeys) string {
	count := map[string]int{}
	for i := range rs {
		for k, v := range rs[i].Sorted() {
			if _, ok := keys.folded[keys.key(cellText(v))]; ok {
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

// unitKeys are the keys of a plan's units: folded, each to its units in
// plan order; and each label, name or code as written to its folded key,
// so that a cell written as the units file writes it is found without
// folding (10,000 rows of a few columns each).
type unitKeys struct {
	folded map[string][]int
	raw    map[string]string
}

func (u unitKeys) key(s string) string {
	if k, ok := u.raw[s]; ok {
		return k
	}
	return fold(s)
}

// fold is the key under which a unit's label, name or code is compared:
// NFC, one space between words, lower case ("Xã  An Phú" = "xã an phú").
func fold(s string) string {
	if folded(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// folded reports whether fold(s) is s: NFC, lower case, single spaces
// between words only.
func folded(s string) bool {
	prevSpace := true
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r) || unicode.IsUpper(r) || unicode.IsTitle(r):
			return false
		default:
			prevSpace = false
		}
	}
	return (s == "" || !prevSpace) && norm.NFC.IsNormalString(s)
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

// at places err at row r's column col, as a *coverage.RowError.
func at(r *rows.Row, col string, err error) error {
	e := r.At(col)
	e.Err = err
	return e
}
