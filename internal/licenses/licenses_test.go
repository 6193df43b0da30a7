package licenses

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// allowed are the licenses compatible with bhytdoc's MIT license: the
// permissive ones a module may carry.
var allowed = []string{"MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "ISC"}

type module struct {
	Path, Version, Dir string
	Main               bool
}

// modules lists `go list -m all`, with the directory of those the module
// cache holds.
func modules(t *testing.T) []module {
	t.Helper()
	cmd := exec.Command("go", "list", "-m", "-json", "all")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -m all: %v", err)
	}
	var ms []module
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var m module
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if !m.Main {
			ms = append(ms, m)
		}
	}
	return ms
}

// built lists the module directories whose packages go into bhytdoc or
// its tests: their sources must be in the cache, and so their licenses.
func built(t *testing.T) map[string]bool {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-test", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}", "./...")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	m := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		m[p] = true
	}
	return m
}

// classify names the licenses a license file's text grants.
func classify(text string) []string {
	t := strings.Join(strings.Fields(text), " ")
	var ls []string
	if strings.Contains(t, "Permission is hereby granted, free of charge") {
		ls = append(ls, "MIT")
	}
	if strings.Contains(t, "Apache License") && strings.Contains(t, "Version 2.0") {
		ls = append(ls, "Apache-2.0")
	}
	if strings.Contains(t, "Redistribution and use in source and binary forms") {
		if strings.Contains(t, "Neither the name") || strings.Contains(t, "names of its contributors may be used") {
			ls = append(ls, "BSD-3-Clause")
		} else {
			ls = append(ls, "BSD-2-Clause")
		}
	}
	if strings.Contains(t, "Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee") {
		ls = append(ls, "ISC")
	}
	return ls
}

var licenseFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying)(\.md|\.txt)?$`)

// moduleLicenses reads the license files at the root of a module's
// directory in the cache.
func moduleLicenses(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ls []string
	for _, e := range entries {
		if e.IsDir() || !licenseFile.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, classify(string(b))...)
	}
	slices.Sort(ls)
	return slices.Compact(ls)
}

// readmeTable reads the README's license table: module path → license
// expression ("MIT", "MIT AND Apache-2.0").
func readmeTable(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := map[string]string{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			in = strings.TrimLeft(line, "# ") == "Licenses of dependencies"
			continue
		}
		if !in || !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) < 2 {
			continue
		}
		rows[strings.Trim(strings.TrimSpace(cells[0]), "`")] = strings.TrimSpace(cells[1])
	}
	if len(rows) == 0 {
		t.Fatal(`README.md: no "Licenses of dependencies" table`)
	}
	return rows
}

// TestLicenses fails when `go list -m all` holds a module the README's
// table does not list, or a module built into bhytdoc whose license files
// (read from the module cache) grant no license on the allowed list, or
// other licenses than the table says.
func TestLicenses(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	rows := readmeTable(t)
	used := built(t)
	for _, m := range modules(t) {
		row, ok := rows[m.Path]
		if !ok {
			t.Errorf("%s: not in the README's license table", m.Path)
			continue
		}
		if row == "none" {
			if used[m.Path] {
				t.Errorf("%s: built into bhytdoc without a license", m.Path)
			}
			continue // listed, and no code of it is built
		}
		for _, l := range strings.Split(row, " AND ") {
			// A tool's dependency (kubeconform's) is never linked into
			// bhytdoc: MPL-2.0, file-level copyleft, binds only its own
			// files.
			if !slices.Contains(allowed, l) && (used[m.Path] || l != "MPL-2.0") {
				t.Errorf("%s: license %q is not on the allowed list %v", m.Path, l, allowed)
			}
		}
		if !used[m.Path] {
			continue // only its go.mod takes part in the build
		}
		if m.Dir == "" {
			t.Errorf("%s: built into bhytdoc but not in the module cache", m.Path)
			continue
		}
		got := moduleLicenses(t, m.Dir)
		if len(got) == 0 {
			t.Errorf("%s: no license file grants an allowed license (%s)", m.Path, m.Dir)
			continue
		}
		want := strings.Split(row, " AND ")
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: license files grant %v, the README says %q", m.Path, got, row)
		}
	}
}

func TestClassify(t *testing.T) {
	for text, want := range map[string]string{
		"Permission is hereby granted, free of charge, to any person":             "MIT",
		"Redistribution and use in source and binary forms … Neither the name of": "BSD-3-Clause",
		"Redistribution and use in source and binary forms, with or without":      "BSD-2-Clause",
		"Apache License\n Version 2.0, January 2004":                              "Apache-2.0",
		"GNU GENERAL PUBLIC LICENSE Version 3":                                    "",
	} {
		if got := strings.Join(classify(text), " AND "); got != want {
			t.Errorf("classify(%q) = %q, want %q", text, got, want)
		}
	}
}
