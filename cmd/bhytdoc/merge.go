package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"text/template"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/atomicfile"
	"github.com/bhytdoc/bhytdoc/internal/mailmerge"
	"github.com/bhytdoc/bhytdoc/internal/plan"
	"github.com/bhytdoc/bhytdoc/internal/rows"
	"github.com/bhytdoc/bhytdoc/markdown"
	"github.com/bhytdoc/bhytdoc/templates"
)

// mergeFlags are merge's options.
type mergeFlags struct {
	data, rows, units, sheet, dir, format, name, combined, zip, shard, manifest string
	ascii, keepGoing, duplex, allow, ignoreExtra, sort                          bool
	numberFrom, jobs                                                            int
	ms                                                                          milestones
	dirSet, formatSet                                                           bool
}

func runMerge(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("merge", stderr)
	var f mergeFlags
	fs.StringVar(&f.data, "data", "", "common data `file` (.json, .yaml): fields every document shares")
	fs.StringVar(&f.rows, "rows", "", "rows `file` (.xlsx, .csv, .json): one document per row; with --milestone, also the plan's units unless --units names them")
	fs.StringVar(&f.units, "units", "", "units `file` (.xlsx or .csv) of the plan, with --milestone, as new and annex plan name it: each row is tied to the unit it names (default: the rows file)")
	fs.BoolVar(&f.sort, "sort", false, "sort the planned units in Vietnamese alphabetical order (default: file order)")
	fs.StringVar(&f.sheet, "sheet", "", "the workbook's `sheet` to read (default: the one it opens on)")
	fs.StringVar(&f.dir, "o", "out", "output `directory` for one file per document")
	fs.StringVar(&f.format, "format", "pdf", "comma-separated `formats` of the files in -o: pdf, md, docx")
	fs.StringVar(&f.name, "name", "", "file name `template` over a row's data, e.g. '{{.Ten}}' (default: the row number)")
	fs.BoolVar(&f.ascii, "ascii-names", false, "transliterate file names to ASCII (Phường → Phuong)")
	fs.IntVar(&f.numberFrom, "number-from", 0, "number the documents from `N` in their order (row order, or --sort's) (default: drafts without numbers)")
	fs.BoolVar(&f.keepGoing, "keep-going", false, "write the good rows and report the bad ones (exit status 1)")
	fs.StringVar(&f.combined, "combined", "", "write every document into one PDF `file` for printing")
	fs.BoolVar(&f.duplex, "duplex", false, "in --combined, start each document on a new sheet (odd page)")
	fs.StringVar(&f.zip, "zip", "", "write the files into one zip `archive`")
	fs.StringVar(&f.shard, "shard", "", "render only share `I/N` of the documents: those whose 0-based place (in row order, or --sort's) modulo N is I; auto/N takes I from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)")
	fs.StringVar(&f.manifest, "manifest", "", "write the run's manifest (JSON lines: rows, pages, SHA-256; what join reads) to `file` (default: beside --combined or --zip, else in -o)")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "documents rendered at once")
	fs.Var(&f.ms, "milestone", "plan milestone `DATE:RATE` (2019-12-31:99,5); the rows are the plan's units; repeat for each")
	fs.BoolVar(&f.allow, "allow-inconsistent", false, "render even when a coverage annex's arithmetic is wrong")
	fs.BoolVar(&f.ignoreExtra, "ignore-extra-columns", false, "ignore columns that are not fields of the template (default: an error naming them)")
	fs.Usage = func() {
		printHelp(stderr, "merge", fs)
		fmt.Fprintln(stderr, "\ntemplates:", strings.Join(templates.Names(), ", "))
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	fs.Visit(func(fl *flag.Flag) {
		f.dirSet = f.dirSet || fl.Name == "o"
		f.formatSet = f.formatSet || fl.Name == "format"
	})
	if len(pos) != 1 {
		return missing(stderr, fs, "TEMPLATE (one of "+strings.Join(templates.Names(), ", ")+")")
	}
	if f.rows == "" {
		f.rows = f.units // the units are the rows
	}
	if f.rows == "" {
		return missing(stderr, fs, "--rows ROWS.xlsx|.csv|.json (or --units)")
	}
	m, code := newMerger(pos[0], &f, stderr)
	if m == nil {
		return code
	}
	if pct, ok := mergeGCPercent(len(m.rows.Rows), os.Getenv("GOGC")); ok {
		defer debug.SetGCPercent(debug.SetGCPercent(pct))
	}
	if limit, ok := mergeMemoryLimit(len(m.rows.Rows), os.Getenv("GOMEMLIMIT")); ok {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	return m.runInterruptible(stdout, stderr)
}

// mergeGCRows is the number of rows below which merge lets the heap grow
// to five times what is live between collections, not twice (GOGC=400):
// a merge allocates ~150 KB per letter, nearly all of it garbage at once,
// and collecting less often saves 5–12% of its CPU. From 10,000 rows
// the memory limit (mergeMemoryLimit) bounds the heap all the same: 116
// MB peak at 10,000 letters against 77 MB (GOGC=200: 106–111 MB, 5% more
// CPU than 400). At 100,000 letters the rows kept live would take the
// peak past 200 MB (GOGC=200: 208 MB against 173 MB measured), so larger
// merges keep the default.
const mergeGCRows = 50_000

// mergeGCPercent is the GC percentage for a merge of n rows; ok is false
// when the default stays (a large merge, or GOGC set by the user).
func mergeGCPercent(n int, gogc string) (pct int, ok bool) {
	if n >= mergeGCRows || gogc != "" {
		return 0, false
	}
	return 400, true
}

// Above mergeLimitRows rows, merge sets a soft memory limit (see
// mergeMemoryLimit).
const (
	mergeLimitRows = 10_000
	// mergeWorkingSet is what rendering keeps live besides what was read:
	// a chunk of the combined PDF's pages (pdf.ChunkPages), the fonts,
	// the documents in flight, and what is allocated while a collection
	// runs: 20 to 45 MB for letters of a page.
	mergeWorkingSet = 48 << 20
)

// mergeMemoryLimit is the soft memory limit of a merge of n rows, taken
// once its rows, plan and letters are read: twice what is live then and
// the renderer's working set. The collector lets the heap grow to twice
// what it finds live at each collection, and what it finds live while
// rendering swings with what was allocated during the collection; the
// limit trims those swings to twice what is live on average (100,000
// letters, 38 MB live once read: 191 MB peak RSS rather than 196, for
// 3.5% more marking; a working set of 32 MiB gave 159 MB for 44% more).
// A larger merge gets a limit as much larger. ok is false for a small merge, and when
// GOMEMLIMIT (the user's) is set.
func mergeMemoryLimit(n int, gomemlimit string) (limit int64, ok bool) {
	if n < mergeLimitRows || gomemlimit != "" {
		return 0, false
	}
	// Right after a collection, HeapAlloc is what it found live (what
	// runtime/metrics calls /gc/heap/live:bytes, give or take what was
	// allocated since); runtime/metrics is not linked for its init.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return 2 * (int64(ms.HeapAlloc) + mergeWorkingSet), true
}

// runInterruptible runs m until done or until SIGINT or SIGTERM, which
// cancel the run: its temporaries are removed and the exit status is the
// shell's for the signal (130, 143).
func (m *merger) runInterruptible(stdout, stderr io.Writer) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	var got atomic.Value
	go func() {
		select {
		case s := <-sigs:
			got.Store(s)
			cancel(fmt.Errorf("%v", s))
		case <-ctx.Done():
		}
	}()
	code := m.run(ctx, stdout, stderr)
	if s, ok := got.Load().(os.Signal); ok {
		if s == syscall.SIGTERM {
			return 128 + 15
		}
		return 128 + 2
	}
	return code
}

