package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"path/filepath"
	"strings"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
)

// A manifest is written by every merge run beside its outputs, as JSON
// lines: a header (the run's inputs with their SHA-256 and the options
// that shape its bytes), one line per row written, and an end line with
// the SHA-256 of the zip and the combined PDF. join reads the manifests of
// a sharded run to check that the shards cover every row once and to
// render the rows again, unsharded, from the same inputs.
const manifestKind = "bhytdoc merge manifest"

// manifestHeader is a manifest's first line.
type manifestHeader struct {
	Manifest           string   `json:"manifest"`
	Version            int      `json:"version"`
	Template           string   `json:"template"`
	Rows               fileRef  `json:"rows"`
	Data               *fileRef `json:"data,omitempty"`
	Sheet              string   `json:"sheet,omitempty"`
	Name               string   `json:"name,omitempty"`
	ASCIINames         bool     `json:"ascii_names,omitempty"`
	NumberFrom         int      `json:"number_from,omitempty"`
	Format             string   `json:"format,omitempty"` // the files of -o and --zip
	Duplex             bool     `json:"duplex,omitempty"`
	Milestones         []string `json:"milestones,omitempty"`
	Units              *fileRef `json:"units,omitempty"` // the plan's units, when not the rows file
	Sort               bool     `json:"sort,omitempty"`
	AllowInconsistent  bool     `json:"allow_inconsistent,omitempty"`
	IgnoreExtraColumns bool     `json:"ignore_extra_columns,omitempty"`
	Shard              string   `json:"shard"`      // "I/N"; "0/1" unsharded
	RowsTotal          int      `json:"rows_total"` // rows in the rows file, every shard's
}

// fileRef is a file and the SHA-256 of its bytes.
type fileRef struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// manifestRow is a row the run wrote.
type manifestRow struct {
	Row   int       `json:"row"`   // 1-based, in the rows file
	Where string    `json:"where"` // the row's place in the rows file
	Key   string    `json:"key"`   // its --name text (bookmark), or the row number
	Name  string    `json:"name"`  // its file name, without extension
	Pages int       `json:"pages"`
	Files []fileRef `json:"files,omitempty"` // one per format of -o and --zip
}

// manifestEnd is a manifest's last line: a manifest without it was cut
// short.
type manifestEnd struct {
	End     bool      `json:"end"`
	Rows    int       `json:"rows"`    // row lines written
	Outputs []fileRef `json:"outputs"` // the zip and the combined PDF
}

// manifestPath is where a run's manifest goes: beside the combined PDF,
// or the zip (ALL.pdf → ALL.manifest.jsonl), else in -o.
func (m *merger) manifestPath() string {
	if m.f.manifest != "" {
		return m.f.manifest
	}
	for _, o := range []string{m.f.combined, m.f.zip} {
		if o != "" {
			return strings.TrimSuffix(o, filepath.Ext(o)) + ".manifest.jsonl"
		}
	}
	return filepath.Join(m.f.dir, "manifest.jsonl")
}

// header describes the run, with its inputs as they were read.
func (m *merger) header() (*manifestHeader, error) {
	h := &manifestHeader{
		Manifest: manifestKind, Version: 1, Template: m.tmpl, Sheet: m.f.sheet,
		Name: m.f.name, ASCIINames: m.f.ascii, NumberFrom: m.f.numberFrom,
		Duplex: m.f.duplex, AllowInconsistent: m.f.allow, IgnoreExtraColumns: m.f.ignoreExtra,
		Shard: fmt.Sprintf("%d/%d", m.shard.I, max(m.shard.N, 1)), RowsTotal: len(m.rows.Rows),
	}
	if len(m.fmts) > 0 {
		h.Format = m.f.format
	}
	for _, x := range m.f.ms {
		h.Milestones = append(h.Milestones, (&milestones{x}).String())
	}
	h.Rows, h.Data, h.Units, h.Sort = m.rowsRef, m.dataRef, m.unitsRef, m.f.sort
	return h, nil
}

// stableHash returns the hash of path taken after reading it, when it is
// the one taken before: the manifest vouches only for bytes that did not
// change while they were read.
func stableHash(path string, before fileRef, errBefore error) (fileRef, error) {
	if errBefore != nil {
		return fileRef{}, errBefore
	}
	after, err := hashFile(path)
	if err != nil {
		return fileRef{}, err
	}
	if after.SHA256 != before.SHA256 {
		return fileRef{}, fmt.Errorf("%s changed while being read; run again once it is written", path)
	}
	return after, nil
}

// maxInputHash bounds the files a manifest hashes: the rows and data
// files were read under smaller bounds already.
const maxInputHash = 1 << 30

// hashFile returns path and the SHA-256 of its bytes.
func hashFile(path string) (fileRef, error) {
	f, err := openInput(path, maxInputHash)
	if err != nil {
		return fileRef{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fileRef{}, fmt.Errorf("%s: %w", path, err)
	}
	return fileRef{Path: path, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// manifestSink writes a row line for each document put, under a
// temporary name committed with the run's other outputs.
type manifestSink struct {
	file *atomicfile.File
	w    *bufio.Writer
	enc  *json.Encoder
	rows []*dataRow // by the Renderer's index: the shard's rows
	n    int
}

func newManifestSink(path string, h *manifestHeader, rows []*dataRow) (*manifestSink, error) {
	f, err := atomicfile.Create(path)
	if err != nil {
		return nil, err
	}
	s := &manifestSink{file: f, w: bufio.NewWriterSize(f, 64<<10), rows: rows}
	s.enc = json.NewEncoder(s.w)
	s.enc.SetEscapeHTML(false)
	if err := s.enc.Encode(h); err != nil {
		f.Abort()
		return nil, err
	}
	return s, nil
}

// Put writes r's row line.
func (s *manifestSink) Put(r *batch.Rendered) error {
	row := s.rows[r.Index]
	l := manifestRow{Row: row.Index + 1, Where: row.Where(), Key: r.Title, Name: r.Name, Pages: r.Pages}
	for _, f := range r.Files {
		l.Files = append(l.Files, fileRef{Path: f.Name, SHA256: hexSum(f.Data)})
	}
	s.n++
	return s.enc.Encode(l)
}

// Close does nothing: finish writes the end line once the other outputs
// are complete.
func (s *manifestSink) Close() error { return nil }

// finish writes the end line and flushes; the caller commits the file.
func (s *manifestSink) finish(outputs []fileRef) error {
	if err := s.enc.Encode(manifestEnd{End: true, Rows: s.n, Outputs: outputs}); err != nil {
		return err
	}
	return s.w.Flush()
}

// hashingFile is an output and the hash of what was written to it.
type hashingFile struct {
	path string
	h    hash.Hash
}

func (h hashingFile) ref() fileRef {
	return fileRef{Path: h.path, SHA256: hex.EncodeToString(h.h.Sum(nil))}
}

// errManifest marks a manifest that cannot be read.
var errManifest = errors.New("not a bhytdoc merge manifest")

// hexSum is the SHA-256 of b in hex.
func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
