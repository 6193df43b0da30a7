package bhytdoc_test

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
)

// word returns the first word s on page (ok false if none).
func word(page []bboxWord, s string) (bboxWord, bool) {
	for _, w := range page {
		if w.s == s {
			return w, true
		}
	}
	return bboxWord{}, false
}

func mustWord(t *testing.T, page []bboxWord, s string) bboxWord {
	t.Helper()
	w, ok := word(page, s)
	if !ok {
		t.Fatalf("word %q not on the page", s)
	}
	return w
}

// above fails unless a's line is above b's.
func above(t *testing.T, a, b bboxWord) {
	t.Helper()
	if a.y1 > b.y0+0.5 {
		t.Errorf("%q (y %.1f) is not above %q (y %.1f)", a.s, a.y0, b.s, b.y0)
	}
}

func pageText(p []bboxWord) string {
	var sb strings.Builder
	for _, w := range p {
		sb.WriteString(w.s + " ")
	}
	return sb.String()
}

// TestSpecialLayoutsInPDF checks each Appendix III model by the position
// of its lines in the PDF, as pdftotext reads them back.
func TestSpecialLayoutsInPDF(t *testing.T) {
	needTool(t, "pdftotext")
	for _, ex := range kinds.All() {
		t.Run(ex.Name, func(t *testing.T) {
			p := bboxWords(t, ex.Doc)[0]
			text := pageText(p)
			switch ex.Doc.Kind {
			case bhytdoc.CongDien:
				title := pdfLine(t, p, "CÔNG ĐIỆN")
				sender := pdfLine(t, p, "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN điện:")
				addr := pdfLine(t, p, "- Chủ tịch Ủy ban nhân dân các xã, thị trấn;")
				body := pdfLine(t, p, "Đến ngày 31/8/2024,")
				khan := mustWord(t, p, "KHẨN")
				above(t, title, sender)
				above(t, sender, addr)
				above(t, addr, body)
				if !centredOnText(title) || !centredOnText(sender) {
					t.Errorf("title %+v or sender line %+v not centred", title, sender)
				}
				if khan.x1 > (defLeft+defRight)/2 {
					t.Errorf("KHẨN at x %.1f: not under the number, on the left", khan.x0)
				}
			case bhytdoc.GiayMoi:
				kinh := pdfLine(t, p, "huyện Nam Trực trân trọng kính mời:")
				toi := mustWord(t, p, "Tới")
				chu := pdfLine(t, p, "Chủ trì:")
				tg := pdfLine(t, p, "Thời gian: 14 giờ 00, thứ Hai, ngày 15 tháng 7 năm 2024.")
				dd := pdfLine(t, p, "Địa điểm:")
				above(t, kinh, toi)
				above(t, toi, chu)
				above(t, chu, tg)
				above(t, tg, dd)
				if !near(chu.x0, tg.x0, 0.5) || !near(tg.x0, dd.x0, 0.5) {
					t.Errorf("Chủ trì, Thời gian, Địa điểm not aligned: %.1f %.1f %.1f", chu.x0, tg.x0, dd.x0)
				}
			case bhytdoc.GiayGioiThieu:
				intro := pdfLine(t, p, "trân trọng giới thiệu:")
				person := pdfLine(t, p, "Ông Nguyễn Văn Nam")
				to := pdfLine(t, p, "Được cử đến: Ủy ban nhân dân xã Nam Thắng")
				about := pdfLine(t, p, "Về việc:")
				valid := pdfLine(t, p, "Giấy này có giá trị đến hết ngày")
				above(t, intro, person)
				above(t, person, to)
				above(t, to, about)
				above(t, about, valid)
				if strings.Contains(text, "V/v") {
					t.Error("a giấy giới thiệu has no trích yếu")
				}
			case bhytdoc.BienBan:
				if strings.Contains(text, "ngày 15 tháng 7 năm 2024 ") && strings.Index(text, "ngày 15 tháng 7") < strings.Index(text, "BIÊN BẢN") {
					t.Error("a biên bản has no place and date line")
				}
				start := pdfLine(t, p, "Thời gian bắt đầu:")
				chair := pdfLine(t, p, "CHỦ TỌA")
				sec := pdfLine(t, p, "THƯ KÝ")
				end := pdfLine(t, p, "Hội nghị kết thúc vào 16 giờ 30,")
				above(t, start, end)
				above(t, end, chair)
				if !near(chair.y0, sec.y0, 0.5) || sec.x1 > chair.x0 {
					t.Errorf("THƯ KÝ %+v must stand left of CHỦ TỌA %+v on its line", sec, chair)
				}
				nn := pdfLine(t, p, "Nơi nhận:")
				above(t, mustWord(t, p, "Thu"), nn) // under the secretary's name
			case bhytdoc.GiayNghiPhep:
				req := pdfLine(t, p, "Xét Đơn đề nghị nghỉ phép ngày")
				grant := pdfLine(t, p, "Được nghỉ phép trong thời gian 5 ngày")
				above(t, req, grant)
				name := pdfLine(t, p, "Trần Văn Hùng")
				conf := pdfLine(t, p, "Xác nhận của cơ quan")
				above(t, name, conf)
				if conf.x1 > (defLeft+defRight)/2 {
					t.Errorf("confirmation column %+v not on the left", conf)
				}
			case bhytdoc.QuyChe:
				for _, s := range []string{"Số:", "Nơi nhận:", "tháng"} {
					if _, ok := word(p, s); ok {
						t.Errorf("%q printed: the issued document has none of its own", s)
					}
				}
				pdfLine(t, p, "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/02/2024 của Ủy ban")
			case bhytdoc.QuyetDinh:
				// Mẫu 1.3: the decision alone on its page; the quy chế
				// it issues starts the next (TestIssuedPaperPDF).
				pdfLine(t, p, "Điều 1. Ban hành kèm theo Quyết định này Quy chế")
				if _, ok := word(p, "CHẾ"); ok {
					t.Error("the issued quy chế begins on the decision's page")
				}
			case bhytdoc.BanThoaThuan:
				a := pdfLine(t, p, "ĐẠI DIỆN BÊN A")
				b := pdfLine(t, p, "ĐẠI DIỆN BÊN B")
				if !near(a.y0, b.y0, 0.5) || a.x1 > b.x0 {
					t.Errorf("BÊN A %+v must sign left of BÊN B %+v, side by side", a, b)
				}
				above(t, pdfLine(t, p, "BÊN A: ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC"), pdfLine(t, p, "BÊN B: BẢO HIỂM XÃ HỘI HUYỆN NAM TRỰC"))
				if _, ok := word(p, "Nơi"); ok {
					t.Error("Nơi nhận printed for an agreement without one")
				}
			case bhytdoc.ThuCong:
				pdfLine(t, p, "THƯ CẢM ƠN")
				if _, ok := word(p, "Số:"); ok {
					t.Error("a thư công has no number")
				}
			default:
				t.Fatalf("no check for %s", ex.Doc.Kind)
			}
		})
	}
}
