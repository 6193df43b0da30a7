package batch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// items yields n letters; bad[i] makes the i-th invalid (no signer).
func items(n int, bad map[int]bool, yielded *atomic.Int64) func(func(batch.Item, error) bool) {
	return func(yield func(batch.Item, error) bool) {
		for i := range n {
			d := letter(fmt.Sprintf("phường %d", i+1), i+1)
			if bad[i] {
				d.Signatures[0].Name = ""
			}
			if yielded != nil {
				yielded.Add(1)
			}
			if !yield(batch.Item{Name: fmt.Sprintf("cv-%03d", i+1), Doc: d}, nil) {
				return
			}
		}
	}
}

// recorder is a Sink that remembers what it was given.
type recorder struct {
	idx    []int
	closed bool
	failAt int // Put fails at this index when > 0
	onPut  func()
}

func (r *recorder) Put(x *batch.Rendered) error {
	if r.onPut != nil {
		r.onPut()
	}
	if r.failAt > 0 && x.Index == r.failAt {
		return errors.New("disk full")
	}
	r.idx = append(r.idx, x.Index)
	return nil
}
func (r *recorder) Close() error { r.closed = true; return nil }

func render(t *testing.T, jobs int) (zipped, book []byte) {
	t.Helper()
	var zb, bb bytes.Buffer
	r := &batch.Renderer{Formats: []batch.Format{batch.PDF, batch.Markdown}, Jobs: jobs}
	if err := r.Render(items(12, nil, nil), batch.Tee(batch.NewZipSink(&zb), batch.NewBookSink(&bb, nil))); err != nil {
		t.Fatal(err)
	}
	return zb.Bytes(), bb.Bytes()
}

