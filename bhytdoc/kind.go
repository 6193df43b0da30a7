package bhytdoc

import (
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"github.com/bhytdoc/bhytdoc/internal/typo"

	"golang.org/x/text/unicode/norm"
)

// Kind is the type of an administrative document (tên loại văn bản), as listed
// in Decree 30/2020/NĐ-CP, Appendix III. The zero Kind is invalid.
type Kind int

// The 29 kinds of administrative document of Decree 30 (Article 7 and
// Appendix III's table of abbreviations), with their ký hiệu symbols. The
// order of the first 17 is kept for compatibility; the rest follow.
const (
	CongVan       Kind = iota + 1 // Công văn: no kind name on the page, no kind symbol (Mẫu 1.5)
	KeHoach                       // Kế hoạch (KH)
	BaoCao                        // Báo cáo (BC)
	ThongBao                      // Thông báo (TB)
	QuyetDinh                     // Quyết định (QĐ), Mẫu 1.2 or 1.3
	ToTrinh                       // Tờ trình (TTr)
	NghiQuyet                     // Nghị quyết (NQ), Mẫu 1.1
	ChiThi                        // Chỉ thị (CT)
	QuyChe                        // Quy chế (QC)
	QuyDinh                       // Quy định (QyĐ)
	HuongDan                      // Hướng dẫn (HD)
	ChuongTrinh                   // Chương trình (CTr)
	PhuongAn                      // Phương án (PA)
	DeAn                          // Đề án (ĐA)
	BienBan                       // Biên bản (BB), Mẫu 1.9
	CongDien                      // Công điện (CĐ), Mẫu 1.6
	GiayMoi                       // Giấy mời (GM), Mẫu 1.7
	ThongCao                      // Thông cáo (TC)
	DuAn                          // Dự án (DA)
	HopDong                       // Hợp đồng (HĐ): two parties
	BanGhiNho                     // Bản ghi nhớ (BGN): two parties
	BanThoaThuan                  // Bản thỏa thuận (BTT): two parties
	GiayUyQuyen                   // Giấy ủy quyền (GUQ)
	GiayGioiThieu                 // Giấy giới thiệu (GGT), Mẫu 1.8
	GiayNghiPhep                  // Giấy nghỉ phép (GNP), Mẫu 1.10
	PhieuGui                      // Phiếu gửi (PG)
	PhieuChuyen                   // Phiếu chuyển (PC)
	PhieuBao                      // Phiếu báo (PB)
	ThuCong                       // Thư công: no number, no symbol
	kindEnd
)

// kindInfo is the one table of kinds: display name, ký hiệu symbol,
// ASCII identifier and the Appendix III model (Mẫu) the kind is laid out
// by. Hợp đồng, bản ghi nhớ and bản thỏa thuận have no Mẫu of their own
// in Appendix III; they follow Mẫu 1.4 with the two parties' signature
// blocks side by side. Thư công has neither symbol nor Mẫu: Decree 30
// lists it among the kinds (Article 7) but gives it no abbreviation, and
// letters of thanks, congratulation or sympathy are not registered with a
// number; bhytdoc prints no "Số:" line and uses the trích yếu as its title
// ("Thư chúc mừng").
var kindInfo = [kindEnd]struct{ name, symbol, ident, model string }{
	CongVan:       {"Công văn", "", "CongVan", "1.5"},
	KeHoach:       {"Kế hoạch", "KH", "KeHoach", "1.4"},
	BaoCao:        {"Báo cáo", "BC", "BaoCao", "1.4"},
	ThongBao:      {"Thông báo", "TB", "ThongBao", "1.4"},
	QuyetDinh:     {"Quyết định", "QĐ", "QuyetDinh", "1.2"},
	ToTrinh:       {"Tờ trình", "TTr", "ToTrinh", "1.4"},
	NghiQuyet:     {"Nghị quyết", "NQ", "NghiQuyet", "1.1"},
	ChiThi:        {"Chỉ thị", "CT", "ChiThi", "1.4"},
	QuyChe:        {"Quy chế", "QC", "QuyChe", "1.4"},
	QuyDinh:       {"Quy định", "QyĐ", "QuyDinh", "1.4"},
	HuongDan:      {"Hướng dẫn", "HD", "HuongDan", "1.4"},
	ChuongTrinh:   {"Chương trình", "CTr", "ChuongTrinh", "1.4"},
	PhuongAn:      {"Phương án", "PA", "PhuongAn", "1.4"},
	DeAn:          {"Đề án", "ĐA", "DeAn", "1.4"},
	BienBan:       {"Biên bản", "BB", "BienBan", "1.9"},
	CongDien:      {"Công điện", "CĐ", "CongDien", "1.6"},
	GiayMoi:       {"Giấy mời", "GM", "GiayMoi", "1.7"},
	ThongCao:      {"Thông cáo", "TC", "ThongCao", "1.4"},
	DuAn:          {"Dự án", "DA", "DuAn", "1.4"},
	HopDong:       {"Hợp đồng", "HĐ", "HopDong", "1.4"},
	BanGhiNho:     {"Bản ghi nhớ", "BGN", "BanGhiNho", "1.4"},
	BanThoaThuan:  {"Bản thỏa thuận", "BTT", "BanThoaThuan", "1.4"},
	GiayUyQuyen:   {"Giấy ủy quyền", "GUQ", "GiayUyQuyen", "1.4"},
	GiayGioiThieu: {"Giấy giới thiệu", "GGT", "GiayGioiThieu", "1.8"},
	GiayNghiPhep:  {"Giấy nghỉ phép", "GNP", "GiayNghiPhep", "1.10"},
	PhieuGui:      {"Phiếu gửi", "PG", "PhieuGui", "1.4"},
	PhieuChuyen:   {"Phiếu chuyển", "PC", "PhieuChuyen", "1.4"},
	PhieuBao:      {"Phiếu báo", "PB", "PhieuBao", "1.4"},
	ThuCong:       {"Thư công", "", "ThuCong", ""},
}

