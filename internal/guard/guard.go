// Package guard runs a test's work under a time and allocation budget, so
// that a regression to unbounded work (a hang, memory filling up) fails
// the test quickly instead of taking the machine down.
package guard

import (
	"fmt"
	"runtime/metrics"
	"testing"
	"time"
)

// allocs is the runtime metric of bytes allocated since the program
// started; reading it does not stop the world.
const allocs = "/gc/heap/allocs:bytes"

func allocated() uint64 {
	s := []metrics.Sample{{Name: allocs}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// Run calls fn in its own goroutine and fails t when it has not returned
// within d, or when the process allocated more than maxBytes while it ran
// (other goroutines' allocations count too: keep the budget generous). A
// timed-out fn is left running: the test binary exits soon after.
func Run(t testing.TB, d time.Duration, maxBytes uint64, fn func()) {
	t.Helper()
	before := allocated()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		fn()
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("panic: %v", p)
		}
	case <-timer.C:
		t.Fatalf("still running after %v", d)
	}
	if n := allocated() - before; n > maxBytes {
		t.Fatalf("allocated %s, over the budget of %s", size(n), size(maxBytes))
	}
}

func size(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
