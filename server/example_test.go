package server_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/bhytdoc/bhytdoc/server"
)

// A Server is an http.Handler: mount it in a Go program, or run it with
// Serve. Here a template's data lacks the signer, and the answer is a
// problem naming the field.
func ExampleNew() {
	s, err := server.New(server.Config{})
	if err != nil {
		panic(err)
	}
	r := httptest.NewRequest("POST", "/v1/render", strings.NewReader("---\nkind: Công văn\n---\nNội dung./.\n"))
	r.Header.Set("Accept-Language", "en")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	// Output: 400 application/problem+json
}
