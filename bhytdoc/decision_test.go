package bhytdoc_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

func TestParseArticles(t *testing.T) {
	blocks, err := bhytdoc.ParseBody(`### Điều 1. Giao chỉ tiêu

1. Khoản một.

a) Điểm a.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3\. không phải là điều.
`)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind    bhytdoc.BlockKind
		label   string
		heading bool
		text    string
	}{
		{bhytdoc.Article, "Điều 1.", true, "Giao chỉ tiêu"},
		{bhytdoc.Item, "1.", false, "Khoản một."},
		{bhytdoc.Point, "a)", false, "Điểm a."},
		{bhytdoc.Article, "Điều 2.", false, "Quyết định này có hiệu lực kể từ ngày ký."},
		{bhytdoc.Paragraph, "", false, "Điều 3. không phải là điều."},
	}
	if len(blocks) != len(want) {
		t.Fatalf("%d blocks, want %d: %+v", len(blocks), len(want), blocks)
	}
	for i, w := range want {
		b := blocks[i]
		if b.Kind != w.kind || b.Label != w.label || b.Heading != w.heading || b.Plain() != w.text {
			t.Errorf("block %d: %+v, want %+v", i, b, w)
		}
	}
}

func TestParseArticlesMisnumbered(t *testing.T) {
	_, err := bhytdoc.ParseBody("### Điều 1. Một\n\nVăn bản.\n\n### Điều 3. Ba\n")
	var se *bhytdoc.SyntaxError
	if !errors.As(err, &se) || se.Line != 5 || !strings.Contains(se.Msg, `want "Điều 2."`) {
		t.Fatalf("want an error at line 5 naming Điều 2., got %v", err)
	}
}

func quyetDinhDoc(t *testing.T) *bhytdoc.Document {
	t.Helper()
	body, err := bhytdoc.ParseBody("### Điều 1. Giao chỉ tiêu\n\nGiao chỉ tiêu cho các xã.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký; Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành.\n")
	if err != nil {
		t.Fatal(err)
	}
	return &bhytdoc.Document{
		Kind:       bhytdoc.QuyetDinh,
		Issuer:     bhytdoc.Issuer{Name: "Ủy ban nhân dân\nhuyện Nam Trực", Abbrev: "UBND"},
		Number:     330,
		Place:      "Nam Trực",
		Date:       bhytdoc.Date{Year: 2022, Month: 2, Day: 23},
		Summary:    "Về việc giao chỉ tiêu phát triển tỷ lệ bao phủ bảo hiểm y tế năm 2022",
		Authority:  "Ủy ban nhân dân huyện Nam Trực",
		Bases:      []string{"Căn cứ Luật Bảo hiểm y tế ngày 14/11/2008"},
		Proposal:   "Theo đề nghị của Trưởng phòng Y tế huyện",
		Body:       body,
		Signatures: []bhytdoc.Signature{{Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ủy ban nhân dân"}}, Position: "Chủ tịch", Name: "Nguyễn Văn A"}},
		Recipients: []bhytdoc.Recipient{{Name: "Như Điều 2"}},
		Luu:        []string{"VT"},
	}
}

func TestValidateDecision(t *testing.T) {
	d := quyetDinhDoc(t)
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	d.Authority = ""
	d.Proposal = "Theo đề nghị của Phòng Y tế;"
	d.Body[2].Label = "Điều 5."
	var ve *bhytdoc.ValidationError
	if err := d.Validate(); !errors.As(err, &ve) {
		t.Fatalf("want a ValidationError, got %v", err)
	}
	got := strings.Join(ve.Fields(), ",")
	// "Như Điều 2" now names an article that is gone.
	if got != "Authority,Proposal,Body[2].Label,Recipients[0].Name" {
		t.Errorf("fields %s", got)
	}
	if !strings.Contains(ve.Error(), `want "Điều 2."`) {
		t.Errorf("message: %v", ve)
	}
	k := quyetDinhDoc(t)
	k.Kind = bhytdoc.KeHoach
	if err := k.Validate(); err == nil || !strings.Contains(err.Error(), "Authority: a Kế hoạch has no authority line") {
		t.Errorf("authority on a kế hoạch: %v", err)
	}
}

// TestDecisionIR: the decision's lines are derived once, in the IR.
func TestDecisionIR(t *testing.T) {
	doc, _, _, err := bhytdoc.LayoutForTest(quyetDinhDoc(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Authority.S != "ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC" || doc.Decision.S != "QUYẾT ĐỊNH:" ||
		doc.Proposal.S != "Theo đề nghị của Trưởng phòng Y tế huyện." || doc.Bases[0].S != "Căn cứ Luật Bảo hiểm y tế ngày 14/11/2008;" {
		t.Errorf("IR: %q %q %q %q", doc.Authority.S, doc.Decision.S, doc.Proposal.S, doc.Bases[0].S)
	}
	if doc.Recipients[0].S != "- Như Điều 2;" {
		t.Errorf("Nơi nhận: %q", doc.Recipients[0].S)
	}
}
