package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"sort"
	"time"
)

// sortedZip is the excelize.ZipWriter that makes workbooks reproducible.
// excelize creates the zip entries of streamed sheets in map order and the
// standard zip writer stamps nothing, so entries are buffered, then written
// in a fixed order with one fixed time stamp.
type sortedZip struct {
	w     io.Writer
	mod   time.Time
	files map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer, mod time.Time) *sortedZip {
	return &sortedZip{w: w, mod: mod, files: map[string]*bytes.Buffer{}}
}

// Create buffers the entry name until Close.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if _, dup := z.files[name]; dup {
		return nil, errors.New("xlsx: duplicate zip entry " + name)
	}
	b := new(bytes.Buffer)
	z.files[name] = b
	return b, nil
}

// AddFS is not used by excelize's writer and not supported.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not supported") }

// Close writes the entries: the content types first, as Office writes
// them, then the package relationships, then the rest by name.
func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.files))
	for n := range z.files {
		names = append(names, n)
	}
	rank := func(n string) int {
		switch n {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	sort.Slice(names, func(i, j int) bool {
		ri, rj := rank(names[i]), rank(names[j])
		if ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(z.w)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: z.mod})
		if err != nil {
			return err
		}
		if _, err := fw.Write(z.files[n].Bytes()); err != nil {
			return err
		}
	}
	z.files = nil
	return zw.Close()
}
