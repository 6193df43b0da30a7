package rows

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/unicode/norm"
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
		return nil, fmt.Errorf("%s: want an array of objects, one per row", name)
	}
	var out []Row
	for i := 0; ; i++ {
		row.n = int64(br.Buffered())
		if b, ok := dec.Buffered().(interface{ Len() int }); ok {
			row.n += int64(b.Len())
		}
		if !dec.More() {
			break
		}
		where := fmt.Sprintf("%s: row %d", name, i+1)
		if i >= MaxRows {
			return nil, fmt.Errorf("%s: more than %d rows", where, MaxRows)
		}
		start := dec.InputOffset()
		p := parser{dec: dec}
		v, err := p.value(0)
		if err == nil && dec.InputOffset()-start > MaxJSONRow {
			err = errJSONRow
		}
		if err != nil {
			if errors.Is(err, errTooLarge) {
				return nil, fmt.Errorf("%s: %v", name, errTooLarge)
			}
			return nil, fmt.Errorf("%s: %v", where, err)
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: want an object of fields", where)
		}
		out = append(out, Row{Index: i, Where: where, Fields: m})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if tok, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = fmt.Errorf("%v", tok)
		}
		return nil, fmt.Errorf("%s: data after the array of rows (%v)", name, err)
	}
	return out, nil
}

// parser decodes one value token by token, so that a repeated key and the
// depth are seen.
type parser struct{ dec *json.Decoder }

func (p *parser) value(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("nested deeper than %d levels", MaxDepth)
	}
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := map[string]any{}
			for p.dec.More() {
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				k := norm.NFC.String(kt.(string))
				if err := checkCell(k); err != nil {
					return nil, fmt.Errorf("a key: %v", err)
				}
				if depth == 0 {
					if err := CheckKey(k); err != nil {
						return nil, err
					}
				}
				if _, dup := m[k]; dup {
					return nil, fmt.Errorf("key %q given twice", k)
				}
				if m[k], err = p.value(depth + 1); err != nil {
					return nil, fmt.Errorf("%s: %w", k, err)
				}
			}
			_, err := p.dec.Token()
			return m, err
		case '[':
			var l []any
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, fmt.Errorf("[%d]: %w", len(l), err)
				}
				l = append(l, v)
			}
			_, err := p.dec.Token()
			return l, err
		}
	case string:
		if err := checkCell(t); err != nil {
			return nil, err
		}
		return norm.NFC.String(t), nil
	}
	return tok, nil
}
