package server

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
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

// The common data's So (898 in the test data) would number alike every
// row without its own: refused, as merge refuses it, naming the row,
// unless number_from numbers the documents.
func TestMergeCommonSoRefused(t *testing.T) {
	for _, c := range []struct {
		query string
		code  int
	}{{"", 400}, {"?number_from=5", 200}} {
		body, ct := mergeRequest(t, 3, "")
		b := bytes.Replace(body.Bytes(), []byte("huyện Thử 2,2\n"), []byte("huyện Thử 2,\n"), 1)
		r := httptest.NewRequest("POST", "/v1/merge"+c.query, bytes.NewReader(b))
		r.Header.Set("Content-Type", ct)
		w := do(newServer(t, Config{}), r)
		if w.Code != c.code {
			t.Fatalf("%q: %d, want %d: %s", c.query, w.Code, c.code, w.Body)
		}
		if c.code == 400 && !strings.Contains(w.Body.String(), "So: every document needs its own number") {
			t.Errorf("%q: problem does not name So: %s", c.query, w.Body)
		}
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

// mergePlanRequest is a merge of cong-van-xa-bhyt whose rows name the
// units of a units file listed in another order, with query.
func mergePlanRequest(t *testing.T, query string) *httptest.ResponseRecorder {
	t.Helper()
	data, err := readFile("../cmd/bhytdoc/testdata/merge-common.json")
	if err != nil {
		t.Fatal(err)
	}
	units := "Đơn vị,Dân số,Số người tham gia BHYT\nXã Yên Lạc,10125,9980\nXã Ân Thi,15300,15100\nXã Đông Hải,6200,6180\n"
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("template", "cong-van-xa-bhyt")
	mw.WriteField("data", string(data))
	mw.WriteField("name", "DonVi")
	fw, _ := mw.CreateFormFile("rows", "thu.csv")
	io.WriteString(fw, "STT,Đơn vị\n1,Xã Đông Hải\n2,Xã Yên Lạc\n3,Xã Ân Thi\n")
	fw, _ = mw.CreateFormFile("units", "donvi.csv")
	io.WriteString(fw, units)
	mw.Close()
	r := httptest.NewRequest("POST", "/v1/merge?format=md&milestone=2019-12-31:99,5&milestone=2020-12-31:100"+query, &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return do(newServer(t, Config{}), r)
}

// The server's merge takes merge's options: each row gets its own unit's
// share by name; sort=1 orders the letters (and their numbers) by unit;
// number_from numbers them; ascii_names names the files in ASCII.
func TestMergeOptions(t *testing.T) {
	for _, c := range []struct {
		query string
		names []string
	}{
		{"&number_from=5&ascii_names=1", []string{"Xa-Dong-Hai.md", "Xa-Yen-Lac.md", "Xa-An-Thi.md"}},
		{"&number_from=5&sort=1", []string{"Xã-Ân-Thi.md", "Xã-Đông-Hải.md", "Xã-Yên-Lạc.md"}},
	} {
		w := mergePlanRequest(t, c.query)
		if w.Code != 200 {
			t.Fatalf("%s: %d: %s", c.query, w.Code, w.Body)
		}
		zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
		if err != nil {
			t.Fatal(err)
		}
		figures := map[string]string{"Yên Lạc": "9.980", "Ân Thi": "15.100", "Đông Hải": "6.180"}
		var names []string
		for i, f := range zr.File {
			names = append(names, f.Name)
			rc, _ := f.Open()
			md, _ := io.ReadAll(rc)
			rc.Close()
			txt := strings.Join(strings.Fields(string(md)), " ")
			if !strings.Contains(txt, fmt.Sprintf("Số: %02d/", 5+i)) {
				t.Errorf("%s: %s is not numbered %d", c.query, f.Name, 5+i)
			}
			own := 0
			for unit, part := range figures {
				if strings.Contains(txt, "xã "+unit+" có "+part+" người tham gia") {
					own++
				}
			}
			if own != 1 {
				t.Errorf("%s: %s does not give its unit its own figures:\n%s", c.query, f.Name, txt)
			}
		}
		if strings.Join(names, " ") != strings.Join(c.names, " ") {
			t.Errorf("%s: files %v, want %v", c.query, names, c.names)
		}
	}
	for _, q := range []string{"&number_from=0", "&number_from=x", "&sort=1&milestone="} {
		if w := mergePlanRequest(t, q); w.Code != 400 {
			t.Errorf("%s: %d", q, w.Code)
		}
	}
}

// TestOpenAPIMergeParams: the merge's parameters in openapi.json are the
// ones it reads, merge's flags under their server names.
func TestOpenAPIMergeParams(t *testing.T) {
	w := do(newServer(t, Config{}), httptest.NewRequest("GET", "/openapi.json", nil))
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var op struct {
		Parameters []struct{ Name string }
	}
	if err := json.Unmarshal(doc.Paths["/v1/merge"]["post"], &op); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range op.Parameters {
		got = append(got, p.Name)
	}
	slices.Sort(got)
	want := []string{"allow_inconsistent", "ascii_names", "combined", "format", "ignore_extra_columns", "milestone", "number_from", "sheet", "sort"}
	if !slices.Equal(got, want) {
		t.Errorf("parameters %v, want %v", got, want)
	}
}
