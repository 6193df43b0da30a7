package edxml

import (
	"bufio"
	"encoding/base64"
	"encoding/xml"
	"io"
	"strconv"
)

// Write writes p to w as an edXML package, after Validate. The layout is
// the public sample's: the root edXML in the default namespace, the
// envelope and its elements with the prefix edXML, the attachments'
// bytes in AttachmentEncoded after the envelope, each on one base64
// line. The same package gives the same bytes.
func Write(w io.Writer, p *Package) error {
	if err := p.Validate(); err != nil {
		return err
	}
	x := &xw{w: bufio.NewWriterSize(w, 64<<10)}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<edXML xmlns="` + Namespace + `">` + "\n")
	x.raw(`  <edXML:edXMLEnvelope xmlns:edXML="` + Namespace + `">` + "\n")
	x.open(2, "edXMLHeader")
	x.messageHeader(&p.Header)
	x.trace(&p.Header.Trace)
	if p.Header.Signature != "" {
		x.raw("      <Signature>" + p.Header.Signature + "</Signature>\n")
	}
	x.close(2, "edXMLHeader")
	x.open(2, "edXMLBody")
	x.raw(`      <edXML:edXMLManifest version="1.0">` + "\n")
	for i := range p.Attachments {
		a := &p.Attachments[i]
		x.open(4, "Reference")
		x.text(5, "ContentId", a.ContentID)
		x.text(5, "ContentType", a.ContentType)
		x.text(5, "Description", a.Description)
		x.text(5, "AttachmentName", a.Name)
		x.close(4, "Reference")
	}
	x.close(3, "edXMLManifest")
	x.close(2, "edXMLBody")
	x.close(1, "edXMLEnvelope")
	x.raw("  <AttachmentEncoded>\n")
	for i := range p.Attachments {
		a := &p.Attachments[i]
		x.raw("    <Attachment>\n")
		x.plain(3, "ContentId", a.ContentID)
		x.plain(3, "AttachmentName", a.Name)
		x.plain(3, "Description", a.Description)
		x.plain(3, "ContentType", a.ContentType)
		x.raw(`      <edXML:ContentTransferEncoded xmlns:edXML="` + Namespace + `">`)
		if x.err == nil {
			enc := base64.NewEncoder(base64.StdEncoding, x.w)
			_, x.err = enc.Write(a.Data)
			if x.err == nil {
				x.err = enc.Close()
			}
		}
		x.raw("</edXML:ContentTransferEncoded>\n")
		x.raw("    </Attachment>\n")
	}
	x.raw("  </AttachmentEncoded>\n</edXML>\n")
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

func (x *xw) messageHeader(h *Header) {
	x.open(3, "MessageHeader")
	x.org(4, "From", &h.From)
	for i := range h.To {
		x.org(4, "To", &h.To[i])
	}
	x.text(4, "DocumentId", h.DocumentID)
	x.open(4, "Code")
	x.text(5, "CodeNumber", h.Code.Number)
	x.text(5, "CodeNotation", h.Code.Notation)
	x.close(4, "Code")
	x.open(4, "PromulgationInfo")
	x.text(5, "Place", h.Promulgation.Place)
	x.text(5, "PromulgationDate", h.Promulgation.Date)
	x.close(4, "PromulgationInfo")
	x.open(4, "DocumentType")
	x.text(5, "Type", strconv.Itoa(h.DocumentType.Type))
	x.text(5, "TypeDetail", strconv.Itoa(h.DocumentType.TypeDetail))
	x.text(5, "TypeName", h.DocumentType.TypeName)
	x.close(4, "DocumentType")
	x.text(4, "Subject", h.Subject)
	x.text(4, "Content", h.Content)
	x.open(4, "SignerInfo")
	x.text(5, "Competence", h.Signer.Competence)
	x.text(5, "Position", h.Signer.Position)
	x.text(5, "FullName", h.Signer.FullName)
	x.close(4, "SignerInfo")
	if h.DueDate != "" {
		x.text(4, "DueDate", h.DueDate)
	}
	o := &h.Other
	x.open(4, "OtherInfo")
	x.text(5, "Priority", strconv.Itoa(o.Priority))
	x.text(5, "SphereOfPromulgation", o.SphereOfPromulgation)
	x.text(5, "TyperNotation", o.TyperNotation)
	x.text(5, "PromulgationAmount", strconv.Itoa(o.PromulgationAmount))
	x.text(5, "PageAmount", strconv.Itoa(o.PageAmount))
	x.text(5, "Direction", strconv.FormatBool(o.Direction))
	x.open(5, "Appendixes")
	for _, s := range o.Appendixes {
		x.text(6, "Appendix", s)
	}
	x.close(5, "Appendixes")
	x.close(4, "OtherInfo")
	x.text(4, "SteeringType", strconv.Itoa(h.SteeringType))
	x.open(4, "ToPlaces")
	for _, s := range h.ToPlaces {
		x.text(5, "Place", s)
	}
	x.close(4, "ToPlaces")
	x.close(3, "MessageHeader")
}

func (x *xw) org(depth int, name string, o *Organization) {
	x.open(depth, name)
	x.text(depth+1, "OrganId", o.OrganID)
	x.text(depth+1, "OrganizationInCharge", o.InCharge)
	x.text(depth+1, "OrganName", o.Name)
	x.text(depth+1, "OrganAdd", o.Address)
	x.text(depth+1, "Email", o.Email)
	x.text(depth+1, "Telephone", o.Telephone)
	x.text(depth+1, "Fax", o.Fax)
	x.text(depth+1, "Website", o.Website)
	x.close(depth, name)
}

func (x *xw) trace(t *TraceList) {
	x.open(3, "TraceHeaderList")
	for _, th := range t.Headers {
		x.open(4, "TraceHeader")
		x.text(5, "OrganId", th.OrganID)
		x.text(5, "Timestamp", th.Timestamp)
		x.close(4, "TraceHeader")
	}
	if b := t.Business; b != nil {
		x.open(4, "Bussiness")
		x.text(5, "DocumentId", b.DocumentID)
		x.text(5, "BussinessDocType", strconv.Itoa(b.DocType))
		x.text(5, "BussinessDocReason", b.Reason)
		x.text(5, "Paper", strconv.Itoa(b.Paper))
		if s := b.Staff; s != nil {
			x.open(5, "StaffInfo")
			x.text(6, "Department", s.Department)
			x.text(6, "Staff", s.Staff)
			x.text(6, "Email", s.Email)
			x.text(6, "Mobile", s.Mobile)
			x.close(5, "StaffInfo")
		}
		x.close(4, "Bussiness")
	}
	x.close(3, "TraceHeaderList")
}

// xw writes indented XML, keeping the first error.
type xw struct {
	w   *bufio.Writer
	err error
}

func (x *xw) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

func (x *xw) indent(depth int) {
	for range depth {
		x.raw("  ")
	}
}

func (x *xw) open(depth int, name string) {
	x.indent(depth)
	x.raw("<edXML:" + name + ">\n")
}

func (x *xw) close(depth int, name string) {
	x.indent(depth)
	x.raw("</edXML:" + name + ">\n")
}

// text writes a prefixed element holding s, escaped.
func (x *xw) text(depth int, name, s string) {
	x.indent(depth)
	x.raw("<edXML:" + name + ">")
	x.escape(s)
	x.raw("</edXML:" + name + ">\n")
}

// plain writes an element in the default namespace, as the sample writes
// an attachment's own elements.
func (x *xw) plain(depth int, name, s string) {
	x.indent(depth)
	x.raw("<" + name + ">")
	x.escape(s)
	x.raw("</" + name + ">\n")
}

func (x *xw) escape(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}
