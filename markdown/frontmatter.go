package markdown

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/lazyre"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// pos is where a field was written.
type pos struct {
	file string
	line int
}

// positions records where each field was written. The fields are looked
// up only for a message, after a problem: recording appends to a list,
// and the map is made from it on the first lookup (a letter of a merge
// records some forty fields, and hashing them cost 5% of reading it). A
// field recorded again is where it was recorded last.
type positions struct {
	list []posEntry
	m    map[string]pos
}

// posEntry is one field's place, or with lines a list's: field[i] on
// lines[i] of file.
type posEntry struct {
	field string
	at    pos
	lines []int
}

func newPositions() *positions { return &positions{list: make([]posEntry, 0, 48)} }

// set records that field was written at p.
func (ps *positions) set(field string, p pos) {
	ps.list = append(ps.list, posEntry{field: field, at: p})
	if ps.m != nil {
		ps.m[field] = p
	}
}

// setLines records that field[i] was written on lines[i] of file.
func (ps *positions) setLines(field, file string, lines []int) {
	if len(lines) == 0 {
		return
	}
	ps.list = append(ps.list, posEntry{field: field, at: pos{file: file}, lines: lines})
	if ps.m != nil {
		ps.list[len(ps.list)-1].each(func(f string, p pos) { ps.m[f] = p })
	}
}

// get returns where field was written.
func (ps *positions) get(field string) (pos, bool) {
	if ps.m == nil {
		ps.m = make(map[string]pos, len(ps.list))
		ps.each(func(f string, p pos) { ps.m[f] = p })
	}
	p, ok := ps.m[field]
	return p, ok
}

// each calls fn for every field recorded, in the order recorded.
func (ps *positions) each(fn func(field string, p pos)) {
	for _, e := range ps.list {
		e.each(fn)
	}
}

func (e posEntry) each(fn func(field string, p pos)) {
	if e.lines == nil {
		fn(e.field, e.at)
		return
	}
	for i, l := range e.lines {
		fn(e.field+"["+strconv.Itoa(i)+"]", pos{e.at.file, l})
	}
}

// fmDecoder decodes the front matter from yaml.v3's node tree, which keeps
// the line of every key and value. Decoding by hand rather than with
// yaml.Decoder.KnownFields gives messages that name the key and the
// expected type, a line for each of them, and every problem at once.
type fmDecoder struct {
	errs *Errors
	file string
	off  int // file line of YAML line 1, minus 1
	fsys fs.FS
	dir  string // directory of file inside fsys
	pos  *positions
	// keys maps a mapping's value nodes to their keys: a list or mapping
	// is placed at its key's line, not at its first item's.
	keys map[*yaml.Node]*yaml.Node
	// tables reads spreadsheet annex files; nil when the caller gave none.
	tables TableReader
	// annexFiles records, by annex index, the file an annex's table was
	// read from.
	annexFiles map[int]*TableFile
	// issued: decoding the issues: mapping, where issues: is refused.
	issued bool
}

func (d *fmDecoder) line(n *yaml.Node) int { return n.Line + d.off }

