package gcstart

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

var gcSink []byte

// TestDeferFirstGC checks that deferFirstGC turns the collector's
// percentage off and that the first collection restores it and the
// memory limit, so that a long run collects as usual.
func TestDeferFirstGC(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set")
	}
	read := func() (percent, limit int64) {
		s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
		metrics.Read(s)
		return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
	}
	// The package's own init deferred the test binary's first collection:
	// let it happen, and its cleanup run, before deferring again.
	for p, _ := read(); p == -1; p, _ = read() {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	percent, limit := read()
	deferFirstGC()
	defer func() { // whatever happens, leave the test binary as it was
		debug.SetGCPercent(int(percent))
		debug.SetMemoryLimit(limit)
	}()
	if p, l := read(); p != -1 || l != firstGCAt {
		t.Fatalf("after deferFirstGC: GOGC %d, limit %d; want off and %d", p, l, firstGCAt)
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for range 64 {
			gcSink = make([]byte, 1<<20)
		}
		if p, l := read(); p == percent && l == limit {
			return
		}
		time.Sleep(time.Millisecond)
	}
	p, l := read()
	t.Errorf("after collecting: GOGC %d, limit %d; want %d and %d restored", p, l, percent, limit)
}

// deferFromDefaults runs deferFirstGC from GOGC=100 and no soft limit,
// and puts the test binary's settings back when t ends.
func deferFromDefaults(t *testing.T) {
	t.Helper()
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set")
	}
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	deferFirstGC()
}

// TestOwnLimitKept: a command that sets its own soft limit before the
// first collection (join, merge) keeps it; the percentage comes back.
func TestOwnLimitKept(t *testing.T) {
	deferFromDefaults(t)
	const own = 300 << 20
	debug.SetMemoryLimit(own)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		if p := debug.SetGCPercent(-1); p != -1 {
			debug.SetGCPercent(p)
			if l := debug.SetMemoryLimit(-1); l != own {
				t.Errorf("the command's limit %d replaced by %d", own, l)
			}
			return
		}
		debug.SetGCPercent(-1)
		time.Sleep(time.Millisecond)
	}
	t.Error("the first collection did not restore the percentage")
}

// TestOwnPercentKept: a command that sets its own GC percentage before
// the first collection (merge's 400) keeps it.
func TestOwnPercentKept(t *testing.T) {
	deferFromDefaults(t)
	const own = 400
	debug.SetGCPercent(own)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
		// The cleanup has run once the limit is back (-1 reads it).
		if debug.SetMemoryLimit(-1) != firstGCAt {
			if p := debug.SetGCPercent(own); p != own {
				t.Errorf("the command's GC percentage %d replaced by %d", own, p)
			}
			return
		}
	}
	t.Error("the first collection did not run its cleanup")
}

// TestGrowMainStackOnStack checks that growMainStack's arrays stay in its
// frame: moved to the heap, they would allocate 256 kB and grow nothing.
func TestGrowMainStackOnStack(t *testing.T) {
	if n := testing.AllocsPerRun(10, growMainStack); n != 0 {
		t.Fatalf("growMainStack allocates %v times per run; want 0", n)
	}
}
