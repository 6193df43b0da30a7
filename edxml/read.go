package edxml

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Default bounds of ReadOptions.
const (
	DefaultMaxHeaderBytes     = 4 << 20
	DefaultMaxAttachmentBytes = 128 << 20
)

// ReadOptions bound what Read accepts and say where attachments go.
type ReadOptions struct {
	// MaxHeaderBytes bounds the package's XML apart from the attachments'
	// base64 text: envelope, header, manifest. 0 means
	// DefaultMaxHeaderBytes.
	MaxHeaderBytes int64
	// MaxAttachmentBytes bounds the decoded bytes of all attachments
	// together. 0 means DefaultMaxAttachmentBytes; a negative value
	// lifts the bound, for a Content that bounds what it keeps itself.
	MaxAttachmentBytes int64
	// Content, when set, is called once per attachment, with its
	// manifest entry, before its bytes are decoded; they are streamed
	// to the writer it returns, and Attachment.Data stays nil. The
	// package's header has been read and validated by then. Read holds
	// no more than a few buffers of an attachment in memory this way.
	Content func(a *Attachment) (io.Writer, error)
}

// Read reads an edXML package written to QCVN 102:2016, with each
// attachment's bytes in Attachment.Data, within the default bounds. See
// ReadWith.
func Read(r io.Reader) (*Package, error) { return ReadWith(r, nil) }

// ReadWith reads an edXML package. The root must be edXML in Namespace;
// element prefixes do not matter, as in any namespace-aware reader. A
// document type declaration (DOCTYPE), and with it every entity
// definition, is refused; the only entities are XML's own. The base64
// text of attachments is decoded as it streams, never held whole. The
// package must be valid (Package.Validate), every manifest Reference must
// have its AttachmentEncoded entry with the same ContentId and name, and
// no entry may lack a Reference.
func ReadWith(r io.Reader, o *ReadOptions) (*Package, error) {
	var opts ReadOptions
	if o != nil {
		opts = *o
	}
	if opts.MaxHeaderBytes <= 0 {
		opts.MaxHeaderBytes = DefaultMaxHeaderBytes
	}
	if opts.MaxAttachmentBytes == 0 {
		opts.MaxAttachmentBytes = DefaultMaxAttachmentBytes
	}
	br := bufio.NewReaderSize(r, 64<<10)
	rd := &reader{
		br:   br,
		lim:  &budget{br: br, left: opts.MaxHeaderBytes, max: opts.MaxHeaderBytes},
		opts: &opts,
	}
	rd.dec = xml.NewDecoder(rd.lim)
	rd.dec.Strict = true
	p, err := rd.read()
	if err != nil {
		return nil, err
	}
	return p, nil
}

// ErrDoctype reports a package with a document type declaration, the
// vehicle of entity expansion and external entities.
var ErrDoctype = errors.New("edxml: the package has a document type declaration (<!DOCTYPE …>), which edXML does not use: refused, with its entities")

type reader struct {
	br   *bufio.Reader
	lim  *budget
	dec  *xml.Decoder
	opts *ReadOptions
	pkg  Package
	env  bool           // envelope read
	refs map[string]int // ContentId → index in pkg.Attachments
	got  map[string]bool
	used int64 // attachment bytes decoded so far
}

// budget is the decoder's byte source: every byte it reads counts against
// MaxHeaderBytes. Base64 text is read from br directly and does not.
type budget struct {
	br        *bufio.Reader
	left, max int64
}

func (b *budget) ReadByte() (byte, error) {
	if b.left <= 0 {
		return 0, fmt.Errorf("edxml: the package's XML outside the attachments' contents is larger than %d bytes", b.max)
	}
	b.left--
	return b.br.ReadByte()
}

func (b *budget) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	c, err := b.ReadByte()
	if err != nil {
		return 0, err
	}
	p[0] = c
	return 1, nil
}

func (rd *reader) token() (xml.Token, error) {
	t, err := rd.dec.Token()
	if err == io.EOF {
		return nil, io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, rd.wrap(err)
	}
	if _, ok := t.(xml.Directive); ok {
		return nil, ErrDoctype
	}
	return t, nil
}

