// Package atomicfile writes output files all at once: a failed run leaves
// neither a half-written document nor a stray temporary file.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write stores data as dir/name (mode 0644), creating dir if needed. The
// bytes go to a temporary file in dir that is renamed into place only
// when complete. It returns the path written.
func Write(dir, name string, data []byte) (path string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if err = f.Chmod(0o644); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	path = filepath.Join(dir, name)
	if err = os.Rename(f.Name(), path); err != nil {
		return "", err
	}
	return path, nil
}
