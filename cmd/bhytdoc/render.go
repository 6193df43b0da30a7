package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// printErrors prints each problem of err on its own line, "file:line:
// message", and returns exitInvalid. Errors without a line are reported
// against where.
func printErrors(stderr io.Writer, where string, err error) int {
	var es markdown.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Fprintln(stderr, e.Error())
		}
		return exitInvalid
	}
	return report(stderr, where, err)
}

func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("o", "out", "output `directory`")
	format := fs.String("format", "pdf", "comma-separated output `formats`: pdf, md, docx")
	allow := fs.Bool("allow-inconsistent", false, "render even when a coverage annex's arithmetic is wrong")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bhytdoc render SOURCE.md... [-o DIR] [--format pdf,md,docx]")
		fs.PrintDefaults()
	}
	sources, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(sources) == 0 {
		fs.Usage()
		return exitUsage
	}
	fmts, err := formats(*format, "pdf", "md", "docx")
	if err != nil {
		fmt.Fprintln(stderr, "bhytdoc render:", err)
		return exitUsage
	}
	for _, src := range sources {
		for _, f := range fmts {
			if out := filepath.Join(*dir, outName(src, f)); sameFile(out, src) {
				fmt.Fprintf(stderr, "bhytdoc render: writing %s would overwrite the source; choose another -o\n", out)
				return exitUsage
			}
		}
	}
	status := exitOK
	for _, src := range sources {
		if code := renderOne(src, *dir, fmts, *allow, stdout, stderr); code != exitOK {
			status = code
		}
	}
	return status
}

// outName is the output file name for source in format f: the source's
// base name with the format's extension.
func outName(source, f string) string {
	base := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	return base + "." + f
}

func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func renderOne(path, dir string, fmts []string, allowInconsistent bool, stdout, stderr io.Writer) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		return exitInvalid
	}
	// Files the source refers to are read relative to it, and messages
	// name files as the user wrote the source's path.
	srcDir := filepath.Dir(path)
	s, err := markdown.ParseSource(data, filepath.Base(path), os.DirFS(srcDir))
	if err != nil {
		return printErrors(stderr, path, relocate(err, srcDir))
	}
	if !allowInconsistent {
		if err := checkCoverage(s.Doc); err != nil {
			return report(stderr, path, err)
		}
	}
	for _, f := range fmts {
		var out []byte
		switch f {
		case "pdf":
			out, err = bhytdoc.RenderPDF(s.Doc, nil)
		case "md":
			out, err = markdown.Marshal(s.Doc, nil)
		case "docx":
			out, err = bhytdoc.RenderDOCX(s.Doc, nil)
		}
		if err != nil {
			return printErrors(stderr, path, relocate(s.Locate(err), srcDir))
		}
		name := outName(path, f)
		if err := writeFile(dir, name, out); err != nil {
			fmt.Fprintf(stderr, "bhytdoc render: %v\n", err)
			return exitInvalid
		}
		fmt.Fprintln(stdout, filepath.Join(dir, name))
	}
	return exitOK
}

// relocate puts dir in front of the file names of a markdown.Errors.
func relocate(err error, dir string) error {
	var es markdown.Errors
	if !errors.As(err, &es) || dir == "." {
		return err
	}
	for _, e := range es {
		e.File = filepath.Join(dir, e.File)
	}
	return es
}
