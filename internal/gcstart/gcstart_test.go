package gcstart

import (
	"os"
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
