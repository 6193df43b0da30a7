package templates

// The built-in templates' data as Go types, for programs that want the
// compiler to catch a misspelt field: Fill("cong-van-bhyt", CongVan{…}).
// Each mirrors the template's declaration (see Fields); dates are text
// ("2020-05-18" or "18/5/2020"), and an optional field left at its zero
// value takes the declared default. Filling one of them under another
// template's name is an error.

// typed is implemented by the data types of the built-in templates.
type typed interface{ templateName() string }

// CoQuan is the issuing organisation.
type CoQuan struct {
	ChuQuan string // Cơ quan chủ quản; parent organisation, if any
	Ten     string // Tên cơ quan; name; "\n" breaks the line
	VietTat string // Chữ viết tắt; abbreviation in the document's symbol: "UBND"
}

// NguoiKy is the signer.
type NguoiKy struct {
	QuyenHan []string // Quyền hạn ký; authority lines: "TM. Ủy ban nhân dân", "KT. Chủ tịch"
	ChucVu   string   // Chức vụ; position
	HoTen    string   // Họ và tên; full name
}

// MocTienDo is a milestone of a schedule: by Ngay, TyLe percent.
type MocTienDo struct {
	Ngay string  // Ngày
	TyLe float64 // Tỷ lệ (%)
	Nhan string  // Nhãn; label, optional
}

// ChiTieuMoc is a unit's target at one milestone of a plan (see
// coverage.Shares).
type ChiTieuMoc struct {
	Ngay         string  // Ngày
	Nhan         string  // Nhãn
	TyLe         float64 // Tỷ lệ (%)
	SoNguoi      int64   // Số người tham gia
	DanSo        int64   // Dân số
	PhatTrienMoi int64   // Phát triển mới
}

// DonViKeHoach is a row of the kế hoạch's annex: counts of people.
type DonViKeHoach struct {
	Ten       string // Tên đơn vị
	DanSo     int64  // Dân số
	DaThamGia int64  // Đã tham gia
	ChiTieu   int64  // Chỉ tiêu (số người); participants to reach
}

// DonViBaoCao is a row of the báo cáo's annex.
type DonViBaoCao struct {
	Ten       string  // Tên đơn vị
	DanSo     int64   // Dân số
	DaThamGia int64   // Đã tham gia
	ChiTieu   float64 // Chỉ tiêu (%); target rate, percent
}

// GiaiPhap is a section of the kế hoạch's tasks: a unit and its tasks.
type GiaiPhap struct {
	DonVi   string   // Đơn vị
	NhiemVu []string // Nhiệm vụ
}

// CongVan is the data of cong-van-bhyt.
type CongVan struct {
	CoQuan        CoQuan      // Cơ quan ban hành
	So            int64       // Số văn bản
	DonViSoanThao string      // Đơn vị soạn thảo
	DiaDanh       string      // Địa danh
	Ngay          string      // Ngày ban hành
	DiaBan        string      // Địa bàn
	NgaySoLieu    string      // Ngày số liệu
	TyLe          float64     // Tỷ lệ bao phủ hiện tại (%)
	ChiTieu       float64     // Chỉ tiêu năm (%)
	NguoiChiDao   string      // Người chỉ đạo
	KinhGui       []string    // Kính gửi
	NhiemVu       []string    // Nhiệm vụ
	DonViCoSo     string      // Đơn vị cơ sở
	MocTienDo     []MocTienDo // Mốc tiến độ
	NoiBaoCao     string      // Nơi nhận báo cáo
	HanBaoCao     string      // Hạn báo cáo
	CoQuanBHXH    string      // Cơ quan BHXH
	NguoiKy       NguoiKy     // Người ký
	NoiNhan       []string    // Nơi nhận
	Luu           []string    // Lưu
}

