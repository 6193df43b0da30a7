//go:build !unix && !windows

package ostest

import (
	"errors"
	"os"
	"time"
)

const canSignal = false

func mkfifo(string, uint32) error { return errors.ErrUnsupported }

func cpuTime() (time.Duration, bool) { return 0, false }

func signalSelf(os.Signal) error { return errors.ErrUnsupported }
