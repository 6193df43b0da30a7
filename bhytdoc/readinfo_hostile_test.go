package bhytdoc

import (
	"bytes"
	"strings"
	"testing"
	"time"

	guardpkg "github.com/bhytdoc/bhytdoc/internal/guard"
	"github.com/bhytdoc/bhytdoc/internal/hostilepdf"
)

// TestHostilePDF reads each hostile PDF of issue 18.1 under the guard
// (5 s, 256 MiB): each is a "malformed PDF" error, never a crash, a hang
// or memory filling up.
func TestHostilePDF(t *testing.T) {
	for _, c := range hostilepdf.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			guardpkg.Run(t, 5*time.Second, 256<<20, func() {
				_, err := ReadInfo(bytes.NewReader(c.Data), int64(len(c.Data)))
				if err == nil || !strings.Contains(err.Error(), "malformed PDF") {
					t.Errorf("%d bytes: err = %v, want a malformed PDF error", len(c.Data), err)
				}
			})
		})
	}
}

// FuzzReadInfo reads arbitrary bytes as a PDF: an error or a record,
// never a panic, within bounded time and memory (the fuzzer's own limits
// catch a hang or a blow-up).
func FuzzReadInfo(f *testing.F) {
	for _, c := range hostilepdf.Cases() {
		if len(c.Data) < 1<<16 {
			f.Add(c.Data)
		}
	}
	f.Add(hostilepdf.Nested(300))
	if doc, err := RenderPDF(minimal(), nil); err == nil {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := ReadInfo(bytes.NewReader(data), int64(len(data)))
		if (info == nil) == (err == nil) {
			t.Fatalf("info %v, err %v", info, err)
		}
	})
}
