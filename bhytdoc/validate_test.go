package bhytdoc

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/ir"
)

// minimal returns a small valid công văn; tests break one part at a time.
func minimal() *Document {
	return &Document{
		Kind:       CongVan,
		Issuer:     Issuer{Name: "Ủy ban nhân dân\nquận Cái Răng", Abbrev: "UBND"},
		Number:     898,
		Place:      "Cái Răng",
		Date:       Date{2020, 5, 18},
		Summary:    "tăng cường vận động tham gia bảo hiểm y tế",
		Addressees: []string{"Chủ tịch Ủy ban nhân dân các phường"},
		Body:       []Block{{Kind: Paragraph, Text: []Span{{Text: "Nội dung."}}}},
		Signatures: []Signature{{Authority: []Authority{{KT, "Chủ tịch"}}, Position: "Phó Chủ tịch", Name: "Vương Công Khanh"}},
		Recipients: []Recipient{{Name: "Như kính gửi"}},
		Luu:        []string{"VT"},
	}
}

func TestValidateMinimal(t *testing.T) {
	if err := minimal().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateNamesEachField(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(d *Document)
		fields []string
		msg    string
	}{
		{"missing signer", func(d *Document) { d.Signatures[0].Name = " " }, []string{"Signatures[0].Name"}, "empty"},
		{"no signature", func(d *Document) { d.Signatures = nil }, []string{"Signatures"}, "missing"},
		{"blank number not draft", func(d *Document) { d.Number = 0 }, []string{"Number"}, "only a Draft"},
		{"impossible date", func(d *Document) { d.Date = Date{2021, 2, 31} }, []string{"Date"}, ""},
		{"blank day not draft", func(d *Document) { d.Date.Day = 0 }, []string{"Date"}, ""},
		{"invalid utf8", func(d *Document) { d.Body[0].Text[0].Text = "a\xffb" }, []string{"Body[0].Text[0]"}, "UTF-8"},
		{"unknown kind", func(d *Document) { d.Kind = 99 }, []string{"Kind"}, ""},
		{"v/v prefix", func(d *Document) { d.Summary = "V/v abc" }, []string{"Summary"}, "V/v"},
		{"recipient punctuation", func(d *Document) { d.Addressees[0] += ";" }, []string{"Addressees[0]"}, "punctuation"},
		{"KT without position", func(d *Document) { d.Signatures[0].Position = "" }, []string{"Signatures[0].Position"}, "KT."},
		{"bad prefix", func(d *Document) { d.Signatures[0].Authority[0].Prefix = "XX." }, []string{"Signatures[0].Authority[0].Prefix"}, ""},
		{"no luu", func(d *Document) { d.Luu = nil }, []string{"Luu"}, "VT"},
		{"bad label", func(d *Document) { d.Body[0] = Block{Kind: Section, Label: "1.", Text: []Span{{Text: "X"}}} }, []string{"Body[0].Label"}, "Section"},
		{"control char", func(d *Document) { d.Place = "Cái\tRăng" }, []string{"Place"}, "control"},
		{"wrong cell count", func(d *Document) {
			d.Annexes = []Annex{{Title: "Biểu", Table: Table{
				Header: [][]HeaderCell{{{Text: "STT"}, {Text: "Đơn vị"}}},
				Rows:   [][]string{{"1", "A"}, {"2"}},
			}}}
		}, []string{"Annexes[0].Table.Rows[1]"}, "1 cells"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := minimal()
			c.break_(d)
			err := d.Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want *ValidationError", err)
			}
			if got := ve.Fields(); !reflect.DeepEqual(got, c.fields) {
				t.Errorf("fields %q, want %q (%v)", got, c.fields, err)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q lacks %q", err, c.msg)
			}
		})
	}
}

func TestValidateReportsAllAtOnce(t *testing.T) {
	d := minimal()
	d.Signatures[0].Name = ""
	d.Number = 0
	d.Place = ""
	err := d.Validate()
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "Number" {
		t.Errorf("errors.As FieldError: %v", fe)
	}
}

func TestDraftMayLeaveBlanks(t *testing.T) {
	d := minimal()
	d.Draft, d.Number, d.Date = true, 0, Date{2021, 6, 0}
	d.DraftingUnit = "VX"
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if got, want := d.NumberSymbol(), "     /UBND-VX"; got != want {
		t.Errorf("NumberSymbol %q, want %q", got, want)
	}
	if got := d.PlaceDate(); !strings.HasPrefix(got, "Cái Răng, ngày ") || !strings.HasSuffix(got, "tháng 6 năm 2021") {
		t.Errorf("PlaceDate %q", got)
	}
}

func TestNumberSymbol(t *testing.T) {
	d := minimal()
	if got := d.NumberSymbol(); got != "898/UBND" {
		t.Errorf("công văn: %q", got)
	}
	d.Kind, d.Number = KeHoach, 131
	if got := d.NumberSymbol(); got != "131/KH-UBND" {
		t.Errorf("kế hoạch: %q", got)
	}
	d.Number = 5
	if got := d.NumberSymbol(); got != "05/KH-UBND" {
		t.Errorf("leading zero: %q", got)
	}
	d.Kind, d.Number, d.DraftingUnit = CongVan, 464, "VX"
	if got := d.NumberSymbol(); got != "464/UBND-VX" {
		t.Errorf("drafting unit: %q", got)
	}
}

