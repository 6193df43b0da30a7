// Package bhytdoc models Vietnamese administrative documents — công văn,
// kế hoạch, báo cáo, tờ trình and the other kinds of Decree 30/2020/NĐ-CP
// — and renders them to PDF as the decree's Appendix I lays them out.
//
// A [Document] is plain data: the kind and issuing body, number, place and
// date, trích yếu, Kính gửi, legal bases, a body of [Block] values in the
// phần–mục–khoản–điểm structure (written in Markdown and read with
// [ParseBody]), signature blocks, Nơi nhận and annex tables. Text is
// written in sentence case without the decree's fixed punctuation; the
// renderer adds the capitals, "V/v", "Kính gửi:", the ";" and "." that end
// list items and the "Lưu:" line.
//
// [Document.Validate] reports every problem at once in a
// [*ValidationError] whose entries name their field ([*FieldError]); a
// rune the font cannot draw is a [*GlyphError], never a blank box.
// [WritePDF] and [RenderPDF] normalise a copy of the document (NFC, one
// tone-mark style), validate it, lay it out and write it; on any error
// they write nothing. [WriteDOCX] writes the document as a Word file and
// [WriteXLSX] its annex tables as an Excel workbook, by the same path;
// [WriteMarkdown] writes it as Markdown for reading. Every writer takes
// the same final strings, so the formats agree to the letter.
// [Options] sets margins, sizes and spacing within the decree's ranges,
// and Options.Archival makes the PDF a PDF/A-2b file for archives. Every
// PDF carries the document's record (number, symbol, issuing body, kind,
// trích yếu, signers, date, recipients, pages) in its XMP metadata, which
// [ReadInfo] reads back, signed or not. [LayoutPDF] and [PDFBook] put many
// documents into one PDF for printing, each on a new page with its own
// page numbers and a bookmark. Output is deterministic, and everything
// here is safe for concurrent use (a PDFBook is filled from one
// goroutine).
//
// Related packages:
//
//   - [github.com/bhytdoc/bhytdoc/batch] renders many documents at once
//     into files, a zip archive or one PDF for printing;
//   - [github.com/bhytdoc/bhytdoc/edxml] writes and reads the edXML
//     packages in which a rendered document is sent to other bodies;
//   - [github.com/bhytdoc/bhytdoc/markdown] writes a Document as a
//     Markdown source and reads document sources (YAML front matter and a
//     Markdown body);
//   - [github.com/bhytdoc/bhytdoc/templates] fills the built-in BHYT
//     letters, plans and reports with data;
//   - [github.com/bhytdoc/bhytdoc/coverage] plans and checks coverage annex
//     tables and writes them as XLSX workbooks;
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the embedded Liberation
//     Serif family and loads a user's own TrueType fonts;
//   - [github.com/bhytdoc/bhytdoc/sign] signs a PDF digitally where the
//     decree places the signer's and the organisation's signatures;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package bhytdoc
