// Package kinds builds one document of each kind that Decree 30's
// Appendix III draws with a model of its own (Mẫu 1.3's companion, 1.6,
// 1.7, 1.8, 1.9, 1.10), a two-party agreement and a thư công, set in a
// district's health-insurance campaign. Tests and `bhytdoc examples` use
// them.
package kinds

import (
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

var issuer = bhytdoc.Issuer{Name: "Ủy ban nhân dân\nhuyện Nam Trực", Abbrev: "UBND"}

func chairman() bhytdoc.Signature {
	return bhytdoc.Signature{Authority: []bhytdoc.Authority{{Prefix: bhytdoc.KT, Title: "Chủ tịch"}}, Position: "Phó Chủ tịch", Name: "Trần Văn Hùng"}
}

func para(s string) []bhytdoc.Block {
	return []bhytdoc.Block{{Kind: bhytdoc.Paragraph, Text: []bhytdoc.Span{{Text: s}}}}
}

// All returns the documents, freshly built.
func All() []seeds.Example {
	return []seeds.Example{
		{Name: "cong-dien", Doc: CongDien()},
		{Name: "giay-moi", Doc: GiayMoi()},
		{Name: "giay-gioi-thieu", Doc: GiayGioiThieu()},
		{Name: "bien-ban", Doc: BienBan()},
		{Name: "giay-nghi-phep", Doc: GiayNghiPhep()},
		{Name: "quy-che-kem-theo", Doc: QuyCheKemTheo()},
		{Name: "quyet-dinh-ban-hanh-quy-che", Doc: QuyetDinhBanHanh()},
		{Name: "hop-dong", Doc: HopDong()},
		{Name: "thu-cong", Doc: ThuCong()},
	}
}

// CongDien is a công điện (Mẫu 1.6) urging the communes on.
func CongDien() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.CongDien, Issuer: issuer, Number: 3, Place: "Nam Trực", Date: bhytdoc.Date{Year: 2024, Month: 9, Day: 5},
		Summary: "Về việc đôn đốc thực hiện chỉ tiêu phát triển người tham gia bảo hiểm y tế năm 2024",
		Marks:   bhytdoc.Marks{Urgency: bhytdoc.Khan},
		Telegram: &bhytdoc.Telegram{
			Sender:     "Chủ tịch Ủy ban nhân dân huyện",
			Addressees: []string{"Chủ tịch Ủy ban nhân dân các xã, thị trấn", "Giám đốc Bảo hiểm xã hội huyện", "Trưởng phòng Y tế huyện"},
		},
		Body: append(para("Đến ngày 31/8/2024, tỷ lệ bao phủ bảo hiểm y tế toàn huyện mới đạt 89,2%, thấp hơn chỉ tiêu được giao 3,1 điểm phần trăm; 7 xã đạt dưới 85%."),
			para("Chủ tịch Ủy ban nhân dân huyện yêu cầu Chủ tịch Ủy ban nhân dân các xã, thị trấn tập trung chỉ đạo, hoàn thành chỉ tiêu trước ngày 30/11/2024.")...),
		Signatures: []bhytdoc.Signature{chairman()},
		Recipients: []bhytdoc.Recipient{{Name: "Như trên"}, {Name: "TT Huyện ủy, TT HĐND huyện", Purpose: "để báo cáo"}},
		Luu:        []string{"VT", "YT"},
	}
}

// GiayMoi invites the communes to the review meeting (Mẫu 1.7).
func GiayMoi() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.GiayMoi, Issuer: issuer, Number: 112, Place: "Nam Trực", Date: bhytdoc.Date{Year: 2024, Month: 7, Day: 8},
		Summary: "Họp sơ kết công tác phát triển người tham gia bảo hiểm y tế 6 tháng đầu năm 2024",
		Invitation: &bhytdoc.Invitation{
			Invitees: []string{"Chủ tịch Ủy ban nhân dân các xã, thị trấn", "Giám đốc Bảo hiểm xã hội huyện"},
			Event:    "Hội nghị sơ kết công tác phát triển người tham gia bảo hiểm y tế 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024",
			Chair:    "Đồng chí Trần Văn Hùng, Phó Chủ tịch Ủy ban nhân dân huyện",
			Time:     bhytdoc.Moment{Date: bhytdoc.Date{Year: 2024, Month: 7, Day: 15}, Hour: 14},
			Venue:    "Hội trường Ủy ban nhân dân huyện",
		},
		Body:       para("Đề nghị các đơn vị chuẩn bị số liệu kết quả thực hiện đến ngày 30/6/2024."),
		Signatures: []bhytdoc.Signature{chairman()},
		Recipients: []bhytdoc.Recipient{{Name: "Như trên"}},
		Luu:        []string{"VT"},
	}
}

