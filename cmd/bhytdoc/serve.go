package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/bhytdoc/bhytdoc/server"
)

// runServe serves the HTTP API and the web page until SIGINT or SIGTERM,
// then shuts down gracefully.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	listen := fs.String("listen", "127.0.0.1:8080", "`address` to listen on")
	tokenFile := fs.String("token-file", "", "`file` holding the bearer token requests must carry (required off loopback)")
	maxBody := fs.String("max-body", "32MiB", "largest request body accepted (`size`: 512KiB, 32MiB, 1GiB)")
	timeout := fs.Duration("timeout", server.DefaultTimeout, "time limit of one request")
	workers := fs.Int("workers", 0, "documents rendered at once (default: one per CPU)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(pos) != 0 {
		fs.Usage()
		return exitUsage
	}
	size, err := parseSize(*maxBody)
	if err != nil {
		fmt.Fprintln(stderr, "bhytdoc serve: --max-body:", err)
		return exitUsage
	}
	token := ""
	if *tokenFile != "" {
		b, err := readInput(*tokenFile, 4096)
		if err != nil {
			fmt.Fprintln(stderr, "bhytdoc serve: --token-file:", err)
			return exitUsage
		}
		if token = strings.TrimSpace(string(b)); token == "" {
			fmt.Fprintln(stderr, "bhytdoc serve: --token-file: the file is empty")
			return exitUsage
		}
	}
	if token == "" && !loopback(*listen) {
		fmt.Fprintf(stderr, "bhytdoc serve: listening on %s needs --token-file (anyone on the network could use the server)\n", *listen)
		return exitUsage
	}
	srv, err := server.New(server.Config{Token: token, MaxBody: size, Timeout: *timeout, Workers: *workers,
		Logger: slog.New(slog.NewJSONHandler(stderr, nil))})
	if err != nil {
		fmt.Fprintln(stderr, "bhytdoc serve:", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(stderr, "bhytdoc serve:", err)
		return exitInvalid
	}
	fmt.Fprintf(stderr, "bhytdoc serve: http://%s/\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "bhytdoc serve:", err)
		return exitInvalid
	}
	return exitOK
}

// loopback reports whether addr listens on the loopback interface only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// parseSize reads a byte size: a number with an optional KiB, MiB or GiB
// (or K, M, G) unit.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = n, u.mult
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("%q is not a size between 1 byte and 1 TiB", s)
	}
	return n * mult, nil
}
