// Package quyetdinh holds example decisions (quyết định) as bhytdoc
// documents. They live apart from package seeds because their annexes are
// planned with package coverage, which the markdown package's own tests
// (users of seeds) cannot import.
package quyetdinh

import (
	_ "embed"
	"fmt"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/examples/seeds"
)

//go:embed namtruc.md
var namTrucBody string

// All returns the example decisions, freshly built.
func All() []seeds.Example {
	return []seeds.Example{{Name: "nam-truc-330-QD-UBND", Doc: NamTruc()}}
}

// NamTruc is the quyết định that seed 002 names as its basis: Quyết định
// số 330/QĐ-UBND ngày 23 tháng 02 năm 2022 của UBND huyện Nam Trực "về
// việc giao chỉ tiêu phát triển tỷ lệ bao phủ BHYT trên địa bàn huyện năm
// 2022". Its text is not among the seeds, so it is reconstructed: the
// number, date, issuer and subject are the seed's; the bases are the two
// laws seed 002 cites; the target, 95% by the end of 2022, is the one the
// commune's plan says it was given. The wording of the articles follows
// template 1.1 of Appendix III (quyết định of a collective body). The
// signer is not known: the name is the template's "Họ và tên".
//
// The annex holds the one commune whose figures are known, Nam Toàn, from
// its plan: 3.990 participants "tính hết ngày 15/03/2022" and 601 people
// without a card, so 4.591 people. The participants needed for 95% are
// derived with coverage.PlanTargets, not typed in: ⌈0,95 × 4.591⌉ = 4.362.
// The other communes of the district are left out rather than invented.
func NamTruc() *bhytdoc.Document {
	annex, err := namTrucAnnex()
	if err != nil {
		panic(fmt.Sprintf("seeds: Nam Trực annex: %v", err)) // fixed data, covered by tests
	}
	return &bhytdoc.Document{
		Kind: bhytdoc.QuyetDinh,
		Issuer: bhytdoc.Issuer{
			Name:   "Ủy ban nhân dân\nhuyện Nam Trực",
			Abbrev: "UBND",
		},
		Number:    330,
		Place:     "Nam Trực",
		Date:      bhytdoc.Date{Year: 2022, Month: 2, Day: 23},
		Summary:   "Về việc giao chỉ tiêu phát triển tỷ lệ bao phủ bảo hiểm y tế trên địa bàn huyện năm 2022",
		Authority: "Ủy ban nhân dân huyện Nam Trực",
		Bases: []string{
			"Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015",
			"Căn cứ Luật Bảo hiểm y tế ngày 14/11/2008",
		},
		Proposal: "Theo đề nghị của Trưởng phòng Y tế huyện",
		Body:     mustBody(namTrucBody),
		Signatures: []bhytdoc.Signature{{
			Authority: []bhytdoc.Authority{{Prefix: bhytdoc.TM, Title: "Ủy ban nhân dân"}},
			Position:  "Chủ tịch",
			Name:      "Họ và tên",
		}},
		Recipients: []bhytdoc.Recipient{
			{Name: "Như Điều 3"},
			{Name: "UBND tỉnh", Purpose: "để báo cáo"},
			{Name: "TT Huyện ủy", Joined: true},
			{Name: "TT HĐND huyện", Joined: true},
			{Name: "Chủ tịch, các PCT UBND huyện"},
		},
		Luu:     []string{"VT", "YT"},
		Annexes: []bhytdoc.Annex{annex},
	}
}

// namTrucAnnex plans Nam Toàn's 2022 target from its stated baseline.
func namTrucAnnex() (bhytdoc.Annex, error) {
	t, err := coverage.PlanTargets([]coverage.Baseline{{
		Unit:         coverage.Unit{Name: "Nam Toàn", Kind: coverage.Xa},
		Date:         bhytdoc.Date{Year: 2022, Month: 3, Day: 15},
		Participants: 3990,
		Population:   3990 + 601,
	}}, []coverage.Milestone{{
		Date: bhytdoc.Date{Year: 2022, Month: 12, Day: 31},
		Rate: 95 * coverage.OnePercent,
	}})
	if err != nil {
		return bhytdoc.Annex{}, err
	}
	t.Title = "Chỉ tiêu phát triển tỷ lệ bao phủ bảo hiểm y tế năm 2022"
	return t.Annex()
}

// mustBody parses an embedded body; the files are part of the package and
// covered by its tests, so an error is a programming error.
func mustBody(md string) []bhytdoc.Block {
	b, err := bhytdoc.ParseBody(md)
	if err != nil {
		panic(fmt.Sprintf("quyetdinh: %v", err))
	}
	return b
}
