package bhytdoc_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pkcs7"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// The PDF/A-2b rules checked here, each directly (no PDF/A validator can
// be installed on the build machines). ISO 19005-2 clause numbers.
//
//	6.1.2   header %PDF-1.7, then a comment line of at least 4 bytes > 127
//	6.1.3   trailer /ID (two 16-byte strings; here the SHA-256 of the file
//	        before it), no /Encrypt, nothing after %%EOF but one EOL
//	6.1.7   no /F, /FFilter, /FDecodeParms in stream dictionaries;
//	        stream lengths right (qpdf --check is clean, no warnings)
//	6.2.2   exactly one output intent, /S /GTS_PDFA1, its
//	        DestOutputProfile an RGB monitor ICC profile with /N 3 (so
//	        DeviceRGB and DeviceGray may be used)
//	6.2.4.3 content streams use gray and RGB colour operators only (no
//	        k/K, cs/CS, sc/scn); images are DeviceRGB, DeviceGray or
//	        Indexed DeviceRGB (soft masks DeviceGray)
//	6.2.5   graphics states without TR/TR2 (other than Default), HT, HTP,
//	        HTO; blend modes standard (6.2.10: transparency is allowed)
//	6.2.8   images without /Alternates, /OPI, /Interpolate true
//	6.2.11  every font embedded (pdffonts; and every font dictionary in the
//	        file has a font program); CIDFontType2 fonts have /CIDToGIDMap;
//	        no /CIDSet (which would have to be complete); every character
//	        shown maps to a glyph of the embedded program other than
//	        .notdef, and its /W width equals the program's advance width
//	        (hmtx, scaled to 1000/em) to within 1 unit
//	6.3     every annotation has /F with Print set and Hidden, Invisible,
//	        NoView, ToggleNoView clear, an /AP holding only /N, no /A, /AA
//	6.5, 6.8 no catalog /AA, no JavaScript, no embedded files
//	6.4     no NeedAppearances true; each signature's PKCS#7 holds the
//	        signer's certificate and exactly one SignerInfo; the last
//	        signature covers the whole file (pdfsig)
//	6.6.2   a /Metadata stream in the catalog, /Type /Metadata /Subtype
//	        /XML, unfiltered; the xpacket header has no bytes or encoding
//	        attribute; pdfaid:part 2, pdfaid:conformance B
//	6.6.2.3 every property outside the predefined schemas (all bhytdoc:
//	        ones, and the fields of their structures) is described in a
//	        pdfaExtension schema with the right namespace and prefix, and
//	        every value type named there is a predefined one or defined
//	        in the schema
//	6.6.3   (PDF/A-1 6.7.3, kept) Info and XMP agree: Title = dc:title,
//	        Author = dc:creator, Subject = dc:description, Creator =
//	        xmp:CreatorTool, Producer = pdf:Producer, CreationDate =
//	        xmp:CreateDate and ModDate = xmp:ModifyDate (same instant and
//	        same UTC offset); xmp:MetadataDate present
//
// All of it is checked again after signing twice (signer, organisation).

// qpdfObjects returns the objects of file as qpdf's JSON (version 2)
// gives them: "obj:N 0 R" → {"value": …} or {"stream": {"dict": …}}, and
// "trailer".
func qpdfObjects(t *testing.T, file string) map[string]map[string]any {
	t.Helper()
	out := run(t, "qpdf", "--json=2", "--json-key=qpdf", file)
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	objs := map[string]map[string]any{}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	return objs
}

// dict returns the dictionary of v: a direct one, or the object (or the
// stream's dictionary) a reference "N 0 R" names.
func dict(objs map[string]map[string]any, v any) map[string]any {
	if s, ok := v.(string); ok && strings.HasSuffix(s, " R") {
		o := objs["obj:"+s]
		if st, ok := o["stream"].(map[string]any); ok {
			v = st["dict"]
		} else {
			v = o["value"]
		}
	}
	d, _ := v.(map[string]any)
	return d
}

func qpdfString(v any) string {
	s, _ := v.(string)
	if u, ok := strings.CutPrefix(s, "u:"); ok {
		return u
	}
	if b, ok := strings.CutPrefix(s, "b:"); ok {
		raw, _ := hex.DecodeString(b)
		return string(raw)
	}
	return s
}

