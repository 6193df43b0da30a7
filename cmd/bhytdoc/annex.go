package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/plan"
)

func runAnnex(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printHelp(stderr, "annex", nil)
		return exitUsage
	}
	switch args[0] {
	case "plan":
		return runAnnexPlan(args[1:], stdout, stderr)
	case "check":
		return runAnnexCheck(args[1:], stdout, stderr)
	case "-h", "--help", "-help", "help":
		printHelp(stderr, "annex", nil)
		return exitOK
	}
	fmt.Fprintf(stderr, "bhytdoc annex: unknown subcommand %q\n", args[0])
	printHelp(stderr, "annex", nil)
	return exitUsage
}

// milestones is the repeatable --milestone DATE:RATE flag.
type milestones []coverage.Milestone

// String returns the milestones as they are given on the command line.
func (m *milestones) String() string {
	var parts []string
	for _, x := range *m {
		parts = append(parts, fmt.Sprintf("%04d-%02d-%02d:%s", x.Date.Year, x.Date.Month, x.Date.Day, x.Rate.Text()))
	}
	return strings.Join(parts, " ")
}

// Set adds the milestone DATE:RATE.
func (m *milestones) Set(s string) error {
	x, err := plan.ParseMilestone(s)
	if err != nil {
		return err
	}
	*m = append(*m, x)
	return nil
}

func runAnnexPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("annex plan", stderr)
	var ms milestones
	fs.Var(&ms, "milestone", "milestone `DATE:RATE` (2020-06-30:85, rate in %, \"89,5\" allowed); repeat for each")
	growth := fs.String("growth", "", "yearly population growth `RATE` in % for units whose data gives none")
	date := fs.String("date", "", "baseline `DATE` for units whose data gives none (needed with growth)")
	prec := fs.Int("precision", coverage.DefaultPrecision, "decimals of printed rates (0–9)")
	title := fs.String("title", "", "annex `title` (default derived from the units' kinds)")
	ref := fs.String("reference", "", "reference line under the title, without parentheses")
	sortUnits := fs.Bool("sort", false, "sort units in Vietnamese alphabetical order (default: input order)")
	dir := fs.String("o", "out", "output `directory`")
	sheet := fs.String("sheet", "", "the workbook's `sheet` to read (default: the one it opens on)")
	units := fs.String("units", "", "units `file` (.xlsx or .csv), as new and merge name it; or give it as the argument")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if *units != "" {
		pos = append([]string{*units}, pos...)
	}
	if len(pos) != 1 {
		return missing(stderr, fs, "UNITS.xlsx|.csv (one units file, or --units)")
	}
	if len(ms) == 0 {
		return missing(stderr, fs, "--milestone DATE:RATE (at least one)")
	}
	if *prec < 0 || *prec > coverage.MaxPrecision {
		fmt.Fprintf(stderr, "bhytdoc annex plan: --precision %d outside 0–%d\n", *prec, coverage.MaxPrecision)
		return exitUsage
	}
	var g coverage.Percent
	if *growth != "" {
		if g, err = coverage.ParsePercent(*growth); err != nil {
			fmt.Fprintln(stderr, "bhytdoc annex plan: --growth:", err)
			return exitUsage
		}
	}
	var d bhytdoc.Date
	if *date != "" {
		if d, err = coverage.ParseDate(*date); err != nil {
			fmt.Fprintln(stderr, "bhytdoc annex plan: --date:", err)
			return exitUsage
		}
	}
	file := pos[0]
	// A small plan is done before collecting pays: package initialisation
	// takes 3 of the first 4 MB, and two collections were a quarter of
	// the CPU of planning 100 units. A units file of 256 KB is about
	// 5.000 units, some 10 MB of heap.
	if fi, err := os.Stat(file); err == nil && fi.Size() < 256<<10 {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	bs, read, err := readBaselines(file, *sheet)
	if err != nil {
		return report(stderr, "", err)
	}
	if read != "" {
		fmt.Fprintf(stderr, "%s: read sheet %q\n", file, read)
	}
	for i := range bs {
		if bs[i].Growth == 0 {
			bs[i].Growth = g
		}
		if bs[i].Date == (bhytdoc.Date{}) {
			bs[i].Date = d
		}
	}
	if *sortUnits {
		coverage.SortBaselines(bs)
	}
	t, err := coverage.PlanTargets(bs, ms)
	if err != nil {
		return report(stderr, "", err)
	}
	t.Title, t.Reference = *title, *ref
	t.Precision = *prec
	if *prec == 0 {
		t.Precision = coverage.WholePercent
	}
	// At once, each straight to its file: neither holds its table's
	// text, so two cores take less wall time for little more memory.
	err = writeFuncs(stdout, *dir, []outputFunc{
		{"plan.xlsx", func(w io.Writer) error { return coverage.WriteXLSX(w, t) }},
		{"plan.md", func(w io.Writer) error { return coverage.WriteMarkdown(w, t) }},
	}, file)
	if err != nil {
		return report(stderr, "", err)
	}
	fmt.Fprintln(stderr, t.Schedule()+".")
	return exitOK
}

// outputFunc is an output file written as it is made.
type outputFunc struct {
	name  string
	write func(io.Writer) error
}

