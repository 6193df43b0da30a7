package templates

// declared holds each built-in template's data fields: the one
// declaration Fill enforces and the help, the schema, the typed structs
// (checked by TestStructsMatchDeclarations) and the README follow.
var declared = map[string][]Field{
	"cong-van-bhyt":            congVanFields,
	"cong-van-xa-bhyt":         congVanXaFields,
	"ke-hoach-bhyt":            keHoachFields,
	"bao-cao-bhyt":             baoCaoFields,
	"quyet-dinh-giao-chi-tieu": quyetDinhFields,
	"to-trinh-giao-chi-tieu":   toTrinhFields,
	"giay-moi-so-ket-bhyt":     giayMoiFields,
	"bien-ban-hop-bhyt":        bienBanFields,
	"cong-dien-don-doc-bhyt":   congDienFields,
}

// Fields every template has: the issuer, number, place and date, and
// the signature and distribution at the foot.
var (
	fCoQuan = Field{Name: "CoQuan", Type: TypeObject, Required: true, Label: "Cơ quan ban hành",
		Help: "Tên cơ quan, tổ chức ban hành văn bản (ô số 2) và cơ quan chủ quản.",
		Fields: []Field{
			{Name: "ChuQuan", Type: TypeText, Label: "Cơ quan chủ quản", Help: "Tên cơ quan chủ quản trực tiếp, nếu có (để trống với UBND).", Example: ""},
			{Name: "Ten", Type: TypeText, Required: true, Label: "Tên cơ quan", Help: "Tên cơ quan ban hành; xuống dòng bằng \\n.", Example: "Ủy ban nhân dân\nquận Cái Răng"},
			{Name: "VietTat", Type: TypeText, Required: true, Label: "Chữ viết tắt", Help: "Chữ viết tắt tên cơ quan trong số, ký hiệu.", Example: "UBND"},
		}}
	fSo = Field{Name: "So", Type: TypeInt, Label: "Số văn bản",
		Help: "Số của văn bản; 0 hoặc bỏ trống: dự thảo, chưa có số.", Example: 898}
	fDiaDanh = Field{Name: "DiaDanh", Type: TypeText, Required: true, Label: "Địa danh",
		Help: "Địa danh ghi trước ngày tháng (ô số 4).", Example: "Cái Răng"}
	fNgay = Field{Name: "Ngay", Type: TypeDate, Required: true, Partial: true, Label: "Ngày ban hành",
		Help: "Ngày ban hành: 2020-05-18 hoặc 18/5/2020; dự thảo có thể bỏ ngày (2020-05) hoặc cả tháng (2020).", Example: "2020-05-18"}
	fNguoiKy = Field{Name: "NguoiKy", Type: TypeObject, Required: true, Label: "Người ký",
		Help: "Quyền hạn, chức vụ và họ tên người ký (ô số 7).",
		Fields: []Field{
			{Name: "QuyenHan", Type: TypeList, Label: "Quyền hạn ký", Help: "Các dòng thẩm quyền ký, mỗi dòng một mục: TM., KT., TL., TUQ., Q.", Example: []any{"KT. Chủ tịch"}},
			{Name: "ChucVu", Type: TypeText, Required: true, Label: "Chức vụ", Help: "Chức vụ của người ký.", Example: "Phó Chủ tịch"},
			{Name: "HoTen", Type: TypeText, Required: true, Label: "Họ và tên", Help: "Họ và tên người ký.", Example: "Vương Công Khanh"},
		}}
	fNoiNhan = Field{Name: "NoiNhan", Type: TypeList, Required: true, Label: "Nơi nhận",
		Help:    "Nơi nhận, mỗi mục một dòng. Mục có dấu phẩy phải viết dạng danh sách khối (- CT, các PCT UBND quận) hoặc trong ngoặc kép: trong [a, b] mỗi dấu phẩy tách một mục.",
		Example: []any{"Như kính gửi", "CT, các PCT UBND quận", "BHXH quận"}}
	fLuu = Field{Name: "Luu", Type: TypeList, Required: true, Label: "Lưu",
		Help: "Nơi lưu văn bản: văn thư và đơn vị soạn thảo.", Example: []any{"VT"}}
	fDiaBan = Field{Name: "DiaBan", Type: TypeText, Required: true, Label: "Địa bàn",
		Help: "Địa bàn, viết thường như giữa câu.", Example: "quận Cái Răng"}
	fNgaySoLieu = Field{Name: "NgaySoLieu", Type: TypeDate, Required: true, Label: "Ngày số liệu",
		Help: "Ngày chốt số liệu tham gia bảo hiểm y tế.", Example: "2020-05-15"}
	fCoQuanBHXH = Field{Name: "CoQuanBHXH", Type: TypeText, Label: "Cơ quan BHXH",
		Help: "Tên cơ quan bảo hiểm xã hội; bắt buộc khi địa bàn không phải cấp huyện hoặc tỉnh (mặc định: \"Bảo hiểm xã hội \" + địa bàn).", Example: "Bảo hiểm xã hội quận Cái Răng"}
	fNoiBaoCao = Field{Name: "NoiBaoCao", Type: TypeText, Required: true, Label: "Nơi nhận báo cáo",
		Help: "Cơ quan nhận báo cáo kết quả.", Example: "Ủy ban nhân dân quận (qua Phòng Lao động - Thương binh và Xã hội)"}
	fHanBaoCao = Field{Name: "HanBaoCao", Type: TypeDate, Required: true, Label: "Hạn báo cáo",
		Help: "Hạn gửi báo cáo kết quả.", Example: "2020-07-05"}
	fCanCu = Field{Name: "CanCu", Type: TypeList, Required: true, Label: "Căn cứ",
		Help: "Các căn cứ ban hành, mỗi căn cứ một mục.", Example: []any{"Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008"}}
	fNam = Field{Name: "Nam", Type: TypeInt, Required: true, Label: "Năm kế hoạch",
		Help: "Năm của chỉ tiêu.", Example: 2022}
	// fNoiNhanTren is the Nơi nhận of a text whose recipients head it
	// (Kính gửi, Kính mời, the telegram's addressees): "Như trên" first.
	fNoiNhanTren = withExample(fNoiNhan, []any{"Như trên", "TT Quận ủy, TT HĐND quận", "CT, các PCT UBND quận"})
)

