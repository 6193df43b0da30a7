// Package fonts provides the TrueType font families bhytdoc renders with and
// the metrics needed to lay out text before drawing it.
//
// A Family is an immutable set of up to four faces (regular, bold, italic,
// bold italic). Faces are parsed lazily, the first time a document asks for
// that style, and then memoised, so a process pays only for the styles its
// documents use. Families and faces are safe for concurrent use.
//
// Widths computed by Face.Width agree with what the PDF renderer (the fpdf
// fork in bhytdoc/internal/third_party/fpdf) measures and draws: per-rune
// advances rounded to 1/1000 em, summed, without kerning.
//
// Related packages:
//
//   - [github.com/bhytdoc/bhytdoc/batch] renders many documents at once
//     into files, a zip archive or one PDF for printing;
//   - [github.com/bhytdoc/bhytdoc/bhytdoc] holds the document model and
//     renders it to PDF;
//   - [github.com/bhytdoc/bhytdoc/edxml] writes and reads the edXML
//     packages in which a rendered document is sent to other bodies;
//   - [github.com/bhytdoc/bhytdoc/markdown] writes documents as Markdown and
//     reads document sources;
//   - [github.com/bhytdoc/bhytdoc/templates] fills the built-in BHYT
//     letters, plans and reports;
//   - [github.com/bhytdoc/bhytdoc/coverage] plans and checks coverage annex
//     tables;
//   - [github.com/bhytdoc/bhytdoc/sign] signs a PDF digitally where the
//     decree places the signer's and the organisation's signatures;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package fonts
