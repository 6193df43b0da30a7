// Command bhytdoc renders Vietnamese administrative documents (Decree
// 30/2020/NĐ-CP) to PDF.
//
// Usage:
//
//	bhytdoc examples [-o DIR]     render the built-in seed documents
//
// Exit status: 0 on success, 1 when the input is invalid (one problem per
// line on standard error), 2 on a usage error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"bhytdoc/bhytdoc"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

// command is a subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{
	"examples": {"render the seed documents to PDF", runExamples},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "bhytdoc: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return c.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: bhytdoc COMMAND [flags] [args]")
	fmt.Fprintln(w, "commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
}

// report prints err, one problem per line, prefixed with where (a file
// name, possibly with a line), and returns the exit code for it.
func report(stderr io.Writer, where string, err error) int {
	prefix := "bhytdoc: "
	if where != "" {
		prefix += where + ": "
	}
	var ve *bhytdoc.ValidationError
	if errors.As(err, &ve) {
		for _, e := range ve.Errors {
			fmt.Fprintln(stderr, prefix+e.Error())
		}
		return exitInvalid
	}
	fmt.Fprintln(stderr, prefix+err.Error())
	return exitInvalid
}

// writeFile writes data to dir/name through a temporary file renamed into
// place, so a failed run never leaves a half-written document.
func writeFile(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+name+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// formats parses a comma-separated format list.
func formats(s string, allowed ...string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		ok := false
		for _, a := range allowed {
			ok = ok || f == a
		}
		if !ok {
			return nil, fmt.Errorf("unknown format %q (want %s)", f, strings.Join(allowed, ", "))
		}
		out = append(out, f)
	}
	return out, nil
}
