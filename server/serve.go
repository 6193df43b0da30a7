package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Serve serves s on ln until ctx ends, then shuts down gracefully: new
// requests get 503 and /readyz fails at once, requests in flight finish
// (within the Config's Timeout), and Serve returns nil. A slow client
// that does not finish its headers within HeaderTimeout is disconnected
// without holding a worker.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.HeaderTimeout,
		// A body must arrive within the request's own time limit.
		ReadTimeout: s.cfg.Timeout + s.cfg.HeaderTimeout,
		IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.Timeout+time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
