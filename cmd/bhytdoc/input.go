package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Limits on the files the command reads.
const (
	// maxTableBytes bounds a CSV or XLSX table (coverage.MaxInputBytes).
	maxTableBytes = 256 << 20
	// maxTextBytes bounds a Markdown source or a JSON/YAML data file.
	maxTextBytes = 16 << 20
)

// openInput opens a file named on the command line for reading. Only a
// regular file of at most limit bytes is accepted: a FIFO would block,
// a device (or a symbolic link to /dev/zero) would never end. The type
// is checked before opening, so that a FIFO is never opened, and again
// on the opened file, which is opened non-blocking in case it was
// replaced in between.
func openInput(path string, limit int64) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(path, st, limit); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|oNonblock, 0)
	if err != nil {
		return nil, err
	}
	fst, err := f.Stat()
	if err == nil {
		err = regular(path, fst, limit)
	}
	if err == nil && !os.SameFile(st, fst) {
		err = fmt.Errorf("%s: changed while being opened", path)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func regular(path string, st fs.FileInfo, limit int64) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file (%s)", path, fileKind(st.Mode()))
	}
	if st.Size() > limit {
		if limit < 1<<20 {
			return fmt.Errorf("%s: larger than %d bytes", path, limit)
		}
		return fmt.Errorf("%s: larger than %d MiB", path, limit>>20)
	}
	return nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

// readInput reads a regular file of at most limit bytes (see openInput).
func readInput(path string, limit int64) ([]byte, error) {
	f, err := openInput(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: larger than %d MiB", path, limit>>20) // it grew
	}
	return b, nil
}

// rootFS is the files under an os.Root, which symbolic links cannot lead
// out of, opened non-blocking so that a FIFO put there cannot hang the
// command (markdown checks that each file is a regular one).
type rootFS struct{ root *os.Root }

// Open opens name, a slash-separated path under the root.
func (r rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return r.root.OpenFile(name, os.O_RDONLY|oNonblock, 0)
}

// Stat describes name, following symbolic links inside the root.
func (r rootFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return r.root.Stat(name)
}
