package server

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// durationBuckets are the upper bounds, in seconds, of the request
// duration histogram.
var durationBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

// metrics are the counters /metrics shows in Prometheus's text format.
type metrics struct {
	inFlight atomic.Int64
	pages    atomic.Int64

	mu       sync.Mutex
	requests map[reqKey]int64
	hist     map[string]*histogram
}

type reqKey struct {
	route  string
	status int
}

type histogram struct {
	counts []int64 // per bucket, not cumulative
	sum    float64
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[reqKey]int64{}, hist: map[string]*histogram{}}
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, status}]++
	h := m.hist[route]
	if h == nil {
		h = &histogram{counts: make([]int64, len(durationBuckets))}
		m.hist[route] = h
	}
	sec := d.Seconds()
	for i, b := range durationBuckets {
		if sec <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += sec
	h.n++
}

// write writes the metrics in Prometheus's text exposition format.
func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP bhytdoc_requests_total Requests served, by route and status.")
	fmt.Fprintln(w, "# TYPE bhytdoc_requests_total counter")
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	for _, k := range keys {
		fmt.Fprintf(w, "bhytdoc_requests_total{route=%q,status=\"%d\"} %d\n", k.route, k.status, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP bhytdoc_request_duration_seconds Time to serve a request, by route.")
	fmt.Fprintln(w, "# TYPE bhytdoc_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.hist))
	for r := range m.hist {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.hist[r]
		var cum int64
		for i, b := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "bhytdoc_request_duration_seconds_bucket{route=%q,le=\"%g\"} %d\n", r, b, cum)
		}
		fmt.Fprintf(w, "bhytdoc_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, h.n)
		fmt.Fprintf(w, "bhytdoc_request_duration_seconds_sum{route=%q} %g\n", r, h.sum)
		fmt.Fprintf(w, "bhytdoc_request_duration_seconds_count{route=%q} %d\n", r, h.n)
	}
	fmt.Fprintln(w, "# HELP bhytdoc_pages_rendered_total PDF pages rendered.")
	fmt.Fprintln(w, "# TYPE bhytdoc_pages_rendered_total counter")
	fmt.Fprintf(w, "bhytdoc_pages_rendered_total %d\n", m.pages.Load())
	fmt.Fprintln(w, "# HELP bhytdoc_requests_in_flight Requests being served.")
	fmt.Fprintln(w, "# TYPE bhytdoc_requests_in_flight gauge")
	fmt.Fprintf(w, "bhytdoc_requests_in_flight %d\n", m.inFlight.Load())
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) *Problem {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w)
	return nil
}