// withExample returns f with another example, so that a shared field's
// example suits the kind and agrees with the other fields' examples.
func withExample(f Field, example any) Field {
	f.Example = example
	return f
}

// withExamples returns object field f with other examples for some of
// its fields, by name.
func withExamples(f Field, examples map[string]any) Field {
	f.Fields = cloneFields(f.Fields)
	for i, sub := range f.Fields {
		if ex, ok := examples[sub.Name]; ok {
			f.Fields[i].Example = ex
		}
	}
	return f
}

var congVanFields = []Field{
	fCoQuan, fSo,
	{Name: "DonViSoanThao", Type: TypeText, Label: "Đơn vị soạn thảo", Help: "Chữ viết tắt đơn vị soạn thảo, ghi sau số ký hiệu (01/UBND-VX).", Example: "VX"},
	fDiaDanh, fNgay, fDiaBan, fNgaySoLieu,
	{Name: "TyLe", Type: TypeNumber, Required: true, Label: "Tỷ lệ bao phủ hiện tại (%)", Help: "Tỷ lệ bao phủ bảo hiểm y tế đến ngày số liệu, phần trăm.", Example: 78.11},
	{Name: "ChiTieu", Type: TypeNumber, Required: true, Label: "Chỉ tiêu năm (%)", Help: "Tỷ lệ bao phủ được giao trong năm, phần trăm.", Example: 90},
	{Name: "NguoiChiDao", Type: TypeText, Required: true, Label: "Người chỉ đạo", Help: "Ai có ý kiến chỉ đạo (…, Chủ tịch UBND quận có ý kiến như sau).", Example: "Chủ tịch Ủy ban nhân dân quận"},
	{Name: "KinhGui", Type: TypeList, Required: true, Label: "Kính gửi", Help: "Các cơ quan nhận văn bản, mỗi mục một dòng; mục có dấu phẩy viết dạng danh sách khối hoặc trong ngoặc kép.", Example: []any{"Thủ trưởng các ban, ngành, đoàn thể quận", "Chủ tịch Ủy ban nhân dân các phường"}},
	{Name: "NhiemVu", Type: TypeList, Required: true, Label: "Nhiệm vụ", Help: "Các nhiệm vụ giao, đánh số 1, 2, …; có thể để danh sách rỗng.", Example: []any{"Đề nghị Thủ trưởng các ban, ngành, đoàn thể quận tăng cường tuyên truyền."}},
	{Name: "DonViCoSo", Type: TypeText, Required: true, Label: "Đơn vị cơ sở", Help: "Các đơn vị được giao vận động (Giao … chủ động phối hợp).", Example: "Ủy ban nhân dân các phường"},
	{Name: "MocTienDo", Type: TypeObjects, Required: true, Label: "Mốc tiến độ", Help: "Tiến độ: đến ngày … phải đạt …%; ít nhất một mốc.",
		Fields: []Field{
			{Name: "Ngay", Type: TypeDate, Required: true, Label: "Ngày", Help: "Ngày của mốc.", Example: "2020-06-30"},
			{Name: "TyLe", Type: TypeNumber, Required: true, Label: "Tỷ lệ (%)", Help: "Tỷ lệ phải đạt đến mốc.", Example: 85},
			{Name: "Nhan", Type: TypeText, Label: "Nhãn", Help: "Nhãn của mốc (do --milestone điền; không in trong công văn).", Example: "Đến 30/6/2020"},
		}},
	fNoiBaoCao, fHanBaoCao, fCoQuanBHXH, fNguoiKy, fNoiNhan, fLuu,
}