func (d *fmDecoder) fail(n *yaml.Node, field, format string, args ...any) {
	*d.errs = append(*d.errs, &Error{File: d.file, Line: d.line(n), Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (d *fmDecoder) mark(field string, n *yaml.Node) {
	if k, ok := d.keys[n]; ok && n.Kind != yaml.ScalarNode {
		n = k
	}
	d.pos.set(field, pos{d.file, d.line(n)})
}

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: …") into an Error
// at the file's line.
var reYAMLLine = lazyre.New(`^yaml: line (\d+): (.*)$`)

func (d *fmDecoder) syntax(err error) {
	msg, line := err.Error(), 1
	if m := reYAMLLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	*d.errs = append(*d.errs, &Error{File: d.file, Line: line + d.off, Msg: "YAML: " + msg})
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.ShortTag() == "!!null" {
		return "nothing"
	}
	return excerpt.Quote(n.Value)
}

// fields decodes mapping n: each known key's value goes to its function;
// unknown and repeated keys are errors. A null value counts as an empty
// mapping.
func (d *fmDecoder) fields(n *yaml.Node, where string, fns map[string]func(*yaml.Node)) {
	fieldsOf(d, n, where, fns, func(f func(*yaml.Node), v *yaml.Node) { f(v) })
}

// fieldsOf is fields for decoders of any type F, which call runs.
func fieldsOf[F any](d *fmDecoder, n *yaml.Node, where string, fns map[string]F, call func(F, *yaml.Node)) {
	if d.alias(n, where) || isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, where, "want a mapping (key: value lines), got %s", kindName(n))
		return
	}
	// Names are made for messages only, and keys are few: a list finds
	// a repeated one as fast as a map, without allocating.
	name := func(key string) string {
		if where != "" {
			return where + "." + excerpt.Trim(key)
		}
		return excerpt.Trim(key)
	}
	var seenArr [32]string
	seen := seenArr[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		fn, ok := fns[key]
		switch {
		case k.Kind != yaml.ScalarNode:
			d.fail(k, where, "a key must be a plain word, got %s", kindName(k))
		case !ok:
			d.fail(k, name(key), "unknown key (want %s)", knownKeys(fns))
		case seenKey(seen, key):
			d.fail(k, name(key), "key given twice")
		default:
			seen = append(seen, key)
			if v.Kind != yaml.ScalarNode { // mark places only these at their key
				if d.keys == nil {
					d.keys = map[*yaml.Node]*yaml.Node{}
				}
				d.keys[v] = k
			}
			call(fn, v)
		}
	}
}

func seenKey(seen []string, key string) bool {
	for _, k := range seen {
		if k == key {
			return true
		}
	}
	return false
}

func knownKeys[F any](fns map[string]F) string {
	ks := make([]string, 0, len(fns))
	for k := range fns {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// alias rejects YAML aliases: they would let a short file expand into a
// huge document, and a document has no use for them.
func (d *fmDecoder) alias(n *yaml.Node, where string) bool {
	if n.Kind == yaml.AliasNode {
		d.fail(n, where, "YAML aliases (*name) are not supported")
		return true
	}
	return false
}

// text decodes a scalar as text, exactly as written: a cell "12.345" or
// 12.345 is the text "12.345", not a number.
func (d *fmDecoder) text(n *yaml.Node, where string) (string, bool) {
	if d.alias(n, where) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.fail(n, where, "want text, got %s", kindName(n))
		return "", false
	}
	if isNull(n) {
		return "", true
	}
	return n.Value, true
}

func (d *fmDecoder) str(n *yaml.Node, where, field string, dst *string) {
	if s, ok := d.text(n, where); ok {
		*dst = s
		d.mark(field, n)
	}
}

// whole is str for a whole number.
func (d *fmDecoder) whole(n *yaml.Node, where, field string, dst *int) {
	if i, ok := d.integer(n, where); ok {
		*dst = i
		d.mark(field, n)
	}
}

func (d *fmDecoder) integer(n *yaml.Node, where string) (int, bool) {
	if d.alias(n, where) {
		return 0, false
	}
	var v int
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		d.fail(n, where, "want a whole number, got %s", kindName(n))
		return 0, false
	}
	// YAML also reads 010 (octal), 0x10, 0b101 and 1_000 as integers: a
	// number is written in decimal digits only, so that what is printed
	// is what was written.
	if !plainDecimal(n.Value) {
		d.fail(n, where, "want a whole number in decimal digits without leading zeros, got %s", kindName(n))
		return 0, false
	}
	return v, true
}

func (d *fmDecoder) boolean(n *yaml.Node, where string) (bool, bool) {
	if d.alias(n, where) {
		return false, false
	}
	var v bool
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || n.Decode(&v) != nil {
		d.fail(n, where, "want true or false, got %s", kindName(n))
		return false, false
	}
	return v, true
}

func (d *fmDecoder) number(n *yaml.Node, where string) (float64, bool) {
	if d.alias(n, where) {
		return 0, false
	}
	var v float64
	if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!int" && n.ShortTag() != "!!float") || n.Decode(&v) != nil {
		d.fail(n, where, "want a number, got %s", kindName(n))
		return 0, false
	}
	return v, true
}

// list calls fn for each item of sequence n; null is an empty list.
func (d *fmDecoder) list(n *yaml.Node, where string, fn func(i int, item *yaml.Node)) {
	if d.alias(n, where) || isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, where, "want a list (lines starting with \"- \", or [a, b]), got %s", kindName(n))
		return
	}
	for i, it := range n.Content {
		fn(i, it)
	}
}

