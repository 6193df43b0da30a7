package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/plan"
	"github.com/bhytdoc/bhytdoc/templates"
)

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) *Problem {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return &Problem{Status: http.StatusInternalServerError, vi: "Lỗi mã hóa JSON.", en: "Cannot encode JSON."}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
	return nil
}

// templateInfo is a template as GET /v1/templates lists it.
type templateInfo struct {
	Name string `json:"name"`
}

func (s *Server) listTemplates(w http.ResponseWriter, r *http.Request) *Problem {
	var out []templateInfo
	for _, n := range templates.Names() {
		out = append(out, templateInfo{Name: n})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"templates": out})
}

// templateName returns the {name} of the path if it is a template.
func templateName(r *http.Request) (string, *Problem) {
	name := r.PathValue("name")
	if !slices.Contains(templates.Names(), name) {
		return "", &Problem{Status: http.StatusNotFound,
			vi: fmt.Sprintf("Không có mẫu %q (có: %s).", name, strings.Join(templates.Names(), ", ")),
			en: fmt.Sprintf("No template %q (have %s).", name, strings.Join(templates.Names(), ", "))}
	}
	return name, nil
}

// field is a template's field declaration as JSON (templates.Field).
type field struct {
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Required bool    `json:"required,omitempty"`
	Default  any     `json:"default,omitempty"`
	Label    string  `json:"label,omitempty"`
	Help     string  `json:"help,omitempty"`
	Example  any     `json:"example,omitempty"`
	Fields   []field `json:"fields,omitempty"`
}

func fieldsJSON(fs []templates.Field) []field {
	out := make([]field, 0, len(fs))
	for _, f := range fs {
		out = append(out, field{Name: f.Name, Type: string(f.Type), Required: f.Required, Default: f.Default,
			Label: f.Label, Help: f.Help, Example: f.Example, Fields: fieldsJSON(f.Fields)})
	}
	return out
}

// templateFields answers GET /v1/templates/{name}: the template's field
// declarations, from which the web page builds its form.
func (s *Server) templateFields(w http.ResponseWriter, r *http.Request) *Problem {
	name, p := templateName(r)
	if p != nil {
		return p
	}
	fs, err := templates.Fields(name)
	if err != nil {
		return &Problem{Status: http.StatusNotFound, vi: "Mẫu chưa khai báo các trường.", en: "The template declares no fields.", Errors: itemsOf(err)}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"name": name, "fields": fieldsJSON(fs)})
}

// fillTemplate answers POST /v1/templates/{name}: the data as JSON or
// YAML (the body, or part "data" of a multipart form) fills the template.
func (s *Server) fillTemplate(w http.ResponseWriter, r *http.Request) *Problem {
	name, p := templateName(r)
	if p != nil {
		return p
	}
	fmts, p := outputFormats(r)
	if p != nil {
		return p
	}
	u, p := readUpload(r)
	if p != nil {
		return p
	}
	raw, ok := u.fields["data"]
	if !ok {
		raw, ok = u.fields["body"]
	}
	if !ok {
		return badRequest("Thiếu dữ liệu của mẫu (phần \"data\").", "No template data (part \"data\").")
	}
	data, err := templates.ParseData(trimBOM(raw), "data.json")
	if err != nil {
		return invalid(err)
	}
	pl, p := planOf(r, u, name, data)
	if p != nil {
		return p
	}
	release, p := s.acquire(r)
	if p != nil {
		return p
	}
	defer release()
	doc, err := templates.Fill(name, data)
	if err == nil && pl != nil {
		err = pl.Attach(doc)
	}
	if err == nil {
		err = checkDocAnnexes(doc, flag(r, "allow_inconsistent"))
	}
	if err != nil {
		return invalid(err)
	}
	var workbook func() ([]byte, error)
	if pl != nil {
		workbook = pl.Workbook
	}
	files, err := s.renderFormats(doc, fmts, &bhytdoc.Options{Archival: flag(r, "pdfa")}, workbook)
	if err != nil {
		return invalid(err)
	}
	return writeFiles(w, name, files)
}

