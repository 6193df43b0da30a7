package jsontree

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func decode(s string, o *Options) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	return Value(dec, o)
}

func TestValue(t *testing.T) {
	v, err := decode(`{"a": [1, "x", {"b": true}], "c": null}`, &Options{MaxDepth: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": []any{json.Number("1"), "x", map[string]any{"b": true}}, "c": nil}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("got %#v", v)
	}
	_, err = decode(`{"a": {"k": 1, "k": 2}}`, &Options{MaxDepth: 3, Paths: true})
	var de *DuplicateKeyError
	if !errors.As(err, &de) || de.Key != "k" || !strings.HasPrefix(err.Error(), "a: ") {
		t.Errorf("repeated key: %v", err)
	}
	if _, err := decode(`[[[[1]]]]`, &Options{MaxDepth: 2}); err == nil || !strings.Contains(err.Error(), "deeper than 2") {
		t.Errorf("depth: %v", err)
	}
	up := &Options{MaxDepth: 3, String: func(s string) (string, error) { return strings.ToUpper(s), nil },
		Key: func(k string, depth int) (string, error) {
			if depth == 0 && k == "bad" {
				return "", errors.New("bad key")
			}
			return k, nil
		}}
	if v, err := decode(`{"s": "abc"}`, up); err != nil || v.(map[string]any)["s"] != "ABC" {
		t.Errorf("String hook: %v %v", v, err)
	}
	if _, err := decode(`{"bad": 1}`, up); err == nil || err.Error() != "bad key" {
		t.Errorf("Key hook: %v", err)
	}
}