func (d *fmDecoder) texts(n *yaml.Node, where, field string, dst *[]string) {
	d.mark(field, n)
	var out []string
	d.list(n, where, func(i int, it *yaml.Node) {
		if s, ok := d.text(it, where+"["+strconv.Itoa(i)+"]"); ok {
			d.mark(field+"["+strconv.Itoa(i)+"]", it)
			out = append(out, s)
		}
	})
	*dst = out
}

// plainDecimal reports whether s is a whole number in decimal digits,
// without leading zeros or a plus sign: -?(0|[1-9][0-9]*).
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// document decodes the front matter's root mapping into doc.
func (d *fmDecoder) document(n *yaml.Node, doc *bhytdoc.Document) {
	fieldsOf(d, n, "", docFields, func(f docField, v *yaml.Node) { f(d, doc, v) })
}

// docField decodes the value of one key of the front matter's root
// mapping into doc.
type docField func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node)

// docFields are the decoders of the root mapping's keys, made once: a
// map of forty closures per document was 5% of reading a merged letter.
// (Set in init: they refer to document, through issues.)
var docFields map[string]docField

func init() {
	docFields = make(map[string]docField, len(specialFields)+len(mainFields))
	maps.Copy(docFields, specialFields)
	maps.Copy(docFields, mainFields)
}

// mainFields are docFields but the special parts'.
var mainFields = map[string]docField{
	"kind": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		if s, ok := d.text(v, "kind"); ok {
			d.mark("Kind", v)
			k, err := bhytdoc.ParseKind(s)
			if err != nil {
				d.fail(v, "kind", "unknown document kind %s (want a name such as \"Công văn\", \"Kế hoạch\", a symbol such as KH, or an identifier such as KeHoach)", excerpt.Quote(s))
			}
			doc.Kind = k
		}
	},
	"draft": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		if b, ok := d.boolean(v, "draft"); ok {
			doc.Draft = b
			d.mark("Draft", v)
		}
	},
	"issuer": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.issuer(v, "issuer", "Issuer", &doc.Issuer) },
	"number": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.whole(v, "number", "Number", &doc.Number)
	},
	"drafting_unit": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.str(v, "drafting_unit", "DraftingUnit", &doc.DraftingUnit)
	},
	"place":   func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.str(v, "place", "Place", &doc.Place) },
	"date":    func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.date(v, "date", "Date", &doc.Date) },
	"summary": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.str(v, "summary", "Summary", &doc.Summary) },
	"issued_with": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.str(v, "issued_with", "IssuedWith", &doc.IssuedWith)
	},
	"authority": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.str(v, "authority", "Authority", &doc.Authority)
	},
	"proposal": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.str(v, "proposal", "Proposal", &doc.Proposal)
	},
	"recipients": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.texts(v, "recipients", "Addressees", &doc.Addressees)
	},
	"bases": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.texts(v, "bases", "Bases", &doc.Bases) },
	"attachments": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.texts(v, "attachments", "Attachments", &doc.Attachments)
	},
	"signatures": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.mark("Signatures", v)
		d.list(v, "signatures", func(i int, it *yaml.Node) {
			doc.Signatures = append(doc.Signatures, d.signature(it, i))
		})
	},
	"noi_nhan": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.mark("Recipients", v)
		d.list(v, "noi_nhan", func(i int, it *yaml.Node) {
			doc.Recipients = append(doc.Recipients, d.recipient(it, i))
		})
	},
	"luu":    func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.texts(v, "luu", "Luu", &doc.Luu) },
	"marks":  func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.marks(v, &doc.Marks) },
	"typist": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.str(v, "typist", "Typist", &doc.Typist) },
	"contact": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.texts(v, "contact", "Contact", &doc.Contact)
	},
	"print_copies": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.whole(v, "print_copies", "IssuedCopies", &doc.IssuedCopies)
	},
	"esign":  func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { doc.ESign = d.esign(v) },
	"issues": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { d.issues(v, doc) },
	"copy":   func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) { doc.Copy = d.copyBlock(v) },
	"annexes": func(d *fmDecoder, doc *bhytdoc.Document, v *yaml.Node) {
		d.mark("Annexes", v)
		d.list(v, "annexes", func(i int, it *yaml.Node) {
			doc.Annexes = append(doc.Annexes, d.annexItem(it, i))
		})
	},
}

func (d *fmDecoder) signature(n *yaml.Node, i int) bhytdoc.Signature {
	return d.signatureAt(n, "signatures["+strconv.Itoa(i)+"]", "Signatures["+strconv.Itoa(i)+"]")
}

