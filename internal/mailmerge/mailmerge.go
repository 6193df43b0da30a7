// Package mailmerge is the one merge core the command line's merge and
// the HTTP server's POST /v1/merge call: rows in; for each row its data
// (the common data, the row's cells over it, its unit's share of a plan
// over both), its number, its title and safe, unique file name; documents
// out, streamed to a batch.Renderer with context cancellation, and each
// failure mapped back to its row. The callers only turn flags or HTTP
// parameters into Options and write the outputs.
package mailmerge

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

// Data returns common with the row's fields over it, common unchanged.
// An empty cell keeps the common value; a key "A.B" sets field B of the
// mapping A.
func Data(common, fields map[string]any) (map[string]any, error) {
	return dataOf(common, func(yield func(string, any) bool) {
		for _, k := range slices.Sorted(maps.Keys(fields)) {
			if !yield(k, fields[k]) {
				return
			}
		}
	})
}

// dataOf is Data of the fields yielded in the order of their names.
func dataOf(common map[string]any, fields iter.Seq2[string, any]) (map[string]any, error) {
	d := maps.Clone(common)
	if d == nil {
		d = map[string]any{}
	}
	for k, v := range fields {
		if s, ok := v.(string); ok && s == "" {
			continue
		}
		if err := setPath(d, strings.Split(k, "."), v); err != nil {
			return nil, fmt.Errorf("column %q: %v", k, err)
		}
	}
	return d, nil
}

// setPath sets d[path[0]][path[1]]… to v, cloning each mapping on the way
// so that the common data stays as it was.
func setPath(d map[string]any, path []string, v any) error {
	for i, k := range path {
		if k == "" {
			return errors.New("empty field name")
		}
		if i == len(path)-1 {
			d[k] = v
			return nil
		}
		sub, ok := d[k].(map[string]any)
		if !ok && d[k] != nil {
			return fmt.Errorf("%s is not a mapping", strings.Join(path[:i+1], "."))
		}
		sub = maps.Clone(sub)
		if sub == nil {
			sub = map[string]any{}
		}
		d[k] = sub
		d = sub
	}
	return nil
}
