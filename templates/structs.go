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
	ChuQuan string // parent organisation, if any
	Ten     string // name; "\n" breaks the line
	VietTat string // abbreviation in the document's symbol: "UBND"
}

// NguoiKy is the signer.
type NguoiKy struct {
	QuyenHan []string // authority lines: "TM. Ủy ban nhân dân", "KT. Chủ tịch"
	ChucVu   string   // position
	HoTen    string   // full name
}

// MocTienDo is a milestone of a schedule: by Ngay, TyLe percent.
type MocTienDo struct {
	Ngay string
	TyLe float64
	Nhan string // label, optional
}

// ChiTieuMoc is a unit's target at one milestone of a plan (see
// coverage.Shares).
type ChiTieuMoc struct {
	Ngay         string
	Nhan         string
	TyLe         float64
	SoNguoi      int64
	DanSo        int64
	PhatTrienMoi int64
}

// DonViKeHoach is a row of the kế hoạch's annex: counts of people.
type DonViKeHoach struct {
	Ten       string
	DanSo     int64
	DaThamGia int64
	ChiTieu   int64 // participants to reach
}

// DonViBaoCao is a row of the báo cáo's annex.
type DonViBaoCao struct {
	Ten       string
	DanSo     int64
	DaThamGia int64
	ChiTieu   float64 // target rate, percent
}

// GiaiPhap is a section of the kế hoạch's tasks: a unit and its tasks.
type GiaiPhap struct {
	DonVi   string
	NhiemVu []string
}

// CongVan is the data of cong-van-bhyt.
type CongVan struct {
	CoQuan        CoQuan
	So            int64
	DonViSoanThao string
	DiaDanh       string
	Ngay          string
	DiaBan        string
	NgaySoLieu    string
	TyLe          float64
	ChiTieu       float64
	NguoiChiDao   string
	KinhGui       []string
	NhiemVu       []string
	DonViCoSo     string
	MocTienDo     []MocTienDo
	NoiBaoCao     string
	HanBaoCao     string
	CoQuanBHXH    string
	NguoiKy       NguoiKy
	NoiNhan       []string
	Luu           []string
}

// CongVanXa is the data of cong-van-xa-bhyt: one unit's letter with its
// share of a plan.
type CongVanXa struct {
	CoQuan        CoQuan
	So            int64
	DonViSoanThao string
	DiaDanh       string
	Ngay          string
	DiaBan        string
	KeHoach       string
	NguoiChiDao   string
	NgaySoLieu    string
	NoiBaoCao     string
	HanBaoCao     string
	CoQuanBHXH    string
	DonVi         string // "Phường Lê Bình"
	DonViThuong   string // "phường Lê Bình", as a sentence names it
	TenDonVi      string
	LoaiDonVi     string
	MaDonVi       string
	DanSo         int64
	DaThamGia     int64
	ChuaThamGia   int64
	TyLe          float64
	PhatTrienMoi  int64
	ChiTieu       []ChiTieuMoc
	NguoiKy       NguoiKy
	NoiNhan       []string
	Luu           []string
}

// KeHoach is the data of ke-hoach-bhyt.
type KeHoach struct {
	CoQuan           CoQuan
	So               int64
	DiaDanh          string
	Ngay             string
	Nam              int64
	CoQuanLapKeHoach string
	DiaBan           string
	CanCu            []string
	NgaySoLieu       string
	DanSo            int64
	DaThamGia        int64
	ChiTieu          float64
	CanVanDong       int64
	LichTrinh        string
	NguyenNhan       []string
	GiaiPhap         []GiaiPhap
	DonVi            []DonViKeHoach // empty: no annex
	NguoiKy          NguoiKy
	NoiNhan          []string
	Luu              []string
}

// BaoCao is the data of bao-cao-bhyt.
type BaoCao struct {
	CoQuan       CoQuan
	So           int64
	DiaDanh      string
	Ngay         string
	Ky           string
	KinhGui      []string
	CanCuChiDao  string
	CoQuanBaoCao string
	DiaBan       string
	NgaySoLieu   string
	DanSo        int64
	DaThamGia    int64
	ChiTieu      float64
	CungKy       float64
	DonVi        []DonViBaoCao // empty: no annex
	KetQua       []string
	TonTai       []string
	NhiemVu      []string
	KienNghi     []string
	NguoiKy      NguoiKy
	NoiNhan      []string
	Luu          []string
}

// QuyetDinhGiaoChiTieu is the data of quyet-dinh-giao-chi-tieu.
type QuyetDinhGiaoChiTieu struct {
	CoQuan     CoQuan
	So         int64
	DiaDanh    string
	Ngay       string
	Nam        int64
	ThamQuyen  string
	DiaBan     string
	CanCu      []string
	SoDonVi    int64
	ChiTieu    float64
	LichTrinh  string
	NoiBaoCao  string
	CoQuanBHXH string
	ThiHanh    string
	NguoiKy    NguoiKy
	NoiNhan    []string
	Luu        []string
}

func (CongVan) templateName() string              { return "cong-van-bhyt" }
func (CongVanXa) templateName() string            { return "cong-van-xa-bhyt" }
func (KeHoach) templateName() string              { return "ke-hoach-bhyt" }
func (BaoCao) templateName() string               { return "bao-cao-bhyt" }
func (QuyetDinhGiaoChiTieu) templateName() string { return "quyet-dinh-giao-chi-tieu" }
