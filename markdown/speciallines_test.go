package markdown

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/examples/kinds"
)

// giayMoiSource is examples/kinds' giấy mời with its typed lines written
// in the body, as a clerk types them.
const giayMoiSource = `---
kind: Giấy mời
issuer: {name: "Ủy ban nhân dân\nhuyện Nam Trực", abbrev: UBND}
number: 112
place: Nam Trực
date: 2024-07-08
summary: Họp sơ kết công tác phát triển người tham gia bảo hiểm y tế 6 tháng đầu năm 2024
signatures:
  - {authority: [KT. Chủ tịch], position: Phó Chủ tịch, name: Trần Văn Hùng}
noi_nhan: [Như trên]
luu: [VT]
---

Ủy ban nhân dân huyện Nam Trực trân trọng kính mời:

- Chủ tịch Ủy ban nhân dân các xã, thị trấn;
- Giám đốc Bảo hiểm xã hội huyện.

Tới dự Hội nghị sơ kết công tác phát triển người tham gia bảo hiểm y tế 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024.

Chủ trì: Đồng chí Trần Văn Hùng, Phó Chủ tịch Ủy ban nhân dân huyện

**Thời gian:** 14 giờ 00, thứ Hai, ngày 15/7/2024.

Địa điểm: Hội trường Ủy ban nhân dân huyện.

Đề nghị các đơn vị chuẩn bị số liệu kết quả thực hiện đến ngày 30/6/2024.
`

const bienBanSource = `---
kind: Biên bản
issuer: {name: "Ủy ban nhân dân\nhuyện Nam Trực", abbrev: UBND}
number: 5
date: 2024-07-15
summary: Hội nghị sơ kết công tác bảo hiểm y tế 6 tháng đầu năm 2024
signatures:
  - {position: Phó Chủ tịch UBND huyện, name: Trần Văn Hùng}
  - {name: Lê Thị Thu}
noi_nhan: [Các đại biểu dự hội nghị]
luu: [VT, Hồ sơ]
---

Thời gian bắt đầu: 14 giờ 00, ngày 15 tháng 7 năm 2024

Địa điểm: Hội trường Ủy ban nhân dân huyện

Thành phần tham dự:

- Chủ tịch Ủy ban nhân dân 20 xã, thị trấn;
- Lãnh đạo Bảo hiểm xã hội huyện, Phòng Y tế, Phòng Lao động - Thương binh và Xã hội.

Chủ trì (chủ tọa): Ông Trần Văn Hùng, Phó Chủ tịch Ủy ban nhân dân huyện

Thư ký (người ghi biên bản): Bà Lê Thị Thu, chuyên viên Văn phòng HĐND và UBND huyện

Nội dung:

Bảo hiểm xã hội huyện báo cáo kết quả: đến ngày 30/6/2024 toàn huyện có 178.520 người tham gia, đạt tỷ lệ bao phủ 90,1%.

Hội nghị thống nhất giao Phòng Y tế tham mưu văn bản đôn đốc các xã đạt dưới 85%.

Hội nghị kết thúc vào 16 giờ 30, ngày 15/7/2024./.
`

const giayGioiThieuSource = `---
kind: Giấy giới thiệu
issuer: {name: "Ủy ban nhân dân\nhuyện Nam Trực", abbrev: UBND}
number: 27
place: Nam Trực
date: 2024-08-01
signatures:
  - {authority: [KT. Chủ tịch], position: Phó Chủ tịch, name: Trần Văn Hùng}
noi_nhan: [Như trên]
luu: [VT]
---

Ủy ban nhân dân huyện Nam Trực trân trọng giới thiệu:

Ông Nguyễn Văn Nam

Chức vụ: Chuyên viên Phòng Y tế huyện

Được cử đến: Ủy ban nhân dân xã Nam Thắng

Về việc: Kiểm tra số liệu người tham gia bảo hiểm y tế hộ gia đình.

Đề nghị Quý cơ quan tạo điều kiện để ông có tên ở trên hoàn thành nhiệm vụ.

Giấy này có giá trị đến hết ngày 31/8/2024./.
`

