package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/mailmerge"
	"github.com/bhytdoc/bhytdoc/internal/plan"
	"github.com/bhytdoc/bhytdoc/internal/rows"
	"github.com/bhytdoc/bhytdoc/templates"
)

// mergeJob is a parsed merge request.
type mergeJob struct {
	tmpl     string
	table    *rows.Table
	core     *mailmerge.Merge
	fmts     []batch.Format
	combined bool
}

// merge answers POST /v1/merge: a template, the common data and a rows
// file become one document per row, streamed as a zip of files or, with
// combined=1, one PDF for printing. The answer starts with the first
// document; a row that fails before it is a 400 naming the row, one that
// fails after it cuts the connection, so that no client mistakes a part
// for the whole.
func (s *Server) merge(w http.ResponseWriter, r *http.Request) *Problem {
	u, p := readUpload(r)
	if p != nil {
		return p
	}
	job, p := mergeJobOf(r, u)
	if p != nil {
		return p
	}
	release, p := s.acquire(r)
	if p != nil {
		return p
	}
	defer release()
	out := &lazyWriter{w: w, header: func(h http.Header) {
		if job.combined {
			h.Set("Content-Type", formatTypes["pdf"])
			h.Set("Content-Disposition", disposition(job.tmpl+".pdf"))
		} else {
			h.Set("Content-Type", formatTypes["zip"])
			h.Set("Content-Disposition", disposition(job.tmpl+".zip"))
		}
	}}
	var sink batch.Sink
	var book *batch.BookSink
	if job.combined {
		book = batch.NewBookSink(out, &bhytdoc.PDFBookOptions{Title: job.tmpl})
		sink = book
	} else {
		sink = batch.NewZipSink(out)
	}
	rend := &batch.Renderer{Formats: job.fmts, Jobs: 1}
	letters := job.core.Letters()
	err := rend.RenderContext(r.Context(), job.core.Items(r.Context(), letters), sink)
	if book != nil {
		s.metrics.pages.Add(int64(book.Pages()))
	}
	if err == nil {
		return nil
	}
	if !out.started {
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return problemTimeout()
		}
		return mergeProblem(err, letters)
	}
	// Part of the answer is out: only a cut connection says it is not all.
	panic(http.ErrAbortHandler)
}

// mergeJobOf reads the parts of a merge request: the parameters are the
// merge core's options, as merge's flags are on the command line.
func mergeJobOf(r *http.Request, u *upload) (*mergeJob, *Problem) {
	job := &mergeJob{tmpl: strings.TrimSpace(string(u.fields["template"])), combined: flag(r, "combined")}
	if !slices.Contains(templates.Names(), job.tmpl) {
		return nil, badRequest(fmt.Sprintf("Không có mẫu %q (có: %s).", job.tmpl, strings.Join(templates.Names(), ", ")),
			fmt.Sprintf("No template %q (have %s).", job.tmpl, strings.Join(templates.Names(), ", ")))
	}
	o, p := mergeOptions(r, u, job.tmpl)
	if p != nil {
		return nil, p
	}
	if !job.combined {
		fmts, p := outputFormats(r)
		if p != nil {
			return nil, p
		}
		for _, f := range fmts {
			if f == "xlsx" {
				return nil, badRequest("Trộn văn bản xuất pdf, docx, md.", "A merge writes pdf, docx and md.")
			}
			job.fmts = append(job.fmts, batch.Format(f))
		}
	}
	if job.table, p = mergeRows(r, u); p != nil {
		return nil, p
	}
	o.Rows = u.names["rows"]
	o.Units = o.Rows
	if p := mergePlan(r, u, &o); p != nil {
		return nil, p
	}
	var err error
	if job.core, err = mailmerge.New(r.Context(), job.table, o); err != nil {
		if r.Context().Err() != nil {
			return nil, problemTimeout()
		}
		return nil, invalid(err)
	}
	return job, nil
}

// mergeOptions reads the common data, the name and the flags of a merge
// request.
func mergeOptions(r *http.Request, u *upload, tmpl string) (mailmerge.Options, *Problem) {
	allow := flag(r, "allow_inconsistent")
	o := mailmerge.Options{Template: tmpl, Common: map[string]any{}, NameLabel: "name",
		ASCIINames: flag(r, "ascii_names"), PlanOrder: flag(r, "sort"), IgnoreExtra: flag(r, "ignore_extra_columns"),
		Check: func(d *bhytdoc.Document) error { return checkDocAnnexes(d, allow) }}
	if b, ok := u.fields["data"]; ok && len(bytes.TrimSpace(b)) > 0 {
		d, err := templates.ParseData(trimBOM(b), "data")
		if err != nil {
			return o, invalid(err)
		}
		o.Common = d
	}
	if v := r.URL.Query().Get("number_from"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > mailmerge.MaxNumber {
			return o, badRequest(fmt.Sprintf("number_from %q: cần một số từ 1 đến %d.", v, mailmerge.MaxNumber),
				fmt.Sprintf("number_from %q: want a number from 1 to %d.", v, mailmerge.MaxNumber))
		}
		o.NumberFrom = n
	}
	if n := strings.TrimSpace(string(u.fields["name"])); n != "" {
		if !strings.Contains(n, "{{") {
			n = "{{." + n + "}}" // a bare field name
		}
		t, err := template.New("name").Option("missingkey=error").Parse(n)
		if err != nil {
			return o, badRequest("Trường đặt tên tệp không hợp lệ: "+err.Error(), "Invalid name: "+err.Error())
		}
		o.Name = t
	}
	return o, nil
}

