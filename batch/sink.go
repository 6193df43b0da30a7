package batch

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
)

// DirSink writes the documents' files into a directory, all of them
// together: Put checks each file's name and has it written under a
// temporary name in the background (a failure is returned by a later Put
// or by Close), and Close makes them durable (one sync for the batch)
// and renames them into place. A batch that stops — a failed document,
// a cancelled context — leaves nothing: Render calls Abort, which
// removes the temporaries, and a process that is killed leaves only
// marked ones, which the next run in the directory removes. Existing
// files of the same names are replaced; a target that is not a regular
// file (a directory, a FIFO, a symbolic link) is refused.
type DirSink struct {
	dir   string
	set   *atomicfile.Set
	names map[string]bool
	// Written, when set, is called by Close with the path of each file
	// written.
	Written func(path string)
}

// NewDirSink returns a sink writing into dir, created when missing.
func NewDirSink(dir string) *DirSink { return &DirSink{dir: dir, names: map[string]bool{}} }

// Put has r's files written under temporary names. A name already put in
// this batch is an error, never an overwrite; so is a document without
// files (a Renderer without Formats makes layouts only). The files' Data
// is written after Put returns: it must not change until Close or Abort,
// one of which must be called (Render does) to stop the writers.
func (s *DirSink) Put(r *Rendered) error {
	if s.dir == "" {
		return errors.New("batch: DirSink without a directory (use NewDirSink)")
	}
	if len(r.Files) == 0 {
		return errors.New("batch: DirSink needs files: set the Renderer's Formats")
	}
	if s.set == nil {
		set, err := atomicfile.NewSet(s.dir) // stale temporaries cleaned once per batch
		if err != nil {
			return err
		}
		s.set = set
		if s.names == nil {
			s.names = map[string]bool{}
		}
	}
	for _, f := range r.Files {
		if err := checkName(s.names, f.Name); err != nil {
			return err
		}
		// Written in the background: the file system's work for each
		// file (creating it most of all) overlaps the next documents'.
		if err := s.set.AddAsync(f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// Close renames every file into place.
func (s *DirSink) Close() error {
	if s.set == nil {
		return nil
	}
	paths, err := s.set.Commit()
	if s.Written != nil {
		for _, p := range paths {
			s.Written(p)
		}
	}
	return err
}

// Abort removes the files put so far; nothing is written.
func (s *DirSink) Abort() {
	if s.set != nil {
		s.set.Abort()
	}
}

// checkName refuses file names that are empty, leave the directory or
// repeat one of the batch (folded as file systems that ignore case do).
func checkName(seen map[string]bool, name string) error {
	if !safeName(name) {
		return fmt.Errorf("batch: %q is not a safe file name (see FileName)", name)
	}
	k := foldKey(name)
	if seen[k] {
		return fmt.Errorf("batch: file name %q used twice (see Names)", name)
	}
	seen[k] = true
	return nil
}

// safeName reports whether name stays in its directory and is valid on
// common file systems: no separators or control characters, not "." or
// "..", at most 255 bytes.
func safeName(name string) bool {
	if name == "" || name == "." || name == ".." || len(name) > 255 || !utf8.ValidString(name) {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return false
		}
	}
	return true
}

// zipTime is the modification time of every zip entry: a fixed time keeps
// the archive's bytes the same for the same documents.
var zipTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// ZipSink writes each document's files into a zip archive, in input
// order.
type ZipSink struct {
	z     *zip.Writer
	names map[string]bool
}

// NewZipSink returns a sink writing a zip archive to w; Close finishes it.
func NewZipSink(w io.Writer) *ZipSink {
	return &ZipSink{z: zip.NewWriter(w), names: map[string]bool{}}
}

// Put adds r's files to the archive; a document without files (a
// Renderer without Formats) is an error.
func (s *ZipSink) Put(r *Rendered) error {
	if len(r.Files) == 0 {
		return errors.New("batch: ZipSink needs files: set the Renderer's Formats")
	}
	for _, f := range r.Files {
		if err := checkName(s.names, f.Name); err != nil {
			return err
		}
		w, err := s.z.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zipMethod(f.Name), Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := w.Write(f.Data); err != nil {
			return err
		}
	}
	return nil
}

// zipMethod is how a file is kept in the archive: PDF, DOCX and XLSX
// files are compressed already (deflate would spend half of a merge's
// CPU to save ~12% of a PDF), so they are stored; the rest is deflated.
func zipMethod(name string) uint16 {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf", ".docx", ".xlsx":
		return zip.Store
	}
	return zip.Deflate
}

// Close writes the archive's directory.
func (s *ZipSink) Close() error { return s.z.Close() }

// BookSink puts every document into one PDF (see bhytdoc.PDFBook), each
// with its Title as its outline entry; Close completes the PDF. The
// Renderer must make layouts: Formats nil or holding PDF.
type BookSink struct {
	book    *bhytdoc.PDFBook
	aborted bool
}

// NewBookSink returns a sink writing one PDF to w; o as for
// bhytdoc.NewPDFBook.
func NewBookSink(w io.Writer, o *bhytdoc.PDFBookOptions) *BookSink {
	return &BookSink{book: bhytdoc.NewPDFBook(w, o)}
}

// Put adds r to the book.
func (s *BookSink) Put(r *Rendered) error {
	if r.Layout == nil {
		return errors.New("batch: BookSink needs layouts: give the Renderer no Formats, or PDF among them")
	}
	return s.book.Add(r.Layout, r.Title)
}

// Pages returns the number of pages in the book so far, blank backs
// included.
func (s *BookSink) Pages() int { return s.book.Pages() }

// Close completes the PDF; after Abort it is an error.
func (s *BookSink) Close() error {
	if s.aborted {
		return errors.New("batch: BookSink aborted: the PDF is incomplete")
	}
	return s.book.Close()
}

// Abort marks the book incomplete: it is never closed as if whole. What
// was written to its io.Writer is the caller's to discard.
func (s *BookSink) Abort() { s.aborted = true }

// BookFile is a BookSink writing one PDF to a file, all or nothing: the
// book is written under a temporary name beside path and renamed into
// place by Close; Abort, or a failed Close, removes it, and an existing
// path is never left half overwritten.
type BookFile struct {
	BookSink
	f *atomicfile.File
}

// NewBookFile returns a sink writing one PDF to path; o as for
// bhytdoc.NewPDFBook. Its directory is created when missing.
func NewBookFile(path string, o *bhytdoc.PDFBookOptions) (*BookFile, error) {
	f, err := atomicfile.Create(path)
	if err != nil {
		return nil, err
	}
	return &BookFile{BookSink: *NewBookSink(f, o), f: f}, nil
}

// Close completes the PDF and renames it into place.
func (s *BookFile) Close() error {
	if err := s.BookSink.Close(); err != nil {
		s.f.Abort()
		return err
	}
	return s.f.Commit()
}

// Abort removes the unfinished file.
func (s *BookFile) Abort() {
	s.BookSink.Abort()
	s.f.Abort()
}

// Tee puts every document into each of sinks, in order, and closes them
// all.
func Tee(sinks ...Sink) Sink { return tee(sinks) }

type tee []Sink

func (t tee) Put(r *Rendered) error {
	for _, s := range t {
		if err := s.Put(r); err != nil {
			return err
		}
	}
	return nil
}

func (t tee) Abort() {
	for _, s := range t {
		abort(s)
	}
}

func (t tee) Close() error {
	var errs []error
	for _, s := range t {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}