// xnode is an XML element with everything in it, for walking the XMP.
type xnode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []xnode    `xml:",any"`
}

const (
	rdfNS  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	bhytNS = "https://github.com/bhytdoc/bhytdoc/ns/1.0/"
)

// predefined are the schemas of XMP and PDF/A that need no description.
var predefined = map[string]bool{
	"http://www.aiim.org/pdfa/ns/id/":        true,
	"http://purl.org/dc/elements/1.1/":       true,
	"http://ns.adobe.com/xap/1.0/":           true,
	"http://ns.adobe.com/pdf/1.3/":           true,
	"http://www.aiim.org/pdfa/ns/extension/": true,
}

var predefinedTypes = []string{"Text", "Integer", "Boolean", "Date", "Real", "URI", "Seq Text"}

// xmpProps returns the properties of every rdf:Description, keyed by
// namespace and name.
func xmpProps(t *testing.T, packet []byte) map[xml.Name]xnode {
	t.Helper()
	var root xnode
	if err := xml.Unmarshal(packet, &root); err != nil {
		t.Fatalf("XMP is not well-formed XML: %v", err)
	}
	props := map[xml.Name]xnode{}
	for _, rdf := range root.Kids {
		for _, d := range rdf.Kids {
			if d.XMLName != (xml.Name{Space: rdfNS, Local: "Description"}) {
				t.Fatalf("unexpected %v in rdf:RDF", d.XMLName)
			}
			for _, p := range d.Kids {
				if _, dup := props[p.XMLName]; dup {
					t.Errorf("XMP property %v given twice", p.XMLName)
				}
				props[p.XMLName] = p
			}
		}
	}
	return props
}

// liTexts returns the texts of the rdf:li of a property's Alt/Seq/Bag.
func liTexts(p xnode) []string {
	var out []string
	for _, c := range p.Kids {
		for _, li := range c.Kids {
			out = append(out, li.Text)
		}
	}
	return out
}

