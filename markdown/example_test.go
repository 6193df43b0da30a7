package markdown_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/markdown"
)

const source = `---
kind: Công văn
issuer:
  name: Ủy ban nhân dân quận Cái Răng
  abbrev: UBND
number: 898
place: Cái Răng
date: 2020-05-18
summary: tăng cường phát triển đối tượng tham gia bảo hiểm y tế
recipients:
  - Chủ tịch Ủy ban nhân dân các phường
signatures:
  - authority: [KT. Chủ tịch]
    position: Phó Chủ tịch
    name: Vương Công Khanh
noi_nhan: [Như trên]
luu: [VT]
---

Độ bao phủ bảo hiểm y tế toàn quận đạt **78,11%**.

1. Giao Ủy ban nhân dân các phường rà soát, vận động.
`

func ExampleParse() {
	d, err := markdown.Parse([]byte(source), "898-UBND.md")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Kind, d.NumberSymbol(), d.PlaceDate())
	for _, b := range d.Body {
		fmt.Printf("%s %s%q\n", b.Kind, b.Marker(), b.Plain())
	}
	// Output:
	// Công văn 898/UBND Cái Răng, ngày 18 tháng 5 năm 2020
	// Paragraph "Độ bao phủ bảo hiểm y tế toàn quận đạt 78,11%."
	// Item 1."Giao Ủy ban nhân dân các phường rà soát, vận động."
}

func ExampleParse_errors() {
	bad := strings.Replace(source, "number: 898", "number: tám", 1)
	bad = strings.Replace(bad, "place: Cái Răng", "plase: Cái Răng", 1)
	_, err := markdown.Parse([]byte(bad), "898-UBND.md")
	fmt.Println(err)
	// Output:
	// 898-UBND.md:6: number: want a whole number, got "tám"
	// 898-UBND.md:7: plase: unknown key (want annexes, attachments, authority, bases, contact, copy, date, draft, drafting_unit, esign, introduction, invitation, issued_with, issuer, issues, kind, leave, luu, marks, minutes, noi_nhan, number, parties, place, print_copies, proposal, recipients, signatures, summary, telegram, typist)
}

func ExampleWrite() {
	d, _ := markdown.Parse([]byte(source), "898-UBND.md")
	d.Body = append(d.Body, bhytdoc.Block{Kind: bhytdoc.Paragraph, Text: []bhytdoc.Span{{Text: "2. Không phải mục *này*."}}})
	if err := markdown.Write(os.Stdout, d, &markdown.Options{Publish: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// **ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG**\
	// Số: 898/UBND\
	// V/v tăng cường phát triển đối tượng tham gia bảo hiểm y tế
	//
	// **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\
	// **Độc lập - Tự do - Hạnh phúc**
	//
	// *Cái Răng, ngày 18 tháng 5 năm 2020*
	//
	// Kính gửi: Chủ tịch Ủy ban nhân dân các phường.
	//
	// Độ bao phủ bảo hiểm y tế toàn quận đạt **78,11%**.
	//
	// 1. Giao Ủy ban nhân dân các phường rà soát, vận động.
	//
	// 2\. Không phải mục \*này\*.
	//
	// **KT. CHỦ TỊCH**\
	// **PHÓ CHỦ TỊCH**
	//
	// **Vương Công Khanh**
	//
	// ***Nơi nhận:***
	//
	// - Như trên;
	// - Lưu: VT.
}

func ExampleEscape() {
	fmt.Println(markdown.Escape("1. Tỷ lệ *đạt* 95% | chỉ tiêu"))
	// Output:
	// 1\. Tỷ lệ \*đạt\* 95% \| chỉ tiêu
}

func ExampleEqual() {
	a, _ := markdown.Parse([]byte(source), "a.md")
	b := a.Clone()
	b.Summary = strings.Replace(b.Summary, "y tế", "y tế", 1) // same text
	b.Body[0].Text = append(b.Body[0].Text, bhytdoc.Span{Text: ""})
	fmt.Println(markdown.Equal(a, b))
	// Output:
	// true
}
