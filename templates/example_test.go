package templates_test

import (
	"fmt"

	"github.com/bhytdoc/bhytdoc/templates"
)

func ExampleNames() {
	fmt.Println(templates.Names())
	// Output: [bao-cao-bhyt bien-ban-hop-bhyt cong-dien-don-doc-bhyt cong-van-bhyt cong-van-xa-bhyt giay-moi-so-ket-bhyt ke-hoach-bhyt quyet-dinh-giao-chi-tieu to-trinh-giao-chi-tieu]
}

func ExampleFill() {
	type coQuan struct{ ChuQuan, Ten, VietTat string }
	type moc struct {
		Ngay string
		TyLe float64
	}
	type nguoiKy struct {
		QuyenHan      []string
		ChucVu, HoTen string
	}
	data := struct {
		CoQuan                       coQuan
		So                           int
		DonViSoanThao, DiaDanh, Ngay string
		DiaBan, NgaySoLieu           string
		TyLe, ChiTieu                float64
		NguoiChiDao                  string
		KinhGui, NhiemVu             []string
		DonViCoSo                    string
		MocTienDo                    []moc
		NoiBaoCao, HanBaoCao         string
		NguoiKy                      nguoiKy
		NoiNhan, Luu                 []string
	}{
		CoQuan:      coQuan{Ten: "Ủy ban nhân dân\nquận Cái Răng", VietTat: "UBND"},
		So:          898,
		DiaDanh:     "Cái Răng",
		Ngay:        "2020-05-18",
		DiaBan:      "quận Cái Răng",
		NgaySoLieu:  "2020-05-15",
		TyLe:        78.11,
		ChiTieu:     90,
		NguoiChiDao: "Chủ tịch Ủy ban nhân dân quận",
		KinhGui:     []string{"Chủ tịch Ủy ban nhân dân các phường"},
		NhiemVu:     []string{"Đề nghị các phường tăng cường tuyên truyền."},
		DonViCoSo:   "Ủy ban nhân dân các phường",
		MocTienDo:   []moc{{"2020-06-30", 85}, {"2020-09-30", 89}},
		NoiBaoCao:   "Ủy ban nhân dân quận",
		HanBaoCao:   "2020-07-05",
		NguoiKy:     nguoiKy{[]string{"KT. Chủ tịch"}, "Phó Chủ tịch", "Vương Công Khanh"},
		NoiNhan:     []string{"Như trên"},
		Luu:         []string{"VT"},
	}
	d, err := templates.Fill("cong-van-bhyt", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.NumberSymbol(), "–", d.Summary)
	fmt.Println(d.Body[2].Marker(), d.Body[2].Plain())
	// Output:
	// 898/UBND – tăng cường rà soát, vận động và phát triển đối tượng tham gia bảo hiểm y tế trên địa bàn quận Cái Răng
	// 2. Giao Ủy ban nhân dân các phường chủ động phối hợp với các ngành có liên quan rà soát, liên hệ, vận động các đối tượng chưa tham gia và đã tham gia bảo hiểm y tế sắp hết hạn tiếp tục tham gia, đẩy mạnh phát triển mới đối tượng tham gia bảo hiểm y tế, đảm bảo hoàn thành tiến độ thực hiện chỉ tiêu đề ra: đến ngày 30/6/2020 phải đạt 85%, đến ngày 30/9/2020 phải đạt 89%.
}

func ExampleFill_missingField() {
	data := templates.Example("cong-van-bhyt")
	delete(data, "HanBaoCao")
	_, err := templates.Fill("cong-van-bhyt", data)
	fmt.Println(err)
	// Output:
	// cong-van-bhyt.md: .HanBaoCao: missing data field "HanBaoCao" (Hạn báo cáo)
}

// A misspelt field is an error naming the field it resembles, not a
// field silently left out of the letter.
func ExampleCheck() {
	data := templates.Example("cong-van-bhyt")
	delete(data, "DonViSoanThao")
	data["DonViSoanthao"] = "VX"
	fmt.Println(templates.Check("cong-van-bhyt", data))
	// Output:
	// cong-van-bhyt.md: .DonViSoanthao: unknown field (did you mean DonViSoanThao?)
}

func ExampleFields() {
	fs, _ := templates.Fields("cong-van-bhyt")
	for _, f := range fs[:4] {
		fmt.Printf("%s %s required=%v: %s\n", f.Name, f.Type, f.Required, f.Label)
	}
	// Output:
	// CoQuan object required=true: Cơ quan ban hành
	// So int required=false: Số văn bản
	// DonViSoanThao text required=false: Đơn vị soạn thảo
	// DiaDanh text required=true: Địa danh
}
