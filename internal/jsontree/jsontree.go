// Package jsontree decodes one JSON value token by token, so that what
// encoding/json's Unmarshal lets pass is seen: a key given twice, and
// nesting deeper than a bound. The data files of templates and the rows
// files of a merge read JSON through it.
package jsontree

import (
	"encoding/json"
	"fmt"
)

// DuplicateKeyError is a key given twice in one object; Offset is the
// decoder's input offset just after it.
type DuplicateKeyError struct {
	Key    string
	Offset int64
}

func (e *DuplicateKeyError) Error() string { return fmt.Sprintf("key %q given twice", e.Key) }

// Options bounds and checks what is decoded.
type Options struct {
	// MaxDepth is the deepest nesting allowed (the top value is depth 0).
	MaxDepth int
	// Key, when set, checks and may rewrite (normalise) each key of an
	// object at depth (the top object's keys are at depth 0).
	Key func(k string, depth int) (string, error)
	// String, when set, checks and may rewrite each string value.
	String func(s string) (string, error)
	// Paths prefixes an error inside an object or array with the key or
	// index leading to it ("DonVi: [2]: …"), for readers that cannot
	// point at a line.
	Paths bool
}

// at prefixes err with where, when o asks for paths.
func (o *Options) at(where string, err error) error {
	if !o.Paths {
		return err
	}
	return fmt.Errorf("%s: %w", where, err)
}

// Value decodes the next value of dec (which should UseNumber): objects
// as map[string]any, arrays as []any, numbers as json.Number. A repeated
// key is a *DuplicateKeyError.
func Value(dec *json.Decoder, o *Options) (any, error) {
	return value(dec, o, 0)
}

func value(dec *json.Decoder, o *Options, depth int) (any, error) {
	if depth > o.MaxDepth {
		return nil, fmt.Errorf("nested deeper than %d levels", o.MaxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return object(dec, o, depth)
		case '[':
			l := []any{}
			for dec.More() {
				v, err := value(dec, o, depth+1)
				if err != nil {
					return nil, o.at(fmt.Sprintf("[%d]", len(l)), err)
				}
				l = append(l, v)
			}
			_, err := dec.Token() // ']'
			return l, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case string:
		if o.String != nil {
			return o.String(t)
		}
	}
	return tok, nil // string, json.Number, bool or nil
}

func object(dec *json.Decoder, o *Options, depth int) (map[string]any, error) {
	m := map[string]any{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k := kt.(string) // the decoder allows only strings here
		if o.Key != nil {
			if k, err = o.Key(k, depth); err != nil {
				return nil, err
			}
		}
		if _, dup := m[k]; dup {
			return nil, &DuplicateKeyError{Key: k, Offset: dec.InputOffset()}
		}
		if m[k], err = value(dec, o, depth+1); err != nil {
			return nil, o.at(k, err)
		}
	}
	_, err := dec.Token() // '}'
	return m, err
}
