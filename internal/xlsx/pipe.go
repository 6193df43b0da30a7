package xlsx

import (
	"errors"
	"io"
)

// A worksheet is read on two cores: one goroutine inflates and scans the
// XML into rows, handed over in batches, while the caller's goroutine
// turns them into what it reads. Reading 100.000 rows took 0,8 s of CPU
// in one goroutine, the caller's part a fifth of it.

// rowBatch is up to batchRows rows as the scanner read them, their
// values copied out of the reader's reused slice.
type rowBatch struct {
	rows []int
	vals [][]Value
	n    int
}

const batchRows = 256

func (b *rowBatch) add(r int, vals []Value) {
	if b.n == len(b.rows) {
		b.rows = append(b.rows, 0)
		b.vals = append(b.vals, nil)
	}
	b.rows[b.n] = r
	b.vals[b.n] = append(b.vals[b.n][:0], vals...)
	b.n++
}

// errStopped ends the scanning goroutine when the caller stops reading.
var errStopped = errors.New("xlsx: reading stopped")

// pipeRows runs sr.read in a goroutine of its own and calls fn with its
// rows, in order, in the calling goroutine, as sr.read would have: fn
// sees every row read before an error, and fn's error ends the read. A
// panic of the reader is raised again here, where the caller expects it.
func pipeRows(sr *sheetReader, fn func(int, []Value) error) error {
	full := make(chan *rowBatch, 4)
	free := make(chan *rowBatch, 6)
	stop := make(chan struct{})
	var (
		readErr  error
		panicked any
		halted   bool
	)
	// halt stops the reader: on fn's error, and when fn panics.
	halt := func() {
		if !halted {
			halted = true
			close(stop)
		}
	}
	defer halt()
	send := func(b *rowBatch) bool {
		select {
		case full <- b:
			return true
		case <-stop:
			return false
		}
	}
	go func() {
		defer close(full)
		defer func() {
			if p := recover(); p != nil {
				panicked = p
			}
		}()
		b := new(rowBatch)
		sr.fn = func(r int, vals []Value) error {
			b.add(r, vals)
			if b.n < batchRows {
				return nil
			}
			if !send(b) {
				return errStopped
			}
			select {
			case b = <-free:
				b.n = 0
			default:
				b = new(rowBatch)
			}
			return nil
		}
		readErr = sr.read()
		if b.n > 0 && readErr != errStopped {
			send(b)
		}
	}()
	var fnErr error
	for b := range full {
		for i := 0; i < b.n && fnErr == nil; i++ {
			if fnErr = fn(b.rows[i], b.vals[i]); fnErr != nil {
				halt()
			}
		}
		select {
		case free <- b:
		default:
		}
	}
	// full is closed: the goroutine is done with readErr and panicked.
	if panicked != nil {
		panic(panicked)
	}
	if fnErr != nil {
		return fnErr
	}
	return readErr
}

// readAhead inflates r in a goroutine of its own, a chunk ahead of the
// reader. Close stops it.
type readAhead struct {
	full      chan []byte
	free      chan []byte
	stop      chan struct{}
	done      chan struct{}
	buf, rest []byte // the chunk being read, and what is left of it
	err       error  // of r, read after full is closed
}

const aheadChunk = 256 << 10

func newReadAhead(r io.Reader) *readAhead {
	a := &readAhead{full: make(chan []byte, 2), free: make(chan []byte, 3), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(a.done)
		defer close(a.full)
		for {
			var buf []byte
			select {
			case buf = <-a.free:
			default:
				buf = make([]byte, aheadChunk)
			}
			n, err := 0, error(nil)
			for n < len(buf) && err == nil {
				var k int
				k, err = r.Read(buf[n:])
				n += k
			}
			if n > 0 {
				select {
				case a.full <- buf[:n]:
				case <-a.stop:
					return
				}
			}
			if err != nil {
				if err != io.EOF {
					a.err = err
				}
				return
			}
		}
	}()
	return a
}

func (a *readAhead) Read(p []byte) (int, error) {
	for len(a.rest) == 0 {
		if a.buf != nil {
			select {
			case a.free <- a.buf[:cap(a.buf)]:
			default:
			}
			a.buf = nil
		}
		b, ok := <-a.full
		if !ok {
			if a.err != nil {
				return 0, a.err
			}
			return 0, io.EOF
		}
		a.buf, a.rest = b, b
	}
	n := copy(p, a.rest)
	a.rest = a.rest[n:]
	return n, nil
}

// Close stops the goroutine and waits for it: the reader it reads must
// not be closed under it.
func (a *readAhead) Close() error {
	close(a.stop)
	for range a.full { // unblock a send in progress
	}
	<-a.done
	return nil
}
