// Package ostest holds what the module's tests need of the operating
// system where platforms differ — a FIFO, the process's CPU time, a
// signal to itself — so that every test package compiles on Windows
// too, where a test that needs one of them skips.
package ostest

import (
	"os"
	"testing"
	"time"
)

// Mkfifo makes a named pipe at path with mode; errors.ErrUnsupported
// where the system has none.
func Mkfifo(path string, mode uint32) error { return mkfifo(path, mode) }

// FIFO makes a named pipe at path with mode, or skips t where the system
// has none.
func FIFO(t testing.TB, path string, mode uint32) string {
	t.Helper()
	if err := mkfifo(path, mode); err != nil {
		t.Skip("no FIFO:", err)
	}
	return path
}

// CPUTime is the process's CPU time so far, user and system; ok is false
// where the system does not tell.
func CPUTime() (d time.Duration, ok bool) { return cpuTime() }

// CanSignal reports whether Signal can send the process a signal.
func CanSignal() bool { return canSignal }

// Signal sends sig to the process itself; errors.ErrUnsupported where
// that cannot be done (CanSignal).
func Signal(sig os.Signal) error { return signalSelf(sig) }
