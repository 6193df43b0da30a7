package xlsx

import (
	"bytes"
	"compress/flate"
	"io"
	"runtime"
	"sync"

	kflate "github.com/klauspost/compress/flate"
)

// deflateChunk is the input a large sheet is deflated in: a sheet of
// 100.000 rows is about 100 of them.
const deflateChunk = 1 << 20

// zipLevel is the level archive/zip deflates at.
const zipLevel = 5

// chunkDeflater is the zip compressor of a generated sheet. A sheet that
// fits in one chunk is deflated as archive/zip deflates it, so its bytes
// are those of the standard writer. A longer one is cut into chunks of
// deflateChunk bytes, deflated on every core at once, each with the 32 KiB
// before it as its dictionary and ending on a byte boundary (a sync
// flush), the last as the end of the stream: one valid deflate stream,
// the same bytes on every run, whatever the cores, as the cuts depend on
// the length only. At most a few chunks are held, in and out.
type chunkDeflater struct {
	w     io.Writer
	cur   []byte
	dict  []byte // the last 32 KiB before cur
	queue chan chan *bytes.Buffer
	sem   chan struct{}
	done  chan struct{}
	err   error // of w, set by the writing goroutine, read after done
}

// newChunkDeflater starts with no chunk: most sheets are a few kilobytes.
func newChunkDeflater(w io.Writer) *chunkDeflater { return &chunkDeflater{w: w} }

func (d *chunkDeflater) Write(p []byte) (int, error) {
	n := len(p)
	if cap(d.cur) < deflateChunk && len(d.cur)+len(p) > smallSheet { // a long one
		d.cur = append(getChunk(), d.cur...)
	}
	for len(p) > 0 {
		if len(d.cur) == deflateChunk { // more follows: not the last
			d.dispatch(false)
		}
		k := min(len(p), deflateChunk-len(d.cur))
		d.cur = append(d.cur, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// dispatch deflates the current chunk on a core of its own; the writing
// goroutine writes the results in order. Chunks, results and deflaters
// are reused: a sheet of 100 MB takes a few MB whatever its length.
func (d *chunkDeflater) dispatch(last bool) {
	if d.queue == nil {
		procs := runtime.GOMAXPROCS(0)
		d.queue = make(chan chan *bytes.Buffer, procs+1)
		d.sem = make(chan struct{}, procs)
		d.done = make(chan struct{})
		go func() {
			defer close(d.done)
			for res := range d.queue {
				b := <-res
				if d.err == nil {
					_, d.err = d.w.Write(b.Bytes())
				}
				outPool.Put(b)
			}
		}()
	}
	in, dict := d.cur, d.dict
	if !last { // before in goes back to the pool
		d.dict = append([]byte(nil), in[len(in)-32<<10:]...)
	}
	res := make(chan *bytes.Buffer, 1)
	d.queue <- res // waits while procs+1 chunks are on their way
	d.sem <- struct{}{}
	go func() {
		out := outPool.Get().(*bytes.Buffer)
		out.Reset()
		fw, _ := deflaters.Get().(*kflate.Writer)
		if fw == nil {
			fw, _ = kflate.NewWriter(nil, zipLevel) // the level is valid
		}
		fw.ResetDict(out, dict)
		fw.Write(in)
		if last {
			fw.Close()
		} else {
			fw.Flush()
		}
		deflaters.Put(fw)
		<-d.sem
		chunkPool.Put(&in)
		res <- out
	}()
	if !last {
		d.cur = getChunk()
	}
}

// smallSheet is the length past which a sheet's bytes go to chunks of
// deflateChunk bytes rather than a buffer grown as needed.
const smallSheet = 256 << 10

// chunkPool holds chunks of deflateChunk bytes, reused by the sheets of
// every workbook.
var chunkPool = sync.Pool{New: func() any { b := make([]byte, 0, deflateChunk); return &b }}

func getChunk() []byte { return (*chunkPool.Get().(*[]byte))[:0] }

var (
	// A deflater holds about 1 MB: sheets share them, as archive/zip's
	// entries share its own.
	stdDeflaters sync.Pool // *stdDeflater
	deflaters    sync.Pool // *kflate.Writer at zipLevel
	outPool      = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// Close deflates what is left and waits for the chunks to be written.
func (d *chunkDeflater) Close() error {
	if d.queue == nil { // one chunk: as archive/zip writes it
		fw := newStdDeflater(d.w)
		if _, err := fw.Write(d.cur); err != nil {
			return err
		}
		return fw.Close()
	}
	d.dispatch(true)
	close(d.queue)
	<-d.done
	return d.err
}

// stdDeflater is archive/zip's compressor, its deflaters shared by every
// entry of every workbook (archive/zip's pool cannot be reached).
type stdDeflater struct{ *flate.Writer }

func newStdDeflater(w io.Writer) *stdDeflater {
	d, _ := stdDeflaters.Get().(*stdDeflater)
	if d == nil {
		fw, _ := flate.NewWriter(w, zipLevel) // the level is valid
		return &stdDeflater{fw}
	}
	d.Reset(w)
	return d
}

func (d *stdDeflater) Close() error {
	err := d.Writer.Close()
	stdDeflaters.Put(d)
	return err
}
