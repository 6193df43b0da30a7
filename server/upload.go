package server

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"testing/fstest"
	"time"
)

// Limits of a multipart upload, besides the Config's MaxBody.
const (
	maxParts    = 64
	maxNameSize = 255
)

// upload is a request's files: the named ones by their file names, for a
// source's annex tables, and the form's plain fields by field name.
type upload struct {
	files  fstest.MapFS
	fields map[string][]byte
	// names are the file names of the file parts, by field name.
	names map[string]string
}

// readUpload reads r's body: a multipart form (each file part under its
// file name, each other part under its field name) or, otherwise, the
// whole body as field "body". The body limit is the MaxBytesReader's; a
// name that is not a plain relative path is refused, so no part can
// name a file outside the upload.
func readUpload(r *http.Request) (*upload, *Problem) {
	u := &upload{files: fstest.MapFS{}, fields: map[string][]byte{}, names: map[string]string{}}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, readProblem(err)
		}
		u.fields["body"] = b
		return u, nil
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	for n := 0; ; n++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			return u, nil
		}
		if err != nil {
			return nil, readProblem(err)
		}
		if n == maxParts {
			return nil, badRequest("Quá nhiều phần trong biểu mẫu (tối đa 64).", "Too many parts in the form (at most 64).")
		}
		b, err := io.ReadAll(part)
		if err != nil {
			return nil, readProblem(err)
		}
		field, file := part.FormName(), part.FileName()
		if file == "" {
			u.fields[field] = b
			continue
		}
		name, ok := cleanName(file)
		if !ok {
			return nil, &Problem{Status: http.StatusBadRequest,
				vi:     "Tên tệp không hợp lệ: chỉ nhận tên tệp tương đối, không có \"..\".",
				en:     "Invalid file name: only relative names without \"..\" are accepted.",
				Errors: []ProblemItem{{Detail: "invalid file name", File: file}}}
		}
		if _, dup := u.files[name]; dup {
			return nil, &Problem{Status: http.StatusBadRequest, vi: "Một tệp được gửi hai lần.", en: "A file is sent twice.",
				Errors: []ProblemItem{{Detail: "file sent twice", File: name}}}
		}
		u.files[name] = &fstest.MapFile{Data: b, Mode: 0o444, ModTime: time.Unix(0, 0)}
		if _, set := u.fields[field]; !set {
			u.fields[field], u.names[field] = b, name
		}
	}
}

// cleanName returns a part's file name as a path of the upload: browsers
// send a base name, curl whatever it is given ("annex/units.xlsx").
func cleanName(name string) (string, bool) {
	name = strings.ReplaceAll(name, "\\", "/")
	if len(name) > maxNameSize || !fs.ValidPath(name) || name == "." || path.IsAbs(name) {
		return "", false
	}
	return name, true
}

// readProblem turns an error reading the body into its answer.
func readProblem(err error) *Problem {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return problemTooLarge(mbe.Limit)
	}
	return badRequest("Không đọc được nội dung yêu cầu: "+err.Error(), "Cannot read the request body: "+err.Error())
}

// part returns the part of the form named field — a plain field, or the
// first file sent under that name — and its file name ("" for a plain
// field).
func (u *upload) part(field string) (data []byte, name string, ok bool) {
	data, ok = u.fields[field]
	return data, u.names[field], ok
}

// only returns part field, or else the one file uploaded, or else the
// whole body: what an endpoint taking one file reads.
func (u *upload) only(field string) (data []byte, name string) {
	if data, name, ok := u.part(field); ok {
		return data, name
	}
	if len(u.files) == 1 {
		for n, f := range u.files {
			return f.Data, n
		}
	}
	return u.fields["body"], ""
}

// trimBOM drops a UTF-8 byte order mark, which Windows editors write.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\ufeff")) }
