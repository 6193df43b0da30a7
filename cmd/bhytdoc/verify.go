package main

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/bhytdoc/bhytdoc/sign"
)

// verifyText is the wording of verify's report, Vietnamese first.
var verifyText = map[string][]string{
	// key: vi, en
	"sig":     {"Chữ ký %d (%s)", "Signature %d (%s)"},
	"signer":  {"Người ký", "Signer"},
	"org":     {"Cơ quan, tổ chức", "Organisation"},
	"role":    {"Vai trò", "Role"},
	"time":    {"Thời gian ký", "Signing time"},
	"ts":      {"Dấu thời gian", "Timestamp"},
	"whole":   {"Bao toàn bộ văn bản", "Covers the whole document"},
	"changed": {"Bị sửa sau khi ký", "Changed after signing"},
	"sigok":   {"Chữ ký khớp nội dung", "Signature matches the content"},
	"certok":  {"Chứng thư số còn hiệu lực khi ký", "Certificate valid at signing time"},
	"trusted": {"Chuỗi chứng thư tới gốc tin cậy", "Chains to the trusted roots"},
	"valid":   {"HỢP LỆ", "VALID"},
	"invalid": {"KHÔNG HỢP LỆ", "NOT VALID"},
	"yes":     {"có", "yes"},
	"no":      {"không", "no"},
	"none":    {"Văn bản không có chữ ký số.", "The document has no digital signature."},
	"signerR": {"người ký", "signer"},
	"orgR":    {"cơ quan, tổ chức", "organisation"},
}

// runVerify is "bhytdoc verify": it lists every signature of a PDF and
// exits 0 only when there is one and all are valid.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("verify", stderr)
	rootsFile := fs.String("roots", "", "trusted root certificates, PEM `file`")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	lang := fs.String("lang", "vi", "language of the report: vi or en")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 1 || (*lang != "vi" && *lang != "en") {
		fs.Usage()
		return exitUsage
	}
	var roots *x509.CertPool
	if *rootsFile != "" {
		certs, err := readCerts(*rootsFile)
		if err != nil {
			return report(stderr, *rootsFile, err)
		}
		roots = x509.NewCertPool()
		for _, c := range certs {
			roots.AddCert(c)
		}
	}
	doc, err := readInput(pos[0], sign.MaxSize)
	if err != nil {
		return report(stderr, "", err)
	}
	reps, err := sign.Verify(bytes.NewReader(doc), int64(len(doc)), roots)
	if err != nil {
		return report(stderr, pos[0], err)
	}
	ok := len(reps) > 0
	for i := range reps {
		ok = ok && reps[i].Valid()
	}
	if *asJSON {
		b, _ := json.MarshalIndent(struct {
			Valid      bool          `json:"valid"`
			Signatures []sign.Report `json:"signatures"`
		}{ok, reps}, "", "  ")
		fmt.Fprintf(stdout, "%s\n", escapeControls(b))
	} else {
		printVerify(stdout, reps, *lang)
	}
	if !ok {
		return exitInvalid
	}
	return exitOK
}

func printVerify(w io.Writer, reps []sign.Report, lang string) {
	l := 0
	if lang == "en" {
		l = 1
	}
	tr := func(k string) string { return verifyText[k][l] }
	yn := func(b bool) string {
		if b {
			return tr("yes")
		}
		return tr("no")
	}
	if len(reps) == 0 {
		fmt.Fprintln(w, tr("none"))
		return
	}
	// Text from the certificate is quoted: it may hold controls.
	q := func(s string) string { return string(escapeControls([]byte(s))) }
	for i, r := range reps {
		verdict := tr("valid")
		if !r.Valid() {
			verdict = tr("invalid")
		}
		fmt.Fprintf(w, tr("sig")+"\n", i+1, verdict)
		fmt.Fprintf(w, "  %s: %s\n  %s: %s\n", tr("signer"), q(r.Signer), tr("org"), q(r.Organisation))
		switch r.Role {
		case "signer":
			fmt.Fprintf(w, "  %s: %s\n", tr("role"), tr("signerR"))
		case "organisation":
			fmt.Fprintf(w, "  %s: %s\n", tr("role"), tr("orgR"))
		}
		const f = "2006-01-02T15:04:05-07:00"
		fmt.Fprintf(w, "  %s: %s\n", tr("time"), r.Time.In(vn).Format(f))
		if !r.Timestamp.IsZero() {
			fmt.Fprintf(w, "  %s: %s\n", tr("ts"), r.Timestamp.In(vn).Format(f))
		}
		fmt.Fprintf(w, "  %s: %s\n  %s: %s\n  %s: %s\n  %s: %s\n  %s: %s\n",
			tr("whole"), yn(r.WholeDocument), tr("changed"), yn(r.ChangedAfter),
			tr("sigok"), yn(r.SignatureValid), tr("certok"), yn(r.CertValid), tr("trusted"), yn(r.Trusted))
		for _, p := range r.Problems {
			fmt.Fprintf(w, "  - %s\n", p)
		}
	}
}

// vn is UTC+07:00, the zone Decree 30 writes times in.
var vn = time.FixedZone("+07", 7*60*60)
