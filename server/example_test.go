package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/bhytdoc/bhytdoc/server"
)

// A template filled over HTTP with a misspelt key and missing fields is
// refused, before anything is rendered, with a problem details object: one
// item per problem, each naming its field as the command line would.
func ExampleNew() {
	s, err := server.New(server.Config{Workers: 1})
	if err != nil {
		panic(err)
	}
	data := `{"Nam": 2024, "DiaBn": "quận Cái Răng"}`
	req := httptest.NewRequest("POST", "/v1/templates/to-trinh-giao-chi-tieu", strings.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", "en")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)

	var p server.Problem
	if err := json.NewDecoder(rec.Body).Decode(&p); err != nil {
		panic(err)
	}
	fmt.Println(rec.Code == http.StatusBadRequest, rec.Header().Get("Content-Type"))
	fmt.Println(p.Detail)
	fmt.Println(p.Errors[0].Field, "—", p.Errors[0].Detail)
	fmt.Println(p.Errors[1].Field, "—", p.Errors[1].Detail)
	// Output:
	// true application/problem+json
	// The input is not valid; see each problem in errors.
	// DiaBn — unknown field (did you mean DiaBan?)
	// CoQuan — missing data field "CoQuan" (Cơ quan ban hành)
}
