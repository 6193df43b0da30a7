package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/markdown"
)

//go:embed *.md
var files embed.FS

// Names lists the built-in templates, sorted.
func Names() []string {
	ents, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range ents {
		out = append(out, strings.TrimSuffix(e.Name(), ".md"))
	}
	sort.Strings(out)
	return out
}

// Text returns the template source of name, for reading or copying.
func Text(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".md")
	if err != nil {
		return nil, fmt.Errorf("templates: no template %q (have %s)", name, strings.Join(Names(), ", "))
	}
	return b, nil
}

// Error reports a template that could not be filled from its data.
type Error struct {
	Template string // the template's name ("cong-van-bhyt")
	Line     int    // line of the template
	// Field is the data field at fault, as the template names it
	// (".NguoiKy.HoTen"), when known.
	Field string
	Msg   string // what is wrong
}

// Error returns "NAME.md:line: .Field: message".
func (e *Error) Error() string {
	s := e.Template + ".md: "
	if e.Line > 0 {
		s = fmt.Sprintf("%s.md:%d: ", e.Template, e.Line)
	}
	if e.Field != "" {
		s += e.Field + ": "
	}
	return s + e.Msg
}

// Unwrap returns the problem as a *bhytdoc.FieldError whose Field is the
// data path without the leading dot ("NguoiKy.HoTen"), when the field is
// known.
func (e *Error) Unwrap() error {
	if e.Field == "" {
		return nil
	}
	return &bhytdoc.FieldError{Field: strings.TrimPrefix(e.Field, "."), Msg: e.Msg}
}

// parsed holds the built-in templates, parsed once: a batch fills the
// same template for every row, and parsing cost as much as executing.
// Executing a parsed template is safe for concurrent use.
var parsed = sync.OnceValue(func() map[string]parsedTemplate {
	m := map[string]parsedTemplate{}
	for _, name := range Names() {
		text, _ := files.ReadFile(name + ".md")
		t, err := template.New(name + ".md").Option("missingkey=error").Funcs(funcs).Parse(string(text))
		if err != nil {
			panic(fmt.Sprintf("templates: built-in %s: %v", name, err)) // caught by TestFillExamples
		}
		m[name] = parsedTemplate{t, 4 * len(text)}
	}
	return m
})

// parsedTemplate is a built-in template parsed, with the room its filled
// source starts with: the letter's is about 2.5 times its template, and a
// buffer grown from empty by doubling would allocate some 16 KB for it in
// eight steps.
type parsedTemplate struct {
	t    *template.Template
	size int
}

// Source fills template name with data and returns the Markdown source.
// Data given as a map is first checked against the template's declared
// fields (see Check and Fields): an unknown key, a missing required field
// or a value of the wrong type is an *Error naming the field, and the
// optional fields it lacks take their defaults. It fails with an *Error
// too when a value cannot be formatted.
func Source(name string, data any) ([]byte, error) {
	pt, ok := parsed()[name]
	t := pt.t
	if !ok {
		_, err := Text(name)
		return nil, err
	}
	data, err := prepare(name, data)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(pt.size)
	if !quickExec(&buf, t.Tree.Root, data) {
		buf.Reset()
		if err := t.Execute(&buf, data); err != nil {
			return nil, execError(name, err)
		}
	}
	// A nil interface in a struct still prints "<no value>".
	if i := bytes.Index(buf.Bytes(), []byte("<no value>")); i >= 0 {
		return nil, &Error{Template: name, Msg: fmt.Sprintf("a data field is nil (line %d of the filled document); give it a value", 1+bytes.Count(buf.Bytes()[:i], []byte{'\n'}))}
	}
	return buf.Bytes(), nil
}

// Fill fills template name with data and reads the result into a
// validated document. Problems in the filled document (an empty name, an
// invalid date) come back as markdown.Errors.
func Fill(name string, data any) (*bhytdoc.Document, error) {
	src, err := Source(name, data)
	if err != nil {
		return nil, err
	}
	return markdown.Parse(src, name+".md")
}

var (
	// template: NAME:LINE:COL: executing "NAME" at <.A.B>: MSG
	reExec    = lazyre.New(`^template: [^:]+:(\d+):\d+: executing "[^"]*" at <([^>]*)>: (.*)$`)
	reMapKey  = lazyre.New(`map has no entry for key "([^"]*)"`)
	reStruct  = lazyre.New(`can't evaluate field (\w+) in type`)
	reNilPtr  = lazyre.New(`nil pointer evaluating [^.]*\.(\w+)`)
	reCalling = lazyre.New(`error calling (\w+): (.*)`)
	reField   = lazyre.New(`\$?[\w]*(?:\.\w+)+`)
)

// execError turns text/template's execution error into an *Error naming
// the missing field: for a map, "map has no entry for key"; for a struct,
// "can't evaluate field".
func execError(name string, err error) error {
	var ee template.ExecError
	if !errors.As(err, &ee) {
		return fmt.Errorf("templates: %s: %w", name, err)
	}
	m := reExec.FindStringSubmatch(ee.Err.Error())
	if m == nil {
		return &Error{Template: name, Msg: ee.Err.Error()}
	}
	line, _ := strconv.Atoi(m[1])
	ctx, msg := m[2], m[3]
	e := &Error{Template: name, Line: line, Msg: msg}
	field := reField.FindString(ctx)
	for _, re := range []*lazyre.Regexp{reMapKey, reStruct, reNilPtr} {
		if k := re.FindStringSubmatch(msg); k != nil {
			e.Msg = fmt.Sprintf("missing data field %q", k[1])
			if field == "" || !strings.HasSuffix(field, "."+k[1]) {
				field = "." + k[1]
			}
			break
		}
	}
	if k := reCalling.FindStringSubmatch(msg); k != nil {
		e.Msg = fmt.Sprintf("%s: %s", k[1], k[2])
	}
	e.Field = field
	return e
}

// dropNulls copies decoded JSON or YAML data without its null values, so
// that a null is reported like a missing field, with its name.
func dropNulls(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			if x != nil {
				m[k] = dropNulls(x)
			}
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = dropNulls(x)
		}
		return l
	}
	return v
}
