package xlsx

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"testing"
)

// sheetLike is n bytes of rows, repetitive as a sheet's XML is.
func sheetLike(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><f>D%d-C%d</f><v>%d</v></c></row>`, i, i, i*7919%1000, i, i, i, i%97)
	}
	return b.Bytes()[:n]
}

func deflateAll(t *testing.T, data []byte, piece int) []byte {
	t.Helper()
	var out bytes.Buffer
	d := newChunkDeflater(&out)
	for len(data) > 0 {
		k := min(piece, len(data))
		if _, err := d.Write(data[:k]); err != nil {
			t.Fatal(err)
		}
		data = data[k:]
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A sheet of one chunk is deflated as archive/zip deflates it; a longer
// one, in chunks, reads back as written and gives the same bytes however
// it is written.
func TestChunkDeflater(t *testing.T) {
	for _, n := range []int{0, 1, 100_000, deflateChunk, deflateChunk + 1, 3*deflateChunk + 12345} {
		data := sheetLike(n)
		got := deflateAll(t, data, 65536)
		if n <= deflateChunk {
			var want bytes.Buffer
			fw, _ := flate.NewWriter(&want, 5)
			fw.Write(data)
			fw.Close()
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%d bytes: not deflated as archive/zip deflates", n)
			}
		}
		back, err := io.ReadAll(flate.NewReader(bytes.NewReader(got)))
		if err != nil || !bytes.Equal(back, data) {
			t.Errorf("%d bytes: read back %d bytes, %v", n, len(back), err)
		}
		if again := deflateAll(t, data, 4093); !bytes.Equal(again, got) {
			t.Errorf("%d bytes: written in other pieces, other bytes", n)
		}
		if n > 1000 && len(got) > n/3 {
			t.Errorf("%d bytes deflated to %d", n, len(got))
		}
	}
}
