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

// poll is how often the budget is checked while fn runs.
const poll = 5 * time.Millisecond

// Run calls fn in its own goroutine and watches it: when fn has not
// returned within d, or the process has allocated more than maxBytes
// since fn started (other goroutines' allocations count too: keep the
// budget generous), Run panics — a goroutine cannot be stopped from
// outside, and one left running would go on hanging or filling memory
// while other tests run, so the test binary is ended, printing where fn
// was. A panic in fn fails t. fn reports its own problems with t.Error,
// not t.Fatal: FailNow belongs to the test's goroutine.
func Run(t testing.TB, d time.Duration, maxBytes uint64, fn func()) {
	t.Helper()
	before := allocated()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		fn()
	}()
	deadline := time.Now().Add(d)
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		select {
		case p := <-done:
			if p != nil {
				t.Fatalf("panic: %v", p)
			}
			if n := allocated() - before; n > maxBytes {
				t.Fatalf("allocated %s, over the budget of %s", size(n), size(maxBytes))
			}
			return
		case now := <-tick.C:
			if n := allocated() - before; n > maxBytes {
				breach(t, fmt.Sprintf("allocated %s and still running, over the budget of %s", size(n), size(maxBytes)))
			}
			if now.After(deadline) {
				breach(t, fmt.Sprintf("still running after %v", d))
			}
		}
	}
}

// breach ends the test binary (see Run); tests of guard itself replace it.
var breach = func(t testing.TB, msg string) {
	t.Helper()
	t.Error(msg)
	panic("guard: " + t.Name() + ": " + msg)
}

func size(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
