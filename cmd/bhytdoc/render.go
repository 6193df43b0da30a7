package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	variant := fs.String("variant", "paper", "`paper` or electronic: a decision that issues a document (issues:) and that document in one file, or each in its own, the issued one NAME"+attachedSuffix+" to sign with sign --attached-to")
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
	v, err := bhytdoc.ParseVariant(*variant)
	if err != nil {
		fmt.Fprintln(stderr, "bhytdoc render: --variant:", err)
		return exitUsage
	}
	// Refuse before writing anything: two sources with the same base
	// name would write the same file, the second over the first.
	writer := map[string]string{}
	for _, src := range sources {
		for _, name := range outNames(src, fmts, v) {
			out := filepath.Join(*dir, name)
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
		if code := renderOne(src, *dir, fmts, &bhytdoc.Options{Archival: *pdfa, Variant: v}, *allow, stdout, stderr); code != exitOK {
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
			out, err = bhytdoc.RenderDOCX(s.Doc, &bhytdoc.Options{Variant: opts.Variant})
		case "xlsx":
			out, err = bhytdoc.RenderXLSX(s.Doc, nil)
		}
		if err != nil {
			return printErrors(stderr, path, relocate(s.Locate(err), srcDir))
		}
		outs = append(outs, output{outName(path, f), out})
		att, err := renderAttached(s.Doc, f, opts)
		if err != nil {
			return printErrors(stderr, path, relocate(s.Locate(err), srcDir))
		}
		if att != nil {
			outs = append(outs, output{attachedName(path, f), att})
		}
	}
	if err := writeSet(stdout, dir, outs, path); err != nil {
		fmt.Fprintf(stderr, "bhytdoc render: %v\n", err)
		return exitInvalid
	}
	if opts.Variant == bhytdoc.Electronic && s.Doc.Issues != nil && slices.Contains(fmts, "pdf") {
		fmt.Fprintf(stderr, "bhytdoc render: %s: once the decision is signed, sign %s as the organisation: bhytdoc sign %s --role organisation --attached-to %s\n",
			path, attachedName(path, "pdf"), filepath.Join(dir, attachedName(path, "pdf")), strings.TrimSpace(s.Doc.NumberSymbol()))
	}
	return exitOK
}

// attachedSuffix ends the base name of the file of the document a
// decision issues, in the electronic variant.
const attachedSuffix = "-kem-theo"

// attachedName is the name of that file for source in format f.
func attachedName(source, f string) string {
	return strings.TrimSuffix(outName(source, f), "."+f) + attachedSuffix + "." + f
}

// outNames lists the files render may write for source: in the
// electronic variant, the issued document's PDF and DOCX beside the
// decision's.
func outNames(source string, fmts []string, v bhytdoc.Variant) []string {
	var out []string
	for _, f := range fmts {
		out = append(out, outName(source, f))
		if v == bhytdoc.Electronic && (f == "pdf" || f == "docx") {
			out = append(out, attachedName(source, f))
		}
	}
	return out
}

// renderAttached renders, in the electronic variant, the document d
// issues as a file of its own in format f; nil when there is none.
func renderAttached(d *bhytdoc.Document, f string, opts *bhytdoc.Options) ([]byte, error) {
	if opts.Variant != bhytdoc.Electronic || d.Issues == nil {
		return nil, nil
	}
	att := d.IssuedDocument(bhytdoc.Electronic)
	var b []byte
	var err error
	switch f {
	case "pdf":
		b, err = bhytdoc.RenderPDF(att, opts)
	case "docx":
		b, err = bhytdoc.RenderDOCX(att, nil)
	default:
		return nil, nil
	}
	return b, prefixedErr(err)
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

// prefixedErr names the fields of the issued document's own problems as
// the source names them (Issues.*), so that Locate finds their lines.
func prefixedErr(err error) error {
	var ve *bhytdoc.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := &bhytdoc.ValidationError{}
	for _, e := range ve.Errors {
		var fe *bhytdoc.FieldError
		var ge *bhytdoc.GlyphError
		switch {
		case errors.As(e, &ge):
			g := *ge
			g.Field = "Issues." + g.Field
			e = &g
		case errors.As(e, &fe):
			e = &bhytdoc.FieldError{Field: "Issues." + fe.Field, Msg: fe.Msg}
		}
		out.Errors = append(out.Errors, e)
	}
	return out
}