func (d *fmDecoder) signatureAt(n *yaml.Node, where, field string) bhytdoc.Signature {
	var s bhytdoc.Signature
	d.mark(field, n)
	d.fields(n, where, map[string]func(*yaml.Node){
		"authority": func(v *yaml.Node) {
			d.list(v, where+".authority", func(j int, it *yaml.Node) {
				w := where + ".authority[" + strconv.Itoa(j) + "]"
				line, ok := d.text(it, w)
				if !ok {
					return
				}
				d.mark(field+".Authority["+strconv.Itoa(j)+"]", it)
				// The title is everything after the prefix's space, as
				// written: Write puts exactly one space there.
				pre, title, _ := strings.Cut(strings.TrimLeft(line, " "), " ")
				p := bhytdoc.Prefix(pre)
				if !p.Valid() {
					d.fail(it, w, "an authority line starts with TM., KT., Q., TL. or TUQ. and the title (\"KT. Chủ tịch\"), got %s", excerpt.Quote(line))
				}
				s.Authority = append(s.Authority, bhytdoc.Authority{Prefix: p, Title: title})
			})
		},
		"position": func(v *yaml.Node) { d.str(v, where+".position", field+".Position", &s.Position) },
		"name":     func(v *yaml.Node) { d.str(v, where+".name", field+".Name", &s.Name) },
		"image":    func(v *yaml.Node) { s.Image = d.image(v, where+".image", field+".Image") },
		"seal":     func(v *yaml.Node) { s.Seal = d.image(v, where+".seal", field+".Seal") },
	})
	return s
}

const dataPNG = "data:image/png;base64,"

// image reads a PNG given inline as a data: URI or as a path relative to
// the source file.
func (d *fmDecoder) image(n *yaml.Node, where, field string) []byte {
	s, ok := d.text(n, where)
	if !ok || s == "" {
		return nil
	}
	d.mark(field, n)
	if rest, ok := strings.CutPrefix(s, dataPNG); ok {
		b, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(rest), ""))
		if err != nil {
			d.fail(n, where, "bad base64 PNG data: %v", err)
			return nil
		}
		return b
	}
	b, _ := d.readFile(n, where, s)
	return b
}

// MaxFileBytes bounds a file a source refers to (an annex file, an
// image) and the source itself when read with ParseFS.
const MaxFileBytes = 16 << 20

// bom is the UTF-8 byte-order mark some editors put first in a file.
var bom = []byte("\uFEFF")

// readRegular reads file p of fsys: a regular file (not a FIFO, which
// would block, nor a device, which would never end) of at most
// MaxFileBytes. With an fsys from os.Root, p cannot lead outside the
// root, through a symbolic link either.
func readRegular(fsys fs.FS, p string) ([]byte, error) {
	st, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(p, st); err != nil {
		return nil, err
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkRegular(p, st); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFileBytes {
		return nil, fmt.Errorf("%s is larger than %d MiB", p, MaxFileBytes>>20)
	}
	return b, nil
}

func checkRegular(p string, st fs.FileInfo) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", p)
	}
	if st.Size() > MaxFileBytes {
		return fmt.Errorf("%s is larger than %d MiB", p, MaxFileBytes>>20)
	}
	return nil
}

// readFile reads a file named relative to the source file.
func (d *fmDecoder) readFile(n *yaml.Node, where, name string) ([]byte, string) {
	if d.fsys == nil {
		d.fail(n, where, "cannot read %s: files can be referred to only when the source is read with ParseFS", excerpt.Quote(name))
		return nil, ""
	}
	p := path.Join(d.dir, name)
	if path.IsAbs(name) || !fs.ValidPath(p) {
		d.fail(n, where, "%s must be a path relative to the source file, inside its directory", excerpt.Quote(name))
		return nil, ""
	}
	b, err := readRegular(d.fsys, p)
	if err != nil {
		d.fail(n, where, "%v", err)
		return nil, ""
	}
	return b, p
}

func (d *fmDecoder) recipient(n *yaml.Node, i int) bhytdoc.Recipient {
	return d.recipientAt(n, "noi_nhan["+strconv.Itoa(i)+"]", "Recipients["+strconv.Itoa(i)+"]")
}

