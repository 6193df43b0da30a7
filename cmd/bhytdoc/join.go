package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/internal/mailmerge"
)

// join gathers the shards of a merge run. It does not splice the shards'
// PDFs: it checks that their manifests cover every row exactly once and
// that the rows, units and data files are the ones they recorded
// (SHA-256), then renders the rows again in the merge's order (row order,
// or --sort's) through the same code as an unsharded merge, so the book
// is byte-identical to that run's (one font
// subset over every letter, bookmarks and per-letter page numbers as
// merge writes them) and memory is merge's (bounded: the book is
// streamed). Each row's pages and file hashes are checked against its
// shard's manifest as it is rendered.
func runJoin(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("join", stderr)
	var combined, zip, rowsPath, unitsPath, dataPath, manifest string
	var jobs int
	fs.StringVar(&combined, "combined", "", "write every row's document into one PDF `file` for printing, in the merge's order")
	fs.StringVar(&zip, "zip", "", "write every row's files (the merge's --format) into one zip `archive`")
	fs.StringVar(&rowsPath, "rows", "", "the rows `file`, when it is no longer where the manifests say (its SHA-256 must match)")
	fs.StringVar(&unitsPath, "units", "", "the plan's units `file`, when the merge had one apart from the rows and it is no longer where the manifests say (its SHA-256 must match)")
	fs.StringVar(&dataPath, "data", "", "the common data `file`, when it is no longer where the manifests say (its SHA-256 must match)")
	fs.StringVar(&manifest, "manifest", "", "write the joined run's manifest to `file` (default: beside --combined or --zip)")
	fs.IntVar(&jobs, "j", runtime.NumCPU(), "documents rendered at once")
	fs.Usage = func() { printHelp(stderr, "join", fs) }
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) == 0 {
		return missing(stderr, fs, "MANIFEST... (the manifest.jsonl of each shard)")
	}
	if combined == "" && zip == "" {
		return missing(stderr, fs, "--combined ALL.pdf or --zip ALL.zip")
	}
	// The Go heap grows to twice what is live before collecting; a soft
	// limit holds a 100,000-letter join (about 200 MB live) at 289 MB RSS
	// rather than 432 MB, for no measurable CPU (256 MiB: 274 MB, +24%
	// CPU; 200 MiB: 227 MB, +77%). GOMEMLIMIT, when set, is the user's.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(joinMemoryLimit))
	}
	h, want, err := readManifests(pos)
	if err != nil {
		fmt.Fprintf(stderr, "bhytdoc join: %v\n", err)
		return exitInvalid
	}
	if rowsPath != "" {
		h.Rows.Path = rowsPath
	}
	if unitsPath != "" {
		if h.Units == nil {
			fmt.Fprintln(stderr, "bhytdoc join: --units: the merge read its units from the rows file")
			return exitUsage
		}
		h.Units.Path = unitsPath
	}
	if dataPath != "" {
		if h.Data == nil {
			fmt.Fprintln(stderr, "bhytdoc join: --data: the merge had no common data")
			return exitUsage
		}
		h.Data.Path = dataPath
	}
	for _, ref := range []*fileRef{&h.Rows, h.Data, h.Units} {
		if ref == nil {
			continue
		}
		got, err := hashFile(ref.Path)
		if err != nil {
			return report(stderr, "", err)
		}
		if got.SHA256 != ref.SHA256 {
			fmt.Fprintf(stderr, "bhytdoc join: %s changed since the merge (SHA-256 %s, the manifests record %s): nothing joined\n", ref.Path, got.SHA256, ref.SHA256)
			return exitInvalid
		}
	}
	f := &mergeFlags{
		data: "", rows: h.Rows.Path, sheet: h.Sheet, name: h.Name, combined: combined, zip: zip,
		manifest: manifest, ascii: h.ASCIINames, duplex: h.Duplex, allow: h.AllowInconsistent,
		ignoreExtra: h.IgnoreExtraColumns, numberFrom: h.NumberFrom, jobs: jobs,
		format: "pdf", formatSet: zip != "", sort: h.Sort,
	}
	if h.Units != nil {
		f.units = h.Units.Path
	}
	if h.Data != nil {
		f.data = h.Data.Path
	}
	if h.Format != "" {
		f.format = h.Format
	}
	for _, s := range h.Milestones {
		if err := f.ms.Set(s); err != nil {
			fmt.Fprintf(stderr, "bhytdoc join: %s: milestone %q: %v\n", pos[0], s, err)
			return exitInvalid
		}
	}
	m, code := newMerger(h.Template, f, stderr)
	if m == nil {
		return code
	}
	if len(m.rows.Rows) != h.RowsTotal {
		fmt.Fprintf(stderr, "bhytdoc join: %s has %d rows, the manifests %d\n", h.Rows.Path, len(m.rows.Rows), h.RowsTotal)
		return exitInvalid
	}
	m.check = &joinCheck{want: want, letters: m.letters}
	return m.runInterruptible(stdout, stderr)
}

// joinRow is what a shard's manifest recorded of a row.
type joinRow struct {
	pages int32
	files []fileRef
}

// joinCheck compares each document rendered again with its shard's
// manifest: another binary or other fonts would make other bytes.
type joinCheck struct {
	want    []joinRow          // by row of the rows file
	letters []mailmerge.Letter // by the Renderer's index: join renders every row
}

