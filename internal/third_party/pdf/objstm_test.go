package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"
)

// objstmPDF is a PDF whose catalogue and page tree sit in an object
// stream (object 3), listed by a cross-reference stream (object 4).
func objstmPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	objs := "<< /Type /Catalog /Pages 2 0 R >>\n<< /Type /Pages /Kids [] /Count 0 /Tag (kept) >>\n"
	head := fmt.Sprintf("1 0 2 %d ", len("<< /Type /Catalog /Pages 2 0 R >>\n"))
	off3 := b.Len()
	fmt.Fprintf(&b, "3 0 obj\n<< /Type /ObjStm /N 2 /First %d /Length %d >>\nstream\n%s%s\nendstream\nendobj\n", len(head), len(head)+len(objs), head, objs)
	off4 := b.Len()
	var x bytes.Buffer
	row := func(typ byte, f2 uint32, f3 uint16) {
		x.WriteByte(typ)
		binary.Write(&x, binary.BigEndian, f2)
		binary.Write(&x, binary.BigEndian, f3)
	}
	row(0, 0, 65535)
	row(2, 3, 0)
	row(2, 3, 1)
	row(1, uint32(off3), 0)
	row(1, uint32(off4), 0)
	fmt.Fprintf(&b, "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", x.Len())
	b.Write(x.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off4)
	return b.Bytes()
}

// TestObjstmCache: objects in an object stream resolve the same from the
// kept decoded stream, and through the stream itself when the cache is
// full.
func TestObjstmCache(t *testing.T) {
	doc := objstmPDF()
	for _, full := range []bool{false, true} {
		r, err := NewReader(bytes.NewReader(doc), int64(len(doc)))
		if err != nil {
			t.Fatal(err)
		}
		if full {
			r.objstmBytes = maxObjstmCache
		}
		for range 2 {
			pages := r.Trailer().Key("Root").Key("Pages")
			if got := pages.Key("Tag").RawString(); got != "kept" || pages.Key("Type").Name() != "Pages" {
				t.Fatalf("full %v: pages %v", full, pages)
			}
		}
		kept, ok := r.objstm[objptr{3, 0}]
		if !ok || (kept == nil) != full || !full && !bytes.Contains(kept, []byte("(kept)")) {
			t.Errorf("full %v: cache entry %q, present %v", full, kept, ok)
		}
		if !full && r.objstmBytes != len(kept) {
			t.Errorf("cache counts %d bytes, holds %d", r.objstmBytes, len(kept))
		}
	}
}
