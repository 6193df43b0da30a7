package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// md reads a file's block structure only — the markers, which are HTML
// blocks — with no inline parsing: the body's
// content is bhytdoc's body parser's to read. It is configured once and
// only read afterwards: goldmark parsers are safe for concurrent use.
var md = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	)),
)

// Source is a parsed source file: the document and where each of its
// fields was written, for messages about problems found later (a glyph
// the PDF font lacks, say).
type Source struct {
	// Name is the file name given to ParseSource.
	Name string
	// Doc is the document, in canonical form (see Canonical) with tone
	// marks as written.
	Doc        *bhytdoc.Document
	pos        *positions
	annexFiles map[int]*TableFile
}

// Line returns the file and 1-based line where field (a Document path as
// in bhytdoc.FieldError: "Signatures[0].Name", "Body[3].Text[1]") was
// written, or where the nearest enclosing field was — for a missing field,
// its parent's key, and failing that the front matter's first line.
func (s *Source) Line(field string) (string, int) {
	for f := field; f != ""; {
		if p, ok := s.pos.get(f); ok {
			return p.file, p.line
		}
		i := strings.LastIndexAny(f, ".[")
		if i < 0 {
			break
		}
		f = f[:i]
	}
	return s.Name, 1
}

// lineOf is the line where field was written (0: not recorded).
func (s *Source) lineOf(field string) int {
	p, _ := s.pos.get(field)
	return p.line
}

// Locate returns err with every *bhytdoc.FieldError and *bhytdoc.GlyphError
// in it turned into an *Error at the line of its field, as an Errors. Other
// errors are returned as they are.
func (s *Source) Locate(err error) error {
	var ve *bhytdoc.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	out := make(Errors, 0, len(ve.Errors))
	for _, e := range ve.Errors {
		var fe *bhytdoc.FieldError
		var ge *bhytdoc.GlyphError
		switch {
		case errors.As(e, &fe):
			f, l := s.Line(fe.Field)
			out = append(out, &Error{File: f, Line: l, Field: fe.Field, Msg: fe.Msg})
		case errors.As(e, &ge):
			f, l := s.Line(ge.Field)
			out = append(out, &Error{File: f, Line: l, Field: ge.Field,
				Msg: fmt.Sprintf("font %s has no glyph for %U %q", ge.Font, ge.Rune, ge.Rune)})
		default:
			out = append(out, &Error{File: s.Name, Msg: e.Error()})
		}
	}
	sortByLine(out)
	return out
}

// Parse reads a source file — YAML front matter and a Markdown body, as
// the README describes — into a validated document. name is the file name
// used in messages. On failure the error is an Errors listing every
// problem with its line: first all problems of form (YAML syntax, unknown
// or repeated keys, values of the wrong type, Markdown a document cannot
// hold); once the form is sound, every problem bhytdoc's Validate finds,
// such as a missing required field. A source that refers to other files
// (an annex file, a signature image by path) needs ParseFS.
//
// Parse is safe for concurrent use and never panics, whatever src holds.
func Parse(src []byte, name string) (*bhytdoc.Document, error) {
	s, err := ParseSource(src, name, nil)
	if err != nil {
		return nil, err
	}
	return s.Doc, nil
}

// ParseFS is Parse for the file name in fsys; relative paths in its front
// matter are resolved against name's directory and may not leave fsys.
// Every file read must be a regular file of at most MaxFileBytes. Give
// the fsys of an os.Root (root.FS()) so that symbolic links cannot lead
// outside the directory either: os.DirFS follows them anywhere.
func ParseFS(fsys fs.FS, name string) (*bhytdoc.Document, error) {
	src, err := readRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	s, err := ParseSource(src, name, fsys)
	if err != nil {
		return nil, err
	}
	return s.Doc, nil
}

// ParseSource is Parse returning the Source, whose Locate places problems
// found later at their lines. fsys, when not nil, holds the files the
// front matter refers to, relative to path.Dir(name).
func ParseSource(src []byte, name string, fsys fs.FS) (*Source, error) {
	return ParseSourceWith(src, name, fsys, nil)
}

