package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/bhytdoc/bhytdoc/internal/jsontree"
	"io"
	"path"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
)

// DataError is a problem in a data file, at a 1-based line.
type DataError struct {
	File string // the data file's name, as given
	Line int    // from 1
	Msg  string // what is wrong
}

// Error returns "file:line: message".
func (e *DataError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// maxDepth bounds the nesting of data: the templates need three levels.
const maxDepth = 32

// ParseData decodes a JSON or YAML data file — YAML when name ends in
// .yaml or .yml — into the maps, lists, texts and numbers Fill takes
// (JSON numbers as json.Number, kept exact). The top level is an object.
// A key given twice in one object is an error, as are YAML aliases; a
// UTF-8 byte-order mark first is skipped. Errors are *DataError naming
// the file and line.
func ParseData(b []byte, name string) (map[string]any, error) {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	var v any
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		v, err = parseYAML(b, name)
	default:
		v, err = parseJSON(b, name)
	}
	if err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &DataError{File: name, Line: 1, Msg: "want an object of data fields"}
	}
	return m, nil
}

// jsonParser decodes JSON token by token, so that a repeated key is seen.
type jsonParser struct {
	dec  *json.Decoder
	src  []byte
	name string
}

func parseJSON(b []byte, name string) (any, error) {
	p := &jsonParser{dec: json.NewDecoder(bytes.NewReader(b)), src: b, name: name}
	p.dec.UseNumber()
	v, err := jsontree.Value(p.dec, &jsontree.Options{MaxDepth: maxDepth})
	if err != nil {
		return nil, p.fail(err)
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, p.fail(errors.New("data after the top-level object"))
	}
	return v, nil
}

// line is the line of the decoder's position.
func (p *jsonParser) line(off int64) int {
	return 1 + bytes.Count(p.src[:min(int(off), len(p.src))], []byte{'\n'})
}

func (p *jsonParser) fail(err error) error {
	if de, ok := err.(*DataError); ok {
		return de
	}
	var dk *jsontree.DuplicateKeyError
	if errors.As(err, &dk) {
		return &DataError{File: p.name, Line: p.line(dk.Offset), Msg: fmt.Sprintf("key %s given twice", excerpt.Quote(dk.Key))}
	}
	off := p.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = errors.New("unexpected end of data")
	}
	return &DataError{File: p.name, Line: p.line(off), Msg: err.Error()}
}

var reYAMLLine = lazyre.New(`^yaml: line (\d+): (.*)$`)

func parseYAML(b []byte, name string) (any, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		return nil, yamlError(err, name)
	}
	if len(root.Content) == 0 {
		return nil, &DataError{File: name, Line: 1, Msg: "want an object of data fields"}
	}
	// A second document ("---" and more) would be ignored: refuse it.
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF, err == nil && emptyDoc(&next):
	case err != nil:
		return nil, yamlError(err, name)
	default:
		return nil, &DataError{File: name, Line: max(next.Line, 1), Msg: "a second YAML document (after ---); a data file holds one"}
	}
	return yamlValue(root.Content[0], name, 0)
}

// emptyDoc reports whether n is a document with nothing in it (a
// trailing "---").
func emptyDoc(n *yaml.Node) bool {
	return len(n.Content) == 0 || len(n.Content) == 1 && n.Content[0].Tag == "!!null" && n.Content[0].Value == ""
}

func yamlError(err error, name string) error {
	line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if m := reYAMLLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return &DataError{File: name, Line: line, Msg: msg}
}

func yamlValue(n *yaml.Node, name string, depth int) (any, error) {
	fail := func(format string, args ...any) error {
		return &DataError{File: name, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
	}
	if depth > maxDepth {
		return nil, fail("nested deeper than %d levels", maxDepth)
	}
	switch n.Kind {
	case yaml.AliasNode:
		return nil, fail("YAML aliases (*name) are not supported")
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		lines := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return nil, (&DataError{File: name, Line: k.Line, Msg: "a key must be a plain word"})
			}
			if first, dup := lines[k.Value]; dup {
				return nil, &DataError{File: name, Line: k.Line, Msg: fmt.Sprintf("key %s given twice (first on line %d)", excerpt.Quote(k.Value), first)}
			}
			lines[k.Value] = k.Line
			v, err := yamlValue(n.Content[i+1], name, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, it := range n.Content {
			v, err := yamlValue(it, name, depth+1)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	}
	if n.Tag == "!!timestamp" {
		// A bare date (Ngay: 2025-03-10) stays as written, a date
		// like any other, not a time.Time.
		return n.Value, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, fail("%v", err)
	}
	return v, nil
}
