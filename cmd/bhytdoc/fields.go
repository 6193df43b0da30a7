package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"text/template"
	"text/template/parse"

	"github.com/bhytdoc/bhytdoc/templates"
)

// declaredNames is the set of template name's top-level data fields.
func declaredNames(name string) map[string]bool {
	fs, _ := templates.Fields(name)
	m := make(map[string]bool, len(fs))
	for _, f := range fs {
		m[f.Name] = true
	}
	return m
}

// templateFields lists the top-level data fields a --name template
// reads ({{.Ten}} → Ten), so that the columns it names are not refused
// as unknown.
func templateFields(t *template.Template) []string {
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

// unknownColumn words a rows column that is no field of template name.
func unknownColumn(name, col string) error {
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

// printFields writes template name's declared fields as a table: name
// (* when required), type, label, help, default and example. A list's
// example is a block list, one item a line, so that an item with commas
// ("CT, các PCT UBND quận") is seen to be one item.
func printFields(w io.Writer, name string) {
	fs, err := templates.Fields(name)
	if err != nil {
		return
	}
	fmt.Fprintf(w, "\nFields of %s (* required; bhytdoc new %s --schema prints them as JSON Schema):\n", name, name)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	var rows func(fs []Field, indent string)
	rows = func(fs []Field, indent string) {
		for _, f := range fs {
			req := ""
			if f.Required {
				req = " *"
			}
			fmt.Fprintf(tw, "  %s%s%s\t%s\t%s: %s%s\n", indent, f.Name, req, f.Type, f.Label, f.Help, exampleText(f, indent))
			rows(f.Fields, indent+"  ")
		}
	}
	rows(fs, "")
	tw.Flush()
}

// Field is templates.Field, for brevity here.
type Field = templates.Field

func exampleText(f Field, indent string) string {
	switch {
	case f.Type == templates.TypeList:
		l, _ := f.Example.([]any)
		var sb strings.Builder
		sb.WriteString(" Ví dụ:")
		for _, x := range l {
			fmt.Fprintf(&sb, "\n\t\t    %s- %v", indent, x)
		}
		return sb.String()
	case f.Example == nil:
		return ""
	case f.Type == templates.TypeText || f.Type == templates.TypeDate:
		return fmt.Sprintf(" Ví dụ: %q.", f.Example)
	}
	return fmt.Sprintf(" Ví dụ: %v.", f.Example)
}

// unknownKeys reports the keys of data, at any depth, that are no field
// of template name (PhuLuc, read by the plan, aside).
func unknownKeys(name string, data map[string]any) error {
	d := make(map[string]any, len(data))
	for k, v := range data {
		if k != "PhuLuc" {
			d[k] = v
		}
	}
	var many interface{ Unwrap() []error }
	if !errors.As(templates.Check(name, d), &many) {
		return nil
	}
	var out []error
	for _, e := range many.Unwrap() {
		var te *templates.Error
		if errors.As(e, &te) && strings.HasPrefix(te.Msg, "unknown field") {
			out = append(out, fmt.Errorf("%s: %s", te.Field[1:], te.Msg))
		}
	}
	return errors.Join(out...)
}
