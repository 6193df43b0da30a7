package sign_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/guard"
	"github.com/bhytdoc/bhytdoc/internal/hostilepdf"
	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// TestHostilePDF signs each hostile PDF of issue 18.1 under the guard
// (5 s, 256 MiB): each is a "malformed PDF" error and nothing written.
func TestHostilePDF(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	key, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	for _, c := range hostilepdf.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			guard.Run(t, 5*time.Second, 256<<20, func() {
				var w failWriter
				err := sign.PDF(&w, bytes.NewReader(c.Data), int64(len(c.Data)), key, chain, sign.Options{Page: 1, Rect: sign.Rect{X0: 10, Y0: 10, X1: 100, Y1: 50}})
				if err == nil || !strings.Contains(err.Error(), "malformed PDF") {
					t.Errorf("%d bytes: err = %v, want a malformed PDF error", len(c.Data), err)
				}
				if w.n != 0 {
					t.Errorf("%d bytes written", w.n)
				}
			})
		})
	}
}

// FuzzSignInput signs arbitrary bytes as a PDF: an error with nothing
// written, or a signed file, never a panic.
func FuzzSignInput(f *testing.F) {
	ca := signtest.NewCA(f)
	now := time.Now()
	key, chain := ca.Leaf(f, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	for _, c := range hostilepdf.Cases() {
		if len(c.Data) < 1<<16 {
			f.Add(c.Data)
		}
	}
	f.Add(hostilepdf.Nested(300))
	f.Add(signtest.Letter(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		var w failWriter
		err := sign.PDF(&w, bytes.NewReader(data), int64(len(data)), key, chain, sign.Options{})
		if err != nil && w.n != 0 {
			t.Fatalf("%v, and %d bytes written", err, w.n)
		}
	})
}
