// Package server serves bhytdoc over HTTP, for e-office systems written in
// any language and for the clerks who write the letters: an API (v1)
// described by an OpenAPI 3.1 document at /openapi.json, and a web page at
// / that fills the built-in templates, checks annex workbooks and shows a
// preview of the pages.
//
// A Server is an http.Handler; Serve runs it on a listener with graceful
// shutdown. The command line starts one with "bhytdoc serve".
//
//	POST /v1/render              a Markdown source (its annex files as multipart
//	                             parts) or a JSON document → PDF, DOCX, XLSX, Markdown or a zip
//	GET  /v1/templates           the built-in templates
//	GET  /v1/templates/{name}    a template's field declarations
//	POST /v1/templates/{name}    JSON or YAML data → the filled document
//	POST /v1/merge               template + common data + rows → zip or one PDF, streamed
//	POST /v1/annex/check         a workbook or CSV → its arithmetic findings (JSON)
//	POST /v1/info                a PDF → its document record (JSON)
//	GET  /healthz, /readyz       liveness and readiness
//	GET  /metrics                Prometheus text format
//
// Errors are RFC 9457 problem details (application/problem+json) whose
// items carry the field paths, files, lines, rows and cells the command
// line's messages name; the detail is Vietnamese unless Accept-Language
// prefers English. Bodies over Config.MaxBody are refused with 413 before
// they are read; renders run on at most Config.Workers goroutines; files
// named in a source are looked up only among the request's own parts.
//
// Related packages:
//
//   - [github.com/bhytdoc/bhytdoc/bhytdoc] holds the document model and renders
//     it to PDF, DOCX, XLSX and Markdown;
//   - [github.com/bhytdoc/bhytdoc/markdown] reads document sources;
//   - [github.com/bhytdoc/bhytdoc/templates] fills the built-in templates;
//   - [github.com/bhytdoc/bhytdoc/coverage] checks coverage annex tables;
//   - [github.com/bhytdoc/bhytdoc/batch] renders many documents at once;
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the font families;
//   - [github.com/bhytdoc/bhytdoc/sign] signs a PDF digitally;
//   - [github.com/bhytdoc/bhytdoc/edxml] packages a signed document for the
//     national document exchange.
package server
