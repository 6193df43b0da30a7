package edxml

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
)

func sampleText(t testing.TB) string {
	b, err := os.ReadFile("testdata/sample.edxml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadRefusesEntities(t *testing.T) {
	s := sampleText(t)
	decl := `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	body := strings.TrimPrefix(s, decl)
	lol := `<!DOCTYPE edXML [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>` + "\n"
	xxe := `<!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + "\n"
	for name, in := range map[string]string{
		"expansion": decl + lol + strings.Replace(body, "Mỏ Cày Nam</edXML:Place>", "&lol2;</edXML:Place>", 1),
		"external":  decl + xxe + strings.Replace(body, "Mỏ Cày Nam</edXML:Place>", "&xxe;</edXML:Place>", 1),
	} {
		_, err := Read(strings.NewReader(in))
		if !errors.Is(err, ErrDoctype) {
			t.Errorf("%s: err = %v, want ErrDoctype", name, err)
		}
	}
	// An entity used without a declaration is not expanded either.
	in := strings.Replace(s, "Mỏ Cày Nam</edXML:Place>", "&xxe;</edXML:Place>", 1)
	if _, err := Read(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "xxe") {
		t.Errorf("undeclared entity: err = %v", err)
	}
}

func TestReadRefusesBadFields(t *testing.T) {
	s := sampleText(t)
	for _, c := range []struct{ name, old, new, field string }{
		{"../ name", "<edXML:AttachmentName>215_UBND-VX.zip<", "<edXML:AttachmentName>../../etc/cron.d/x<", "Attachment[0].AttachmentName"},
		{"backslash name", "<edXML:AttachmentName>215_UBND-VX.zip<", `<edXML:AttachmentName>..\x.zip<`, "Attachment[0].AttachmentName"},
		{"no subject", "<edXML:Subject>V/v đẩy mạnh phát triển người tham gia bảo hiểm y tế hộ gia đình</edXML:Subject>", "", "MessageHeader.Subject"},
		{"bad code", "<edXML:OrganId>31.55.H55<", "<edXML:OrganId>31.55.h55<", "MessageHeader.To[0].OrganId"},
		{"bad date", "<edXML:PromulgationDate>2024/03/12<", "<edXML:PromulgationDate>2024/02/30<", "MessageHeader.PromulgationInfo.PromulgationDate"},
		{"other id", "<ContentId>cid:7<", "<ContentId>cid:8<", "AttachmentEncoded.Attachment[0].ContentId"},
	} {
		in := strings.Replace(s, c.old, c.new, 1)
		if in == s {
			t.Fatalf("%s: fixture not changed", c.name)
		}
		_, err := Read(strings.NewReader(in))
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: err = %v, want a FieldError on %s", c.name, err, c.field)
		}
	}
	for name, in := range map[string]string{
		"truncated":   s[:len(s)/2],
		"bad base64":  strings.Replace(s, `QCVN_102_2016">UEsD`, `QCVN_102_2016">UE!D`, 1),
		"short group": strings.Replace(s, `QCVN_102_2016">UEsD`, `QCVN_102_2016">UEsDx`, 1),
		"other root":  strings.Replace(strings.Replace(s, "<edXML xmlns", "<edXML2 xmlns", 1), "</edXML>", "</edXML2>", 1),
		"wrong ns":    strings.Replace(s, `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"`, `<edXML xmlns="urn:x"`, 1),
		"no content":  strings.Replace(s, "<AttachmentEncoded>", "<!--", 1)[:strings.Index(s, "  </AttachmentEncoded>")] + "-->\n</edXML>",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.HasPrefix(err.Error(), "edxml: ") {
			t.Errorf("%s: error %q does not say where it comes from", name, err)
		}
	}
}

func TestReadBoundsHeader(t *testing.T) {
	s := sampleText(t)
	in := strings.Replace(s, "<edXML:Subject>", "<edXML:Subject>"+strings.Repeat("x", 8<<20), 1)
	_, err := Read(strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("8 MB subject: err = %v", err)
	}
}

// hugePackage returns the fixture with one attachment of n bytes of zeros
// (rounded down to 48 KiB), generated as it is read: nothing holds it.
func hugePackage(t testing.TB, n int64) io.Reader {
	s := sampleText(t)
	open := `<edXML:ContentTransferEncoded xmlns:edXML="` + Namespace + `">`
	start := strings.Index(s, open) + len(open)
	end := strings.Index(s, "</edXML:ContentTransferEncoded>")
	line := []byte(base64.StdEncoding.EncodeToString(make([]byte, 48<<10)) + "\n")
	return io.MultiReader(strings.NewReader(s[:start]), &repeat{line: line, left: n / (48 << 10)}, strings.NewReader(s[end:]))
}

// repeat yields line left times.
type repeat struct {
	line []byte
	left int64
	off  int
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.line[r.off:])
	r.off += n
	if r.off == len(r.line) {
		r.off, r.left = 0, r.left-1
	}
	return n, nil
}

type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// TestReadHugeAttachment streams a 1 GB attachment through Read: with
// Content, in bounded memory; without, refused at the bound.
func TestReadHugeAttachment(t *testing.T) {
	if testing.Short() {
		t.Skip("1 GB of base64")
	}
	const size = 1 << 30 / (48 << 10) * (48 << 10) // 1 GB in whole blocks
	var c counter
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := ReadWith(hugePackage(t, size), &ReadOptions{
		MaxAttachmentBytes: -1,
		Content:            func(a *Attachment) (io.Writer, error) { return &c, nil },
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if c.n != size || p.Attachments[0].Data != nil {
		t.Errorf("streamed %d bytes, want %d", c.n, size)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("reading 1 GB allocated %d MB", alloc>>20)
	}
	t.Logf("1 GB attachment: %d KB allocated", (after.TotalAlloc-before.TotalAlloc)>>10)

	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = Read(hugePackage(t, size))
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "bound") {
		t.Errorf("Read of 1 GB: err = %v, want the bound", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 2*DefaultMaxAttachmentBytes+8<<20 {
		t.Errorf("refusing 1 GB allocated %d MB", alloc>>20)
	}
	t.Logf("1 GB attachment refused: %d MB allocated", (after.TotalAlloc-before.TotalAlloc)>>20)
}

func TestWriteRefusesInvalid(t *testing.T) {
	p := sampleWant(t)
	p.Header.From.OrganID = ""
	var buf bytes.Buffer
	err := Write(&buf, p)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "MessageHeader.From.OrganId" || buf.Len() != 0 {
		t.Errorf("err = %v, %d bytes written", err, buf.Len())
	}
	p = sampleWant(t)
	p.Header.Subject = "a\x00b"
	if err := Write(io.Discard, p); err == nil {
		t.Error("NUL in Subject: no error")
	}
}