var congVanXaFields = []Field{
	fCoQuan, fSo,
	{Name: "DonViSoanThao", Type: TypeText, Label: "Đơn vị soạn thảo", Help: "Chữ viết tắt đơn vị soạn thảo, ghi sau số ký hiệu (1020/UBND-LĐTBXH).", Example: "LĐTBXH"},
	fDiaDanh, fNgay, fDiaBan,
	{Name: "KeHoach", Type: TypeText, Required: true, Label: "Kế hoạch thực hiện", Help: "Văn bản đang thực hiện (Thực hiện …, …).", Example: "Kế hoạch số 131/KH-UBND ngày 08/11/2018 của Ủy ban nhân dân quận"},
	{Name: "NguoiChiDao", Type: TypeText, Required: true, Label: "Cơ quan giao chỉ tiêu", Help: "Ai giao chỉ tiêu.", Example: "Ủy ban nhân dân quận"},
	fNgaySoLieu, fNoiBaoCao, fHanBaoCao, fCoQuanBHXH,
	{Name: "DonVi", Type: TypeText, Required: true, Label: "Đơn vị", Help: "Tên đơn vị (xã, phường) như đầu dòng: Phường Lê Bình. merge --milestone điền.", Example: "Phường Lê Bình"},
	{Name: "DonViThuong", Type: TypeText, Required: true, Label: "Đơn vị (giữa câu)", Help: "Tên đơn vị như giữa câu: phường Lê Bình. merge --milestone điền (coverage.Shares).", Example: "phường Lê Bình"},
	{Name: "TenDonVi", Type: TypeText, Label: "Tên riêng đơn vị", Help: "Tên riêng, không có loại (Lê Bình); merge --milestone điền, dùng được trong --name.", Example: "Lê Bình"},
	{Name: "LoaiDonVi", Type: TypeText, Label: "Loại đơn vị", Help: "xã, phường, thị trấn…; merge --milestone điền.", Example: "phường"},
	{Name: "MaDonVi", Type: TypeText, Label: "Mã đơn vị", Help: "Mã đơn vị hành chính, nếu bảng có; merge --milestone điền.", Example: "31150"},
	{Name: "DanSo", Type: TypeInt, Required: true, Label: "Dân số", Help: "Dân số của đơn vị đến ngày số liệu.", Example: 10125},
	{Name: "DaThamGia", Type: TypeInt, Required: true, Label: "Số người đã tham gia", Help: "Số người tham gia bảo hiểm y tế đến ngày số liệu.", Example: 9980},
	{Name: "ChuaThamGia", Type: TypeInt, Required: true, Label: "Số người chưa tham gia", Help: "Dân số trừ số người đã tham gia.", Example: 145},
	{Name: "TyLe", Type: TypeNumber, Required: true, Label: "Tỷ lệ hiện tại (%)", Help: "Tỷ lệ bao phủ đến ngày số liệu.", Example: 98.57},
	{Name: "PhatTrienMoi", Type: TypeInt, Label: "Phát triển mới đến mốc cuối", Help: "Số người cần phát triển mới đến mốc cuối; merge --milestone điền.", Example: 145},
	{Name: "ChiTieu", Type: TypeObjects, Required: true, Label: "Chỉ tiêu theo mốc", Help: "Chỉ tiêu của đơn vị từng mốc; ít nhất một. merge --milestone điền.",
		Fields: []Field{
			{Name: "Ngay", Type: TypeDate, Required: true, Label: "Ngày", Help: "Ngày của mốc.", Example: "2019-12-31"},
			{Name: "Nhan", Type: TypeText, Required: true, Label: "Nhãn", Help: "Nhãn của mốc, in đầu dòng.", Example: "Đến hết năm 2019"},
			{Name: "TyLe", Type: TypeNumber, Required: true, Label: "Tỷ lệ (%)", Help: "Tỷ lệ phải đạt.", Example: 99.5},
			{Name: "SoNguoi", Type: TypeInt, Required: true, Label: "Số người tham gia", Help: "Số người tham gia tương ứng.", Example: 10075},
			{Name: "DanSo", Type: TypeInt, Required: true, Label: "Dân số", Help: "Dân số tại mốc.", Example: 10125},
			{Name: "PhatTrienMoi", Type: TypeInt, Required: true, Label: "Phát triển mới", Help: "Số người phát triển mới trước mốc; 0: duy trì.", Example: 95},
		}},
	fNguoiKy, fNoiNhan, fLuu,
}

