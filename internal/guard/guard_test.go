package guard

import (
	"testing"
	"time"
)

// fakeT records a failure instead of stopping the test.
type fakeT struct {
	testing.TB
	failed string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = format
}

func TestRun(t *testing.T) {
	var f fakeT
	Run(&f, time.Second, 1<<20, func() {})
	if f.failed != "" {
		t.Errorf("quick, small work failed: %s", f.failed)
	}
	f = fakeT{}
	stop := make(chan struct{})
	defer close(stop)
	Run(&f, 50*time.Millisecond, 1<<20, func() { <-stop })
	if f.failed == "" {
		t.Error("a hang passed")
	}
	f = fakeT{}
	var keep [][]byte
	Run(&f, time.Second, 1<<20, func() {
		for range 8 {
			keep = append(keep, make([]byte, 1<<20))
		}
	})
	if f.failed == "" || len(keep) != 8 {
		t.Error("8 MiB passed a 1 MiB budget")
	}
	f = fakeT{}
	Run(&f, time.Second, 1<<20, func() { panic("boom") })
	if f.failed == "" {
		t.Error("a panic passed")
	}
}
