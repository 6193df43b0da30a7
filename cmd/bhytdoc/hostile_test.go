package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/internal/guard"
	"github.com/bhytdoc/bhytdoc/internal/ostest"
)

// hostile is one hostile input of issue 8: the command line and what must
// come of it. Each runs under guard: 20 s and 1 GiB of allocation, so a
// regression to unbounded work fails here quickly.
type hostile struct {
	name  string
	setup func(t *testing.T, dir string) []string // returns the arguments
	code  int
	// want are texts the output (stdout and stderr) must contain; not
	// ones it must not.
	want, not []string
	check     func(t *testing.T, dir string)
}

// TestHostile runs the command on each hostile input of issue 8 (items
// 4, 5, 6, 13–16, 18, 19).
func TestHostile(t *testing.T) {
	for _, h := range hostiles() {
		t.Run(h.name, func(t *testing.T) {
			dir := t.TempDir()
			args := h.setup(t, dir)
			var code int
			var out string
			guard.Run(t, 20*time.Second, 1<<30, func() {
				var so, se bytes.Buffer
				code = run(args, &so, &se)
				out = so.String() + se.String()
			})
			if code != h.code {
				t.Errorf("exit %d, want %d\n%s", code, h.code, out)
			}
			for _, w := range h.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, n := range h.not {
				if strings.Contains(out, n) {
					t.Errorf("output has %q:\n%s", n, out)
				}
			}
			if h.check != nil {
				h.check(t, dir)
			}
		})
	}
}

func saveXLSX(t *testing.T, f *excelize.File, path string) string {
	t.Helper()
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// formulaBook is a small workbook whose formulas have no cached values:
// 2.000 =SUM over a hundred thousand rows, and a circular one.
func formulaBook(t *testing.T, path string) string {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Đơn vị", "Số người tham gia BHYT", "Dân số"})
	f.SetSheetRow("Sheet1", "A2", &[]any{1, "Phường A", 10})
	f.SetCellFormula("Sheet1", "D2", "D2+1")
	for i := range 2000 {
		f.SetCellFormula("Sheet1", fmt.Sprintf("F%d", i+3), "SUM(A1:Z100000)")
	}
	return saveXLSX(t, f, path)
}

// congVan returns the công văn example data with changes.
func congVan(t *testing.T, change func(m map[string]any)) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "templates", "testdata", "cong-van-bhyt.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	if change != nil {
		change(m)
	}
	out, _ := json.Marshal(m)
	return out
}

// source writes the công văn example as a source file in dir, with the
// front-matter line after luu: given.
func source(t *testing.T, dir, name, extra string) string {
	t.Helper()
	code, _, errs := runCLI("new", "cong-van-bhyt", "--data", writeTemp(t, dir, "cv.json", congVan(t, nil)), "-o", filepath.Join(dir, "gen"), "--format", "md")
	if code != exitOK {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "gen", "cv.md"))
	s := string(b)
	if extra != "" {
		s = strings.Replace(s, "\nluu: ", "\n"+extra+"\nluu: ", 1)
	}
	return writeTemp(t, dir, name, []byte(s))
}

func mkfifo(t *testing.T, path string) string {
	t.Helper()
	return ostest.FIFO(t, path, 0o644)
}

func noFile(paths ...string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		for _, p := range paths {
			if _, err := os.Stat(filepath.Join(dir, p)); !os.IsNotExist(err) {
				t.Errorf("%s written", p)
			}
		}
	}
}

