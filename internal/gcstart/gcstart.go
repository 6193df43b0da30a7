// Package gcstart defers a command's first garbage collection and grows
// the main goroutine's stack once (stack.go): imported
// for its side effect by cmd/bhytdoc, it runs before the packages that
// allocate at start-up (excelize's tables, regexps), whose garbage set
// off a collection at Go's 4 MB starting goal. The library never imports
// it: setting the collector is the program's business.
package gcstart

import (
	"os"
	"runtime"
	"runtime/debug"
)

// firstGCAt is the heap size, in bytes of memory the runtime holds, at
// which the first collection runs (Go's default is 4 MB of heap).
const firstGCAt = 48 << 20

func init() {
	growMainStack()
	deferFirstGC()
}

// deferFirstGC lets a short run finish without collecting garbage: the
// collector first runs when the process holds firstGCAt bytes, and from
// then on as usual (GOGC 100, no memory limit). Rendering one letter
// allocates about 12 MB and used to run four collections, a tenth of a
// cold `bhytdoc render`; a long run (merge, serve) pays one collection
// later than it would have. GOGC or GOMEMLIMIT in the environment turn
// this off.
func deferFirstGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(firstGCAt)
	// The first collection finds sentinel unreachable and runs the
	// cleanup, which restores the collector's settings.
	sentinel := new([64]byte)
	// Only what is still this package's is restored: a command that set
	// its own soft limit (join, merge) or percentage (merge's 400)
	// meanwhile keeps it. (The percentage was restored whatever it was:
	// a merge whose first collection came after it set 400 ran at 100,
	// three times as many collections.)
	runtime.AddCleanup(sentinel, func(int) {
		if own := debug.SetGCPercent(percent); own != -1 {
			debug.SetGCPercent(own)
		}
		if debug.SetMemoryLimit(-1) == firstGCAt {
			debug.SetMemoryLimit(limit)
		}
	}, 0)
}
