package bhytdoc_test

import (
	"log"
	"os"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// A short kế hoạch as Markdown for a web portal: the title upper case,
// the sections as printed, the Nơi nhận lines punctuated as on paper.
func ExampleWriteMarkdown() {
	d := &bhytdoc.Document{
		Kind:    bhytdoc.KeHoach,
		Issuer:  bhytdoc.Issuer{Parent: "Ủy ban nhân dân huyện Nam Trực", Name: "Ủy ban nhân dân\nxã Nam Toàn", Abbrev: "UBND"},
		Number:  5,
		Place:   "Nam Toàn",
		Date:    bhytdoc.Date{Year: 2022, Month: 1, Day: 10},
		Summary: "Phát triển người tham gia bảo hiểm y tế năm 2022",
		Bases:   []string{"Căn cứ Luật Bảo hiểm y tế"},
		Body: []bhytdoc.Block{
			{Kind: bhytdoc.Section, Label: "I.", Text: []bhytdoc.Span{{Text: "Mục đích"}}},
			{Kind: bhytdoc.Item, Label: "1.", Text: []bhytdoc.Span{{Text: "Đạt tỷ lệ bao phủ "}, {Text: "95%", Bold: true}, {Text: "."}}},
		},
		Signatures: []bhytdoc.Signature{{Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ủy ban nhân dân"}}, Position: "Chủ tịch", Name: "Trần Văn A"}},
		Recipients: []bhytdoc.Recipient{{Name: "UBND huyện", Purpose: "để báo cáo"}, {Name: "Các thôn"}},
		Luu:        []string{"VT"},
	}
	if err := bhytdoc.WriteMarkdown(os.Stdout, d, nil); err != nil {
		log.Fatal(err)
	}
	// Output:
	// ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC\
	// **ỦY BAN NHÂN DÂN**\
	// **XÃ NAM TOÀN**\
	// Số: 05/KH-UBND
	//
	// **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\
	// **Độc lập - Tự do - Hạnh phúc**
	//
	// *Nam Toàn, ngày 10 tháng 01 năm 2022*
	//
	// **KẾ HOẠCH**\
	// **Phát triển người tham gia bảo hiểm y tế năm 2022**
	//
	// *Căn cứ Luật Bảo hiểm y tế.*
	//
	// ## I. MỤC ĐÍCH
	//
	// 1. Đạt tỷ lệ bao phủ **95%**.
	//
	// **TM. ỦY BAN NHÂN DÂN**\
	// **CHỦ TỊCH**
	//
	// **Trần Văn A**
	//
	// ***Nơi nhận:***
	//
	// - UBND huyện (để báo cáo);
	// - Các thôn;
	// - Lưu: VT.
}
