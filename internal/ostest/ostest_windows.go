package ostest

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

const canSignal = false

func mkfifo(string, uint32) error { return errors.ErrUnsupported }

func cpuTime() (time.Duration, bool) {
	var created, exited, kernel, user windows.Filetime
	if windows.GetProcessTimes(windows.CurrentProcess(), &created, &exited, &kernel, &user) != nil {
		return 0, false
	}
	return time.Duration((ticks(kernel) + ticks(user)) * 100), true
}

// ticks is a Filetime as a duration: a count of 100 ns intervals. (Its
// Nanoseconds method reads it as a date since 1601.)
func ticks(f windows.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }

func signalSelf(os.Signal) error { return errors.ErrUnsupported }
