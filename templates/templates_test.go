package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/markdown"
)

// load decodes testdata/NAME.json as the CLI does.
func load(t testing.TB, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNames(t *testing.T) {
	want := []string{"bao-cao-bhyt", "bien-ban-hop-bhyt", "cong-dien-don-doc-bhyt", "cong-van-bhyt", "cong-van-xa-bhyt", "giay-moi-so-ket-bhyt", "ke-hoach-bhyt", "quyet-dinh-giao-chi-tieu", "to-trinh-giao-chi-tieu"}
	if got := Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	if _, err := Fill("thu-moi", nil); err == nil || !strings.Contains(err.Error(), "no template") {
		t.Errorf("unknown template: %v", err)
	}
}

func TestFillExamples(t *testing.T) {
	kinds := map[string]bhytdoc.Kind{"cong-van-bhyt": bhytdoc.CongVan, "ke-hoach-bhyt": bhytdoc.KeHoach, "bao-cao-bhyt": bhytdoc.BaoCao,
		"cong-van-xa-bhyt": bhytdoc.CongVan, "quyet-dinh-giao-chi-tieu": bhytdoc.QuyetDinh,
		"giay-moi-so-ket-bhyt": bhytdoc.GiayMoi, "cong-dien-don-doc-bhyt": bhytdoc.CongDien,
		"bien-ban-hop-bhyt": bhytdoc.BienBan, "to-trinh-giao-chi-tieu": bhytdoc.ToTrinh}
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			d, err := Fill(name, load(t, name))
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != kinds[name] {
				t.Errorf("kind %v", d.Kind)
			}
			if name == "quyet-dinh-giao-chi-tieu" {
				// Its Điều 1 says "chi tiết tại Phụ lục kèm theo": without
				// the annex (bhytdoc new --baseline, or an annex file) it
				// is refused, never rendered pointing to nothing.
				if _, err := bhytdoc.RenderPDF(d, nil); err == nil || !strings.Contains(err.Error(), "Body[0]: refers to \"chi tiết tại Phụ lục\"") {
					t.Errorf("PDF without its annex: %v", err)
				}
				d.Annexes = []bhytdoc.Annex{{Title: "Chỉ tiêu", Table: bhytdoc.Table{
					Header: [][]bhytdoc.HeaderCell{{{Text: "Đơn vị"}, {Text: "Tỷ lệ"}}},
					Rows:   [][]string{{"Phường Lê Bình", "100%"}}}}}
			}
			if _, err := bhytdoc.RenderPDF(d, nil); err != nil {
				t.Errorf("PDF: %v", err)
			}
			md, err := markdown.Marshal(d, nil)
			if err != nil {
				t.Fatal(err)
			}
			back, err := markdown.Parse(md, name+".md")
			if err != nil || !markdown.Equal(back, d) {
				t.Errorf("markdown round trip: %v", err)
			}
		})
	}
}

func TestCongVanContent(t *testing.T) {
	d, err := Fill("cong-van-bhyt", load(t, "cong-van-bhyt"))
	if err != nil {
		t.Fatal(err)
	}
	if d.NumberSymbol() != "898/UBND" || d.PlaceDate() != "Cái Răng, ngày 18 tháng 5 năm 2020" {
		t.Errorf("header %q %q", d.NumberSymbol(), d.PlaceDate())
	}
	var all strings.Builder
	for _, b := range d.Body {
		all.WriteString(b.Marker() + " " + b.Plain() + "\n")
	}
	for _, want := range []string{
		"đạt 78,11%, so với chỉ tiêu được giao là chưa đạt",
		"chỉ tiêu 90% độ bao phủ bảo hiểm y tế trong năm 2020",
		"5. Giao Ủy ban nhân dân các phường",
		"đến ngày 30/6/2020 phải đạt 85%, đến ngày 30/9/2020 phải đạt 89%, đến ngày 31/10/2020 phải đạt 90%.",
		"trước ngày 05 tháng 7 năm 2020",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("body lacks %q:\n%s", want, all.String())
		}
	}
}