func (d *fmDecoder) recipientAt(n *yaml.Node, where, field string) bhytdoc.Recipient {
	var r bhytdoc.Recipient
	d.mark(field, n)
	if n.Kind == yaml.ScalarNode {
		r.Name, _ = d.text(n, where)
		return r
	}
	d.fields(n, where, map[string]func(*yaml.Node){
		"name":    func(v *yaml.Node) { d.str(v, where+".name", field+".Name", &r.Name) },
		"purpose": func(v *yaml.Node) { d.str(v, where+".purpose", field+".Purpose", &r.Purpose) },
		"organ_id": func(v *yaml.Node) {
			d.str(v, where+".organ_id", field+".OrganID", &r.OrganID)
		},
		"joined": func(v *yaml.Node) {
			if b, ok := d.boolean(v, where+".joined"); ok {
				r.Joined = b
				d.mark(field+".Joined", v)
			}
		},
	})
	return r
}

// annexItem decodes an annex written in place, or {file: name} naming a
// YAML or JSON file that holds it, or a spreadsheet table (see tableFile).
func (d *fmDecoder) annexItem(n *yaml.Node, i int) bhytdoc.Annex {
	where, field := "annexes["+strconv.Itoa(i)+"]", "Annexes["+strconv.Itoa(i)+"]"
	d.mark(field, n)
	if n.Kind != yaml.MappingNode || !hasKey(n, "file") {
		return d.annex(n, where, field)
	}
	var v *yaml.Node
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == "file" {
			v = n.Content[j+1]
		}
	}
	name, ok := d.text(v, where+".file")
	if !ok {
		return bhytdoc.Annex{}
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv":
		return d.tableFile(n, i, name)
	}
	if len(n.Content) != 2 {
		d.fail(n, where, "an annex in a YAML or JSON file holds its title and other keys itself: give only file: (tables are read from .xlsx, .xlsm or .csv files)")
		return bhytdoc.Annex{}
	}
	b, p := d.readFile(v, where+".file", name)
	if b == nil {
		return bhytdoc.Annex{}
	}
	sub := &fmDecoder{errs: d.errs, file: p, fsys: d.fsys, dir: path.Dir(p), pos: d.pos, keys: d.keys, tables: d.tables}
	var root yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(b, bom), &root); err != nil {
		sub.syntax(err)
		return bhytdoc.Annex{}
	}
	if len(root.Content) == 0 {
		sub.fail(&root, "", "empty annex file")
		return bhytdoc.Annex{}
	}
	return sub.annex(root.Content[0], "", field)
}

func hasKey(n *yaml.Node, key string) bool {
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Kind == yaml.ScalarNode && n.Content[j].Value == key {
			return true
		}
	}
	return false
}

func join(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

func (d *fmDecoder) annex(n *yaml.Node, where, field string) bhytdoc.Annex {
	var a bhytdoc.Annex
	d.mark(field, n)
	d.fields(n, where, map[string]func(*yaml.Node){
		"title":     func(v *yaml.Node) { d.str(v, join(where, "title"), field+".Title", &a.Title) },
		"label":     func(v *yaml.Node) { d.annexLabel(v, join(where, "label"), field, &a) },
		"reference": func(v *yaml.Node) { d.str(v, join(where, "reference"), field+".Reference", &a.Reference) },
		"landscape": func(v *yaml.Node) { a.Landscape, _ = d.boolean(v, join(where, "landscape")) },
		"table":     func(v *yaml.Node) { a.Table = d.table(v, join(where, "table"), field+".Table") },
		"coverage":  func(v *yaml.Node) { a.Coverage = d.coverage(v, join(where, "coverage")) },
	})
	return a
}

// issuer decodes an issuing body: the document's, or a copy's.
func (d *fmDecoder) issuer(n *yaml.Node, where, field string, dst *bhytdoc.Issuer) {
	d.mark(field, n)
	d.fields(n, where, map[string]func(*yaml.Node){
		"parent": func(v *yaml.Node) { d.str(v, where+".parent", field+".Parent", &dst.Parent) },
		"name":   func(v *yaml.Node) { d.str(v, where+".name", field+".Name", &dst.Name) },
		"abbrev": func(v *yaml.Node) { d.str(v, where+".abbrev", field+".Abbrev", &dst.Abbrev) },
		"organ_id": func(v *yaml.Node) {
			d.str(v, where+".organ_id", field+".OrganID", &dst.OrganID)
		},
	})
}

// annexLabel decodes an annex's label: false for none, or text, a label
// of the annex's own.
func (d *fmDecoder) annexLabel(v *yaml.Node, where, field string, a *bhytdoc.Annex) {
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" {
		if b, ok := d.boolean(v, where); ok && !b {
			a.NoLabel = true
			return
		}
		d.fail(v, where, "true is not a label: write the label, or false for none")
		return
	}
	d.str(v, where, field+".Label", &a.Label)
}

