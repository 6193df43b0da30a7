// Command sonduong renders seed 001, the draft công văn …/UBND-VX of Ủy ban
// nhân dân huyện Sơn Dương (June 2021), to DIR/son-duong-UBND-VX.pdf.
//
// Usage:
//
//	go run ./examples/sonduong [-o DIR]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"bhytdoc/bhytdoc"
	"bhytdoc/examples/seeds"
)

const name = "son-duong-UBND-VX"

func main() {
	dir := flag.String("o", "out", "output `directory` (created if needed)")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "sonduong: unexpected arguments:", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	path, err := write(*dir, name, seeds.SonDuong())
	if err != nil {
		fmt.Fprintln(os.Stderr, "sonduong:", err)
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
