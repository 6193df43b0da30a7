package sign_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/signtest"
	"github.com/bhytdoc/bhytdoc/sign"
)

// TestPDFFuncRefusesBadCMS: a service returning something that is not a
// CMS over the digest, or failing, gives an error and nothing written;
// the digest it gets is 32 bytes.
func TestPDFFuncRefusesBadCMS(t *testing.T) {
	ca := signtest.NewCA(t)
	now := time.Now()
	_, chain := ca.Leaf(t, "Vương Công Khanh", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0), false)
	doc := signtest.Letter(t)
	boom := errors.New("service down")
	for _, c := range []struct {
		name string
		fn   sign.SignFunc
		want func(error) bool
	}{
		{"garbage", func(_ context.Context, d []byte) ([]byte, error) { return append([]byte{0x30, 0x03}, d[:3]...), nil },
			func(err error) bool { var ce *sign.CMSError; return errors.As(err, &ce) }},
		{"error", func(context.Context, []byte) ([]byte, error) { return nil, boom },
			func(err error) bool { return errors.Is(err, boom) }},
	} {
		var w failWriter
		var got []byte
		fn := func(ctx context.Context, d []byte) ([]byte, error) { got = d; return c.fn(ctx, d) }
		err := sign.PDFFunc(context.Background(), &w, bytes.NewReader(doc), int64(len(doc)), chain, fn, sign.Options{})
		if !c.want(err) || w.n != 0 || len(got) != 32 {
			t.Errorf("%s: err %v, %d bytes written, digest of %d bytes", c.name, err, w.n, len(got))
		}
	}
}