func (c *joinCheck) Put(r *batch.Rendered) error {
	row := c.letters[r.Index].Row.Index
	w := c.want[row]
	if int(w.pages) != r.Pages {
		return fmt.Errorf("row %d: %d pages now, %d in its shard's manifest: the shards were rendered by another bhytdoc or with other fonts", row+1, r.Pages, w.pages)
	}
	for _, f := range r.Files {
		for _, g := range w.files {
			if g.Path == f.Name && g.SHA256 != hexSum(f.Data) {
				return fmt.Errorf("row %d: %s differs from its shard's (SHA-256): the shards were rendered by another bhytdoc", row+1, f.Name)
			}
		}
	}
	return nil
}

func (c *joinCheck) Close() error { return nil }

// joinMemoryLimit is join's soft memory limit (see runtime/debug).
const joinMemoryLimit = 270 << 20

// Bounds of what join reads: a manifest line, and the rows a run may
// have.
const (
	maxManifestLine = 1 << 20
	maxJoinRows     = 10_000_000
)

// readManifests reads the shards' manifests: their headers must agree but
// for the shard, and together they must name every row exactly once.
// It returns the first header and, by 0-based row, what was recorded.
func readManifests(paths []string) (*manifestHeader, []joinRow, error) {
	var first *manifestHeader
	var want []joinRow
	var owner []int32 // by row: 1 + the index of the manifest naming it
	var dups []string
	for pi, p := range paths {
		_, err := readManifest(p, func(h *manifestHeader) error {
			if first == nil {
				if h.RowsTotal < 1 || h.RowsTotal > maxJoinRows {
					return fmt.Errorf("rows_total %d: want 1 to %d", h.RowsTotal, maxJoinRows)
				}
				first = h
				want = make([]joinRow, h.RowsTotal)
				owner = make([]int32, h.RowsTotal)
				return nil
			}
			return sameRun(first, h, paths[0])
		}, func(l manifestRow) error {
			if l.Row < 1 || l.Row > len(owner) {
				return fmt.Errorf("row %d: the run has rows 1 to %d", l.Row, len(owner))
			}
			if o := owner[l.Row-1]; o != 0 {
				dups = append(dups, fmt.Sprintf("row %d is in %s and %s", l.Row, paths[o-1], p))
				return nil
			}
			owner[l.Row-1] = int32(pi + 1)
			want[l.Row-1] = joinRow{pages: int32(l.Pages), files: l.Files}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	var missingRows []int
	for i, o := range owner {
		if o == 0 {
			missingRows = append(missingRows, i+1)
		}
	}
	var problems []string
	if len(dups) > 0 {
		if len(dups) > 20 {
			dups = append(dups[:20], fmt.Sprintf("… %d more", len(dups)-20))
		}
		problems = append(problems, "rows in more than one shard: "+strings.Join(dups, "; "))
	}
	if len(missingRows) > 0 {
		problems = append(problems, fmt.Sprintf("%d of %d rows are in no manifest: rows %s (a shard missing, or rows with problems)",
			len(missingRows), len(owner), rowRanges(missingRows)))
	}
	if len(problems) > 0 {
		return nil, nil, fmt.Errorf("%s; nothing joined", strings.Join(problems, "; "))
	}
	return first, want, nil
}

// sameRun reports where h, another shard's header, differs from first's.
func sameRun(first, h *manifestHeader, firstPath string) error {
	a, b := *first, *h
	a.Shard, b.Shard = "", ""
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		return fmt.Errorf("not a shard of the run of %s: its template, inputs or options differ (%s against %s)", firstPath, jb, ja)
	}
	return nil
}

// readManifest reads one manifest, bounded, calling header with its
// first line and row with each row line; it must end with its end line.
func readManifest(path string, header func(*manifestHeader) error, row func(manifestRow) error) (*manifestHeader, error) {
	f, err := openInput(path, 1<<40)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxManifestLine)
	var h *manifestHeader
	n, rows := 0, 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if n == 1 {
			h = new(manifestHeader)
			if err := json.Unmarshal(line, h); err != nil || h.Manifest != manifestKind {
				return nil, fmt.Errorf("line 1: %w", errManifest)
			}
			if h.Version != 1 {
				return nil, fmt.Errorf("line 1: manifest version %d: this bhytdoc reads version 1", h.Version)
			}
			if err := header(h); err != nil {
				return nil, fmt.Errorf("line 1: %w", err)
			}
			continue
		}
		if bytes.HasPrefix(line, []byte(`{"end":`)) {
			var e manifestEnd
			if err := json.Unmarshal(line, &e); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			if e.Rows != rows {
				return nil, fmt.Errorf("line %d: the end line counts %d rows, the manifest has %d", n, e.Rows, rows)
			}
			if sc.Scan() {
				return nil, fmt.Errorf("line %d: text after the end line", n+1)
			}
			return h, sc.Err()
		}
		var l manifestRow
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		rows++
		if err := row(l); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if h == nil {
		return nil, errManifest
	}
	return nil, fmt.Errorf("no end line: the manifest was cut short (its merge did not finish)")
}

// rowRanges writes sorted row numbers as "3, 6-9, 12", at most 30 runs.
func rowRanges(rows []int) string {
	slices.Sort(rows)
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if len(parts) == 30 {
			parts = append(parts, "…")
			break
		}
		if i == j {
			parts = append(parts, strconv.Itoa(rows[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", rows[i], rows[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
