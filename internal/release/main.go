// Command release builds bhytdoc's release artefacts: static binaries
// (CGO_ENABLED=0) for linux/amd64, linux/arm64, windows/amd64 and
// darwin/arm64, each with its version stamped (-ldflags -X main.version),
// a CycloneDX SBOM made from the binary's own build information,
// SHA256SUMS over them, and a container image of the Linux binaries as an
// OCI image layout in DIR/image (see image.go).
//
//	go run ./internal/release --version v1.2.0 -o dist
//	go run ./internal/release --snapshot -o dist        # untagged, for CI
//	go run ./internal/release --snapshot --targets linux/amd64
//
// It runs from the module root and needs only the go command. SBOM
// timestamps come from SOURCE_DATE_EPOCH when set, so that a release is
// reproducible byte for byte.
package main

import (
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Targets are the platforms a release is built for.
var Targets = []string{"linux/amd64", "linux/arm64", "windows/amd64", "darwin/arm64"}

func main() {
	version := flag.String("version", "", "release `version` (vX.Y.Z), stamped into the binaries")
	snapshot := flag.Bool("snapshot", false, "build an untagged snapshot: version v0.0.0-snapshot")
	out := flag.String("o", "dist", "output `dir`ectory (must not exist or be empty)")
	targets := flag.String("targets", strings.Join(Targets, ","), "comma-separated `os/arch` list")
	flag.Parse()
	if *snapshot && *version == "" {
		*version = "v0.0.0-snapshot"
	}
	if err := run(".", *version, *out, strings.Split(*targets, ","), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

var semver = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)

// run builds the release of the module at root into dir.
func run(root, version, dir string, targets []string, log io.Writer) error {
	if !semver.MatchString(version) {
		return fmt.Errorf("version %q is not vX.Y.Z (use --snapshot for an untagged build)", version)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var files []string
	bins := map[string]string{}
	for _, t := range targets {
		goos, goarch, ok := strings.Cut(t, "/")
		if !ok {
			return fmt.Errorf("target %q is not os/arch", t)
		}
		bin, err := build(root, version, dir, goos, goarch)
		if err != nil {
			return err
		}
		sbom, err := writeSBOM(bin, version)
		if err != nil {
			return err
		}
		fmt.Fprintln(log, bin)
		fmt.Fprintln(log, sbom)
		files = append(files, bin, sbom)
		bins[t] = bin
	}
	var epoch time.Time
	if t := os.Getenv("SOURCE_DATE_EPOCH"); t != "" {
		var sec int64
		fmt.Sscan(t, &sec)
		epoch = time.Unix(sec, 0)
	}
	layout, err := writeImage(dir, version, bins, epoch)
	if err != nil {
		return err
	}
	if layout != "" {
		fmt.Fprintln(log, layout)
	}
	sums, err := writeSums(dir, files)
	if err != nil {
		return err
	}
	fmt.Fprintln(log, sums)
	return nil
}

// build cross-compiles cmd/bhytdoc, static and reproducible (-trimpath,
// no build ID).
func build(root, version, dir, goos, goarch string) (string, error) {
	name := fmt.Sprintf("bhytdoc_%s_%s_%s", strings.TrimPrefix(version, "v"), goos, goarch)
	if goos == "windows" {
		name += ".exe"
	}
	bin, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		return "", err
	}
	cmd := exec.Command("go", "build", "-trimpath",
		"-ldflags", "-s -w -buildid= -X main.version="+version,
		"-o", bin, "./cmd/bhytdoc")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s/%s: %v\n%s", goos, goarch, err, out)
	}
	return bin, nil
}

// CycloneDX 1.5 JSON, the parts an SBOM of a Go binary needs.
type bom struct {
	BOMFormat    string      `json:"bomFormat"`
	SpecVersion  string      `json:"specVersion"`
	Version      int         `json:"version"`
	Metadata     bomMetadata `json:"metadata"`
	Components   []component `json:"components"`
	Dependencies []dep       `json:"dependencies"`
}

type bomMetadata struct {
	Timestamp  string      `json:"timestamp,omitempty"`
	Component  component   `json:"component"`
	Properties []property  `json:"properties,omitempty"`
	Tools      []component `json:"tools,omitempty"`
}

type component struct {
	Type    string `json:"type"`
	BOMRef  string `json:"bom-ref"`
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	PURL    string `json:"purl,omitempty"`
}

type property struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type dep struct {
	Ref       string   `json:"ref"`
	DependsOn []string `json:"dependsOn"`
}

func purl(path, version string) string {
	return "pkg:golang/" + path + "@" + version
}

// writeSBOM writes BIN.cdx.json from the build information the Go
// toolchain recorded in the binary: its modules with their versions and
// go.sum hashes, the Go version and the build settings.
func writeSBOM(bin, version string) (string, error) {
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		return "", err
	}
	mainRef := purl(info.Main.Path, version)
	b := bom{BOMFormat: "CycloneDX", SpecVersion: "1.5", Version: 1}
	b.Metadata.Component = component{Type: "application", BOMRef: mainRef, Name: info.Main.Path, Version: version, PURL: mainRef}
	b.Metadata.Properties = append(b.Metadata.Properties, property{"go.version", info.GoVersion})
	for _, s := range info.Settings {
		b.Metadata.Properties = append(b.Metadata.Properties, property{"go.build." + s.Key, s.Value})
	}
	if t := os.Getenv("SOURCE_DATE_EPOCH"); t != "" {
		var sec int64
		fmt.Sscan(t, &sec)
		b.Metadata.Timestamp = time.Unix(sec, 0).UTC().Format(time.RFC3339)
	}
	d := dep{Ref: mainRef, DependsOn: []string{}}
	for _, m := range info.Deps {
		if m.Replace != nil {
			m = m.Replace
		}
		c := component{Type: "library", BOMRef: purl(m.Path, m.Version), Name: m.Path, Version: m.Version, PURL: purl(m.Path, m.Version)}
		b.Components = append(b.Components, c)
		d.DependsOn = append(d.DependsOn, c.BOMRef)
	}
	sort.Slice(b.Components, func(i, j int) bool { return b.Components[i].BOMRef < b.Components[j].BOMRef })
	sort.Strings(d.DependsOn)
	b.Dependencies = []dep{d}
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return "", err
	}
	name := strings.TrimSuffix(bin, ".exe") + ".cdx.json"
	return name, os.WriteFile(name, append(data, '\n'), 0o644)
}

// writeSums writes SHA256SUMS in the format sha256sum -c reads.
func writeSums(dir string, files []string) (string, error) {
	sort.Strings(files)
	var sb strings.Builder
	for _, f := range files {
		h := sha256.New()
		r, err := os.Open(f)
		if err != nil {
			return "", err
		}
		_, err = io.Copy(h, r)
		r.Close()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&sb, "%x  %s\n", h.Sum(nil), filepath.Base(f))
	}
	name := filepath.Join(dir, "SHA256SUMS")
	if err := os.WriteFile(name, []byte(sb.String()), 0o644); err != nil {
		return "", err
	}
	return name, nil
}
