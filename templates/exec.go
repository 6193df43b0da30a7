package templates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"text/template/parse"
)

// quickExec executes a built-in template on map data (decoded JSON or
// YAML, or rows, as prepare returns them) by walking its parse tree
// directly: text/template calls every function through reflect, which
// cost more than the functions, and a merge fills a template once per
// row. It covers what the built-in templates use — fields of maps, the
// template functions, eq ne lt le gt ge len print not, if, with, range
// over lists — with text/template's meaning. It gives up (false) on
// anything else and on any error or missing value, so that the caller
// runs text/template, which writes the same text or the error as
// before; what it wrote to buf is then to be discarded.
func quickExec(buf *bytes.Buffer, root *parse.ListNode, data any) (ok bool) {
	if _, ok := data.(map[string]any); !ok {
		return false
	}
	defer func() {
		// text/template turns a function's panic into an error: give up
		// and let it.
		if recover() != nil {
			ok = false
		}
	}()
	e := &quickState{buf: buf, vars: []quickVar{{"$", data}}}
	return e.walk(data, root)
}

type quickVar struct {
	name  string
	value any
}

type quickState struct {
	buf  *bytes.Buffer
	vars []quickVar
	args []any // a stack of the arguments of the calls being evaluated
}

func (e *quickState) walk(dot any, n parse.Node) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			if !e.walk(dot, c) {
				return false
			}
		}
		return true
	case *parse.TextNode:
		e.buf.Write(n.Text)
		return true
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) != 1 {
			return false
		}
		v, s, isText, ok := e.command(dot, n.Pipe.Cmds[0])
		if isText {
			e.buf.WriteString(s)
			return ok
		}
		return ok && e.print(v)
	case *parse.IfNode:
		return e.branch(dot, &n.BranchNode, false)
	case *parse.WithNode:
		return e.branch(dot, &n.BranchNode, true)
	case *parse.RangeNode:
		return e.rangeList(dot, n)
	}
	return false
}

// branch runs an if (with false) or a with.
func (e *quickState) branch(dot any, n *parse.BranchNode, with bool) bool {
	if len(n.Pipe.Decl) > 0 {
		return false
	}
	v, ok := e.pipe(dot, n.Pipe)
	if !ok {
		return false
	}
	t, ok := truth(v)
	switch {
	case !ok:
		return false
	case t && with:
		return e.walk(v, n.List)
	case t:
		return e.walk(dot, n.List)
	case n.ElseList != nil:
		return e.walk(dot, n.ElseList)
	}
	return true
}

func (e *quickState) rangeList(dot any, n *parse.RangeNode) bool {
	if len(n.Pipe.Decl) > 2 || n.Pipe.IsAssign {
		return false
	}
	v, ok := e.pipe(dot, n.Pipe)
	if !ok {
		return false
	}
	l, ok := v.([]any)
	if !ok {
		return false
	}
	if len(l) == 0 {
		if n.ElseList != nil {
			return e.walk(dot, n.ElseList)
		}
		return true
	}
	mark := len(e.vars)
	defer func() { e.vars = e.vars[:mark] }()
	for i, it := range l {
		e.vars = e.vars[:mark]
		switch len(n.Pipe.Decl) {
		case 1:
			e.vars = append(e.vars, quickVar{n.Pipe.Decl[0].Ident[0], it})
		case 2:
			e.vars = append(e.vars, quickVar{n.Pipe.Decl[0].Ident[0], i}, quickVar{n.Pipe.Decl[1].Ident[0], it})
		}
		if !e.walk(it, n.List) {
			return false
		}
	}
	return true
}

func (e *quickState) pipe(dot any, p *parse.PipeNode) (any, bool) {
	if p == nil || len(p.Cmds) != 1 {
		return nil, false
	}
	v, s, isText, ok := e.command(dot, p.Cmds[0])
	if isText {
		return s, ok
	}
	return v, ok
}

