//go:build unix

package ostest

import (
	"errors"
	"os"
	"syscall"
	"time"
)

const canSignal = true

func mkfifo(path string, mode uint32) error { return syscall.Mkfifo(path, mode) }

func cpuTime() (time.Duration, bool) {
	var r syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &r) != nil {
		return 0, false
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano()), true
}

func signalSelf(sig os.Signal) error {
	s, ok := sig.(syscall.Signal)
	if !ok {
		return errors.ErrUnsupported
	}
	return syscall.Kill(os.Getpid(), s)
}