// Bounds of merge's options: -j beyond the cores only costs memory, and a
// document number stays exact in every format (templates compute in
// float64).
const (
	maxJobs   = 256
	maxNumber = 999_999_999
)

// rowsRead, when set (by tests), is called once the rows are read.
var rowsRead func()

// merger holds a merge run's parsed options.
type merger struct {
	f        *mergeFlags
	tmpl     string
	fmts     []batch.Format
	shard    batch.Shard
	nameTmpl *template.Template
	common   map[string]any
	plan     *plan.Plan
	opts     *bhytdoc.PDFBookOptions
	rows     *rows.Table // read once, before anything is written
	core     *mailmerge.Merge
	letters  []mailmerge.Letter // every row's document, in output order
	declared map[string]bool    // the template's fields
	// check, when set (by join), is given every document too: an error
	// stops the run with nothing written.
	check batch.Sink
	// The rows and data files as read, for the manifest.
	rowsRef fileRef
	dataRef *fileRef
	// unitsRef is the units file, when not the rows file.
	unitsRef *fileRef
}

// checkOutputs refuses outputs that are inputs or one another: the zip or
// the combined PDF being the rows or data file, each other, or one of the
// files -o would write.
func (m *merger) checkOutputs() error {
	var outs []string
	for _, o := range []string{m.f.zip, m.f.combined, m.manifestPath()} {
		if o != "" {
			outs = append(outs, o)
		}
	}
	if err := checkOutputs(outs, []string{m.f.rows, m.f.data, m.f.units}); err != nil {
		return err
	}
	if !m.f.dirSet {
		return nil
	}
	for _, o := range outs {
		if !samePath(filepath.Dir(o), m.f.dir) {
			continue
		}
		for _, l := range m.letters {
			for _, f := range m.fmts {
				if strings.EqualFold(l.Name+"."+string(f), filepath.Base(o)) {
					return fmt.Errorf("%s is also the file of row %d in -o %s; choose another name", o, l.Row.Index+1, m.f.dir)
				}
			}
		}
	}
	return nil
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
	m.declared = declaredNames(tmpl)
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
	if f.numberFrom < 0 || f.numberFrom > maxNumber {
		return usage("--number-from %d: want a number from 1 to %d", f.numberFrom, maxNumber)
	}
	if f.jobs < 1 || f.jobs > maxJobs {
		return usage("-j %d: want 1 to %d", f.jobs, maxJobs)
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
	if f.units == "" {
		f.units = f.rows
	}
	if len(f.ms) == 0 && f.units != f.rows {
		return usage("--units are the plan's units: give --milestone DATE:RATE too (--rows alone for rows without a plan)")
	}
	if len(f.ms) == 0 && f.sort {
		return usage("--sort sorts the plan's units: give --milestone DATE:RATE too")
	}
	if f.data != "" {
		before, errB := hashFile(f.data)
		d, err := readData(f.data)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return nil, exitInvalid
		}
		m.common = d.(map[string]any)
		ref, err := stableHash(f.data, before, errB)
		if err != nil {
			return nil, report(stderr, "", err)
		}
		m.dataRef = &ref
	}
	// A misspelt key of the common data is reported once, not once per
	// row (the rows supply the fields it lacks, so only unknown keys).
	if err := unknownKeys(tmpl, m.common); err != nil {
		return nil, report(stderr, f.data, err)
	}
	rowsBefore, errB := hashFile(f.rows)
	if m.rows, err = loadRows(f.rows, f.sheet); err != nil {
		return nil, report(stderr, "", err)
	}
	if m.rowsRef, err = stableHash(f.rows, rowsBefore, errB); err != nil {
		return nil, report(stderr, "", err)
	}
	if rowsRead != nil {
		rowsRead()
	}
	if len(m.rows.Rows) == 0 {
		if m.rows.Sheet != "" {
			return nil, report(stderr, "", fmt.Errorf("%s: sheet %q: no rows", f.rows, m.rows.Sheet))
		}
		return nil, report(stderr, "", fmt.Errorf("%s: no rows", f.rows))
	}
	if f.sheet == "" && m.rows.Sheets > 1 {
		fmt.Fprintf(stderr, "bhytdoc merge: %s: read sheet %q (the one it opens on; --sheet names another)\n", f.rows, m.rows.Sheet)
	}
	if len(f.ms) == 0 && m.declared["DonViThuong"] {
		if _, ok := m.common["DonViThuong"]; !ok && !firstRowHas(m.rows, "DonViThuong") {
			fmt.Fprintf(stderr, "bhytdoc merge: %s writes each unit its share of a plan (DonViThuong, ChuaThamGia, ChiTieu …): give --milestone DATE:RATE for each milestone (e.g. --milestone 2025-12-31:95), and the rows are the plan's units; or give those fields as columns\n", tmpl)
			return nil, exitUsage
		}
	}
	if len(f.ms) > 0 {
		// Each error names its file once: the data's PhuLuc, the rows
		// (whose reader names the file itself), the plan of the rows.
		o, err := plan.OptionsOf(m.common)
		if err != nil {
			return nil, report(stderr, f.data, err)
		}
		var code int
		if m.plan, code = m.readPlan(o, stderr); m.plan == nil {
			return nil, code
		}
		delete(m.common, "PhuLuc") // read into the plan, not a template field
	}
	if n := len(m.rows.Rows); f.numberFrom > 0 && f.numberFrom > maxNumber-(n-1) {
		return usage("--number-from %d: the last of %d rows would be numbered %d, more than %d", f.numberFrom, n, f.numberFrom+n-1, maxNumber)
	}
	// A misspelt column, or a row without its unit, is reported once,
	// from the rows as a whole, not once per row.
	if m.core, err = mailmerge.New(context.Background(), m.rows, m.options()); err != nil {
		return nil, report(stderr, "", err)
	}
	m.letters = m.core.Letters()
	if err := m.checkOutputs(); err != nil {
		return usage("%v", err)
	}
	m.opts = &bhytdoc.PDFBookOptions{Title: strings.TrimSuffix(filepath.Base(f.combined), filepath.Ext(f.combined)), Duplex: f.duplex}
	return m, exitOK
}