var keHoachFields = []Field{
	fCoQuan, fSo, fDiaDanh, fNgay, fNam,
	{Name: "CoQuanLapKeHoach", Type: TypeText, Required: true, Label: "Cơ quan lập kế hoạch", Help: "Cơ quan lập kế hoạch, như giữa câu.", Example: "Ủy ban nhân dân xã"},
	fDiaBan, fCanCu, fNgaySoLieu,
	{Name: "DanSo", Type: TypeInt, Required: true, Label: "Dân số", Help: "Dân số toàn địa bàn (--baseline điền).", Example: 4591},
	{Name: "DaThamGia", Type: TypeInt, Required: true, Label: "Số người đã tham gia", Help: "Số người tham gia bảo hiểm y tế (--baseline điền).", Example: 3990},
	{Name: "ChiTieu", Type: TypeNumber, Required: true, Label: "Chỉ tiêu năm (%)", Help: "Tỷ lệ bao phủ phải đạt cuối năm (--milestone điền).", Example: 95},
	{Name: "CanVanDong", Type: TypeInt, Required: true, Label: "Số người cần vận động", Help: "Số người cần vận động thêm để đạt chỉ tiêu (--baseline điền).", Example: 372},
	{Name: "LichTrinh", Type: TypeText, Label: "Lịch trình", Help: "Câu tiến độ (--milestone điền); để trống: không in.", Example: "đến ngày 30/6/2022 đạt 90%, đến ngày 31/12/2022 đạt 95%"},
	{Name: "NguyenNhan", Type: TypeList, Required: true, Label: "Nguyên nhân", Help: "Nguyên nhân tỷ lệ chưa đạt; ít nhất một.", Example: []any{"Mức sống người dân còn thấp."}},
	{Name: "GiaiPhap", Type: TypeObjects, Required: true, Label: "Nhiệm vụ, giải pháp", Help: "Nhiệm vụ của từng đơn vị; ít nhất một.",
		Fields: []Field{
			{Name: "DonVi", Type: TypeText, Required: true, Label: "Đơn vị", Help: "Đơn vị thực hiện (tiêu đề mục).", Example: "Các trường học"},
			{Name: "NhiemVu", Type: TypeList, Required: true, Label: "Nhiệm vụ", Help: "Nhiệm vụ của đơn vị; ít nhất một.", Example: []any{"Giữ vững tỷ lệ 100% học sinh tham gia bảo hiểm y tế."}},
		}},
	{Name: "DonVi", Type: TypeObjects, Label: "Phụ lục đơn vị", Help: "Các dòng của phụ lục chỉ tiêu; danh sách rỗng []: không có phụ lục (--baseline lập phụ lục thay).",
		Fields: []Field{
			{Name: "Ten", Type: TypeText, Required: true, Label: "Tên đơn vị", Help: "Tên đơn vị như đầu dòng.", Example: "Thôn Đông"},
			{Name: "DanSo", Type: TypeInt, Required: true, Label: "Dân số", Help: "Dân số.", Example: 1204},
			{Name: "DaThamGia", Type: TypeInt, Required: true, Label: "Đã tham gia", Help: "Số người đã tham gia.", Example: 1050},
			{Name: "ChiTieu", Type: TypeInt, Required: true, Label: "Chỉ tiêu (số người)", Help: "Số người tham gia phải đạt.", Example: 1144},
		}},
	fNguoiKy, fNoiNhan, fLuu,
}