const congDienSource = `---
kind: Công điện
issuer: {name: "Ủy ban nhân dân\nhuyện Nam Trực", abbrev: UBND}
number: 3
place: Nam Trực
date: 2024-09-05
summary: Về việc đôn đốc thực hiện chỉ tiêu phát triển người tham gia bảo hiểm y tế năm 2024
marks: {urgency: Khẩn}
signatures:
  - {authority: [KT. Chủ tịch], position: Phó Chủ tịch, name: Trần Văn Hùng}
noi_nhan: [Như trên, {name: "TT Huyện ủy, TT HĐND huyện", purpose: để báo cáo}]
luu: [VT, YT]
---

Chủ tịch Ủy ban nhân dân huyện điện:

- Chủ tịch Ủy ban nhân dân các xã, thị trấn;
- Giám đốc Bảo hiểm xã hội huyện;
- Trưởng phòng Y tế huyện.

Đến ngày 31/8/2024, tỷ lệ bao phủ bảo hiểm y tế toàn huyện mới đạt 89,2%, thấp hơn chỉ tiêu được giao 3,1 điểm phần trăm; 7 xã đạt dưới 85%.

Chủ tịch Ủy ban nhân dân huyện yêu cầu Chủ tịch Ủy ban nhân dân các xã, thị trấn tập trung chỉ đạo, hoàn thành chỉ tiêu trước ngày 30/11/2024.
`

const giayNghiPhepSource = `---
kind: Giấy nghỉ phép
issuer: {name: "Ủy ban nhân dân\nhuyện Nam Trực", abbrev: UBND}
number: 14
place: Nam Trực
date: 2024-08-12
signatures:
  - {authority: [KT. Chủ tịch], position: Phó Chủ tịch, name: Trần Văn Hùng}
noi_nhan: [Bà Lê Thị Thu]
luu: [VT]
---

Xét Đơn đề nghị nghỉ phép ngày 09/8/2024 của bà Lê Thị Thu;

Ủy ban nhân dân huyện Nam Trực cấp cho:

Bà: Lê Thị Thu

Chức vụ: Chuyên viên Văn phòng HĐND và UBND huyện

Được nghỉ phép trong thời gian 5 ngày kể từ ngày 19/8/2024 đến hết ngày 23/8/2024 tại xã Hải Hậu, huyện Hải Hậu, tỉnh Nam Định.

Số ngày nghỉ phép nêu trên được tính vào thời gian nghỉ hằng năm năm 2024./.

Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép
`

// TestSpecialLinesInBody: the typed lines written in the body read into
// the same document as the front matter's invitation: and minutes:.
func TestSpecialLinesInBody(t *testing.T) {
	for _, c := range []struct{ name, src string }{{"giay-moi", giayMoiSource}, {"bien-ban", bienBanSource}, {"giay-gioi-thieu", giayGioiThieuSource}, {"cong-dien", congDienSource}, {"giay-nghi-phep", giayNghiPhepSource}} {
		t.Run(c.name, func(t *testing.T) {
			s, err := ParseSource([]byte(c.src), c.name+".md", nil)
			if err != nil {
				t.Fatal(err)
			}
			want := kinds.GiayMoi()
			line, field := 23, "Invitation.Time"
			switch c.name {
			case "bien-ban":
				want, line, field = kinds.BienBan(), 33, "Minutes.End"
			case "giay-gioi-thieu":
				want, line, field = kinds.GiayGioiThieu(), 25, "Introduction.ValidUntil"
			case "cong-dien":
				want, line, field = kinds.CongDien(), 15, "Telegram.Sender"
			case "giay-nghi-phep":
				want, line, field = kinds.GiayNghiPhep(), 21, "Leave.Days"
			}
			if !Equal(s.Doc, want) {
				got, _ := Marshal(s.Doc, nil)
				t.Errorf("body lines do not read as the front matter's:\n%s", got)
			}
			if f, l := s.Line(field); l != line {
				t.Errorf("%s placed at %s:%d, want line %d", field, f, l, line)
			}
		})
	}
}

