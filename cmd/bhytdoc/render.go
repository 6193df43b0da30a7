package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
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
	fs := newFlags("render", stderr)
	dir := fs.String("o", "out", "output `directory`")
	format := fs.String("format", "pdf", "comma-separated output `formats`: pdf, md, docx, xlsx")
	pdfa := fs.Bool("pdfa", false, "write PDF as PDF/A-2b (archival)")
	allow := fs.Bool("allow-inconsistent", false, "render even when a coverage annex's arithmetic is wrong")
	sources, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(sources) == 0 {
		return missing(stderr, fs, "SOURCE.md (one or more document sources)")
	}
	fmts, err := formats(*format, "pdf", "md", "docx", "xlsx")
	if err != nil {
		fmt.Fprintln(stderr, "bhytdoc render:", err)
		return exitUsage
	}
	// Refuse before writing anything: two sources with the same base
	// name would write the same file, the second over the first.
	writer := map[string]string{}
	for _, src := range sources {
		for _, f := range fmts {
			out := filepath.Join(*dir, outName(src, f))
			if sameFile(out, src) {
				fmt.Fprintf(stderr, "bhytdoc render: writing %s would overwrite the source; choose another -o\n", out)
				return exitUsage
			}
			if prev, dup := writer[out]; dup {
				if sameFile(prev, src) || filepath.Clean(prev) == filepath.Clean(src) {
					fmt.Fprintf(stderr, "bhytdoc render: %s is given twice\n", src)
				} else {
					fmt.Fprintf(stderr, "bhytdoc render: %s and %s would both write %s; render them to different directories\n", prev, src, out)
				}
				return exitUsage
			}
			writer[out] = src
		}
	}
	status := exitOK
	for _, src := range sources {
		if code := renderOne(src, *dir, fmts, &bhytdoc.Options{Archival: *pdfa}, *allow, stdout, stderr); code != exitOK {
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

func renderOne(path, dir string, fmts []string, opts *bhytdoc.Options, allowInconsistent bool, stdout, stderr io.Writer) int {
	data, err := readInput(path, maxTextBytes)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	// Files the source refers to are read relative to it, and messages
	// name files as the user wrote the source's path.
	srcDir := filepath.Dir(path)
	root, err := os.OpenRoot(srcDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	defer root.Close()
	s, err := parseSource(data, path, root)
	if err != nil {
		return printErrors(stderr, path, relocate(err, srcDir))
	}
	if err := checkSourceCoverage(s, allowInconsistent); err != nil {
		return report(stderr, path, err)
	}
	// Every format is made before any is written, and all are written
	// together: never a new PDF beside a stale Markdown file.
	var outs []output
	for _, f := range fmts {
		var out []byte
		switch f {
		case "pdf":
			out, err = bhytdoc.RenderPDF(s.Doc, opts)
		case "md":
			out, err = markdown.Marshal(s.Doc, nil)
		case "docx":
			out, err = bhytdoc.RenderDOCX(s.Doc, nil)
		case "xlsx":
			out, err = bhytdoc.RenderXLSX(s.Doc, nil)
		}
		if err != nil {
			return printErrors(stderr, path, relocate(s.Locate(err), srcDir))
		}
		outs = append(outs, output{outName(path, f), out})
	}
	if err := writeSet(stdout, dir, outs, path); err != nil {
		fmt.Fprintf(stderr, "bhytdoc render: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// parseSource parses the source at path, whose contents are data, reading
// the files it names (annex tables, images) inside root, its directory.
func parseSource(data []byte, path string, root *os.Root) (*markdown.Source, error) {
	return markdown.ParseSourceWith(data, filepath.Base(path), rootFS{root}, &markdown.ParseOptions{Tables: coverage.ReadTable})
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