// Valid reports whether k is one of the declared kinds.
func (k Kind) Valid() bool { return k > 0 && k < kindEnd }

// Name is the display name in sentence case, e.g. "Kế hoạch".
func (k Kind) Name() string {
	if !k.Valid() {
		return ""
	}
	return kindInfo[k].name
}

// Symbol is the ký hiệu abbreviation used in the document number, e.g.
// "KH" for Kế hoạch. Công văn and thư công have none and return "".
func (k Kind) Symbol() string {
	if !k.Valid() {
		return ""
	}
	return kindInfo[k].symbol
}

// Model is the number of the Appendix III model (Mẫu) the kind is laid
// out by: "1.4" for the kinds printed with their name, "1.5" for a công
// văn, "1.6" … "1.10" for công điện, giấy mời, giấy giới thiệu, biên bản
// and giấy nghỉ phép, "1.2" for a quyết định (1.3 when it issues another
// document, see Document.Model), "1.1" for a nghị quyết, "" for thư công.
func (k Kind) Model() string {
	if !k.Valid() {
		return ""
	}
	return kindInfo[k].model
}

// String returns the display name, or "Kind(n)" for an invalid kind.
func (k Kind) String() string {
	if !k.Valid() {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindInfo[k].name
}

// Kinds lists every valid kind in declaration order.
func Kinds() []Kind {
	ks := make([]Kind, 0, kindEnd-1)
	for k := CongVan; k < kindEnd; k++ {
		ks = append(ks, k)
	}
	return ks
}

// ParseKind accepts a kind's display name in any letter case and either
// tone style ("Kế hoạch", "KẾ HOẠCH", "Bản thoả thuận"), its symbol ("KH")
// or, for keyboards without Vietnamese input, its identifier ("KeHoach";
// "cong-van" is not accepted: use "CongVan").
func ParseKind(s string) (Kind, error) {
	t := strings.TrimSpace(norm.NFC.String(s))
	for k := CongVan; k < kindEnd; k++ {
		info := kindInfo[k]
		if strings.EqualFold(t, info.name) || sameMark(t, typo.Upper(typo.Tone(info.name, typo.ToneTraditional))) ||
			(info.symbol != "" && t == info.symbol) || strings.EqualFold(t, info.ident) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown document kind %s", excerpt.Quote(s))
}

// Ident returns the Go-style identifier of the kind ("KeHoach"), handy in
// ASCII-only data files.
func (k Kind) Ident() string {
	if !k.Valid() {
		return ""
	}
	return kindInfo[k].ident
}

// twoParties reports whether documents of kind k are agreements between
// two parties, signed by both side by side.
func (k Kind) twoParties() bool {
	return k == HopDong || k == BanGhiNho || k == BanThoaThuan
}

// Model is the Appendix III model d is laid out by: its kind's, except
// that a quyết định whose trích yếu issues or approves another document
// ("Ban hành …", "Phê duyệt …") and the document it issues (IssuedWith
// set) follow Mẫu 1.3. A nil d gives "".
func (d *Document) Model() string {
	if d == nil {
		return ""
	}
	s := strings.ToLower(typo.OneLine(d.Summary))
	s = strings.TrimPrefix(s, "về việc ")
	if d.issued() || d.Kind == QuyetDinh && (strings.HasPrefix(s, "ban hành") || strings.HasPrefix(s, "phê duyệt")) {
		return "1.3"
	}
	return d.Kind.Model()
}