// CongVanXa is the data of cong-van-xa-bhyt: one unit's letter with its
// share of a plan.
type CongVanXa struct {
	CoQuan        CoQuan       // Cơ quan ban hành
	So            int64        // Số văn bản
	DonViSoanThao string       // Đơn vị soạn thảo
	DiaDanh       string       // Địa danh
	Ngay          string       // Ngày ban hành
	DiaBan        string       // Địa bàn
	KeHoach       string       // Kế hoạch thực hiện
	NguoiChiDao   string       // Cơ quan giao chỉ tiêu
	NgaySoLieu    string       // Ngày số liệu
	NoiBaoCao     string       // Nơi nhận báo cáo
	HanBaoCao     string       // Hạn báo cáo
	CoQuanBHXH    string       // Cơ quan BHXH
	DonVi         string       // Đơn vị; "Phường Lê Bình"
	DonViThuong   string       // Đơn vị (giữa câu); "phường Lê Bình", as a sentence names it
	TenDonVi      string       // Tên riêng đơn vị
	LoaiDonVi     string       // Loại đơn vị
	MaDonVi       string       // Mã đơn vị
	DanSo         int64        // Dân số
	DaThamGia     int64        // Số người đã tham gia
	ChuaThamGia   int64        // Số người chưa tham gia
	TyLe          float64      // Tỷ lệ hiện tại (%)
	PhatTrienMoi  int64        // Phát triển mới đến mốc cuối
	ChiTieu       []ChiTieuMoc // Chỉ tiêu theo mốc
	NguoiKy       NguoiKy      // Người ký
	NoiNhan       []string     // Nơi nhận
	Luu           []string     // Lưu
}

// KeHoach is the data of ke-hoach-bhyt.
type KeHoach struct {
	CoQuan           CoQuan         // Cơ quan ban hành
	So               int64          // Số văn bản
	DiaDanh          string         // Địa danh
	Ngay             string         // Ngày ban hành
	Nam              int64          // Năm kế hoạch
	CoQuanLapKeHoach string         // Cơ quan lập kế hoạch
	DiaBan           string         // Địa bàn
	CanCu            []string       // Căn cứ
	NgaySoLieu       string         // Ngày số liệu
	DanSo            int64          // Dân số
	DaThamGia        int64          // Số người đã tham gia
	ChiTieu          float64        // Chỉ tiêu năm (%)
	CanVanDong       int64          // Số người cần vận động
	LichTrinh        string         // Lịch trình
	NguyenNhan       []string       // Nguyên nhân
	GiaiPhap         []GiaiPhap     // Nhiệm vụ, giải pháp
	DonVi            []DonViKeHoach // Phụ lục đơn vị; empty: no annex
	NguoiKy          NguoiKy        // Người ký
	NoiNhan          []string       // Nơi nhận
	Luu              []string       // Lưu
}

// BaoCao is the data of bao-cao-bhyt.
type BaoCao struct {
	CoQuan       CoQuan        // Cơ quan ban hành
	So           int64         // Số văn bản
	DiaDanh      string        // Địa danh
	Ngay         string        // Ngày ban hành
	Ky           string        // Kỳ báo cáo
	KinhGui      []string      // Kính gửi
	CanCuChiDao  string        // Văn bản chỉ đạo
	CoQuanBaoCao string        // Cơ quan báo cáo
	DiaBan       string        // Địa bàn
	NgaySoLieu   string        // Ngày số liệu
	DanSo        int64         // Dân số
	DaThamGia    int64         // Số người tham gia
	ChiTieu      float64       // Chỉ tiêu được giao (%)
	CungKy       float64       // Tỷ lệ cùng kỳ (%)
	DonVi        []DonViBaoCao // Phụ lục đơn vị; empty: no annex
	KetQua       []string      // Kết quả chỉ đạo
	TonTai       []string      // Tồn tại, hạn chế
	NhiemVu      []string      // Nhiệm vụ, giải pháp
	KienNghi     []string      // Kiến nghị, đề xuất
	NguoiKy      NguoiKy       // Người ký
	NoiNhan      []string      // Nơi nhận
	Luu          []string      // Lưu
}

// QuyetDinhGiaoChiTieu is the data of quyet-dinh-giao-chi-tieu.
type QuyetDinhGiaoChiTieu struct {
	CoQuan     CoQuan   // Cơ quan ban hành
	So         int64    // Số văn bản
	DiaDanh    string   // Địa danh
	Ngay       string   // Ngày ban hành
	Nam        int64    // Năm kế hoạch
	ThamQuyen  string   // Thẩm quyền ban hành
	DiaBan     string   // Địa bàn
	CanCu      []string // Căn cứ
	SoDonVi    int64    // Số đơn vị
	ChiTieu    float64  // Chỉ tiêu (%)
	LichTrinh  string   // Tiến độ
	NoiBaoCao  string   // Nơi nhận báo cáo
	CoQuanBHXH string   // Cơ quan BHXH
	ThiHanh    string   // Tổ chức thi hành
	NguoiKy    NguoiKy  // Người ký
	NoiNhan    []string // Nơi nhận
	Luu        []string // Lưu
}

