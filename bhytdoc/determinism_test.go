package bhytdoc_test

import (
	"bytes"
	"runtime"
	"sync"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// TestPDFDeterministicAcrossOrderAndProcs renders distinct letters
// sequentially on one P, in reverse order, and from several goroutines on
// two Ps, and requires byte-identical PDFs each time: a letter's bytes must
// not depend on what was rendered before it or alongside it (font subsets
// are cached across documents) nor on GOMAXPROCS.
func TestPDFDeterministicAcrossOrderAndProcs(t *testing.T) {
	docs := caiRangCopies(t, 24, false)
	docs = append(docs, docs[0], docs[1]) // repeats: cache hits
	renderAll := func(order []int) [][]byte {
		out := make([][]byte, len(docs))
		for _, i := range order {
			b, err := bhytdoc.RenderPDF(docs[i], nil)
			if err != nil {
				t.Fatal(err)
			}
			out[i] = b
		}
		return out
	}
	fwd := make([]int, len(docs))
	rev := make([]int, len(docs))
	for i := range docs {
		fwd[i], rev[i] = i, len(docs)-1-i
	}

	prev := runtime.GOMAXPROCS(1)
	want := renderAll(fwd)
	runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	got := renderAll(rev)
	for i := range docs {
		if !bytes.Equal(want[i], got[i]) {
			t.Fatalf("letter %d: reverse order on 2 Ps differs from forward order on 1 P", i)
		}
	}
	for i := 1; i < 24; i++ {
		if bytes.Equal(want[0], want[i]) {
			t.Fatalf("letters 0 and %d are identical: the copies do not vary", i)
		}
	}

	// Concurrent: each goroutine renders every letter, starting at its own
	// offset, so different glyph sets are subset at the same time.
	const workers = 4
	var wg sync.WaitGroup
	errs := make(chan string, workers*len(docs))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				i := (k + w*7) % len(docs)
				b, err := bhytdoc.RenderPDF(docs[i], nil)
				if err != nil {
					errs <- err.Error()
					return
				}
				if !bytes.Equal(b, want[i]) {
					errs <- "concurrent render differs"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
