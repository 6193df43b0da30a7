package mailmerge

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"text/template/parse"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/bridge"
	"github.com/bhytdoc/bhytdoc/internal/plan"
	"github.com/bhytdoc/bhytdoc/internal/rows"
	"github.com/bhytdoc/bhytdoc/templates"
)

// MaxNumber bounds a document's number (--number-from, number_from): it
// stays exact in every format, as templates compute in float64.
const MaxNumber = 999_999_999

// Options are a merge's wishes, as the command line's flags and the
// server's parameters give them.
type Options struct {
	// Template is the template's name.
	Template string
	// Common is the data every row shares (the plan's PhuLuc read out).
	Common map[string]any
	// Name makes each document's title (its bookmark) and, made safe, its
	// file name from the row's data; nil names them by row number
	// (00001). NameLabel is how messages call it ("--name").
	Name      *template.Template
	NameLabel string
	// ASCIINames transliterates file names to ASCII (Phường → Phuong).
	ASCIINames bool
	// NumberFrom numbers the documents (So) from N in output order; 0
	// leaves drafts without numbers unless the data gives So.
	NumberFrom int
	// Plan, when set, gives each row its unit's share of the plan. Each
	// row is tied to its unit by the unit's name or code, never by
	// position; a row without a unit, or a unit without a row, is an
	// error naming both.
	Plan *plan.Plan
	// PlanOrder puts the documents in the plan's order of units (as
	// --sort sorted them) instead of the rows'.
	PlanOrder bool
	// IgnoreExtra lets columns that are no field of the template pass;
	// otherwise each is an error (columns --name reads aside).
	IgnoreExtra bool
	// Check, when set, checks each document filled (annexes' arithmetic,
	// what the PDF writer would refuse).
	Check func(*bhytdoc.Document) error
	// Rows and Units name the files in messages.
	Rows, Units string
}

// Letter is one document of a merge: its row, its place in the output and
// what names it.
type Letter struct {
	Row    *rows.Row // in the table
	Seq    int       // 0-based place in the output order
	Unit   int       // the plan's unit, -1 without a plan
	Number int       // So, 0 for a draft
	Title  string
	Name   string // the file name, unique within the merge, without extension
}

// Merge is a planned merge: every row tied to its unit, ordered, numbered
// and named. Names depend on every row before, so they are made once for
// all rows, whatever share of them is rendered.
type Merge struct {
	o        Options
	letters  []Letter
	declared map[string]bool // the template's fields
	extraOK  map[string]bool // columns not fields that Name reads
	// verdict is unknown's answer for each column of the first row,
	// made once in New: Data asks it of every cell of every row, and
	// the answer (a header's classification) is the column's, not the
	// row's. Only read after New, so Data is safe in any goroutine.
	verdict map[string]bool
	// errs are the problems of letters' data or names, found naming
	// them, by Seq: few letters have one.
	errs  map[int]error
	names []string // the same, in declaration order, for suggestions
	// nameKeys are the top-level fields Name reads, when they are all it
	// reads (see nameReads): a title is then made from those fields
	// alone, not from the letter's whole data, which Items makes again.
	nameKeys map[string]bool
	// checked are the common data's lists and mappings as the template's
	// data check makes them, made once in New (bridge.CheckedCommon):
	// fill passes them on as checked rather than have every letter's
	// check copy them again.
	checked map[string]any
}