func hostiles() []hostile {
	return []hostile{
		// 4: formulas are never evaluated; one without a cached value is an
		// error naming sheet and cell, a circular one is not a number.
		{name: "formula check", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				return []string{"annex", "check", formulaBook(t, filepath.Join(dir, "f.xlsx"))}
			},
			want: []string{`sheet "Sheet1": row 2, column D: formula =D2+1 has no computed value`, `row 3, column F: formula =SUM(A1:Z100000)`}},
		{name: "formula plan", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				return []string{"annex", "plan", formulaBook(t, filepath.Join(dir, "f.xlsx")), "--milestone", "2020-06-30:85", "-o", filepath.Join(dir, "out")}
			},
			want: []string{`formula =D2+1 has no computed value`}, check: noFile("out")},

		// 5: only regular files, bounded.
		{name: "FIFO table", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				return []string{"annex", "check", mkfifo(t, filepath.Join(dir, "t.xlsx"))}
			},
			want: []string{"not a regular file (a FIFO)"}},
		{name: "FIFO source", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				return []string{"render", mkfifo(t, filepath.Join(dir, "s.md")), "-o", dir}
			},
			want: []string{"not a regular file (a FIFO)"}},
		{name: "FIFO data", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				return []string{"new", "cong-van-bhyt", "--data", mkfifo(t, filepath.Join(dir, "d.json")), "-o", dir}
			},
			want: []string{"not a regular file (a FIFO)"}},
		{name: "zero device table", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				p := filepath.Join(dir, "z.csv")
				os.Symlink("/dev/zero", p)
				return []string{"annex", "plan", p, "--milestone", "2020-06-30:85", "-o", dir}
			},
			want: []string{"not a regular file (a device)"}},
		{name: "huge table", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				p := filepath.Join(dir, "big.csv")
				f, _ := os.Create(p)
				f.Truncate(maxTableBytes + 1) // sparse: no disk used
				f.Close()
				return []string{"annex", "check", p}
			},
			want: []string{"big.csv: larger than 256 MiB"}},
		{name: "FIFO annex file", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				mkfifo(t, filepath.Join(dir, "pl.yaml"))
				return []string{"render", source(t, dir, "doc.md", "annexes:\n  - file: pl.yaml"), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"annexes[0].file: pl.yaml is not a regular file"}, check: noFile("out")},

		// 6: files named in a source stay inside its directory.
		{name: "annex link to passwd", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				os.Symlink("/etc/passwd", filepath.Join(dir, "pw.yaml"))
				return []string{"render", source(t, dir, "doc.md", "annexes:\n  - file: pw.yaml"), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"annexes[0].file"}, not: []string{"root:x:0:0", "/bin/"}, check: noFile("out")},
		{name: "annex link outside", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				other := t.TempDir()
				os.WriteFile(filepath.Join(other, "pl.yaml"), []byte("title: Ngoài\ntable:\n  header: [[STT, Đơn vị]]\n  rows: [[1, A]]\n"), 0o644)
				os.Mkdir(filepath.Join(dir, "src"), 0o755)
				os.Symlink(filepath.Join(other, "pl.yaml"), filepath.Join(dir, "src", "pl.yaml"))
				return []string{"render", source(t, dir, "src/doc.md", "annexes:\n  - file: pl.yaml"), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"annexes[0].file", "escapes"}, check: noFile("out")},
		{name: "image link outside", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				os.Mkdir(filepath.Join(dir, "src"), 0o755)
				os.Symlink("/etc/hostname", filepath.Join(dir, "src", "ky.png"))
				os.Symlink("/etc/hostname", filepath.Join(dir, "src", "dau.png"))
				src := source(t, dir, "src/doc.md", "")
				b, _ := os.ReadFile(src)
				s := strings.Replace(string(b), "    name: Vương Công Khanh", "    name: Vương Công Khanh\n    image: ky.png\n    seal: dau.png", 1)
				os.WriteFile(src, []byte(s), 0o644)
				return []string{"render", src, "-o", filepath.Join(dir, "out")}
			},
			want: []string{"signatures[0].image", "signatures[0].seal"}, check: noFile("out")},

		// Annex tables from spreadsheet files obey the same rules.
		{name: "annex workbook link outside", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				other := t.TempDir()
				f := excelize.NewFile()
				f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Đơn vị"})
				f.SetSheetRow("Sheet1", "A2", &[]any{1, "Ngoài"})
				saveXLSX(t, f, filepath.Join(other, "pl.xlsx"))
				os.Mkdir(filepath.Join(dir, "src"), 0o755)
				os.Symlink(filepath.Join(other, "pl.xlsx"), filepath.Join(dir, "src", "pl.xlsx"))
				return []string{"annex", "check", source(t, dir, "src/doc.md", "annexes:\n  - {file: pl.xlsx, title: Ngoài}")}
			},
			want: []string{"annexes[0].file", "escapes"}},
		{name: "FIFO annex table", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				mkfifo(t, filepath.Join(dir, "pl.csv"))
				return []string{"render", source(t, dir, "doc.md", "annexes:\n  - {file: pl.csv, title: A}"), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"annexes[0].file: pl.csv is not a regular file"}, check: noFile("out")},
		{name: "huge annex table", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				p := filepath.Join(dir, "pl.csv")
				f, _ := os.Create(p)
				f.Truncate(16<<20 + 1)
				f.Close()
				return []string{"render", source(t, dir, "doc.md", "annexes:\n  - {file: pl.csv, title: A}"), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"annexes[0].file: pl.csv is larger than 16 MiB"}, check: noFile("out")},
		{name: "annex table of many rows", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				var b strings.Builder
				b.WriteString("STT,Đơn vị\n")
				for i := range 30000 {
					fmt.Fprintf(&b, "%d,Xã %d\n", i+1, i+1)
				}
				writeTemp(t, dir, "pl.csv", []byte(b.String()))
				return []string{"render", source(t, dir, "doc.md", "annexes:\n  - {file: pl.csv, title: A}"), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"pl.csv: a table of 30000 rows; at most 20000"}, check: noFile("out")},
		{name: "annex formula without value", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				f := excelize.NewFile()
				f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Đơn vị", "Số người đã tham gia BHYT", "Dân số"})
				f.SetSheetRow("Sheet1", "A2", &[]any{1, "Phường A", 10})
				f.SetCellFormula("Sheet1", "D2", "C2*2")
				saveXLSX(t, f, filepath.Join(dir, "pl.xlsx"))
				return []string{"annex", "check", source(t, dir, "doc.md", "annexes:\n  - {file: pl.xlsx, sheet: Sheet1, title: A}")}
			},
			want: []string{`annexes[0].file: pl.xlsx: sheet "Sheet1": row 2, column D: formula =C2*2 has no computed value`}},

		// 13: a number is decimal digits.
		{name: "number forms", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				src := source(t, dir, "doc.md", "")
				b, _ := os.ReadFile(src)
				os.WriteFile(src, bytes.Replace(b, []byte("number: 898"), []byte("number: 0x10"), 1), 0o644)
				return []string{"render", src, "-o", filepath.Join(dir, "out")}
			},
			want: []string{`doc.md:`, `number: want a whole number in decimal digits without leading zeros, got "0x10"`}, check: noFile("out")},

		// 14: the visible active sheet is read, and named; a hidden one
		// only when named.
		{name: "hidden sheet", code: exitOK,
			setup: func(t *testing.T, dir string) []string {
				return []string{"annex", "plan", hiddenBook(t, dir), "--milestone", "2020-06-30:85", "-o", filepath.Join(dir, "out")}
			},
			want: []string{`read sheet "Số liệu"`}},
		{name: "hidden sheet named", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				return []string{"annex", "plan", hiddenBook(t, dir), "--sheet", "Cũ", "--milestone", "2020-06-30:85", "-o", filepath.Join(dir, "out")}
			},
			want: []string{`sheet "Cũ": row 2`}},

		// 15: template data.
		{name: "repeated key", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				b := congVan(t, nil)
				b = bytes.Replace(b, []byte(`"So":898`), []byte("\"So\":898,\n\"So\":5"), 1)
				return []string{"new", "cong-van-bhyt", "--data", writeTemp(t, dir, "d.json", b), "-o", filepath.Join(dir, "out")}
			},
			want: []string{`d.json:2: key "So" given twice`}, check: noFile("out")},
		{name: "empty milestones", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				b := congVan(t, func(m map[string]any) { m["MocTienDo"] = []any{} })
				return []string{"new", "cong-van-bhyt", "--data", writeTemp(t, dir, "d.json", b), "-o", filepath.Join(dir, "out")}
			},
			want: []string{`.MocTienDo: items: the list is empty`}, check: noFile("out")},
		{name: "bool as text", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				b := congVan(t, func(m map[string]any) { m["DiaBan"] = true })
				return []string{"new", "cong-van-bhyt", "--data", writeTemp(t, dir, "d.json", b), "-o", filepath.Join(dir, "out")}
			},
			want: []string{`.DiaBan: want text, got true`}, check: noFile("out")},

		// 16: byte-order marks.
		{name: "BOM data and source", code: exitOK,
			setup: func(t *testing.T, dir string) []string {
				b := append([]byte("\uFEFF"), congVan(t, nil)...)
				code, _, errs := runCLI("new", "cong-van-bhyt", "--data", writeTemp(t, dir, "d.json", b), "-o", filepath.Join(dir, "gen2"), "--format", "md")
				if code != exitOK {
					t.Fatal(errs)
				}
				md, _ := os.ReadFile(filepath.Join(dir, "gen2", "d.md"))
				return []string{"render", writeTemp(t, dir, "bom.md", append([]byte("\uFEFF"), md...)), "-o", filepath.Join(dir, "out")}
			}},

		// 18: one output name, two sources.
		{name: "same base name", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				os.Mkdir(filepath.Join(dir, "a"), 0o755)
				os.Mkdir(filepath.Join(dir, "b"), 0o755)
				a := source(t, dir, "a/doc.md", "")
				b := source(t, dir, "b/doc.md", "")
				return []string{"render", a, b, "-o", filepath.Join(dir, "out"), "--format", "md,pdf"}
			},
			want: []string{"would both write"}, check: noFile("out")},

		// Issue 18, item 4: the rows file of merge is a regular file, read
		// with every bound holding while reading (internal/rows tests the
		// bounds one by one).
		{name: "FIFO rows", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, _ := rowsJSON(t, dir, nil)
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", mkfifo(t, filepath.Join(dir, "r.csv")), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"r.csv: not a regular file (a FIFO)"}, check: noFile("out")},
		{name: "rows link to zero device", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, _ := rowsJSON(t, dir, nil)
				os.Symlink("/dev/zero", filepath.Join(dir, "r.json"))
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", filepath.Join(dir, "r.json"), "-o", filepath.Join(dir, "out")}
			},
			want: []string{"r.json: not a regular file (a device)"}, check: noFile("out")},
		{name: "rows without line ends", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, _ := rowsJSON(t, dir, nil)
				r := writeTemp(t, dir, "r.csv", bytes.Repeat([]byte("Ten,"), 3<<20))
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", filepath.Join(dir, "out")}
			},
			want: []string{"r.csv: after line 0: a record longer than 8192 KiB"}, check: noFile("out")},
		// Item 5: refused, naming the cell or row.
		{name: "rows formula without value", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, _ := rowsJSON(t, dir, nil)
				f := excelize.NewFile()
				f.SetSheetRow("Sheet1", "A1", &[]any{"Ten", "DonVi"})
				f.SetSheetRow("Sheet1", "A2", &[]any{"An Bình"})
				f.SetCellFormula("Sheet1", "B2", `"Phường "&A2`)
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", saveXLSX(t, f, filepath.Join(dir, "r.xlsx")), "-o", filepath.Join(dir, "out")}
			},
			want: []string{`r.xlsx: sheet "Sheet1": row 2, column B (DonVi): formula ="Phường "&A2 has no computed value`}, check: noFile("out")},
		{name: "rows repeated JSON key", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, _ := rowsJSON(t, dir, nil)
				r := writeTemp(t, dir, "r.json", []byte(`[{"Ten": "A"}, {"Ten": "B", "Ten": "C"}]`))
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", filepath.Join(dir, "out")}
			},
			want: []string{`r.json: row 2: key "Ten" given twice`}, check: noFile("out")},
		{name: "rows junk after the array", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, _ := rowsJSON(t, dir, nil)
				r := writeTemp(t, dir, "r.json", []byte(`[{"Ten": "A"}] [{"Ten": "B"}]`))
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", filepath.Join(dir, "out")}
			},
			want: []string{`r.json: data after the array of rows`}, check: noFile("out")},
		{name: "rows semicolons under a comma header", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, _ := rowsJSON(t, dir, nil)
				r := writeTemp(t, dir, "r.csv", []byte("Ten;DonVi, phường, xã;Ghi chú, khác\nAn Bình;Phường An Bình;\n"))
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", filepath.Join(dir, "out")}
			},
			want: []string{`r.csv: row 1, column 1 (Ten;DonVi): the header holds ";"`}, check: noFile("out")},
		// Item 6: the rows are read once; a file rewritten during the run
		// changes nothing of what is written.
		{name: "rows changed during the run", code: exitOK,
			setup: func(t *testing.T, dir string) []string {
				var rs []map[string]any
				for i := range 40 {
					rs = append(rs, map[string]any{"Ten": fmt.Sprintf("Xã %d", i+1)})
				}
				common, r := rowsJSON(t, dir, rs)
				rowsRead = func() {
					rowsRead = nil
					os.WriteFile(r, []byte(`[{"Ten": "Khác"}]`), 0o644)
				}
				t.Cleanup(func() { rowsRead = nil })
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--name", "{{.Ten}}", "-o", filepath.Join(dir, "out"), "-j", "2"}
			},
			want: []string{"40 documents"}, check: func(t *testing.T, dir string) {
				ents, _ := os.ReadDir(filepath.Join(dir, "out"))
				if len(ents) != 41 { // and manifest.jsonl
					t.Errorf("%d files, want 40 and the manifest", len(ents))
				}
				// The manifest vouches for the rows as read, not as they are now.
				ls := manifestLines(t, filepath.Join(dir, "out", "manifest.jsonl"))
				var h manifestHeader
				json.Unmarshal([]byte(ls[0]), &h)
				if now, err := hashFile(h.Rows.Path); err != nil || h.RowsTotal != 40 || h.Rows.SHA256 == now.SHA256 {
					t.Errorf("manifest header %+v: rows hashed after they changed (%v)", h, err)
				}
				if _, err := os.Stat(filepath.Join(dir, "out", "Xã-40.pdf")); err != nil {
					t.Error(err)
				}
			}},

		// Issue 18, item 9: runs are all or nothing. A failure at letter
		// 31 of 60 leaves nothing in -o; SIGINT or SIGTERM leaves no
		// temporary file and exits 130 or 143.
		{name: "merge fails at row 31 of 60", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				var rs []map[string]any
				for i := range 60 {
					rs = append(rs, map[string]any{"Ten": fmt.Sprintf("Xã %d", i+1)})
				}
				rs[30]["Ngay"] = "2020-02-30"
				common, r := rowsJSON(t, dir, rs)
				os.Mkdir(filepath.Join(dir, "out"), 0o755)
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", filepath.Join(dir, "out"), "-j", "2"}
			},
			want: []string{"rows.json: row 31, field Ngay: ", "1 of 60 rows have problems; nothing written"}, check: func(t *testing.T, dir string) {
				if ents, _ := os.ReadDir(filepath.Join(dir, "out")); len(ents) != 0 {
					t.Errorf("left in out: %d entries", len(ents))
				}
			}},
		interrupted("SIGINT", syscall.SIGINT, 130),
		interrupted("SIGTERM", syscall.SIGTERM, 143),

		// Issue 18, item 7: an output that is an input, or another output
		// of the run, is refused before anything is written.
		{name: "plan over its input", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				f := excelize.NewFile()
				f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Đơn vị", "Số người tham gia BHYT", "Dân số"})
				f.SetSheetRow("Sheet1", "A2", &[]any{1, "Phường Lê Bình", 10125, 11359})
				return []string{"annex", "plan", saveXLSX(t, f, filepath.Join(dir, "plan.xlsx")), "--milestone", "2020-06-30:85", "-o", dir}
			},
			want: []string{"would overwrite the input", "plan.xlsx"}, check: unchanged("plan.xlsx")},
		{name: "new over its baseline", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				f := excelize.NewFile()
				f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Đơn vị", "Số người tham gia BHYT", "Dân số"})
				f.SetSheetRow("Sheet1", "A2", &[]any{1, "Phường Lê Bình", 10125, 11359})
				saveXLSX(t, f, filepath.Join(dir, "kh.xlsx"))
				b, _ := os.ReadFile(filepath.Join("..", "..", "templates", "testdata", "ke-hoach-bhyt.json"))
				var m map[string]any
				json.Unmarshal(b, &m)
				for _, k := range []string{"DanSo", "DaThamGia", "ChiTieu", "CanVanDong", "DonVi"} {
					delete(m, k)
				}
				b, _ = json.Marshal(m)
				writeTemp(t, dir, "kh.json", b)
				return []string{"new", "ke-hoach-bhyt", "--data", filepath.Join(dir, "kh.json"), "--baseline", filepath.Join(dir, "kh.xlsx"), "--milestone", "2020-06-30:85", "-o", dir, "--format", "xlsx"}
			},
			want: []string{"would overwrite the input", "kh.xlsx"}, check: unchanged("kh.xlsx")},
		{name: "merge zip over the rows", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}})
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "--zip", r}
			},
			want: []string{"would overwrite the input"}, check: unchanged("rows.json")},
		{name: "merge combined over letter 1", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}, {"Ten": "B"}})
				out := filepath.Join(dir, "out")
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", out, "--combined", filepath.Join(out, "00001.pdf")}
			},
			want: []string{"00001.pdf is also the file of row 1 in -o"}, check: noFile("out")},
		{name: "merge zip and combined the same", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}})
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "--zip", filepath.Join(dir, "a.pdf"), "--combined", filepath.Join(dir, "a.pdf")}
			},
			want: []string{"a.pdf would be written twice"}, check: noFile("a.pdf")},
		// Item 8: targets that are not regular files are refused.
		{name: "combined to standard output link", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}})
				os.Symlink("/proc/self/fd/1", filepath.Join(dir, "all.pdf"))
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "--combined", filepath.Join(dir, "all.pdf")}
			},
			want: []string{"all.pdf: is a symbolic link; an output replaces only a regular file"}},
		{name: "zip to a FIFO", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}})
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "--zip", mkfifo(t, filepath.Join(dir, "a.zip"))}
			},
			want: []string{"a.zip: is a FIFO"}},
		{name: "letter onto a device link", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}})
				os.Mkdir(filepath.Join(dir, "out"), 0o755)
				os.Symlink("/dev/null", filepath.Join(dir, "out", "00001.pdf"))
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", filepath.Join(dir, "out")}
			},
			want: []string{"00001.pdf: is a symbolic link"}, check: func(t *testing.T, dir string) {
				if ents, _ := os.ReadDir(filepath.Join(dir, "out")); len(ents) != 1 {
					t.Errorf("out: %v", ents)
				}
			}},
		{name: "render onto a FIFO", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				src := source(t, dir, "doc.md", "")
				os.Mkdir(filepath.Join(dir, "out"), 0o755)
				mkfifo(t, filepath.Join(dir, "out", "doc.pdf"))
				return []string{"render", src, "-o", filepath.Join(dir, "out")}
			},
			want: []string{"doc.pdf: is a FIFO"}},
		// Item 10: options bounded, names without control characters.
		{name: "many jobs", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				return []string{"merge", "cong-van-bhyt", "--rows", "x.csv", "-j", "1000000"}
			},
			want: []string{"-j 1000000: want 1 to 256"}},
		{name: "number beyond exact", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}, {"Ten": "B"}})
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "--number-from", "9007199254740992", "-o", filepath.Join(dir, "out")}
			},
			want: []string{"--number-from 9007199254740992: want a number from 1 to 999999999"}, check: noFile("out")},
		{name: "last number beyond", code: exitUsage,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A"}, {"Ten": "B"}})
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "--number-from", "999999999", "-o", filepath.Join(dir, "out")}
			},
			want: []string{"the last of 2 rows would be numbered 1000000000"}, check: noFile("out")},
		{name: "control characters in names", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": "A\u0000B"}, {"Ten": "C\rD"}, {"Ten": "\u202Efdp.exe"}, {"Ten": "Tốt"}})
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--name", "{{.Ten}}", "-o", filepath.Join(dir, "out")}
			},
			want: []string{"row 1: --name: \"A\\x00B\" holds the control character U+0000", "row 2: --name: \"C\\rD\" holds the control character U+000D", "row 3: --name:", "U+202E", "3 of 4 rows have problems"}, check: noFile("out")},
		{name: "long names of four-byte letters", code: exitOK,
			setup: func(t *testing.T, dir string) []string {
				common, r := rowsJSON(t, dir, []map[string]any{{"Ten": strings.Repeat("𠀋", 80)}, {"Ten": strings.Repeat("𠀋", 80)}})
				return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--name", "{{.Ten}}", "-o", filepath.Join(dir, "out"), "--format", "pdf,docx"}
			},
			check: func(t *testing.T, dir string) {
				ents, _ := os.ReadDir(filepath.Join(dir, "out"))
				if len(ents) != 5 { // and manifest.jsonl
					t.Errorf("out: %v", ents)
				}
			}},

		// 19: output sets are written whole or not at all; stale
		// temporaries of a killed run are cleaned.
		{name: "plan set", code: exitInvalid,
			setup: func(t *testing.T, dir string) []string {
				out := filepath.Join(dir, "out")
				os.MkdirAll(filepath.Join(out, "plan.md"), 0o755) // cannot be replaced
				stale := filepath.Join(out, ".plan.xlsx.bhytdoc-tmp-1")
				os.WriteFile(stale, nil, 0o644)
				old := time.Now().Add(-time.Hour)
				os.Chtimes(stale, old, old)
				csv := writeTemp(t, dir, "d.csv", []byte(baselineCSV))
				return []string{"annex", "plan", csv, "--milestone", "2020-06-30:85", "-o", out}
			},
			want: []string{"plan.md"}, check: func(t *testing.T, dir string) {
				ents, _ := os.ReadDir(filepath.Join(dir, "out"))
				if len(ents) != 1 || ents[0].Name() != "plan.md" {
					t.Errorf("left in out/: %v", ents)
				}
			}},
	}
}

