package server

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
)

// mergeRequest builds a merge form: the cong-van-bhyt test data as the
// common data and a rows CSV of n units, each its own DiaBan and So.
func mergeRequest(t testing.TB, n int, query string) (*bytes.Buffer, string) {
	t.Helper()
	data, err := templatesTestdata("cong-van-bhyt")
	if err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("DiaBan,So\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&csv, "huyện Thử %d,%d\n", i+1, i+1)
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("template", "cong-van-bhyt")
	mw.WriteField("data", string(data))
	mw.WriteField("name", "DiaBan")
	fw, _ := mw.CreateFormFile("rows", "xa.csv")
	io.WriteString(fw, csv.String())
	mw.Close()
	return &b, mw.FormDataContentType()
}

func TestMergeZip(t *testing.T) {
	s := newServer(t, Config{})
	body, ct := mergeRequest(t, 13, "")
	r := httptest.NewRequest("POST", "/v1/merge", body)
	r.Header.Set("Content-Type", ct)
	w := do(s, r)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/zip" {
		t.Fatalf("%d: %s", w.Code, w.Body)
	}
	zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 13 || zr.File[0].Name != "huyện-Thử-1.pdf" || zr.File[12].Name != "huyện-Thử-13.pdf" {
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		t.Errorf("zip holds %v", names)
	}
}

func TestMergeBadRowNamed(t *testing.T) {
	s := newServer(t, Config{})
	body, ct := mergeRequest(t, 3, "")
	// Row 1's So is not a number.
	b := bytes.Replace(body.Bytes(), []byte("huyện Thử 1,1\n"), []byte("huyện Thử 1,một\n"), 1)
	r := httptest.NewRequest("POST", "/v1/merge", bytes.NewReader(b))
	r.Header.Set("Content-Type", ct)
	w := do(s, r)
	if w.Code != 400 {
		t.Fatalf("%d: %s", w.Code, w.Body)
	}
	p := problemOf(t, w)
	// Row 1 of the data is the file's row 2, under the header; the
	// column holding So is named.
	if len(p.Errors) == 0 || p.Errors[0].Row == nil || *p.Errors[0].Row != 2 || p.Errors[0].File != "xa.csv" ||
		p.Errors[0].Column != "So" || p.Errors[0].Field != "So" || strings.Contains(p.Errors[0].Detail, "xa.csv") {
		t.Errorf("problem does not name row 2, column So of xa.csv: %+v", p.Errors)
	}
}

// TestMergeCancelled: a client that goes away in the middle of a merge of
// 100,000 rows stops it within a second, and its memory is freed.
func TestMergeCancelled(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000-row merge skipped in -short mode")
	}
	s := newServer(t, Config{MaxBody: 64 << 20})
	base, _ := serve(t, s)
	body, ct := mergeRequest(t, 100000, "")
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "POST", base+"/v1/merge?combined=1", body)
	req.Header.Set("Content-Type", ct)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		t.Fatalf("%d: %s", res.StatusCode, b)
	}
	if _, err := io.ReadFull(res.Body, make([]byte, 64<<10)); err != nil {
		t.Fatal(err)
	}
	cancel()
	res.Body.Close()
	start := time.Now()
	waitFor(t, func() bool { return s.metrics.inFlight.Load() == 0 })
	if d := time.Since(start); d > time.Second {
		t.Errorf("the merge went on %v after the client left", d)
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapInuse > 200<<20 {
		t.Errorf("%d MB still in use after the cancelled merge", m.HeapInuse>>20)
	}
	t.Logf("stopped %v after the client left; heap in use %d MB", time.Since(start).Round(time.Millisecond), m.HeapInuse>>20)
}

// TestMergeBadRowsFile: a rows file that cannot be read is refused with
// the place the *coverage.RowError gives: the file, its row and column.
func TestMergeBadRowsFile(t *testing.T) {
	s := newServer(t, Config{})
	body, ct := mergeRequest(t, 3, "")
	b := bytes.Replace(body.Bytes(), []byte("huyện Thử 2,2\n"), []byte("huyện Thử 2,2,thừa\n"), 1)
	r := httptest.NewRequest("POST", "/v1/merge", bytes.NewReader(b))
	r.Header.Set("Content-Type", ct)
	w := do(s, r)
	if w.Code != 400 {
		t.Fatalf("%d: %s", w.Code, w.Body)
	}
	p := problemOf(t, w)
	if len(p.Errors) != 1 || p.Errors[0].File != "xa.csv" || p.Errors[0].Row == nil || *p.Errors[0].Row != 3 ||
		p.Errors[0].Detail != "a value under no header" {
		t.Errorf("problem does not name row 3 of xa.csv: %+v", p.Errors)
	}
}