// New plans the merge of t's rows. Its errors are about the rows as a
// whole (an unknown column, a row without its unit); a single row's
// problems wait for Items, so that every one is reported in one pass.
// Naming 100,000 rows takes a second or two: a done ctx stops it with
// ctx.Err().
func New(ctx context.Context, t *rows.Table, o Options) (*Merge, error) {
	if !slices.Contains(templates.Names(), o.Template) {
		return nil, fmt.Errorf("no template %q (have %s)", o.Template, strings.Join(templates.Names(), ", "))
	}
	if o.NameLabel == "" {
		o.NameLabel = "name"
	}
	if o.Common == nil {
		o.Common = map[string]any{}
	}
	m := &Merge{o: o, declared: map[string]bool{}, extraOK: map[string]bool{}}
	for k, v := range checkedCommon(o.Template, o.Common) {
		switch o.Common[k].(type) {
		case map[string]any, []any: // scalars check faster than sameValue
			if m.checked == nil {
				m.checked = map[string]any{}
			}
			m.checked[k] = v
		}
	}
	fs, _ := templates.Fields(o.Template)
	for _, f := range fs {
		m.declared[f.Name] = true
		m.names = append(m.names, f.Name)
	}
	nameFields := NameFields(o.Name)
	for _, k := range nameFields {
		m.extraOK[k] = true
	}
	if nameReads(o.Name) {
		m.nameKeys = map[string]bool{}
		for _, k := range nameFields {
			m.nameKeys[k] = true
		}
	}
	if n := len(t.Rows); o.NumberFrom < 0 || (o.NumberFrom > 0 && o.NumberFrom > MaxNumber-(n-1)) {
		return nil, fmt.Errorf("number from %d: want 1 to %d for %d rows", o.NumberFrom, MaxNumber-(max(n, 1)-1), n)
	}
	if err := checkNumbers(t, o); err != nil {
		return nil, err
	}
	if !o.IgnoreExtra {
		if err := m.unknownColumns(t); err != nil {
			return nil, err
		}
		if len(t.Rows) > 0 {
			m.verdict = map[string]bool{}
			for k := range t.Rows[0].Sorted() {
				m.verdict[k] = m.judge(k)
			}
		}
	}
	units := make([]int, len(t.Rows))
	for i := range units {
		units[i] = -1
	}
	if o.Plan != nil {
		var err error
		if units, err = tieUnits(t.Rows, o.Plan, o.Rows, o.Units); err != nil {
			return nil, err
		}
	}
	order := make([]int, len(t.Rows))
	for i := range order {
		order[i] = i
	}
	if o.PlanOrder && o.Plan != nil {
		slices.SortStableFunc(order, func(a, b int) int { return units[a] - units[b] })
	}
	m.letters = make([]Letter, len(order))
	for seq, i := range order {
		l := &m.letters[seq]
		*l = Letter{Row: &t.Rows[i], Seq: seq, Unit: units[i]}
		if o.NumberFrom > 0 {
			l.Number = o.NumberFrom + seq
		}
	}
	errs, err := m.titles(ctx)
	if err != nil {
		return nil, err
	}
	var names batch.Names
	for seq := range m.letters {
		l := &m.letters[seq]
		if errs[seq] != nil {
			if m.errs == nil {
				m.errs = map[int]error{}
			}
			m.errs[seq] = errs[seq]
		}
		name := l.Title
		if o.ASCIINames {
			name = batch.ASCIIName(name)
		}
		l.Name = names.Unique(name)
	}
	return m, nil
}

// Letters are the documents in output order.
func (m *Merge) Letters() []Letter { return m.letters }

// titles sets every letter's Title, on every core: a title is made from
// the letter's whole data (its share of the plan too), which was a tenth
// of a 10,000-letter merge when made on one core before any letter is
// rendered. Names are made from the titles afterwards, in order, because
// a name depends on the names before it. errs holds each letter's
// problem, by Seq.
func (m *Merge) titles(ctx context.Context) (errs []error, err error) {
	errs = make([]error, len(m.letters))
	const chunk = 1024
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(m.letters)+chunk-1)/chunk) {
		wg.Go(func() {
			for ctx.Err() == nil {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(m.letters) {
					return
				}
				for seq := lo; seq < min(lo+chunk, len(m.letters)); seq++ {
					l := &m.letters[seq]
					l.Title, errs[seq] = m.title(l)
				}
			}
		})
	}
	wg.Wait()
	return errs, ctx.Err()
}

// title is l's title: its row number, or Name over its data.
func (m *Merge) title(l *Letter) (string, error) {
	title := fmt.Sprintf("%05d", l.Row.Index+1)
	if m.o.Name == nil {
		return title, nil // a problem of the data is found by Items
	}
	data, ok, err := m.nameData(l)
	if !ok {
		data, err = m.Data(l)
	}
	if err != nil {
		return title, err
	}
	var sb strings.Builder
	if err := m.o.Name.Execute(&sb, data); err != nil {
		return title, fmt.Errorf("%s: %v", m.o.NameLabel, err)
	}
	t := strings.TrimSpace(sb.String())
	if err := checkNameText(t); err != nil {
		return title, fmt.Errorf("%s: %v", m.o.NameLabel, err)
	}
	return t, nil
}

// Data is l's data: its row's cells over the common data, its unit's
// share of the plan over both, and its number.
func (m *Merge) Data(l *Letter) (map[string]any, error) {
	d, _, err := m.data(l, nil)
	return d, err
}

