package docmeta

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/internal/signarea"
)

func sample() *Packet {
	return &Packet{
		Record: Record{
			Kind: "Công văn", Number: 898, Symbol: "UBND-VX", Issuer: "Ủy ban nhân dân quận Cái Răng",
			IssuerParent: "Ủy ban nhân dân thành phố Cần Thơ", Summary: "a <b> & \"c\"", Date: "2020-05-18",
			Signers:    []Signer{{"Vương Công Khanh", "Phó Chủ tịch"}, {"Nguyễn Văn A", "Q. Chủ tịch"}},
			Addressees: []string{"Các phường"}, Recipients: []string{"Như kính gửi", "UBND thành phố (Báo cáo)"},
			Pages: 3,
		},
		Areas: []signarea.Area{{Role: signarea.Signer, Page: 3, Rect: [4]float64{1, 2, 3, 4}}},
	}
}

// TestRoundTrip: what XMP writes, Parse reads back, archival or not, and
// the signature areas stay readable by signarea.
func TestRoundTrip(t *testing.T) {
	for _, archival := range []bool{false, true} {
		p := sample()
		want := ""
		if archival {
			p.Archival = &Archive{Title: "T", Author: "A", Subject: "S", Creator: "c", Producer: "p",
				Date: time.Date(2020, 5, 18, 0, 0, 0, 0, time.FixedZone("", 7*3600))}
			want = "2B"
		}
		x := XMP(p)
		if !bytes.Equal(x, XMP(p)) {
			t.Fatal("XMP is not deterministic")
		}
		got, err := Parse(bytes.NewReader(x))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Record, p.Record) || got.PDFA != want {
			t.Errorf("archival=%v: got %+v %q, want %+v %q", archival, got.Record, got.PDFA, p.Record, want)
		}
		areas, err := signarea.Parse(bytes.NewReader(x))
		if err != nil || !reflect.DeepEqual(areas, p.Areas) {
			t.Errorf("areas %+v, %v", areas, err)
		}
		if archival != bytes.Contains(x, []byte("2020-05-18T00:00:00+07:00")) {
			t.Errorf("archival=%v: xmp dates wrong", archival)
		}
	}
	// A draft without number: Number is left out, the date may be partial.
	p := sample()
	p.Record.Number, p.Record.Draft, p.Record.Date = 0, true, "2022-03"
	got, err := Parse(bytes.NewReader(XMP(p)))
	if err != nil || !reflect.DeepEqual(got.Record, p.Record) {
		t.Errorf("draft: %+v, %v", got, err)
	}
}

func TestParseErrors(t *testing.T) {
	x := string(XMP(sample()))
	for _, c := range []struct{ old, new, err string }{
		{"<bhytdoc:Number>898<", "<bhytdoc:Number>tám<", "bhytdoc:Number"},
		{"<bhytdoc:Pages>3<", "<bhytdoc:Pages>0<", "bhytdoc:Pages"},
		{"<bhytdoc:Draft>False<", "<bhytdoc:Draft>no<", "bhytdoc:Draft"},
		{"<bhytdoc:Date>2020-05-18<", "<bhytdoc:Date>18/5/2020<", "bhytdoc:Date"},
		{"</x:xmpmeta>", "", "XMP metadata"},
	} {
		_, err := Parse(strings.NewReader(strings.Replace(x, c.old, c.new, 1)))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want one naming %s", c.new, err, c.err)
		}
	}
	// Signature areas alone (bhytdoc before the record) are no record.
	if _, err := Parse(bytes.NewReader(signarea.XMP(sample().Areas))); !errors.Is(err, ErrNoRecord) {
		t.Errorf("areas only: %v, want ErrNoRecord", err)
	}
}
