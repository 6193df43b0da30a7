package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"sort"
	"time"
)

// sortedZip makes workbooks reproducible: the standard zip writer stamps
// nothing and keeps the order of creation, so entries are kept, then
// written in a fixed order with one fixed time stamp. Each entry is compressed as it
// comes, into a zip of its own, and copied raw at Close: a sheet of
// 100.000 rows is held as its 8 MB of deflated bytes, not its 100 MB of
// XML, and the bytes are those the zip writer gives for the entry, but
// for a generated sheet longer than deflateChunk, deflated on every core
// (see chunkDeflater).
type sortedZip struct {
	w     io.Writer
	mod   time.Time
	files map[string]*entry
	err   error
	last  *entry // being written
}

// entry is one zip entry, compressed into a zip of its own.
type entry struct {
	buf   bytes.Buffer
	zw    *zip.Writer
	fw    io.Writer
	async *asyncWriter // deflates a generated sheet on another core
	done  bool
}

// finish completes entry e, which returns its deflater to the
// zip package's pool for the next.
func (z *sortedZip) finish(e *entry) {
	if e.done {
		return
	}
	e.done = true
	if e.async != nil {
		if err := e.async.close(); err != nil && z.err == nil {
			z.err = err
		}
	}
	if err := e.zw.Close(); err != nil && z.err == nil {
		z.err = err
	}
}

func newSortedZip(w io.Writer, mod time.Time) *sortedZip {
	return &sortedZip{w: w, mod: mod, files: map[string]*entry{}}
}

// create compresses the entry name as it is written; a sheet with
// generated rows (big) is deflated in chunks on every core.
func (z *sortedZip) create(name string, big bool) (io.Writer, error) {
	if _, dup := z.files[name]; dup {
		return nil, errors.New("xlsx: duplicate zip entry " + name)
	}
	// Entries are written one after the other, as a zip.Writer wants.
	if z.last != nil {
		z.finish(z.last)
	}
	e := &entry{}
	z.last = e
	e.zw = zip.NewWriter(&e.buf)
	if big {
		e.zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return newChunkDeflater(w), nil })
	} else {
		e.zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return newStdDeflater(w), nil })
	}
	fw, err := e.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.mod})
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.files[name] = e
	if big {
		e.async = newAsyncWriter(fw)
		return e.async, nil
	}
	return fw, nil
}

// Close writes the entries: the content types first, as Office writes
// them, then the package relationships, then the rest by name. Nothing is
// written when generating a sheet's rows failed.
func (z *sortedZip) Close() error {
	for _, e := range z.files {
		z.finish(e)
	}
	if z.err != nil {
		return z.err
	}
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
		b := z.files[n].buf.Bytes()
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return err
		}
		// zw.Copy, without the 32 KB buffer io.Copy makes per entry.
		f := zr.File[0]
		off, err := f.DataOffset()
		if err != nil {
			return err
		}
		fh := f.FileHeader
		fw, err := zw.CreateRaw(&fh)
		if err != nil {
			return err
		}
		if _, err := fw.Write(b[off : off+int64(f.CompressedSize64)]); err != nil {
			return err
		}
		delete(z.files, n)
	}
	return zw.Close()
}

// asyncWriter writes to w on a goroutine of its own, so that a sheet's
// rows are made on one core while the previous ones are deflated on
// another. It holds at most a few chunks.
type asyncWriter struct {
	ch, free chan []byte
	done     chan struct{}
	err      error // set by the goroutine, read after done
}

func newAsyncWriter(w io.Writer) *asyncWriter {
	const chunks = 4
	a := &asyncWriter{ch: make(chan []byte, chunks), free: make(chan []byte, chunks), done: make(chan struct{})}
	for range chunks {
		a.free <- nil // grown to the writes' size as needed: most sheets are small
	}
	go func() {
		defer close(a.done)
		for b := range a.ch {
			if a.err == nil {
				_, a.err = w.Write(b)
			}
			a.free <- b
		}
	}()
	return a
}

// Write queues a copy of p; an error of w is reported by close.
func (a *asyncWriter) Write(p []byte) (int, error) {
	b := <-a.free
	a.ch <- append(b[:0], p...)
	return len(p), nil
}

func (a *asyncWriter) close() error {
	close(a.ch)
	<-a.done
	return a.err
}
