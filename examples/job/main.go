// Command job shows the whole campaign job of a district with the public
// API only: from a table of its 30 communes and two milestones it plans
// each commune's share (coverage), writes each commune its công văn
// (templates.CongVanXa) in PDF and DOCX and one print PDF of all the
// letters (batch), and the district's kế hoạch with the planned annex in
// PDF and XLSX. Each of the three outputs is written whole or not at all.
//
// Usage:
//
//	go run ./examples/job [-o DIR] [-units UNITS.csv]
package main

import (
	"bytes"
	"context"
	_ "embed"
	"flag"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/templates"
)

//go:embed units.csv
var sonDuong []byte // the communes of huyện Sơn Dương on 31/12/2024

var milestones = []coverage.Milestone{
	{Date: bhytdoc.Date{Year: 2025, Month: 6, Day: 30}, Rate: 93 * coverage.OnePercent, Label: "Đến ngày 30/6/2025"},
	{Date: bhytdoc.Date{Year: 2025, Month: 12, Day: 31}, Rate: 95 * coverage.OnePercent, Label: "Đến hết năm 2025"},
}

var (
	issuer = templates.CoQuan{Ten: "Ủy ban nhân dân\nhuyện Sơn Dương", VietTat: "UBND"}
	signer = templates.NguoiKy{QuyenHan: []string{"KT. Chủ tịch"}, ChucVu: "Phó Chủ tịch", HoTen: "Hà Thị Hương"}
)

func main() {
	out := flag.String("o", "out/job", "output `directory`")
	units := flag.String("units", "", "units `file` (CSV; default: the communes of Sơn Dương)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *units, *out); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, unitsFile, out string) error {
	var r io.Reader = bytes.NewReader(sonDuong)
	name := "units.csv"
	if unitsFile != "" {
		name = unitsFile
		f, err := os.Open(unitsFile)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	bs, err := coverage.ReadCSV(r, name)
	if err != nil {
		return err
	}
	plan, err := coverage.PlanTargets(bs, milestones)
	if err != nil {
		return err
	}
	kh, err := keHoach(plan) // rendered first, written last
	if err != nil {
		return err
	}
	if err := letters(ctx, plan, bs, out); err != nil {
		return err
	}
	sink := batch.NewDirSink(out)
	if err := sink.Put(kh); err != nil {
		sink.Abort()
		return err
	}
	return sink.Close()
}

// letters writes a công văn per commune into out/cong-van and all of them
// into out/cong-van-in.pdf for printing.
func letters(ctx context.Context, plan *coverage.Table, bs []coverage.Baseline, out string) error {
	var items []batch.Item
	var names batch.Names
	for i, s := range coverage.SharesOf(plan, bs) {
		d := letter(int64(120+i), s)
		items = append(items, batch.Item{
			Name: names.Unique(batch.FileName(s.Name)), Title: s.Name,
			Load: func() (*bhytdoc.Document, error) { return templates.Fill("cong-van-xa-bhyt", d) },
		})
	}
	book, err := batch.NewBookFile(filepath.Join(out, "cong-van-in.pdf"), nil)
	if err != nil {
		return err
	}
	sink := batch.Tee(batch.NewDirSink(filepath.Join(out, "cong-van")), book)
	r := batch.Renderer{Formats: []batch.Format{batch.PDF, batch.DOCX}}
	return r.RenderContext(ctx, batch.Items(items), sink)
}

// letter is the data of the công văn number to the unit of share s.
func letter(number int64, s coverage.Share) templates.CongVanXa {
	d := templates.CongVanXa{
		CoQuan: issuer, So: number, DonViSoanThao: "VX",
		DiaDanh: "Sơn Dương", Ngay: "2025-02-10", DiaBan: "huyện Sơn Dương",
		KeHoach:     "Kế hoạch số 15/KH-UBND ngày 20/01/2025 của Ủy ban nhân dân huyện",
		NguoiChiDao: "Ủy ban nhân dân huyện", NgaySoLieu: "2024-12-31", HanBaoCao: "2025-07-05",
		NoiBaoCao: "Ủy ban nhân dân huyện (qua Phòng Y tế)",
		NguoiKy:   signer, NoiNhan: []string{"Như kính gửi", "CT, các PCT UBND huyện", "BHXH huyện"}, Luu: []string{"VT", "VX"},
	}
	d.SetShare(s) // the commune's share of the plan
	return d
}

// keHoach renders the district's plan with its annex: ke-hoach.pdf and the
// annex workbook ke-hoach.xlsx.
func keHoach(plan *coverage.Table) (*batch.Rendered, error) {
	base, last := plan.BaselineTotal(), plan.Totals()[len(plan.Milestones)-1]
	doc, err := templates.Fill("ke-hoach-bhyt", templates.KeHoach{
		CoQuan: issuer, So: 15, DiaDanh: "Sơn Dương", Ngay: "2025-01-20", Nam: 2025,
		CoQuanLapKeHoach: "Ủy ban nhân dân huyện", DiaBan: "huyện Sơn Dương",
		CanCu:      []string{"Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008"},
		NgaySoLieu: "2024-12-31", DanSo: base.Population, DaThamGia: base.Participants,
		ChiTieu:    milestones[len(milestones)-1].Rate.Float(),
		CanVanDong: last.Participants - base.Participants, LichTrinh: plan.Schedule(),
		NguyenNhan: []string{"Một bộ phận người dân chưa nhận thức đầy đủ quyền lợi khi tham gia bảo hiểm y tế."},
		GiaiPhap: []templates.GiaiPhap{{DonVi: "Ủy ban nhân dân các xã, thị trấn",
			NhiemVu: []string{"Rà soát, lập danh sách hộ chưa tham gia và vận động tham gia bảo hiểm y tế hộ gia đình."}}},
		NguoiKy: signer, NoiNhan: []string{"UBND tỉnh", "CT, các PCT UBND huyện", "UBND các xã, thị trấn"}, Luu: []string{"VT", "VX"},
	}) // DonVi left empty: the annex is the plan's
	if err != nil {
		return nil, err
	}
	annex, err := plan.Annex()
	if err != nil {
		return nil, err
	}
	doc.Annexes = append(doc.Annexes, annex)
	pdf, err := bhytdoc.RenderPDF(doc, nil)
	if err != nil {
		return nil, err
	}
	var xlsx bytes.Buffer
	if err := coverage.WriteXLSX(&xlsx, plan); err != nil {
		return nil, err
	}
	return &batch.Rendered{Name: "ke-hoach", Files: []batch.File{{Name: "ke-hoach.pdf", Data: pdf}, {Name: "ke-hoach.xlsx", Data: xlsx.Bytes()}}}, nil
}