// GiayGioiThieu introduces an officer to a commune (Mẫu 1.8).
func GiayGioiThieu() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.GiayGioiThieu, Issuer: issuer, Number: 27, Place: "Nam Trực", Date: bhytdoc.Date{Year: 2024, Month: 8, Day: 1},
		Introduction: &bhytdoc.Introduction{
			Honorific: "Ông", Person: "Nguyễn Văn Nam", Position: "Chuyên viên Phòng Y tế huyện",
			To: "Ủy ban nhân dân xã Nam Thắng", Purpose: "Kiểm tra số liệu người tham gia bảo hiểm y tế hộ gia đình",
			ValidUntil: bhytdoc.Date{Year: 2024, Month: 8, Day: 31},
		},
		Signatures: []bhytdoc.Signature{chairman()},
		Recipients: []bhytdoc.Recipient{{Name: "Như trên"}},
		Luu:        []string{"VT"},
	}
}

// BienBan minutes the review meeting (Mẫu 1.9).
func BienBan() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.BienBan, Issuer: issuer, Number: 5, Date: bhytdoc.Date{Year: 2024, Month: 7, Day: 15},
		Summary: "Hội nghị sơ kết công tác bảo hiểm y tế 6 tháng đầu năm 2024",
		Minutes: &bhytdoc.Minutes{
			Meeting: "Hội nghị",
			Start:   bhytdoc.Moment{Date: bhytdoc.Date{Year: 2024, Month: 7, Day: 15}, Hour: 14},
			End:     bhytdoc.Moment{Date: bhytdoc.Date{Year: 2024, Month: 7, Day: 15}, Hour: 16, Minute: 30},
			Venue:   "Hội trường Ủy ban nhân dân huyện",
			Participants: []string{"Chủ tịch Ủy ban nhân dân 20 xã, thị trấn",
				"Lãnh đạo Bảo hiểm xã hội huyện, Phòng Y tế, Phòng Lao động - Thương binh và Xã hội"},
			Chair:     "Ông Trần Văn Hùng, Phó Chủ tịch Ủy ban nhân dân huyện",
			Secretary: "Bà Lê Thị Thu, chuyên viên Văn phòng HĐND và UBND huyện",
		},
		Body: append(para("Bảo hiểm xã hội huyện báo cáo kết quả: đến ngày 30/6/2024 toàn huyện có 178.520 người tham gia, đạt tỷ lệ bao phủ 90,1%."),
			para("Hội nghị thống nhất giao Phòng Y tế tham mưu văn bản đôn đốc các xã đạt dưới 85%.")...),
		Signatures: []bhytdoc.Signature{
			{Position: "Phó Chủ tịch UBND huyện", Name: "Trần Văn Hùng"},
			{Name: "Lê Thị Thu"},
		},
		Recipients: []bhytdoc.Recipient{{Name: "Các đại biểu dự hội nghị"}},
		Luu:        []string{"VT", "Hồ sơ"},
	}
}

// GiayNghiPhep grants an officer leave (Mẫu 1.10).
func GiayNghiPhep() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.GiayNghiPhep, Issuer: issuer, Number: 14, Place: "Nam Trực", Date: bhytdoc.Date{Year: 2024, Month: 8, Day: 12},
		Leave: &bhytdoc.Leave{
			RequestDate: bhytdoc.Date{Year: 2024, Month: 8, Day: 9}, Honorific: "Bà", Person: "Lê Thị Thu",
			Position: "Chuyên viên Văn phòng HĐND và UBND huyện", Days: 5,
			From: bhytdoc.Date{Year: 2024, Month: 8, Day: 19}, To: bhytdoc.Date{Year: 2024, Month: 8, Day: 23},
			Where: "xã Hải Hậu, huyện Hải Hậu, tỉnh Nam Định", CountsAs: "nghỉ hằng năm năm 2024", Confirmation: true,
		},
		Signatures: []bhytdoc.Signature{chairman()},
		Recipients: []bhytdoc.Recipient{{Name: "Bà Lê Thị Thu"}},
		Luu:        []string{"VT"},
	}
}

// QuyCheKemTheo is a quy chế issued with a decision (Mẫu 1.3's
// companion): no number, date line, signature or Nơi nhận of its own.
func QuyCheKemTheo() *bhytdoc.Document {
	body, err := bhytdoc.ParseBody("# Chương I. Quy định chung\n\n### Điều 1. Phạm vi điều chỉnh\n\nQuy chế này quy định việc phối hợp giữa các cơ quan trong phát triển người tham gia bảo hiểm y tế.\n\n### Điều 2. Nguyên tắc phối hợp\n\nPhối hợp thường xuyên, kịp thời.\n")
	if err != nil {
		panic(err) // a fixed text
	}
	return &bhytdoc.Document{
		Kind: bhytdoc.QuyChe, Issuer: issuer, Date: bhytdoc.Date{Year: 2024, Month: 2, Day: 5},
		Summary:    "Phối hợp phát triển người tham gia bảo hiểm y tế trên địa bàn huyện",
		IssuedWith: "Kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2024 của Ủy ban nhân dân huyện Nam Trực",
		Body:       body,
	}
}