// mergeRows reads part "rows": .csv, .json or .xlsx (sheet=NAME).
func mergeRows(r *http.Request, u *upload) (*rows.Table, *Problem) {
	data, name, _ := u.part("rows")
	if name == "" {
		return nil, badRequest("Thiếu bảng đơn vị (phần \"rows\": .csv, .json hoặc .xlsx).", "No rows file (part \"rows\": .csv, .json or .xlsx).")
	}
	var t *rows.Table
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".csv":
		var rs []rows.Row
		rs, err = rows.ReadCSV(bytes.NewReader(data), name)
		t = &rows.Table{Rows: rs}
	case ".json":
		var rs []rows.Row
		rs, err = rows.ReadJSON(bytes.NewReader(data), name)
		t = &rows.Table{Rows: rs}
	case ".xlsx":
		t, err = rows.ReadXLSX(bytes.NewReader(data), int64(len(data)), name, r.URL.Query().Get("sheet"))
	default:
		return nil, badRequest("Bảng đơn vị phải là .csv, .json hoặc .xlsx.", "The rows file must be .csv, .json or .xlsx.")
	}
	if err != nil {
		return nil, invalid(err)
	}
	if len(t.Rows) == 0 {
		return nil, badRequest("Bảng đơn vị không có dòng nào.", "The rows file has no rows.")
	}
	return t, nil
}

// mergePlan plans the units (part "units", else the rows file) to the
// milestones (milestone=DATE:RATE, repeated) into o, sorted with sort=1,
// as merge --milestone does; nothing without milestones.
func mergePlan(r *http.Request, u *upload, o *mailmerge.Options) *Problem {
	ms := r.URL.Query()["milestone"]
	units, name, ok := u.part("units")
	sheet := ""
	if !ok {
		units, name, _ = u.part("rows")
		sheet = r.URL.Query().Get("sheet")
	}
	switch {
	case len(ms) == 0 && ok:
		return badRequest("Bảng đơn vị (phần \"units\") và các mốc (milestone=NGÀY:TỶ LỆ) đi cùng nhau.",
			"The units file (part \"units\") and the milestones (milestone=DATE:RATE) go together.")
	case len(ms) == 0 && o.PlanOrder:
		return badRequest("sort=1 sắp xếp các đơn vị của kế hoạch: cần các mốc (milestone=NGÀY:TỶ LỆ).",
			"sort=1 sorts the plan's units: give the milestones (milestone=DATE:RATE).")
	case len(ms) == 0:
		return nil
	}
	var milestones []coverage.Milestone
	for _, s := range ms {
		m, err := plan.ParseMilestone(s)
		if err != nil {
			return invalid(fmt.Errorf("milestone %q: %v", s, err))
		}
		milestones = append(milestones, m)
	}
	var bs []coverage.Baseline
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx":
		bs, _, err = coverage.ReadXLSXSheet(bytes.NewReader(units), name, sheet)
	case ".csv":
		bs, err = coverage.ReadCSV(bytes.NewReader(units), name)
	default:
		return badRequest("Bảng đơn vị của kế hoạch phải là tệp .xlsx hoặc .csv.", "The plan's units file must be .xlsx or .csv.")
	}
	if err != nil {
		return invalid(err)
	}
	po, err := plan.OptionsOf(o.Common)
	if err != nil {
		return invalid(err)
	}
	if o.PlanOrder {
		coverage.SortBaselines(bs)
	}
	if o.Plan, err = plan.Make(bs, milestones, po); err != nil {
		return invalid(fmt.Errorf("%s: %w", name, err))
	}
	delete(o.Common, "PhuLuc") // read into the plan, not a template field
	o.Units = name
	return nil
}

// mergeProblem names the row of each failed document: its place in the
// rows file, and the column of the data field at fault (see
// rows.Row.At).
func mergeProblem(err error, letters []mailmerge.Letter) *Problem {
	fails, ok := mailmerge.Failures(err, letters)
	if !ok || len(fails) == 0 {
		return invalid(err)
	}
	f := fails[0]
	row := f.Letter.Row
	items := itemsOf(f.Err)
	for i := range items {
		at := row.At(items[i].Field)
		if items[i].Annex != nil {
			// An annex finding keeps its table's place; the row's goes
			// before the message.
			items[i].Detail = at.Place() + ": " + items[i].Detail
		} else {
			items[i] = placeItem(items[i], at)
		}
	}
	return &Problem{Status: http.StatusBadRequest,
		vi: fmt.Sprintf("Dòng %d của bảng đơn vị không tạo được văn bản.", row.Line),
		en: fmt.Sprintf("Row %d of the rows file does not make a document.", row.Line), Errors: items}
}

// lazyWriter writes the answer's header with the first byte of its body,
// so that an error before any output can still be a problem answer.
type lazyWriter struct {
	w       http.ResponseWriter
	header  func(http.Header)
	started bool
}

func (l *lazyWriter) Write(b []byte) (int, error) {
	if !l.started {
		l.started = true
		l.header(l.w.Header())
		l.w.WriteHeader(http.StatusOK)
	}
	return l.w.Write(b)
}
