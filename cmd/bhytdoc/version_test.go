package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionCommand(t *testing.T) {
	code, out, errs := runCLI("version")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// A test binary's main module is this one, "(devel)" unless stamped.
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "bhytdoc ") || strings.Contains(lines[0], "(unknown)") ||
		lines[1] != "go "+runtime.Version() {
		t.Errorf("output:\n%s", out)
	}
	if code, _, _ := runCLI("version", "extra"); code != exitUsage {
		t.Errorf("version extra: exit %d, want %d", code, exitUsage)
	}
}

func TestWriteVersion(t *testing.T) {
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{{
		name: "go install @v1.2.0",
		info: &debug.BuildInfo{
			GoVersion: "go1.26.0",
			Main:      debug.Module{Path: "github.com/bhytdoc/bhytdoc", Version: "v1.2.0"},
			Settings:  []debug.BuildSetting{{Key: "GOOS", Value: "linux"}},
		},
		want: "bhytdoc v1.2.0\ngo go1.26.0\n",
	}, {
		name: "built in a checkout",
		info: &debug.BuildInfo{
			GoVersion: "go1.26.0",
			Main:      debug.Module{Path: "github.com/bhytdoc/bhytdoc", Version: "v0.0.0-20261201044000-c8ec1dd4a5b6+dirty"},
			Settings: []debug.BuildSetting{
				{Key: "-buildmode", Value: "exe"},
				{Key: "vcs", Value: "git"},
				{Key: "vcs.revision", Value: "c8ec1dd4a5b6"},
				{Key: "vcs.time", Value: "2026-12-01T04:40:00Z"},
				{Key: "vcs.modified", Value: "true"},
			},
		},
		want: "bhytdoc v0.0.0-20261201044000-c8ec1dd4a5b6+dirty\ngo go1.26.0\n" +
			"vcs.revision c8ec1dd4a5b6\nvcs.time 2026-12-01T04:40:00Z\nvcs.modified true\n",
	}, {
		name: "built within a module that replaces this one",
		info: &debug.BuildInfo{
			GoVersion: "go1.26.0",
			Main: debug.Module{Path: "github.com/bhytdoc/bhytdoc", Version: "v0.0.0",
				Replace: &debug.Module{Path: "../bhytdoc", Version: "(devel)"}},
			Deps: []*debug.Module{{Path: "golang.org/x/text", Version: "v0.43.0"}},
		},
		want: "bhytdoc v0.0.0 => ../bhytdoc (devel)\ngo go1.26.0\n",
	}, {
		name: "no build information",
		want: "bhytdoc (unknown): no build information in the binary\ngo " + runtime.Version() + "\n",
	}} {
		var b bytes.Buffer
		writeVersion(&b, tc.info)
		if b.String() != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.name, b.String(), tc.want)
		}
	}
}

// TestVersionLdflags builds the command with -ldflags -X main.version, as
// the release program does, and checks the stamp is what it prints.
func TestVersionLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "bhytdoc")
	cmd := exec.Command("go", "build", "-ldflags", "-X main.version=v9.8.7-test", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(string(out), "\n"); first != "bhytdoc v9.8.7-test" {
		t.Errorf("version printed %q", out)
	}
}
