package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"
	"text/template"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/mailmerge"
	"github.com/bhytdoc/bhytdoc/internal/rows"
	"github.com/bhytdoc/bhytdoc/templates"
)

// mergeJob is a parsed merge request.
type mergeJob struct {
	tmpl     string
	common   map[string]any
	table    *rows.Table
	name     *template.Template
	fmts     []batch.Format
	combined bool
	allow    bool
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
	err := rend.RenderContext(r.Context(), job.items(), sink)
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
		return mergeProblem(err, job.table)
	}
	// Part of the answer is out: only a cut connection says it is not all.
	panic(http.ErrAbortHandler)
}

// mergeJobOf reads the parts of a merge request.
func mergeJobOf(r *http.Request, u *upload) (*mergeJob, *Problem) {
	job := &mergeJob{tmpl: strings.TrimSpace(string(u.fields["template"])), combined: flag(r, "combined"), allow: flag(r, "allow_inconsistent")}
	if !slices.Contains(templates.Names(), job.tmpl) {
		return nil, badRequest(fmt.Sprintf("Không có mẫu %q (có: %s).", job.tmpl, strings.Join(templates.Names(), ", ")),
			fmt.Sprintf("No template %q (have %s).", job.tmpl, strings.Join(templates.Names(), ", ")))
	}
	job.common = map[string]any{}
	if b, ok := u.fields["data"]; ok && len(bytes.TrimSpace(b)) > 0 {
		d, err := templates.ParseData(trimBOM(b), "data")
		if err != nil {
			return nil, invalid(err)
		}
		job.common = d
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
	if n := strings.TrimSpace(string(u.fields["name"])); n != "" {
		if !strings.Contains(n, "{{") {
			n = "{{." + n + "}}" // a bare field name
		}
		t, err := template.New("name").Option("missingkey=error").Parse(n)
		if err != nil {
			return nil, badRequest("Trường đặt tên tệp không hợp lệ: "+err.Error(), "Invalid name: "+err.Error())
		}
		job.name = t
	}
	data, rowsName, _ := u.part("rows")
	if rowsName == "" {
		return nil, badRequest("Thiếu bảng đơn vị (phần \"rows\": .csv, .json hoặc .xlsx).", "No rows file (part \"rows\": .csv, .json or .xlsx).")
	}
	var err error
	switch strings.ToLower(path.Ext(rowsName)) {
	case ".csv":
		var rs []rows.Row
		rs, err = rows.ReadCSV(bytes.NewReader(data), rowsName)
		job.table = &rows.Table{Rows: rs}
	case ".json":
		var rs []rows.Row
		rs, err = rows.ReadJSON(bytes.NewReader(data), rowsName)
		job.table = &rows.Table{Rows: rs}
	case ".xlsx":
		job.table, err = rows.ReadXLSX(bytes.NewReader(data), int64(len(data)), rowsName, r.URL.Query().Get("sheet"))
	default:
		return nil, badRequest("Bảng đơn vị phải là .csv, .json hoặc .xlsx.", "The rows file must be .csv, .json or .xlsx.")
	}
	if err != nil {
		return nil, invalid(err)
	}
	if len(job.table.Rows) == 0 {
		return nil, badRequest("Bảng đơn vị không có dòng nào.", "The rows file has no rows.")
	}
	return job, nil
}

// items yields a document per row, filled in the Renderer's goroutines.
func (job *mergeJob) items() func(yield func(batch.Item, error) bool) {
	return func(yield func(batch.Item, error) bool) {
		var names batch.Names
		for _, row := range job.table.Rows {
			data, err := mailmerge.Data(job.common, row.Fields)
			title := fmt.Sprintf("%05d", row.Index+1)
			if err == nil && job.name != nil {
				var sb strings.Builder
				if err = job.name.Execute(&sb, data); err == nil {
					title = strings.TrimSpace(sb.String())
				}
			}
			if _, ok := data["So"]; !ok && data != nil {
				data["So"] = 0
			}
			it := batch.Item{Name: names.Unique(batch.FileName(title)), Title: title, Load: func() (*bhytdoc.Document, error) {
				doc, err := templates.Fill(job.tmpl, data)
				if err != nil {
					return nil, err
				}
				return doc, checkDocAnnexes(doc, job.allow)
			}}
			if !yield(it, err) {
				return
			}
		}
	}
}

// mergeProblem names the row of each failed document: its place in the
// rows file, and the column of the data field at fault (see
// rows.Row.At).
func mergeProblem(err error, t *rows.Table) *Problem {
	var ie *batch.ItemError
	if !errors.As(err, &ie) || ie.Index >= len(t.Rows) {
		return invalid(err)
	}
	row := &t.Rows[ie.Index]
	items := itemsOf(ie.Err)
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
