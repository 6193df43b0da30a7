package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/markdown"
	"github.com/bhytdoc/bhytdoc/templates"
)

const mergeUsage = `usage: bhytdoc merge TEMPLATE --rows UNITS.xlsx|.csv|.json [--data COMMON.yaml] [flags]

Renders one document per row: the row's fields (column headers as field
names; "A.B" sets field B of A) over the common data. With --milestone,
the rows are also the baselines of a plan, and each row gets its share:
DonVi, DanSo, DaThamGia, TyLe and ChiTieu (per milestone: Ngay, TyLe,
SoNguoi, DanSo, PhatTrienMoi). Every row is checked before anything is
written; problems are listed together, each naming its row.

Outputs: -o DIR (files), --combined FILE.pdf (one PDF for printing),
--zip FILE.zip; at least one. With none, -o out.
`

// mergeFlags are merge's options.
type mergeFlags struct {
	data, rows, sheet, dir, format, name, combined, zip, shard string
	ascii, keepGoing, duplex, allow                            bool
	numberFrom, jobs                                           int
	ms                                                         milestones
	dirSet, formatSet                                          bool
}

func runMerge(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f mergeFlags
	fs.StringVar(&f.data, "data", "", "common data `file` (.json, .yaml): fields every document shares")
	fs.StringVar(&f.rows, "rows", "", "rows `file` (.xlsx, .csv, .json): one document per row")
	fs.StringVar(&f.sheet, "sheet", "", "the workbook's `sheet` to read (default: the one it opens on)")
	fs.StringVar(&f.dir, "o", "out", "output `directory` for one file per document")
	fs.StringVar(&f.format, "format", "pdf", "comma-separated `formats` of the files in -o: pdf, md, docx")
	fs.StringVar(&f.name, "name", "", "file name `template` over a row's data, e.g. '{{.Ten}}' (default: the row number)")
	fs.BoolVar(&f.ascii, "ascii-names", false, "transliterate file names to ASCII (Phường → Phuong)")
	fs.IntVar(&f.numberFrom, "number-from", 0, "number the documents from `N` in row order (default: drafts without numbers)")
	fs.BoolVar(&f.keepGoing, "keep-going", false, "write the good rows and report the bad ones (exit status 1)")
	fs.StringVar(&f.combined, "combined", "", "write every document into one PDF `file` for printing")
	fs.BoolVar(&f.duplex, "duplex", false, "in --combined, start each document on a new sheet (odd page)")
	fs.StringVar(&f.zip, "zip", "", "write the files into one zip `archive`")
	fs.StringVar(&f.shard, "shard", "", "render only share `I/N` of the rows: those whose 0-based index modulo N is I; auto/N takes I from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "documents rendered at once")
	fs.Var(&f.ms, "milestone", "plan milestone `DATE:RATE` (2019-12-31:99,5); the rows are the plan's units; repeat for each")
	fs.BoolVar(&f.allow, "allow-inconsistent", false, "render even when a coverage annex's arithmetic is wrong")
	fs.Usage = func() {
		fmt.Fprint(stderr, mergeUsage)
		fmt.Fprintln(stderr, "templates:", strings.Join(templates.Names(), ", "))
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	fs.Visit(func(fl *flag.Flag) {
		f.dirSet = f.dirSet || fl.Name == "o"
		f.formatSet = f.formatSet || fl.Name == "format"
	})
	if len(pos) != 1 || f.rows == "" {
		fs.Usage()
		return exitUsage
	}
	m, code := newMerger(pos[0], &f, stderr)
	if m == nil {
		return code
	}
	return m.run(stdout, stderr)
}

// merger holds a merge run's parsed options.
type merger struct {
	f        *mergeFlags
	tmpl     string
	fmts     []batch.Format
	shard    batch.Shard
	nameTmpl *template.Template
	common   map[string]any
	plan     *plan
	opts     *bhytdoc.PDFBookOptions
}

func newMerger(tmpl string, f *mergeFlags, stderr io.Writer) (*merger, int) {
	usage := func(format string, args ...any) (*merger, int) {
		fmt.Fprintf(stderr, "bhytdoc merge: "+format+"\n", args...)
		return nil, exitUsage
	}
	m := &merger{f: f, tmpl: tmpl, common: map[string]any{}}
	if !slices.Contains(templates.Names(), tmpl) {
		return usage("no template %q (have %s)", tmpl, strings.Join(templates.Names(), ", "))
	}
	fmts, err := formats(f.format, "pdf", "md", "docx")
	if err != nil {
		return usage("%v", err)
	}
	for _, x := range fmts {
		m.fmts = append(m.fmts, batch.Format(x))
	}
	if f.combined == "" && f.zip == "" {
		f.dirSet = true
	}
	if !f.dirSet && f.zip == "" {
		if f.formatSet {
			return usage("--format names the files of -o and --zip; --combined is always PDF")
		}
		m.fmts = nil // the combined PDF needs layouts only
	}
	if f.shard != "" {
		if m.shard, err = parseShardFlag(f.shard); err != nil {
			return usage("--shard: %v", err)
		}
	}
	if f.numberFrom < 0 {
		return usage("--number-from %d: want a positive number", f.numberFrom)
	}
	if f.jobs < 1 {
		return usage("-j %d: want at least 1", f.jobs)
	}
	if f.duplex && f.combined == "" {
		return usage("--duplex applies to --combined")
	}
	if f.combined != "" && strings.ToLower(filepath.Ext(f.combined)) != ".pdf" {
		return usage("--combined %s: want a .pdf file", f.combined)
	}
	if f.name != "" {
		if m.nameTmpl, err = template.New("--name").Option("missingkey=error").Parse(f.name); err != nil {
			return usage("--name: %v", err)
		}
	}
	if f.data != "" {
		d, err := readData(f.data)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return nil, exitInvalid
		}
		m.common = d.(map[string]any)
	}
	if _, ok := m.common["So"]; ok && f.numberFrom == 0 {
		fmt.Fprintf(stderr, "bhytdoc: %s: So: every document needs its own number: use --number-from N, a So column, or leave So out for drafts\n", f.data)
		return nil, exitInvalid
	}
	if len(f.ms) > 0 {
		o, err := annexOptionsOf(m.common)
		if err == nil {
			var bs []coverage.Baseline
			if bs, _, err = readBaselines(f.rows, f.sheet); err == nil {
				m.plan, err = makePlan(bs, f.ms, o)
			}
		}
		if err != nil {
			return nil, report(stderr, f.rows, err)
		}
	}
	m.opts = &bhytdoc.PDFBookOptions{Title: strings.TrimSuffix(filepath.Base(f.combined), filepath.Ext(f.combined)), Duplex: f.duplex}
	return m, exitOK
}

// rowData merges row over the common data (and the row's share of the
// plan over both). Empty cells leave the common value; "A.B" headers set
// field B of mapping A without changing the common data.
func (m *merger) rowData(r dataRow) (map[string]any, error) {
	d := maps.Clone(m.common)
	keys := slices.Sorted(maps.Keys(r.Fields))
	for _, k := range keys {
		v := r.Fields[k]
		if s, ok := v.(string); ok && s == "" {
			continue
		}
		if err := setPath(d, strings.Split(k, "."), v); err != nil {
			return nil, fmt.Errorf("column %q: %v", k, err)
		}
	}
	if m.plan != nil {
		if r.Index >= len(m.plan.table.Rows) {
			return nil, fmt.Errorf("a row the plan does not have (the plan has %d units)", len(m.plan.table.Rows))
		}
		u := m.plan.table.Rows[r.Index].Unit
		if !rowNames(r.Fields, u) {
			return nil, fmt.Errorf("the plan's unit %d is %q, which this row does not name", r.Index+1, u.Label())
		}
		maps.Copy(d, m.plan.rowData(r.Index))
	}
	if m.f.numberFrom > 0 {
		d["So"] = m.f.numberFrom + r.Index
	} else if _, ok := d["So"]; !ok {
		d["So"] = 0
	}
	return d, nil
}

// rowNames reports whether one of the row's cells names u.
func rowNames(fields map[string]any, u coverage.Unit) bool {
	for _, v := range fields {
		if s, ok := v.(string); ok && (s == u.Label() || s == u.Name) {
			return true
		}
	}
	return false
}

func setPath(d map[string]any, path []string, v any) error {
	for i, k := range path {
		if k == "" {
			return errors.New("empty field name")
		}
		if i == len(path)-1 {
			d[k] = v
			return nil
		}
		sub, ok := d[k].(map[string]any)
		if !ok && d[k] != nil {
			return fmt.Errorf("%s is not a mapping", strings.Join(path[:i+1], "."))
		}
		sub = maps.Clone(sub) // the common data stays as it was
		if sub == nil {
			sub = map[string]any{}
		}
		d[k] = sub
		d = sub
	}
	return nil
}

// named returns row's data, its title (the --name template's text, for
// bookmarks) and the file name before it is made unique.
func (m *merger) named(r dataRow) (data map[string]any, title, name string, err error) {
	data, err = m.rowData(r)
	title = fmt.Sprintf("%05d", r.Index+1)
	if err == nil && m.nameTmpl != nil {
		var sb strings.Builder
		if err = m.nameTmpl.Execute(&sb, data); err == nil {
			title = strings.TrimSpace(sb.String())
		} else {
			err = fmt.Errorf("--name: %v", err)
		}
	}
	name = title
	if m.f.ascii {
		name = batch.ASCIIName(name)
	}
	return data, title, name, err
}

// fill makes row's document and checks it as rendering will.
func (m *merger) fill(data map[string]any) (*bhytdoc.Document, error) {
	doc, err := templates.Fill(m.tmpl, data)
	if err != nil {
		return nil, err
	}
	if err := checkCoverage(doc, m.f.allow); err != nil {
		return nil, err
	}
	return doc, nil
}

// rowError is the problems of one row.
type rowError struct {
	index int
	where string
	err   error
}

// lines returns the problems one per line, each prefixed with the row.
func (e rowError) lines() []string {
	var out []string
	var walk func(err error)
	walk = func(err error) {
		var many interface{ Unwrap() []error }
		var es markdown.Errors
		switch {
		case errors.As(err, &es):
			for _, x := range es {
				out = append(out, x.Error())
			}
		case errors.As(err, &many):
			for _, x := range many.Unwrap() {
				walk(x)
			}
		default:
			out = append(out, err.Error())
		}
	}
	walk(e.err)
	for i := range out {
		out[i] = e.where + ": " + out[i]
	}
	return out
}

// names and checks: the first pass over the rows. Every row gets its
// file name (names depend on all rows before it, so every shard computes
// all of them); the shard's rows are filled and checked in parallel.
func (m *merger) check() (names, titles []string, bad map[int]bool, errs []rowError, err error) {
	var nm batch.Names
	type job struct {
		r    dataRow
		data map[string]any
	}
	jobs := make(chan job, 4*m.f.jobs)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range m.f.jobs {
		wg.Go(func() {
			for j := range jobs {
				doc, err := m.fill(j.data)
				if err == nil {
					err = bhytdoc.CheckPDF(doc, nil)
				}
				if err != nil {
					mu.Lock()
					errs = append(errs, rowError{j.r.Index, j.r.Where, err})
					mu.Unlock()
				}
			}
		})
	}
	n := 0
	for r, rerr := range readRows(m.f.rows, m.f.sheet) {
		if rerr != nil {
			err = rerr
			break
		}
		n++
		data, title, name, derr := m.named(r)
		names = append(names, nm.Unique(name))
		titles = append(titles, title)
		if !m.shard.Has(r.Index) {
			continue
		}
		if derr != nil {
			mu.Lock()
			errs = append(errs, rowError{r.Index, r.Where, derr})
			mu.Unlock()
			continue
		}
		jobs <- job{r, data}
	}
	close(jobs)
	wg.Wait()
	if err == nil && m.plan != nil && n != len(m.plan.table.Rows) {
		err = fmt.Errorf("%s: %d rows, but the plan read %d units from it", m.f.rows, n, len(m.plan.table.Rows))
	}
	if err == nil && n == 0 {
		err = fmt.Errorf("%s: no rows", m.f.rows)
	}
	slices.SortFunc(errs, func(a, b rowError) int { return a.index - b.index })
	bad = map[int]bool{}
	for _, e := range errs {
		bad[e.index] = true
	}
	return names, titles, bad, errs, err
}

// run renders the rows. With -o DIR, whose files appear one by one,
// every row is checked in a first pass before any is written. Without it
// the outputs (zip, combined PDF) are written under temporary names, so
// one pass renders and checks together: a problem found anywhere
// discards them, and the rows are filled once rather than twice.
func (m *merger) run(stdout, stderr io.Writer) int {
	twoPass := m.f.dirSet
	var (
		names, titles []string
		bad           = map[int]bool{}
		rowErrs       []rowError
	)
	if twoPass {
		var err error
		names, titles, bad, rowErrs, err = m.check()
		if err != nil {
			return report(stderr, "", err)
		}
		if m.printRowErrors(stderr, rowErrs, len(names)) {
			return exitInvalid
		}
	}

	// Sinks: files, a zip, one PDF. The zip and the PDF are written to
	// temporary files beside their names and renamed when complete.
	var sinks []batch.Sink
	var temps []*tempOut
	defer func() {
		for _, t := range temps {
			t.discard()
		}
	}()
	if m.f.dirSet {
		ds := batch.NewDirSink(m.f.dir)
		ds.Written = func(p string) { fmt.Fprintln(stdout, p) }
		sinks = append(sinks, ds)
	}
	for _, out := range []string{m.f.zip, m.f.combined} {
		if out == "" {
			continue
		}
		t, err := newTempOut(out)
		if err != nil {
			return report(stderr, "", err)
		}
		temps = append(temps, t)
		if out == m.f.zip {
			sinks = append(sinks, batch.NewZipSink(t.w))
		} else {
			sinks = append(sinks, batch.NewBookSink(t.w, m.opts))
		}
	}

	// total is known before rendering only after a first pass.
	total := -1
	if twoPass {
		total = 0
		for i := range names {
			if m.shard.Has(i) && !bad[i] {
				total++
			}
		}
	}
	start := time.Now()
	r := &batch.Renderer{Formats: m.fmts, Jobs: m.f.jobs, KeepGoing: m.f.keepGoing || !twoPass}
	var prog batch.Progress
	if total < 0 && isTerminal(stderr) {
		// For the bar's ETA: a count of the rows, which is quick beside
		// rendering them.
		total = 0
		for r, err := range readRows(m.f.rows, m.f.sheet) {
			if err != nil {
				break
			}
			if m.shard.Has(r.Index) {
				total++
			}
		}
	}
	bar := progressBar(stderr, total)
	r.Progress = func(p batch.Progress) {
		prog = p
		if bar != nil {
			bar.Set(p.Done)
		}
	}
	// at[i] is the row of the i-th document handed to the Renderer, for
	// messages; read after Render returns.
	var at []dataRow
	rows, readErr := 0, error(nil)
	var nm batch.Names
	docs := func(yield func(batch.Item, error) bool) {
		for row, err := range readRows(m.f.rows, m.f.sheet) {
			if err != nil {
				readErr = err
				return
			}
			rows++
			i := row.Index
			var data map[string]any
			if !twoPass {
				var title, name string
				data, title, name, err = m.named(row)
				names = append(names, nm.Unique(name))
				titles = append(titles, title)
			}
			if !m.shard.Has(i) || bad[i] {
				continue
			}
			at = append(at, dataRow{Index: i, Where: row.Where})
			it := batch.Item{Name: names[i], Title: titles[i], Load: func() (*bhytdoc.Document, error) {
				if data == nil {
					d, err := m.rowData(row)
					if err != nil {
						return nil, err
					}
					data = d
				}
				return m.fill(data)
			}}
			if !yield(it, err) {
				return
			}
		}
	}
	err := r.Render(docs, batch.Tee(sinks...))
	if bar != nil {
		bar.Finish()
	}
	if readErr != nil {
		return report(stderr, "", readErr)
	}
	if m.plan != nil && rows != len(m.plan.table.Rows) {
		return report(stderr, "", fmt.Errorf("%s: %d rows, but the plan read %d units from it", m.f.rows, rows, len(m.plan.table.Rows)))
	}
	failed := len(rowErrs) > 0
	if err != nil {
		if !onlyItemErrors(err) {
			return report(stderr, "", err)
		}
		var found []rowError
		for _, e := range itemErrors(err) {
			found = append(found, rowError{at[e.Index].Index, at[e.Index].Where, e.Err})
		}
		if m.printRowErrors(stderr, found, rows) {
			return exitInvalid
		}
		failed = true
	}
	for _, t := range temps {
		if err := t.commit(); err != nil {
			return report(stderr, "", err)
		}
		fmt.Fprintln(stdout, t.path)
	}
	el := time.Since(start).Seconds()
	fmt.Fprintf(stderr, "bhytdoc merge: %d documents, %d pages in %.1fs (%.0f documents/s, %.0f pages/s)\n",
		prog.Done, prog.Pages, el, float64(prog.Done)/el, float64(prog.Pages)/el)
	if failed {
		fmt.Fprintln(stderr, "bhytdoc merge: rows with problems were not written")
		return exitInvalid
	}
	return exitOK
}

// printRowErrors prints every problem, and reports whether the run must
// stop with nothing written (there are problems and no --keep-going).
func (m *merger) printRowErrors(stderr io.Writer, errs []rowError, rows int) bool {
	for _, e := range errs {
		for _, l := range e.lines() {
			fmt.Fprintln(stderr, l)
		}
	}
	if len(errs) > 0 && !m.f.keepGoing {
		fmt.Fprintf(stderr, "bhytdoc merge: %d of %d rows have problems; nothing written (--keep-going writes the others)\n", len(errs), rows)
		return true
	}
	return false
}

// itemErrors lists the *batch.ItemError values err holds.
func itemErrors(err error) []*batch.ItemError {
	if ie, ok := err.(*batch.ItemError); ok {
		return []*batch.ItemError{ie}
	}
	if many, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*batch.ItemError
		for _, e := range many.Unwrap() {
			out = append(out, itemErrors(e)...)
		}
		return out
	}
	return nil
}

