package atomicfile

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// syncFiles makes the files written in dir durable: a few with one
// fsync each, more with one syncfs(2) of dir's file system, as fsync of
// each of 10,000 files costs more than the writing. A few are not worth a
// syncfs, which also waits for every other dirty file of the file system
// (a server's, a build's): a render of one PDF waited for it.
func syncFiles(dir string, paths []string) error {
	if len(paths) <= fsyncMax {
		return fsyncEach(paths)
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return unix.Syncfs(int(d.Fd()))
}

// startWriteback asks the kernel to start writing f's pages to disk now,
// without waiting: the one sync at the end of a set of 10,000 files then
// finds most of them written, rather than waiting for all at once (the
// writeback of a 400 MB set otherwise starts only at that sync, the
// kernel's own flusher waiting up to 30 s). Failure is harmless: the sync
// writes what is left.
func startWriteback(f *os.File) {
	unix.SyncFileRange(int(f.Fd()), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
}

// rename renames old to new in d; Commit has checked new already, so the
// lstat os.Rename and os.Root.Rename make first would be a second one.
func (d *dir) rename(old, new string) error {
	if err := unix.Renameat(int(d.f.Fd()), old, int(d.f.Fd()), new); err != nil {
		return &os.LinkError{Op: "rename", Old: filepath.Join(d.path, old), New: filepath.Join(d.path, new), Err: err}
	}
	return nil
}