var baoCaoFields = []Field{
	fCoQuan, fSo, fDiaDanh, fNgay,
	{Name: "Ky", Type: TypeText, Required: true, Label: "Kỳ báo cáo", Help: "Kỳ báo cáo, như giữa câu.", Example: "6 tháng đầu năm 2021"},
	{Name: "KinhGui", Type: TypeList, Required: true, Label: "Kính gửi", Help: "Cơ quan nhận báo cáo, mỗi mục một dòng.", Example: []any{"Ủy ban nhân dân tỉnh Tuyên Quang"}},
	{Name: "CanCuChiDao", Type: TypeText, Required: true, Label: "Văn bản chỉ đạo", Help: "Văn bản thực hiện (Thực hiện …).", Example: "Văn bản số 1747/UBND-KGVX ngày 05/6/2021 của Ủy ban nhân dân tỉnh"},
	{Name: "CoQuanBaoCao", Type: TypeText, Required: true, Label: "Cơ quan báo cáo", Help: "Cơ quan báo cáo, như giữa câu.", Example: "Ủy ban nhân dân huyện Sơn Dương"},
	fDiaBan, fNgaySoLieu,
	{Name: "DanSo", Type: TypeInt, Required: true, Label: "Dân số", Help: "Dân số toàn địa bàn (--units điền: tổng các đơn vị).", Example: 189452},
	{Name: "DaThamGia", Type: TypeInt, Required: true, Label: "Số người tham gia", Help: "Số người tham gia bảo hiểm y tế (--units điền: tổng các đơn vị).", Example: 178910},
	{Name: "ChiTieu", Type: TypeNumber, Required: true, Label: "Chỉ tiêu được giao (%)", Help: "Tỷ lệ bao phủ được giao.", Example: 93.5},
	{Name: "CungKy", Type: TypeNumber, Required: true, Label: "Tỷ lệ cùng kỳ (%)", Help: "Tỷ lệ bao phủ cùng kỳ năm trước.", Example: 92.18},
	{Name: "DonVi", Type: TypeObjects, Label: "Phụ lục đơn vị", Help: "Kết quả từng đơn vị; danh sách rỗng []: không có phụ lục (--units điền từ bảng đơn vị; đơn vị không có cột chỉ tiêu lấy ChiTieu chung).",
		Fields: []Field{
			{Name: "Ten", Type: TypeText, Required: true, Label: "Tên đơn vị", Help: "Tên đơn vị như đầu dòng.", Example: "Xã Vĩnh Lợi"},
			{Name: "DanSo", Type: TypeInt, Required: true, Label: "Dân số", Help: "Dân số.", Example: 9845},
			{Name: "DaThamGia", Type: TypeInt, Required: true, Label: "Đã tham gia", Help: "Số người tham gia.", Example: 9390},
			{Name: "ChiTieu", Type: TypeNumber, Required: true, Label: "Chỉ tiêu (%)", Help: "Tỷ lệ được giao.", Example: 93.5},
		}},
	{Name: "KetQua", Type: TypeList, Required: true, Label: "Kết quả chỉ đạo", Help: "Công tác chỉ đạo, tuyên truyền; ít nhất một.", Example: []any{"Tổ chức 42 hội nghị tuyên truyền."}},
	{Name: "TonTai", Type: TypeList, Required: true, Label: "Tồn tại, hạn chế", Help: "Ít nhất một.", Example: []any{"Tỷ lệ tham gia bảo hiểm y tế hộ gia đình còn thấp."}},
	{Name: "NhiemVu", Type: TypeList, Required: true, Label: "Nhiệm vụ, giải pháp", Help: "Ít nhất một.", Example: []any{"Tiếp tục đẩy mạnh tuyên truyền."}},
	{Name: "KienNghi", Type: TypeList, Required: true, Label: "Kiến nghị, đề xuất", Help: "Ít nhất một.", Example: []any{"Đề nghị Ủy ban nhân dân tỉnh tiếp tục hỗ trợ mức đóng."}},
	fNguoiKy, fNoiNhan, fLuu,
}