func TestMissingMapKey(t *testing.T) {
	data := load(t, "cong-van-bhyt")
	delete(data, "HanBaoCao")
	_, err := Fill("cong-van-bhyt", data)
	var e *Error
	if !errors.As(err, &e) || err.Error() != `cong-van-bhyt.md: .HanBaoCao: missing data field "HanBaoCao" (Hạn báo cáo)` {
		t.Fatalf("got %v", err) // README.md quotes this message
	}
	// A nested key.
	data = load(t, "cong-van-bhyt")
	delete(data["NguoiKy"].(map[string]any), "HoTen")
	_, err = Fill("cong-van-bhyt", data)
	if !errors.As(err, &e) || e.Field != ".NguoiKy.HoTen" {
		t.Fatalf("got %v", err)
	}
	// JSON null counts as missing.
	data = load(t, "cong-van-bhyt")
	data["DiaDanh"] = nil
	_, err = Fill("cong-van-bhyt", data)
	if !errors.As(err, &e) || e.Field != ".DiaDanh" {
		t.Fatalf("got %v", err)
	}
	// Nested too; a null optional field takes its default, and a null
	// key that is no field passes as if absent.
	data = load(t, "cong-van-xa-bhyt")
	data["ChiTieu"].([]any)[1].(map[string]any)["Nhan"] = nil
	_, err = Fill("cong-van-xa-bhyt", data)
	if !errors.As(err, &e) || e.Field != ".ChiTieu[1].Nhan" {
		t.Fatalf("got %v", err)
	}
	data = load(t, "cong-van-xa-bhyt")
	want, err := Source("cong-van-xa-bhyt", data)
	if err != nil {
		t.Fatal(err)
	}
	data["KhongCo"] = nil
	data["CoQuan"].(map[string]any)["KhongCo"] = nil
	if got, err := Source("cong-van-xa-bhyt", data); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("null unknown keys: %v\n%s", err, got)
	}
	delete(data, "DonViSoanThao")
	without, _ := Source("cong-van-xa-bhyt", data)
	data["DonViSoanThao"] = nil
	if got, err := Source("cong-van-xa-bhyt", data); err != nil || !bytes.Equal(got, without) {
		t.Fatalf("null optional field: %v\n%s", err, got)
	}
}

// congVan lacks HanBaoCao on purpose.
type congVan struct {
	CoQuan                   struct{ ChuQuan, Ten, VietTat string }
	So                       int
	DonViSoanThao, DiaDanh   string
	Ngay, DiaBan, NgaySoLieu string
	TyLe, ChiTieu            float64
	NguoiChiDao              string
	KinhGui, NhiemVu         []string
	DonViCoSo                string
	MocTienDo                []struct {
		Ngay string
		TyLe float64
	}
	NoiBaoCao string
	NguoiKy   struct {
		QuyenHan      []string
		ChucVu, HoTen string
	}
	NoiNhan, Luu []string
}

func TestMissingStructField(t *testing.T) {
	var v congVan
	b, _ := os.ReadFile("testdata/cong-van-bhyt.json")
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	_, err := Fill("cong-van-bhyt", v)
	var e *Error
	if !errors.As(err, &e) || e.Field != ".HanBaoCao" || !strings.Contains(e.Msg, `missing data field "HanBaoCao"`) {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), "no value") {
		t.Errorf("error mentions <no value>: %v", err)
	}
}

func TestBadValue(t *testing.T) {
	data := load(t, "cong-van-bhyt")
	data["Ngay"] = "18.5.2020"
	_, err := Fill("cong-van-bhyt", data)
	if err == nil || !strings.Contains(err.Error(), "not a date") {
		t.Fatalf("got %v", err)
	}
	data = load(t, "cong-van-bhyt")
	data["TyLe"] = "nhiều"
	_, err = Fill("cong-van-bhyt", data)
	if err == nil || !strings.Contains(err.Error(), ".TyLe") {
		t.Fatalf("got %v", err)
	}
}

