package fpdf

import (
	"io"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// Shared test fixture: a 3-page A4 Vietnamese administrative letter using
// the four Liberation Serif styles. It is drawn through an interface so the
// exact same drawing code runs against stock codeberg.org/go-pdf/fpdf and the
// fork.

var letterStyles = []struct {
	style string
	ttf   []byte
}{
	{"", liberationserifregular.TTF},
	{"B", liberationserifbold.TTF},
	{"I", liberationserifitalic.TTF},
	{"BI", liberationserifbolditalic.TTF},
}

const letterFamily = "LiberationSerif"

// letterDoc is the subset of the fpdf API used by drawLetter; both
// *stock.Fpdf and *Fpdf implement it.
type letterDoc interface {
	SetCatalogSort(bool)
	SetCreationDate(time.Time)
	SetModificationDate(time.Time)
	SetMargins(left, top, right float64)
	AddPage()
	SetFont(family, style string, size float64)
	CellFormat(w, h float64, txtStr, borderStr string, ln int, alignStr string, fill bool, link int, linkStr string)
	MultiCell(w, h float64, txtStr, borderStr, alignStr string, fill bool)
	Ln(h float64)
	PageCount() int
	Output(w io.Writer) error
}

var letterTime = time.Date(2025, 3, 15, 9, 30, 0, 0, time.UTC)

var letterParagraphs = []string{
	"Căn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014; Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008 và Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014; căn cứ Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 của Chính phủ quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của Luật Bảo hiểm y tế.",
	"Ủy ban nhân dân phường đề nghị Bảo hiểm xã hội quận xem xét, giải quyết việc cấp lại thẻ bảo hiểm y tế cho các đối tượng thuộc hộ gia đình cận nghèo trên địa bàn, do thẻ cũ bị mất, hư hỏng hoặc có sai sót về thông tin cá nhân như họ tên, ngày tháng năm sinh, giới tính và nơi đăng ký khám bệnh, chữa bệnh ban đầu.",
	"Người tham gia bảo hiểm y tế có trách nhiệm xuất trình thẻ bảo hiểm y tế có ảnh hoặc thẻ bảo hiểm y tế kèm theo giấy tờ chứng minh nhân thân khi đến khám bệnh, chữa bệnh; trường hợp cấp cứu, người tham gia bảo hiểm y tế được khám bệnh, chữa bệnh tại bất kỳ cơ sở khám bệnh, chữa bệnh nào.",
	"Đề nghị các đơn vị, tổ chức, cá nhân có liên quan phối hợp thực hiện nghiêm túc; trong quá trình triển khai, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Ủy ban nhân dân phường (qua Phòng Lao động – Thương binh và Xã hội) để được hướng dẫn, giải quyết theo thẩm quyền.",
	"Mức đóng bảo hiểm y tế hằng tháng của người lao động bằng 4,5% mức tiền lương tháng, trong đó người sử dụng lao động đóng hai phần ba và người lao động đóng một phần ba; thời gian đóng được tính liên tục khi không bị gián đoạn quá ba tháng.",
	"Quỹ bảo hiểm y tế thanh toán chi phí khám bệnh, chữa bệnh, phục hồi chức năng, khám thai định kỳ, sinh con; vận chuyển người bệnh từ tuyến huyện lên tuyến trên trong trường hợp cấp cứu hoặc khi đang điều trị nội trú phải chuyển tuyến chuyên môn kỹ thuật.",
}

// drawLetter renders the fixture (3 pages).
func drawLetter(pdf letterDoc) { drawLetterExtra(pdf, "") }

// drawLetterExtra renders the fixture followed by an extra paragraph in each
// style, so that tests can vary the set of used runes per document.
func drawLetterExtra(pdf letterDoc, extra string) {
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(letterTime)
	pdf.SetModificationDate(letterTime)
	pdf.SetMargins(25, 20, 20)
	pdf.AddPage()
	w := 210.0 - 25 - 20

	pdf.SetFont(letterFamily, "B", 13)
	pdf.CellFormat(w, 7, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", 1, "C", false, 0, "")
	pdf.SetFont(letterFamily, "BI", 13)
	pdf.CellFormat(w, 7, "Độc lập – Tự do – Hạnh phúc", "", 1, "C", false, 0, "")
	pdf.Ln(4)
	pdf.SetFont(letterFamily, "I", 13)
	pdf.CellFormat(w, 7, "Hà Nội, ngày 15 tháng 3 năm 2025", "", 1, "R", false, 0, "")
	pdf.Ln(4)
	pdf.SetFont(letterFamily, "B", 14)
	pdf.MultiCell(w, 7, "CÔNG VĂN\nVề việc cấp lại thẻ bảo hiểm y tế cho hộ gia đình cận nghèo", "", "C", false)
	pdf.Ln(4)

	for i := 0; i < 21; i++ {
		switch i % 7 {
		case 3:
			pdf.SetFont(letterFamily, "I", 13)
		case 6:
			pdf.SetFont(letterFamily, "BI", 13)
		default:
			pdf.SetFont(letterFamily, "", 13)
		}
		pdf.MultiCell(w, 6.5, letterParagraphs[i%len(letterParagraphs)], "", "J", false)
		pdf.Ln(2)
	}
	pdf.SetFont(letterFamily, "B", 13)
	pdf.CellFormat(w, 7, "TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH", "", 1, "R", false, 0, "")
	pdf.SetFont(letterFamily, "I", 13)
	pdf.CellFormat(w, 7, "(Đã ký và đóng dấu)", "", 1, "R", false, 0, "")
	if extra != "" {
		for _, s := range letterStyles {
			pdf.SetFont(letterFamily, s.style, 11)
			pdf.MultiCell(w, 5, extra, "", "L", false)
		}
	}
}
