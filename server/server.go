package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"
)

// Defaults of the zero Config.
const (
	DefaultMaxBody       = 32 << 20
	DefaultTimeout       = 60 * time.Second
	DefaultHeaderTimeout = 10 * time.Second
)

// Config configures a Server. The zero value serves everyone on the
// defaults above, with one worker per CPU.
type Config struct {
	// Token, when not empty, is the bearer token every request but the
	// health checks must carry ("Authorization: Bearer TOKEN").
	Token string
	// MaxBody bounds a request body in bytes; a larger one is refused
	// with 413 before it is read. 0 means DefaultMaxBody.
	MaxBody int64
	// Timeout bounds the handling of one request, reading included. 0
	// means DefaultTimeout.
	Timeout time.Duration
	// HeaderTimeout bounds the reading of a request's headers by Serve,
	// so that a slow client cannot hold a connection open. 0 means
	// DefaultHeaderTimeout.
	HeaderTimeout time.Duration
	// Workers bounds the documents rendered at once; requests beyond it
	// wait (within Timeout). 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Logger receives one structured line per request; nil logs nothing.
	Logger *slog.Logger
}

// Server is the HTTP API and the web page. It is an http.Handler; Serve
// runs it on a listener with graceful shutdown. A Server keeps no global
// state: several may run in one process.
type Server struct {
	cfg      Config
	mux      *http.ServeMux
	work     chan struct{} // a token per render in progress
	draining atomic.Bool
	metrics  *metrics
	log      *slog.Logger
}

// New returns a Server for c.
func New(c Config) (*Server, error) {
	if c.MaxBody < 0 || c.Timeout < 0 || c.HeaderTimeout < 0 || c.Workers < 0 {
		return nil, errors.New("server: negative limit in Config")
	}
	if c.MaxBody == 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.HeaderTimeout == 0 {
		c.HeaderTimeout = DefaultHeaderTimeout
	}
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	log := c.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{cfg: c, mux: http.NewServeMux(), work: make(chan struct{}, c.Workers), metrics: newMetrics(), log: log}
	for _, r := range routes(s) {
		s.mux.Handle(r.pattern, s.wrap(r))
	}
	return s, nil
}

// route is one endpoint: its pattern (method and path, as http.ServeMux
// takes them), whether it needs the token, and its handler, which
// returns a problem instead of writing one.
type route struct {
	pattern string
	open    bool // served without the token (health checks)
	handle  func(w http.ResponseWriter, r *http.Request) *Problem
}

func routes(s *Server) []route {
	return []route{
		{pattern: "GET /healthz", open: true, handle: s.healthz},
		{pattern: "GET /readyz", open: true, handle: s.readyz},
		{pattern: "GET /metrics", handle: s.serveMetrics},
		{pattern: "GET /openapi.json", handle: serveOpenAPI},
		{pattern: "GET /{$}", open: true, handle: serveStatic},
		{pattern: "GET /static/{file}", open: true, handle: serveStatic},
		{pattern: "GET /v1/templates", handle: s.listTemplates},
		{pattern: "GET /v1/templates/{name}", handle: s.templateFields},
		{pattern: "POST /v1/templates/{name}", handle: s.fillTemplate},
		{pattern: "POST /v1/render", handle: s.render},
		{pattern: "POST /v1/merge", handle: s.merge},
		{pattern: "POST /v1/annex/check", handle: s.annexCheck},
		{pattern: "POST /v1/info", handle: s.info},
	}
}

// ServeHTTP serves the API, the web page and the health checks.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

// statusWriter records the status and the bytes of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flushing a
// streamed merge).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap adds to a route what every request gets: refusal while draining,
// the token, the body limit checked on Content-Length before anything is
// read, the timeout, the metrics and the log line.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		s.metrics.inFlight.Add(1)
		defer s.metrics.inFlight.Add(-1)
		p := s.admit(rt, r)
		if p == nil {
			ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
			r = r.WithContext(ctx)
			r.Body = http.MaxBytesReader(sw, r.Body, s.cfg.MaxBody)
			p = rt.handle(sw, r)
			if p == nil && ctx.Err() == context.DeadlineExceeded && sw.status == 0 {
				p = problemTimeout()
			}
			cancel()
		}
		if p != nil {
			writeProblem(sw, r, p)
		}
		d := time.Since(start)
		s.metrics.observe(rt.pattern, sw.status, d)
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("route", rt.pattern), slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes), slog.Duration("duration", d),
			slog.String("remote", r.RemoteAddr))
	})
}

// admit returns the problem that stops r before its handler runs, or nil.
func (s *Server) admit(rt route, r *http.Request) *Problem {
	if s.draining.Load() && !rt.open {
		return &Problem{Status: http.StatusServiceUnavailable, vi: "Máy chủ đang dừng; hãy gửi lại yêu cầu sau.", en: "The server is shutting down; send the request again later."}
	}
	if !rt.open && s.cfg.Token != "" && !validToken(r.Header.Get("Authorization"), s.cfg.Token) {
		return &Problem{Status: http.StatusUnauthorized, vi: "Thiếu mã truy cập hoặc mã không đúng (Authorization: Bearer …).", en: "Missing or wrong access token (Authorization: Bearer …)."}
	}
	if r.ContentLength > s.cfg.MaxBody {
		return problemTooLarge(s.cfg.MaxBody)
	}
	return nil
}

// acquire waits for a worker, or for r's context to end.
func (s *Server) acquire(r *http.Request) (release func(), p *Problem) {
	select {
	case s.work <- struct{}{}:
		return func() { <-s.work }, nil
	case <-r.Context().Done():
		return nil, problemTimeout()
	}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) *Problem {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "ok\n")
	return nil
}

// readyz answers 503 while the server drains, so that a load balancer
// stops sending it requests before it stops.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) *Problem {
	if s.draining.Load() {
		return &Problem{Status: http.StatusServiceUnavailable, vi: "Máy chủ đang dừng.", en: "The server is shutting down."}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "ready\n")
	return nil
}

func problemTooLarge(max int64) *Problem {
	return &Problem{Status: http.StatusRequestEntityTooLarge,
		vi: fmt.Sprintf("Nội dung yêu cầu vượt quá %s byte.", strconv.FormatInt(max, 10)),
		en: fmt.Sprintf("The request body is larger than %d bytes.", max)}
}

func problemTimeout() *Problem {
	return &Problem{Status: http.StatusServiceUnavailable, vi: "Hết thời gian xử lý yêu cầu.", en: "The request timed out."}
}
