package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// helpText is a command's help: how to call it, what it does, examples.
type helpText struct {
	synopsis    string // one usage line per form
	description string
	examples    string
}

// helps holds the help of every command; "annex plan" and "annex check"
// have their own.
var helps = map[string]helpText{
	"examples": {
		synopsis:    "bhytdoc examples [-o DIR] [--pdfa]",
		description: "Renders the seed documents (real letters, plans, decisions) to PDF in DIR:\na quick look at what bhytdoc writes.",
		examples:    "bhytdoc examples -o /tmp/seeds",
	},
	"render": {
		synopsis:    "bhytdoc render SOURCE.md... [-o DIR] [--format pdf,md,docx,xlsx] [--pdfa] [--variant paper|electronic]",
		description: "Renders Markdown document sources (front matter + body, see README) to the\nformats asked. Every source is checked first; problems are listed one per\nline as FILE:LINE: FIELD: message, and nothing is written. A decision that\nissues a document (issues:) is rendered with it in one file (--variant\npaper), or alone with the issued document in NAME-kem-theo.pdf/.docx for\nsign --attached-to (--variant electronic).",
		examples:    "bhytdoc render cong-van.md\nbhytdoc render cong-van.md ke-hoach.md -o out --format pdf,docx",
	},
	"new": {
		synopsis:    "bhytdoc new TEMPLATE --data DATA.yaml [-o DIR] [--format pdf,md,docx,xlsx] [--pdfa]\nbhytdoc new TEMPLATE --data DATA.yaml --units UNITS.xlsx --milestone DATE:RATE... [flags]\nbhytdoc new bao-cao-bhyt --data DATA.yaml --units UNITS.xlsx [flags]\nbhytdoc new quyet-dinh-giao-chi-tieu --data DATA.yaml --annex TABLE.xlsx|.csv [--allow-inconsistent] [flags]\nbhytdoc new TEMPLATE --schema\nbhytdoc new TEMPLATE --help",
		description: "Fills a built-in template with a JSON or YAML data file. The data's fields\nare checked against the template's declared fields (TEMPLATE --help lists\nthem): an unknown or misspelt key, a missing field or a value of the wrong\ntype is an error naming the field. With --units and --milestone, the\ncoverage annex is planned from a table of units and its figures fill the\ndocument. For bao-cao-bhyt, --units alone gives the results annex: each\nrow of the units file (unit, population, participants, optionally a\n\"chỉ tiêu DATE\" target) becomes a DonVi row, the sums DanSo and DaThamGia.\nFor quyet-dinh-giao-chi-tieu, --annex reads the annex table from a file\nand checks its arithmetic first, naming the cell at fault. Dates are\nwritten 2020-06-30 or 30/6/2020; lists whose items hold commas are written\nas block lists (one \"- item\" a line).",
		examples:    "bhytdoc new cong-van-bhyt --help\nbhytdoc new cong-van-bhyt --data cv.yaml --format pdf,docx\nbhytdoc new ke-hoach-bhyt --data kh.yaml --units xa.xlsx --milestone 30/6/2025:93 --milestone 31/12/2025:95 --format pdf,xlsx\nbhytdoc new bao-cao-bhyt --data bc.yaml --units xa.xlsx --format pdf,xlsx\nbhytdoc new quyet-dinh-giao-chi-tieu --data qd.yaml --annex bieu.xlsx\nbhytdoc new cong-van-xa-bhyt --schema > cong-van-xa.schema.json",
	},
	"merge": {
		synopsis:    "bhytdoc merge TEMPLATE --rows ROWS.xlsx|.csv|.json [--data COMMON.yaml] [-o DIR] [--combined ALL.pdf] [--zip ALL.zip] [flags]\nbhytdoc merge cong-van-xa-bhyt --units UNITS.xlsx --milestone DATE:RATE... --data COMMON.yaml [flags]",
		description: mergeDescription,
		examples:    "bhytdoc merge cong-van-xa-bhyt --units xa.xlsx --data chung.yaml --milestone 31/12/2025:95 \\\n    --name '{{.DonVi}}' --number-from 120 -o out --format pdf,docx --combined in/all.pdf\nbhytdoc merge cong-van-bhyt --rows rows.csv --data chung.yaml --zip letters.zip",
	},
	"join": {
		synopsis:    "bhytdoc join MANIFEST... --combined ALL.pdf [--zip ALL.zip] [--rows ROWS] [--data COMMON] [-j N]",
		description: "Gathers the shards of a merge run (merge --shard I/N): checks that their\nmanifests (merge writes one beside its outputs) cover every row exactly once,\nnaming the missing and duplicate rows, and that the rows and data files are\nthe ones the merge read (SHA-256); then renders every row again in the merge's order\n(row order, or --sort's) into one print PDF (and zip), byte-identical to the same merge run unsharded.\nEach row's pages and file hashes are checked against its shard's manifest.\n--rows, --units and --data say where the inputs are now, when they moved.",
		examples:    "bhytdoc join out0/manifest.jsonl out1/manifest.jsonl out2/manifest.jsonl --combined all.pdf\nbhytdoc join /output/shard-*/manifest.jsonl --rows units.xlsx --data common.yaml --combined all.pdf --zip all.zip",
	},
	"annex": {
		synopsis:    "bhytdoc annex plan UNITS.xlsx|.csv --milestone DATE:RATE... [flags]\nbhytdoc annex check TABLE.xlsx|.csv|SOURCE.md... [--sheet NAME]",
		description: "Plans coverage targets per unit, or checks the arithmetic of coverage\ntables. bhytdoc help annex plan, bhytdoc help annex check: their flags.",
		examples:    "bhytdoc annex plan xa.xlsx --milestone 30/6/2025:93 --milestone 31/12/2025:95 -o out\nbhytdoc annex check phu-luc.xlsx",
	},
	"annex plan": {
		synopsis:    "bhytdoc annex plan UNITS.xlsx|.csv --milestone DATE:RATE... [-o DIR] [flags]",
		description: "Plans coverage targets per unit; writes DIR/plan.xlsx (the annex, with\nformulas) and DIR/plan.md (schedule, annex and new participants per unit)\nand lists them on standard output; the schedule sentence goes to standard\nerror. No PDF: an annex is printed as part of a document (new --units).\nA workbook is read from the sheet it opens on, or --sheet NAME.",
		examples:    "bhytdoc annex plan xa.xlsx --milestone 2025-06-30:93 --milestone 2025-12-31:95 --sort -o out",
	},
	"annex check": {
		synopsis:    "bhytdoc annex check TABLE.xlsx|TABLE.csv|SOURCE.md... [--sheet NAME]",
		description: "Reports every arithmetic inconsistency, one per line; exit status 1 when\nthere is any, 0 when the tables are consistent. Every visible sheet of a\nworkbook is checked, or only --sheet NAME. Of a Markdown source, every\ncoverage annex is checked, inline or read from a file.",
		examples:    "bhytdoc annex check phu-luc.xlsx ke-hoach.md",
	},
	"version": {
		synopsis:    "bhytdoc version",
		description: "Prints the module version and how the binary was built.",
		examples:    "bhytdoc version",
	},
	"sign": {
		synopsis:    "bhytdoc sign IN.pdf --p12 KEY.p12 [--password-file F] --role signer|organisation -o OUT.pdf [flags]",
		description: "Signs a PDF digitally where Decree 30 places the signer's or the\norganisation's signature (the areas bhytdoc recorded when writing it, with\nor without images), or at --page and --rect for another PDF. An annex in a\nseparate file is signed by the organisation with --attached-to NUMBER/SYMBOL\nat the top right of its first page.",
		examples:    "bhytdoc sign cv.pdf --p12 ky.p12 --password-file pw.txt --role signer -o cv-ky.pdf\nbhytdoc sign cv-ky.pdf --p12 dau.p12 --role organisation -o cv-ky-dau.pdf\nbhytdoc sign phu-luc.pdf --p12 dau.p12 --role organisation --attached-to 15/UBND-VX -o phu-luc-ky.pdf",
	},
	"sign prepare": {
		synopsis:    "bhytdoc sign prepare IN.pdf -o PREPARED.pdf --digest-out D.bin [--cert CHAIN.pem] [--role signer|organisation] [flags]",
		description: "The first step of signing through a service or any outside signer: writes\nthe PDF with its signature dictionary and room for the signature, and the\nSHA-256 digest (32 raw bytes) of what the signature will cover. The service\nsigns the digest and returns a detached CMS; sign complete embeds it.",
		examples:    "bhytdoc sign prepare cv.pdf -o cv-prep.pdf --digest-out cv.digest --cert chu-tich.pem",
	},
	"sign complete": {
		synopsis:    "bhytdoc sign complete PREPARED.pdf --cms SIG.p7s -o OUT.pdf [--cert CERT.pem]",
		description: "Embeds a detached CMS (DER or PEM) made over sign prepare's digest, after\nchecking that it signs exactly those bytes and, with --cert, that it is that\ncertificate's. A CMS that does not match is an error and nothing is written.",
		examples:    "bhytdoc sign complete cv-prep.pdf --cms cv.p7s -o cv-ky.pdf --cert chu-tich.pem",
	},
	"info": {
		synopsis:    "bhytdoc info FILE.pdf",
		description: "Prints the document record bhytdoc wrote into a PDF (number, date,\nissuer, signature areas…) as JSON on standard output.",
		examples:    "bhytdoc info cv.pdf | jq .Number",
	},
	"serve": {
		synopsis:    "bhytdoc serve [--listen 127.0.0.1:8080] [--token-file F] [--max-body 32MiB] [--timeout 1m] [--workers N]",
		description: "Serves the HTTP API (/v1/render, /v1/templates, /v1/merge, /v1/annex/check,\n/v1/info; described at /openapi.json) and the web page (/) until SIGINT or\nSIGTERM, then drains: requests in flight finish. Off loopback a bearer token\n(--token-file) is required. One JSON log line per request on standard error.",
		examples:    "bhytdoc serve\nbhytdoc serve --listen 0.0.0.0:8080 --token-file /run/secrets/bhytdoc-token --workers 4",
	},
	"verify": {
		synopsis:    "bhytdoc verify SIGNED.pdf [--roots ROOTS.pem] [--json] [--lang vi|en]",
		description: "Lists every signature of a PDF — signer, organisation, role, signing time,\ntimestamp, whether it covers the whole file, changes after it, the\ncertificate's validity and chain to --roots — in Vietnamese (--lang en: in\nEnglish) or as JSON. Exit status 0 only when every signature is valid.",
		examples:    "bhytdoc verify cv-ky.pdf --roots ca.pem\nbhytdoc verify cv-ky.pdf --json --lang en",
	},
	"edxml": {
		synopsis:    "bhytdoc edxml SIGNED.pdf --source SRC.md [--docx F.docx] -o OUT.edxml\nbhytdoc edxml read PKG.edxml [-o DIR]",
		description: "Builds the edXML package (QCVN 102:2016) that carries a signed PDF to the\nrecipients' e-office systems, its header filled from the document's source\n(issuer.organ_id and the Nơi nhận entries' organ_id give the codes). edxml\nread prints a package's header and files as JSON; -o DIR extracts the files.",
		examples:    "bhytdoc edxml out/cv898-ky.pdf --source cv898.md --docx out/cv898.docx -o out/cv898.edxml\nbhytdoc edxml read cv898.edxml -o received",
	},
	"edxml read": {
		synopsis:    "bhytdoc edxml read PKG.edxml [-o DIR]",
		description: "Prints the package's header and its files (name, type, size, SHA-256) as\nJSON; with -o, extracts the files into DIR, all or nothing, never\noverwriting a file there.",
		examples:    "bhytdoc edxml read cv898.edxml\nbhytdoc edxml read cv898.edxml -o received",
	},
	"completion": {
		synopsis:    "bhytdoc completion bash|zsh|fish",
		description: "Prints a shell completion script for commands, template names and flags.",
		examples:    "source <(bhytdoc completion bash)\nbhytdoc completion zsh > \"${fpath[1]}/_bhytdoc\"\nbhytdoc completion fish > ~/.config/fish/completions/bhytdoc.fish",
	},
}

