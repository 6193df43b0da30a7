// Package atomicfile writes output files all at once: a failed run leaves
// neither a half-written document, nor one file of a set beside a stale
// other, nor — after the next run — a stray temporary file.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	seen  map[string]bool
	done  bool
	bg    *background // AddAsync's writers, started by the first call
}

// NewSet starts a set of files in dir, creating dir if needed, and
// removes the temporaries that runs killed more than StaleAfter ago left
// there.
func NewSet(dir string) (*Set, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	CleanStale(dir, time.Now().Add(-StaleAfter))
	return &Set{dir: dir, seen: map[string]bool{}}, nil
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

// createTemp creates a temporary file for name in dir, named as isTemp
// recognises: ".NAME.bhytdoc-tmp-*".
func createTemp(dir, name string) (*os.File, error) {
	return os.CreateTemp(dir, "."+name+tmpMark+"*")
}

func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tmpMark)
}

// Add writes data to a temporary file for dir/name. The file is made
// durable by Commit, with the others (one sync for the set, not one per
// file). On error the set is aborted: its temporaries are removed.
func (s *Set) Add(name string, data []byte) error {
	return s.add(name, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// AddFunc is Add of what write writes, so that a large file is never
// held whole in memory: it goes to the temporary file as it is made.
func (s *Set) AddFunc(name string, write func(io.Writer) error) error {
	return s.add(name, func(f *os.File) error { return writeBuffered(f, write) })
}

// writeBuffered has write write to f through a buffer, which it flushes.
func writeBuffered(f *os.File, write func(io.Writer) error) error {
	bw := bufio.NewWriterSize(f, 32<<10)
	if err := write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// AddFuncs is AddFunc of several files written at once, each by its own
// goroutine: names[i] is written by writes[i]. The files are added in
// the order given; the first error is returned, and aborts the set.
func (s *Set) AddFuncs(names []string, writes []func(io.Writer) error) (err error) {
	if len(names) != len(writes) {
		return fmt.Errorf("atomicfile: %d names for %d writers", len(names), len(writes))
	}
	defer func() {
		if err != nil {
			s.Abort()
		}
	}()
	files := make([]*os.File, 0, len(names))
	for _, n := range names {
		f, err := s.create(n)
		if err != nil {
			for _, f := range files {
				f.Close()
			}
			return err
		}
		files = append(files, f)
	}
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			errs[i] = s.finish(f, names[i], writeBuffered(f, writes[i]))
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// AddAsync is Add of data written in the background: it checks name and
// returns at once, while one of a few goroutines of the set creates,
// writes and closes the temporary file, so that a caller putting
// thousands of files in order (DirSink) is not held up by the file
// system's work for each (creating a file in a directory of thousands is
// the slowest part, and the kernel does it one file at a time per
// directory). data must not change until Commit or Abort returns. A
// failure is returned by a later AddAsync or by Commit, which then
// aborts the set; the files are renamed in the order added.
func (s *Set) AddAsync(name string, data []byte) error {
	if err := s.check(name); err != nil {
		return err
	}
	if s.bg == nil {
		s.bg = newBackground(s.dir, asyncWriters)
	}
	if err := s.bg.failed(); err != nil {
		s.Abort()
		return err
	}
	s.seen[name] = true
	s.names = append(s.names, name)
	s.tmps = append(s.tmps, "") // set by the writer once created
	s.bg.jobs <- asyncJob{i: len(s.tmps) - 1, name: name, data: data}
	return nil
}

// asyncWriters is how many goroutines write a set's files for AddAsync:
// two, so that one writes and closes a file while the other creates the
// next (creation is serial per directory, in the kernel).
const asyncWriters = 2

// background is AddAsync's writers.
type background struct {
	dir  string
	jobs chan asyncJob
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error          // the first failure
	tmps map[int]string // temporary files created, by index in the set
}

type asyncJob struct {
	i    int
	name string
	data []byte
}

func newBackground(dir string, n int) *background {
	jobs := make(chan asyncJob, 2*n)
	b := &background{dir: dir, jobs: jobs, tmps: map[int]string{}}
	for range n {
		b.wg.Go(func() { b.work(jobs) }) // wait sets b.jobs to nil
	}
	return b
}

func (b *background) work(jobs <-chan asyncJob) {
	for j := range jobs {
		if b.failed() != nil {
			continue // drained; the set is being aborted
		}
		f, err := createTemp(b.dir, j.name)
		if err == nil {
			b.mu.Lock()
			b.tmps[j.i] = f.Name()
			b.mu.Unlock()
			_, err = f.Write(j.data)
			err = finishFile(f, b.dir, j.name, err)
		}
		if err != nil {
			b.mu.Lock()
			if b.err == nil {
				b.err = err
			}
			b.mu.Unlock()
		}
	}
}

// failed returns the first failure so far.
func (b *background) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// wait stops the writers once they have written what was queued, copies
// the names of the temporaries into tmps and returns the first failure.
// It may be called more than once.
func (b *background) wait(tmps []string) error {
	if b.jobs != nil {
		close(b.jobs)
		b.jobs = nil
	}
	b.wg.Wait()
	for i, t := range b.tmps {
		tmps[i] = t
	}
	return b.err
}

func (s *Set) add(name string, write func(*os.File) error) (err error) {
	defer func() {
		if err != nil {
			s.Abort()
		}
	}()
	f, err := s.create(name)
	if err != nil {
		return err
	}
	return s.finish(f, name, write(f))
}

// check refuses name when the set is finished, when it is no file name
// or when it was given before.
func (s *Set) check(name string) error {
	if s.done {
		return errors.New("atomicfile: set already committed or aborted")
	}
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		return fmt.Errorf("atomicfile: %q is not a file name", name)
	}
	if s.seen[name] {
		return fmt.Errorf("atomicfile: %s given twice", name)
	}
	return nil
}

// create starts the temporary file of name.
func (s *Set) create(name string) (*os.File, error) {
	if err := s.check(name); err != nil {
		return nil, err
	}
	f, err := createTemp(s.dir, name)
	if err != nil {
		return nil, err
	}
	s.seen[name] = true
	s.tmps = append(s.tmps, f.Name())
	s.names = append(s.names, name)
	return f, nil
}

// finish closes the temporary file f of name, written with error err.
func (s *Set) finish(f *os.File, name string, err error) error {
	return finishFile(f, s.dir, name, err)
}

// finishFile closes the temporary file f of dir/name, written with error
// err.
func finishFile(f *os.File, dir, name string, err error) error {
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		startWriteback(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
	}
	return nil
}

// Commit makes the temporary files durable, renames every one into place
// and makes the directory durable, then returns the paths written, in
// the order added. Targets that are not regular files (a directory, a
// FIFO, a device, a symbolic link) are refused before anything is
// renamed: an output never writes through or replaces one.
func (s *Set) Commit() ([]string, error) {
	if s.done {
		return nil, errors.New("atomicfile: set already committed or aborted")
	}
	if s.bg != nil {
		if err := s.bg.wait(s.tmps); err != nil {
			s.Abort()
			return nil, err
		}
	}
	// Every call below is relative to the open directory: 10,000 renames
	// at the end of a run are serial, and a walk of the directory's path
	// for each check and each rename (and os.Rename's own lstat) made that
	// tail a third longer.
	d, err := openDir(s.dir)
	if err != nil {
		s.Abort()
		return nil, err
	}
	defer d.close()
	paths := make([]string, len(s.names))
	for i, n := range s.names {
		paths[i] = filepath.Join(s.dir, n)
		if st, err := d.root.Lstat(n); err == nil {
			if err := checkInfo(paths[i], st); err != nil {
				s.Abort()
				return nil, err
			}
		}
	}
	if err := syncFiles(s.dir, s.tmps); err != nil {
		s.Abort()
		return nil, err
	}
	for i, tmp := range s.tmps {
		if err := d.rename(filepath.Base(tmp), s.names[i]); err != nil {
			s.Abort()
			if i > 0 {
				return nil, fmt.Errorf("%w (already written: %s)", err, strings.Join(paths[:i], ", "))
			}
			return nil, err
		}
	}
	s.done = true
	return paths, syncDir(s.dir)
}

// CheckTarget refuses an existing path that is not a regular file: an
// output replaces only a file of its own kind.
func CheckTarget(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil
	}
	return checkInfo(path, st)
}

// checkInfo is CheckTarget of path, which exists as st.
func checkInfo(path string, st fs.FileInfo) error {
	if st.Mode().IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch m := st.Mode(); {
	case m.IsDir():
		kind = "is a directory"
	case m&fs.ModeSymlink != 0:
		kind = "is a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		kind = "is a FIFO"
	case m&fs.ModeDevice != 0:
		kind = "is a device"
	case m&fs.ModeSocket != 0:
		kind = "is a socket"
	}
	return &fs.PathError{Op: "replace", Path: path, Err: errors.New(kind + "; an output replaces only a regular file")}
}

// dir is an open output directory, for Commit.
type dir struct {
	path string
	root *os.Root
	f    *os.File // for renameat, on Linux
}

func openDir(path string) (*dir, error) {
	r, err := os.OpenRoot(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		r.Close()
		return nil, err
	}
	return &dir{path: path, root: r, f: f}, nil
}

func (d *dir) close() {
	d.root.Close()
	d.f.Close()
}

// fsyncMax is the most files a set makes durable one fsync each; a
// larger set is synced at once where the system can (syncFiles).
const fsyncMax = 16

// fsyncEach makes the files at paths durable, one fsync each.
func fsyncEach(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// syncDir makes a directory's entries (the renames) durable. Some file
// systems cannot sync a directory; the files are durable already, so a
// failure here is not the run's.
func syncDir(dir string) error {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// File is one output file written under a temporary name beside its path
// and renamed into place by Commit; until then a run that fails or is
// interrupted leaves nothing that looks complete, and the temporary name
// carries the mark by which later runs remove it, should the process be
// killed.
type File struct {
	*os.File
	path string
	done bool
}

// Create starts the output file path, creating its directory if needed
// and removing stale temporaries there (see NewSet). An existing path
// that is not a regular file is refused.
func Create(path string) (*File, error) {
	if err := CheckTarget(path); err != nil {
		return nil, err
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	CleanStale(dir, time.Now().Add(-StaleAfter))
	f, err := createTemp(dir, name)
	if err != nil {
		return nil, err
	}
	return &File{File: f, path: path}, nil
}

// Path returns the path the file is committed to.
func (f *File) Path() string { return f.path }

// Commit makes the file durable and renames it into place.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: file already committed or aborted")
	}
	err := CheckTarget(f.path)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), f.path)
	}
	if err != nil {
		f.Abort()
		return err
	}
	f.done = true
	return syncDir(filepath.Dir(f.path))
}

// Abort removes the temporary file; it does nothing after Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
}

// Abort removes the set's temporary files; nothing is written. It may be
// called after Commit, when it does nothing.
func (s *Set) Abort() {
	if s.done {
		return
	}
	s.done = true
	if s.bg != nil {
		s.bg.wait(s.tmps) // every temporary created, to be removed
	}
	for _, tmp := range s.tmps {
		if tmp != "" {
			os.Remove(tmp) // already renamed ones are gone from here
		}
	}
}
