// Package templates fills the built-in templates for recurring health-
// insurance (bảo hiểm y tế, BHYT) documents with data:
//
//   - cong-van-bhyt: a công văn urging agencies to raise coverage, with a
//     schedule of milestones (like the Cái Răng and Sơn Dương seeds);
//   - ke-hoach-bhyt: a kế hoạch for reaching a coverage target, sections
//     I–IV and an annex of targets by unit (like the Nam Toàn seed);
//   - bao-cao-bhyt: a báo cáo of coverage results with an annex table of
//     results by unit;
//   - cong-van-xa-bhyt: the công văn to one commune or ward with its own
//     share of a plan — its figures, and per milestone its target, the
//     participants needed and the new enrolments (bhytdoc merge
//     --milestone fills these from a table of units);
//   - quyet-dinh-giao-chi-tieu: the quyết định assigning the targets
//     (authority line, Căn cứ, "QUYẾT ĐỊNH:", Điều 1–3), its annex
//     planned from the units (bhytdoc new --baseline).
//
// The công văn templates name the social insurance office of a district
// ("Bảo hiểm xã hội quận Cái Răng"), never of a ward: give CoQuanBHXH when
// DiaBan is not a district or province. Targets above 100% or below the
// rate already reached are errors naming the unit.
//
// Each template is a Markdown source file (see bhytdoc/markdown) with Go
// text/template placeholders. The data is a Go struct or map — decoded
// JSON or YAML on the command line — whose fields the template names:
// testdata/*.json holds a complete example for each. A field the template
// uses that the data lacks is an error naming the field, never a
// "<no value>" printed in an official letter.
//
// Template functions format values the Vietnamese way: so (12.345), tyle
// (78,11%), phantram (a share as a percentage), thapphan, ngay ("ngày 18
// tháng 5 năm 2020"), ngayso (18/5/2020), chenhlech ("tăng 1,20 điểm phần
// trăm"); cong adds ({{cong $i 1}}), tru subtracts, tong sums a field
// over a list; md escapes text for the Markdown body, yaml and yamls quote it
// for the front matter, so that no data can change the document's
// structure. Values are checked against their use: text, md and yaml take
// text only (not a number or true/false), items a list with at least one
// item (what a sentence or a section enumerates), list any list.
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
//   - [github.com/bhytdoc/bhytdoc/coverage] plans and checks coverage annex
//     tables;
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the font families
//     documents are drawn with;
//   - [github.com/bhytdoc/bhytdoc/sign] signs a PDF digitally where the
//     decree places the signer's and the organisation's signatures;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package templates
