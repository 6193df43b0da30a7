// Package seeds reproduces three real Vietnamese administrative documents
// about health-insurance (bảo hiểm y tế) coverage as bhytdoc documents:
//
//   - CaiRang: Công văn số 898/UBND of Ủy ban nhân dân quận Cái Răng,
//     18/5/2020;
//   - SonDuong: a draft công văn …/UBND-VX of Ủy ban nhân dân huyện Sơn
//     Dương, June 2021;
//   - NamToan: the 2022 coverage plan (Kế hoạch) of Ủy ban nhân dân xã
//     Nam Toàn.
//
// The quyết định that seed 002 carries out is in package
// examples/quyetdinh.
//
// The header fields are Go literals; each body is Markdown embedded from
// this directory (cairang.md, sonduong.md, namtoan.md) and parsed with
// bhytdoc.ParseBody. The texts keep the originals' wording, spelling and
// punctuation, slips included ("tuyên truyên", "các các", "Uỷ" beside
// "Ủy"): the renderer's tone normaliser evens out the tone marks, nothing
// else is corrected. Only the line breaks of the extracted text, its page
// numbers and doubled spaces are gone.
//
// Every function returns a fresh document that the caller may modify.
package seeds

import (
	"embed"
	"fmt"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

//go:embed *.md
var bodies embed.FS

// Example is a named seed document. Name is the base name of the file the
// examples render to ("cai-rang-898-UBND" → cai-rang-898-UBND.pdf).
type Example struct {
	Name string
	Doc  *bhytdoc.Document
}

// All returns the three seed documents, freshly built, in seed order.
func All() []Example {
	return []Example{
		{Name: "cai-rang-898-UBND", Doc: CaiRang()},
		{Name: "son-duong-UBND-VX", Doc: SonDuong()},
		{Name: "nam-toan-KH-2022", Doc: NamToan()},
	}
}

// body parses the embedded Markdown file name. The files are part of the
// package and covered by its tests, so an error is a programming error.
func body(name string) []bhytdoc.Block {
	md, err := bodies.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("seeds: %v", err))
	}
	blocks, err := bhytdoc.ParseBody(string(md))
	if err != nil {
		panic(fmt.Sprintf("seeds: %s: %v", name, err))
	}
	return blocks
}

// CaiRang is seed 000: Công văn số 898/UBND of Ủy ban nhân dân quận Cái
// Răng, dated 18/5/2020, on stepping up health-insurance enrolment in the
// district. It is signed by a vice-chairman for the chairman (KT. Chủ
// tịch), without a TM. line, exactly as the original.
func CaiRang() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.CongVan,
		Issuer: bhytdoc.Issuer{
			Name:   "Ủy ban nhân dân\nquận Cái Răng",
			Abbrev: "UBND",
		},
		Number:  898,
		Place:   "Cái Răng",
		Date:    bhytdoc.Date{Year: 2020, Month: 5, Day: 18},
		Summary: "tăng cường rà soát, vận động và phát triển đối tượng tham gia bảo hiểm y tế trên địa bàn quận",
		Addressees: []string{
			"Thủ trưởng các ban, ngành, đoàn thể quận",
			"Chủ tịch Ủy ban nhân dân các phường",
			"Hiệu trưởng các cơ sở giáo dục trên địa bàn quận",
		},
		Body: body("cairang.md"),
		// The annex itself (a results table) is not part of the seed:
		// only the note announcing it is.
		Attachments: []string{
			"Đính kèm Phụ lục kết quả thực hiện bảo hiểm y tế đến ngày 15/5/2020",
		},
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.KT, Title: "Chủ tịch"}},
			Position:  "Phó Chủ tịch",
			Name:      "Vương Công Khanh",
		}},
		Recipients: []bhytdoc.Recipient{
			{Name: "Như kính gửi"},
			{Name: "CT, các PCT UBND quận"},
			{Name: "TV BBT Trang TTĐT và các APBTT quận"},
			{Name: "Trường Đại học Tây Đô"},
			{Name: "Trường Đại học kiến trúc"},
			{Name: "Trường THPT chuyên Lý Tự Trọng"},
			{Name: "Trường THPT Trần Đại Nghĩa"},
			{Name: "Trường THPT Nguyễn Việt Dũng"},
			{Name: "Các trường tư thục trên địa bàn"},
		},
		Luu: []string{"VT"},
	}
}

