package coverage

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

var update = flag.Bool("update", false, "rewrite the golden workbooks in testdata/golden")

// goldenPlans are small plans whose workbooks must stay byte for byte what
// the writer gave when the goldens were made: the 3 units of the CLI's
// testdata, 13 units with names XML must escape, a baseline group, whole
// percentages and a reference line, and two tables in one workbook.
func goldenPlans(t *testing.T) map[string][]*Table {
	t.Helper()
	plan := func(bs []Baseline, ms []Milestone) *Table {
		tb, err := PlanTargets(bs, ms)
		if err != nil {
			t.Fatal(err)
		}
		return tb
	}
	three := plan([]Baseline{
		{Unit: Unit{Name: "Phường Lê Bình"}, Participants: 9980, Population: 10125},
		{Unit: Unit{Name: "Phường Hưng Phú"}, Participants: 15100, Population: 15300},
		{Unit: Unit{Name: "Xã Tân Phú"}, Participants: 7790, Population: 8000},
	}, []Milestone{{Date: d(2019, 12, 31), Rate: pct("85")}, {Date: d(2020, 12, 31), Rate: pct("90")}})
	names := []string{"Lê Bình", "A & B <C>", `"Ngoặc" kép`, "=1+1", "Tân Phú Đông Nam Bộ rất dài tên để xuống dòng trong ô",
		"7", "0123", "Hưng Phú", "Thường Thạnh", "Phú Thứ", "Ba Láng", "Tân Phú", "It's"}
	bs := make([]Baseline, len(names))
	for i, n := range names {
		pop := int64(1000 + i*7919%40000)
		bs[i] = Baseline{Unit: Unit{Name: n, Kind: UnitKind(i % 4)}, Participants: pop * int64(50+i*3) / 100, Population: pop,
			Date: d(2019, 12, 31)}
	}
	thirteen := plan(bs, seedMilestones())
	thirteen.Reference = "Kèm theo Kế hoạch số 12/KH-UBND ngày 02/01/2020 của Ủy ban nhân dân quận Cái Răng"
	grouped := thirteen.WithBaselineGroup("Thực hiện năm 2019", d(2019, 12, 31))
	grouped.Precision = 2
	whole := plan(bs[:5], seedMilestones()[:1])
	whole.Precision = WholePercent
	whole.Title = "Biểu giao chỉ tiêu & kế hoạch"
	// 100 units: the size the CLI's smallest plans reach, with every
	// kind of unit, growth and two decimals.
	hundred := plan(func() []Baseline {
		bs := make([]Baseline, 100)
		for i := range bs {
			pop := int64(1000 + (i*7919)%40000)
			bs[i] = Baseline{Unit: Unit{Name: fmt.Sprintf("Đơn vị %d", i+1), Kind: UnitKind(i % 4)},
				Participants: pop * int64(50+i%50) / 100, Population: pop, Date: d(2019, 12, 31), Growth: Percent(i%7) * OnePercent / 2}
		}
		return bs
	}(), seedMilestones())
	hundred.Precision = 2
	return map[string][]*Table{
		"units100": {hundred},
		"units3":   {three},
		"units13":  {thirteen},
		"grouped":  {grouped},
		"two":      {whole, planned(t)},
	}
}

// TestGoldenXLSX keeps the workbook of small plans byte-identical: a
// streaming writer must give the very bytes the in-memory one gave.
// Regenerate deliberately with go test -run GoldenXLSX -update.
func TestGoldenXLSX(t *testing.T) {
	for name, tables := range goldenPlans(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			o := &XLSXOptions{}
			if name == "two" {
				o.Size, o.Time = 13, time.Date(2020, 5, 18, 9, 30, 0, 0, time.UTC)
			}
			if err := WriteXLSXWith(&b, o, tables...); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", name+".xlsx")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s: %d bytes differ from the golden %d bytes: %s", name, b.Len(), len(want), zipDiff(b.Bytes(), want))
			}
		})
	}
}

// zipDiff names the first entry that differs between two workbooks and
// where, to tell a changed part from changed compression.
func zipDiff(got, want []byte) string {
	entries := func(b []byte) ([]string, map[string][]byte) {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return nil, nil
		}
		var names []string
		m := map[string][]byte{}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				continue
			}
			m[f.Name], _ = io.ReadAll(rc)
			rc.Close()
			names = append(names, f.Name)
		}
		return names, m
	}
	gn, g := entries(got)
	wn, w := entries(want)
	if fmt.Sprint(gn) != fmt.Sprint(wn) {
		return fmt.Sprintf("entries %q, want %q", gn, wn)
	}
	for _, n := range wn {
		a, b := g[n], w[n]
		if bytes.Equal(a, b) {
			continue
		}
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		lo := max(i-80, 0)
		return fmt.Sprintf("%s differs at byte %d:\n got …%s\nwant …%s", n, i, a[lo:min(i+120, len(a))], b[lo:min(i+120, len(b))])
	}
	return "same parts, different zip bytes (compression or headers)"
}

// Tables are written to Markdown a row at a time, with the very bytes
// of Table.Markdown of the whole, names that need escaping included.
func TestMarkdownRows(t *testing.T) {
	tb := bigTable(t, 300)
	for i, name := range []string{"A*B", "Tân_Phú", "x|y", "`k`", "R&amp;D", "a  b", "-1", "1. Số 7", "[x]", "<b>", "#3", "~s~", "\\"} {
		tb.Rows[i].Unit.Name = name
	}
	a, err := tb.Annex()
	if err != nil {
		t.Fatal(err)
	}
	prec := tb.precision()
	for _, x := range []struct {
		table *bhytdoc.Table
		row   func(int, []string) []string
	}{
		{&a.Table, func(i int, c []string) []string { return tb.rowCells(c, i, prec) }},
		{tb.newParticipants(), tb.newParticipantsRow},
		{tb.newParticipants(), tb.newParticipantsRows(tb.labels())},
	} {
		want, err := x.table.Markdown()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		head := *x.table
		head.Rows = nil
		if err := writeTableMarkdown(w, &head, len(tb.Rows), x.row); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if b.String() != want {
			t.Errorf("Markdown written a row at a time differs: %d bytes, want %d", b.Len(), len(want))
		}
	}
}

// TestGoldenXLSXLarge keeps the workbook and the Markdown of a plan of
// 5.000 units byte-identical too, by their SHA-256: a sheet that long is
// deflated in parallel chunks, and its STT column holds "1000", which
// is text (a number would show as "1.000"). Update the sums deliberately
// when the output is meant to change.
func TestGoldenXLSXLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	tb := bigTable(t, 5000)
	tb.Rows[7].Unit.Name = "A & B <C>"
	tb.Precision = 3
	var b bytes.Buffer
	if err := WriteXLSX(&b, tb); err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, tb); err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		name string
		b    []byte
		want string
	}{
		{"plan.xlsx", b.Bytes(), "ab5e59d7e09bdf7de84ff1c63114c94b89a29656346656a8f011ca73a4f24be4"},
		{"plan.md", md.Bytes(), "c6ef9d744d6105a874055e213360094c08d285538f91c1113317bf9f96f8472d"},
	} {
		if got := fmt.Sprintf("%x", sha256.Sum256(x.b)); got != x.want {
			t.Errorf("%s of 5.000 units: SHA-256 %s (%d bytes), want %s", x.name, got, len(x.b), x.want)
		}
	}
}
