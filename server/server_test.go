package server

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// letterSource is the Cái Răng letter as a Markdown source.
func letterSource(t testing.TB) []byte {
	t.Helper()
	b, err := markdown.Marshal(seeds.CaiRang(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// planHead is a kế hoạch's front matter up to its annexes.
const planHead = `---
kind: Kế hoạch
issuer: {name: Ủy ban nhân dân quận Cái Răng, abbrev: UBND}
number: 131
place: Cái Răng
date: 2018-11-08
summary: Thực hiện chỉ tiêu bảo hiểm y tế năm 2019
signatures: [{authority: [TM. Ủy ban nhân dân, KT. Chủ tịch], position: Phó Chủ tịch, name: Vương Công Khanh}]
noi_nhan: [UBND thành phố]
luu: [VT]
`

const (
	goodUnitsCSV = "STT,Đơn vị,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n" +
		"1,Phường Lê Bình,9.980,145,10.125,\"98,6\"\n" +
		"2,Phường Hưng Phú,15.100,200,15.300,\"98,7\"\n" +
		",Cộng,25.080,345,25.425,\"98,6\"\n"
	// badUnitsCSV states 201 people not insured in Hưng Phú.
	badUnitsCSV = "STT,Đơn vị,Số người đã tham gia BHYT,Số người chưa tham gia BHYT,Dân số,Tỷ lệ (%)\n" +
		"1,Phường Lê Bình,9.980,145,10.125,\"98,6\"\n" +
		"2,Phường Hưng Phú,15.100,201,15.300,\"98,7\"\n" +
		",Cộng,25.080,346,25.425,\"98,6\"\n"
)

func newServer(t testing.TB, c Config) *Server {
	t.Helper()
	s, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do serves one request and returns the recorder.
func do(s http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// multipartBody builds a form: fields as plain parts, files as file parts.
func multipartBody(t testing.TB, fields map[string]string, files map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for name, data := range files {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(data))
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// problemOf decodes a problem answer, failing unless it is one.
func problemOf(t *testing.T, w *httptest.ResponseRecorder) Problem {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json; body %s", ct, w.Body)
	}
	var p Problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	if p.Status != w.Code || p.Detail == "" || p.Type == "" {
		t.Errorf("problem %+v does not match status %d", p, w.Code)
	}
	return p
}

func TestRenderMarkdownSource(t *testing.T) {
	s := newServer(t, Config{})
	r := httptest.NewRequest("POST", "/v1/render", bytes.NewReader(letterSource(t)))
	r.Header.Set("Content-Type", "text/markdown")
	w := do(s, r)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("%d %s: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	info, err := bhytdoc.ReadInfo(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := bhytdoc.RenderPDF(seeds.CaiRang(), nil)
	wantInfo, _ := bhytdoc.ReadInfo(bytes.NewReader(want), int64(len(want)))
	if info.Symbol != wantInfo.Symbol || info.Pages != wantInfo.Pages || info.Summary != wantInfo.Summary {
		t.Errorf("served %+v, rendered directly %+v", info, wantInfo)
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, ".pdf") {
		t.Errorf("Content-Disposition %q", cd)
	}
}

func TestRenderFormatsZipDeterministic(t *testing.T) {
	s := newServer(t, Config{})
	var bodies [2][]byte
	for i := range bodies {
		r := httptest.NewRequest("POST", "/v1/render?format=pdf,docx,md", bytes.NewReader(letterSource(t)))
		w := do(s, r)
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/zip" {
			t.Fatalf("%d: %s", w.Code, w.Body)
		}
		bodies[i] = w.Body.Bytes()
	}
	if !bytes.Equal(bodies[0], bodies[1]) {
		t.Error("the same request gave two different zip archives")
	}
	zr, err := zip.NewReader(bytes.NewReader(bodies[0]), int64(len(bodies[0])))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "van-ban.pdf van-ban.docx van-ban.md" {
		t.Errorf("zip holds %s", got)
	}
}

func TestRenderAcceptHeader(t *testing.T) {
	s := newServer(t, Config{})
	r := httptest.NewRequest("POST", "/v1/render", bytes.NewReader(letterSource(t)))
	r.Header.Set("Accept", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w := do(s, r)
	if w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte("PK")) || !strings.Contains(w.Header().Get("Content-Disposition"), ".docx") {
		t.Fatalf("%d %v", w.Code, w.Header())
	}
	r = httptest.NewRequest("POST", "/v1/render?format=odt", bytes.NewReader(letterSource(t)))
	if w := do(s, r); w.Code != http.StatusNotAcceptable {
		t.Errorf("format=odt: %d", w.Code)
	} else {
		problemOf(t, w)
	}
}

func TestRenderMultipartAnnexFile(t *testing.T) {
	s := newServer(t, Config{})
	src := planHead + "annexes:\n  - {file: units.csv, title: Biểu giao chỉ tiêu}\n---\n\nỦy ban nhân dân quận lập kế hoạch như sau./.\n"
	body, ct := multipartBody(t, map[string]string{"source": src}, map[string]string{"units.csv": goodUnitsCSV})
	r := httptest.NewRequest("POST", "/v1/render?format=xlsx", body)
	r.Header.Set("Content-Type", ct)
	w := do(s, r)
	if w.Code != 200 {
		t.Fatalf("%d: %s", w.Code, w.Body)
	}
	if !bytes.Contains(w.Body.Bytes(), []byte("xl/worksheets")) {
		t.Error("the answer is not a workbook")
	}

	// The same source with the wrong annex: 400 naming the cell.
	body, ct = multipartBody(t, map[string]string{"source": src}, map[string]string{"units.csv": badUnitsCSV})
	r = httptest.NewRequest("POST", "/v1/render", body)
	r.Header.Set("Content-Type", ct)
	w = do(s, r)
	if w.Code != 400 {
		t.Fatalf("bad annex: %d %s", w.Code, w.Body)
	}
	p := problemOf(t, w)
	found := false
	for _, it := range p.Errors {
		if it.Cell == "D3" && it.Row != nil && *it.Row == 2 && it.File == "units.csv" {
			found = true
		}
	}
	if !found {
		t.Errorf("no item for cell D3 of units.csv: %+v", p.Errors)
	}
	// allow_inconsistent=1 renders it anyway.
	body, ct = multipartBody(t, map[string]string{"source": src}, map[string]string{"units.csv": badUnitsCSV})
	r = httptest.NewRequest("POST", "/v1/render?allow_inconsistent=1", body)
	r.Header.Set("Content-Type", ct)
	if w := do(s, r); w.Code != 200 {
		t.Errorf("allow_inconsistent=1: %d %s", w.Code, w.Body)
	}
}

func TestRenderJSONDocument(t *testing.T) {
	s := newServer(t, Config{})
	doc := `{"kind": "Công văn", "issuer": {"name": "Ủy ban nhân dân quận Cái Răng", "abbrev": "UBND"},
	"number": 464, "drafting_unit": "VX", "place": "Cái Răng", "date": "2020-05-18",
	"summary": "tăng cường phát triển người tham gia bảo hiểm y tế",
	"recipients": ["Bảo hiểm xã hội quận"],
	"signatures": [{"authority": ["KT. Chủ tịch"], "position": "Phó Chủ tịch", "name": "Trương Văn Mười"}],
	"noi_nhan": ["Như trên"], "luu": ["VT"],
	"body": "Ủy ban nhân dân quận đề nghị các cơ quan thực hiện./."}`
	r := httptest.NewRequest("POST", "/v1/render", strings.NewReader(doc))
	r.Header.Set("Content-Type", "application/json")
	w := do(s, r)
	if w.Code != 200 {
		t.Fatalf("%d: %s", w.Code, w.Body)
	}
	info, err := bhytdoc.ReadInfo(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil || info.Symbol != "UBND-VX" || info.Number != 464 {
		t.Errorf("info %+v, %v", info, err)
	}
}

func TestProblemLanguageAndFields(t *testing.T) {
	s := newServer(t, Config{})
	src := strings.Replace(string(letterSource(t)), "name: Vương Công Khanh", "name: \"\"", 1)
	if src == string(letterSource(t)) {
		t.Fatal("fixture: signer's name not found in the source")
	}
	for _, lang := range []string{"", "en-US,en;q=0.9", "vi,en;q=0.5"} {
		r := httptest.NewRequest("POST", "/v1/render", strings.NewReader(src))
		if lang != "" {
			r.Header.Set("Accept-Language", lang)
		}
		w := do(s, r)
		if w.Code != 400 {
			t.Fatalf("%q: %d %s", lang, w.Code, w.Body)
		}
		p := problemOf(t, w)
		en := strings.HasPrefix(lang, "en")
		if en != strings.HasPrefix(p.Detail, "The input") || w.Header().Get("Content-Language") != map[bool]string{true: "en", false: "vi"}[en] {
			t.Errorf("Accept-Language %q: detail %q", lang, p.Detail)
		}
		if len(p.Errors) == 0 || !strings.HasPrefix(p.Errors[0].Field, "Signatures[0].Name") || p.Errors[0].Line == 0 {
			t.Errorf("items %+v lack the field path and line", p.Errors)
		}
	}
}

// TestSourceCannotReadOutside: a source naming a file outside the upload
// gets 400 and nothing is read but the request's own parts.
func TestSourceCannotReadOutside(t *testing.T) {
	s := newServer(t, Config{})
	for _, name := range []string{"../../etc/passwd", "/etc/passwd", "units.csv"} {
		src := planHead + "annexes:\n  - {file: \"" + name + "\", title: Biểu}\n---\n\nNội dung./.\n"
		r := httptest.NewRequest("POST", "/v1/render", strings.NewReader(src))
		w := do(s, r)
		if w.Code != 400 {
			t.Fatalf("%s: %d %s", name, w.Code, w.Body)
		}
		p := problemOf(t, w)
		if strings.Contains(w.Body.String(), "root:") || len(p.Errors) == 0 {
			t.Errorf("%s: %s", name, w.Body)
		}
	}
	// A part whose file name climbs out is refused before parsing.
	body, ct := multipartBody(t, map[string]string{"source": "x"}, map[string]string{"../secret.csv": "a"})
	r := httptest.NewRequest("POST", "/v1/render", body)
	r.Header.Set("Content-Type", ct)
	if w := do(s, r); w.Code != 400 {
		t.Errorf("part ../secret.csv: %d", w.Code)
	}
}

func TestToken(t *testing.T) {
	s := newServer(t, Config{Token: "bí-mật-123"})
	for _, auth := range []string{"", "Bearer sai", "bí-mật-123", "Basic bí-mật-123"} {
		r := httptest.NewRequest("POST", "/v1/render", bytes.NewReader(letterSource(t)))
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		w := do(s, r)
		if w.Code != 401 || w.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("Authorization %q: %d", auth, w.Code)
		}
	}
	for _, path := range []string{"/v1/templates", "/metrics", "/openapi.json"} {
		if w := do(s, httptest.NewRequest("GET", path, nil)); w.Code != 401 {
			t.Errorf("GET %s without the token: %d", path, w.Code)
		}
	}
	r := httptest.NewRequest("POST", "/v1/render", bytes.NewReader(letterSource(t)))
	r.Header.Set("Authorization", "Bearer bí-mật-123")
	if w := do(s, r); w.Code != 200 {
		t.Errorf("with the token: %d %s", w.Code, w.Body)
	}
	if w := do(s, httptest.NewRequest("GET", "/healthz", nil)); w.Code != 200 {
		t.Errorf("healthz: %d", w.Code)
	}
}

func TestTemplates(t *testing.T) {
	s := newServer(t, Config{})
	w := do(s, httptest.NewRequest("GET", "/v1/templates", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), "cong-van-bhyt") {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if w := do(s, httptest.NewRequest("GET", "/v1/templates/khong-co", nil)); w.Code != 404 {
		t.Errorf("unknown template: %d", w.Code)
	}
	data, err := templatesTestdata("cong-van-bhyt")
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("POST", "/v1/templates/cong-van-bhyt?format=pdf", bytes.NewReader(data))
	r.Header.Set("Content-Type", "application/json")
	w = do(s, r)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("fill: %d %s", w.Code, w.Body)
	}
	// A missing field is a problem naming it.
	var m map[string]any
	json.Unmarshal(data, &m)
	delete(m, "NguoiKy")
	data, _ = json.Marshal(m)
	w = do(s, httptest.NewRequest("POST", "/v1/templates/cong-van-bhyt", bytes.NewReader(data)))
	if w.Code != 400 {
		t.Fatalf("missing NguoiKy: %d %s", w.Code, w.Body)
	}
	if p := problemOf(t, w); len(p.Errors) == 0 || !strings.Contains(p.Errors[0].Field+p.Errors[0].Detail, "NguoiKy") {
		t.Errorf("problem does not name NguoiKy: %+v", p.Errors)
	}
}

func templatesTestdata(name string) ([]byte, error) {
	return readFile("../templates/testdata/" + name + ".json")
}

func TestAnnexCheck(t *testing.T) {
	s := newServer(t, Config{})
	body, ct := multipartBody(t, nil, map[string]string{"bieu.csv": badUnitsCSV})
	r := httptest.NewRequest("POST", "/v1/annex/check", body)
	r.Header.Set("Content-Type", ct)
	w := do(s, r)
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	var got struct {
		Count    int
		Findings []annexFinding
	}
	json.Unmarshal(w.Body.Bytes(), &got)
	if got.Count != 2 || len(got.Findings) != 2 || got.Findings[0].Cell != "D3" || got.Findings[0].Row != 2 || got.Findings[0].Unit != "Phường Hưng Phú" {
		t.Errorf("findings %+v", got)
	}
	r = httptest.NewRequest("POST", "/v1/annex/check", strings.NewReader(goodUnitsCSV))
	r.Header.Set("Content-Type", "text/csv")
	w = do(s, r)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"count": 0`) {
		t.Errorf("good table: %d %s", w.Code, w.Body)
	}
}

func TestInfo(t *testing.T) {
	s := newServer(t, Config{})
	pdf, err := bhytdoc.RenderPDF(seeds.CaiRang(), nil)
	if err != nil {
		t.Fatal(err)
	}
	w := do(s, httptest.NewRequest("POST", "/v1/info", bytes.NewReader(pdf)))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"symbol": "UBND"`) {
		t.Errorf("%d %s", w.Code, w.Body)
	}
	w = do(s, httptest.NewRequest("POST", "/v1/info", strings.NewReader("%PDF-1.4 not really")))
	if w.Code/100 != 4 {
		t.Errorf("not a PDF: %d", w.Code)
	}
	problemOf(t, w)
}

func TestMetrics(t *testing.T) {
	s := newServer(t, Config{})
	do(s, httptest.NewRequest("POST", "/v1/render", bytes.NewReader(letterSource(t))))
	w := do(s, httptest.NewRequest("GET", "/metrics", nil))
	body := w.Body.String()
	for _, want := range []string{
		`bhytdoc_requests_total{route="POST /v1/render",status="200"} 1`,
		`bhytdoc_request_duration_seconds_count{route="POST /v1/render"} 1`,
		"bhytdoc_pages_rendered_total 3",
		"bhytdoc_requests_in_flight 1", // the /metrics request itself
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
}

func readFile(name string) ([]byte, error) {
	f, err := osOpen(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// TestTemplatePlannedAnnex: a kế hoạch whose annex is planned from an
// uploaded units file, as bhytdoc new --units plans it; its workbook
// keeps the formulas.
func TestTemplatePlannedAnnex(t *testing.T) {
	s := newServer(t, Config{})
	data, err := readFile("../cmd/bhytdoc/testdata/ke-hoach-plan.json")
	if err != nil {
		t.Fatal(err)
	}
	units, err := readFile("../cmd/bhytdoc/testdata/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("data", string(data))
	fw, _ := mw.CreateFormFile("units", "units.csv")
	fw.Write(units)
	mw.Close()
	r := httptest.NewRequest("POST", "/v1/templates/ke-hoach-bhyt?format=pdf,xlsx&milestone=2019-12-31:95&milestone=2020-12-31:96", &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := do(s, r)
	if w.Code != 200 {
		t.Fatalf("%d: %s", w.Code, w.Body)
	}
	zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil || len(zr.File) != 2 {
		t.Fatalf("zip: %v", err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		got, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasSuffix(f.Name, ".pdf"):
			info, err := bhytdoc.ReadInfo(bytes.NewReader(got), int64(len(got)))
			if err != nil || info.Kind != "Kế hoạch" || info.Pages < 2 {
				t.Errorf("pdf: %+v %v", info, err)
			}
		case strings.HasSuffix(f.Name, ".xlsx"):
			x, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
			if err != nil {
				t.Fatal(err)
			}
			formulas := false
			for _, e := range x.File {
				if strings.HasPrefix(e.Name, "xl/worksheets/") {
					rc, _ := e.Open()
					sheet, _ := io.ReadAll(rc)
					rc.Close()
					formulas = formulas || bytes.Contains(sheet, []byte("<f>"))
				}
			}
			if !formulas {
				t.Error("the planned workbook has no formulas")
			}
		}
	}
	// Units without milestones is a problem, not a document without its plan.
	b.Reset()
	mw = multipart.NewWriter(&b)
	mw.WriteField("data", string(data))
	fw, _ = mw.CreateFormFile("units", "units.csv")
	fw.Write(units)
	mw.Close()
	r = httptest.NewRequest("POST", "/v1/templates/ke-hoach-bhyt", &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	if w := do(s, r); w.Code != 400 {
		t.Errorf("units without milestones: %d", w.Code)
	}
}