var quyetDinhFields = []Field{
	fCoQuan, fSo, fDiaDanh, fNgay, fNam,
	{Name: "ThamQuyen", Type: TypeText, Required: true, Label: "Thẩm quyền ban hành", Help: "Dòng thẩm quyền trên chữ QUYẾT ĐỊNH.", Example: "Ủy ban nhân dân quận Cái Răng"},
	fDiaBan, fCanCu,
	{Name: "SoDonVi", Type: TypeInt, Required: true, Label: "Số đơn vị", Help: "Số đơn vị được giao (--units hoặc --annex điền).", Example: 7},
	{Name: "ChiTieu", Type: TypeNumber, Required: true, Label: "Chỉ tiêu (%)", Help: "Tỷ lệ bao phủ toàn địa bàn phải đạt (--milestone điền).", Example: 100},
	{Name: "LichTrinh", Type: TypeText, Required: true, Label: "Tiến độ", Help: "Câu tiến độ (--milestone điền).", Example: "Đến ngày 31/12/2019 phải đạt 99,5%, ngày 31/12/2020 phải đạt 100%"},
	fNoiBaoCao, fCoQuanBHXH,
	{Name: "ThiHanh", Type: TypeText, Required: true, Label: "Tổ chức thi hành", Help: "Những người chịu trách nhiệm thi hành (Điều 3).", Example: "Chánh Văn phòng Ủy ban nhân dân quận, Giám đốc Bảo hiểm xã hội quận"},
	fNguoiKy, fNoiNhanDieu3, fLuu,
}

// fNoiNhanDieu3 is the quyết định's Nơi nhận: its first line refers to
// Điều 3, which names who executes the decision (Mẫu 1.1–1.3; the model
// refuses any other first line).
var fNoiNhanDieu3 = Field{Name: "NoiNhan", Type: TypeList, Required: true, Label: "Nơi nhận",
	Help:    "Nơi nhận, mỗi mục một dòng; dòng đầu phải là \"Như Điều 3\" (Điều 3 giao người chịu trách nhiệm thi hành). Mục có dấu phẩy phải viết dạng danh sách khối hoặc trong ngoặc kép.",
	Example: []any{"Như Điều 3", "UBND thành phố", "BHXH thành phố"}}

var toTrinhFields = []Field{
	withExamples(fCoQuan, map[string]any{"ChuQuan": "Ủy ban nhân dân\nquận Cái Răng", "Ten": "Phòng Y tế", "VietTat": "PYT"}),
	fSo, fDiaDanh, withExample(fNgay, "2022-01-10"), fNam,
	{Name: "KinhGui", Type: TypeList, Required: true, Label: "Kính gửi", Help: "Cấp có thẩm quyền nhận tờ trình, mỗi mục một dòng.", Example: []any{"Ủy ban nhân dân quận Cái Răng"}},
	fDiaBan, fCanCu,
	{Name: "TyLeHienTai", Type: TypeText, Required: true, Label: "Tỷ lệ bao phủ hiện tại", Help: "Tỷ lệ bao phủ bảo hiểm y tế hiện nay, in nguyên văn: viết cả dấu phẩy thập phân và dấu %.", Example: "90,1%"},
	{Name: "ChiTieu", Type: TypeText, Required: true, Label: "Chỉ tiêu đề nghị", Help: "Tỷ lệ bao phủ đề nghị giao, in đậm nguyên văn: viết cả dấu phẩy thập phân và dấu %.", Example: "92,5%"},
	{Name: "DeNghi", Type: TypeList, Required: true, Label: "Nội dung đề nghị", Help: "Các nội dung đề nghị cụ thể, đánh số 1, 2, …; có thể để danh sách rỗng.", Example: []any{"Giao chỉ tiêu cho 7 phường theo dân số và số người tham gia đến ngày 31/12/2021.", "Giao Bảo hiểm xã hội quận hướng dẫn, theo dõi và báo cáo kết quả hằng quý."}},
	withExamples(fNguoiKy, map[string]any{"QuyenHan": []any{}, "ChucVu": "Trưởng phòng", "HoTen": "Nguyễn Thị Mai"}),
	withExample(fNoiNhan, []any{"Như trên", "Bảo hiểm xã hội quận"}), fLuu,
}