// SonDuong is seed 001: a draft công văn of Ủy ban nhân dân huyện Sơn
// Dương awaiting registration ("Số:      /UBND-VX", "ngày    tháng 6 năm
// 2021"), on getting members of near-poor households (hộ cận nghèo)
// insured. The seed marks three deadlines in bold; the body keeps them
// bold.
func SonDuong() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind:  bhytdoc.CongVan,
		Draft: true,
		Issuer: bhytdoc.Issuer{
			Name:   "Ủy ban nhân dân\nhuyện Sơn Dương",
			Abbrev: "UBND",
		},
		Number:       0, // blank: not yet registered
		DraftingUnit: "VX",
		Place:        "Sơn Dương",
		Date:         bhytdoc.Date{Year: 2021, Month: 6}, // day left blank
		Summary:      "tăng cường tuyên truyền, vận động người thuộc hộ gia đình cận nghèo tham gia bảo hiểm y tế",
		Addressees: []string{
			"Các cơ quan thành viên Ban chỉ đạo phát triển đối tượng tham gia bảo hiểm xã hội, bảo hiểm y tế huyện",
			"Ủy ban nhân dân các xã, thị trấn",
		},
		Body: body("sonduong.md"),
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{
				{Prefix: bhytdoc.TM, Title: "Ủy ban nhân dân"},
				{Prefix: bhytdoc.KT, Title: "Chủ tịch"},
			},
			Position: "Phó Chủ tịch",
			Name:     "Phạm Thị Nhị Bình",
		}},
		Recipients: []bhytdoc.Recipient{
			{Name: "UBND tỉnh", Purpose: "Báo cáo"},
			{Name: "TTr Huyện ủy, HĐND huyện", Purpose: "Báo cáo"},
			{Name: "Các Phó Chủ tịch UBND huyện"},
			{Name: "Như trên", Purpose: "Thực hiện"},
			{Name: "Chánh, PCVPTH HĐND- UBND huyện"}, // spacing as in the seed
			{Name: "Chuyên viên THVX"},
		},
		Luu: []string{"VT", "BHXH b"},
	}
}

// NamToan is seed 002: the Kế hoạch of Ủy ban nhân dân xã Nam Toàn
// (huyện Nam Trực) for the 2022 health-insurance coverage target.
//
// The seed starts at the title, so the header is reconstructed: a commune
// people's committee prints no parent body above its name. The seed gives
// neither the number nor the date either, so the plan is modelled as a
// draft with a blank number and day; March 2022 is inferred from the
// figures it quotes "tính hết ngày 15/03/2022". The place is the commune.
//
// The plan is signed for the steering committee (TM. Ban chỉ đạo), as the
// seed shows, although the body speaks for the commune's committee.
//
// The original numbers its sections I, II, III, IV and then III again
// ("III. TỔ CHỨC THỰC HIỆN:" after "IV. CÁC GIẢI PHÁP:"), a slip for V.
// Labels are explicit text in the model, so the document is reproduced as
// written; so are the colons that end some section headings and not
// others.
func NamToan() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind:  bhytdoc.KeHoach,
		Draft: true,
		Issuer: bhytdoc.Issuer{
			Name:   "Ủy ban nhân dân\nxã Nam Toàn",
			Abbrev: "UBND",
		},
		Number:  0,                                  // not in the seed
		Place:   "Nam Toàn",                         // the commune itself
		Date:    bhytdoc.Date{Year: 2022, Month: 3}, // not in the seed; see above
		Summary: "Thực hiện chỉ tiêu phát triển tỷ lệ bao phủ bảo hiểm y tế năm 2022",
		Bases: []string{
			"Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015",
			"Căn cứ Luật Bảo hiểm y tế ngày 14/11/2008",
			"Căn cứ Quyết định số 330/QĐ-UBND ngày 23 tháng 02 năm 2022 của UBND huyện Nam Trực về việc giao chỉ tiêu phát triển tỷ lệ bao phủ BHYT trên địa bàn huyện năm 2022",
		},
		Body: body("namtoan.md"),
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ban chỉ đạo"}},
			Position:  "Trưởng ban",
			Name:      "Hoàng Ngọc Duy",
		}},
		Recipients: []bhytdoc.Recipient{
			{Name: "TT Đảng ủy, HĐND - UBND xã"},
			{Name: "BCĐ phát triển tỷ lệ BHYT xã"},
			{Name: "Các cơ sở thôn xóm"},
		},
		Luu: []string{"VP"},
	}
}
