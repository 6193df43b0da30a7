// Package bridge lends sibling packages of the module functions of
// package bhytdoc (and one of package templates) that are no part of its
// public API: the pieces package markdown builds its source form from,
// and the check a batch runs before writing anything. An internal
// package cannot name bhytdoc's types without an import cycle, so each
// function is held as an any that bhytdoc sets in its init, and a user
// asserts it to the type its comment gives, once, in a package-level
// variable. Importing bhytdoc runs that init first, so the assertion
// always sees the function; a wrong type panics when the user's package
// is initialised, which any of its tests shows.
//
// This is the pattern the standard library uses between a package and
// its internal helpers (net/http and its internal packages, os and
// internal/testlog): the helper holds the hook, the owner fills it.
package bridge

// MarkdownParts is a
//
//	func(d *bhytdoc.Document, o *bhytdoc.Options) (header, footer []byte, normalized *bhytdoc.Document, err error)
//
// returning the parts of d's Markdown that are generated from its fields,
// as bhytdoc.WriteMarkdown writes them: the header (up to the body) and
// the footer (from the attachment notes to the annexes), with the
// normalised copy of d they were written from. Errors are WriteMarkdown's.
var MarkdownParts any

// CheckPDF is a
//
//	func(d *bhytdoc.Document, o *bhytdoc.Options) error
//
// reporting what bhytdoc.RenderPDF would refuse — invalid options, a
// *bhytdoc.ValidationError, a *bhytdoc.GlyphError — without laying d out.
var CheckPDF any

// ParseBodyLines is a
//
//	func(md string, firstLine int) (blocks []bhytdoc.Block, lines []int, err error)
//
// that is bhytdoc.ParseBody also returning the 1-based line of each block
// (lines[i] for blocks[i]), counting md's first line as firstLine, in the
// bhytdoc.SyntaxErrors too. md must be valid UTF-8 (package markdown
// checks its whole file first): it is not checked again.
var ParseBodyLines any

// NormalizeChecked is a
//
//	func(d *bhytdoc.Document, tone bhytdoc.ToneStyle) (check func() error)
//
// that normalises d's texts in place, as d.Normalized(tone) does for a
// copy, and checks each text's runes as d.Validate does, in the one pass;
// check, called once the caller has finished with d's form, completes
// Validate (the checks of d's fields) and returns its error. Parse uses
// it on the document it built: one pass over the texts, not two.
var NormalizeChecked any

// CheckedCommon is a
//
//	func(template string, common map[string]any) map[string]any
//
// set by package templates: for each field of template whose value in
// common checks without a problem, the value the data check makes of it
// (the check of templates.Fill); nil for a template that declares no
// fields. A merge checks its common data once, not once per letter, and
// passes each such value in a letter's data as a Checked.
var CheckedCommon any

// Checked is a value of a template's data that the data check has made
// already: the check takes V as it is.
type Checked struct{ V any }