// hiddenBook is a workbook whose first sheet, hidden, holds old figures
// with an error, and whose second, active, the data.
func hiddenBook(t *testing.T, dir string) string {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Cũ")
	f.SetSheetRow("Cũ", "A1", &[]any{"STT", "Đơn vị", "Số người tham gia BHYT", "Dân số"})
	f.SetSheetRow("Cũ", "A2", &[]any{1, "Phường Cũ", "x", 100})
	f.NewSheet("Số liệu")
	f.SetSheetRow("Số liệu", "A1", &[]any{"STT", "Đơn vị", "Số người tham gia BHYT", "Dân số"})
	f.SetSheetRow("Số liệu", "A2", &[]any{1, "Phường Lê Bình", 8000, 10125})
	f.SetActiveSheet(1)
	f.SetSheetVisible("Cũ", false)
	return saveXLSX(t, f, filepath.Join(dir, "h.xlsx"))
}

// interrupted is a merge into -o, --zip and --combined that receives sig
// after three letters: nothing of the run is left, temporaries included.
func interrupted(name string, sig os.Signal, code int) hostile {
	return hostile{name: "merge interrupted by " + name, code: code,
		setup: func(t *testing.T, dir string) []string {
			if !ostest.CanSignal() {
				t.Skip("a process cannot signal itself here")
			}
			var rs []map[string]any
			for i := range 200 {
				rs = append(rs, map[string]any{"Ten": fmt.Sprintf("Xã %d", i+1)})
			}
			common, r := rowsJSON(t, dir, rs)
			n := 0
			mergeProgress = func(batch.Progress) {
				if n++; n == 3 {
					ostest.Signal(sig)
				}
			}
			t.Cleanup(func() { mergeProgress = nil })
			os.Mkdir(filepath.Join(dir, "out"), 0o755)
			out := filepath.Join(dir, "out")
			return []string{"merge", "cong-van-bhyt", "--data", common, "--rows", r, "--ignore-extra-columns", "-o", out,
				"--zip", filepath.Join(out, "all.zip"), "--combined", filepath.Join(out, "all.pdf"), "--format", "pdf,docx", "-j", "2"}
		},
		want: []string{"interrupted: nothing written (" + sig.String()}, check: func(t *testing.T, dir string) {
			if ents, _ := os.ReadDir(filepath.Join(dir, "out")); len(ents) != 0 {
				t.Errorf("left in out: %d entries, first %s", len(ents), ents[0].Name())
			}
		}}
}

// unchanged checks that the file name in dir is still the one setup made.
func unchanged(name string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.Contains(e.Name(), "bhytdoc-tmp") {
				t.Errorf("temporary left: %s", e.Name())
			}
		}
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil || time.Since(st.ModTime()) > time.Minute {
			return
		}
		b, _ := os.ReadFile(filepath.Join(dir, name))
		if strings.HasSuffix(name, ".xlsx") && bytes.Contains(b, []byte("Chỉ tiêu")) {
			t.Errorf("%s was replaced by the plan", name)
		}
	}
}