// writeFuncs is writeSet of files written at once as they are made,
// never held whole in memory.
func writeFuncs(stdout io.Writer, dir string, outs []outputFunc, inputs ...string) error {
	var (
		names  []string
		writes []func(io.Writer) error
	)
	for _, o := range outs {
		names, writes = append(names, o.name), append(writes, o.write)
	}
	if err := refuseInputs(dir, names, inputs); err != nil {
		return err
	}
	s, err := atomicfile.NewSet(dir) // non-regular targets are refused at Commit
	if err != nil {
		return err
	}
	if err := s.AddFuncs(names, writes); err != nil {
		return err
	}
	return commitSet(stdout, s)
}

// readBaselines reads the baselines of file and, for a workbook, the
// name of the sheet read.
func readBaselines(file, sheet string) (bs []coverage.Baseline, read string, err error) {
	bs, err = readTable(file, sheet, func(r io.Reader, name string) ([]coverage.Baseline, error) {
		var err error
		bs, read, err = coverage.ReadXLSXSheet(r, name, sheet)
		return bs, err
	}, coverage.ReadCSV)
	return bs, read, err
}

// readTable opens file and reads it with the reader its extension calls
// for; a sheet is named only for a workbook.
func readTable[T any](file, sheet string, xlsx, csv func(io.Reader, string) (T, error)) (T, error) {
	var zero T
	read := csv
	switch strings.ToLower(filepath.Ext(file)) {
	case ".xlsx", ".xlsm":
		read = xlsx
	case ".csv", ".txt":
		if sheet != "" {
			return zero, fmt.Errorf("%s: --sheet names a workbook's sheet; a CSV file has none", file)
		}
	default:
		return zero, fmt.Errorf("%s: unknown file type (want .xlsx or .csv)", file)
	}
	f, err := openInput(file, maxTableBytes)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return read(f, file)
}

func runAnnexCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("annex check", stderr)
	sheet := fs.String("sheet", "", "check only this `sheet` of each workbook (default: every visible sheet)")
	files, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(files) == 0 {
		return missing(stderr, fs, "TABLE.xlsx|.csv|SOURCE.md (one or more tables)")
	}
	status := exitOK
	for _, file := range files {
		if strings.EqualFold(filepath.Ext(file), ".md") {
			if *sheet != "" {
				fmt.Fprintf(stderr, "bhytdoc annex check: %s: --sheet is for workbooks; a source names its sheets itself\n", file)
				status = exitUsage
				continue
			}
			if code := checkSource(file, stdout, stderr); code != exitOK {
				status = code
			}
			continue
		}
		sheets, err := readAnnexes(file, *sheet)
		if err != nil {
			status = report(stderr, "", err)
			continue
		}
		n := 0
		for _, s := range sheets {
			found, err := s.Check()
			if err != nil {
				status = report(stderr, "", err)
				continue
			}
			for _, f := range found {
				fmt.Fprintf(stderr, "%s: %s\n", file, f)
			}
			n += len(found)
		}
		if n > 0 {
			status = exitInvalid
			fmt.Fprintf(stderr, "bhytdoc: %s: %d inconsistencies\n", file, n)
		}
	}
	return status
}

func readAnnexes(file, sheet string) ([]*coverage.AnnexSheet, error) {
	xlsx := coverage.ReadAnnexXLSX
	if sheet != "" {
		xlsx = func(r io.Reader, name string) ([]*coverage.AnnexSheet, error) {
			s, err := coverage.ReadAnnexXLSXSheet(r, name, sheet)
			if err != nil {
				return nil, err
			}
			return []*coverage.AnnexSheet{s}, nil
		}
	}
	return readTable(file, sheet, xlsx, func(r io.Reader, name string) ([]*coverage.AnnexSheet, error) {
		s, err := coverage.ReadAnnexCSV(r, name)
		if err != nil {
			return nil, err
		}
		return []*coverage.AnnexSheet{s}, nil
	})
}

// checkSource checks the coverage annexes of the Markdown source file,
// reading the files it names inside its directory as render does. A
// finding names the annex by its index and, for a table read from a
// file, the file and sheet, and the cell: "plan.md: annexes[1]
// (units.xlsx!Sheet1): F5: row 3 …"; otherwise by its title.
func checkSource(file string, stdout, stderr io.Writer) int {
	data, err := readInput(file, maxTextBytes)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	srcDir := filepath.Dir(file)
	root, err := os.OpenRoot(srcDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	defer root.Close()
	s, err := parseSource(data, file, root)
	if err != nil {
		return printErrors(stderr, file, relocate(err, srcDir))
	}
	// Each finding names the annex by its key in the source's front
	// matter, and by the file it was read from or else its title.
	found := coverage.CheckSource(s)
	for _, f := range found {
		label := excerpt.Trim(f.Title)
		if f.File != nil {
			label = f.File.String()
		}
		fmt.Fprintf(stderr, "%s: annexes[%d] (%s): %s\n", file, f.Annex, label, f)
	}
	if len(found) > 0 {
		fmt.Fprintf(stderr, "bhytdoc: %s: %d inconsistencies\n", file, len(found))
		return exitInvalid
	}
	return exitOK
}