const mergeDescription = `Renders one document per row: the row's fields (column headers as field
names; "A.B" sets field B of A) over the common data. A column that is no
field of the template is an error naming the field it resembles, unless
--name reads it or --ignore-extra-columns is given. With --milestone, the
units file (--units; default: the rows file) is the baselines of a plan,
and each row gets the share of the unit it names (by label, name or code,
not by position): DonVi, DonViThuong, DanSo, DaThamGia, ChuaThamGia, TyLe
and ChiTieu (per milestone: Ngay, Nhan, TyLe, SoNguoi, DanSo,
PhatTrienMoi); see coverage.Shares. A row whose unit is not in the units
file, or a unit without a row, is an error. --sort puts the units, and so
the documents (their order, --number-from numbers and names), in Vietnamese
alphabetical order. Every row is checked before anything is written;
problems are listed together, each naming its row.

Outputs: -o DIR (files), --combined FILE.pdf (one PDF for printing),
--zip FILE.zip; at least one. With none, -o out. The files written are
listed on standard output; everything else goes to standard error. Every
run also writes a manifest (ALL.manifest.jsonl beside --combined or --zip,
else DIR/manifest.jsonl): the rows written, their pages and SHA-256; join
reads the manifests of --shard runs to make one book.`

// newFlags returns the flag set of command name, whose -h prints the
// command's help.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printHelp(stderr, name, fs) }
	return fs
}

