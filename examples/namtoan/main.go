// Command namtoan renders seed 002, the 2022 health-insurance coverage plan
// (Kế hoạch) of Ủy ban nhân dân xã Nam Toàn, to DIR/nam-toan-KH-2022.pdf.
//
// Usage:
//
//	go run ./examples/namtoan [-o DIR]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"bhytdoc/bhytdoc"
	"bhytdoc/examples/seeds"
)

const name = "nam-toan-KH-2022"

func main() {
	dir := flag.String("o", "out", "output `directory` (created if needed)")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "namtoan: unexpected arguments:", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	path, err := write(*dir, name, seeds.NamToan())
	if err != nil {
		fmt.Fprintln(os.Stderr, "namtoan:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}

// write renders d to dir/name.pdf. The PDF goes to a temporary file in
// dir that is renamed into place only once it is complete, so a failed
// run leaves neither a partial file nor a stale temporary behind.
func write(dir, name string, d *bhytdoc.Document) (path string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path = filepath.Join(dir, name+".pdf")
	f, err := os.CreateTemp(dir, "."+name+"-*.pdf.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := bhytdoc.WritePDF(f, d, nil); err != nil {
		return "", err
	}
	if err := f.Chmod(0o644); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return "", err
	}
	return path, nil
}
