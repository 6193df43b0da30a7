package sign_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math/big"
	"regexp"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/sign"
)

// Example signs a letter rendered by bhytdoc, first as the signer, then as
// the organisation. A real signer would load its key with LoadPKCS12 or
// take it from a PKCS#11 token; here a throw-away one is made.
func ExamplePDF() {
	// A letter with a signature image and a seal image.
	doc := &bhytdoc.Document{
		Kind:       bhytdoc.CongVan,
		Issuer:     bhytdoc.Issuer{Name: "Ủy ban nhân dân\nquận Cái Răng", Abbrev: "UBND"},
		Number:     898,
		Place:      "Cái Răng",
		Date:       bhytdoc.Date{Year: 2020, Month: 5, Day: 18},
		Summary:    "tăng cường vận động tham gia bảo hiểm y tế",
		Addressees: []string{"Chủ tịch Ủy ban nhân dân các phường"},
		Body:       []bhytdoc.Block{{Kind: bhytdoc.Paragraph, Text: []bhytdoc.Span{{Text: "Đề nghị các phường triển khai thực hiện./."}}}},
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.KT, Title: "Chủ tịch"}},
			Position:  "Phó Chủ tịch",
			Name:      "Vương Công Khanh",
			Image:     pngOf(120, 50, color.NRGBA{0x10, 0x30, 0xC0, 0xFF}),
			Seal:      pngOf(100, 100, color.NRGBA{0xD0, 0x10, 0x10, 0xFF}),
		}},
		Recipients: []bhytdoc.Recipient{{Name: "Như kính gửi"}},
		Luu:        []string{"VT"},
	}
	letter, err := bhytdoc.RenderPDF(doc, nil)
	if err != nil {
		log.Fatal(err)
	}
	areas, err := sign.Areas(bytes.NewReader(letter), int64(len(letter)))
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range areas {
		fmt.Printf("%s: page %d, %.0f×%.0f pt\n", a.Role, a.Page, a.Rect.X1-a.Rect.X0, a.Rect.Y1-a.Rect.Y0)
	}

	at := time.Date(2020, 5, 18, 2, 30, 0, 0, time.UTC)
	signed := letter
	for _, role := range []sign.Role{sign.Signer, sign.Organisation} {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			log.Fatal(err)
		}
		tpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(role) + 1),
			Subject:      pkix.Name{CommonName: role.String()},
			NotBefore:    at.AddDate(-1, 0, 0),
			NotAfter:     time.Now().AddDate(1, 0, 0),
			KeyUsage:     x509.KeyUsageDigitalSignature,
		}
		der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, key.Public(), key)
		if err != nil {
			log.Fatal(err)
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			log.Fatal(err)
		}
		var out bytes.Buffer
		err = sign.PDF(&out, bytes.NewReader(signed), int64(len(signed)), key, []*x509.Certificate{cert},
			sign.Options{Role: role, Time: at, Reason: "Ký ban hành"})
		if err != nil {
			log.Fatal(err)
		}
		signed = out.Bytes()
	}
	// Both signatures, with the signing time in UTC+07:00.
	for _, m := range regexp.MustCompile(`/M \((D:[^)]*)\)`).FindAllSubmatch(signed, -1) {
		fmt.Printf("%s\n", m[1])
	}
	// Output:
	// signer: page 1, 128×53 pt
	// organisation: page 1, 60×60 pt
	// D:20200518093000+07'00'
	// D:20200518093000+07'00'
}

// pngOf is a w×h PNG: a c-coloured frame on a transparent background.
func pngOf(w, h int, c color.NRGBA) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, 0, c)
		img.Set(x, h-1, c)
	}
	for y := 0; y < h; y++ {
		img.Set(0, y, c)
		img.Set(w-1, y, c)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}
