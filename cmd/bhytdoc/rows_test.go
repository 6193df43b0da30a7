package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readAll(t *testing.T, name, content string) ([]dataRow, error) {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	var out []dataRow
	for r, err := range readRows(f, "") {
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

func TestReadRows(t *testing.T) {
	rows, err := readAll(t, "u.csv", "\uFEFFBiểu 01;;\nTen;Dan so;Ty le\nLe Binh;10.125;98,6\n;;\nHung Phu;15.300;99\nCộng;25.425;\nAfter;1;2\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1].Fields["Ten"] != "Hung Phu" || rows[0].Fields["Ty le"] != "98,6" || !strings.HasSuffix(rows[1].Where, "u.csv:5") {
		t.Errorf("rows %+v", rows)
	}
	rows, err = readAll(t, "u.json", `[{"Ten": "A", "DanSo": 12}, {"Ten": "B"}]`)
	if err != nil || len(rows) != 2 || rows[0].Fields["DanSo"].(interface{ String() string }).String() != "12" {
		t.Errorf("json: %v %+v", err, rows)
	}
	for _, c := range []struct{ name, content, want string }{
		{"d.csv", "Ten,Ten\nA,B\n", `u.csv:1: column 2 repeats the header "Ten"`},
		{"d.csv", "Ten,Dan so\nA,1,extra\n", "column 3: a value under no header"},
		{"d.csv", "only\nA\n", "no header row"},
		{"d.csv", "Ten,X\n\"A,1\n", "d.csv:"},
		{"d.csv", "Ten,X\n" + strings.Repeat("a", maxCellBytes+1) + ",1\n", "a cell of"},
		{"d.json", `{"Ten": "A"}`, "want an array of objects"},
		{"d.json", `[{"Ten": "A"}, 3]`, "row 2: want an object"},
		{"d.txt2", "x", "unknown file type"},
		{"d.xlsx", "not a zip", "d.xlsx"},
	} {
		content := c.content
		want := strings.Replace(c.want, "u.csv", c.name, 1)
		if _, err := readAll(t, c.name, content); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s %q: got %v, want %q", c.name, c.content[:min(len(c.content), 30)], err, want)
		}
	}
}
