package main

import (
	"bufio"
	"bytes"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/bhytdoc/bhytdoc/sign"
)

// maxPassword bounds a password read from a file or standard input.
const maxPassword = 4 << 10

func runSign(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "prepare":
			return runSignPrepare(args[1:], stdout, stderr)
		case "complete":
			return runSignComplete(args[1:], stdout, stderr)
		}
	}
	fs := newFlags("sign", stderr)
	p12 := fs.String("p12", "", "PKCS#12 `file` holding the key and certificate chain")
	pwFile := fs.String("password-file", "", "read the PKCS#12 password from `file` (default: ask on the terminal, or read a line from standard input)")
	pf := addPlaceFlags(fs, "")
	out := fs.String("o", "", "output `file`")
	module := fs.String("pkcs11-module", "", "sign with a key on a PKCS#11 token through this module `LIB.so` (builds with -tags pkcs11)")
	tokenLabel := fs.String("token-label", "", "label of the PKCS#11 token")
	keyLabel := fs.String("key-label", "", "label of the key (and its certificate) on the token")
	pinFile := fs.String("pin-file", "", "read the token PIN from `file` (default: ask on the terminal)")
	chainFile := fs.String("chain", "", "PEM `file` of intermediate and root certificates to embed with a token's certificate")
	tsa := fs.String("tsa", "", "add an RFC 3161 timestamp from the time-stamping authority at `URL`")
	noInfo := fs.Bool("no-info", false, "do not draw the signing information (name and time, 10 pt) over the image")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	usageErr := func(msg string) int {
		fmt.Fprintln(stderr, "bhytdoc sign: "+msg)
		fs.Usage()
		return exitUsage
	}
	switch {
	case len(pos) != 1:
		return usageErr("want exactly one input PDF")
	case *p12 == "" && *module == "":
		return usageErr("--p12 or --pkcs11-module is required")
	case *p12 != "" && *module != "":
		return usageErr("give --p12 or --pkcs11-module, not both")
	case *module != "" && (*tokenLabel == "" || *keyLabel == ""):
		return usageErr("--pkcs11-module needs --token-label and --key-label")
	case *out == "":
		return usageErr("-o is required")
	case *pf.role == "":
		return usageErr("--role is required")
	}
	in := pos[0]
	opts, err := pf.options()
	if err != nil {
		return usageErr(err.Error())
	}
	opts.NoInfo, opts.TSA = *noInfo, *tsa
	if sameFile(in, *out) {
		return usageErr("-o " + *out + " is the input file; the signed copy must go elsewhere")
	}

	// readInput's errors name the file.
	doc, err := readInput(in, sign.MaxSize)
	if err != nil {
		return report(stderr, "", err)
	}
	if *module != "" {
		return signToken(stdout, stderr, doc, in, *out, *module, *tokenLabel, *keyLabel, *pinFile, *chainFile, opts)
	}
	keyData, err := readInput(*p12, sign.MaxPKCS12)
	if err != nil {
		return report(stderr, "", err)
	}
	var password string
	if *pwFile != "" {
		password, err = passwordFile(*pwFile)
		if err != nil {
			return report(stderr, *pwFile, err)
		}
	} else if password, err = promptPassword(os.Stdin, stderr, *p12); err != nil {
		return report(stderr, "standard input", err)
	}
	key, chain, err := sign.LoadPKCS12(keyData, password)
	if err != nil {
		return report(stderr, *p12, err)
	}
	var signed bytes.Buffer
	if err := sign.PDF(&signed, bytes.NewReader(doc), int64(len(doc)), key, chain, opts); err != nil {
		return report(stderr, in, flagNames(err))
	}
	if err := writeSet(stdout, filepath.Dir(*out), []output{{filepath.Base(*out), signed.Bytes()}}); err != nil {
		return report(stderr, *out, err)
	}
	return exitOK
}

// placeFlags say where a signature goes and what it records; sign and
// sign prepare share them.
type placeFlags struct {
	role, reason, location, rect, attached *string
	block, page                            *int
}

func addPlaceFlags(fs *flag.FlagSet, role string) *placeFlags {
	return &placeFlags{
		role:     fs.String("role", role, "signer (in the signer's place of the signature block) or organisation (over the seal)"),
		reason:   fs.String("reason", "", "reason for signing, recorded in the signature"),
		location: fs.String("location", "", "place of signing, recorded in the signature"),
		block:    fs.Int("block", 0, "signature block of a joint document, from 0"),
		page:     fs.Int("page", 0, "page for --rect, from 1"),
		rect:     fs.String("rect", "", "place the signature at `x0,y0,x1,y1` (PDF points from the bottom left) on --page, for PDFs not made by bhytdoc"),
		attached: fs.String("attached-to", "", "the PDF is an annex in a separate file of the document with this number and symbol (`15/UBND-VX`): sign as --role organisation at the top right of page 1, showing it and the time"),
	}
}

