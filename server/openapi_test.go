package server

import (
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIMatchesRoutes: every route the server has is described in
// /openapi.json with its method, and every operation described is a
// route; an open route declares that it needs no token.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := newServer(t, Config{})
	w := do(s, httptest.NewRequest("GET", "/openapi.json", nil))
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var described []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if method == "parameters" {
				continue
			}
			described = append(described, strings.ToUpper(method)+" "+path)
			var o struct {
				Security  *[]any
				Responses map[string]json.RawMessage
			}
			json.Unmarshal(op, &o)
			if len(o.Responses) == 0 {
				t.Errorf("%s %s: no responses", method, path)
			}
			if _, ok := o.Responses["200"]; !ok {
				t.Errorf("%s %s: no 200 response", method, path)
			}
		}
	}
	var served []string
	for _, r := range routes(s) {
		p := strings.Replace(r.pattern, "{$}", "", 1)
		served = append(served, p)
		if !slices.Contains(described, p) {
			t.Errorf("route %s is not in openapi.json", p)
		}
	}
	for _, d := range described {
		if !slices.Contains(served, d) {
			t.Errorf("openapi.json describes %s, which is not a route", d)
		}
	}
}
