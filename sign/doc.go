// Package sign adds digital signatures to PDF documents the way Decree
// 30/2020/NĐ-CP, Appendix I, Part II shows them on an electronic
// administrative document: the signer's signature over the signature
// image, between the signer's titles and name, and the issuing
// organisation's signature over the seal image.
//
// PDF signs one document: it appends an incremental update (the original
// bytes stay as they are) holding a CMS signature, SHA-256, over the
// whole file, made with any crypto.Signer, so a key read from a PKCS#12
// file (LoadPKCS12) and a key held on a PKCS#11 token plug in the same
// way. Signing a signed file adds one more signature and keeps the
// earlier ones valid: the signer signs first, then the organisation.
//
// # Placement
//
// A PDF written by bhytdoc records where each signature block's signature
// and seal images are drawn (Areas lists them; the record is an XMP
// packet in the document's metadata, under the namespace
// https://github.com/bhytdoc/bhytdoc/ns/1.0/), and PDF puts the visible
// signature on the image of Options.Role. For other PDFs, and for
// bhytdoc documents drawn without images, Options.Page and Options.Rect
// give the rectangle.
//
// # Signing information
//
// The visible signature shows the signing information Decree 30 prints
// with the images: the name (the signer's, or the issuing body's for the
// organisation: Options.Name, else the certificate's organisation, else
// its common name) and the signing time in ISO 8601 with +07:00
// (2020-05-18T09:30:00+07:00), Times New Roman metrics (Liberation
// Serif) at 10 pt, upright, black. The lines are drawn as the glyphs'
// outlines, filled paths in the appearance's form XObject: they print
// sharp at any resolution, no font enters the PDF, and PDF/A files stay
// PDF/A. The widget
// is the text block (12 pt a line, 1 pt around), centred on the image:
// the signer's at the bottom of the signature image, the organisation's
// at the top of the seal, so they do not meet where the seal overlaps
// the signature image and neither covers the signer's name line below.
// The block is as wide as its widest line and kept on the page; a name
// wider than the page wraps at spaces; a block taller than the image
// grows downward from its top, and one that would leave the page is an
// error, as is a character Liberation Serif cannot draw. The name is
// drawn in NFC.
//
// Options.Appearance replaces the information with the caller's own
// image, drawn over the whole rectangle; Options.NoInfo leaves the
// appearance transparent. Either way the page already shows the
// signature or seal image, and readers show the signature's details
// when it is clicked.
//
// # Keys, services and checking
//
// RSA and ECDSA keys sign; Ed25519 keys are refused (the CMS library
// cannot sign them with SHA-512 as RFC 8419 requires). OpenPKCS11 opens
// a key on a PKCS#11 token (build tag pkcs11, cgo). For a signing
// service that signs a digest, Prepare reserves the signature and
// returns the digest, Complete embeds the returned CMS after checking
// it, and PDFFunc does both around a SignFunc. Options.TSA adds an RFC
// 3161 timestamp. Verify lists and checks the signatures of a PDF.
//
// # Time
//
// The signing time is written in Vietnam's time zone (UTC+07:00), as the
// decree asks, whatever the zone of Options.Time or of the machine. The
// certificate must be valid at that time and at the time the CMS
// signature itself records, which is always the clock's.
//
// # Form
//
// Signatures use SubFilter adbe.pkcs7.detached. The PAdES form
// (ETSI.CAdES.detached) is not available: the signing library
// (github.com/digitorus/pdfsign) writes a fixed SubFilter, and its CMS
// always carries a signing-time attribute, which PAdES baseline
// signatures must not have. Later pdfsign versions add the PAdES form but
// need Go 1.27.
//
// Related packages:
//
//   - [github.com/bhytdoc/bhytdoc/batch] renders many documents at once
//     into files, a zip archive or one PDF for printing;
//   - [github.com/bhytdoc/bhytdoc/bhytdoc] models a document and writes the
//     PDF that is signed here;
//   - [github.com/bhytdoc/bhytdoc/edxml] writes and reads the edXML
//     packages in which a rendered document is sent to other bodies;
//   - [github.com/bhytdoc/bhytdoc/markdown] reads document sources and
//     writes documents as Markdown;
//   - [github.com/bhytdoc/bhytdoc/templates] fills the built-in BHYT
//     letters, plans and reports with data;
//   - [github.com/bhytdoc/bhytdoc/coverage] plans and checks coverage annex
//     tables;
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the font families;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package sign
