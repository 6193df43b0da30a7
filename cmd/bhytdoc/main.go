// Command bhytdoc renders Vietnamese administrative documents (Decree
// 30/2020/NĐ-CP) to PDF and Markdown, fills built-in templates, and plans
// and checks health-insurance coverage annexes.
//
// Usage:
//
//	bhytdoc examples [-o DIR]                          render the seed documents to PDF
//	bhytdoc render SOURCE.md... [-o DIR] [--format pdf,md,docx]
//	                                                   render Markdown sources
//	bhytdoc new TEMPLATE --data DATA.json [-o DIR]     fill a built-in template
//	bhytdoc merge TEMPLATE --rows UNITS.xlsx [--data COMMON.yaml] [-o DIR] [--combined ALL.pdf]
//	                                                   one document per row
//	bhytdoc annex plan DATA.xlsx --milestone 2020-06-30:85 ... [-o DIR]
//	                                                   plan coverage targets (XLSX, Markdown)
//	bhytdoc annex check TABLE.xlsx...                  report arithmetic inconsistencies
//	bhytdoc version                                    print the module version
//	bhytdoc sign IN.pdf --p12 KEY.p12 [--password-file F] --role signer|organisation -o OUT.pdf
//	                                                   sign a PDF (Decree 30 placement)
//	bhytdoc info FILE.pdf                              print a bhytdoc PDF's document record (JSON)
//	bhytdoc serve [--listen 127.0.0.1:8080]            serve the HTTP API and the web page
//	bhytdoc edxml SIGNED.pdf --source SRC.md -o OUT.edxml
//	                                                   the edXML package to send (QCVN 102:2016)
//	bhytdoc edxml read PKG.edxml [-o DIR]              print its header (JSON), extract its files
//
// render, new and examples take --pdfa to write PDF/A-2b.
//
// Exit status: 0 on success, 1 when the input is invalid (one problem per
// line on standard error), 2 on a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
	_ "github.com/bhytdoc/bhytdoc/internal/gcstart" // before the packages that allocate at init
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
	"render":   {"render Markdown source files to PDF or Markdown", runRender},
	"new":      {"fill a built-in template with JSON or YAML data", runNew},
	"merge":    {"render one document per row of a table (mail merge)", runMerge},
	"join":     {"join the shards of a merge into one print PDF or zip", runJoin},
	"annex":    {"plan and check coverage annex tables", runAnnex},
	"version":  {"print the module version and how the binary was built", runVersion},
	"sign":     {"sign a PDF as the signer or the organisation", runSign},
	"info":     {"print the document record of a bhytdoc PDF as JSON", runInfo},
	"serve":    {"serve the HTTP API and the web page", runServe},
	"verify":   {"list and check the signatures of a PDF", runVerify},
	"edxml":    {"build the edXML package of a signed PDF, or read one", runEdxml},
}

// completion reads the other commands' flags from commands, so it joins
// them at init.
func init() {
	commands["completion"] = command{"print a shell completion script (bash, zsh, fish)", runCompletion}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 && args[0] == "help" {
		// bhytdoc help merge, bhytdoc help annex plan
		return run(append(slices.Clone(args[1:]), "--help"), stdout, stderr)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
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
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nbhytdoc help COMMAND (or COMMAND --help) shows a command's flags and examples.")
}

// report prints err, one problem per line, prefixed with where (a file
// name, possibly with a line), and returns the exit code for it. An error
// that holds several (a bhytdoc.ValidationError, errors.Join of read
// errors) prints each of them on its own line.
func report(stderr io.Writer, where string, err error) int {
	// Annex findings each on its line, then what they add up to. Only a
	// chain of single wraps is searched: errors.As would also find one
	// among several problems and drop the others.
	for e := err; e != nil; e = errors.Unwrap(e) {
		if ae, ok := e.(*coverage.AnnexError); ok {
			for _, f := range ae.Unwrap() {
				report(stderr, where, f)
			}
			return report(stderr, where, errors.New(annexSummary(ae)))
		}
	}
	var many interface{ Unwrap() []error }
	if errors.As(err, &many) {
		for _, e := range many.Unwrap() {
			report(stderr, where, e)
		}
		return exitInvalid
	}
	prefix := "bhytdoc: "
	if where != "" {
		prefix += where + ": "
	}
	fmt.Fprintln(stderr, prefix+err.Error())
	return exitInvalid
}

// output is one file of a set to write.
type output struct {
	name string
	data []byte
}

// writeSet writes the files to dir together (see atomicfile.Set): either
// all of them are written or none. An output that is one of inputs is
// refused before anything is written. It prints each path written.
func writeSet(stdout io.Writer, dir string, outs []output, inputs ...string) error {
	var names []string
	for _, o := range outs {
		names = append(names, o.name)
	}
	if err := refuseInputs(dir, names, inputs); err != nil {
		return err
	}
	s, err := atomicfile.NewSet(dir) // non-regular targets are refused at Commit
	if err != nil {
		return err
	}
	for _, o := range outs {
		if err := s.Add(o.name, o.data); err != nil {
			return err
		}
	}
	return commitSet(stdout, s)
}

// refuseInputs is an error when an output of dir named in names is one of
// inputs: writing it would overwrite what is being read.
func refuseInputs(dir string, names, inputs []string) error {
	for _, n := range names {
		t := filepath.Join(dir, n)
		for _, in := range inputs {
			if samePath(t, in) {
				return fmt.Errorf("writing %s would overwrite the input %s; choose another -o", t, in)
			}
		}
	}
	return nil
}

// commitSet puts s's files in place and prints each path written.
func commitSet(stdout io.Writer, s *atomicfile.Set) error {
	paths, err := s.Commit()
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	return nil
}

// parseArgs parses fs's flags wherever they stand among the positional
// arguments ("render a.md -o out b.md"), which flag.Parse alone stops at,
// and returns the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
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
