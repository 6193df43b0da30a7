package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/markdown"
	"github.com/bhytdoc/bhytdoc/templates"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", stderr)
	dataPath := fs.String("data", "", "data `file` (.json, .yaml or .yml)")
	dir := fs.String("o", "out", "output `directory`")
	format := fs.String("format", "pdf", "comma-separated output `formats`: pdf, md, docx, xlsx (with --units: the planned annex with formulas)")
	schema := fs.Bool("schema", false, "print the template's data fields as JSON Schema on standard output, and stop")
	pdfa := fs.Bool("pdfa", false, "write PDF as PDF/A-2b (archival)")
	pf := addPlanFlags(fs)
	allow := fs.Bool("allow-inconsistent", false, "render even when a coverage annex's arithmetic is wrong")
	annexFile := fs.String("annex", "", "annex `file` (.xlsx or .csv: a coverage table) of "+annexTemplate+", when not planned from --units")
	fs.Usage = func() {
		printHelp(stderr, "new", fs)
		fmt.Fprintln(stderr, "\ntemplates:", strings.Join(templates.Names(), ", "))
		for _, a := range args {
			if slices.Contains(templates.Names(), a) {
				printFields(stderr, a)
			}
		}
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 {
		return missing(stderr, fs, "TEMPLATE (one of "+strings.Join(templates.Names(), ", ")+")")
	}
	name := pos[0]
	if !slices.Contains(templates.Names(), name) {
		fmt.Fprintf(stderr, "bhytdoc new: no template %q (have %s)\n", name, strings.Join(templates.Names(), ", "))
		return exitUsage
	}
	if *schema {
		b, err := templates.Schema(name)
		if err != nil {
			return report(stderr, "", err)
		}
		fmt.Fprintf(stdout, "%s\n", b)
		return exitOK
	}
	if *dataPath == "" {
		return missing(stderr, fs, "--data DATA.yaml (bhytdoc new "+name+" --help lists its fields)")
	}
	fmts, err := formats(*format, "md", "pdf", "docx", "xlsx")
	if err == nil {
		err = pf.check(name)
	}
	if err == nil && *annexFile != "" {
		switch {
		case name != annexTemplate:
			err = fmt.Errorf("--annex is for %s; %s builds its annex from its data or --units", annexTemplate, name)
		case pf.baseline != "":
			err = errors.New("--annex and --units are two sources of one annex: give one")
		}
	}
	if err == nil && name == annexTemplate && *annexFile == "" && pf.baseline == "" {
		err = errors.New(annexTemplate + " lists its units \"chi tiết tại Phụ lục kèm theo\": plan the annex with --units and --milestone, or read it with --annex TABLE.xlsx")
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
	p, err := pf.apply(data, name, *dataPath)
	var annex *bhytdoc.Annex
	if err == nil && *annexFile != "" {
		var a bhytdoc.Annex
		a, err = readAnnexFile(*annexFile, data, *dataPath, *allow)
		annex = &a
	}
	if err != nil {
		return report(stderr, "", err)
	}
	doc, err := templates.Fill(name, data)
	if err == nil && p != nil {
		err = p.Attach(doc)
	}
	if err == nil && annex != nil {
		doc.Annexes = append(doc.Annexes, *annex)
	}
	if err == nil {
		err = checkCoverage(doc, *allow)
	}
	if err != nil {
		var te *templates.Error
		if errors.As(err, &te) {
			fmt.Fprintf(stderr, "%s (data %s)\n", te.Error(), *dataPath)
			return exitInvalid
		}
		return printErrors(stderr, *dataPath, err)
	}
	var outs []output
	for _, f := range fmts {
		var out []byte
		switch f {
		case "md":
			out, err = markdown.Marshal(doc, nil)
		case "pdf":
			out, err = bhytdoc.RenderPDF(doc, &bhytdoc.Options{Archival: *pdfa})
		case "docx":
			out, err = bhytdoc.RenderDOCX(doc, nil)
		case "xlsx":
			if p != nil {
				out, err = p.Workbook()
			} else {
				out, err = bhytdoc.RenderXLSX(doc, nil)
			}
		}
		if err != nil {
			return printErrors(stderr, *dataPath, err)
		}
		outs = append(outs, output{outName(*dataPath, f), out})
	}
	if err := writeSet(stdout, *dir, outs, *dataPath, pf.baseline, *annexFile); err != nil {
		fmt.Fprintf(stderr, "bhytdoc new: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// readData reads a JSON or YAML data file (see templates.ParseData);
// errors name the file and line.
func readData(path string) (any, error) {
	b, err := readInput(path, maxTextBytes)
	if err != nil {
		return nil, err
	}
	return templates.ParseData(b, path)
}
