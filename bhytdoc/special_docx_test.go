package bhytdoc_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/examples/kinds"
	"github.com/bhytdoc/bhytdoc/internal/lotest"
)

// TestSpecialLayoutsInDOCX converts each special model's DOCX with
// LibreOffice and checks what a reader of the Word file sees: the words
// of bhytdoc's own PDF, on as many pages, and the model's parts where
// the model puts them.
func TestSpecialLayoutsInDOCX(t *testing.T) {
	dir := t.TempDir()
	exs := kinds.All()
	var files []string
	for _, ex := range exs {
		b, err := bhytdoc.RenderDOCX(ex.Doc, nil)
		if err != nil {
			t.Fatalf("%s: %v", ex.Name, err)
		}
		p, err := bhytdoc.RenderPDF(ex.Doc, nil)
		if err != nil {
			t.Fatalf("%s: %v", ex.Name, err)
		}
		name := filepath.Join(dir, ex.Name+".docx")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ex.Name+".pdf"), p, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	out := lotest.ToPDF(t, dir, files)
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			ours := pdfWords(t, filepath.Join(dir, ex.Name+".pdf"))
			lo := pdfWords(t, filepath.Join(out, ex.Name+".pdf"))
			if len(ours) == 0 || len(lo) == 0 {
				t.Fatalf("%d words in bhytdoc's PDF, %d in LibreOffice's", len(ours), len(lo))
			}
			if np, nl := ours[len(ours)-1].page, lo[len(lo)-1].page; np != nl {
				t.Errorf("LibreOffice made %d pages, bhytdoc %d", nl, np)
			}
			words := func(ws []pdfWord) []string {
				var s []string
				for _, w := range ws {
					if w.s != "}" {
						s = append(s, w.s)
					}
				}
				slices.Sort(s)
				return s
			}
			if a, b := words(ours), words(lo); !slices.Equal(a, b) {
				t.Errorf("the words differ:\nbhytdoc     %q\nLibreOffice %q", a, b)
			}
			at := func(s string) pdfWord {
				t.Helper()
				w, ok := find(lo, s)
				if !ok {
					t.Fatalf("%q not in LibreOffice's PDF", s)
				}
				return w
			}
			above := func(a, b string) {
				t.Helper()
				if wa, wb := at(a), at(b); wa.page > wb.page || wa.page == wb.page && wa.y0 > wb.y0-1 {
					t.Errorf("%q (y %.1f) is not above %q (y %.1f)", a, wa.y0, b, wb.y0)
				}
			}
			sideBySide := func(left, right string) {
				t.Helper()
				if l, r := at(left), at(right); !near(l.y0, r.y0, 1) || l.x1 > r.x0 {
					t.Errorf("%q %+v must stand left of %q %+v on its line", left, l, right, r)
				}
			}
			absent := func(s string) {
				t.Helper()
				if _, ok := find(lo, s); ok {
					t.Errorf("%q printed", s)
				}
			}
			mid := (defLeft + defRight) / 2
			switch ex.Name {
			case "cong-dien":
				above("CÔNG ĐIỆN", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN điện:")
				above("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN điện:", "- Chủ tịch Ủy ban nhân dân các xã, thị trấn;")
				above("- Trưởng phòng Y tế huyện.", "Đến ngày 31/8/2024,")
			case "giay-moi":
				above("trân trọng kính mời:", "Tới dự")
				above("Tới dự", "Chủ trì:")
				above("Chủ trì:", "Thời gian:")
				above("Thời gian:", "Địa điểm:")
			case "giay-gioi-thieu":
				above("trân trọng giới thiệu:", "Được cử đến:")
				above("Được cử đến:", "Về việc:")
				above("Về việc:", "Giấy này có giá trị")
			case "bien-ban":
				sideBySide("THƯ KÝ", "CHỦ TỌA")
				above("Lê Thị Thu", "Nơi nhận:")
				above("Thời gian bắt đầu:", "Hội nghị kết thúc vào")
				absent("ngày 15 tháng 7 năm 2024 ")
			case "giay-nghi-phep":
				above("Trần Văn Hùng", "Xác nhận của cơ quan")
				if w := at("Xác nhận của cơ quan"); w.x0 > mid {
					t.Errorf("confirmation column at x %.1f: not on the left", w.x0)
				}
			case "quy-che-kem-theo":
				absent("Số:")
				absent("Nơi nhận:")
				above("Phối hợp phát triển", "(Kèm theo Quyết định số 12/QĐ-UBND")
			case "quyet-dinh-ban-hanh-quy-che":
				above("QUYẾT ĐỊNH:", "Trần Văn Hùng")
				above("Trần Văn Hùng", "(Kèm theo Quyết định số 12/QĐ-UBND")
				if a, b := at("Trần Văn Hùng"), at("(Kèm theo Quyết định số 12/QĐ-UBND"); a.page == b.page {
					t.Error("the issued quy chế does not start on a new page")
				}
			case "hop-dong":
				sideBySide("ĐẠI DIỆN BÊN A", "ĐẠI DIỆN BÊN B")
				absent("Nơi nhận:")
			case "thu-cong":
				absent("Số:")
				at("THƯ CẢM ƠN")
			default:
				t.Fatalf("no check for %s", ex.Name)
			}
		})
	}
}
