package markdown_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/quyetdinh"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// TestDecisionRoundTrip: a quyết định — authority, proposal, articles with
// khoản and điểm, an annex — is written, read back equal, and written
// again to the same bytes.
func TestDecisionRoundTrip(t *testing.T) {
	for _, ex := range quyetdinh.All() {
		a, err := markdown.Marshal(ex.Doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		d, err := markdown.Parse(a, ex.Name+".md")
		if err != nil {
			t.Fatalf("%v\n%s", err, a)
		}
		if !markdown.Equal(d, ex.Doc) {
			t.Errorf("%s: read back differs", ex.Name)
		}
		b, err := markdown.Marshal(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: second write differs", ex.Name)
		}
		for _, s := range []string{"authority: Ủy ban nhân dân huyện Nam Trực\n", "proposal: Theo đề nghị của Trưởng phòng Y tế huyện\n",
			"\n### Điều 1. Giao chỉ tiêu", "\n1. Ủy ban nhân dân các xã, thị trấn:\n", "\na) Xây dựng", "\n**QUYẾT ĐỊNH:**\n", "\n**ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC**\n"} {
			if !bytes.Contains(a, []byte(s)) {
				t.Errorf("%s: written file lacks %q", ex.Name, s)
			}
		}
	}
}

// TestCopyRoundTrip: a document with a paper copy's block (an electronic
// one too), marks and ô 12–14 reads back equal and writes the same bytes.
func TestCopyRoundTrip(t *testing.T) {
	d := seeds.CaiRang()
	d.Marks = bhytdoc.Marks{Urgency: bhytdoc.Khan, Secrecy: bhytdoc.ToiMat, Circulation: bhytdoc.XemXongTraLai, DuThao: true}
	d.Typist, d.IssuedCopies = "PL", 300
	d.Contact = []string{"Địa chỉ: số 1 đường Võ Nguyên Giáp"}
	d.Recipients = append(d.Recipients, bhytdoc.Recipient{Name: "UBND thành phố", Purpose: "để báo cáo"}, bhytdoc.Recipient{Name: "Sở Y tế", Joined: true})
	d.Copy = &bhytdoc.Copy{
		Form:       bhytdoc.TrichSao,
		Issuer:     bhytdoc.Issuer{Parent: "Ủy ban nhân dân quận Cái Răng", Name: "Ủy ban nhân dân\nphường Lê Bình", Abbrev: "UBND"},
		Number:     5,
		Place:      "Lê Bình",
		Date:       bhytdoc.Date{Year: 2020, Month: 5, Day: 20},
		Signature:  bhytdoc.Signature{Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TL, Title: "Chủ tịch"}}, Position: "Công chức", Name: "Nguyễn Thị B"},
		Recipients: []bhytdoc.Recipient{{Name: "Các khu vực"}},
		Luu:        []string{"VT"},
		ESign:      &bhytdoc.ESignature{Organisation: "Ủy ban nhân dân phường Lê Bình", Time: time.Date(2020, 5, 20, 8, 0, 0, 0, time.UTC)},
	}
	a, err := markdown.Marshal(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	back, err := markdown.Parse(a, "copy.md")
	if err != nil {
		t.Fatalf("%v\n%s", err, a)
	}
	if !markdown.Equal(back, d) {
		t.Errorf("read back differs:\n%s", a)
	}
	b, err := markdown.Marshal(back, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("second write differs")
	}
	for _, s := range []string{"copy:\n  form: Trích sao\n", "time: \"2020-05-20T15:00:00+07:00\"", "urgency: KHẨN", "print_copies: 300",
		"\n**TRÍCH SAO**\\\n*Lê Bình, ngày 20 tháng 5 năm 2020*\n", "\nSố: 05/TrS-UBND\n", "\nPL.(300)\n", "- UBND thành phố; } (để báo cáo)\n- Sở Y tế; }\n"} {
		if !bytes.Contains(a, []byte(s)) {
			t.Errorf("written file lacks %q", s)
		}
	}
}