func (rd *reader) wrap(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("edxml: line %d: %s", se.Line, se.Msg)
	}
	if strings.HasPrefix(err.Error(), "edxml:") {
		return err
	}
	return fmt.Errorf("edxml: %w", err)
}

func (rd *reader) read() (*Package, error) {
	// Prolog, then the root.
	for {
		t, err := rd.token()
		if err != nil {
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok {
			if se.Name.Space != Namespace || se.Name.Local != "edXML" {
				return nil, fmt.Errorf("edxml: the root element is {%s}%s, not edXML in %s", se.Name.Space, se.Name.Local, Namespace)
			}
			break
		}
		if err := notText(t); err != nil {
			return nil, err
		}
	}
	for {
		t, err := rd.token()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := rd.child(&t); err != nil {
				return nil, err
			}
		case xml.EndElement: // the root's
			return rd.finish()
		default:
			if err := notText(t); err != nil {
				return nil, err
			}
		}
	}
}

// notText refuses text where only elements belong.
func notText(t xml.Token) error {
	if cd, ok := t.(xml.CharData); ok && len(bytes.TrimSpace(cd)) > 0 {
		return fmt.Errorf("edxml: text %q outside the elements", trim(string(cd)))
	}
	return nil
}

func trim(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func (rd *reader) child(se *xml.StartElement) error {
	switch se.Name.Local {
	case "edXMLEnvelope":
		if se.Name.Space != Namespace {
			return fmt.Errorf("edxml: edXMLEnvelope is in namespace %q, not %s", se.Name.Space, Namespace)
		}
		if rd.env {
			return fmt.Errorf("edxml: two edXMLEnvelope elements")
		}
		rd.env = true
		return rd.envelope(se)
	case "AttachmentEncoded":
		if !rd.env {
			return fmt.Errorf("edxml: AttachmentEncoded before the edXMLEnvelope")
		}
		return rd.attachments()
	}
	return fmt.Errorf("edxml: unexpected element %s in edXML", se.Name.Local)
}

type wireEnvelope struct {
	Header struct {
		Message   *Header    `xml:"MessageHeader"`
		Trace     *TraceList `xml:"TraceHeaderList"`
		Signature *struct {
			Inner string `xml:",innerxml"`
		} `xml:"Signature"`
	} `xml:"edXMLHeader"`
	Body struct {
		Refs []struct {
			ContentID   string `xml:"ContentId"`
			ContentType string `xml:"ContentType"`
			Description string `xml:"Description"`
			Name        string `xml:"AttachmentName"`
		} `xml:"edXMLManifest>Reference"`
	} `xml:"edXMLBody"`
}

func (rd *reader) envelope(se *xml.StartElement) error {
	var env wireEnvelope
	if err := rd.dec.DecodeElement(&env, se); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return rd.wrap(err)
	}
	if env.Header.Message == nil {
		return &FieldError{"edXMLHeader.MessageHeader", "required"}
	}
	rd.pkg.Header = *env.Header.Message
	if env.Header.Trace != nil {
		rd.pkg.Header.Trace = *env.Header.Trace
	}
	if env.Header.Signature != nil {
		rd.pkg.Header.Signature = env.Header.Signature.Inner
	}
	rd.refs = map[string]int{}
	rd.got = map[string]bool{}
	for i, r := range env.Body.Refs {
		rd.pkg.Attachments = append(rd.pkg.Attachments, Attachment{
			ContentID: r.ContentID, Name: r.Name, Description: r.Description, ContentType: r.ContentType,
		})
		rd.refs[r.ContentID] = i
	}
	// Refuse a bad header or name before any attachment byte is handed on.
	return rd.pkg.Validate()
}

func (rd *reader) attachments() error {
	for i := 0; ; {
		t, err := rd.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != "Attachment" {
				return fmt.Errorf("edxml: unexpected element %s in AttachmentEncoded", t.Name.Local)
			}
			if err := rd.attachment(i); err != nil {
				return err
			}
			i++
		case xml.EndElement:
			return nil
		default:
			if err := notText(t); err != nil {
				return err
			}
		}
	}
}

