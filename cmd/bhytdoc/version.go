package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is the release version stamped at link time:
//
//	go build -ldflags "-X main.version=v1.2.0" ./cmd/bhytdoc
//
// When set it is printed instead of the module version from the build
// information (a release built from a checkout has only a pseudo-version
// or "(devel)" there).
var version string

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", stderr)
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(stderr, "bhytdoc version: unexpected arguments:", fs.Args())
		return exitUsage
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	writeVersion(stdout, info)
	return exitOK
}

// writeVersion prints the version of the module the command was built
// from, as the Go toolchain recorded it (the main module of the build, the
// one that holds cmd/bhytdoc), then the Go version and the version-control
// settings:
//
//	bhytdoc v1.2.0
//	go go1.26.0
//	vcs.revision 4f1c…
//
// The version is the tag `go install …@v1.2.0` fetched; a build from a
// checkout records a pseudo-version from the VCS, or "(devel)" when the VCS
// is not stamped. Built within another module whose go.mod replaces this
// one, the replacement follows: "v0.0.0 => ../bhytdoc (devel)". info is
// nil for a binary built without module support.
func writeVersion(w io.Writer, info *debug.BuildInfo) {
	if info == nil {
		if version != "" {
			fmt.Fprintln(w, "bhytdoc", version)
			fmt.Fprintln(w, "go", runtime.Version())
			return
		}
		fmt.Fprintln(w, "bhytdoc (unknown): no build information in the binary")
		fmt.Fprintln(w, "go", runtime.Version())
		return
	}
	if version != "" {
		fmt.Fprintln(w, "bhytdoc", version)
	} else {
		fmt.Fprintln(w, "bhytdoc", moduleVersion(&info.Main))
	}
	fmt.Fprintln(w, "go", info.GoVersion)
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision", "vcs.time", "vcs.modified":
			fmt.Fprintln(w, s.Key, s.Value)
		}
	}
}

// moduleVersion is m's version, with " => PATH [VERSION]" when replaced, as
// `go version -m` writes it.
func moduleVersion(m *debug.Module) string {
	v := m.Version
	if v == "" {
		v = "(devel)"
	}
	if r := m.Replace; r != nil {
		v += " => " + r.Path
		if r.Version != "" {
			v += " " + r.Version
		}
	}
	return v
}
