package main

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"path/filepath"

	"github.com/bhytdoc/bhytdoc/sign"
)

// maxCMS bounds a CMS or certificate file read by sign complete/prepare.
const maxCMS = 1 << 20

// runSignPrepare is "bhytdoc sign prepare": the first step of deferred
// signing (see sign.Prepare). It writes the prepared PDF and the SHA-256
// digest to hand to the signing service, together.
func runSignPrepare(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sign prepare", stderr)
	out := fs.String("o", "", "prepared output `file`")
	digestOut := fs.String("digest-out", "", "write the SHA-256 digest to sign (32 raw bytes) to `file`")
	certFile := fs.String("cert", "", "signer's certificate chain, PEM `file` (optional: names the signer, sizes the room for the signature)")
	pf := addPlaceFlags(fs, "signer")
	name := fs.String("name", "", "signer's name drawn with the signing time (default: from --cert)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, "bhytdoc sign prepare: "+msg)
		fs.Usage()
		return exitUsage
	}
	switch {
	case len(pos) != 1:
		return usageErr("want exactly one input PDF")
	case *out == "" || *digestOut == "":
		return usageErr("-o and --digest-out are required")
	case sameFile(pos[0], *out) || sameFile(pos[0], *digestOut) || sameFile(*out, *digestOut):
		return usageErr("the input, -o and --digest-out must be three different files")
	case filepath.Dir(*out) != filepath.Dir(*digestOut):
		return usageErr("-o and --digest-out must be in the same directory (they are written together)")
	}
	opts, err := pf.options()
	if err != nil {
		return usageErr(err.Error())
	}
	opts.Name = *name
	var chain []*x509.Certificate
	if *certFile != "" {
		if chain, err = readCerts(*certFile); err != nil {
			return report(stderr, *certFile, err)
		}
	}
	doc, err := readInput(pos[0], sign.MaxSize)
	if err != nil {
		return report(stderr, "", err)
	}
	var prepared bytes.Buffer
	digest, err := sign.Prepare(&prepared, bytes.NewReader(doc), int64(len(doc)), chain, opts)
	if err != nil {
		return report(stderr, pos[0], flagNames(err))
	}
	if err := writeSet(stdout, filepath.Dir(*out), []output{{filepath.Base(*out), prepared.Bytes()}, {filepath.Base(*digestOut), digest}}); err != nil {
		return report(stderr, *out, err)
	}
	return exitOK
}

// runSignComplete is "bhytdoc sign complete": it embeds a detached CMS
// made elsewhere over the prepared digest (see sign.Complete).
func runSignComplete(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sign complete", stderr)
	out := fs.String("o", "", "signed output `file`")
	cmsFile := fs.String("cms", "", "detached CMS/PKCS#7 signature, DER or PEM `file`")
	certFile := fs.String("cert", "", "require the CMS to be made by the first certificate of this PEM `file`")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, "bhytdoc sign complete: "+msg)
		fs.Usage()
		return exitUsage
	}
	switch {
	case len(pos) != 1:
		return usageErr("want exactly one prepared PDF")
	case *out == "" || *cmsFile == "":
		return usageErr("-o and --cms are required")
	case sameFile(pos[0], *out) || sameFile(*cmsFile, *out):
		return usageErr("-o " + *out + " is an input; the signed copy must go elsewhere")
	}
	var cert *x509.Certificate
	if *certFile != "" {
		chain, err := readCerts(*certFile)
		if err != nil {
			return report(stderr, *certFile, err)
		}
		cert = chain[0]
	}
	doc, err := readInput(pos[0], sign.MaxSize)
	if err != nil {
		return report(stderr, "", err)
	}
	cms, err := readInput(*cmsFile, maxCMS)
	if err != nil {
		return report(stderr, "", err)
	}
	if b, _ := pem.Decode(cms); b != nil {
		cms = b.Bytes
	}
	var signed bytes.Buffer
	if err := sign.Complete(&signed, doc, cms, cert); err != nil {
		return report(stderr, *cmsFile, err)
	}
	if err := writeSet(stdout, filepath.Dir(*out), []output{{filepath.Base(*out), signed.Bytes()}}); err != nil {
		return report(stderr, *out, err)
	}
	return exitOK
}

// readCerts reads the PEM certificates of a file, at least one.
func readCerts(path string) ([]*x509.Certificate, error) {
	data, err := readInput(path, maxCMS)
	if err != nil {
		return nil, err
	}
	var chain []*x509.Certificate
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, err
		}
		chain = append(chain, c)
	}
	if len(chain) == 0 {
		return nil, fmt.Errorf("no PEM CERTIFICATE in the file")
	}
	return chain, nil
}
