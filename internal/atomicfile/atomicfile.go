// Package atomicfile writes output files all at once: a failed run leaves
// neither a half-written document, nor one file of a set beside a stale
// other, nor — after the next run — a stray temporary file.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// tmpMark is in the name of every temporary file: ".NAME.bhytdoc-tmp-*".
const tmpMark = ".bhytdoc-tmp-"

// StaleAfter is the age after which a temporary file left in an output
// directory (by a run that was killed) is removed by the next run. A live
// run renames its temporaries within moments of creating them.
const StaleAfter = 10 * time.Minute

// Write stores data as dir/name (mode 0644), creating dir if needed. The
// bytes go to a temporary file in dir that is renamed into place only
// when complete. It returns the path written.
func Write(dir, name string, data []byte) (path string, err error) {
	s, err := NewSet(dir)
	if err != nil {
		return "", err
	}
	if err := s.Add(name, data); err != nil {
		return "", err
	}
	paths, err := s.Commit()
	if err != nil {
		return "", err
	}
	return paths[0], nil
}

// Set is a group of files written together: each is written to a
// temporary file in the directory, and only when every one has been
// written are they renamed into place. A Set is not safe for concurrent
// use.
type Set struct {
	dir   string
	names []string
	tmps  []string
	done  bool
}

// NewSet starts a set of files in dir, creating dir if needed, and
// removes the temporaries that runs killed more than StaleAfter ago left
// there.
func NewSet(dir string) (*Set, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	CleanStale(dir, time.Now().Add(-StaleAfter))
	return &Set{dir: dir}, nil
}

// CleanStale removes the temporary files in dir last modified before
// cutoff. It reports nothing: a file it cannot remove is left for later.
func CleanStale(dir string, cutoff time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !isTemp(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tmpMark)
}

// Add writes data to a temporary file for dir/name. On error the set is
// aborted: its temporaries are removed.
func (s *Set) Add(name string, data []byte) (err error) {
	if s.done {
		return errors.New("atomicfile: set already committed or aborted")
	}
	defer func() {
		if err != nil {
			s.Abort()
		}
	}()
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		return fmt.Errorf("atomicfile: %q is not a file name", name)
	}
	for _, n := range s.names {
		if n == name {
			return fmt.Errorf("atomicfile: %s given twice", name)
		}
	}
	f, err := os.CreateTemp(s.dir, "."+name+tmpMark+"*")
	if err != nil {
		return err
	}
	s.tmps = append(s.tmps, f.Name())
	s.names = append(s.names, name)
	if _, err = f.Write(data); err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(s.dir, name), err)
	}
	return nil
}

// Commit renames every temporary file into place and returns the paths
// written, in the order added. Targets that cannot be replaced (a
// directory) are found before anything is renamed.
func (s *Set) Commit() ([]string, error) {
	if s.done {
		return nil, errors.New("atomicfile: set already committed or aborted")
	}
	paths := make([]string, len(s.names))
	for i, n := range s.names {
		paths[i] = filepath.Join(s.dir, n)
		if st, err := os.Lstat(paths[i]); err == nil && st.IsDir() {
			s.Abort()
			return nil, &fs.PathError{Op: "replace", Path: paths[i], Err: errors.New("is a directory")}
		}
	}
	for i, tmp := range s.tmps {
		if err := os.Rename(tmp, paths[i]); err != nil {
			s.Abort()
			if i > 0 {
				return nil, fmt.Errorf("%w (already written: %s)", err, strings.Join(paths[:i], ", "))
			}
			return nil, err
		}
	}
	s.done = true
	return paths, nil
}

// Abort removes the set's temporary files; nothing is written. It may be
// called after Commit, when it does nothing.
func (s *Set) Abort() {
	if s.done {
		return
	}
	s.done = true
	for _, tmp := range s.tmps {
		os.Remove(tmp) // already renamed ones are gone from here
	}
}
