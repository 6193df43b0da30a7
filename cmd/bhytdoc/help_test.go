package main

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// Every command's help has a synopsis, a description, flags where it has
// any, and examples; --help exits 0 and bhytdoc help CMD prints the same.
func TestHelpEveryCommand(t *testing.T) {
	cmds := [][]string{{"annex", "plan"}, {"annex", "check"}, {"sign", "prepare"}, {"sign", "complete"}, {"edxml", "read"}}
	for n := range commands {
		cmds = append(cmds, []string{n})
	}
	for _, c := range cmds {
		code, out, errs := runCLI(append(c, "--help")...)
		if code != exitOK || out != "" {
			t.Errorf("%v --help: exit %d, stdout %q", c, code, out)
		}
		for _, w := range []string{"usage:\n  bhytdoc " + c[0], "examples:\n  "} {
			if !strings.Contains(errs, w) {
				t.Errorf("%v --help lacks %q:\n%s", c, w, errs)
			}
		}
		code, _, errs2 := runCLI(append([]string{"help"}, c...)...)
		if code != exitOK || errs2 != errs {
			t.Errorf("help %v: exit %d, differs from --help", c, code)
		}
	}
}

// A missing required flag or argument is named.
func TestMissingNamed(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "cong-van-bhyt"}, "bhytdoc new: missing --data"},
		{[]string{"merge", "cong-van-bhyt"}, "bhytdoc merge: missing --rows"},
		{[]string{"render"}, "bhytdoc render: missing SOURCE.md"},
		{[]string{"annex", "plan", "x.csv"}, "bhytdoc annex plan: missing --milestone"},
		{[]string{"info"}, "bhytdoc info: missing FILE.pdf"},
		{[]string{"completion"}, "bhytdoc completion: missing SHELL"},
	} {
		code, _, errs := runCLI(c.args...)
		if code != exitUsage || !strings.HasPrefix(errs, c.want) {
			t.Errorf("%v: exit %d\n%s", c.args, code, errs)
		}
	}
}

// new TEMPLATE --help lists the declared fields, lists with commas as
// block lists; --schema prints the JSON Schema on stdout.
func TestNewFieldsHelpAndSchema(t *testing.T) {
	code, _, errs := runCLI("new", "cong-van-bhyt", "--help")
	for _, w := range []string{"Fields of cong-van-bhyt", "DonViSoanThao  ", "Đơn vị soạn thảo", "- CT, các PCT UBND quận"} {
		if code != exitOK || !strings.Contains(errs, w) {
			t.Errorf("new --help lacks %q:\n%s", w, errs)
		}
	}
	code, out, _ := runCLI("new", "cong-van-xa-bhyt", "--schema")
	var s map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &s) != nil || s["additionalProperties"] != false {
		t.Errorf("--schema: exit %d\n%.200s", code, out)
	}
}

// The completion scripts name the commands, templates and flags, and
// bash accepts its script.
func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, errs := runCLI("completion", sh)
		if code != exitOK || !strings.Contains(out, "merge") || !strings.Contains(out, "cong-van-xa-bhyt") || !strings.Contains(out, "milestone") {
			t.Errorf("%s: exit %d %s\n%.300s", sh, code, errs, out)
		}
		if sh == "bash" {
			if b, err := exec.Command("bash", "-n", "-c", out).CombinedOutput(); err != nil {
				t.Errorf("bash -n: %v %s", err, b)
			}
		}
	}
}

// An error names its file once, the right one.
func TestErrorNamesFileOnce(t *testing.T) {
	dir := t.TempDir()
	bad := writeTemp(t, dir, "r2.csv", []byte("Đơn vị,Dân số,Số người tham gia BHYT\nXã A,\"13,611\",100\n"))
	for _, args := range [][]string{
		{"merge", "cong-van-xa-bhyt", "--rows", bad, "--data", "testdata/merge-common.json", "--milestone", "2025-12-31:95", "-o", dir},
		{"new", "ke-hoach-bhyt", "--data", "testdata/ke-hoach-plan.json", "--units", bad, "--milestone", "2025-12-31:95", "--milestone", "2026-12-31:96", "-o", dir},
	} {
		_, _, errs := runCLI(args...)
		if strings.Count(errs, "r2.csv") != 1 || strings.Contains(errs, "ke-hoach-plan.json") || !strings.Contains(errs, "row 2, column 2") {
			t.Errorf("%s:\n%s", args[0], errs)
		}
	}
}

// A typo in the common data's keys is one error, not one per row.
func TestMergeCommonTypoOnce(t *testing.T) {
	dir := t.TempDir()
	b := []byte(`{"DonViSoanthao": "VX", "CoQuan": {"Tenn": "x"}}`)
	code, _, errs := runCLI("merge", "cong-van-xa-bhyt", "--data", writeTemp(t, dir, "c.json", b), "--rows", "testdata/merge-units.csv",
		"--milestone", "2019-12-31:99,5", "-o", dir)
	if code != exitInvalid || strings.Count(errs, "DonViSoanthao") != 1 || !strings.Contains(errs, "did you mean DonViSoanThao?") || !strings.Contains(errs, "CoQuan.Tenn: unknown field (did you mean Ten?)") {
		t.Errorf("exit %d\n%s", code, errs)
	}
}