// attachment reads one Attachment element: its names, then its content.
func (rd *reader) attachment(n int) error {
	where := fmt.Sprintf("AttachmentEncoded.Attachment[%d]", n)
	var meta Attachment
	idx := -1
	for {
		t, err := rd.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local == "ContentTransferEncoded" {
				if idx, err = rd.match(where, &meta, idx); err != nil {
					return err
				}
				if err := rd.content(where, idx); err != nil {
					return err
				}
				if t, err := rd.token(); err != nil {
					return err
				} else if _, ok := t.(xml.EndElement); !ok {
					return fmt.Errorf("edxml: %s: ContentTransferEncoded holds an element", where)
				}
				continue
			}
			var s string
			if err := rd.dec.DecodeElement(&s, &t); err != nil {
				return rd.wrap(err)
			}
			switch t.Name.Local {
			case "ContentId":
				meta.ContentID = s
			case "AttachmentName":
				meta.Name = s
			case "Description":
				meta.Description = s
			case "ContentType":
				meta.ContentType = s
			default:
				return fmt.Errorf("edxml: %s: unexpected element %s", where, t.Name.Local)
			}
		case xml.EndElement:
			if idx < 0 {
				return &FieldError{where + ".ContentTransferEncoded", "required"}
			}
			return nil
		default:
			if err := notText(t); err != nil {
				return err
			}
		}
	}
}

// match finds the manifest Reference of an encoded attachment.
func (rd *reader) match(where string, meta *Attachment, idx int) (int, error) {
	if idx >= 0 {
		return 0, fmt.Errorf("edxml: %s: two ContentTransferEncoded elements", where)
	}
	i, ok := rd.refs[meta.ContentID]
	switch {
	case meta.ContentID == "":
		return 0, &FieldError{where + ".ContentId", "required before ContentTransferEncoded"}
	case !ok:
		return 0, &FieldError{where + ".ContentId", fmt.Sprintf("%q has no Reference in the edXMLManifest", meta.ContentID)}
	case rd.got[meta.ContentID]:
		return 0, &FieldError{where + ".ContentId", fmt.Sprintf("%q is encoded twice", meta.ContentID)}
	case meta.Name != "" && meta.Name != rd.pkg.Attachments[i].Name:
		return 0, &FieldError{where + ".AttachmentName", fmt.Sprintf("%q, but the manifest names %q", meta.Name, rd.pkg.Attachments[i].Name)}
	}
	rd.got[meta.ContentID] = true
	return i, nil
}

// content decodes the base64 text of attachment i as it streams from br,
// up to the "<" of the end tag, which it leaves for the decoder.
func (rd *reader) content(where string, i int) error {
	a := &rd.pkg.Attachments[i]
	var buf *memSink
	var w io.Writer
	if rd.opts.Content != nil {
		var err error
		if w, err = rd.opts.Content(a); err != nil {
			return err
		}
	} else {
		buf = &memSink{max: rd.opts.MaxAttachmentBytes - rd.used}
		w = buf
	}
	dec := &b64{w: w, limit: -1}
	if rd.opts.MaxAttachmentBytes > 0 {
		dec.limit = rd.opts.MaxAttachmentBytes - rd.used
	}
	for {
		chunk, err := rd.br.ReadSlice('<')
		end := err == nil
		if end {
			chunk = chunk[:len(chunk)-1]
		}
		if derr := dec.write(chunk); derr != nil {
			return fmt.Errorf("edxml: %s (%s): %w", where, a.Name, derr)
		}
		if end {
			if err := rd.br.UnreadByte(); err != nil {
				return err
			}
			break
		}
		if err != bufio.ErrBufferFull {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return fmt.Errorf("edxml: %s (%s): %w", where, a.Name, err)
		}
	}
	if err := dec.close(); err != nil {
		return fmt.Errorf("edxml: %s (%s): %w", where, a.Name, err)
	}
	rd.used += dec.n
	if buf != nil {
		a.Data = buf.b
		if a.Data == nil {
			a.Data = []byte{}
		}
	}
	return nil
}

