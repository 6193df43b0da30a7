// Package pagespec is the one page specification of Decree 30/2020/NĐ-CP
// (Appendix I and the templates of Appendix III) that every writer reads:
// the PDF layout, the DOCX writer and the Markdown view take sizes,
// emphasis, alignment, indents, positions and column widths from here and
// keep no copy of their own.
//
// The API is small and meant to stay stable:
//
//   - Dimensions that do not depend on the kind of document are constants
//     (PageW, SingleSpacing, SignatureSpace, CellPad, MaxHeadLines…).
//   - What depends on the kind is data in a Spec: For(kind) returns it,
//     with Spec.Font(element) giving an element's size, emphasis and
//     alignment, Spec.Head and Spec.Sign the header and signature table
//     columns, and Spec.SummaryUnderNumber where the trích yếu goes.
//     Writers branch on these values, never on the kind itself.
//
// Sizes are in points and lengths in millimetres. A Font of Size 0 is set
// in the body size the user chose (ir.Settings.BodySize).
package pagespec