// printHelp writes command name's help: synopsis, description, flags
// (those with a usage text: old names kept as aliases have none) and
// examples.
func printHelp(w io.Writer, name string, fs *flag.FlagSet) {
	h := helps[name]
	fmt.Fprintln(w, "usage:")
	for _, l := range strings.Split(h.synopsis, "\n") {
		fmt.Fprintln(w, "  "+l)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, h.description)
	if fs != nil {
		n := 0
		fs.VisitAll(func(f *flag.Flag) {
			if f.Usage == "" {
				return
			}
			if n == 0 {
				fmt.Fprintln(w, "\nflags:")
			}
			n++
			arg, usage := flag.UnquoteUsage(f)
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			line := "  " + dash + f.Name
			if arg != "" {
				line += " " + arg
			}
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				usage += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(w, "%s\n      %s\n", line, usage)
		})
	}
	fmt.Fprintln(w, "\nexamples:")
	for _, l := range strings.Split(h.examples, "\n") {
		fmt.Fprintln(w, "  "+l)
	}
}

// parseExit is the exit status of a command whose flags did not parse:
// 0 after -h or --help (the help was asked for), else 2.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// missing reports a missing required flag or argument by name, then the
// command's help.
func missing(stderr io.Writer, fs *flag.FlagSet, what string) int {
	fmt.Fprintf(stderr, "bhytdoc %s: missing %s\n\n", fs.Name(), what)
	fs.Usage()
	return exitUsage
}