var alignNames = map[string]bhytdoc.Align{
	"auto": bhytdoc.AlignAuto, "left": bhytdoc.AlignLeft, "center": bhytdoc.AlignCenter, "right": bhytdoc.AlignRight,
}

func (d *fmDecoder) table(n *yaml.Node, where, field string) bhytdoc.Table {
	var t bhytdoc.Table
	d.mark(field, n)
	d.fields(n, where, map[string]func(*yaml.Node){
		"header": func(v *yaml.Node) {
			d.mark(field+".Header", v)
			d.list(v, where+".header", func(r int, row *yaml.Node) {
				w, f := where+".header["+strconv.Itoa(r)+"]", field+".Header["+strconv.Itoa(r)+"]"
				d.mark(f, row)
				var cells []bhytdoc.HeaderCell
				d.list(row, w, func(c int, cell *yaml.Node) {
					cells = append(cells, d.headerCell(cell, w+"["+strconv.Itoa(c)+"]", f+"["+strconv.Itoa(c)+"]"))
				})
				t.Header = append(t.Header, cells)
			})
		},
		"columns": func(v *yaml.Node) {
			d.mark(field+".Columns", v)
			d.list(v, where+".columns", func(c int, col *yaml.Node) {
				t.Columns = append(t.Columns, d.column(col, where+".columns["+strconv.Itoa(c)+"]", field+".Columns["+strconv.Itoa(c)+"]"))
			})
		},
		"rows": func(v *yaml.Node) {
			d.mark(field+".Rows", v)
			d.list(v, where+".rows", func(r int, row *yaml.Node) {
				var cells []string
				d.texts(row, where+".rows["+strconv.Itoa(r)+"]", field+".Rows["+strconv.Itoa(r)+"]", &cells)
				t.Rows = append(t.Rows, cells)
			})
		},
		"totals": func(v *yaml.Node) {
			d.texts(v, where+".totals", field+".Totals", &t.Totals)
		},
	})
	return t
}

func (d *fmDecoder) headerCell(n *yaml.Node, where, field string) bhytdoc.HeaderCell {
	var c bhytdoc.HeaderCell
	d.mark(field, n)
	if n.Kind == yaml.ScalarNode {
		c.Text, _ = d.text(n, where)
		return c
	}
	d.fields(n, where, map[string]func(*yaml.Node){
		"text": func(v *yaml.Node) { d.str(v, where+".text", field, &c.Text) },
		"cols": func(v *yaml.Node) { c.ColSpan, _ = d.integer(v, where+".cols") },
		"rows": func(v *yaml.Node) { c.RowSpan, _ = d.integer(v, where+".rows") },
	})
	return c
}

func (d *fmDecoder) column(n *yaml.Node, where, field string) bhytdoc.Column {
	var c bhytdoc.Column
	d.mark(field, n)
	align := func(v *yaml.Node) {
		s, ok := d.text(v, where+".align")
		if !ok {
			return
		}
		a, ok := alignNames[s]
		if !ok {
			d.fail(v, where+".align", "want auto, left, center or right, got %s", excerpt.Quote(s))
		}
		c.Align = a
	}
	if n.Kind == yaml.ScalarNode {
		align(n)
		return c
	}
	d.fields(n, where, map[string]func(*yaml.Node){
		"align": align,
		"width": func(v *yaml.Node) { c.Width, _ = d.number(v, where+".width") },
	})
	return c
}

// firstLineDelim reports the length of src's first line when it is a
// front-matter delimiter (three or more '-'), or 0.
func firstLineDelim(src []byte) (n int, lineLen int) {
	line, _, found := bytes.Cut(src, []byte{'\n'})
	lineLen = len(line)
	if found {
		lineLen++
	}
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if len(line) < 3 || strings.Trim(string(line), "-") != "" {
		return 0, 0
	}
	return len(line), lineLen
}

