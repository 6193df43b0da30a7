package server

import (
	"embed"
	"mime"
	"net/http"
	"path"
)

//go:embed web openapi.json
var static embed.FS

// csp keeps the page to its own scripts and styles: nothing is loaded
// from elsewhere, so it works offline and cannot leak what is typed.
const csp = "default-src 'self'; img-src 'self' data: blob:; object-src 'self' blob:; frame-src 'self' blob:; base-uri 'none'; form-action 'self'"

// serveStatic serves the web page and its files from web/.
func serveStatic(w http.ResponseWriter, r *http.Request) *Problem {
	name := r.PathValue("file")
	if name == "" {
		name = "index.html"
	}
	b, err := static.ReadFile("web/" + name)
	if err != nil {
		return &Problem{Status: http.StatusNotFound, vi: "Không có trang này.", en: "No such page."}
	}
	h := w.Header()
	h.Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(b)
	return nil
}

// serveOpenAPI serves the API's OpenAPI 3.1 description.
func serveOpenAPI(w http.ResponseWriter, r *http.Request) *Problem {
	b, _ := static.ReadFile("openapi.json")
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
	return nil
}
