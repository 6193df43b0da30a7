//go:build !linux

package atomicfile

import "os"

// syncFiles makes the files durable, one fsync each.
func syncFiles(_ string, paths []string) error { return fsyncEach(paths) }

// startWriteback does nothing: the sync at the end writes the files.
func startWriteback(*os.File) {}

// rename renames old to new in d.
func (d *dir) rename(old, new string) error { return d.root.Rename(old, new) }
