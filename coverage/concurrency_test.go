package coverage

import (
	"bytes"
	"io"
	"sync"
	"testing"
)

// Planning, writing, reading and checking share nothing: run them at
// once (go test -race catches any shared state).
func TestConcurrentUse(t *testing.T) {
	want := writeXLSX(t, planned(t))
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tb := planned(t)
			var b bytes.Buffer
			if err := WriteXLSX(&b, tb); err != nil || !bytes.Equal(b.Bytes(), want) {
				errs <- "different bytes from a concurrent write"
				return
			}
			if err := WriteMarkdown(io.Discard, tb); err != nil {
				errs <- err.Error()
			}
			sheets, err := ReadAnnexXLSX(bytes.NewReader(b.Bytes()), "a.xlsx")
			if err != nil {
				errs <- err.Error()
				return
			}
			if fs, err := sheets[0].Check(); err != nil || len(fs) != 0 {
				errs <- "findings in a concurrent check"
			}
			SortUnits([]Unit{{Name: "Đông"}, {Name: "Dương"}})
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