// TestHostileData checks that no data can change a document's structure:
// text that looks like YAML or Markdown comes out as the same text.
func TestHostileData(t *testing.T) {
	evil := "x\"\nannexes: [] # **đậm** <!-- bhytdoc:footer --> 1. a) | `"
	data := load(t, "cong-van-bhyt")
	data["DiaDanh"] = "Cái Răng: \"*x*\" #1"
	data["NhiemVu"] = []any{"1. " + strings.ReplaceAll(evil, "\n", " "), "- gạch \\ đầu dòng"}
	data["KinhGui"] = []any{"A, B: [c]", "# d"}
	data["NguoiKy"].(map[string]any)["HoTen"] = "Nguyễn Văn *A*"
	d, err := Fill("cong-van-bhyt", data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Place != "Cái Răng: \"*x*\" #1" || d.Addressees[1] != "# d" || d.Signatures[0].Name != "Nguyễn Văn *A*" {
		t.Errorf("fields changed: %q %q %q", d.Place, d.Addressees, d.Signatures[0].Name)
	}
	if got := d.Body[1].Plain(); got != "1. "+strings.ReplaceAll(evil, "\n", " ") || d.Body[1].Kind != bhytdoc.Item {
		t.Errorf("task text %q", got)
	}
	if got := d.Body[2].Plain(); got != "- gạch \\ đầu dòng" {
		t.Errorf("task text %q", got)
	}
	if len(d.Annexes) != 0 {
		t.Errorf("data injected an annex")
	}
}

func TestDraft(t *testing.T) {
	data := load(t, "cong-van-bhyt")
	data["So"] = json.Number("0")
	data["Ngay"] = "2021-06-01"
	d, err := Fill("cong-van-bhyt", data)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Draft || d.Number != 0 {
		t.Errorf("draft %v number %d", d.Draft, d.Number)
	}
}

func TestConcurrentFill(t *testing.T) {
	data := load(t, "ke-hoach-bhyt")
	want, err := Source("ke-hoach-bhyt", data)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte)
	for range 8 {
		go func() {
			b, _ := Source("ke-hoach-bhyt", data)
			done <- b
		}()
	}
	for range 8 {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("concurrent fill differs")
		}
	}
}

// A công văn about a ward may not speak of "Bảo hiểm xã hội phường":
// the office is the district's, which the data then names.
func TestCongVanWardOffice(t *testing.T) {
	data := load(t, "cong-van-bhyt")
	data["DiaBan"] = "phường Lê Bình"
	_, err := Fill("cong-van-bhyt", data)
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, `"phường Lê Bình" has no social insurance office`) || !strings.Contains(e.Msg, "CoQuanBHXH") {
		t.Fatalf("got %v", err)
	}
	data["CoQuanBHXH"] = "Bảo hiểm xã hội quận Cái Răng"
	d, err := Fill("cong-van-bhyt", data)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, b := range d.Body {
		all.WriteString(b.Plain() + "\n")
	}
	txt := all.String()
	if strings.Contains(txt, "Bảo hiểm xã hội phường") || !strings.Contains(txt, "Theo số liệu báo cáo của Bảo hiểm xã hội quận Cái Răng") ||
		!strings.Contains(txt, "Giao Giám đốc Bảo hiểm xã hội quận Cái Răng") {
		t.Errorf("body:\n%s", txt)
	}
}

// Targets above 100% or below the rate already reached are errors naming
// the unit.
func TestTargetsChecked(t *testing.T) {
	for _, c := range []struct {
		name, want string
		set        func(m map[string]any)
	}{
		{"cong-van-bhyt", "quận Cái Răng: target 101% outside 0–100%", func(m map[string]any) { m["ChiTieu"] = 101 }},
		{"cong-van-bhyt", "quận Cái Răng: target 75% below the current rate 78,11%", func(m map[string]any) {
			m["MocTienDo"].([]any)[0].(map[string]any)["TyLe"] = 75
		}},
		{"ke-hoach-bhyt", "Thôn Tây: target 988 participants above the population 987", func(m map[string]any) {
			m["DonVi"].([]any)[1].(map[string]any)["ChiTieu"] = 988
		}},
		{"ke-hoach-bhyt", "Thôn Nam: target 1.300 participants below the 1.310 already participating", func(m map[string]any) {
			m["DonVi"].([]any)[2].(map[string]any)["ChiTieu"] = 1300
		}},
	} {
		data := load(t, c.name)
		c.set(data)
		_, err := Fill(c.name, data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

// A draft's date may be "2019-01", as document sources accept.
func TestCongVanDraftDate(t *testing.T) {
	data := load(t, "cong-van-bhyt")
	data["So"] = 0
	data["Ngay"] = "2019-01"
	d, err := Fill("cong-van-bhyt", data)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Draft || d.Date != (bhytdoc.Date{Year: 2019, Month: 1}) {
		t.Errorf("draft %v, date %+v", d.Draft, d.Date)
	}
	data["Ngay"] = "2019-13"
	if _, err := Fill("cong-van-bhyt", data); err == nil {
		t.Error("month 13 accepted")
	}
}
