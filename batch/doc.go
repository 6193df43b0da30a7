// Package batch renders many documents at once — one công văn to each
// commune of a province, say — over all cores, with bounded memory and
// output that does not depend on scheduling.
//
// A [Renderer] reads documents from an iterator ([iter.Seq2] of [Item]
// and error), lays them out and renders them with [Renderer.Jobs]
// goroutines, and hands them in input order to a [Sink]: a directory of
// files ([DirSink]), a zip archive ([ZipSink]) or one PDF for printing
// ([BookSink], every letter on a new page or sheet, fonts embedded once,
// one bookmark per letter; [BookFile] writes it to a file, all or nothing). Only a few documents per goroutine are in
// memory at once, however long the input; a BookSink writes its pages out
// a thousand at a time.
//
// [FileName] and [Names] turn a field of the data (a commune's name) into
// safe, unique file names; a [Shard] splits a batch deterministically
// among machines.
//
// Related packages:
//
//   - [github.com/bhytdoc/bhytdoc/bhytdoc] holds the document model and
//     renders one document to PDF or DOCX (PDFBook is the combined PDF);
//   - [github.com/bhytdoc/bhytdoc/edxml] writes and reads the edXML
//     packages in which a rendered document is sent to other bodies;
//   - [github.com/bhytdoc/bhytdoc/templates] fills the built-in letters,
//     plans and reports with each row's data;
//   - [github.com/bhytdoc/bhytdoc/markdown] writes documents as Markdown
//     and reads document sources;
//   - [github.com/bhytdoc/bhytdoc/coverage] plans the targets whose share
//     each commune's letter quotes;
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the font families
//     documents are drawn with;
//   - [github.com/bhytdoc/bhytdoc/sign] signs a PDF digitally where the
//     decree places the signatures;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package batch
