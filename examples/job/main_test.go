package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/templates"
)

// commune is a row of units.csv and what its letter must say, computed
// here independently of the library: participants needed at a rate r%
// are ⌈r × population / 100⌉, never fewer than the baseline.
type commune struct {
	name, inText   string // "Xã Đông Lợi", "xã Đông Lợi"
	pop, part      int64
	need93, need95 int64
	notYet         int64
}

func readUnits(t *testing.T) []commune {
	t.Helper()
	f, err := os.Open("units.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var cs []commune
	for _, r := range recs[1:] {
		c := commune{name: r[1]}
		c.pop, _ = strconv.ParseInt(r[2], 10, 64)
		c.part, _ = strconv.ParseInt(r[3], 10, 64)
		kind, proper, _ := strings.Cut(c.name, " ")
		if kind == "Thị" { // Thị trấn
			kind, proper = "thị trấn", strings.TrimPrefix(c.name, "Thị trấn ")
		}
		c.inText = strings.ToLower(kind) + " " + proper
		need := func(r int64) int64 { return max(c.part, (c.pop*r+99)/100) }
		c.need93, c.need95 = need(93), need(95)
		c.notYet = c.pop - c.part
		cs = append(cs, c)
	}
	if len(cs) != 30 {
		t.Fatalf("units.csv holds %d communes, want 30", len(cs))
	}
	return cs
}

// so prints n as Vietnamese letters do: 10.125.
func so(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (scripts/test-deps.sh installs poppler-utils)", name)
	}
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

var space = regexp.MustCompile(`\s+`)

func TestJob(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 30 letters twice over (-short)")
	}
	cs := readUnits(t)
	out := t.TempDir()
	if err := run(context.Background(), "units.csv", out); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"pdf", "docx"} {
		if got, _ := filepath.Glob(filepath.Join(out, "cong-van", "*."+ext)); len(got) != 30 {
			t.Errorf("%d .%s letters, want 30", len(got), ext)
		}
	}

	// Each letter names its own commune and quotes its own figures.
	for _, c := range cs {
		base := filepath.Join(out, "cong-van", strings.ReplaceAll(c.name, " ", "-"))
		text := space.ReplaceAllString(tool(t, "pdftotext", base+".pdf", "-"), " ")
		for _, want := range []string{
			"Kính gửi: Chủ tịch Ủy ban nhân dân " + c.inText + ".",
			c.inText + " có " + so(c.part) + " người tham gia bảo hiểm y tế trên tổng dân số " + so(c.pop) + " người",
			"còn " + so(c.notYet) + " người chưa tham gia",
			"đạt tỷ lệ 93%, tương ứng " + so(c.need93) + " người tham gia",
			"phát triển mới ít nhất " + so(c.need93-c.part) + " người;",
			"đạt tỷ lệ 95%, tương ứng " + so(c.need95) + " người tham gia",
			"phát triển mới ít nhất " + so(c.need95-c.need93) + " người.",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s.pdf lacks %q:\n%s", c.name, want, text)
			}
		}
		if doc := docxText(t, base+".docx"); !strings.Contains(doc, c.inText) || !strings.Contains(doc, so(c.need95)) {
			t.Errorf("%s.docx does not name %q with %s", c.name, c.inText, so(c.need95))
		}
	}

	// One print PDF of every letter, each on pages of its own.
	info := tool(t, "pdfinfo", filepath.Join(out, "cong-van-in.pdf"))
	var pages int
	if _, err := fmt.Sscan(regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)[1], &pages); err != nil || pages < 30 {
		t.Errorf("print PDF has %d pages, want at least 30 (%v)", pages, err)
	}

	// The kế hoạch with its planned annex: every commune and the totals.
	kh := space.ReplaceAllString(tool(t, "pdftotext", filepath.Join(out, "ke-hoach.pdf"), "-"), " ")
	var pop, part int64
	for _, c := range cs {
		pop, part = pop+c.pop, part+c.part
	}
	for _, want := range []string{"KẾ HOẠCH", "Đến ngày 30/6/2025 phải đạt 93%, ngày 31/12/2025 phải đạt 95%",
		so(part) + " người trên tổng dân số " + so(pop), "BIỂU GIAO CHỈ TIÊU", cs[0].name, cs[29].name} {
		if !strings.Contains(kh, want) {
			t.Errorf("ke-hoach.pdf lacks %q", want)
		}
	}
	// Its workbook reads back as the same annex, every sum and rate right.
	xlsx, err := os.Open(filepath.Join(out, "ke-hoach.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer xlsx.Close()
	sheets, err := coverage.ReadAnnexXLSX(xlsx, "ke-hoach.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if rows := sheets[0].Table.Rows; len(sheets) != 1 || len(rows) != 30 || !strings.Contains(strings.Join(rows[29], " "), cs[29].name) {
		t.Errorf("ke-hoach.xlsx: %d sheets, want one of 30 rows, the last %s", len(sheets), cs[29].name)
	}
	if f, err := sheets[0].Check(); err != nil || len(f) > 0 {
		t.Errorf("ke-hoach.xlsx: %v %v", f, err)
	}
	if f := zipFile(t, filepath.Join(out, "ke-hoach.xlsx"), "xl/worksheets/sheet1.xml"); !strings.Contains(f, "<f>") {
		t.Error("ke-hoach.xlsx has no formulas")
	}
}

// A cancelled run leaves no file behind.
func TestJobCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	if err := run(ctx, "", out); !errors.Is(err, context.Canceled) {
		t.Fatalf("run with a cancelled context: %v, want context.Canceled", err)
	}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.Errorf("left %s", p)
		}
		return err
	})
}

// A misspelt field in map data is one error, naming the field it resembles.
func TestTypoInFieldName(t *testing.T) {
	bs, err := coverage.ReadCSV(bytes.NewReader(sonDuong), "units.csv")
	if err != nil {
		t.Fatal(err)
	}
	shares, err := coverage.Shares(bs, milestones)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(letter(120, shares[0]))
	var data map[string]any
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	if _, err := templates.Fill("cong-van-xa-bhyt", data); err != nil {
		t.Fatalf("the letter's data as a map: %v", err)
	}
	data["DonViSoanthao"] = data["DonViSoanThao"]
	delete(data, "DonViSoanThao")
	_, err = templates.Fill("cong-van-xa-bhyt", data)
	if err == nil {
		t.Fatal("a misspelt DonViSoanThao was accepted")
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	if len(errs) != 1 || !strings.Contains(err.Error(), "did you mean DonViSoanThao?") {
		t.Errorf("%d errors, want one suggesting DonViSoanThao:\n%v", len(errs), err)
	}
	var fe *bhytdoc.FieldError
	if !errors.As(err, &fe) || !strings.Contains(fe.Field, "DonViSoanthao") {
		t.Errorf("errors.As *bhytdoc.FieldError: %v (%#v)", err, fe)
	}
	t.Logf("%d error: %v", len(errs), err)
}

func zipFile(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// docxText is the text of a DOCX's body, runs joined.
func docxText(t *testing.T, path string) string {
	return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(zipFile(t, path, "word/document.xml"), "")
}
