package batch

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// Format is an output format of a document.
type Format string

// The formats a Renderer makes files in.
const (
	PDF      Format = "pdf"
	Markdown Format = "md"
	DOCX     Format = "docx"
)

// Item is one document of a batch.
type Item struct {
	// Name is the output file name without extension; Sinks that write
	// files require it to be unique in the batch (see Names).
	Name string
	// Title is the document's entry in a combined PDF's outline; empty
	// means Name.
	Title string
	// Doc is the document; the Renderer does not modify it.
	Doc *bhytdoc.Document
	// Load, when Doc is nil, makes the document in one of the Renderer's
	// goroutines, so that filling templates runs in parallel too.
	Load func() (*bhytdoc.Document, error)
}

// File is one rendered file of a document.
type File struct {
	Name string // Item.Name with the format's extension: "an-binh.pdf"
	Data []byte // the file's bytes
}

// Rendered is a document after rendering, as a Sink receives it.
type Rendered struct {
	// Index is the document's 0-based position in the input.
	Index int
	// Name and Title are the Item's.
	Name, Title string
	// Layout is the document laid out on pages; nil when the Renderer's
	// Formats name neither PDF nor nothing (see Renderer.Formats).
	Layout *bhytdoc.PDFLayout
	// Pages is the number of pages of the document, 0 without Layout.
	Pages int
	// Files holds one file per format of Renderer.Formats, in that order.
	Files []File
}

// A Sink receives the rendered documents of a batch one at a time, in
// input order, from one goroutine.
type Sink interface {
	// Put takes one document. An error stops the batch.
	Put(r *Rendered) error
	// Close finishes the output after the last document. Render calls it
	// only when every document was put (or, with KeepGoing, every good
	// one); after an error that stops the batch, or a cancelled context,
	// the output is incomplete: Render calls the sink's Abort method when
	// it has one (see Aborter), and the caller discards the rest.
	Close() error
}

// Aborter is a Sink that can discard what it was given: Render calls
// Abort, rather than Close, when a batch stops before its end, so that
// nothing incomplete looks complete. DirSink removes its files, BookSink
// refuses to finish its PDF; Tee passes Abort on.
type Aborter interface {
	Abort()
}

func abort(s Sink) {
	if a, ok := s.(Aborter); ok {
		a.Abort()
	}
}

// Items yields the items of a slice, for Render.
func Items(items []Item) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
	}
}

// ItemError is the failure of one document of a batch.
type ItemError struct {
	Index int    // 0-based position in the input
	Name  string // the Item's Name, when known
	Err   error  // what went wrong: a *bhytdoc.ValidationError, …
}

// Error returns "document 3 (an-binh): …".
func (e *ItemError) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("document %d (%s): %v", e.Index+1, e.Name, e.Err)
	}
	return fmt.Sprintf("document %d: %v", e.Index+1, e.Err)
}

// Unwrap returns the underlying error.
func (e *ItemError) Unwrap() error { return e.Err }

// Progress is how far a batch has got.
type Progress struct {
	Done  int // documents put into the sink
	Pages int // their pages
}

// Renderer renders a stream of documents with several goroutines and
// hands them to a Sink in input order, so that output does not depend on
// scheduling. At most a few documents per goroutine are in memory at
// once, however long the stream. A Renderer's fields must not change
// during Render; one Renderer may run several batches at once.
type Renderer struct {
	// Options are the rendering options of every document; nil for the
	// defaults.
	Options *bhytdoc.Options
	// Formats are the files made for each document. Nothing (nil) makes
	// only the layout, which is what a Book sink needs; PDF makes the
	// layout too.
	Formats []Format
	// Jobs is the number of documents rendered at once; 0 or less means
	// runtime.NumCPU().
	Jobs int
	// KeepGoing puts every good document and reports the bad ones
	// together at the end, rather than stopping at the first.
	KeepGoing bool
	// Progress, when set, is called after each document is put, from the
	// goroutine that called Render.
	Progress func(Progress)
}

// Render is RenderContext without a context.
func (r *Renderer) Render(docs iter.Seq2[Item, error], sink Sink) error {
	return r.RenderContext(context.Background(), docs, sink)
}