// planOf plans the document's annex when the request gives a units file
// (part "units": .xlsx or .csv, as bhytdoc new --units) and milestones
// (milestone=DATE:RATE, repeated); nil without units.
func planOf(r *http.Request, u *upload, tmpl string, data map[string]any) (*plan.Plan, *Problem) {
	units, ok := u.fields["units"]
	ms := r.URL.Query()["milestone"]
	if !ok && len(ms) == 0 {
		return nil, nil
	}
	if !ok || len(ms) == 0 {
		return nil, badRequest("Bảng đơn vị (phần \"units\") và các mốc (milestone=NGÀY:TỶ LỆ) đi cùng nhau.",
			"The units file (part \"units\") and the milestones (milestone=DATE:RATE) go together.")
	}
	var milestones []coverage.Milestone
	for _, s := range ms {
		m, err := plan.ParseMilestone(s)
		if err != nil {
			return nil, invalid(fmt.Errorf("milestone %q: %v", s, err))
		}
		milestones = append(milestones, m)
	}
	name := u.names["units"]
	var bs []coverage.Baseline
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx":
		bs, _, err = coverage.ReadXLSXSheet(bytes.NewReader(units), name, r.URL.Query().Get("sheet"))
	case ".csv":
		bs, err = coverage.ReadCSV(bytes.NewReader(units), name)
	default:
		return nil, badRequest("Bảng đơn vị phải là tệp .xlsx hoặc .csv.", "The units file must be .xlsx or .csv.")
	}
	if err != nil {
		return nil, invalid(err)
	}
	if flag(r, "sort") {
		coverage.SortBaselines(bs)
	}
	p, err := plan.Data(data, tmpl, bs, milestones)
	if err != nil {
		return nil, invalid(err)
	}
	return p, nil
}

// annexFinding is a finding as POST /v1/annex/check answers it.
type annexFinding struct {
	Row       int    `json:"row"`
	STT       string `json:"stt,omitempty"`
	Unit      string `json:"unit,omitempty"`
	Milestone string `json:"milestone,omitempty"`
	Column    string `json:"column"`
	Problem   string `json:"problem"`
	Expected  string `json:"expected"`
	Stated    string `json:"stated"`
	Cell      string `json:"cell,omitempty"`
	Message   string `json:"message"`
}

// annexCheck answers POST /v1/annex/check: a workbook or CSV file (the
// body, or part "file") → its arithmetic findings. 200 with the findings,
// none or many; 400 when the table cannot be read as a coverage table.
func (s *Server) annexCheck(w http.ResponseWriter, r *http.Request) *Problem {
	u, p := readUpload(r)
	if p != nil {
		return p
	}
	b, name := u.only("file")
	if b == nil {
		return badRequest("Thiếu tệp bảng (phần \"file\").", "No table file (part \"file\").")
	}
	if name == "" { // the whole body: its type names the format
		name = "bang.xlsx"
		if strings.HasPrefix(r.Header.Get("Content-Type"), "text/csv") {
			name = "bang.csv"
		}
	}
	if ext := strings.ToLower(path.Ext(name)); ext != ".xlsx" && ext != ".csv" {
		return badRequest("Chỉ nhận tệp .xlsx hoặc .csv.", "Only .xlsx and .csv files are accepted.")
	}
	release, p := s.acquire(r)
	if p != nil {
		return p
	}
	defer release()
	tf, err := coverage.ReadTable(b, name, r.URL.Query().Get("sheet"))
	if err != nil {
		return invalid(err)
	}
	var fs []coverage.Finding
	if tf.Cell != nil {
		fs, err = coverage.CheckAt(&tf.Table, tf.Cell)
	} else {
		fs, err = coverage.Check(&tf.Table)
	}
	if err != nil {
		return invalid(err)
	}
	out := make([]annexFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, annexFinding{Row: f.Row, STT: f.STT, Unit: f.Unit, Milestone: f.Milestone, Column: f.Column,
			Problem: f.Problem.String(), Expected: f.Expected, Stated: f.Stated, Cell: f.Cell, Message: f.String()})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"file": name, "count": len(out), "findings": out})
}

// info answers POST /v1/info: a PDF (the body, or part "file") → its
// document record.
func (s *Server) info(w http.ResponseWriter, r *http.Request) *Problem {
	u, p := readUpload(r)
	if p != nil {
		return p
	}
	b, _ := u.only("file")
	info, err := bhytdoc.ReadInfo(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		if errors.Is(err, bhytdoc.ErrNotBhytdoc) {
			return &Problem{Status: http.StatusUnprocessableEntity, vi: "Tệp PDF không do bhytdoc tạo ra.", en: "The PDF was not written by bhytdoc.", Errors: itemsOf(err)}
		}
		return invalid(err)
	}
	return writeJSON(w, http.StatusOK, info)
}
