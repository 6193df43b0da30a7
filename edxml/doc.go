// Package edxml writes and reads edXML packages, the data packages in
// which Vietnamese state bodies exchange electronic documents (QCVN
// 102:2016/BTTTT, issued by Circular 10/2016/TT-BTTTT, amended by
// Circular 01/2022/TT-BTTTT): the e-office system of the sender wraps
// the signed file in a package and sends it through the provincial
// integration platform (LGSP) or the national exchange hub.
//
// A package is an XML document in the namespace
// http://www.mic.gov.vn/TBT/QCVN_102_2016 with the root edXML: an
// edXMLEnvelope holding the edXMLHeader (the MessageHeader describing the
// document, the TraceHeaderList, a signature) and the edXMLBody whose
// edXMLManifest has a Reference per attached file, then the files
// themselves, base64-encoded, in AttachmentEncoded.
//
// FromDocument fills the header from a bhytdoc document and attaches the
// rendered (and signed) PDF and optionally the DOCX; Write writes it;
// Read reads a package back. Read refuses document type declarations and
// so every entity definition, bounds the XML it holds
// (ReadOptions.MaxHeaderBytes) and the attachments' size, and decodes the
// attachments' base64 as it streams: with ReadOptions.Content an
// attachment of any size passes through a few buffers.
//
// bhytdoc does not send packages: the platforms take them in an HTTP
// request with the platform's credentials, as the README shows.
//
// Related packages:
//
//   - [github.com/bhytdoc/bhytdoc/bhytdoc] models a document and renders
//     the PDF and DOCX sent here;
//   - [github.com/bhytdoc/bhytdoc/markdown] reads document sources,
//     including the identifier codes a package needs;
//   - [github.com/bhytdoc/bhytdoc/sign] signs the PDF before it is sent;
//   - [github.com/bhytdoc/bhytdoc/batch] renders many documents at once;
//   - [github.com/bhytdoc/bhytdoc/templates] fills the built-in BHYT
//     letters, plans and reports with data;
//   - [github.com/bhytdoc/bhytdoc/coverage] plans and checks coverage annex
//     tables;
//   - [github.com/bhytdoc/bhytdoc/fonts] provides the font families;
//   - [github.com/bhytdoc/bhytdoc/server] serves the library over HTTP (an
//     API for e-office systems in any language) and a web page for clerks.
package edxml
