package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/ostest"
)

// unitsCSV writes n units with plausible figures, all different.
func unitsCSV(tb testing.TB, dir string, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("STT,Đơn vị,Dân số,Số người tham gia BHYT,Ngày\n")
	for i := range n {
		pop := 4000 + (i*7919)%12000
		part := pop * (950 + i%45) / 1000
		fmt.Fprintf(&b, "%d,Phường Số %d,%d,%d,2018-12-31\n", i+1, i+1, pop, part)
	}
	f := filepath.Join(dir, "units.csv")
	if err := os.WriteFile(f, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return f
}

var reSummary = regexp.MustCompile(`(\d+) documents, (\d+) pages`)

// benchMerge runs bhytdoc merge over a plan of 1,000 units, one letter
// per unit, the way a district would, and reports documents/s and
// pages/s (of the whole command: reading, planning, checking every row,
// filling, laying out, writing) and the bytes written.
func benchMerge(b *testing.B, combined bool) { benchMergeN(b, combined, 1000) }

func benchMergeN(b *testing.B, combined bool, n int) {
	dir := b.TempDir()
	units := unitsCSV(b, dir, n)
	var docs, pages, size int64
	var cpu time.Duration // the process's CPU time in the merges
	b.ResetTimer()
	for i := range b.N {
		c0 := cpuTime()
		out := filepath.Join(dir, "out", strconv.Itoa(i))
		args := []string{"merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json", "--rows", units,
			"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100", "--name", "{{.DonVi}}", "--number-from", "1"}
		if combined {
			args = append(args, "--combined", filepath.Join(out, "all.pdf"))
		} else {
			args = append(args, "-o", out)
		}
		var errb strings.Builder
		if code := run(args, io.Discard, &errb); code != exitOK {
			b.Fatalf("exit %d\n%s", code, errb.String())
		}
		m := reSummary.FindStringSubmatch(errb.String())
		if m == nil {
			b.Fatalf("no summary: %s", errb.String())
		}
		d, _ := strconv.ParseInt(m[1], 10, 64)
		p, _ := strconv.ParseInt(m[2], 10, 64)
		docs, pages = docs+d, pages+p
		cpu += cpuTime() - c0
		b.StopTimer()
		ents, _ := os.ReadDir(out)
		for _, e := range ents {
			if fi, err := e.Info(); err == nil {
				size += fi.Size()
			}
		}
		os.RemoveAll(out)
		b.StartTimer()
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(docs)/s, "letters/s")
	b.ReportMetric(float64(pages)/s, "pages/s")
	b.ReportMetric(float64(size)/float64(b.N), "bytes-written/op")
	// CPU per letter: steadier than the rates on a machine others share,
	// and what a merge costs whatever the cores.
	b.ReportMetric(cpu.Seconds()*1e3/float64(max(docs, 1)), "cpu-ms/letter")
}

// cpuTime is the process's CPU time so far, user and system (0 where
// the system does not tell).
func cpuTime() time.Duration {
	d, _ := ostest.CPUTime()
	return d
}

func BenchmarkMerge1000(b *testing.B) {
	b.Run("separate", func(b *testing.B) { benchMerge(b, false) })
	b.Run("combined", func(b *testing.B) { benchMerge(b, true) })
}

// BenchmarkMergeSeparate is merge -o DIR at 1,000 and 10,000 letters: the
// time per letter must not grow with the number of files (issue 21: one
// listing of the directory and one sync per run, not per file). Compare
// the two sub-benchmarks' pages/s; run with -benchtime=1x.
func BenchmarkMergeSeparate(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchMergeN(b, false, n) })
	}
}

// BenchmarkJoin1000 joins the manifests of 1,000 letters merged as four
// shards into one print PDF (the shards are merged before the timer): the
// rate of join is merge --combined's, plus reading the manifests and
// hashing the inputs. It reports letters/s and the manifest's bytes per
// letter.
func BenchmarkJoin1000(b *testing.B) {
	dir := b.TempDir()
	units := unitsCSV(b, dir, 1000)
	args := []string{"merge", "cong-van-xa-bhyt", "--data", "testdata/merge-common.json", "--rows", units,
		"--milestone", "2019-12-31:99,5", "--milestone", "2020-12-31:100", "--name", "{{.DonVi}}", "--number-from", "1"}
	var manifests []string
	var manBytes int64
	for i := range 4 {
		out := filepath.Join(dir, "shard-"+strconv.Itoa(i), "book.pdf")
		if code := run(append(args, "--shard", fmt.Sprintf("%d/4", i), "--combined", out), io.Discard, io.Discard); code != exitOK {
			b.Fatalf("shard %d: exit %d", i, code)
		}
		m := filepath.Join(filepath.Dir(out), "book.manifest.jsonl")
		fi, err := os.Stat(m)
		if err != nil {
			b.Fatal(err)
		}
		manBytes += fi.Size()
		manifests = append(manifests, m)
	}
	b.ResetTimer()
	for i := range b.N {
		out := filepath.Join(dir, "joined", strconv.Itoa(i), "all.pdf")
		var errb strings.Builder
		if code := run(append(append([]string{"join"}, manifests...), "--combined", out), io.Discard, &errb); code != exitOK {
			b.Fatalf("join: exit %d\n%s", code, errb.String())
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "letters/s")
	b.ReportMetric(float64(manBytes)/1000, "manifest-bytes/letter")
}
