package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/ostest"
)

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	p, err := Write(dir, "a.pdf", []byte("%PDF-1.3"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "%PDF-1.3" {
		t.Errorf("content %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("stray files: %v", ents)
	}
	// A target that cannot be replaced (a directory) fails and leaves no
	// temporary file behind.
	if err := os.Mkdir(filepath.Join(dir, "b.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, "b.pdf", []byte("x")); err == nil {
		t.Error("want an error")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("after failure: %v", ents)
	}
}

// A set is written whole or not at all: when one target cannot be
// replaced, the others keep their old content and no temporary remains.
func TestSet(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "plan.md"), []byte("old"), 0o644)
	s, err := NewSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add("plan.md", []byte("new md")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("plan.xlsx", []byte("new xlsx")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "plan.md")); string(b) != "old" {
		t.Errorf("replaced before Commit: %q", b)
	}
	paths, err := s.Commit()
	if err != nil || len(paths) != 2 {
		t.Fatal(paths, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "plan.md")); string(b) != "new md" {
		t.Errorf("plan.md %q", b)
	}
	if err := s.Add("late", nil); err == nil {
		t.Error("Add after Commit")
	}

	// plan.xlsx is now a directory: nothing of the set is written.
	os.Remove(filepath.Join(dir, "plan.xlsx"))
	os.Mkdir(filepath.Join(dir, "plan.xlsx"), 0o755)
	s, _ = NewSet(dir)
	s.Add("plan.md", []byte("newer"))
	s.Add("plan.xlsx", []byte("x"))
	if _, err := s.Commit(); err == nil {
		t.Error("no error replacing a directory")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "plan.md")); string(b) != "new md" {
		t.Errorf("plan.md written though its set failed: %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("left behind: %v", ents)
	}
	s, _ = NewSet(dir)
	for _, bad := range []string{"", ".", "..", "a/b", "../x"} {
		if s.Add(bad, nil) == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
	s, _ = NewSet(dir)
	s.Add("a", nil)
	if s.Add("a", nil) == nil {
		t.Error("a name given twice")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("an aborted set left: %v", ents)
	}
}

// A run killed between creating and renaming its temporaries leaves
// them; the next run removes those old enough to be stale, and only those.
func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".plan.md"+tmpMark+"123")
	fresh := filepath.Join(dir, ".plan.xlsx"+tmpMark+"456")
	mine := filepath.Join(dir, ".notes.tmp")
	for _, p := range []string{old, fresh, mine} {
		os.WriteFile(p, nil, 0o644)
	}
	long := time.Now().Add(-2 * StaleAfter)
	os.Chtimes(old, long, long)
	os.Chtimes(mine, long, long)
	if _, err := NewSet(dir); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{old: false, fresh: true, mine: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// Issue 18 item 8: a target that is not a regular file is refused, never
// replaced or written through; Create's temporary carries the mark.
func TestNonRegularTargets(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("/proc/self/fd/1", filepath.Join(dir, "out.pdf"))
	os.Symlink("/dev/null", filepath.Join(dir, "null.pdf"))
	ostest.FIFO(t, filepath.Join(dir, "fifo.pdf"), 0o644)
	for _, n := range []string{"out.pdf", "null.pdf", "fifo.pdf"} {
		if _, err := Write(dir, n, []byte("x")); err == nil || !strings.Contains(err.Error(), "an output replaces only a regular file") {
			t.Errorf("%s: %v", n, err)
		}
		if _, err := Create(filepath.Join(dir, n)); err == nil {
			t.Errorf("Create %s accepted", n)
		}
	}
	f, err := Create(filepath.Join(dir, "all.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if !isTemp(filepath.Base(f.Name())) {
		t.Errorf("temporary %s lacks the mark", f.Name())
	}
	f.Abort()
	ents, _ := os.ReadDir(dir)
	if len(ents) != 3 {
		t.Errorf("left: %v", ents)
	}
}

// AddFunc streams a file into the set; a failing writer aborts the set
// and leaves nothing, not even the files added before.
func TestAddFunc(t *testing.T) {
	dir := t.TempDir()
	s, err := NewSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("x", 200<<10)
	if err := s.AddFunc("a.md", func(w io.Writer) error { _, err := io.WriteString(w, big); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(b) != big {
		t.Errorf("a.md: %d bytes, want %d", len(b), len(big))
	}
	dir = t.TempDir()
	s, _ = NewSet(dir)
	if err := s.Add("b.xlsx", []byte("PK")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err = s.AddFunc("b.md", func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left %v", ents)
	}
	if _, err := s.Commit(); err == nil {
		t.Error("an aborted set committed")
	}
}

// AddFuncs writes its files at once; one failing writer leaves none.
func TestAddFuncs(t *testing.T) {
	dir := t.TempDir()
	s, _ := NewSet(dir)
	write := func(text string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, text); return err }
	}
	big := strings.Repeat("y", 100<<10)
	if err := s.AddFuncs([]string{"p.xlsx", "p.md"}, []func(io.Writer) error{write(big), write("# P\n")}); err != nil {
		t.Fatal(err)
	}
	paths, err := s.Commit()
	if err != nil || len(paths) != 2 || filepath.Base(paths[0]) != "p.xlsx" {
		t.Fatalf("paths %v, %v", paths, err)
	}
	if b, _ := os.ReadFile(paths[0]); string(b) != big {
		t.Errorf("p.xlsx: %d bytes", len(b))
	}
	if b, _ := os.ReadFile(paths[1]); string(b) != "# P\n" {
		t.Errorf("p.md: %q", b)
	}
	dir = t.TempDir()
	s, _ = NewSet(dir)
	boom := errors.New("boom")
	err = s.AddFuncs([]string{"q.xlsx", "q.md"}, []func(io.Writer) error{write(big), func(io.Writer) error { return boom }})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left %v", ents)
	}
}

// AddAsync writes in the background, renames in the order added, and
// leaves nothing when the set is aborted or one file fails.
func TestAddAsync(t *testing.T) {
	dir := t.TempDir()
	s, _ := NewSet(dir)
	var want []string
	for i := range 50 {
		n := "f" + strconv.Itoa(49-i) + ".pdf"
		want = append(want, filepath.Join(dir, n))
		if err := s.AddAsync(n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddAsync("f3.pdf", nil); err == nil {
		t.Error("a name given twice")
	}
	paths, err := s.Commit()
	if err != nil || !slices.Equal(paths, want) {
		t.Fatalf("paths %v, %v", paths, err)
	}
	for _, p := range paths {
		if b, _ := os.ReadFile(p); string(b) != filepath.Base(p) {
			t.Errorf("%s: %q", p, b)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 50 {
		t.Errorf("%d files, want 50", len(ents))
	}

	// Aborted: no file, no temporary.
	dir = t.TempDir()
	s, _ = NewSet(dir)
	for i := range 20 {
		s.AddAsync("g"+strconv.Itoa(i), []byte("x"))
	}
	s.Abort()
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left %v", ents)
	}

	// A file that cannot be created (its directory is gone) fails the
	// set, at a later AddAsync or at Commit, and nothing is written.
	root := t.TempDir()
	dir = filepath.Join(root, "out")
	s, _ = NewSet(dir)
	s.AddAsync("h0", []byte("x"))
	os.RemoveAll(dir)
	for i := 1; i < 20 && err == nil; i++ {
		err = s.AddAsync("h"+strconv.Itoa(i), []byte("x"))
	}
	if _, cerr := s.Commit(); err == nil && cerr == nil {
		t.Error("no error writing into a removed directory")
	}
	if ents, _ := os.ReadDir(root); len(ents) != 0 {
		t.Errorf("left %v", ents)
	}
}

// BenchmarkSet writes a set of 10,000 files of 63 KB, a merge -o of
// 10,000 letters, and reports the commit (checks, one sync, renames) as
// commit-ms: it runs after the last letter, serially. Every iteration
// writes into a new directory, removed only at the end: on ext4 without a
// journal, creating files just after removing many is slower (see
// scripts/bench-merge.sh). commit-cpu-ms is the process's CPU in Commit,
// steadier than its wall time on a shared machine. Run with
// -benchtime=1x..3x.
func BenchmarkSet(b *testing.B) {
	b.Run("add", func(b *testing.B) { benchSet(b, false) })
	b.Run("async", func(b *testing.B) { benchSet(b, true) })
}

// benchSet is BenchmarkSet with Add or AddAsync.
func benchSet(b *testing.B, async bool) {
	data := make([]byte, 63<<10)
	for i := range data {
		data[i] = byte(i * 7)
	}
	root := b.TempDir()
	var commit, cpu time.Duration
	for i := 0; b.Loop(); i++ {
		s, err := NewSet(filepath.Join(root, strconv.Itoa(i)))
		if err != nil {
			b.Fatal(err)
		}
		for j := range 10000 {
			add := s.Add
			if async {
				add = s.AddAsync
			}
			if err := add("Phường Số "+strconv.Itoa(j)+".pdf", data); err != nil {
				b.Fatal(err)
			}
		}
		c0, _ := ostest.CPUTime()
		t := time.Now()
		if _, err := s.Commit(); err != nil {
			b.Fatal(err)
		}
		commit += time.Since(t)
		c1, _ := ostest.CPUTime()
		cpu += c1 - c0
	}
	b.ReportMetric(float64(commit.Milliseconds())/float64(b.N), "commit-ms")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "commit-cpu-ms")
}

// A few files are synced one by one, each by its path (a missing one is
// an error), not by a sync of the whole file system, which would also
// wait for every other process's dirty files.
func TestSyncFilesFewByPath(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a")
	if err := os.WriteFile(a, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syncFiles(dir, []string{a}); err != nil {
		t.Fatal(err)
	}
	if err := syncFiles(dir, []string{a, filepath.Join(dir, "missing")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file among %d: %v", 2, err)
	}
}
