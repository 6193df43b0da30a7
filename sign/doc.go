// Package sign adds digital signatures to PDF documents the way Decree
// 30/2020/NĐ-CP, Appendix I, Part II shows them on an electronic
// administrative document: the signer's signature over the signature
// image, between the signer's titles and name, and the issuing
// organisation's signature over the seal image.
//
// PDF signs one document: it appends an incremental update (the original
// bytes are kept unchanged) holding a CMS signature over the whole file,
// SHA-256, made with any crypto.Signer, so a key read from a PKCS#12 file
// (LoadPKCS12) and a key held on a PKCS#11 token plug in the same way.
// Signing a signed file again adds a second signature and keeps the first
// valid: the signer signs first, then the organisation.
//
// A PDF written by bhytdoc records where its signature and seal images
// are drawn (Areas lists them), and PDF places the visible signature
// there according to Options.Role. For other PDFs Options.Page and
// Options.Rect give the rectangle.
//
// The signing time is written in Vietnam's time zone (UTC+07:00), as the
// decree asks, whatever the zone of Options.Time or of the machine.
//
// The signatures use SubFilter adbe.pkcs7.detached: the signing library
// (github.com/digitorus/pdfsign) does not yet write the PAdES form
// ETSI.CAdES.detached.
package sign