// ParseSourceWith is ParseSource with options; o may be nil. With
// o.Tables set, an annex may take its table from a spreadsheet file:
//
//	annexes:
//	  - file: units.xlsx
//	    sheet: Phụ lục 1
//	    title: Biểu giao chỉ tiêu
func ParseSourceWith(src []byte, name string, fsys fs.FS, o *ParseOptions) (_ *Source, err error) {
	defer func() {
		// Nothing below should panic; should a dependency do so on some
		// input, the caller still gets an error, not a crash.
		if r := recover(); r != nil {
			err = Errors{{File: name, Line: 1, Msg: fmt.Sprintf("internal error reading the file: %v", r)}}
		}
	}()
	errs := Errors{}
	fail := func(line int, format string, args ...any) (*Source, error) {
		errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
		return nil, errs
	}
	// A byte-order mark some editors write first is not content.
	src = bytes.TrimPrefix(src, bom)
	if !utf8.Valid(src) {
		return fail(badUTF8Line(src), "invalid UTF-8")
	}
	delims, firstLen := firstLineDelim(src)
	if delims == 0 {
		return fail(1, "missing front matter: a source file starts with a line \"---\", the YAML fields, and another \"---\"")
	}
	// The front matter is found as goldmark's front-matter extension
	// found it (bhytdoc: no longer linked, for its start-up cost).
	raw := frontMatterText(src, delims, firstLen)
	// The front matter starts on line 2; its closing line must be there.
	end := firstLen + len(raw)
	d, closeLen := firstLineDelim(src[min(end, len(src)):])
	if d != delims {
		return fail(1, "front matter not closed: add a line %q after the YAML fields", strings.Repeat("-", delims))
	}
	// goldmark's tree serves only to find the markers, which are HTML
	// comments: a file without "<!--" has none, and reading it with
	// goldmark cost as much as the rest of Parse (merge reads one such
	// file per letter).
	var root ast.Node
	if bytes.Contains(src, []byte("<!--")) {
		root = md.Parser().Parse(text.NewReader(blankFrontMatter(src, end+closeLen)))
	}
	s := &Source{Name: name, Doc: &bhytdoc.Document{}, pos: newPositions(), annexFiles: map[int]*TableFile{}}
	dir := path.Dir(name)
	dec := &fmDecoder{errs: &errs, file: name, off: 1, fsys: fsys, dir: dir, pos: s.pos, annexFiles: s.annexFiles}
	if o != nil {
		dec.tables = o.Tables
	}
	var node yaml.Node
	if quick, ok := quickYAML(raw); ok {
		dec.document(quick.Content[0], s.Doc)
	} else if err := yaml.Unmarshal(raw, &node); err != nil {
		dec.syntax(err)
	} else if len(node.Content) > 0 {
		dec.document(node.Content[0], s.Doc)
	}
	// Line 1 opens the front matter, the YAML's lines follow, then the
	// closing line: the body starts after it.
	bodyLine := 3 + strings.Count(string(raw), "\n")
	body := &problems{file: name}
	text, marker := bodyText(root, src, end+closeLen, body)
	text, issued := splitIssued(text, bodyLine, marker)
	blocks, lines := parseBody(text, bodyLine, body)
	s.Doc.Body = blocks
	lines = s.specialLines(lines, body)
	s.pos.set("Body", pos{name, bodyLine})
	s.pos.setLines("Body", name, lines)
	s.issuedBody(issued, marker+1, marker, body)
	errs = append(errs, body.errs...)
	if len(errs) > 0 {
		sortByLine(errs)
		return nil, errs
	}
	// canonical and Validate, in place (s.Doc is Parse's own) and with
	// one pass over the texts: settle changes no text, nor where one is.
	// An annex table read from a file is its TableReader's: a copy is
	// normalised, as canonical did.
	if len(s.annexFiles) > 0 {
		s.Doc = s.Doc.Clone()
	}
	check := normalizeChecked(mergeSpans(s.Doc), bhytdoc.ToneAsWritten)
	s.Doc = settle(s.Doc)
	if err := check(); err != nil {
		return nil, s.Locate(err)
	}
	return s, nil
}

// frontMatterText returns the front matter's text as goldmark's
// front-matter extension reads it: src from firstLen (the length of the
// opening line of delims dashes) to the first line of exactly as many
// dashes, or to the end when there is none.
func frontMatterText(src []byte, delims, firstLen int) []byte {
	for i := firstLen; i < len(src); {
		line := src[i:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j+1]
		}
		if d, _ := firstLineDelim(line); d == delims {
			return src[firstLen:i]
		}
		i += len(line)
	}
	return src[firstLen:]
}

