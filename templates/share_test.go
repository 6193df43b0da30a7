package templates_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/templates"
)

// SetShare fills a letter as merge --milestone does: the name in running
// text in lower case, the rate to two places, the new participants up to
// the last milestone, dates as the data takes them; the letter renders.
func TestSetShare(t *testing.T) {
	bs := []coverage.Baseline{
		{Unit: coverage.Unit{Name: "An Phú", Kind: coverage.Xa}, Population: 10125, Participants: 9980},
		{Unit: coverage.Unit{Name: "Lê Bình", Kind: coverage.Phuong}, Population: 6200, Participants: 6000},
	}
	p1, _ := coverage.ParsePercent("99,5")
	p2, _ := coverage.ParsePercent("100")
	shares, err := coverage.Shares(bs, []coverage.Milestone{
		{Date: bhytdoc.Date{Year: 2025, Month: 6, Day: 30}, Rate: p1},
		{Date: bhytdoc.Date{Year: 2025, Month: 12, Day: 31}, Rate: p2},
	})
	if err != nil {
		t.Fatal(err)
	}
	var c templates.CongVanXa
	js, _ := json.Marshal(templates.Example("cong-van-xa-bhyt"))
	if err := json.Unmarshal(js, &c); err != nil {
		t.Fatal(err)
	}
	c.SetShare(shares[0])
	if c.DonVi != "Xã An Phú" || c.DonViThuong != "xã An Phú" || c.TyLe != 98.57 || c.ChuaThamGia != 145 ||
		len(c.ChiTieu) != 2 || c.ChiTieu[0].Ngay != "2025-06-30" || c.ChiTieu[0].TyLe != 99.5 ||
		c.ChiTieu[1].SoNguoi != 10125 || c.PhatTrienMoi != 145 || c.ChiTieu[0].PhatTrienMoi+c.ChiTieu[1].PhatTrienMoi != 145 {
		t.Errorf("share filled as %+v", c)
	}
	doc, err := templates.Fill("cong-van-xa-bhyt", c)
	if err != nil {
		t.Fatal(err)
	}
	md, err := bhytdoc.RenderMarkdown(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if txt := strings.Join(strings.Fields(string(md)), " "); !strings.Contains(txt, "xã An Phú có 9.980 người tham gia") {
		t.Errorf("the letter does not name the commune in running text:\n%s", txt)
	}
}
