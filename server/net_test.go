package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// serve runs s on a loopback port until the test ends; it returns the
// base URL and a function that stops the server and waits for Serve.
func serve(t testing.TB, s *Server) (string, func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var once sync.Once
	var serr error
	stop := func() error {
		once.Do(func() { cancel(); serr = <-done })
		return serr
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

// countingReader counts the bytes read from it.
type countingReader struct {
	mu sync.Mutex
	n  int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.mu.Lock()
	c.n += int64(len(p))
	c.mu.Unlock()
	time.Sleep(time.Millisecond) // a slow sender: 2 GB would take weeks
	return len(p), nil
}

// TestBodyTooLargeUnread: a 2 GB body announced by Content-Length is
// refused with 413 before the server reads any of it.
func TestBodyTooLargeUnread(t *testing.T) {
	base, _ := serve(t, newServer(t, Config{}))
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: text/markdown\r\nContent-Length: %d\r\n\r\n", int64(2)<<30)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 413 || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("status %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	// A chunked body without a length is cut at the limit while reading.
	s := newServer(t, Config{MaxBody: 1 << 20})
	base, _ = serve(t, s)
	cr := &countingReader{}
	req, _ := http.NewRequest("POST", base+"/v1/render", io.LimitReader(cr, 64<<20))
	req.ContentLength = -1
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 413 {
		t.Errorf("chunked 64 MiB over a 1 MiB limit: %d", res.StatusCode)
	}
	// The transport may still be sending: read the count under the lock.
	cr.mu.Lock()
	sent := cr.n
	cr.mu.Unlock()
	if sent > 8<<20 {
		t.Errorf("the client sent %d bytes before the refusal", sent)
	}
}

// TestSlowHeaders: a client that never finishes its headers is cut off
// after the header timeout and holds no worker.
func TestSlowHeaders(t *testing.T) {
	s := newServer(t, Config{HeaderTimeout: 300 * time.Millisecond, Workers: 1})
	base, _ := serve(t, s)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	io.WriteString(conn, "POST /v1/render HTTP/1.1\r\nHost: x\r\n")
	go func() { // one header line every 100 ms, never the blank line
		for i := 0; i < 100; i++ {
			time.Sleep(100 * time.Millisecond)
			if _, err := fmt.Fprintf(conn, "X-Slow-%d: 1\r\n", i); err != nil {
				return
			}
		}
	}()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	io.Copy(io.Discard, conn) // returns when the server closes the connection
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the slow client was held %v", d)
	}
	// The only worker is free: a render goes through at once.
	res, err := http.Post(base+"/v1/render", "text/markdown", bytes.NewReader(letterSource(t)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("render after the slow client: %d", res.StatusCode)
	}
}

// TestGracefulShutdown: a request in flight when the server is told to
// stop completes; /readyz and new requests get 503 while it drains.
func TestGracefulShutdown(t *testing.T) {
	s := newServer(t, Config{Workers: 1})
	base, stop := serve(t, s)
	// Hold the only worker so that the request in flight waits.
	s.work <- struct{}{}
	result := make(chan int, 1)
	go func() {
		res, err := http.Post(base+"/v1/render", "text/markdown", bytes.NewReader(letterSource(t)))
		if err != nil {
			result <- -1
			return
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		result <- res.StatusCode
	}()
	waitFor(t, func() bool { return s.metrics.inFlight.Load() == 1 })
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	waitFor(t, s.draining.Load)
	for _, path := range []string{"/readyz", "/v1/templates"} {
		if w := do(s, mustRequest("GET", path)); w.Code != 503 {
			t.Errorf("%s while draining: %d", path, w.Code)
		}
	}
	<-s.work // let the request in flight render
	if code := <-result; code != 200 {
		t.Errorf("request in flight ended with %d", code)
	}
	if err := <-stopped; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
}

func mustRequest(method, path string) *http.Request {
	r, err := http.NewRequest(method, path, nil)
	if err != nil {
		panic(err)
	}
	return r
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition not reached in 5 s")
}

// TestLoad sends 200 concurrent renders of the letter: all succeed, and
// the figures are logged (go test -v -run TestLoad).
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	s := newServer(t, Config{})
	base, _ := serve(t, s)
	src := letterSource(t)
	const n = 200
	lat := make([]time.Duration, n)
	errs := make(chan error, n)
	start := time.Now()
	var wg sync.WaitGroup
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n}}
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			t0 := time.Now()
			res, err := client.Post(base+"/v1/render", "text/markdown", bytes.NewReader(src))
			if err != nil {
				errs <- err
				return
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || !bytes.HasPrefix(b, []byte("%PDF-")) {
				errs <- fmt.Errorf("request %d: %d", i, res.StatusCode)
			}
			lat[i] = time.Since(t0)
		}(i)
	}
	wg.Wait()
	total := time.Since(start)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	t.Logf("%d concurrent renders: %.0f req/s, p50 %v, p99 %v, peak RSS %s",
		n, float64(n)/total.Seconds(), lat[n/2].Round(time.Millisecond), lat[n*99/100].Round(time.Millisecond), peakRSS())
}

// peakRSS reads the process's peak resident set size (Linux).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// BenchmarkRenderLetter measures one render request of the letter through
// the handler (no network).
func BenchmarkRenderLetter(b *testing.B) {
	s := newServer(b, Config{})
	src := letterSource(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r, _ := http.NewRequest("POST", "/v1/render", bytes.NewReader(src))
			if w := do(s, r); w.Code != 200 {
				b.Fatalf("%d", w.Code)
			}
		}
	})
}
