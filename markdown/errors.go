package markdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// Error is one problem in a source file, at a 1-based line of that file.
type Error struct {
	File string // the source, or a file its front matter refers to
	Line int    // 1-based line in File; 0 when the problem has no line
	// Field is the Document field at fault ("Signatures[0].Name") or the
	// front-matter key ("signatures[0].nme") when the key is unknown.
	// Empty for problems of Markdown syntax.
	Field string
	Msg   string // what is wrong
	// Err is the error of reading a file the front matter refers to, when
	// that is the problem: a table reader's (coverage.ReadTable's
	// *coverage.RowError, naming the table file's sheet, row and column).
	Err error
}

// Error returns "file:line: field: msg", the form editors jump to.
func (e *Error) Error() string {
	var sb strings.Builder
	sb.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&sb, ":%d", e.Line)
	}
	sb.WriteString(": ")
	if e.Field != "" {
		sb.WriteString(e.Field)
		sb.WriteString(": ")
	}
	sb.WriteString(e.Msg)
	return sb.String()
}

// Unwrap returns Err when the problem is a file's; otherwise the problem
// as a *bhytdoc.FieldError with the field's path ("Signatures[0].Name"),
// so that errors.As finds the same type whether a document came from Go
// values or from a source; nil for a problem of Markdown syntax.
func (e *Error) Unwrap() error {
	if e.Err != nil {
		return e.Err
	}
	if e.Field == "" {
		return nil
	}
	return &bhytdoc.FieldError{Field: e.Field, Msg: e.Msg}
}

// Errors lists every problem found in a source file, in line order. Its
// Error method prints one problem per line.
type Errors []*Error

// Error returns the problems one per line, each "file:line: message".
func (l Errors) Error() string {
	var sb strings.Builder
	for i, e := range l {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(e.Error())
	}
	return sb.String()
}

// Unwrap gives errors.As and errors.Is access to each problem.
func (l Errors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// problems collects errors for one file.
type problems struct {
	file string
	errs Errors
}

func (p *problems) add(line int, field, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	sortByLine(p.errs)
	return p.errs
}

// sortByLine orders problems by file and line, keeping the order of
// discovery within a line.
func sortByLine(es Errors) {
	slices.SortStableFunc(es, func(a, b *Error) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
}