// QuyetDinhBanHanh is a quyết định of Mẫu 1.3 carrying the quy chế it
// issues: one source for both, the quy chế's "(Kèm theo Quyết định số …)"
// line made from the decision's number, date and authority.
func QuyetDinhBanHanh() *bhytdoc.Document {
	qd, err := bhytdoc.ParseBody("### Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp phát triển người tham gia bảo hiểm y tế trên địa bàn huyện.\n\n### Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n### Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, Giám đốc Bảo hiểm xã hội huyện, Chủ tịch Ủy ban nhân dân các xã, thị trấn chịu trách nhiệm thi hành Quyết định này.\n")
	if err != nil {
		panic(err) // a fixed text
	}
	qc := QuyCheKemTheo()
	qc.Issuer, qc.Date, qc.IssuedWith = bhytdoc.Issuer{}, bhytdoc.Date{}, ""
	return &bhytdoc.Document{
		Kind: bhytdoc.QuyetDinh, Issuer: issuer, Number: 12, Place: "Nam Trực", Date: bhytdoc.Date{Year: 2024, Month: 2, Day: 5},
		Summary:   "Ban hành Quy chế phối hợp phát triển người tham gia bảo hiểm y tế trên địa bàn huyện",
		Authority: "Ủy ban nhân dân huyện Nam Trực",
		Bases: []string{
			"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
			"Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008",
		},
		Proposal:   "Theo đề nghị của Trưởng phòng Y tế huyện",
		Body:       qd,
		Signatures: []bhytdoc.Signature{chairman()},
		Recipients: []bhytdoc.Recipient{{Name: "Như Điều 3"}, {Name: "Thường trực Huyện ủy"}, {Name: "Thường trực Hội đồng nhân dân huyện"}},
		Luu:        []string{"VT", "YT"},
		Issues:     qc,
	}
}

// HopDong is an agreement between two parties, signed side by side.
func HopDong() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.BanThoaThuan, Issuer: issuer, Number: 2, Place: "Nam Trực", Date: bhytdoc.Date{Year: 2024, Month: 3, Day: 1},
		Summary: "Phối hợp tuyên truyền, vận động người dân tham gia bảo hiểm y tế hộ gia đình",
		Parties: []bhytdoc.Party{
			{Name: "Ủy ban nhân dân huyện Nam Trực", Representative: "Ông Trần Văn Hùng", Position: "Phó Chủ tịch", Address: "Thị trấn Nam Giang, huyện Nam Trực"},
			{Name: "Bảo hiểm xã hội huyện Nam Trực", Representative: "Bà Phạm Thị Hoa", Position: "Giám đốc", Phone: "0228 3827 123"},
		},
		Body: para("Hai bên thống nhất phối hợp tổ chức tuyên truyền tại 20 xã, thị trấn trong năm 2024."),
		Signatures: []bhytdoc.Signature{
			{Position: "Phó Chủ tịch", Name: "Trần Văn Hùng"},
			{Position: "Giám đốc", Name: "Phạm Thị Hoa"},
		},
	}
}

// ThuCong is a thư công: no number; its subject is its title.
func ThuCong() *bhytdoc.Document {
	return &bhytdoc.Document{
		Kind: bhytdoc.ThuCong, Issuer: issuer, Place: "Nam Trực", Date: bhytdoc.Date{Year: 2024, Month: 12, Day: 20},
		Summary:    "Thư cảm ơn",
		Addressees: []string{"Cán bộ, viên chức Bảo hiểm xã hội huyện Nam Trực"},
		Body: append(para("Năm 2024, với sự nỗ lực của cán bộ, viên chức Bảo hiểm xã hội huyện, tỷ lệ bao phủ bảo hiểm y tế toàn huyện đạt 93,2%, vượt chỉ tiêu Hội đồng nhân dân huyện giao 1,2 điểm phần trăm; 20/20 xã, thị trấn hoàn thành chỉ tiêu."),
			para("Ủy ban nhân dân huyện ghi nhận và cảm ơn những đóng góp của các đồng chí, chúc các đồng chí mạnh khỏe, tiếp tục hoàn thành tốt nhiệm vụ trong năm 2025.")...),
		Signatures: []bhytdoc.Signature{{Position: "Chủ tịch", Name: "Nguyễn Văn An"}},
		Recipients: []bhytdoc.Recipient{{Name: "Như trên"}},
		Luu:        []string{"VT"},
	}
}
