// Package signarea records where a bhytdoc PDF expects its digital
// signatures, so that the signer (package sign) can place each visible
// signature over the image Decree 30 assigns to it without re-running the
// layout.
//
// The record is an XMP packet (the document's /Metadata stream) holding
// one structure per area under the namespace NS:
//
//	<bhytdoc:SignatureAreas><rdf:Seq>
//	  <rdf:li rdf:parseType="Resource">
//	    <bhytdoc:Role>signer</bhytdoc:Role>        signer | organisation
//	    <bhytdoc:Block>0</bhytdoc:Block>           signature block, from 0
//	    <bhytdoc:Page>2</bhytdoc:Page>             page, from 1
//	    <bhytdoc:Rect>x0 y0 x1 y1</bhytdoc:Rect>   PDF points, origin bottom left
//	  </rdf:li>
//	</rdf:Seq></bhytdoc:SignatureAreas>
//
// XMP is the place ISO 32000 and PDF/A give to document-level metadata of
// one's own; the document record (package docmeta) shares the packet.
package signarea

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// NS is the XMP namespace of the bhytdoc properties.
const NS = "https://github.com/bhytdoc/bhytdoc/ns/1.0/"

const rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

// Role values of an Area.
const (
	Signer       = "signer"       // the signer's signature image
	Organisation = "organisation" // the organisation's seal image
)

// Area is the rectangle of one signature or seal image.
type Area struct {
	Role  string
	Block int        // index of the signature block in the document
	Page  int        // 1-based
	Rect  [4]float64 // x0 y0 x1 y1 in PDF points, origin bottom left
}

// maxCoord is the largest page dimension PDF allows (200 inches).
const maxCoord = 14400

// MaxPacket bounds the metadata a reader accepts.
const MaxPacket = 1 << 20

// XMP returns a complete XMP packet holding areas. The output depends only
// on areas (two decimals per coordinate), so documents stay deterministic.
func XMP(areas []Area) []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:bhytdoc=\"" + NS + "\">\n")
	WriteProperty(&b, areas)
	b.WriteString("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString("<?xpacket end=\"w\"?>")
	return b.Bytes()
}

// WriteProperty writes the bhytdoc:SignatureAreas property holding areas,
// for a packet that declares the bhytdoc prefix (see XMP).
func WriteProperty(b *bytes.Buffer, areas []Area) {
	b.WriteString("   <bhytdoc:SignatureAreas>\n    <rdf:Seq>\n")
	for _, a := range areas {
		fmt.Fprintf(b, "     <rdf:li rdf:parseType=\"Resource\"><bhytdoc:Role>%s</bhytdoc:Role>"+
			"<bhytdoc:Block>%d</bhytdoc:Block><bhytdoc:Page>%d</bhytdoc:Page>"+
			"<bhytdoc:Rect>%.2f %.2f %.2f %.2f</bhytdoc:Rect></rdf:li>\n",
			a.Role, a.Block, a.Page, a.Rect[0], a.Rect[1], a.Rect[2], a.Rect[3])
	}
	b.WriteString("    </rdf:Seq>\n   </bhytdoc:SignatureAreas>\n")
}

// Parse reads the areas from an XMP packet. A packet without bhytdoc
// areas gives none and no error; a malformed area is an error naming it.
func Parse(r io.Reader) ([]Area, error) {
	dec := xml.NewDecoder(io.LimitReader(r, MaxPacket))
	var areas []Area
	var cur *Area
	var field string
	var text strings.Builder
	inAreas := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return areas, nil
		}
		if err != nil {
			return nil, fmt.Errorf("signature areas: XMP: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == NS && t.Name.Local == "SignatureAreas":
				areas, inAreas = areas[:0], true
			case inAreas && cur == nil && t.Name.Space == rdfNS && t.Name.Local == "li":
				cur = &Area{Block: -1}
			case cur != nil && t.Name.Space == NS:
				field = t.Name.Local
				text.Reset()
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			switch {
			case cur != nil && t.Name.Space == NS && t.Name.Local == field:
				if err := set(cur, field, strings.TrimSpace(text.String())); err != nil {
					return nil, fmt.Errorf("signature area %d: %w", len(areas)+1, err)
				}
				field = ""
			case cur != nil && t.Name.Space == rdfNS && t.Name.Local == "li":
				if err := check(cur); err != nil {
					return nil, fmt.Errorf("signature area %d: %w", len(areas)+1, err)
				}
				areas = append(areas, *cur)
				cur = nil
			case t.Name.Space == NS && t.Name.Local == "SignatureAreas":
				inAreas = false
			}
		}
	}
}

func set(a *Area, field, v string) error {
	var err error
	switch field {
	case "Role":
		a.Role = v
	case "Block":
		a.Block, err = strconv.Atoi(v)
	case "Page":
		a.Page, err = strconv.Atoi(v)
	case "Rect":
		f := strings.Fields(v)
		if len(f) != 4 {
			return fmt.Errorf("property Rect: %q: want four numbers", v)
		}
		for i, s := range f {
			if a.Rect[i], err = strconv.ParseFloat(s, 64); err != nil {
				break
			}
		}
	}
	if err != nil {
		return fmt.Errorf("property %s: %q: not a number", field, v)
	}
	return nil
}

func check(a *Area) error {
	switch {
	case a.Role != Signer && a.Role != Organisation:
		return fmt.Errorf("property Role: %q: want %s or %s", a.Role, Signer, Organisation)
	case a.Block < 0:
		return fmt.Errorf("property Block: missing or negative")
	case a.Page < 1:
		return fmt.Errorf("property Page: missing or below 1")
	case !(a.Rect[2] > a.Rect[0] && a.Rect[3] > a.Rect[1]):
		return fmt.Errorf("property Rect: %v is empty", a.Rect)
	}
	for _, v := range a.Rect {
		if !(v >= -maxCoord && v <= maxCoord) {
			return fmt.Errorf("property Rect: %v is outside any page", a.Rect)
		}
	}
	return nil
}
