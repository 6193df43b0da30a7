package templates

import (
	"fmt"
	"strings"
)

// fieldsMarkdown is the README's reference of every template's fields,
// from the declarations (TestREADMEFields keeps the README in step). A
// list's example is a YAML block list, one item a line, so that an item
// with commas ("CT, các PCT UBND quận") reads as one item.
func fieldsMarkdown() string {
	var sb strings.Builder
	for _, name := range Names() {
		fs, ok := declared[name]
		if !ok {
			continue
		}
		fmt.Fprintf(&sb, "<details><summary><code>%s</code></summary>\n\n", name)
		writeFieldList(&sb, fs, "")
		sb.WriteString("\n</details>\n")
	}
	return sb.String()
}

func writeFieldList(sb *strings.Builder, fs []Field, indent string) {
	for _, f := range fs {
		req := ""
		if f.Required {
			req = ", required"
		}
		fmt.Fprintf(sb, "%s- `%s` (%s%s) — %s: %s", indent, f.Name, f.Type, req, f.Label, f.Help)
		switch {
		case f.Type == TypeList:
			l, _ := f.Example.([]any)
			fmt.Fprintf(sb, "\n%s  ```yaml\n%s  %s:\n", indent, indent, f.Name)
			for _, x := range l {
				fmt.Fprintf(sb, "%s    - %v\n", indent, x)
			}
			fmt.Fprintf(sb, "%s  ```\n", indent)
		case f.Example == "":
			sb.WriteString(" Ví dụ: để trống.\n")
		case f.Example != nil && (f.Type == TypeText || f.Type == TypeDate):
			fmt.Fprintf(sb, " Ví dụ: `%s`.\n", strings.ReplaceAll(fmt.Sprint(f.Example), "\n", `\n`))
		case f.Example != nil:
			fmt.Fprintf(sb, " Ví dụ: `%v`.\n", f.Example)
		default:
			sb.WriteString("\n")
		}
		writeFieldList(sb, f.Fields, indent+"  ")
	}
}