// nameData is the part of l's data that Name reads, the same as in
// Data(l), and Data's error: the common data, the row's cells and the
// plan's share under m.nameKeys only. ok is false when it cannot tell
// (Name reads more than fields, or the row has a nested column, which
// Data sets by path): then only Data will do.
func (m *Merge) nameData(l *Letter) (d map[string]any, ok bool, err error) {
	if m.nameKeys == nil {
		return nil, false, nil
	}
	return m.data(l, m.nameKeys)
}

// data is Data(l), or with keys its top-level fields in keys only; ok is
// false, and nothing made, when keys are given and the row has a nested
// column.
func (m *Merge) data(l *Letter, keys map[string]bool) (d map[string]any, ok bool, err error) {
	r := l.Row
	for k, v := range r.Sorted() {
		if s, ok := v.(string); ok && s == "" {
			continue
		}
		if keys != nil && (k == "" || strings.Contains(k, ".")) {
			return nil, false, nil
		}
		if !m.o.IgnoreExtra && m.unknown(k) {
			return nil, true, ColumnError(m.o.Template, k)
		}
	}
	common, fields := m.o.Common, r.Sorted()
	if keys != nil {
		common = make(map[string]any, len(keys)+1)
		for k := range keys {
			if v, ok := m.o.Common[k]; ok {
				common[k] = v
			}
		}
		fields = only(keys, fields)
	}
	if d, err = dataOf(common, fields); err != nil {
		return nil, true, err
	}
	if l.Unit >= 0 {
		share, ok := map[string]any(nil), false
		if keys != nil {
			share, ok = m.o.Plan.RowNames(l.Unit, keys)
		}
		if !ok {
			share = m.o.Plan.RowData(l.Unit)
		}
		for k, v := range share {
			if keys == nil || keys[k] {
				d[k] = v
			}
		}
	}
	if keys != nil && !keys["So"] {
		return d, true, nil
	}
	if l.Number > 0 {
		d["So"] = l.Number
	} else if _, ok := d["So"]; !ok {
		d["So"] = 0
	}
	return d, true, nil
}

// only yields the fields whose names are in keys.
func only(keys map[string]bool, fields iter.Seq2[string, any]) iter.Seq2[string, any] {
	return func(yield func(string, any) bool) {
		for k, v := range fields {
			if keys[k] && !yield(k, v) {
				return
			}
		}
	}
}

// nameReads reports whether t reads nothing of its data but fields
// ({{.DonVi}}, {{printf "%s-%d" .Ten .So}}, {{with .A}}{{.B}}{{end}}):
// no dot itself, no variable ($ is the whole data) and no other
// template. Then a map holding only NameFields(t) executes as the whole
// data does.
func nameReads(t *template.Template) bool {
	if t == nil || t.Tree == nil {
		return false
	}
	var ok func(n parse.Node) bool
	ok = func(n parse.Node) bool {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return true
			}
			for _, c := range n.Nodes {
				if !ok(c) {
					return false
				}
			}
			return true
		case *parse.TextNode, *parse.FieldNode, *parse.StringNode, *parse.NumberNode,
			*parse.BoolNode, *parse.NilNode, *parse.IdentifierNode, *parse.CommentNode,
			*parse.BreakNode, *parse.ContinueNode:
			return true
		case *parse.ActionNode:
			return ok(n.Pipe)
		case *parse.PipeNode:
			if n == nil {
				return true
			}
			if len(n.Decl) > 0 {
				return false
			}
			for _, c := range n.Cmds {
				if !ok(c) {
					return false
				}
			}
			return true
		case *parse.CommandNode:
			for _, a := range n.Args {
				if !ok(a) {
					return false
				}
			}
			return true
		case *parse.ChainNode:
			return ok(n.Node)
		case *parse.IfNode:
			return ok(n.Pipe) && ok(n.List) && ok(n.ElseList)
		case *parse.RangeNode:
			return ok(n.Pipe) && ok(n.List) && ok(n.ElseList)
		case *parse.WithNode:
			return ok(n.Pipe) && ok(n.List) && ok(n.ElseList)
		}
		return false // dot, a variable, a template
	}
	return ok(t.Tree.Root)
}