func TestDeterministic(t *testing.T) {
	z1, b1 := render(t, 1)
	z4, b4 := render(t, 4)
	if !bytes.Equal(z1, z4) || !bytes.Equal(b1, b4) {
		t.Error("output depends on the number of goroutines")
	}
	zr, err := zip.NewReader(bytes.NewReader(z4), int64(len(z4)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 24 || zr.File[0].Name != "cv-001.pdf" || zr.File[1].Name != "cv-001.md" || zr.File[23].Name != "cv-012.md" {
		t.Errorf("zip entries out of order: %d, first %q", len(zr.File), zr.File[0].Name)
	}
	// PDFs are compressed already: stored as they are, Markdown deflated.
	for _, f := range zr.File {
		want := map[bool]uint16{true: zip.Store, false: zip.Deflate}[strings.HasSuffix(f.Name, ".pdf")]
		if f.Method != want {
			t.Errorf("%s: zip method %d, want %d", f.Name, f.Method, want)
		}
	}
}

func TestOrderAndBoundedMemory(t *testing.T) {
	const jobs = 3
	var yielded atomic.Int64
	rec := &recorder{}
	maxAhead := int64(0)
	rec.onPut = func() {
		maxAhead = max(maxAhead, yielded.Load()-int64(len(rec.idx)))
	}
	var seen []int
	r := &batch.Renderer{Jobs: jobs, Progress: func(p batch.Progress) { seen = append(seen, p.Done) }}
	if err := r.Render(items(60, nil, &yielded), rec); err != nil {
		t.Fatal(err)
	}
	for i, x := range rec.idx {
		if x != i {
			t.Fatalf("put order %v", rec.idx)
		}
	}
	if len(rec.idx) != 60 || !rec.closed || len(seen) != 60 || seen[59] != 60 {
		t.Errorf("put %d, closed %v, progress %d", len(rec.idx), rec.closed, len(seen))
	}
	// Documents read but not yet put stay within the window (4 per job
	// and the one waiting for a slot).
	if maxAhead > 4*jobs+1 {
		t.Errorf("%d documents in flight, want at most %d", maxAhead, 4*jobs+1)
	}
}

func TestStopsAtFirstError(t *testing.T) {
	rec := &recorder{}
	r := &batch.Renderer{Jobs: 2}
	err := r.Render(items(20, map[int]bool{7: true, 12: true}, nil), rec)
	var ie *batch.ItemError
	if !errors.As(err, &ie) || ie.Index != 7 || ie.Name != "cv-008" || !strings.Contains(err.Error(), "Signatures[0].Name") {
		t.Fatalf("error %v", err)
	}
	if rec.closed || len(rec.idx) != 7 {
		t.Errorf("after the error: closed %v, put %v", rec.closed, rec.idx)
	}
}

func TestKeepGoing(t *testing.T) {
	rec := &recorder{}
	r := &batch.Renderer{Jobs: 2, KeepGoing: true}
	err := r.Render(items(20, map[int]bool{7: true, 12: true}, nil), rec)
	var many interface{ Unwrap() []error }
	if !errors.As(err, &many) || len(many.Unwrap()) != 2 {
		t.Fatalf("want 2 errors, got %v", err)
	}
	if !strings.Contains(err.Error(), "document 8 (cv-008)") || !strings.Contains(err.Error(), "document 13 (cv-013)") {
		t.Errorf("errors do not name the documents: %v", err)
	}
	if !rec.closed || len(rec.idx) != 18 {
		t.Errorf("closed %v, put %d of 18 good documents", rec.closed, len(rec.idx))
	}
}

func TestSinkErrorStops(t *testing.T) {
	rec := &recorder{failAt: 5}
	r := &batch.Renderer{Jobs: 2, KeepGoing: true}
	if err := r.Render(items(30, nil, nil), rec); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error %v", err)
	}
	if rec.closed || len(rec.idx) != 5 {
		t.Errorf("closed %v, put %v", rec.closed, rec.idx)
	}
}

func TestInputError(t *testing.T) {
	docs := func(yield func(batch.Item, error) bool) {
		yield(batch.Item{Name: "a", Doc: letter("phường A", 1)}, nil)
		yield(batch.Item{Name: "b"}, errors.New("row 3, field Ten: empty"))
	}
	err := (&batch.Renderer{}).Render(docs, &recorder{})
	if err == nil || err.Error() != "document 2 (b): row 3, field Ten: empty" {
		t.Errorf("error %v", err)
	}
}

func TestBookSinkNeedsLayouts(t *testing.T) {
	var b bytes.Buffer
	r := &batch.Renderer{Formats: []batch.Format{batch.Markdown}}
	if err := r.Render(items(1, nil, nil), batch.NewBookSink(&b, nil)); err == nil || b.Len() != 0 {
		t.Errorf("BookSink without layouts: %v, %d bytes", err, b.Len())
	}
}

func TestDirSink(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	s := batch.NewDirSink(dir)
	s.Written = func(p string) { paths = append(paths, p) }
	r := &batch.Renderer{Formats: []batch.Format{batch.PDF}}
	if err := r.Render(items(3, nil, nil), s); err != nil {
		t.Fatal(err)
	}
	if len(paths) != 3 || !strings.HasSuffix(paths[2], "cv-003.pdf") {
		t.Errorf("written %v", paths)
	}
	// A repeated or unsafe name is refused, never overwritten.
	for _, name := range []string{"cv-001", "../x", "CV-001"} {
		s := batch.NewDirSink(dir)
		dup := func(yield func(batch.Item, error) bool) {
			if yield(batch.Item{Name: "cv-001", Doc: letter("phường A", 1)}, nil) {
				yield(batch.Item{Name: name, Doc: letter("phường B", 2)}, nil)
			}
		}
		if err := r.Render(dup, s); err == nil {
			t.Errorf("second file %q accepted", name)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	r := &batch.Renderer{Formats: []batch.Format{"odt"}}
	if err := r.Render(items(1, nil, nil), &recorder{}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestShardsPartition(t *testing.T) {
	const rows = 103
	for n := 1; n <= 7; n++ {
		count := make([]int, rows)
		for i := range n {
			sh := batch.Shard{I: i, N: n}
			for it := range sh.Of(items(rows, nil, nil)) {
				var k int
				fmt.Sscanf(it.Name, "cv-%d", &k)
				count[k-1]++
			}
		}
		for r, c := range count {
			if c != 1 {
				t.Fatalf("%d shards: row %d taken %d times", n, r, c)
			}
		}
	}
	for _, bad := range []string{"4/4", "-1/3", "1", "a/b", "0/0"} {
		if _, err := batch.ParseShard(bad); err == nil {
			t.Errorf("shard %q accepted", bad)
		}
	}
	if s, err := batch.ParseShard("2/5"); err != nil || s != (batch.Shard{I: 2, N: 5}) {
		t.Errorf("2/5: %v %v", s, err)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Phường An Bình":     "Phường-An-Bình",
		"Xã\u0300":           "Xã̀",
		"a/b\\c:d*e?f\"g<h>": "a-b-c-d-e-f-g-h",
		"..":                 "van-ban",
		"  ":                 "van-ban",
		"con":                "_con",
		"LPT1.txt":           "_LPT1.txt",
		"line\nbreak\x00":    "line-break",
		"Hòa" + "\u0300":     "Hòà",
	} {
		if got := batch.FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
	long := batch.FileName(strings.Repeat("Đường ", 100))
	if n := utf8.RuneCountInString(long); n > batch.MaxNameRunes {
		t.Errorf("%d runes", n)
	}
	// NFD input gives the same name as NFC.
	if batch.FileName("Phu\u031bo\u031b\u0300ng") != batch.FileName("Phường") {
		t.Error("NFD and NFC names differ")
	}
	if got := batch.ASCIIName("Xã Đắk R'Lấp/Ủy ban"); got != "Xa-Dak-R-Lap-Uy-ban" {
		t.Errorf("ASCIIName: %q", got)
	}
}

func TestNamesUnique(t *testing.T) {
	var n batch.Names
	var got []string
	for _, s := range []string{"An Bình", "an bình", "An-Bình-2", "An Bình", "x/y", "x y"} {
		got = append(got, n.Unique(s))
	}
	want := []string{"An-Bình", "an-bình-2", "An-Bình-2-2", "An-Bình-3", "x-y", "x-y-2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestLoad(t *testing.T) {
	docs := func(yield func(batch.Item, error) bool) {
		for i := range 4 {
			load := func() (*bhytdoc.Document, error) {
				if i == 2 {
					return nil, errors.New("row 3: field Ten: empty")
				}
				return letter("phường A", i+1), nil
			}
			if !yield(batch.Item{Name: fmt.Sprint(i), Load: load}, nil) {
				return
			}
		}
	}
	rec := &recorder{}
	err := (&batch.Renderer{KeepGoing: true}).Render(docs, rec)
	if err == nil || !strings.Contains(err.Error(), "document 3 (2): row 3: field Ten: empty") || len(rec.idx) != 3 {
		t.Errorf("error %v, put %v", err, rec.idx)
	}
}

// The longest name FileName makes, with a suffix from Names and an
// extension, is still a name a sink writes.
func TestLongNamesWritten(t *testing.T) {
	var n batch.Names
	long := strings.Repeat("Phường ", 40)
	docs := func(yield func(batch.Item, error) bool) {
		for i := range 2 {
			if !yield(batch.Item{Name: n.Unique(long), Doc: letter("phường A", i+1)}, nil) {
				return
			}
		}
	}
	var zb bytes.Buffer
	if err := (&batch.Renderer{Formats: []batch.Format{batch.Markdown}}).Render(docs, batch.NewZipSink(&zb)); err != nil {
		t.Fatal(err)
	}
}

// Issue 17 item 3: a cancelled context stops the batch with ctx.Err(),
// and nothing that looks complete is left: the book is not closed, the
// directory gets no file.
func TestRenderContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var b bytes.Buffer
	dir := t.TempDir()
	book := batch.NewBookSink(&b, nil)
	r := &batch.Renderer{Formats: []batch.Format{batch.PDF}, Jobs: 2}
	n := 0
	r.Progress = func(p batch.Progress) {
		if n++; n == 3 {
			cancel()
		}
	}
	err := r.RenderContext(ctx, items(40, nil, nil), batch.Tee(book, batch.NewDirSink(dir)))
	if !errors.Is(err, context.Canceled) || err != context.Canceled {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if bytes.Contains(b.Bytes(), []byte("%%EOF")) {
		t.Error("the book was closed as if whole")
	}
	if err := book.Close(); err == nil {
		t.Error("an aborted book closed")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left in the directory: %v", ents)
	}
}

// Zero values and empty names are errors, not silent no-ops.
func TestZeroValues(t *testing.T) {
	dir := t.TempDir()
	if err := (&batch.Renderer{}).Render(items(2, nil, nil), batch.NewDirSink(dir)); err == nil || !strings.Contains(err.Error(), "DirSink needs files") {
		t.Errorf("Renderer{} with a DirSink: %v", err)
	}
	if err := (&batch.Renderer{Formats: []batch.Format{batch.PDF}}).Render(items(1, nil, nil), &batch.DirSink{}); err == nil {
		t.Error("DirSink{} accepted")
	}
	r := &batch.Renderer{Formats: []batch.Format{batch.PDF}}
	err := r.Render(batch.Items([]batch.Item{{Doc: letter("phường A", 1)}}), batch.NewDirSink(dir))
	if err == nil || !strings.Contains(err.Error(), "empty Name") {
		t.Errorf("empty Name: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("written: %v", ents)
	}
	if err := r.Render(nil, batch.NewDirSink(dir)); err == nil {
		t.Error("nil sequence accepted")
	}
	if err := r.Render(items(1, nil, nil), nil); err == nil {
		t.Error("nil sink accepted")
	}
	// Items yields a slice in order.
	var got []string
	for it := range batch.Items([]batch.Item{{Name: "a"}, {Name: "b"}}) {
		got = append(got, it.Name)
	}
	if strings.Join(got, ",") != "a,b" {
		t.Errorf("Items: %v", got)
	}
}

// A DirSink writes the batch all or nothing: a failure at document 31 of
// 60 leaves no file.
func TestDirSinkAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	r := &batch.Renderer{Formats: []batch.Format{batch.PDF}, Jobs: 2}
	if err := r.Render(items(60, map[int]bool{30: true}, nil), batch.NewDirSink(dir)); err == nil {
		t.Fatal("no error")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left in the directory: %d entries, first %s", len(ents), ents[0].Name())
	}
}

// Issue 18 item 10: 20,000 rows of one name are named in linear time,
// with the names the quadratic search gave; a name of four-byte letters
// stays within the bytes a file name may have.
func TestNamesLinear(t *testing.T) {
	var n batch.Names
	start := time.Now()
	var last string
	for range 20000 {
		last = n.Unique("Xã An Bình")
	}
	if last != "Xã-An-Bình-20000" || time.Since(start) > 2*time.Second {
		t.Errorf("last %q after %v", last, time.Since(start))
	}
	var m batch.Names
	for _, w := range []struct{ in, want string }{{"a", "a"}, {"a-2", "a-2"}, {"A", "A-3"}, {"a", "a-4"}, {"a-3", "a-3-2"}} {
		if got := m.Unique(w.in); got != w.want {
			t.Errorf("Unique(%q) = %q, want %q", w.in, got, w.want)
		}
	}
	long := batch.FileName(strings.Repeat("𝔸", 80))
	if len(long) > 200 || !utf8.ValidString(long) {
		t.Errorf("name of %d bytes", len(long))
	}
}

// TestBookFile: the print PDF is renamed into place only when the batch
// is whole; a failed batch leaves an earlier file as it was and no
// temporary beside it.
func TestBookFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "in", "all.pdf")
	b, err := batch.NewBookFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := (&batch.Renderer{}).Render(items(3, nil, nil), b); err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(whole, []byte("%PDF-")) || !bytes.Contains(whole, []byte("%%EOF")) {
		t.Fatalf("no whole PDF at %s: %v", path, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	b, err = batch.NewBookFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := (&batch.Renderer{}).Render(items(5, map[int]bool{3: true}, nil), b); err == nil {
		t.Fatal("a bad item gave no error")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, whole) {
		t.Error("a failed batch changed the earlier book")
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
		t.Errorf("%d entries beside the book, want it alone", len(ents))
	}
}