var giayMoiFields = []Field{
	fCoQuan, fSo, fDiaDanh, withExample(fNgay, "2022-07-08"),
	{Name: "KySoKet", Type: TypeText, Required: true, Label: "Kỳ sơ kết", Help: "Kỳ sơ kết, như giữa câu: Họp sơ kết công tác phát triển người tham gia bảo hiểm y tế ….", Example: "6 tháng đầu năm 2022"},
	{Name: "KinhMoi", Type: TypeList, Required: true, Label: "Kính mời", Help: "Người, cơ quan được mời, mỗi mục một dòng; một mục in trên dòng, nhiều mục in thành danh sách gạch đầu dòng.", Example: []any{"Chủ tịch Ủy ban nhân dân các phường", "Giám đốc Bảo hiểm xã hội quận", "Trưởng phòng Y tế quận"}},
	{Name: "ChuTri", Type: TypeText, Label: "Chủ trì", Help: "Người chủ trì hội nghị; để trống: không in dòng Chủ trì.", Example: "Đồng chí Vương Công Khanh, Phó Chủ tịch Ủy ban nhân dân quận"},
	{Name: "ThoiGian", Type: TypeText, Required: true, Label: "Thời gian họp", Help: "Ngày giờ họp, dạng năm-tháng-ngày giờ:phút (2022-07-15 14:00); in kèm thứ trong tuần.", Example: "2022-07-15 14:00"},
	{Name: "DiaDiem", Type: TypeText, Required: true, Label: "Địa điểm", Help: "Nơi họp.", Example: "Hội trường Ủy ban nhân dân quận"},
	{Name: "LuuY", Type: TypeList, Required: true, Label: "Lưu ý", Help: "Các đề nghị kèm theo giấy mời, mỗi đoạn một mục; có thể để danh sách rỗng.", Example: []any{"Đề nghị các đơn vị chuẩn bị báo cáo kết quả thực hiện đến ngày 30/6/2022, gửi về Phòng Y tế quận trước ngày 12/7/2022."}},
	withExamples(fNguoiKy, map[string]any{"QuyenHan": []any{"TL. Chủ tịch"}, "ChucVu": "Chánh Văn phòng", "HoTen": "Lê Văn Bình"}),
	fNoiNhanTren, fLuu,
}

