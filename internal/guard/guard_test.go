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

func (f *fakeT) Helper()      {}
func (f *fakeT) Name() string { return "fake" }
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = format
}

// errStop unwinds Run after a breach, as the real panic would.
type errStop struct{}

func TestRun(t *testing.T) {
	var breached string
	breach = func(_ testing.TB, msg string) {
		breached = msg
		panic(errStop{})
	}
	run := func(f *fakeT, d time.Duration, max uint64, fn func()) {
		defer func() {
			if p := recover(); p != nil && p != (errStop{}) {
				panic(p)
			}
		}()
		Run(f, d, max, fn)
	}
	var f fakeT
	run(&f, time.Second, 1<<20, func() {})
	if f.failed != "" || breached != "" {
		t.Errorf("quick, small work failed: %s%s", f.failed, breached)
	}
	stop := make(chan struct{})
	defer close(stop)
	run(&f, 50*time.Millisecond, 1<<20, func() { <-stop })
	if breached == "" {
		t.Error("a hang passed")
	}
	// Memory filling up is caught while it happens.
	breached = ""
	var keep [][]byte
	run(&f, 5*time.Second, 1<<20, func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			keep = append(keep, make([]byte, 1<<20))
			time.Sleep(time.Millisecond)
		}
	})
	if breached == "" {
		t.Error("a growing allocation passed")
	}
	f = fakeT{}
	run(&f, time.Second, 1<<20, func() { panic("boom") })
	if f.failed == "" {
		t.Error("a panic passed")
	}
}
