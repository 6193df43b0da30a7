package signarea

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := []Area{
		{Role: Signer, Block: 0, Page: 3, Rect: [4]float64{342.85, 494.64, 470.41, 547.79}},
		{Role: Organisation, Block: 1, Page: 3, Rect: [4]float64{303.73, 491.39, 405.78, 593.44}},
	}
	x := XMP(in)
	if !bytes.Equal(x, XMP(in)) {
		t.Error("XMP is not deterministic")
	}
	out, err := Parse(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("got %+v, want %+v", out, in)
	}
}

func TestParse(t *testing.T) {
	li := func(body string) string {
		return strings.Replace(string(XMP([]Area{{Role: Signer, Page: 1, Rect: [4]float64{1, 2, 3, 4}}})),
			"<bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>1</bhytdoc:Page><bhytdoc:Rect>1.00 2.00 3.00 4.00</bhytdoc:Rect>", body, 1)
	}
	for _, c := range []struct{ xmp, err string }{
		{li("<bhytdoc:Role>judge</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>1</bhytdoc:Page><bhytdoc:Rect>1 2 3 4</bhytdoc:Rect>"), "Role"},
		{li("<bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Page>1</bhytdoc:Page><bhytdoc:Rect>1 2 3 4</bhytdoc:Rect>"), "Block"},
		{li("<bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>x</bhytdoc:Page><bhytdoc:Rect>1 2 3 4</bhytdoc:Rect>"), "Page"},
		{li("<bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>1</bhytdoc:Page><bhytdoc:Rect>1 2 3</bhytdoc:Rect>"), "Rect"},
		{li("<bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>1</bhytdoc:Page><bhytdoc:Rect>3 2 1 4</bhytdoc:Rect>"), "empty"},
		{li("<bhytdoc:Role>signer</bhytdoc:Role><bhytdoc:Block>0</bhytdoc:Block><bhytdoc:Page>1</bhytdoc:Page><bhytdoc:Rect>1 2 +Inf 4</bhytdoc:Rect>"), "outside"},
		{"<x:xmpmeta", "XMP"},
	} {
		_, err := Parse(strings.NewReader(c.xmp))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("error %v, want one naming %s", err, c.err)
		}
	}
	// Another application's packet has no areas and is no error.
	as, err := Parse(strings.NewReader(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>X</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`))
	if err != nil || len(as) != 0 {
		t.Errorf("foreign packet: %v, %v", as, err)
	}
}