// options are the merge core's options for m.
func (m *merger) options() mailmerge.Options {
	layouts := len(m.fmts) == 0 || slices.Contains(m.fmts, batch.PDF)
	return mailmerge.Options{
		Template: m.tmpl, Common: m.common, Name: m.nameTmpl, NameLabel: "--name",
		ASCIINames: m.f.ascii, NumberFrom: m.f.numberFrom, Plan: m.plan, PlanOrder: m.f.sort,
		IgnoreExtra: m.f.ignoreExtra, Rows: m.f.rows, Units: m.f.units,
		Check: func(doc *bhytdoc.Document) error {
			if err := checkCoverage(doc, m.f.allow); err != nil {
				return err
			}
			if !layouts {
				return checkPDF(doc, nil) // what -o's PDF would refuse
			}
			return nil
		},
	}
}

// readPlan plans the units file (the rows file unless --units) to the
// milestones, sorted with --sort. Each error names its file once: the
// units reader names it itself, the plan's errors are prefixed.
func (m *merger) readPlan(o plan.Options, stderr io.Writer) (*plan.Plan, int) {
	f := m.f
	apart := f.units != f.rows
	sheet := f.sheet // the rows'; a units file apart is read as it opens
	var before fileRef
	var errB error
	if apart {
		sheet = ""
		before, errB = hashFile(f.units)
	}
	bs, _, err := readBaselines(f.units, sheet)
	if err != nil {
		return nil, report(stderr, "", err)
	}
	if apart {
		ref, err := stableHash(f.units, before, errB)
		if err != nil {
			return nil, report(stderr, "", err)
		}
		m.unitsRef = &ref
	}
	if f.sort {
		coverage.SortBaselines(bs)
	}
	p, err := plan.Make(bs, f.ms, o)
	if err != nil {
		return nil, report(stderr, "", inFile(f.units, err))
	}
	return p, exitOK
}