// command evaluates c; a function's text result comes back as s (isText
// true), not boxed in v, as most are printed at once.
func (e *quickState) command(dot any, c *parse.CommandNode) (v any, s string, isText, ok bool) {
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
		base := len(e.args)
		defer func() { e.args = e.args[:base] }()
		for _, a := range c.Args[1:] {
			v, ok := e.arg(dot, a)
			if !ok {
				return nil, "", false, false
			}
			e.args = append(e.args, v)
		}
		return call(id.Ident, e.args[base:])
	}
	if len(c.Args) != 1 {
		return nil, "", false, false
	}
	v, ok = e.arg(dot, c.Args[0])
	return v, "", false, ok
}

// arg evaluates an argument; a nil value (a function's "none") is one.
func (e *quickState) arg(dot any, n parse.Node) (any, bool) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot, true
	case *parse.FieldNode:
		return fields(dot, n.Ident)
	case *parse.VariableNode:
		for i := len(e.vars) - 1; i >= 0; i-- {
			if e.vars[i].name == n.Ident[0] {
				return fields(e.vars[i].value, n.Ident[1:])
			}
		}
		return nil, false
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return nil, false
		}
		return e.pipe(dot, n)
	case *parse.StringNode:
		return n.Text, true
	case *parse.NumberNode:
		// text/template makes a whole constant an int.
		if n.IsInt && isDigits(n.Text) {
			return int(n.Int64), true
		}
	}
	return nil, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != "" && len(s) < 10
}

// fields follows a chain of map keys; a missing key, a nil on the way
// or anything not a map gives up.
func fields(v any, chain []string) (any, bool) {
	for _, k := range chain {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok || v == nil {
			return nil, false
		}
	}
	return v, true
}

// print writes v as text/template does (fmt.Fprint), for the kinds of
// values the data and the functions hold.
func (e *quickState) print(v any) bool {
	switch v := v.(type) {
	case string:
		e.buf.WriteString(v)
	case json.Number:
		e.buf.WriteString(string(v))
	case int:
		e.buf.WriteString(strconv.Itoa(v))
	case int64:
		e.buf.WriteString(strconv.FormatInt(v, 10))
	case float64, bool:
		fmt.Fprint(e.buf, v)
	default:
		return false
	}
	return true
}

// truth is text/template's truth of a value of those kinds.
func truth(v any) (t, ok bool) {
	switch v := v.(type) {
	case nil:
		return false, true
	case bool:
		return v, true
	case string:
		return v != "", true
	case json.Number:
		return v != "", true
	case int:
		return v != 0, true
	case int64:
		return v != 0, true
	case float64:
		return v != 0, true
	case []any:
		return len(v) > 0, true
	case map[string]any:
		return len(v) > 0, true
	}
	return false, false
}

// call calls template function or builtin name; any error gives up.
func call(name string, args []any) (v any, s string, isText, ok bool) {
	if fn, ok := funcs[name]; ok {
		return callFunc(fn, args)
	}
	v, ok = builtin(name, args)
	return v, "", false, ok
}

// builtin calls one of text/template's builtins.
func builtin(name string, args []any) (any, bool) {
	switch name {
	case "eq", "ne", "lt", "le", "gt", "ge":
		if len(args) != 2 {
			return nil, false
		}
		c, ok := compare(args[0], args[1])
		if !ok {
			return nil, false
		}
		switch name {
		case "eq":
			return c == 0, true
		case "ne":
			return c != 0, true
		case "lt":
			return c < 0, true
		case "le":
			return c <= 0, true
		case "gt":
			return c > 0, true
		}
		return c >= 0, true
	case "len":
		if len(args) == 1 {
			switch v := args[0].(type) {
			case []any:
				return len(v), true
			case string:
				return len(v), true
			case map[string]any:
				return len(v), true
			}
		}
		return nil, false
	case "not":
		if len(args) == 1 {
			t, ok := truth(args[0])
			return !t, ok
		}
		return nil, false
	case "print":
		for _, a := range args {
			switch a.(type) {
			case string, json.Number, int, int64, float64, bool:
			default:
				return nil, false
			}
		}
		return fmt.Sprint(args...), true
	}
	return nil, false
}