// RenderContext renders docs and puts them into sink in input order,
// then closes sink. An error from docs (a row that could not become a
// document) or from rendering is an *ItemError; so is an Item without a
// Name or a document. Without KeepGoing the first one stops the batch,
// and sink is not closed but aborted (see Aborter); with it, every good
// document is put, sink is closed and the returned error joins the
// ItemErrors. An error from the sink always stops the batch. When ctx is
// cancelled, no more documents are started, sink is aborted and
// RenderContext returns ctx.Err().
func (r *Renderer) RenderContext(ctx context.Context, docs iter.Seq2[Item, error], sink Sink) error {
	if sink == nil {
		return errors.New("batch: nil Sink")
	}
	if docs == nil {
		return errors.New("batch: nil sequence of documents")
	}
	for _, f := range r.Formats {
		if f != PDF && f != Markdown && f != DOCX {
			return fmt.Errorf("batch: unknown format %q", f)
		}
	}
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	window := 4 * jobs // documents between the input and the sink
	type job struct {
		i   int
		it  Item
		err error
	}
	type result struct {
		i   int
		out *Rendered
		err error
	}
	jobCh := make(chan job)
	resCh := make(chan result, window)
	slots := make(chan struct{}, window)
	done := make(chan struct{})
	var once sync.Once
	stop := func() { once.Do(func() { close(done) }) }
	defer stop()

	go func() {
		defer close(jobCh)
		i := 0
		for it, err := range docs {
			select {
			case slots <- struct{}{}:
			case <-done:
				return
			case <-ctx.Done():
				return
			}
			select {
			case jobCh <- job{i, it, err}:
			case <-done:
				return
			case <-ctx.Done():
				return
			}
			i++
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			var lo bhytdoc.PDFLayouter // this worker's, reused document after document
			for j := range jobCh {
				res := result{i: j.i, err: j.err}
				if res.err == nil && ctx.Err() != nil {
					res.err = ctx.Err()
				}
				if res.err == nil {
					res.out, res.err = r.render(j.i, j.it, &lo)
				}
				if res.err != nil {
					res.err = &ItemError{Index: j.i, Name: j.it.Name, Err: res.err}
				}
				resCh <- res
			}
		})
	}
	go func() {
		wg.Wait()
		close(resCh)
	}()

	var errs []error
	var prog Progress
	pending := map[int]result{}
	next, stopped := 0, false
	for res := range resCh {
		pending[res.i] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if stopped {
				continue
			}
			if p.err == nil {
				p.err = sink.Put(p.out)
				if p.err == nil {
					prog.Done++
					prog.Pages += p.out.Pages
					if r.Progress != nil {
						r.Progress(prog)
					}
					continue
				}
				errs = append(errs, p.err)
				stopped = true // a sink that failed cannot take more
				stop()
				continue
			}
			errs = append(errs, p.err)
			if !r.KeepGoing {
				stopped = true
				stop()
			}
		}
	}
	if err := ctx.Err(); err != nil {
		abort(sink)
		return err
	}
	if stopped {
		abort(sink)
		return errors.Join(errs...)
	}
	if err := sink.Close(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// render makes the layout and files of one document, laying it out with
// lo.
func (r *Renderer) render(i int, it Item, lo *bhytdoc.PDFLayouter) (*Rendered, error) {
	if it.Name == "" {
		return nil, errors.New("empty Name: every document needs one (see Names)")
	}
	if it.Doc == nil && it.Load != nil {
		d, err := it.Load()
		if err != nil {
			return nil, err
		}
		it.Doc = d
	}
	if it.Doc == nil {
		return nil, errors.New("no document")
	}
	out := &Rendered{Index: i, Name: it.Name, Title: it.Title}
	if out.Title == "" {
		out.Title = it.Name
	}
	if len(r.Formats) == 0 || slices.Contains(r.Formats, PDF) {
		l, err := lo.Layout(it.Doc, r.Options)
		if err != nil {
			return nil, err
		}
		out.Layout, out.Pages = l, l.Pages()
	}
	for _, f := range r.Formats {
		var b []byte
		var err error
		switch f {
		case PDF:
			b, err = out.Layout.Render()
		case Markdown:
			b, err = markdown.Marshal(it.Doc, nil)
		case DOCX:
			b, err = bhytdoc.RenderDOCX(it.Doc, r.Options)
		}
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, File{Name: it.Name + "." + string(f), Data: b})
	}
	return out, nil
}
