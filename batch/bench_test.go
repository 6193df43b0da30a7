package batch_test

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// docs1000 is 1,000 one-page letters, one per ward, built once.
func docs1000() []*bhytdoc.Document {
	out := make([]*bhytdoc.Document, 1000)
	for i := range out {
		out[i] = letter(fmt.Sprintf("phường Số %d", i+1), i+1)
	}
	return out
}

func seqOf(docs []*bhytdoc.Document) func(func(batch.Item, error) bool) {
	return func(yield func(batch.Item, error) bool) {
		for i, d := range docs {
			if !yield(batch.Item{Name: fmt.Sprintf("cv-%04d", i+1), Doc: d}, nil) {
				return
			}
		}
	}
}

// countSink counts the bytes of the files it is given.
type countSink struct{ n int64 }

func (c *countSink) Put(r *batch.Rendered) error {
	for _, f := range r.Files {
		c.n += int64(len(f.Data))
	}
	return nil
}
func (c *countSink) Close() error { return nil }

// countWriter counts what is written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkRender1000 renders 1,000 letters through the public API with
// all cores: as separate PDF files, and into one PDF (fonts once). It
// reports letters/s, pages/s and the bytes of each output; "close-ms" is
// the time the combined PDF takes to be written out after the last letter
// is added (serial: fpdf compresses the pages then).
func BenchmarkRender1000(b *testing.B) {
	docs := docs1000()
	run := func(b *testing.B, sink func() (batch.Sink, func() int64), formats []batch.Format) {
		var pages, bytes int64
		for b.Loop() {
			s, size := sink()
			var last batch.Progress
			r := &batch.Renderer{Formats: formats, Progress: func(p batch.Progress) { last = p }}
			if err := r.Render(seqOf(docs), s); err != nil {
				b.Fatal(err)
			}
			pages += int64(last.Pages)
			bytes = size()
		}
		s := b.Elapsed().Seconds()
		b.ReportMetric(float64(len(docs)*b.N)/s, "letters/s")
		b.ReportMetric(float64(pages)/s, "pages/s")
		b.ReportMetric(float64(bytes), "output-bytes")
	}
	b.Run("separate", func(b *testing.B) {
		run(b, func() (batch.Sink, func() int64) {
			c := &countSink{}
			return c, func() int64 { return c.n }
		}, []batch.Format{batch.PDF})
	})
	b.Run("combined", func(b *testing.B) {
		var closeTime time.Duration
		run(b, func() (batch.Sink, func() int64) {
			w := &countWriter{}
			bs := batch.NewBookSink(w, nil)
			return timedClose{bs, &closeTime}, func() int64 { return w.n }
		}, nil)
		b.ReportMetric(float64(closeTime.Milliseconds())/float64(b.N), "close-ms")
	})
}

type timedClose struct {
	batch.Sink
	d *time.Duration
}

func (t timedClose) Close() error {
	start := time.Now()
	err := t.Sink.Close()
	*t.d += time.Since(start)
	return err
}

// BenchmarkDirSink puts 10,000 files of 63 KB (a merge -o of 10,000
// letters, already rendered) into a DirSink in a new directory, as
// Render does from its one goroutine that takes the documents in order.
// put-ms is the time spent in Put, which holds up that goroutine: the
// files are created and written by the sink's background writers (with
// Put writing each itself, it was nearly all of the sink's time);
// close-ms is Close (the writers finishing, one sync, the renames).
// Every iteration writes into a new directory, removed only at the end
// (see atomicfile.BenchmarkSet). Run with -benchtime=1x..3x.
func BenchmarkDirSink(b *testing.B) {
	data := make([]byte, 63<<10)
	for i := range data {
		data[i] = byte(i * 7)
	}
	root := b.TempDir()
	var put, closing time.Duration
	for i := 0; b.Loop(); i++ {
		s := batch.NewDirSink(filepath.Join(root, strconv.Itoa(i)))
		t := time.Now()
		for j := range 10000 {
			r := &batch.Rendered{Index: j, Files: []batch.File{{Name: "Phường Số " + strconv.Itoa(j) + ".pdf", Data: data}}}
			if err := s.Put(r); err != nil {
				b.Fatal(err)
			}
		}
		put += time.Since(t)
		t = time.Now()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		closing += time.Since(t)
	}
	b.ReportMetric(float64(put.Milliseconds())/float64(b.N), "put-ms")
	b.ReportMetric(float64(closing.Milliseconds())/float64(b.N), "close-ms")
}
