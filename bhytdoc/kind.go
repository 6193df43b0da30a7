package bhytdoc

import (
	"fmt"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Kind is the type of an administrative document (tên loại văn bản), as listed
// in Decree 30/2020/NĐ-CP, Appendix III. The zero Kind is invalid.
type Kind int

// The document kinds bhytdoc knows, with their names and ký hiệu symbols.
const (
	CongVan     Kind = iota + 1 // Công văn: no kind name on the page, no kind symbol
	KeHoach                     // Kế hoạch (KH)
	BaoCao                      // Báo cáo (BC)
	ThongBao                    // Thông báo (TB)
	QuyetDinh                   // Quyết định (QĐ)
	ToTrinh                     // Tờ trình (TTr)
	NghiQuyet                   // Nghị quyết (NQ)
	ChiThi                      // Chỉ thị (CT)
	QuyChe                      // Quy chế (QC)
	QuyDinh                     // Quy định (QyĐ)
	HuongDan                    // Hướng dẫn (HD)
	ChuongTrinh                 // Chương trình (CTr)
	PhuongAn                    // Phương án (PA)
	DeAn                        // Đề án (ĐA)
	BienBan                     // Biên bản (BB)
	CongDien                    // Công điện (CĐ)
	GiayMoi                     // Giấy mời (GM)
	kindEnd
)

var kindInfo = [kindEnd]struct{ name, symbol string }{
	CongVan:     {"Công văn", ""},
	KeHoach:     {"Kế hoạch", "KH"},
	BaoCao:      {"Báo cáo", "BC"},
	ThongBao:    {"Thông báo", "TB"},
	QuyetDinh:   {"Quyết định", "QĐ"},
	ToTrinh:     {"Tờ trình", "TTr"},
	NghiQuyet:   {"Nghị quyết", "NQ"},
	ChiThi:      {"Chỉ thị", "CT"},
	QuyChe:      {"Quy chế", "QC"},
	QuyDinh:     {"Quy định", "QyĐ"},
	HuongDan:    {"Hướng dẫn", "HD"},
	ChuongTrinh: {"Chương trình", "CTr"},
	PhuongAn:    {"Phương án", "PA"},
	DeAn:        {"Đề án", "ĐA"},
	BienBan:     {"Biên bản", "BB"},
	CongDien:    {"Công điện", "CĐ"},
	GiayMoi:     {"Giấy mời", "GM"},
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
// "KH" for Kế hoạch. Công văn has none and returns "".
func (k Kind) Symbol() string {
	if !k.Valid() {
		return ""
	}
	return kindInfo[k].symbol
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

// ParseKind accepts a kind's display name in any letter case ("Kế hoạch",
// "KẾ HOẠCH"), its symbol ("KH") or, for keyboards without Vietnamese input,
// its identifier ("KeHoach", "cong-van" is not accepted: use "CongVan").
func ParseKind(s string) (Kind, error) {
	t := strings.TrimSpace(norm.NFC.String(s))
	for k := CongVan; k < kindEnd; k++ {
		info := kindInfo[k]
		if strings.EqualFold(t, info.name) || (info.symbol != "" && t == info.symbol) || strings.EqualFold(t, kindIdent[k]) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown document kind %s", excerpt.Quote(s))
}

var kindIdent = [kindEnd]string{
	CongVan: "CongVan", KeHoach: "KeHoach", BaoCao: "BaoCao", ThongBao: "ThongBao",
	QuyetDinh: "QuyetDinh", ToTrinh: "ToTrinh", NghiQuyet: "NghiQuyet", ChiThi: "ChiThi",
	QuyChe: "QuyChe", QuyDinh: "QuyDinh", HuongDan: "HuongDan", ChuongTrinh: "ChuongTrinh",
	PhuongAn: "PhuongAn", DeAn: "DeAn", BienBan: "BienBan", CongDien: "CongDien", GiayMoi: "GiayMoi",
}

// Ident returns the Go-style identifier of the kind ("KeHoach"), handy in
// ASCII-only data files.
func (k Kind) Ident() string {
	if !k.Valid() {
		return ""
	}
	return kindIdent[k]
}
