package rows

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/unicode/norm"

	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/jsontree"
)

var errJSONRow = fmt.Errorf("a row longer than %d KiB", MaxJSONRow>>10)

// ReadJSON reads an array of objects, one per row. Numbers stay exact
// (json.Number); text is NFC. A key given twice in an object, nesting
// deeper than MaxDepth, a row longer than MaxJSONRow and anything after
// the array are errors.
func ReadJSON(r io.Reader, name string) ([]Row, error) {
	total := &capped{r: r, limit: MaxBytes, err: func() error { return errTooLarge }}
	// A row is bounded as it is read: the decoder reads ahead by at most
	// what it holds, so a row's count allows twice its bound.
	row := &capped{r: total, limit: 2*MaxJSONRow + 64<<10, err: func() error { return errJSONRow }}
	br := bufio.NewReader(row)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		br.Discard(3)
	}
	dec := json.NewDecoder(br)
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, fileErr(name, errors.New("want an array of objects, one per row"))
	}
	var out []Row
	file := &columns{file: name} // what its rows share
	for i := 0; ; i++ {
		row.n = int64(br.Buffered())
		if b, ok := dec.Buffered().(interface{ Len() int }); ok {
			row.n += int64(b.Len())
		}
		if !dec.More() {
			break
		}
		at := &coverage.RowError{File: name, Row: i + 1}
		fail := func(err error) ([]Row, error) {
			at.Err = err
			return nil, at
		}
		if i >= MaxRows {
			return fail(fmt.Errorf("more than %d rows", MaxRows))
		}
		start := dec.InputOffset()
		v, err := jsontree.Value(dec, jsonOptions)
		if err == nil && dec.InputOffset()-start > MaxJSONRow {
			err = errJSONRow
		}
		if err != nil {
			if errors.Is(err, errTooLarge) {
				return nil, fileErr(name, errTooLarge)
			}
			return fail(err)
		}
		m, ok := v.(map[string]any)
		if !ok {
			return fail(errors.New("want an object of fields"))
		}
		out = append(out, Row{Index: i, Fields: m, Line: i + 1, cols: file})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fileErr(name, err)
	}
	if tok, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = fmt.Errorf("%v", tok)
		}
		return nil, fileErr(name, fmt.Errorf("data after the array of rows (%v)", err))
	}
	return out, nil
}

// jsonOptions bound a row's nesting and check its keys and cells as the
// other readers do; keys and text are NFC.
var jsonOptions = &jsontree.Options{
	MaxDepth: MaxDepth,
	Paths:    true,
	Key: func(k string, depth int) (string, error) {
		k = norm.NFC.String(k)
		if err := checkCell(k); err != nil {
			return "", fmt.Errorf("a key: %v", err)
		}
		if depth == 0 {
			if err := CheckKey(k); err != nil {
				return "", err
			}
		}
		return k, nil
	},
	String: func(s string) (string, error) {
		if err := checkCell(s); err != nil {
			return "", err
		}
		return norm.NFC.String(s), nil
	},
}