// onlyItemErrors reports whether err holds nothing but the failures of
// single documents (no failed output).
func onlyItemErrors(err error) bool {
	if _, ok := err.(*batch.ItemError); ok {
		return true
	}
	if many, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range many.Unwrap() {
			if !onlyItemErrors(e) {
				return false
			}
		}
		return true
	}
	return false
}

// progressBar is a progress bar on stderr when it is a terminal, else
// nil: logs and pipes get the one summary line only.
func progressBar(stderr io.Writer, total int) *progressbar.ProgressBar {
	if !isTerminal(stderr) {
		return nil
	}
	f := stderr.(*os.File)
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("rendering"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("documents"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(f) }),
	)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// tempOut is an output file written under a temporary name in its
// directory and renamed into place when complete, so that a failed run
// leaves neither a half-written file nor a stray one.
type tempOut struct {
	path string
	f    *os.File
	w    *bufio.Writer
	done bool
}

func newTempOut(path string) (*tempOut, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &tempOut{path: path, f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (t *tempOut) commit() error {
	if err := t.w.Flush(); err != nil {
		return err
	}
	if err := t.f.Chmod(0o644); err != nil {
		return err
	}
	if err := t.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(t.f.Name(), t.path); err != nil {
		return err
	}
	t.done = true
	return nil
}

func (t *tempOut) discard() {
	if !t.done {
		t.f.Close()
		os.Remove(t.f.Name())
	}
}