// marks decodes the stamps: urgency, secrecy, circulation, du_thao.
func (d *fmDecoder) marks(n *yaml.Node, m *bhytdoc.Marks) {
	d.mark("Marks", n)
	mark := func(v *yaml.Node, key string, parse func(string) error) {
		if s, ok := d.text(v, "marks."+key); ok && s != "" {
			if err := parse(s); err != nil {
				d.fail(v, "marks."+key, "%v", err)
			}
		}
	}
	d.fields(n, "marks", map[string]func(*yaml.Node){
		"urgency": func(v *yaml.Node) {
			mark(v, "urgency", func(s string) (err error) { m.Urgency, err = bhytdoc.ParseUrgency(s); return })
		},
		"secrecy": func(v *yaml.Node) {
			mark(v, "secrecy", func(s string) (err error) { m.Secrecy, err = bhytdoc.ParseSecrecy(s); return })
		},
		"circulation": func(v *yaml.Node) {
			mark(v, "circulation", func(s string) (err error) { m.Circulation, err = bhytdoc.ParseCirculation(s); return })
		},
		"du_thao": func(v *yaml.Node) { m.DuThao, _ = d.boolean(v, "marks.du_thao") },
	})
}

// esign decodes the electronic signing line: organisation and a time in
// ISO 8601 with its zone.
func (d *fmDecoder) esign(n *yaml.Node) *bhytdoc.ESignature { return d.esignAt(n, "esign", "ESign") }

func (d *fmDecoder) esignAt(n *yaml.Node, where, field string) *bhytdoc.ESignature {
	d.mark(field, n)
	e := &bhytdoc.ESignature{}
	d.fields(n, where, map[string]func(*yaml.Node){
		"organisation": func(v *yaml.Node) { d.str(v, where+".organisation", field+".Organisation", &e.Organisation) },
		"time": func(v *yaml.Node) {
			s, ok := d.text(v, where+".time")
			if !ok {
				return
			}
			d.mark(field+".Time", v)
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				d.fail(v, where+".time", "want a time like 2020-05-18T09:30:00+07:00, got %s", excerpt.Quote(s))
				return
			}
			e.Time = t
		},
	})
	return e
}

// date decodes 2020-05-18, or for a draft 2021-06 or 2022.
func (d *fmDecoder) date(v *yaml.Node, where, field string, dst *bhytdoc.Date) {
	s, ok := d.text(v, where)
	if !ok {
		return
	}
	d.mark(field, v)
	y, m, day, ok := typo.ParseDate(s, true)
	if !ok {
		d.fail(v, where, "want a date like 2020-05-18 or 18/5/2020 (a draft may leave the day or the month and day out: 2021-06, 2022), got %s", excerpt.Quote(s))
		return
	}
	// Missing parts read as 0: blank, as in a draft.
	dst.Year, dst.Month, dst.Day = y, m, day
}

// copyBlock decodes a paper copy's block.
func (d *fmDecoder) copyBlock(n *yaml.Node) *bhytdoc.Copy {
	c := &bhytdoc.Copy{}
	d.mark("Copy", n)
	d.fields(n, "copy", map[string]func(*yaml.Node){
		"form": func(v *yaml.Node) {
			if s, ok := d.text(v, "copy.form"); ok {
				d.mark("Copy.Form", v)
				f, err := bhytdoc.ParseCopyForm(s)
				if err != nil {
					d.fail(v, "copy.form", "%v", err)
				}
				c.Form = f
			}
		},
		"issuer":    func(v *yaml.Node) { d.issuer(v, "copy.issuer", "Copy.Issuer", &c.Issuer) },
		"number":    func(v *yaml.Node) { d.whole(v, "copy.number", "Copy.Number", &c.Number) },
		"place":     func(v *yaml.Node) { d.str(v, "copy.place", "Copy.Place", &c.Place) },
		"date":      func(v *yaml.Node) { d.date(v, "copy.date", "Copy.Date", &c.Date) },
		"signature": func(v *yaml.Node) { c.Signature = d.signatureAt(v, "copy.signature", "Copy.Signature") },
		"noi_nhan": func(v *yaml.Node) {
			d.mark("Copy.Recipients", v)
			d.list(v, "copy.noi_nhan", func(i int, it *yaml.Node) {
				c.Recipients = append(c.Recipients, d.recipientAt(it, "copy.noi_nhan["+strconv.Itoa(i)+"]", "Copy.Recipients["+strconv.Itoa(i)+"]"))
			})
		},
		"luu":   func(v *yaml.Node) { d.texts(v, "copy.luu", "Copy.Luu", &c.Luu) },
		"esign": func(v *yaml.Node) { c.ESign = d.esignAt(v, "copy.esign", "Copy.ESign") },
	})
	return c
}
