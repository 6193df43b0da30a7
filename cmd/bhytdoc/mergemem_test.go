package main

import (
	"runtime"
	"testing"
)

// A large merge's soft limit is twice what is live and the renderer's
// working set; a small merge, or GOMEMLIMIT set, leaves the collector as
// it is.
func TestMergeMemoryLimit(t *testing.T) {
	if _, ok := mergeMemoryLimit(mergeLimitRows-1, ""); ok {
		t.Error("a limit for a small merge")
	}
	if _, ok := mergeMemoryLimit(mergeLimitRows, "300MiB"); ok {
		t.Error("a limit over GOMEMLIMIT")
	}
	keep := make([]byte, 64<<20) // live
	limit, ok := mergeMemoryLimit(mergeLimitRows, "")
	runtime.KeepAlive(keep)
	if min := int64(2 * (len(keep) + mergeWorkingSet)); !ok || limit < min || limit > min+64<<20 {
		t.Errorf("limit %d MiB, %v; want a little over %d MiB", limit>>20, ok, min>>20)
	}
}

// A merge below mergeGCRows collects less often (GOGC=400); a larger
// one, or GOGC set by the user, keeps the collector as it is.
func TestMergeGCPercent(t *testing.T) {
	if pct, ok := mergeGCPercent(10_000, ""); !ok || pct != 400 {
		t.Errorf("10,000 rows: %d, %v; want 400", pct, ok)
	}
	if _, ok := mergeGCPercent(mergeGCRows, ""); ok {
		t.Error("a GC percentage for a merge of 50,000 rows")
	}
	if _, ok := mergeGCPercent(100, "100"); ok {
		t.Error("a GC percentage over GOGC")
	}
}
