// Package markdown writes bhytdoc documents as Markdown and reads document
// sources written in Markdown.
//
// A source file is YAML front matter holding the structured fields — kind,
// issuer, number, place and date, summary, recipients, signatures, Nơi
// nhận, annex tables — followed by a Markdown body in bhytdoc.ParseBody's
// conventions. The README describes it with a complete
// example. Parse reads a source into a validated document; every problem
// comes back at once, each with its file and line.
//
// An annex may be kept in a file beside the source: a YAML or JSON file
// holding the whole annex, read by ParseFS, or a workbook or CSV file
// holding its table, read by ParseSourceWith through a TableReader such
// as coverage.ReadTable (package markdown reads no spreadsheets itself:
// coverage, which does, imports it). Written back, such tables are inline.
//
// # Round trip
//
// Write's output is itself a source file. After the front matter it shows
// the document as it reads on paper — the header (issuing body, number,
// place and date, title or V/v line, Kính gửi, legal bases), the body, the
// signature block, Nơi nhận and each annex as a GFM table — so that the
// file reads well on a web portal or in a chat group. The parts shown from
// the front matter are fenced by HTML comments, <!-- bhytdoc:header -->
// … <!-- /bhytdoc:header --> and <!-- bhytdoc:footer --> … <!--
// /bhytdoc:footer -->, which portals do not display; Parse skips what lies
// between them (goldmark reports each marker as an HTML block) and reads
// only the body in between. The front matter stays the one place each
// field is written, so nothing is parsed back from text made for reading:
// an annex table, for instance, keeps its multi-level header and column
// widths in the front matter, while the GFM table shows it flattened.
//
// Parse(Write(d)) equals Canonical(d, tone) — d normalised, with the few
// choices the model leaves open settled — and writing the result again
// gives the same bytes. Body text reads back exactly: Escape backslash-
// escapes what Markdown would take for markup, and where CommonMark's
// emphasis rules leave no way to delimit a span (a bold span that starts
// with punctuation right after a letter, say) the offending neighbour is
// written as a character reference.
//
// The header and footer are not written here: they are
// bhytdoc.WriteMarkdown's, made from the same renderer-neutral form as the
// PDF and DOCX, so that a capitalised title or the ";" of a Nơi nhận line
// reads the same in every format. Options.Publish writes
// bhytdoc.WriteMarkdown's output itself, for reading only.
//
// Related packages:
//
//   - [github.com/bhytdoc/bhytdoc/batch] renders many documents at once
//     into files, a zip archive or one PDF for printing;
//   - [github.com/bhytdoc/bhytdoc/bhytdoc] holds the document model and
//     renders it to PDF, DOCX, XLSX and Markdown for reading;
//   - [github.com/bhytdoc/bhytdoc/edxml] writes and reads the edXML
//     packages in which a rendered document is sent to other bodies;
//   - [github.com/bhytdoc/bhytdoc/templates] fills the built-in BHYT
//     letters, plans and reports;
//   - [github.com/bhytdoc/bhytdoc/coverage] plans and checks coverage annex
//     tables;
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the font families
//     documents are drawn with;
//   - [github.com/bhytdoc/bhytdoc/sign] signs a PDF digitally where the
//     decree places the signer's and the organisation's signatures;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package markdown
