package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

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
