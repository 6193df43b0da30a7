package coverage

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// letter is a công văn that carries an annex, after seed 000.
func letter(a bhytdoc.Annex) *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind:       bhytdoc.CongVan,
		Issuer:     bhytdoc.Issuer{Name: "Ủy ban nhân dân\nquận Cái Răng", Abbrev: "UBND"},
		Number:     898,
		Place:      "Cái Răng",
		Date:       d(2020, 5, 18),
		Summary:    "tăng cường phát triển đối tượng tham gia bảo hiểm y tế",
		Addressees: []string{"Chủ tịch Ủy ban nhân dân các phường"},
		Body: []bhytdoc.Block{{Kind: bhytdoc.Paragraph, Text: []bhytdoc.Span{{Text: "Đảm bảo hoàn thành tiến độ thực hiện chỉ tiêu đề ra: " +
			Schedule(seedMilestones()) + "."}}}},
		Attachments: []string{"Đính kèm Phụ lục chỉ tiêu bảo hiểm y tế"},
		Signatures:  []bhytdoc.Signature{{Authority: []bhytdoc.Authority{{Prefix: bhytdoc.KT, Title: "Chủ tịch"}}, Position: "Phó Chủ tịch", Name: "Nguyễn Văn A"}},
		Recipients:  []bhytdoc.Recipient{{Name: "Như trên"}},
		Luu:         []string{"VT"},
		Annexes:     []bhytdoc.Annex{a},
	}
}

func pdfTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s not found: run ./scripts/test-deps.sh", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// An annex from PlanTargets goes through bhytdoc's PDF renderer: several
// landscape pages, the header repeated on each, the totals at the end.
func TestAnnexPDF(t *testing.T) {
	tb := bigTable(t, 60)
	a, err := tb.Annex()
	if err != nil {
		t.Fatal(err)
	}
	b, err := bhytdoc.RenderPDF(letter(a), nil)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	info := pdfTool(t, "pdfinfo", "-f", "1", "-l", "99", f)
	n, _ := strconv.Atoi(regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)[1])
	if n < 3 {
		t.Fatalf("%d pages: want the letter and an annex of several pages", n)
	}
	landscape := regexp.MustCompile(`Page\s+\d+ size:\s+841\.\d+ x 595\.\d+`).FindAllString(info, -1)
	if len(landscape) < 2 {
		t.Errorf("annex pages not landscape:\n%s", info)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var annexPages []string
	for p := 2; p <= n; p++ {
		text := squash(pdfTool(t, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-layout", f, "-"))
		if strings.Contains(text, "Đến ngày 30/6/2020") {
			annexPages = append(annexPages, text)
		}
	}
	if len(annexPages) < 2 {
		t.Fatalf("header on %d annex pages, want it repeated on every one", len(annexPages))
	}
	first, last := annexPages[0], annexPages[len(annexPages)-1]
	for _, want := range []string{"BIỂU GIAO CHỈ TIÊU", "STT", "Dân số", "Phường Đơn vị 2"} {
		if !strings.Contains(first, want) {
			t.Errorf("first annex page lacks %q", want)
		}
	}
	tot := tb.Totals()[0]
	if !strings.Contains(last, "Cộng") || !strings.Contains(last, strings.Join([]string{
		typo.Int(tot.Participants), typo.Int(tot.NonParticipants()), typo.Int(tot.Population)}, " ")) {
		t.Errorf("last annex page lacks the totals row: %s", last)
	}
}

// The annex goes through bhytdoc's Markdown writer too, as a GFM table,
// and reads back as a table Check still finds consistent.
func TestAnnexMarkdown(t *testing.T) {
	tb := planned(t)
	a, err := tb.Annex()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := markdown.Write(&b, letter(a), nil); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"BIỂU GIAO CHỈ TIÊU", "| 1 | Phường Lê Bình | 8.607 | 1.518 | 10.125 | 85,0 |", "Cộng"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	d, err := markdown.Parse(b.Bytes(), "letter.md")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := Check(&d.Annexes[0].Table)
	if err != nil || len(fs) != 0 {
		t.Errorf("annex read back from Markdown: %v\n%s", err, lines(fs))
	}
	if !reflect.DeepEqual(d.Annexes[0].Table.Rows, a.Table.Rows) {
		t.Errorf("rows changed in the round trip")
	}
}