// options are the sign.Options the flags give.
func (pf *placeFlags) options() (sign.Options, error) {
	opts := sign.Options{Reason: *pf.reason, Location: *pf.location, Block: *pf.block, Page: *pf.page, Attached: *pf.attached}
	var err error
	if opts.Role, err = sign.ParseRole(*pf.role); err != nil {
		return opts, err
	}
	if *pf.rect != "" {
		if opts.Rect, err = parseRect(*pf.rect); err != nil {
			return opts, fmt.Errorf("--rect: %v", err)
		}
	}
	return opts, nil
}

// flagNames rewords errors about sign.Options in terms of the flags
// that set them.
func flagNames(err error) error {
	var ae *sign.AreaError
	if errors.As(err, &ae) {
		return errors.New(strings.Replace(ae.Error(), "Options.Page and Options.Rect", "--page and --rect", 1))
	}
	var oe *sign.OptionError
	if errors.As(err, &oe) {
		flags := map[string]string{"Options.Page": "--page", "Options.Rect": "--rect", "Options.Reason": "--reason", "Options.Location": "--location", "Options.Attached": "--attached-to", "Options.NoInfo": "--no-info"}
		if f, ok := flags[oe.Field]; ok {
			return fmt.Errorf("%s: %s", f, oe.Msg)
		}
	}
	return err
}

// parseRect parses "x0,y0,x1,y1".
func parseRect(s string) (sign.Rect, error) {
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return sign.Rect{}, fmt.Errorf("%q: want four numbers x0,y0,x1,y1", s)
	}
	var v [4]float64
	for i, p := range f {
		n, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return sign.Rect{}, fmt.Errorf("%q: %q is not a number", s, p)
		}
		v[i] = n
	}
	return sign.Rect{X0: v[0], Y0: v[1], X1: v[2], Y1: v[3]}, nil
}

// passwordFile reads a password kept in a file; one trailing newline
// (LF or CRLF), as editors and echo add, is not part of it.
func passwordFile(name string) (string, error) {
	b, err := readInput(name, maxPassword)
	if err != nil {
		return "", fmt.Errorf("password file: %w", err)
	}
	return trimNewline(string(b)), nil
}

func trimNewline(s string) string {
	s, _ = strings.CutSuffix(s, "\n")
	s, _ = strings.CutSuffix(s, "\r")
	return s
}

// promptPassword asks for the password on the terminal without echo or,
// when standard input is not a terminal (a pipe, a file), reads its first
// line. The password is never printed.
func promptPassword(in *os.File, stderr io.Writer, p12 string) (string, error) {
	if term.IsTerminal(int(in.Fd())) {
		fmt.Fprintf(stderr, "Password for %s: ", p12)
		b, err := term.ReadPassword(int(in.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", err
		}
		return string(b), nil
	}
	r := bufio.NewReaderSize(io.LimitReader(in, maxPassword+1), 512)
	line, err := r.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	if len(line) > maxPassword {
		return "", fmt.Errorf("password line longer than %d bytes", maxPassword)
	}
	if line == "" && errors.Is(err, io.EOF) {
		return "", errors.New("no password: give --password-file or type it")
	}
	return trimNewline(line), nil
}

// signToken signs doc with a key on a PKCS#11 token. The PIN is read
// once, from pinFile or the terminal (not echoed), and tried once.
func signToken(stdout, stderr io.Writer, doc []byte, in, out, module, token, key, pinFile, chainFile string, opts sign.Options) int {
	if !sign.PKCS11Available {
		return report(stderr, "--pkcs11-module", sign.ErrNoPKCS11)
	}
	var extra []*x509.Certificate
	if chainFile != "" {
		var err error
		if extra, err = readCerts(chainFile); err != nil {
			return report(stderr, chainFile, err)
		}
	}
	var pin string
	var err error
	if pinFile != "" {
		if pin, err = passwordFile(pinFile); err != nil {
			return report(stderr, pinFile, err)
		}
	} else if pin, err = promptPassword(os.Stdin, stderr, "token "+token); err != nil {
		return report(stderr, "standard input", err)
	}
	tok, err := sign.OpenPKCS11(module, token, key, pin)
	if err != nil {
		return report(stderr, module, err)
	}
	defer tok.Close()
	var signed bytes.Buffer
	if err := sign.PDF(&signed, bytes.NewReader(doc), int64(len(doc)), tok.Signer, append(tok.Chain, extra...), opts); err != nil {
		return report(stderr, in, flagNames(err))
	}
	if err := writeSet(stdout, filepath.Dir(out), []output{{filepath.Base(out), signed.Bytes()}}); err != nil {
		return report(stderr, out, err)
	}
	return exitOK
}
