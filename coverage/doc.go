// Package coverage plans, checks and writes the annex tables of
// health-insurance (BHYT) coverage that Vietnamese administrative
// documents carry: a row per commune-level unit (xã, phường, thị trấn),
// and for each milestone the number of people participating, the number
// not yet participating, the population and the coverage rate, with a
// totals row "Cộng".
//
// # Model
//
// A Table holds, per unit and milestone, only the two counts that are
// facts: participants and population (Figures). The number not yet
// participating and the rate are derived, so a Table cannot contradict
// itself; rates are exact fractions (Rate) rounded only for display, half
// away from zero, with one decimal in annexes and two in letters
// ("78,11%").
//
// # Planning
//
// PlanTargets turns baselines and milestones into a Table; its
// documentation gives the rounding rules (participants needed round up,
// never down; no unit goes backwards; population growth rounds half up).
// Schedule writes the sentence letters quote: "Đến ngày 30/6/2020 phải đạt
// 85%, ngày 30/9/2020 phải đạt 89%". Row.New gives the participants each
// unit must enrol between milestones.
//
// # Output
//
// Table.Annex builds a bhytdoc.Annex to put in a Document's Annexes, which
// bhytdoc.RenderPDF prints (header rows repeated on each page, landscape
// when wide) and package markdown writes as a GFM table. WriteXLSX writes
// a workbook whose rates, non-participants and totals are formulas with
// cached values. WriteMarkdown writes a summary of a plan on its own: the
// schedule, the table and the new participants per unit.
//
// # Checking
//
// Check reports every arithmetic inconsistency in any annex table, typed
// by hand or read with ReadAnnexXLSX or ReadAnnexCSV, naming the row,
// milestone and column with the expected and the stated value. It never
// corrects anything.
//
// # Input
//
// ReadCSV and ReadXLSX read baselines from a file with a header row;
// Vietnamese numbers ("10.125", "98,8") are accepted and errors name the
// file, sheet, row and column: each is, or wraps, a *RowError, the one
// error type for a row or cell of a file of rows (the CLI's and the
// server's merge rows files use it too).
//
// ReadTable reads any annex table, coverage or not, from a workbook or CSV
// file for a Markdown source's annexes (it is a markdown.TableReader);
// CheckAt checks such a table naming each finding's cell in the file.
// CheckAnnexes refuses a parsed source whose coverage annexes are wrong
// with an *AnnexError.
//
// Everything here is safe for concurrent use; nothing keeps global state.
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
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the font families
//     documents are drawn with;
//   - [github.com/bhytdoc/bhytdoc/sign] signs a PDF digitally where the
//     decree places the signer's and the organisation's signatures;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package coverage