func TestAnnexReference(t *testing.T) {
	d := minimal()
	d.Kind, d.Number, d.Date = KeHoach, 131, Date{2018, 11, 8}
	d.Issuer.Name = "Ủy ban nhân dân\nthành phố"
	want := "Kèm theo Kế hoạch số 131/KH-UBND ngày 08/11/2018 của Ủy ban nhân dân thành phố"
	if got := d.AnnexReference(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestKinds(t *testing.T) {
	for _, k := range Kinds() {
		if k.Name() == "" {
			t.Errorf("%d has no name", k)
		}
		if (k.Symbol() == "") != (k == CongVan || k == ThuCong) {
			t.Errorf("%s symbol %q", k, k.Symbol())
		}
		for _, s := range []string{k.Name(), k.Ident(), strings.ToUpper(k.Name())} {
			if got, err := ParseKind(s); err != nil || got != k {
				t.Errorf("ParseKind(%q) = %v, %v", s, got, err)
			}
		}
	}
	want := map[Kind]string{KeHoach: "KH", BaoCao: "BC", ThongBao: "TB", QuyetDinh: "QĐ", ToTrinh: "TTr"}
	for k, s := range want {
		if k.Symbol() != s {
			t.Errorf("%s symbol %q, want %q", k, k.Symbol(), s)
		}
	}
	if _, err := ParseKind("Thư"); err == nil {
		t.Error("ParseKind accepted an unknown kind")
	}
}

func TestNormalizedNFDAndTone(t *testing.T) {
	d := minimal()
	d.Place = "Ca\u0301i Ra\u0306ng" // NFD
	d.Body[0].Text[0].Text = "Uỷ ban hoà giải"
	n := d.Normalized(ToneTraditional)
	if n.Place != "Cái Răng" {
		t.Errorf("NFC: %q", n.Place)
	}
	if got := n.Body[0].Text[0].Text; got != "Ủy ban hòa giải" {
		t.Errorf("tone: %q", got)
	}
	if d.Body[0].Text[0].Text != "Uỷ ban hoà giải" {
		t.Error("Normalized modified its receiver")
	}
	if got := d.Normalized(ToneModern).Body[0].Text[0].Text; got != "Uỷ ban hoà giải" {
		t.Errorf("modern: %q", got)
	}
}

// The IR mirrors the model's block kinds by value (toIR converts with a
// cast), so their order must stay the same.
func TestBlockKindsMatchIR(t *testing.T) {
	want := map[BlockKind]ir.BlockKind{
		Paragraph: ir.Paragraph, Part: ir.Part, Section: ir.Section, Item: ir.Item,
		SubItem: ir.SubItem, Point: ir.Point, Dash: ir.Dash, Plus: ir.Plus, Article: ir.Article,
		Centered: ir.Centered, TableBlock: ir.TableBlock,
	}
	if len(want) != len(blockKindNames) {
		t.Fatalf("%d kinds mapped, %d declared", len(want), len(blockKindNames))
	}
	for k, w := range want {
		if ir.BlockKind(k) != w {
			t.Errorf("%s is %d in the model, %d in the IR", k, k, w)
		}
	}
}

// An annex reference line copied from another document is an error; one
// naming the document's own number and date (in figures or words) is not.
func TestValidateAnnexReference(t *testing.T) {
	table := Table{Header: [][]HeaderCell{{{Text: "STT"}, {Text: "Đơn vị"}}}, Rows: [][]string{{"1", "Phường A"}}}
	for _, c := range []struct {
		ref, want string
	}{
		{"Kèm theo Công văn số 898/UBND ngày 18/5/2020 của Ủy ban nhân dân quận", ""},
		{"Kèm theo Công văn số 898/UBND ngày 18 tháng 5 năm 2020", ""},
		{"Kèm theo Kế hoạch số 31/KH-UBND ngày 18/5/2020", "names số 31, but the document is số 898"},
		{"Kèm theo Công văn số 898/UBND ngày 08/11/2018", "names the date 8/11/2018"},
		{"Biểu tổng hợp", ""},
	} {
		d := minimal()
		d.Annexes = []Annex{{Title: "Phụ lục", Reference: c.ref, Table: table}}
		err := d.Validate()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.ref, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), "Annexes[0].Reference: "+c.want)):
			t.Errorf("%q: got %v, want %q", c.ref, err, c.want)
		}
	}
	d := minimal()
	d.Number, d.Draft = 0, true
	d.Annexes = []Annex{{Title: "Phụ lục", Reference: "Kèm theo Công văn số 12/UBND", Table: table}}
	if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "no number yet") {
		t.Errorf("draft naming a number: %v", err)
	}
}