// Items yields the documents of letters (all of Letters, or a share of
// them), each filled and checked in the Renderer's goroutines; the
// Renderer's index of an item is its place in letters. It stops when ctx
// is done.
func (m *Merge) Items(ctx context.Context, letters []Letter) iter.Seq2[batch.Item, error] {
	return func(yield func(batch.Item, error) bool) {
		for i := range letters {
			if ctx.Err() != nil {
				return
			}
			l := &letters[i]
			// The data is made in the Renderer's goroutines, with the
			// document: on every core, not in the one feeding them.
			it := batch.Item{Name: l.Name, Title: l.Title, Load: func() (*bhytdoc.Document, error) {
				data, err := m.Data(l)
				if err != nil {
					return nil, err
				}
				return m.fill(data)
			}}
			if !yield(it, m.errs[l.Seq]) {
				return
			}
		}
	}
}

// fill makes a document of data and checks it. Keys that are no field of
// the template (the plan's share, what Name reads) are left out; the
// common data's keys are checked as given.
func (m *Merge) fill(data map[string]any) (*bhytdoc.Document, error) {
	d := make(map[string]any, len(data))
	for k, v := range data {
		if cv, common := m.o.Common[k]; m.declared[k] || common {
			if ch, ok := m.checked[k]; ok && sameValue(v, cv) {
				v = bridge.Checked{V: ch}
			}
			d[k] = v
		}
	}
	doc, err := templates.Fill(m.o.Template, d)
	if err != nil {
		return nil, err
	}
	if m.o.Check != nil {
		if err := m.o.Check(doc); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// checkedCommon is bridge.CheckedCommon, which package templates sets.
var checkedCommon = bridge.CheckedCommon.(func(string, map[string]any) map[string]any)

// sameValue reports whether a is the list or mapping b itself, as the
// common data holds it and a row has not replaced it (setPath copies a
// mapping it changes).
func sameValue(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		return ok && a != nil && reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
	case []any:
		b, ok := b.([]any)
		return ok && len(a) > 0 && len(a) == len(b) && &a[0] == &b[0]
	}
	return false
}

// unknown reports whether rows column k is no field of the template
// (nor read by Name) and may not be passed over. With a plan the rows are
// often the units table itself: its own columns (coverage.UnitsColumn)
// and columns unlike any field pass, but a near miss of a field's name
// ("DonViSoanthao") never does, or the field would silently stay empty.
func (m *Merge) unknown(k string) bool {
	if v, ok := m.verdict[k]; ok {
		return v
	}
	return m.judge(k)
}

// judge is unknown without the columns' verdicts.
func (m *Merge) judge(k string) bool {
	if top, _, _ := strings.Cut(k, "."); m.declared[top] || m.extraOK[top] {
		return false
	}
	if m.o.Plan == nil {
		return true
	}
	return !coverage.UnitsColumn(k) && templates.Suggest(k, m.names) != ""
}

// unknownColumns reports the columns of the first row that are no field
// of the template (and that Name does not read): once, not once per row.
func (m *Merge) unknownColumns(t *rows.Table) error {
	if len(t.Rows) == 0 {
		return nil
	}
	var errs []error
	for k := range t.Rows[0].Sorted() {
		if m.unknown(k) {
			errs = append(errs, ColumnError(m.o.Template, k))
		}
	}
	if len(errs) > 0 && m.o.Rows != "" {
		for i, e := range errs {
			errs[i] = fmt.Errorf("%s: %w", m.o.Rows, e)
		}
	}
	return errors.Join(errs...)
}

// ColumnError words a rows column that is no field of template name.
func ColumnError(name, col string) error {
	fs, _ := templates.Fields(name)
	var names []string
	for _, f := range fs {
		names = append(names, f.Name)
	}
	msg := fmt.Sprintf("column %q is not a field of %s", col, name)
	if s := templates.Suggest(col, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", s)
	}
	return fmt.Errorf("%s; see bhytdoc new %s --help, or --ignore-extra-columns", msg, name)
}

// Failure is a document that failed: its letter and its problem.
type Failure struct {
	Letter Letter
	Err    error
}

// Failures maps the *batch.ItemError values err holds to the letters
// rendered (the Renderer's index is the place in letters). ok is false
// when err holds anything else (a failed output).
func Failures(err error, letters []Letter) (fs []Failure, ok bool) {
	var walk func(err error) bool
	walk = func(err error) bool {
		if ie, is := err.(*batch.ItemError); is {
			if ie.Index < 0 || ie.Index >= len(letters) {
				return false
			}
			fs = append(fs, Failure{letters[ie.Index], ie.Err})
			return true
		}
		if many, is := err.(interface{ Unwrap() []error }); is {
			for _, e := range many.Unwrap() {
				if !walk(e) {
					return false
				}
			}
			return true
		}
		return false
	}
	if err == nil || !walk(err) {
		return nil, false
	}
	return fs, true
}