// firstRowHas reports whether the first row of the rows file has a value
// for field.
func firstRowHas(t *rows.Table, field string) bool {
	if len(t.Rows) == 0 {
		return false
	}
	v, ok := t.Rows[0].Field(field)
	return ok && v != ""
}

// rowError is the problems of one row.
type rowError struct {
	row *dataRow
	err error
}

// lines returns the problems one per line, each a *coverage.RowError at
// the row (see rows.Row.Err): the file, the row and the column of the
// field at fault.
func (e rowError) lines() []string {
	var out []string
	var walk func(err error)
	walk = func(err error) {
		var many interface{ Unwrap() []error }
		var es markdown.Errors
		switch {
		case errors.As(err, &es):
			for _, x := range es {
				out = append(out, e.row.Err(x).Error())
			}
		case errors.As(err, &many):
			for _, x := range many.Unwrap() {
				walk(x)
			}
		default:
			out = append(out, e.row.Err(err).Error())
		}
	}
	walk(e.err)
	return out
}

// run renders the rows in one pass: every output — the files of -o, the
// zip, the combined PDF — is written under temporary names and put in
// place only when every row rendered (or, with --keep-going, every good
// one), so a problem found at any row, an interrupt or a full disk leaves
// nothing of the run. Each row is filled once: the check is the render.
func (m *merger) run(ctx context.Context, stdout, stderr io.Writer) int {
	var sinks []batch.Sink
	var files []*atomicfile.File
	committed := false
	// Directories this run would create are removed again, when empty,
	// with a run that wrote nothing.
	var made []string
	var dirs []string
	if m.f.dirSet {
		dirs = append(dirs, m.f.dir)
	}
	for _, o := range []string{m.f.zip, m.f.combined, m.manifestPath()} {
		if o != "" {
			dirs = append(dirs, filepath.Dir(o))
		}
	}
	for _, d := range dirs {
		if _, err := os.Lstat(d); os.IsNotExist(err) {
			made = append(made, d)
		}
	}
	defer func() {
		if !committed {
			defer func() {
				for _, d := range made {
					os.Remove(d)
				}
			}()
			for _, s := range sinks {
				if a, ok := s.(batch.Aborter); ok {
					a.Abort()
				}
			}
			for _, f := range files {
				f.Abort()
			}
		}
	}()
	if m.f.dirSet {
		ds := batch.NewDirSink(m.f.dir)
		ds.Written = func(p string) { fmt.Fprintln(stdout, p) }
		sinks = append(sinks, ds)
	}
	var hashed []hashingFile
	for _, out := range []string{m.f.zip, m.f.combined} {
		if out == "" {
			continue
		}
		f, err := atomicfile.Create(out)
		if err != nil {
			return report(stderr, "", err)
		}
		files = append(files, f)
		h := hashingFile{out, sha256.New()}
		hashed = append(hashed, h)
		w := bufio.NewWriterSize(io.MultiWriter(f, h.h), 1<<20)
		if out == m.f.zip {
			sinks = append(sinks, flushing{batch.NewZipSink(w), w})
		} else {
			sinks = append(sinks, flushing{batch.NewBookSink(w, m.opts), w})
		}
	}

	// The manifest is committed last: when it is there, so is the rest.
	// The shard's documents: the Renderer's index of each is its place
	// here.
	// Without a shard they are all the letters, not a copy of them.
	letters := m.letters
	if m.shard.N > 1 {
		letters = nil
		for _, l := range m.letters {
			if m.shard.Has(l.Seq) {
				letters = append(letters, l)
			}
		}
	}
	shardRows := make([]*dataRow, len(letters))
	for i, l := range letters {
		shardRows[i] = l.Row
	}
	total := len(letters)
	hdr, err := m.header()
	if err != nil {
		return report(stderr, "", err)
	}
	man, err := newManifestSink(m.manifestPath(), hdr, shardRows)
	if err != nil {
		return report(stderr, "", err)
	}
	files = append(files, man.file)
	sinks = append(sinks, man)
	if m.check != nil {
		sinks = append([]batch.Sink{m.check}, sinks...)
	}
	start := time.Now()
	// KeepGoing: every problem is found in the one pass; whether the good
	// rows are kept is decided below.
	r := &batch.Renderer{Formats: m.fmts, Jobs: m.f.jobs, KeepGoing: true}
	var prog batch.Progress
	bar := progressBar(stderr, total)
	r.Progress = func(p batch.Progress) {
		prog = p
		if bar != nil {
			bar.Set(p.Done)
		}
		if mergeProgress != nil {
			mergeProgress(p)
		}
	}
	err = r.RenderContext(ctx, m.core.Items(ctx, letters), keep{batch.Tee(sinks...)})
	if bar != nil {
		bar.Finish()
	}
	if cerr := ctx.Err(); cerr != nil {
		return report(stderr, "", fmt.Errorf("interrupted: nothing written (%v)", context.Cause(ctx)))
	}
	failed := false
	if err != nil {
		fails, ok := mailmerge.Failures(err, letters)
		if !ok {
			return report(stderr, "", err)
		}
		var found []rowError
		for _, f := range fails {
			found = append(found, rowError{f.Letter.Row, f.Err})
		}
		if m.printRowErrors(stderr, found, len(m.rows.Rows)) {
			return exitInvalid
		}
		failed = true
	}
	committed = true
	if err := batch.Tee(sinks...).Close(); err != nil {
		for _, f := range files {
			f.Abort()
		}
		return report(stderr, "", err)
	}
	var outs []fileRef
	for _, h := range hashed {
		outs = append(outs, h.ref())
	}
	if err := man.finish(outs); err != nil {
		for _, f := range files {
			f.Abort()
		}
		return report(stderr, "", err)
	}
	for _, f := range files {
		if err := f.Commit(); err != nil {
			return report(stderr, "", err)
		}
		fmt.Fprintln(stdout, f.Path())
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

// mergeProgress, when set (by tests), is called after each document.
var mergeProgress func(batch.Progress)

// keep is a sink whose Close and Abort are left to run: the batch's
// outputs are finished, or discarded, once every row's fate is known.
type keep struct{ batch.Sink }

func (keep) Close() error { return nil }

// flushing flushes a sink's buffered writer when the sink closes.
type flushing struct {
	batch.Sink
	w *bufio.Writer
}

func (f flushing) Close() error {
	if err := f.Sink.Close(); err != nil {
		return err
	}
	return f.w.Flush()
}

func (f flushing) Abort() {
	if a, ok := f.Sink.(batch.Aborter); ok {
		a.Abort()
	}
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