func TestSpecialLinesErrors(t *testing.T) {
	for _, c := range []struct{ name, src, old, new, want string }{
		{"no such date", giayMoiSource, "thứ Hai, ngày 15/7/2024", "ngày 32/7/2024", `giay-moi.md:23: Invitation.Time: "14 giờ 00, ngày 32/7/2024": no such date`},
		{"wrong weekday", giayMoiSource, "thứ Hai", "thứ Ba", `giay-moi.md:23: Invitation.Time: "14 giờ 00, thứ Ba, ngày 15/7/2024": 15/07/2024 is a thứ hai, not a thứ ba`},
		{"not a time", giayMoiSource, "14 giờ 00, thứ Hai, ngày 15/7/2024", "chiều thứ Hai", `giay-moi.md:23: Invitation.Time: "chiều thứ Hai": want a time and date such as "14 giờ 00, ngày 15/7/2024"`},
		{"hour 25", bienBanSource, "14 giờ 00, ngày 15 tháng 7", "25 giờ 00, ngày 15 tháng 7", `bien-ban.md:14: Minutes.Start: "25 giờ 00, ngày 15 tháng 7 năm 2024": hour 0–23, minute 0–59`},
		{"bad end", bienBanSource, "16 giờ 30, ngày 15/7/2024", "16 giờ 30", `bien-ban.md:33: Minutes.End: "16 giờ 30": want a time and date`},
		{"end before start", bienBanSource, "16 giờ 30, ngày 15/7/2024", "13 giờ 30, ngày 15/7/2024", `bien-ban.md:33: Minutes.End: 13 giờ 30`},
		{"given twice", giayMoiSource, "luu: [VT]\n", "luu: [VT]\ninvitation: {invitees: [A], event: B, time: 2024-07-15 14:00, venue: C}\n", `giay-moi.md:15: Invitation.Invitees: given in the body and in the front matter's invitation (line 12)`},
		{"valid until 31/9", giayGioiThieuSource, "31/8/2024", "31/9/2024", `giay-gioi-thieu.md:25: Introduction.ValidUntil: "31/9/2024": no such date`},
		{"no position", giayGioiThieuSource, "Chức vụ: Chuyên viên Phòng Y tế huyện\n\n", "", `giay-gioi-thieu.md:15: Introduction.Position: empty`},
		{"leave period", giayNghiPhepSource, "5 ngày kể từ ngày 19/8/2024 đến hết", "5 ngày từ 19/8/2024 đến hết", `giay-nghi-phep.md:21: Leave.Days: "5 ngày từ 19/8/2024 đến hết ngày 23/8/20"…: want "5 ngày kể từ ngày`},
		{"leave 6 days in 5", giayNghiPhepSource, "5 ngày kể từ", "6 ngày kể từ", `giay-nghi-phep.md:21: Leave.Days: 6 days do not fit`},
		{"venue missing", giayMoiSource, "Địa điểm: Hội trường Ủy ban nhân dân huyện.\n\n", "", `giay-moi.md:14: Invitation.Venue: empty`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(c.src, c.old, c.new, 1)
			if src == c.src && c.old != "" {
				t.Fatalf("%q not in the source", c.old)
			}
			name := map[string]string{giayMoiSource: "giay-moi.md", bienBanSource: "bien-ban.md", giayGioiThieuSource: "giay-gioi-thieu.md", giayNghiPhepSource: "giay-nghi-phep.md"}[c.src]
			_, err := Parse([]byte(src), name)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}