// blankFrontMatter returns a copy of src whose first n bytes, the front
// matter and its delimiter lines, are spaces but for the line ends: every
// offset and line stays, and goldmark reads blank lines where its
// front-matter extension removed the front matter's block from the tree.
func blankFrontMatter(src []byte, n int) []byte {
	b := bytes.Clone(src)
	for i := range b[:n] {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
	return b
}

// badUTF8Line returns the 1-based line of the first invalid UTF-8 in b.
func badUTF8Line(b []byte) int {
	_, err := typo.Clean(string(b))
	var ie *typo.InvalidUTF8Error
	if !errors.As(err, &ie) {
		return 1
	}
	return 1 + bytes.Count(b[:ie.Offset], []byte{'\n'})
}

// readBody converts the body, src[start:] starting on line bodyLine, with
// bhytdoc's body parser (ParseBody counting lines from bodyLine), adding its problems to p. root is goldmark's
// tree of the whole file, in which the markers around the generated header
// and footer are top-level HTML blocks: the lines between them are blanked
// out of the text bhytdoc reads, so that nothing is read back from them
// while every other line keeps its number. The markers themselves stay, as
// comments bhytdoc skips, still separating what comes before and after.
// A region left open runs to the end of the file.
func readBody(root ast.Node, src []byte, start, bodyLine int, p *problems) ([]bhytdoc.Block, []int) {
	text, _ := bodyText(root, src, start, p)
	return parseBody(text, bodyLine, p)
}

// bodyText is the text readBody reads, and the line of the issued
// document's marker (0: none). A nil root is a body without markers.
func bodyText(root ast.Node, src []byte, start int, p *problems) (string, int) {
	marker := 0
	var body strings.Builder
	body.Grow(len(src) - start)
	kept := start // src[start:kept] has been copied into body
	lineOf := func(n ast.Node) int { return 1 + bytes.Count(src[:n.Pos()], []byte{'\n'}) }
	if root == nil {
		return string(src[start:]), 0
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.HTMLBlock)
		if !ok || !isComment(h) {
			continue
		}
		t := htmlText(h, src)
		var closing string
		switch t {
		case headerOpen:
			closing = headerClose
		case footerOpen:
			closing = footerClose
		case issuedMark:
			if marker != 0 {
				p.add(lineOf(n), "", "%s given twice (first on line %d): a decision issues one document", t, marker)
			}
			marker = lineOf(n)
			continue
		case headerClose, footerClose:
			p.add(lineOf(n), "", "%s without its opening marker", t)
			continue
		default:
			if strings.HasPrefix(t, "<!-- bhytdoc:") || strings.HasPrefix(t, "<!-- /bhytdoc:") {
				p.add(lineOf(n), "", "unknown marker %s (want %s, %s or %s)", t, headerOpen, footerOpen, issuedMark)
			}
			continue // a comment: a note for editors
		}
		open := n
		for n = n.NextSibling(); n != nil; n = n.NextSibling() {
			if h, ok := n.(*ast.HTMLBlock); ok && isComment(h) && htmlText(h, src) == closing {
				break
			}
		}
		// A marker is a line of its own: blank from the next line to the
		// line of the closing marker.
		from := max(lineEnd(src, open.Lines().At(0).Start), kept)
		to := len(src)
		if n != nil {
			to = bytes.LastIndexByte(src[:n.Lines().At(0).Start], '\n') + 1
		}
		to = max(to, from)
		body.Write(src[kept:from])
		body.WriteString(strings.Repeat("\n", bytes.Count(src[from:to], []byte{'\n'})))
		kept = to
		if n == nil {
			p.add(lineOf(open), "", "%s is not closed by %s", t, closing)
			break
		}
	}
	body.Write(src[kept:])
	return body.String(), marker
}

// parseBody reads body text starting on file line line with
// bhytdoc's body parser, adding its problems to p.
func parseBody(text string, line int, p *problems) ([]bhytdoc.Block, []int) {
	blocks, lines, err := parseBodyLines(text, line)
	var se bhytdoc.SyntaxErrors
	if errors.As(err, &se) {
		for _, e := range se {
			p.add(e.Line, "", "%s", e.Msg)
		}
	}
	return blocks, lines
}

// lineEnd returns the offset just after the line holding src[off].
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

// isComment reports whether h is an HTML comment block (<!-- … -->).
func isComment(h *ast.HTMLBlock) bool {
	return h.HTMLBlockType == ast.HTMLBlockType2
}

// htmlText returns the source of an HTML block, its lines joined.
func htmlText(h *ast.HTMLBlock, src []byte) string {
	var sb strings.Builder
	for i := 0; i < h.Lines().Len(); i++ {
		s := h.Lines().At(i)
		sb.Write(s.Value(src))
	}
	if h.HasClosure() {
		sb.Write(h.ClosureLine.Value(src))
	}
	return strings.TrimSpace(sb.String())
}
