package server

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/xlsx"
	"github.com/bhytdoc/bhytdoc/markdown"
	"github.com/bhytdoc/bhytdoc/templates"
)

// Problem is an error answer, an RFC 9457 problem details object
// (application/problem+json). Detail is Vietnamese unless the request's
// Accept-Language prefers English; each of Errors carries one problem of
// the input with the field path, file, line, row or cell the CLI's
// message names.
type Problem struct {
	Type   string        `json:"type"`   // "about:blank": the status says it all
	Title  string        `json:"title"`  // the status's text ("Bad Request")
	Status int           `json:"status"` // the HTTP status
	Detail string        `json:"detail"` // what went wrong, for people
	Errors []ProblemItem `json:"errors,omitempty"`

	vi, en string // Detail in each language
}

// ProblemItem is one problem of the input. Detail is the library's own
// message (English, as the CLI prints it); the other fields locate it.
type ProblemItem struct {
	Detail string `json:"detail"`
	// Field is the document field ("Signatures[0].Name") or data field
	// (".NguoiKy.HoTen") at fault.
	Field string `json:"field,omitempty"`
	// File and Line locate the problem in an uploaded file.
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"` // 1-based line in File
	// Annex, Row, Column and Cell locate an annex finding: the annex's
	// index, the 1-based body row (0 for the totals row), the column's
	// header and the workbook cell. Without Annex, Sheet, Row, Column and
	// Cell locate a problem in a rows or table file (a
	// *coverage.RowError): the worksheet, the file's 1-based row (the
	// worksheet's row, the CSV line, the JSON array's element), the
	// column's header (a JSON row's field) and the workbook cell.
	Annex  *int   `json:"annex,omitempty"`  // the annex's index
	Sheet  string `json:"sheet,omitempty"`  // the worksheet of File
	Row    *int   `json:"row,omitempty"`    // 1-based row; an annex's 0 is its totals row
	Column string `json:"column,omitempty"` // the column's header
	Cell   string `json:"cell,omitempty"`   // the workbook cell ("D3")
}

// placeItem is it located at a place in a rows or table file.
func placeItem(it ProblemItem, at *coverage.RowError) ProblemItem {
	if it.File != at.File {
		it.Line = 0 // the line was of another file (a template's)
	}
	it.File, it.Sheet, it.Column = at.File, at.Sheet, at.Column
	if at.Row > 0 {
		row := at.Row
		it.Row = &row
		if at.Sheet != "" && at.Col > 0 {
			it.Cell = xlsx.Ref(at.Col-1, at.Row)
		}
	}
	return it
}

// invalid is the problem of input that cannot be used: 400 with each
// problem err holds.
func invalid(err error) *Problem {
	return &Problem{Status: http.StatusBadRequest,
		vi: "Dữ liệu gửi lên không hợp lệ; xem từng lỗi trong errors.",
		en: "The input is not valid; see each problem in errors.", Errors: itemsOf(err)}
}

// badRequest is a malformed request, with one message in each language.
func badRequest(vi, en string) *Problem {
	return &Problem{Status: http.StatusBadRequest, vi: vi, en: en}
}

// itemsOf flattens err into items, keeping what each of the library's
// error types says of where the problem is.
func itemsOf(err error) []ProblemItem {
	var es markdown.Errors
	if errors.As(err, &es) {
		out := make([]ProblemItem, 0, len(es))
		for _, e := range es {
			out = append(out, ProblemItem{Detail: e.Msg, Field: e.Field, File: e.File, Line: e.Line})
		}
		return out
	}
	var ae *coverage.AnnexError
	if errors.As(err, &ae) {
		return findingItems(ae.Findings)
	}
	var many interface{ Unwrap() []error }
	if errors.As(err, &many) {
		var out []ProblemItem
		for _, e := range many.Unwrap() {
			out = append(out, itemsOf(e)...)
		}
		return out
	}
	var re *coverage.RowError
	var fe *bhytdoc.FieldError
	var ge *bhytdoc.GlyphError
	var te *templates.Error
	var de *templates.DataError
	switch {
	case errors.As(err, &re):
		return []ProblemItem{placeItem(ProblemItem{Detail: re.Err.Error()}, re)}
	case errors.As(err, &fe):
		return []ProblemItem{{Detail: fe.Msg, Field: fe.Field}}
	case errors.As(err, &ge):
		return []ProblemItem{{Detail: ge.Error(), Field: ge.Field}}
	case errors.As(err, &te):
		return []ProblemItem{{Detail: te.Msg, Field: te.Field, File: te.Template, Line: te.Line}}
	case errors.As(err, &de):
		return []ProblemItem{{Detail: de.Msg, File: de.File, Line: de.Line}}
	}
	return []ProblemItem{{Detail: strings.TrimPrefix(err.Error(), "bhytdoc: ")}}
}

// findingItems are annex findings as problem items.
func findingItems(fs []coverage.AnnexFinding) []ProblemItem {
	out := make([]ProblemItem, 0, len(fs))
	for _, f := range fs {
		it := ProblemItem{Detail: f.String(), Annex: &f.Annex}
		if f.File != nil {
			it.File = f.File.File
		}
		if f.NotCoverage == nil {
			row := f.Finding.Row
			it.Row, it.Column, it.Cell = &row, f.Finding.Column, f.Finding.Cell
		}
		out = append(out, it)
	}
	return out
}

// english reports whether r prefers English to Vietnamese.
func english(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case tag == "vi" || strings.HasPrefix(tag, "vi-"):
			return false
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			return true
		}
	}
	return false
}

func writeProblem(w http.ResponseWriter, r *http.Request, p *Problem) {
	p.Type = "about:blank"
	p.Title = http.StatusText(p.Status)
	p.Detail = p.vi
	if english(r) {
		p.Detail = p.en
	}
	b, err := json.Marshal(p)
	if err != nil { // cannot happen: strings, ints and slices of them
		b = []byte(`{"type":"about:blank","status":500}`)
	}
	h := w.Header()
	h.Del("Content-Disposition")
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Language", map[bool]string{false: "vi", true: "en"}[english(r)])
	if p.Status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="bhytdoc"`)
	}
	w.WriteHeader(p.Status)
	w.Write(append(b, '\n'))
}

// validToken compares in constant time.
func validToken(header, token string) bool {
	got, ok := strings.CutPrefix(header, "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1
}