var bienBanFields = []Field{
	fCoQuan, fSo,
	{Name: "Ngay", Type: TypeDate, Required: true, Partial: true, Label: "Ngày", Help: "Ngày của biên bản (không in dòng địa danh, ngày tháng): 2022-07-15 hoặc 15/7/2022; dự thảo có thể bỏ ngày.", Example: "2022-07-15"},
	{Name: "TenCuocHop", Type: TypeText, Required: true, Label: "Tên cuộc họp", Help: "Trích yếu của biên bản: tên cuộc họp, hội nghị.", Example: "Hội nghị sơ kết công tác bảo hiểm y tế 6 tháng đầu năm 2022"},
	{Name: "BatDau", Type: TypeText, Required: true, Label: "Thời gian bắt đầu", Help: "Ngày giờ bắt đầu, dạng năm-tháng-ngày giờ:phút (2022-07-15 14:00).", Example: "2022-07-15 14:00"},
	{Name: "KetThuc", Type: TypeText, Required: true, Label: "Thời gian kết thúc", Help: "Ngày giờ kết thúc, cùng dạng, không trước giờ bắt đầu; in ở câu kết (… kết thúc vào …).", Example: "2022-07-15 16:30"},
	{Name: "DiaDiem", Type: TypeText, Required: true, Label: "Địa điểm", Help: "Nơi họp.", Example: "Hội trường Ủy ban nhân dân quận"},
	{Name: "ThanhPhan", Type: TypeList, Required: true, Label: "Thành phần tham dự", Help: "Người, cơ quan tham dự, mỗi mục một dòng; ít nhất một.", Example: []any{"Chủ tịch Ủy ban nhân dân 7 phường", "Lãnh đạo Bảo hiểm xã hội quận, Phòng Y tế quận"}},
	{Name: "ChuTri", Type: TypeText, Required: true, Label: "Chủ trì", Help: "Người chủ trì: họ tên, chức vụ.", Example: "Ông Vương Công Khanh, Phó Chủ tịch Ủy ban nhân dân quận"},
	{Name: "ThuKy", Type: TypeText, Required: true, Label: "Thư ký", Help: "Người ghi biên bản: họ tên, chức vụ.", Example: "Bà Lê Thị Thu, chuyên viên Văn phòng Ủy ban nhân dân quận"},
	{Name: "NoiDung", Type: TypeList, Required: true, Label: "Nội dung", Help: "Diễn biến và kết luận cuộc họp, mỗi đoạn một mục.", Example: []any{"Bảo hiểm xã hội quận báo cáo: đến ngày 30/6/2022 toàn quận có 85.210 người tham gia, đạt tỷ lệ bao phủ 90,1%.", "Hội nghị thống nhất giao Phòng Y tế quận tham mưu văn bản đôn đốc các phường đạt dưới 85%."}},
	{Name: "ChuToa", Type: TypeObject, Required: true, Label: "Chủ tọa", Help: "Người ký bên phải, dưới chữ CHỦ TỌA.",
		Fields: []Field{
			{Name: "ChucVu", Type: TypeText, Label: "Chức vụ", Help: "Chức vụ in dưới chữ CHỦ TỌA; có thể để trống.", Example: "Phó Chủ tịch UBND quận"},
			{Name: "HoTen", Type: TypeText, Required: true, Label: "Họ và tên", Help: "Họ và tên chủ tọa.", Example: "Vương Công Khanh"},
		}},
	{Name: "NguoiGhi", Type: TypeObject, Required: true, Label: "Thư ký (người ký)", Help: "Người ký bên trái, dưới chữ THƯ KÝ.",
		Fields: []Field{
			{Name: "HoTen", Type: TypeText, Required: true, Label: "Họ và tên", Help: "Họ và tên thư ký.", Example: "Lê Thị Thu"},
		}},
	{Name: "NoiNhan", Type: TypeList, Label: "Nơi nhận", Help: "Nơi nhận, mỗi mục một dòng; danh sách rỗng: không in Nơi nhận.", Example: []any{"Các đại biểu dự hội nghị"}},
	{Name: "Luu", Type: TypeList, Label: "Lưu", Help: "Nơi lưu biên bản; danh sách rỗng: không in.", Example: []any{"VT", "Hồ sơ"}},
}

var congDienFields = []Field{
	fCoQuan, fSo, fDiaDanh, withExample(fNgay, "2022-09-05"),
	{Name: "Khan", Type: TypeText, Label: "Độ khẩn", Help: "Khẩn, Thượng khẩn hoặc Hỏa tốc; để trống: không có dấu độ khẩn.", Example: "Khẩn"},
	{Name: "NguoiDien", Type: TypeText, Required: true, Label: "Người điện", Help: "Người, cơ quan gửi công điện, in chữ hoa trước chữ \"điện:\".", Example: "Chủ tịch Ủy ban nhân dân quận"},
	{Name: "NhanDien", Type: TypeList, Required: true, Label: "Nơi nhận điện", Help: "Người, cơ quan nhận công điện, mỗi mục một dòng, không có dấu câu cuối; ít nhất một.", Example: []any{"Chủ tịch Ủy ban nhân dân các phường", "Giám đốc Bảo hiểm xã hội quận"}},
	fDiaBan,
	{Name: "TinhHinh", Type: TypeText, Required: true, Label: "Tình hình", Help: "Đoạn nêu tình hình, kết quả đến nay.", Example: "Đến ngày 31/8/2022, tỷ lệ bao phủ bảo hiểm y tế toàn quận mới đạt 89,2%, thấp hơn chỉ tiêu được giao 3,1 điểm phần trăm."},
	{Name: "YeuCau", Type: TypeList, Required: true, Label: "Yêu cầu", Help: "Các yêu cầu, đánh số 1, 2, …", Example: []any{"Chủ tịch Ủy ban nhân dân các phường tập trung chỉ đạo, hoàn thành chỉ tiêu trước ngày 30/11/2022.", "Bảo hiểm xã hội quận cung cấp danh sách người chưa tham gia cho từng phường trước ngày 15/9/2022."}},
	fNguoiKy, fNoiNhanTren, fLuu,
}