// infoDate parses an Info date with its offset, D:YYYYMMDDHHmmSS+HH'mm'.
func infoDate(t *testing.T, s string) time.Time {
	t.Helper()
	m := regexp.MustCompile(`^D:(\d{14})(Z|[+-]\d\d'\d\d')$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("Info date %q has no UTC offset", s)
	}
	zone := strings.ReplaceAll(m[2], "'", "")
	if zone == "Z" {
		zone = "+0000"
	}
	tm, err := time.Parse("20060102150405-0700", m[1]+zone)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// checkPDFA checks the rules listed above on file; signed says the file
// has been signed.
func checkPDFA(t *testing.T, file string, signed bool) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// 6.1.2 header.
	if m := regexp.MustCompile(`^%PDF-1\.7\n%([^\n]*)\n`).FindSubmatch(b); m == nil {
		t.Errorf("header %q is not %%PDF-1.7 and a comment line", b[:min(20, len(b))])
	} else if len(m[1]) < 4 {
		t.Errorf("second line %q: want at least 4 bytes above 127", m[1])
	} else {
		for _, c := range m[1][:4] {
			if c <= 127 {
				t.Errorf("second line %q: byte %#x is not above 127", m[1], c)
			}
		}
	}
	// 6.1.3 end of file, and qpdf's structural check (6.1.7 lengths).
	if !bytes.HasSuffix(b, []byte("%%EOF\n")) {
		t.Errorf("the file does not end with %%%%EOF and one EOL: %q", b[len(b)-10:])
	}
	if out := run(t, "qpdf", "--check", file); strings.Contains(out, "WARNING") || !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	objs := qpdfObjects(t, file)
	trailer := dict(objs, objs["trailer"]["value"])
	if _, enc := trailer["/Encrypt"]; enc {
		t.Error("trailer has /Encrypt")
	}
	if !strings.Contains(run(t, "pdfinfo", file), "Encrypted:       no") {
		t.Error("pdfinfo reports encryption")
	}
	id, _ := trailer["/ID"].([]any)
	if len(id) != 2 || len(qpdfString(id[0])) != 16 || len(qpdfString(id[1])) != 16 {
		t.Errorf("trailer /ID %v: want two 16-byte strings", trailer["/ID"])
	} else if !signed {
		i := bytes.LastIndex(b, []byte("/ID ["))
		sum := sha256.Sum256(b[:i])
		if qpdfString(id[0]) != string(sum[:16]) {
			t.Errorf("/ID is not the SHA-256 of the file before it")
		}
	}
	catalog := dict(objs, trailer["/Root"])
	// 6.2.2 output intent.
	intents, _ := catalog["/OutputIntents"].([]any)
	if len(intents) != 1 {
		t.Fatalf("%d output intents, want 1", len(intents))
	}
	oi := dict(objs, intents[0])
	if oi["/S"] != "/GTS_PDFA1" || oi["/Type"] != "/OutputIntent" || qpdfString(oi["/OutputConditionIdentifier"]) == "" {
		t.Errorf("output intent %v", oi)
	}
	ref, _ := oi["/DestOutputProfile"].(string)
	if prof := dict(objs, ref); prof["/N"] != 3.0 {
		t.Errorf("DestOutputProfile /N %v, want 3", prof["/N"])
	}
	icc := run(t, "qpdf", "--show-object="+strings.TrimSuffix(ref, " 0 R"), "--filtered-stream-data", file)
	if len(icc) < 128 || icc[36:40] != "acsp" || icc[16:20] != "RGB " || icc[12:16] != "mntr" {
		t.Errorf("DestOutputProfile is not an RGB monitor ICC profile")
	}
	// 6.1.7, 6.2.11, 6.3 over every object.
	fonts := 0
	for key, o := range objs {
		if key == "trailer" {
			continue
		}
		d := dict(objs, o["value"])
		if st, ok := o["stream"].(map[string]any); ok {
			d, _ = st["dict"].(map[string]any)
			for _, k := range []string{"/F", "/FFilter", "/FDecodeParms"} {
				if _, bad := d[k]; bad {
					t.Errorf("%s: stream dictionary has %s", key, k)
				}
			}
		}
		if d["/Subtype"] == "/Image" {
			// 6.2.4.3: device colour only as the RGB output intent allows;
			// 6.2.8: no alternates, OPI or interpolation.
			switch cs := d["/ColorSpace"].(type) {
			case string:
				if cs != "/DeviceRGB" && cs != "/DeviceGray" {
					t.Errorf("%s: image colour space %s", key, cs)
				}
			case []any:
				if len(cs) != 4 || cs[0] != "/Indexed" || cs[1] != "/DeviceRGB" {
					t.Errorf("%s: image colour space %v", key, cs)
				}
			default:
				if d["/ImageMask"] != true {
					t.Errorf("%s: image colour space %v", key, d["/ColorSpace"])
				}
			}
			for _, k := range []string{"/Alternates", "/OPI"} {
				if _, bad := d[k]; bad {
					t.Errorf("%s: image has %s", key, k)
				}
			}
			if d["/Interpolate"] == true {
				t.Errorf("%s: image /Interpolate true", key)
			}
		}
		switch d["/Type"] {
		case "/ExtGState":
			// 6.2.5, 6.2.10: no transfer functions or halftones, standard
			// blend modes only.
			for _, k := range []string{"/TR", "/TR2", "/HTP", "/HTO", "/HT"} {
				if v, bad := d[k]; bad && v != "/Default" {
					t.Errorf("%s: graphics state has %s %v", key, k, v)
				}
			}
			if bm, ok := d["/BM"].(string); ok && !slices.Contains([]string{"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay",
				"/Darken", "/Lighten", "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion",
				"/Hue", "/Saturation", "/Color", "/Luminosity"}, bm) {
				t.Errorf("%s: blend mode %s", key, bm)
			}
		case "/EmbeddedFile", "/Filespec":
			t.Errorf("%s: %v: no embedded files expected", key, d["/Type"])
		case "/Font":
			fonts++
			switch d["/Subtype"] {
			case "/Type0":
			case "/CIDFontType2":
				if _, ok := d["/CIDToGIDMap"]; !ok {
					t.Errorf("%s: CIDFontType2 without /CIDToGIDMap", key)
				}
				fallthrough
			default:
				fd := dict(objs, d["/FontDescriptor"])
				if fd["/FontFile"] == nil && fd["/FontFile2"] == nil && fd["/FontFile3"] == nil {
					t.Errorf("%s: font %v is not embedded", key, d["/BaseFont"])
				}
				if _, ok := fd["/CIDSet"]; ok {
					t.Errorf("%s: /CIDSet present; it would have to list every CID", key)
				}
			}
		case "/Annot":
			f, _ := d["/F"].(float64)
			if flags := int(f); flags&4 == 0 || flags&(1|2|32|256) != 0 {
				t.Errorf("%s: annotation flags %d: want Print, and not Hidden, Invisible, NoView, ToggleNoView", key, flags)
			}
			ap := dict(objs, d["/AP"])
			if _, ok := ap["/N"]; !ok || len(ap) != 1 {
				t.Errorf("%s: /AP %v: want /N only", key, ap)
			}
			for _, k := range []string{"/A", "/AA"} {
				if _, bad := d[k]; bad {
					t.Errorf("%s: annotation has %s", key, k)
				}
			}
		}
	}
	if fonts == 0 {
		t.Error("no font dictionaries found")
	}
	// 6.5: no document actions or JavaScript.
	if _, bad := catalog["/AA"]; bad {
		t.Error("catalog has /AA")
	}
	if _, bad := dict(objs, catalog["/Names"])["/JavaScript"]; bad {
		t.Error("catalog names JavaScript")
	}
	if af := dict(objs, catalog["/AcroForm"]); af["/NeedAppearances"] == true {
		t.Error("AcroForm /NeedAppearances true")
	}
	for _, ln := range strings.Split(run(t, "pdffonts", file), "\n")[2:] {
		if f := strings.Fields(ln); len(f) >= 5 && f[len(f)-5] != "yes" {
			t.Errorf("pdffonts: not embedded: %s", ln)
		}
	}
	// 6.6.2 metadata stream.
	mdRef, _ := catalog["/Metadata"].(string)
	md := dict(objs, mdRef)
	if md["/Type"] != "/Metadata" || md["/Subtype"] != "/XML" || md["/Filter"] != nil {
		t.Errorf("metadata stream dictionary %v: want /Type /Metadata /Subtype /XML, no /Filter", md)
	}
	packet := []byte(run(t, "pdfinfo", "-meta", file))
	if m := regexp.MustCompile(`<\?xpacket begin=[^?]*\?>`).Find(packet); m == nil || bytes.Contains(m, []byte("bytes=")) || bytes.Contains(m, []byte("encoding=")) {
		t.Errorf("xpacket header %q", m)
	}
	props := xmpProps(t, packet)
	get := func(ns, local string) xnode { return props[xml.Name{Space: ns, Local: local}] }
	const pdfaid, dc, xmpNS, pdfNS = "http://www.aiim.org/pdfa/ns/id/", "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/pdf/1.3/"
	if p, c := get(pdfaid, "part").Text, get(pdfaid, "conformance").Text; p != "2" || c != "B" {
		t.Errorf("pdfaid part %q conformance %q, want 2 and B", p, c)
	}
	// 6.6.3 Info = XMP.
	info := dict(objs, trailer["/Info"])
	for _, c := range []struct {
		key  string
		xmp  []string
		list bool
	}{
		{"/Title", liTexts(get(dc, "title")), true},
		{"/Author", liTexts(get(dc, "creator")), true},
		{"/Subject", liTexts(get(dc, "description")), true},
		{"/Creator", []string{get(xmpNS, "CreatorTool").Text}, false},
		{"/Producer", []string{get(pdfNS, "Producer").Text}, false},
	} {
		v := qpdfString(info[c.key])
		if v == "" || !reflect.DeepEqual(c.xmp, []string{v}) {
			t.Errorf("Info %s %q, XMP %q", c.key, v, c.xmp)
		}
	}
	for _, c := range [][2]string{{"/CreationDate", "CreateDate"}, {"/ModDate", "ModifyDate"}} {
		it := infoDate(t, qpdfString(info[c[0]]))
		xt, err := time.Parse(time.RFC3339, get(xmpNS, c[1]).Text)
		_, io := it.Zone()
		_, xo := xt.Zone()
		if err != nil || !it.Equal(xt) || io != xo {
			t.Errorf("Info %s %v, xmp:%s %q (%v)", c[0], it, c[1], get(xmpNS, c[1]).Text, err)
		}
	}
	if _, err := time.Parse(time.RFC3339, get(xmpNS, "MetadataDate").Text); err != nil {
		t.Errorf("xmp:MetadataDate: %v", err)
	}
	// 6.6.2.3 extension schemas.
	described := map[string]string{} // bhytdoc property → value type
	types := map[string][]string{}   // value type → its fields
	for _, s := range liKids(get("http://www.aiim.org/pdfa/ns/extension/", "schemas")) {
		f := fields(s)
		if f["namespaceURI"] != bhytNS || f["prefix"] != "bhytdoc" {
			continue
		}
		for _, k := range s.Kids {
			switch k.XMLName.Local {
			case "property":
				for _, p := range liKids(k) {
					pf := fields(p)
					if pf["category"] != "external" && pf["category"] != "internal" || pf["description"] == "" {
						t.Errorf("property %s: category %q, description %q", pf["name"], pf["category"], pf["description"])
					}
					described[pf["name"]] = pf["valueType"]
				}
			case "valueType":
				for _, vt := range liKids(k) {
					tf := fields(vt)
					if tf["namespaceURI"] != bhytNS || tf["prefix"] != "bhytdoc" {
						t.Errorf("value type %s: namespace %q prefix %q", tf["type"], tf["namespaceURI"], tf["prefix"])
					}
					for _, fk := range vt.Kids {
						if fk.XMLName.Local == "field" {
							for _, fl := range liKids(fk) {
								types[tf["type"]] = append(types[tf["type"]], fields(fl)["name"])
							}
						}
					}
				}
			}
		}
	}
	for name, p := range props {
		if predefined[name.Space] {
			continue
		}
		if name.Space != bhytNS {
			t.Errorf("XMP property %v is in no described schema", name)
			continue
		}
		vt, ok := described[name.Local]
		if !ok {
			t.Errorf("bhytdoc:%s is not described in the extension schema", name.Local)
			continue
		}
		base := strings.TrimPrefix(vt, "Seq ")
		if slices.Contains(predefinedTypes, vt) {
			continue
		}
		fs, ok := types[base]
		if !ok {
			t.Errorf("bhytdoc:%s: value type %q is not defined", name.Local, vt)
			continue
		}
		for _, li := range liKids(p) {
			for _, f := range li.Kids {
				if f.XMLName.Space != bhytNS || !slices.Contains(fs, f.XMLName.Local) {
					t.Errorf("bhytdoc:%s: field %v is not a field of %s", name.Local, f.XMLName, base)
				}
			}
		}
	}
	if len(described) == 0 || len(types) == 0 {
		t.Error("no bhytdoc extension schema found")
	}
}

// liKids returns the rdf:li elements of a property's container.
func liKids(p xnode) []xnode {
	var out []xnode
	for _, c := range p.Kids {
		out = append(out, c.Kids...)
	}
	return out
}

// fields maps the local names of a structure's fields to their text.
func fields(n xnode) map[string]string {
	m := map[string]string{}
	for _, k := range n.Kids {
		m[k.XMLName.Local] = strings.TrimSpace(k.Text)
	}
	return m
}

// checkSignatures checks 6.4 on every signature of file: one SignerInfo,
// the signer's certificate in the PKCS#7.
func checkSignatures(t *testing.T, file string, want int) {
	t.Helper()
	objs := qpdfObjects(t, file)
	n := 0
	for key, o := range objs {
		d := dict(objs, o["value"])
		if d["/Type"] != "/Sig" {
			continue
		}
		n++
		der, err := derPrefix([]byte(qpdfString(d["/Contents"])))
		if err != nil {
			t.Errorf("%s: /Contents: %v", key, err)
			continue
		}
		p7, err := pkcs7.Parse(der)
		if err != nil {
			t.Errorf("%s: /Contents is not PKCS#7: %v", key, err)
			continue
		}
		if len(p7.Signers) != 1 {
			t.Errorf("%s: %d SignerInfos, want 1", key, len(p7.Signers))
		}
		if p7.GetOnlySigner() == nil {
			t.Errorf("%s: the signer's certificate is not in the PKCS#7", key)
		}
	}
	if n != want {
		t.Errorf("%d signature dictionaries, want %d", n, want)
	}
}

// derPrefix returns the DER value at the start of b, without the zero
// padding that fills the rest of a signature's /Contents. Trimming the
// zeros instead would also cut a signature whose own last byte is 0.
func derPrefix(b []byte) ([]byte, error) {
	if len(b) < 2 {
		return nil, fmt.Errorf("%d bytes", len(b))
	}
	n, head := int(b[1]), 2
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(b) < 2+k {
			return nil, fmt.Errorf("bad DER length of %d bytes", k)
		}
		n = 0
		for _, c := range b[2 : 2+k] {
			n = n<<8 | int(c)
		}
		head += k
	}
	if head+n > len(b) {
		return nil, fmt.Errorf("DER value of %d bytes in %d", head+n, len(b))
	}
	return b[:head+n], nil
}

// TestPDFA writes every seed (with signature and seal images, so with
// transparency) as PDF/A-2b, checks the rules above, signs it as the
// signer and then the organisation, and checks them again.
func TestPDFA(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	sKey, sChain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), true)
	oKey, oChain := ca.Leaf(t, "Ủy ban nhân dân quận Cái Răng", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	for _, e := range signtest.Seeds() {
		t.Run(e.Name, func(t *testing.T) {
			opts := &bhytdoc.Options{Archival: true}
			doc, err := bhytdoc.RenderPDF(e.Doc, opts)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := bhytdoc.RenderPDF(e.Doc, opts)
			if !bytes.Equal(doc, again) {
				t.Fatal("archival output is not deterministic")
			}
			if !bytes.Contains(doc, []byte("/SMask")) {
				t.Error("no soft mask: the transparent images are missing")
			}
			dir := t.TempDir()
			f0 := filepath.Join(dir, "pdfa.pdf")
			if err := os.WriteFile(f0, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			checkPDFA(t, f0, false)
			checkGlyphs(t, f0)
			want, err := bhytdoc.ReadInfo(bytes.NewReader(doc), int64(len(doc)))
			if err != nil {
				t.Fatal(err)
			}
			if want.PDFA != "2B" {
				t.Errorf("ReadInfo PDFA %q, want 2B", want.PDFA)
			}

			cur := doc
			for i, role := range []sign.Role{sign.Signer, sign.Organisation} {
				var out bytes.Buffer
				key, chain := sKey, sChain
				if role == sign.Organisation {
					key, chain = oKey, oChain
				}
				if err := sign.PDF(&out, bytes.NewReader(cur), int64(len(cur)), key, chain, sign.Options{Role: role}); err != nil {
					t.Fatal(err)
				}
				cur = out.Bytes()
				f := filepath.Join(dir, fmt.Sprintf("signed%d.pdf", i+1))
				if err := os.WriteFile(f, cur, 0o644); err != nil {
					t.Fatal(err)
				}
				checkPDFA(t, f, true)
				checkGlyphs(t, f)
				checkSignatures(t, f, i+1)
				sigs := signtest.Pdfsig(t, f)
				if len(sigs) != i+1 || !sigs[i].Valid || !sigs[i].Total {
					t.Errorf("pdfsig after signature %d: %+v", i+1, sigs)
				}
				for _, sg := range sigs {
					if !sg.Valid {
						t.Errorf("pdfsig: invalid signature:\n%s", sg.Text)
					}
				}
				got, err := bhytdoc.ReadInfo(bytes.NewReader(cur), int64(len(cur)))
				if err != nil || !reflect.DeepEqual(got, want) {
					t.Errorf("ReadInfo after signing: %+v, %v; want %+v", got, err, want)
				}
			}
		})
	}
}

// qpdfStreams returns the decoded data of every stream of file, by key.
func qpdfStreams(t *testing.T, file string) map[string][]byte {
	t.Helper()
	out := run(t, "qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file)
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]struct {
		Stream *struct {
			Data []byte `json:"data"` // base64 in the JSON
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	data := map[string][]byte{}
	for k, o := range objs {
		if o.Stream != nil {
			data[k] = o.Stream.Data
		}
	}
	return data
}

// ttfAdvances reads unitsPerEm, the number of glyphs and the advance
// widths of a TrueType font program (head, maxp, hhea and hmtx tables).
func ttfAdvances(t *testing.T, ttf []byte) (upem, glyphs int, adv []int) {
	t.Helper()
	u16 := func(b []byte, off int) int { return int(b[off])<<8 | int(b[off+1]) }
	u32 := func(b []byte, off int) int { return u16(b, off)<<16 | u16(b, off+2) }
	tables := map[string][]byte{}
	for i := range u16(ttf, 4) {
		rec := ttf[12+16*i:]
		off, n := u32(rec, 8), u32(rec, 12)
		tables[string(rec[:4])] = ttf[off : off+n]
	}
	head, maxp, hhea, hmtx := tables["head"], tables["maxp"], tables["hhea"], tables["hmtx"]
	if head == nil || maxp == nil || hhea == nil || hmtx == nil || u16(hhea, 34) == 0 {
		t.Fatal("font program without head, maxp, hhea or hmtx")
	}
	for i := range u16(hhea, 34) {
		adv = append(adv, u16(hmtx, 4*i))
	}
	return u16(head, 18), u16(maxp, 4), adv
}

// pdfStrings returns the literal strings of a content stream, unescaped,
// each with the font selected (Tf) when it is shown. fpdf writes text only
// as literal strings.
func pdfStrings(content []byte) (fonts []string, strs [][]byte) {
	font := ""
	for i := 0; i < len(content); i++ {
		switch c := content[i]; {
		case c == '/':
			j := i + 1
			for j < len(content) && !strings.ContainsRune(" \n\r\t/[(<", rune(content[j])) {
				j++
			}
			if rest := strings.Fields(string(content[j:min(len(content), j+20)])); len(rest) >= 2 && rest[1] == "Tf" {
				font = string(content[i+1 : j])
			}
			i = j - 1
		case c == '(':
			var s []byte
			depth := 1
			for i++; i < len(content); i++ {
				c := content[i]
				if c == '\\' && i+1 < len(content) {
					i++
					switch e := content[i]; e {
					case 'n':
						s = append(s, '\n')
					case 'r':
						s = append(s, '\r')
					case 't':
						s = append(s, '\t')
					case 'b':
						s = append(s, '\b')
					case 'f':
						s = append(s, '\f')
					default:
						if e >= '0' && e <= '7' {
							v, k := 0, 0
							for ; k < 3 && i+k < len(content) && content[i+k] >= '0' && content[i+k] <= '7'; k++ {
								v = v*8 + int(content[i+k]-'0')
							}
							s = append(s, byte(v))
							i += k - 1
						} else {
							s = append(s, e)
						}
					}
					continue
				}
				if c == '(' {
					depth++
				} else if c == ')' {
					if depth--; depth == 0 {
						break
					}
				}
				s = append(s, c)
			}
			fonts, strs = append(fonts, font), append(strs, s)
		}
	}
	return fonts, strs
}

var (
	stringLit = regexp.MustCompile(`\((?:\\.|[^\\)])*\)`)
	colourOp  = regexp.MustCompile(`(?:^|\s)(?:k|K|cs|CS|sc|SC|scn|SCN)(?:\s|$)`)
)

// checkGlyphs checks the colour operators of every page's content
// stream and, for every string shown, the rules on glyphs (ISO 19005-2 6.2.11.4.1, 6.2.11.5, 6.2.11.8): each CID maps
// (CIDToGIDMap) to a glyph the embedded font program has, never to
// .notdef (GID 0), and the width the PDF gives it (/W, else /DW) is the
// font program's advance width scaled to 1000 units, to within 1.
func checkGlyphs(t *testing.T, file string) {
	t.Helper()
	objs := qpdfObjects(t, file)
	data := qpdfStreams(t, file)
	type cidFont struct {
		gid   []byte // CIDToGIDMap
		w     map[int]float64
		dw    float64
		upem  int
		n     int // glyphs in the font program
		adv   []int
		label string
	}
	fontsByRef := map[string]*cidFont{}
	load := func(ref string) *cidFont {
		if f, ok := fontsByRef[ref]; ok {
			return f
		}
		t0 := dict(objs, ref)
		desc, _ := t0["/DescendantFonts"].([]any)
		if t0["/Subtype"] != "/Type0" || len(desc) != 1 {
			t.Fatalf("%s: not a Type0 font with one descendant: %v", ref, t0)
		}
		cf := dict(objs, desc[0])
		mapRef, _ := cf["/CIDToGIDMap"].(string)
		fd := dict(objs, cf["/FontDescriptor"])
		ffRef, _ := fd["/FontFile2"].(string)
		f := &cidFont{gid: data["obj:"+mapRef], w: map[int]float64{}, dw: 1000, label: fmt.Sprint(t0["/BaseFont"])}
		if dw, ok := cf["/DW"].(float64); ok {
			f.dw = dw
		}
		f.upem, f.n, f.adv = ttfAdvances(t, data["obj:"+ffRef])
		// /W: c [w1 w2 …] or c1 c2 w.
		w, _ := cf["/W"].([]any)
		for i := 0; i < len(w); {
			c, _ := w[i].(float64)
			if arr, ok := w[i+1].([]any); ok {
				for j, v := range arr {
					f.w[int(c)+j] = v.(float64)
				}
				i += 2
			} else {
				last, _ := w[i+1].(float64)
				for cid := int(c); cid <= int(last); cid++ {
					f.w[cid] = w[i+2].(float64)
				}
				i += 3
			}
		}
		fontsByRef[ref] = f
		return f
	}
	shown := 0
	for key, o := range objs {
		page := dict(objs, o["value"])
		if page["/Type"] != "/Page" {
			continue
		}
		res := dict(objs, page["/Resources"])
		fontRes := dict(objs, res["/Font"])
		contents, _ := page["/Contents"].(string)
		// 6.2.4.3: only gray and RGB colour operators (no CMYK, no
		// colour spaces set by name) with an RGB output intent.
		ops := stringLit.ReplaceAll(data["obj:"+contents], nil)
		if m := colourOp.Find(ops); m != nil {
			t.Errorf("%s: content uses colour operator %q", key, m)
		}
		names, strs := pdfStrings(data["obj:"+contents])
		for i, s := range strs {
			ref, _ := fontRes["/"+names[i]].(string)
			if ref == "" {
				t.Fatalf("%s: string %q shown in font %q, not in the page's resources", key, s, names[i])
			}
			f := load(ref)
			if len(s)%2 != 0 {
				t.Errorf("%s: string %q is not 2-byte CIDs", key, s)
				continue
			}
			for j := 0; j < len(s); j += 2 {
				cid := int(s[j])<<8 | int(s[j+1])
				shown++
				if 2*cid+1 >= len(f.gid) {
					t.Errorf("%s %s: CID %d is past the end of CIDToGIDMap", key, f.label, cid)
					continue
				}
				gid := int(f.gid[2*cid])<<8 | int(f.gid[2*cid+1])
				if gid == 0 || gid >= f.n {
					t.Errorf("%s %s: CID %d (%q) shows GID %d: .notdef or past the font's %d glyphs", key, f.label, cid, rune(cid), gid, f.n)
					continue
				}
				a := f.adv[min(gid, len(f.adv)-1)] // past numberOfHMetrics: the last advance
				want := float64(a) * 1000 / float64(f.upem)
				got, ok := f.w[cid]
				if !ok {
					got = f.dw
				}
				if math.Abs(got-want) > 1 {
					t.Errorf("%s %s: CID %d (%q) width %g, font program %g", key, f.label, cid, rune(cid), got, want)
				}
			}
		}
	}
	if shown == 0 {
		t.Error("no text found in the content streams")
	}
}
