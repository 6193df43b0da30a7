package templates

import (
	"math"

	"github.com/bhytdoc/bhytdoc/coverage"
)

// SetShare fills the fields of a unit's letter that its share of a plan
// gives (see coverage.Shares): DonVi, DonViThuong (the name as a sentence
// names it), TenDonVi, LoaiDonVi, MaDonVi, DanSo, DaThamGia, ChuaThamGia,
// TyLe, PhatTrienMoi (the participants to enrol up to the last milestone)
// and one ChiTieu per milestone. The other fields are left as they are.
// bhytdoc merge --milestone fills the same fields the same way.
func (c *CongVanXa) SetShare(s coverage.Share) {
	c.DonVi, c.DonViThuong = s.Name, s.NameInText
	c.TenDonVi, c.LoaiDonVi, c.MaDonVi = s.Unit.Name, s.Unit.Kind.String(), s.Unit.Code
	c.DanSo, c.DaThamGia = s.Baseline.Population, s.Baseline.Participants
	c.ChuaThamGia = s.Baseline.NonParticipants()
	c.TyLe = math.Round(s.Baseline.Rate().Float()*100) / 100
	c.ChiTieu = c.ChiTieu[:0]
	for _, g := range s.Goals {
		c.ChiTieu = append(c.ChiTieu, ChiTieuMoc{
			Ngay:         g.Milestone.Date.ISO(),
			Nhan:         g.Milestone.Header(),
			TyLe:         g.Target.Float(),
			SoNguoi:      g.Figures.Participants,
			DanSo:        g.Figures.Population,
			PhatTrienMoi: g.New,
		})
	}
	c.PhatTrienMoi = 0
	if n := len(s.Goals); n > 0 {
		c.PhatTrienMoi = s.Goals[n-1].Figures.Participants - s.Baseline.Participants
	}
}
