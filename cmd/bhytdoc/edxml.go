package main

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/edxml"
)

// maxPackageBytes bounds an edXML package read by "edxml read": its
// attachments decode to at most three quarters of it.
const maxPackageBytes = 2 << 30

// runEdxml builds the edXML package of a signed PDF, or with "read"
// reads one.
func runEdxml(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "read" {
		return runEdxmlRead(args[1:], stdout, stderr)
	}
	fs := newFlags("edxml", stderr)
	source := fs.String("source", "", "the Markdown `source` the PDF was rendered from (required)")
	docx := fs.String("docx", "", "also attach this DOCX `file`")
	out := fs.String("o", "", "output `file` (required), e.g. OUT.edxml")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, "bhytdoc edxml: "+msg)
		fs.Usage()
		return exitUsage
	}
	switch {
	case len(pos) != 1:
		return usageErr("want exactly one PDF")
	case *source == "":
		return usageErr("--source is required")
	case *out == "":
		return usageErr("-o is required")
	}
	for _, in := range []string{pos[0], *source, *docx} {
		if in != "" && sameFile(in, *out) {
			return usageErr("-o " + *out + " is an input file")
		}
	}
	pdf, err := readInput(pos[0], bhytdoc.MaxInfoSize)
	if err != nil {
		return report(stderr, "", err)
	}
	files := []edxml.Attachment{{Name: filepath.Base(pos[0]), Data: pdf}}
	if *docx != "" {
		b, err := readInput(*docx, bhytdoc.MaxInfoSize)
		if err != nil {
			return report(stderr, "", err)
		}
		files = append(files, edxml.Attachment{Name: filepath.Base(*docx), Data: b})
	}
	data, err := readInput(*source, maxTextBytes)
	if err != nil {
		return report(stderr, "", err)
	}
	root, err := os.OpenRoot(filepath.Dir(*source))
	if err != nil {
		return report(stderr, "", err)
	}
	defer root.Close()
	s, err := parseSource(data, *source, root)
	if err != nil {
		return printErrors(stderr, *source, relocate(err, filepath.Dir(*source)))
	}
	p, err := edxml.FromDocument(s.Doc, files...)
	if err != nil {
		return report(stderr, *source, err)
	}
	var buf bytes.Buffer
	if err := edxml.Write(&buf, p); err != nil {
		return report(stderr, *out, err)
	}
	if err := writeSet(stdout, filepath.Dir(*out), []output{{filepath.Base(*out), buf.Bytes()}}); err != nil {
		return report(stderr, *out, err)
	}
	return exitOK
}

// packageReport is what "edxml read" prints.
type packageReport struct {
	Header      edxml.Header `json:"header"`
	Attachments []fileReport `json:"attachments"`
}

type fileReport struct {
	ContentID   string `json:"content_id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	Path        string `json:"path,omitempty"`
}

// runEdxmlRead prints a package's header and attachments as JSON and,
// with -o, extracts the attachments into DIR: each streams to a temporary
// file inside DIR (through os.Root, so no name leaves it) and all are
// renamed into place only when the whole package has been read; a name
// already present in DIR is an error, never overwritten.
func runEdxmlRead(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("edxml read", stderr)
	dir := fs.String("o", "", "extract the attachments into `dir`")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "bhytdoc edxml read: want exactly one package")
		fs.Usage()
		return exitUsage
	}
	f, err := openInput(pos[0], maxPackageBytes)
	if err != nil {
		return report(stderr, "", err)
	}
	defer f.Close()
	x := &extractor{}
	if *dir != "" {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return report(stderr, "", err)
		}
		if x.root, err = os.OpenRoot(*dir); err != nil {
			return report(stderr, "", err)
		}
		defer x.root.Close()
		x.dir = *dir
	}
	p, err := edxml.ReadWith(f, &edxml.ReadOptions{MaxAttachmentBytes: -1, Content: x.open})
	if err == nil {
		err = x.finish()
	}
	if err != nil {
		x.abort()
		return report(stderr, pos[0], errors.New(strings.TrimPrefix(err.Error(), "edxml: ")))
	}
	rep := packageReport{Header: p.Header, Attachments: x.files}
	for i := range rep.Attachments {
		rep.Attachments[i].Description = p.Attachments[i].Description
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return report(stderr, pos[0], err)
	}
	fmt.Fprintf(stdout, "%s\n", b)
	return exitOK
}

// extractor receives attachments from edxml.ReadWith: it hashes each and,
// with a root, writes it to a temporary file there.
type extractor struct {
	root  *os.Root
	dir   string
	files []fileReport
	tmps  []*os.File
	cur   *sink
}

type sink struct {
	rep *fileReport
	h   hash.Hash
	f   *os.File
}

func (s *sink) Write(p []byte) (int, error) {
	s.h.Write(p)
	s.rep.Size += int64(len(p))
	if s.f != nil {
		return s.f.Write(p)
	}
	return len(p), nil
}

func (x *extractor) open(a *edxml.Attachment) (io.Writer, error) {
	x.close()
	x.files = append(x.files, fileReport{ContentID: a.ContentID, Name: a.Name, ContentType: a.ContentType})
	s := &sink{rep: &x.files[len(x.files)-1], h: sha256.New()}
	if x.root != nil {
		// edxml has checked the name is a plain file name; the root
		// keeps it inside the directory whatever it is.
		if _, err := x.root.Lstat(a.Name); err == nil {
			return nil, fmt.Errorf("%s: %s exists: extract into an empty directory", a.Name, filepath.Join(x.dir, a.Name))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, r := range x.files[:len(x.files)-1] {
			if r.Name == a.Name {
				return nil, fmt.Errorf("two attachments are named %s", a.Name)
			}
		}
		f, err := x.root.OpenFile(tmpName(a.Name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		s.f = f
		x.tmps = append(x.tmps, f)
		s.rep.Path = filepath.Join(x.dir, a.Name)
	}
	x.cur = s
	return s, nil
}

// close finishes the attachment being written.
func (x *extractor) close() {
	if x.cur != nil {
		x.cur.rep.SHA256 = hex.EncodeToString(x.cur.h.Sum(nil))
		x.cur = nil
	}
}

func tmpName(name string) string {
	var b [6]byte
	rand.Read(b[:])
	return "." + name + ".bhytdoc-tmp-" + hex.EncodeToString(b[:])
}

// finish renames the temporary files into place once the package is read.
func (x *extractor) finish() error {
	x.close()
	for i, f := range x.tmps {
		if err := f.Close(); err != nil {
			return err
		}
		if err := x.root.Rename(filepath.Base(f.Name()), x.files[i].Name); err != nil {
			return err
		}
	}
	x.tmps = nil
	return nil
}

// abort removes the temporary files of a failed read.
func (x *extractor) abort() {
	for _, f := range x.tmps {
		f.Close()
		x.root.Remove(filepath.Base(f.Name()))
	}
}
