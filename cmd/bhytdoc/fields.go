package main

import (
	"fmt"
	"slices"
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
