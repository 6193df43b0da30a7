package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/markdown"
	"github.com/bhytdoc/bhytdoc/templates"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataPath := fs.String("data", "", "data `file` (.json, .yaml or .yml)")
	dir := fs.String("o", "out", "output `directory`")
	format := fs.String("format", "md", "comma-separated output `formats`: md, pdf, docx, xlsx (the planned annex)")
	pf := addPlanFlags(fs)
	allow := fs.Bool("allow-inconsistent", false, "render even when a coverage annex's arithmetic is wrong")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bhytdoc new TEMPLATE --data DATA.json [--baseline UNITS.xlsx --milestone DATE:RATE ...] [-o DIR] [--format md,pdf,docx,xlsx]")
		fmt.Fprintln(stderr, "templates:", strings.Join(templates.Names(), ", "))
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 || *dataPath == "" {
		fs.Usage()
		return exitUsage
	}
	name := pos[0]
	if !slices.Contains(templates.Names(), name) {
		fmt.Fprintf(stderr, "bhytdoc new: no template %q (have %s)\n", name, strings.Join(templates.Names(), ", "))
		return exitUsage
	}
	fmts, err := formats(*format, "md", "pdf", "docx", "xlsx")
	if err == nil {
		err = pf.check()
	}
	if err == nil && slices.Contains(fmts, "xlsx") && pf.baseline == "" {
		err = errors.New("--format xlsx writes the planned annex: give --baseline and --milestone")
	}
	if err != nil {
		fmt.Fprintln(stderr, "bhytdoc new:", err)
		return exitUsage
	}
	data, err := readData(*dataPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	p, err := pf.apply(data)
	if err != nil {
		return report(stderr, *dataPath, err)
	}
	doc, err := templates.Fill(name, data)
	if err == nil && p != nil {
		err = p.attach(doc)
	}
	if err == nil && !*allow {
		err = checkCoverage(doc)
	}
	if err != nil {
		var te *templates.Error
		if errors.As(err, &te) {
			fmt.Fprintf(stderr, "%s (data %s)\n", te.Error(), *dataPath)
			return exitInvalid
		}
		return printErrors(stderr, *dataPath, err)
	}
	for _, f := range fmts {
		var out []byte
		switch f {
		case "md":
			out, err = markdown.Marshal(doc, nil)
		case "pdf":
			out, err = bhytdoc.RenderPDF(doc, nil)
		case "docx":
			out, err = bhytdoc.RenderDOCX(doc, nil)
		case "xlsx":
			out, err = p.workbook()
		}
		if err != nil {
			return printErrors(stderr, *dataPath, err)
		}
		file := outName(*dataPath, f)
		if err := writeFile(*dir, file, out); err != nil {
			fmt.Fprintf(stderr, "bhytdoc new: %v\n", err)
			return exitInvalid
		}
		fmt.Fprintln(stdout, filepath.Join(*dir, file))
	}
	return exitOK
}

var reYAMLLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// readData decodes a JSON or YAML data file into maps, lists and
// numbers; errors name the file and line.
func readData(path string) (any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var v map[string]any
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		if err := yaml.Unmarshal(b, &v); err != nil {
			line, msg := 1, err.Error()
			if m := reYAMLLine.FindStringSubmatch(msg); m != nil {
				line, _ = strconv.Atoi(m[1])
				msg = m[2]
			}
			return nil, fmt.Errorf("%s:%d: %s", path, line, msg)
		}
	default:
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber() // keep 12345 exact; the template formats it
		err := dec.Decode(&v)
		if err == nil && dec.More() {
			err = errors.New("data after the top-level object")
		}
		if err != nil {
			off := dec.InputOffset()
			var se *json.SyntaxError
			var te *json.UnmarshalTypeError
			switch {
			case errors.As(err, &se):
				off = se.Offset
			case errors.As(err, &te):
				off = te.Offset
			}
			line := 1 + bytes.Count(b[:min(int(off), len(b))], []byte{'\n'})
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
	}
	if v == nil {
		return nil, fmt.Errorf("%s:1: want an object of data fields", path)
	}
	return v, nil
}
