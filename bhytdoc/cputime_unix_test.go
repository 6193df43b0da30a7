//go:build unix

package bhytdoc_test

import "syscall"

// processCPU returns the CPU time (user + system) the process has used so
// far, in nanoseconds, and whether it could be read.
func processCPU() (int64, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
