package server

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// formatTypes are the media types of the output formats.
var formatTypes = map[string]string{
	"pdf":  "application/pdf",
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"md":   "text/markdown; charset=utf-8",
	"zip":  "application/zip",
}

// formatOrder is the order of files in a zip answer.
var formatOrder = []string{"pdf", "docx", "xlsx", "md"}

// outputFormats returns the formats r asks for: the format= parameter
// (comma-separated), else the first format its Accept header names, else
// PDF. Asking for zip alone means every format.
func outputFormats(r *http.Request) ([]string, *Problem) {
	q := r.URL.Query().Get("format")
	if q == "" {
		q = acceptedFormat(r.Header.Get("Accept"))
	}
	var out []string
	for _, f := range strings.Split(q, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "zip" {
			return formatOrder, nil
		}
		if _, ok := formatTypes[f]; !ok {
			return nil, &Problem{Status: http.StatusNotAcceptable,
				vi: fmt.Sprintf("Định dạng %q không được hỗ trợ (pdf, docx, xlsx, md, zip).", f),
				en: fmt.Sprintf("Format %q is not supported (pdf, docx, xlsx, md, zip).", f)}
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// acceptedFormat is the first format an Accept header names, or "pdf".
func acceptedFormat(accept string) string {
	for _, part := range strings.Split(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		for _, f := range append(formatOrder, "zip") {
			if t, _, _ := mime.ParseMediaType(formatTypes[f]); t == mt {
				return f
			}
		}
	}
	return "pdf"
}

// flag reports whether the query sets name to a true value (1, true).
func flag(r *http.Request, name string) bool {
	v := r.URL.Query().Get(name)
	return v == "1" || v == "true"
}

// render answers POST /v1/render: a Markdown source (the body as
// text/markdown, or part "source" of a multipart form whose other parts
// are the files it names) or a JSON document (the front matter's keys and
// "body") becomes the formats asked for.
func (s *Server) render(w http.ResponseWriter, r *http.Request) *Problem {
	fmts, p := outputFormats(r)
	if p != nil {
		return p
	}
	u, p := readUpload(r)
	if p != nil {
		return p
	}
	src, name, p := sourceOf(r, u)
	if p != nil {
		return p
	}
	release, p := s.acquire(r)
	if p != nil {
		return p
	}
	defer release()
	parsed, err := markdown.ParseSourceWith(src, name, u.files, &markdown.ParseOptions{Tables: coverage.ReadTable})
	if err != nil {
		return invalid(err)
	}
	if p := checkAnnexes(parsed, flag(r, "allow_inconsistent")); p != nil {
		return p
	}
	files, err := s.renderFormats(parsed.Doc, fmts, &bhytdoc.Options{Archival: flag(r, "pdfa")}, nil)
	if err != nil {
		return invalid(parsed.Locate(err))
	}
	return writeFiles(w, strings.TrimSuffix(name, ".md"), files)
}

// sourceOf returns the Markdown source of a render request and its name.
func sourceOf(r *http.Request, u *upload) ([]byte, string, *Problem) {
	if b, name, ok := u.part("source"); ok {
		if !strings.HasSuffix(name, ".md") {
			name = "van-ban.md"
		}
		return trimBOM(b), name, nil
	}
	b, ok := u.fields["body"]
	if !ok {
		return nil, "", badRequest("Thiếu văn bản nguồn (phần \"source\" của biểu mẫu).", "No source (form part \"source\").")
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		return trimBOM(b), "van-ban.md", nil
	}
	src, err := sourceFromJSON(b)
	if err != nil {
		return nil, "", badRequest("JSON không hợp lệ: "+err.Error(), "Invalid JSON: "+err.Error())
	}
	return src, "van-ban.json", nil
}

// sourceFromJSON turns a JSON document — the front matter's keys with
// the Markdown body under "body" — into a source. JSON is YAML, so the
// rest of the object is the front matter as it stands.
func sourceFromJSON(b []byte) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	var body string
	if raw, ok := m["body"]; ok {
		if err := json.Unmarshal(raw, &body); err != nil {
			return nil, fmt.Errorf("body: %v", err)
		}
		delete(m, "body")
	}
	front, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("---\n")
	out.Write(front)
	out.WriteString("\n---\n")
	out.WriteString(body)
	return out.Bytes(), nil
}

// annexesOf returns the problems of s's coverage annexes as a
// *coverage.AnnexError: a table declared one that is not, always;
// arithmetic findings unless allowArithmetic.
func annexesOf(s *markdown.Source, allowArithmetic bool) error {
	return coverage.CheckAnnexes(s, allowArithmetic)
}

// checkDocAnnexes is annexesOf for a document made from data.
func checkDocAnnexes(d *bhytdoc.Document, allowArithmetic bool) error {
	return annexesOf(&markdown.Source{Doc: d}, allowArithmetic)
}

// checkAnnexes is annexesOf as an answer.
func checkAnnexes(s *markdown.Source, allowArithmetic bool) *Problem {
	err := annexesOf(s, allowArithmetic)
	if err == nil {
		return nil
	}
	n := len(err.(*coverage.AnnexError).Findings)
	return &Problem{Status: http.StatusBadRequest,
		vi:     fmt.Sprintf("Phụ lục có %d chỗ sai số học hoặc khai báo (allow_inconsistent=1 để vẫn xuất văn bản).", n),
		en:     fmt.Sprintf("The annexes have %d arithmetic or declaration problems (allow_inconsistent=1 renders anyway).", n),
		Errors: itemsOf(err)}
}

// renderFormats renders d in each format, PDF pages counted for the
// metrics. workbook, when not nil, makes the XLSX instead of
// bhytdoc.RenderXLSX (a planned annex keeps its formulas).
func (s *Server) renderFormats(d *bhytdoc.Document, fmts []string, o *bhytdoc.Options, workbook func() ([]byte, error)) ([]batch.File, error) {
	var files []batch.File
	for _, f := range fmts {
		var b []byte
		var err error
		switch f {
		case "pdf":
			var l *bhytdoc.PDFLayout
			if l, err = bhytdoc.LayoutPDF(d, o); err == nil {
				s.metrics.pages.Add(int64(l.Pages()))
				b, err = l.Render()
			}
		case "docx":
			b, err = bhytdoc.RenderDOCX(d, nil)
		case "xlsx":
			if workbook != nil {
				b, err = workbook()
			} else {
				b, err = bhytdoc.RenderXLSX(d, nil)
			}
		case "md":
			b, err = markdown.Marshal(d, nil)
		}
		if err != nil {
			return nil, err
		}
		files = append(files, batch.File{Name: f, Data: b})
	}
	return files, nil
}

// writeFiles answers with one file, or a zip of several; files[i].Name is
// the format.
func writeFiles(w http.ResponseWriter, base string, files []batch.File) *Problem {
	base = batch.FileName(base)
	h := w.Header()
	if len(files) == 1 {
		f := files[0]
		h.Set("Content-Type", formatTypes[f.Name])
		h.Set("Content-Disposition", disposition(base+"."+f.Name))
		h.Set("Content-Length", fmt.Sprint(len(f.Data)))
		w.Write(f.Data)
		return nil
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		// A fixed time keeps the archive the same bytes for the same input.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: base + "." + f.Name, Method: zip.Deflate, Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err == nil {
			_, err = fw.Write(f.Data)
		}
		if err != nil {
			return &Problem{Status: http.StatusInternalServerError, vi: "Lỗi tạo tệp zip.", en: "Cannot write the zip archive."}
		}
	}
	zw.Close()
	h.Set("Content-Type", formatTypes["zip"])
	h.Set("Content-Disposition", disposition(base+".zip"))
	h.Set("Content-Length", fmt.Sprint(buf.Len()))
	w.Write(buf.Bytes())
	return nil
}

// disposition is an attachment header for a Vietnamese file name: an
// ASCII fallback and the UTF-8 name (RFC 6266).
func disposition(name string) string {
	return fmt.Sprintf("attachment; filename=%q; filename*=UTF-8''%s", batch.ASCIIName(strings.TrimSuffix(name, pathExt(name)))+pathExt(name), url.PathEscape(name))
}

func pathExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}