// compare orders two whole numbers, two floats or two texts, as
// text/template's comparisons do; other pairs give up.
func compare(a, b any) (int, bool) {
	ai, aInt := wholeNumber(a)
	bi, bInt := wholeNumber(b)
	switch {
	case aInt && bInt:
		return cmp3(ai, bi), true
	case aInt || bInt:
		return 0, false
	}
	switch a := a.(type) {
	case float64:
		if b, ok := b.(float64); ok && a == a && b == b {
			return cmp3(a, b), true
		}
	case string:
		if b, ok := b.(string); ok {
			return cmp3(a, b), true
		}
	}
	return 0, false
}

func wholeNumber(v any) (int64, bool) {
	switch v := v.(type) {
	case int:
		return int64(v), true
	case int64:
		return v, true
	}
	return 0, false
}

func cmp3[T int64 | float64 | string](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// callFunc calls one of funcs with args as text/template would pass
// them: any value to an any parameter, a text to a string one, an int
// to an int one.
func callFunc(fn any, a []any) (v any, s string, isText, ok bool) {
	var err error
	switch f := fn.(type) {
	case func(any) (string, error):
		if len(a) != 1 {
			return nil, "", false, false
		}
		s, err = f(a[0])
		isText = true
	case func(any, any) (string, error):
		if len(a) != 2 {
			return nil, "", false, false
		}
		s, err = f(a[0], a[1])
		isText = true
	case func(any, any, any) (string, error):
		if len(a) != 3 {
			return nil, "", false, false
		}
		s, err = f(a[0], a[1], a[2])
		isText = true
	case func(any, any, any, any) (string, error):
		if len(a) != 4 {
			return nil, "", false, false
		}
		s, err = f(a[0], a[1], a[2], a[3])
		isText = true
	case func(any) (int64, error):
		if len(a) != 1 {
			return nil, "", false, false
		}
		v, err = f(a[0])
	case func(any) (int, error):
		if len(a) != 1 {
			return nil, "", false, false
		}
		v, err = f(a[0])
	case func(any) (any, error):
		if len(a) != 1 {
			return nil, "", false, false
		}
		v, err = f(a[0])
	case func(any, any) (any, error):
		if len(a) != 2 {
			return nil, "", false, false
		}
		v, err = f(a[0], a[1])
	case func(any, any) (float64, error):
		if len(a) != 2 {
			return nil, "", false, false
		}
		v, err = f(a[0], a[1])
	case func(any, any) (bool, error):
		if len(a) != 2 {
			return nil, "", false, false
		}
		v, err = f(a[0], a[1])
	case func(any, string) (float64, error):
		s, ok := second[string](a)
		if !ok {
			return nil, "", false, false
		}
		v, err = f(a[0], s)
	case func(any, string) any:
		s, ok := second[string](a)
		if !ok {
			return nil, "", false, false
		}
		v = f(a[0], s)
	case func(any, int) (string, error):
		n, ok := second[int](a)
		if !ok {
			return nil, "", false, false
		}
		s, err = f(a[0], n)
		isText = true
	case func(int) string:
		if len(a) != 1 {
			return nil, "", false, false
		}
		n, ok := a[0].(int)
		if !ok {
			return nil, "", false, false
		}
		s, isText = f(n), true
	default:
		return nil, "", false, false
	}
	return v, s, isText, err == nil
}

// second returns a two-argument call's second argument as a T.
func second[T any](a []any) (T, bool) {
	var zero T
	if len(a) != 2 {
		return zero, false
	}
	t, ok := a[1].(T)
	return t, ok
}