func (rd *reader) finish() (*Package, error) {
	if !rd.env {
		return nil, &FieldError{"edXMLEnvelope", "required"}
	}
	for _, a := range rd.pkg.Attachments {
		if !rd.got[a.ContentID] {
			return nil, &FieldError{"AttachmentEncoded", fmt.Sprintf("no content for %q (%s) of the manifest", a.ContentID, a.Name)}
		}
	}
	// Only whitespace and comments may follow the root.
	for {
		t, err := rd.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, rd.wrap(err)
		}
		switch t.(type) {
		case xml.Comment, xml.ProcInst:
		default:
			if err := notText(t); err != nil {
				return nil, err
			}
			if _, ok := t.(xml.CharData); !ok {
				return nil, fmt.Errorf("edxml: content after the root element")
			}
		}
	}
	p := rd.pkg
	return &p, nil
}

// b64 decodes base64 text written to it in pieces, skipping white space,
// and writes the bytes on, at most limit of them (limit < 0: no bound).
type b64 struct {
	w      io.Writer
	pend   []byte // characters not yet decoded, fewer than a chunk
	out    []byte
	n      int64 // bytes written
	limit  int64
	padded bool // a group with "=" has been decoded: nothing may follow
	at     int64
}

const b64Chunk = 64 << 10 // characters decoded at once; a multiple of 4

func (d *b64) write(p []byte) error {
	for len(p) > 0 {
		i := bytes.IndexAny(p, " \t\r\n")
		if i < 0 {
			i = len(p)
		}
		for seg := p[:i]; len(seg) > 0; {
			k := min(b64Chunk-len(d.pend), len(seg))
			d.pend = append(d.pend, seg[:k]...)
			seg = seg[k:]
			if len(d.pend) == b64Chunk {
				if err := d.flush(d.pend); err != nil {
					return err
				}
				d.pend = d.pend[:0]
			}
		}
		if i == len(p) {
			break
		}
		p = p[i+1:]
	}
	return nil
}

func (d *b64) flush(s []byte) error {
	if len(s) == 0 {
		return nil
	}
	if d.padded {
		return fmt.Errorf("base64 text continues after its padding, at character %d", d.at)
	}
	if d.out == nil {
		d.out = make([]byte, base64.StdEncoding.DecodedLen(b64Chunk))
	}
	n, err := base64.StdEncoding.Decode(d.out, s)
	if err != nil {
		var ce base64.CorruptInputError
		if errors.As(err, &ce) {
			return fmt.Errorf("not base64: character %d", d.at+int64(ce))
		}
		return err
	}
	d.at += int64(len(s))
	d.padded = s[len(s)-1] == '='
	if d.limit >= 0 && d.n+int64(n) > d.limit {
		return fmt.Errorf("larger than the bound of %d bytes for attachments", d.limit)
	}
	d.n += int64(n)
	if _, err := d.w.Write(d.out[:n]); err != nil {
		return err
	}
	return nil
}

func (d *b64) close() error {
	if len(d.pend)%4 != 0 {
		return fmt.Errorf("base64 text ends in the middle of a group (%d characters left over)", len(d.pend)%4)
	}
	return d.flush(d.pend)
}

// memSink holds an attachment in memory, growing by doubling but never
// past max (if positive), so that refusing an attachment at the bound
// has cost at most twice the bound.
type memSink struct {
	b   []byte
	max int64
}

func (m *memSink) Write(p []byte) (int, error) {
	if need := len(m.b) + len(p); need > cap(m.b) {
		c := max(2*cap(m.b), need, 64<<10)
		if m.max > 0 && int64(c) > m.max {
			c = max(need, int(m.max))
		}
		nb := make([]byte, len(m.b), c)
		copy(nb, m.b)
		m.b = nb
	}
	m.b = append(m.b, p...)
	return len(p), nil
}
