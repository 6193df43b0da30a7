package ostest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFIFO(t *testing.T) {
	p := FIFO(t, filepath.Join(t.TempDir(), "p"), 0o600)
	st, err := os.Lstat(p)
	if err != nil || st.Mode().Type() != fs.ModeNamedPipe {
		t.Fatalf("%s: %v, %v; want a named pipe", p, st, err)
	}
}

func TestCPUTime(t *testing.T) {
	c0, ok := CPUTime()
	if !ok {
		t.Skip("no CPU time here")
	}
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
	}
	if c1, _ := CPUTime(); c1-c0 < 20*time.Millisecond {
		t.Errorf("50 ms of spinning counted %v of CPU", c1-c0)
	}
}