// ToTrinhGiaoChiTieu is the data of to-trinh-giao-chi-tieu.
type ToTrinhGiaoChiTieu struct {
	CoQuan      CoQuan   // Cơ quan ban hành
	So          int64    // Số văn bản
	DiaDanh     string   // Địa danh
	Ngay        string   // Ngày ban hành
	Nam         int64    // Năm kế hoạch
	KinhGui     []string // Kính gửi
	DiaBan      string   // Địa bàn
	CanCu       []string // Căn cứ
	TyLeHienTai string   // Tỷ lệ bao phủ hiện tại; current rate as printed: "90,1%"
	ChiTieu     string   // Chỉ tiêu đề nghị; proposed rate as printed: "92,5%"
	DeNghi      []string // Nội dung đề nghị
	NguoiKy     NguoiKy  // Người ký
	NoiNhan     []string // Nơi nhận
	Luu         []string // Lưu
}

// GiayMoiSoKet is the data of giay-moi-so-ket-bhyt.
type GiayMoiSoKet struct {
	CoQuan   CoQuan   // Cơ quan ban hành
	So       int64    // Số văn bản
	DiaDanh  string   // Địa danh
	Ngay     string   // Ngày ban hành
	KySoKet  string   // Kỳ sơ kết; "6 tháng đầu năm 2022"
	KinhMoi  []string // Kính mời
	ChuTri   string   // Chủ trì; optional
	ThoiGian string   // Thời gian họp; meeting time: "2022-07-15 14:00"
	DiaDiem  string   // Địa điểm
	LuuY     []string // Lưu ý
	NguoiKy  NguoiKy  // Người ký
	NoiNhan  []string // Nơi nhận
	Luu      []string // Lưu
}

// ChuToa is a biên bản's chair, who signs under CHỦ TỌA.
type ChuToa struct {
	ChucVu string // Chức vụ; position, optional
	HoTen  string // Họ và tên; full name
}

// NguoiGhi is a biên bản's secretary, who signs under THƯ KÝ.
type NguoiGhi struct {
	HoTen string // Họ và tên; full name
}

// BienBanHop is the data of bien-ban-hop-bhyt.
type BienBanHop struct {
	CoQuan     CoQuan   // Cơ quan ban hành
	So         int64    // Số văn bản
	Ngay       string   // Ngày
	TenCuocHop string   // Tên cuộc họp
	BatDau     string   // Thời gian bắt đầu; start: "2022-07-15 14:00"
	KetThuc    string   // Thời gian kết thúc; end: "2022-07-15 16:30"
	DiaDiem    string   // Địa điểm
	ThanhPhan  []string // Thành phần tham dự
	ChuTri     string   // Chủ trì
	ThuKy      string   // Thư ký
	NoiDung    []string // Nội dung; one paragraph an item
	ChuToa     ChuToa   // Chủ tọa
	NguoiGhi   NguoiGhi // Thư ký (người ký)
	NoiNhan    []string // Nơi nhận; empty: none printed
	Luu        []string // Lưu; empty: none printed
}

// CongDienDonDoc is the data of cong-dien-don-doc-bhyt.
type CongDienDonDoc struct {
	CoQuan    CoQuan   // Cơ quan ban hành
	So        int64    // Số văn bản
	DiaDanh   string   // Địa danh
	Ngay      string   // Ngày ban hành
	Khan      string   // Độ khẩn; "Khẩn", "Thượng khẩn", "Hỏa tốc" or ""
	NguoiDien string   // Người điện
	NhanDien  []string // Nơi nhận điện
	DiaBan    string   // Địa bàn
	TinhHinh  string   // Tình hình
	YeuCau    []string // Yêu cầu
	NguoiKy   NguoiKy  // Người ký
	NoiNhan   []string // Nơi nhận
	Luu       []string // Lưu
}

func (CongVan) templateName() string              { return "cong-van-bhyt" }
func (CongVanXa) templateName() string            { return "cong-van-xa-bhyt" }
func (KeHoach) templateName() string              { return "ke-hoach-bhyt" }
func (BaoCao) templateName() string               { return "bao-cao-bhyt" }
func (QuyetDinhGiaoChiTieu) templateName() string { return "quyet-dinh-giao-chi-tieu" }
func (ToTrinhGiaoChiTieu) templateName() string   { return "to-trinh-giao-chi-tieu" }
func (GiayMoiSoKet) templateName() string         { return "giay-moi-so-ket-bhyt" }
func (BienBanHop) templateName() string           { return "bien-ban-hop-bhyt" }
func (CongDienDonDoc) templateName() string       { return "cong-dien-don-doc-bhyt" }
