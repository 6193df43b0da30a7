package seeds

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// bodyText renders the body as plain text, one block a line, each with its
// label or marker: "1. Đề nghị …", "- Trên cơ sở …", "I. MỤC ĐÍCH, YÊU CẦU".
func bodyText(d *bhytdoc.Document) string {
	var sb strings.Builder
	for i := range d.Body {
		b := &d.Body[i]
		if m := b.Marker(); m != "" {
			sb.WriteString(m)
			sb.WriteByte(' ')
		}
		sb.WriteString(b.Plain())
		sb.WriteByte('\n')
	}
	return sb.String()
}

// outline lists the blocks as kind and label, e.g. "Section III.".
func outline(d *bhytdoc.Document) []string {
	var out []string
	for _, b := range d.Body {
		s := b.Kind.String()
		if b.Label != "" {
			s += " " + b.Label
		}
		if b.Heading {
			s += " (heading)"
		}
		out = append(out, s)
	}
	return out
}

func count(d *bhytdoc.Document, k bhytdoc.BlockKind) int {
	n := 0
	for _, b := range d.Body {
		if b.Kind == k {
			n++
		}
	}
	return n
}

// seedCase holds what was counted by hand in each seed.
type seedCase struct {
	name string
	doc  func() *bhytdoc.Document
	// Block counts: all blocks, and per kind.
	blocks, sections, items, dashes, paragraphs int
	// labels are the Section and Item labels in order.
	labels  string
	phrases []string
	bold    []string // text of the bold spans, in order
}

var cases = []seedCase{
	{
		// Opening paragraph, directives 1–10, closing paragraph.
		name: "cai-rang-898-UBND", doc: CaiRang,
		blocks: 12, items: 10, paragraphs: 2,
		labels: "1. 2. 3. 4. 5. 6. 7. 8. 9. 10.",
		phrases: []string{
			"toàn quận đạt 78,11%, so với chỉ tiêu được giao là chưa đạt",
			"có ý kiến như sau:",
			"Đến ngày 30/6/2020 phải đạt 85%, ngày 30/9/2020 phải đạt 89%",
			"ngày 31/12/2020 vượt chỉ tiêu độ bao phủ bảo hiểm y tế.",
			"hộ khó khăn,… để các các đối tượng",            // the seed's doubled word
			"ấn phẩm báo chí tuyên truyên quận",             // the seed's typo
			"viên chức, đoàn viên",                          // doubled space removed
			"và thân nhân của đoàn viên, hội viên",          // joined across page 2
			"(Hoàn thành trước ngày 25 tháng 5 năm 2020)\n", // no final period in the seed
			"Trung tâm Văn hóa – Thể thao và Truyền thanh",
			"tổ chức thực hiện./.",
		},
	},
	{
		// Two opening paragraphs; items 1 and 2, each with three dash
		// bullets; closing paragraph.
		name: "son-duong-UBND-VX", doc: SonDuong,
		blocks: 11, items: 2, dashes: 6, paragraphs: 3,
		labels: "1. 2.",
		phrases: []string{
			"Văn bản số 1747/UBND-KGVX ngày 05/6/2021",
			"tham gia BHYT;\nỦy ban nhân dân huyện chỉ đạo:",
			"1. Ủy ban nhân dân các xã, thị trấn.\n- Trên cơ sở danh sách",
			"Đảm bảo đến ngày 30/6/2021 có 100% số người",
			"neo đơn ... (Lưu ý:",
			"(gửi Phòng Lao động Thương binh và Xã hội tổng hợp)).",
			"bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế năm 2021", // joined across a page break
			"Phối hợp với ủy ban nhân dân các xã",
			"trước ngày 10/7/2021.",
			"nghiêm túc triển khai thực hiện./.",
		},
		bold: []string{"ngày 30/6/2021", "ngày 05/7/2021", "ngày 10/7/2021"},
	},
	{
		// Opening paragraph; sections I–IV and the second "III." with 12
		// item headings, 27 dash bullets and 4 paragraphs under them;
		// closing paragraph.
		name: "nam-toan-KH-2022", doc: NamToan,
		blocks: 50, sections: 5, items: 12, dashes: 27, paragraphs: 6,
		labels: "I. II. III. 1. 2. IV. 1. 2. 3. III. 1. 2. 3. 4. 5. 6. 7.",
		phrases: []string{
			"xã Nam Toàn như sau:",
			"I. MỤC ĐÍCH, YÊU CẦU\n",
			"IV. CÁC GIẢI PHÁP:\n",
			"III. TỔ CHỨC THỰC HIỆN:\n",
			"1. Tình hình tham gia Bảo hiểm y tế (BHYT) tính hết ngày 15/03/2022:\n",
			"- Tổng số người tham gia BHYT: 3.990 người, đạt tỷ lệ 86,91%",
			"Thân nhân công an, Thân nhân quân đội: 131 thẻ", // joined across a page break
			"tăng nhanh tỷ lệ bao phủ BHYT.",
			"trong toàn xã: 601 người\n",
			"- Tình hình dịch bệnh Covid 19",
			"là 20.000đ/thẻ đối với những thẻ tăng mới",
			"5. Đại lý thu BHYT:\n",
			"các hộ chưa tham gia BHYT…\n",
			"Đề nghị Uỷ ban Mặt trận Tổ quốc các đoàn thể",
			"nghiêm túc triển khai thực hiện.\n",
		},
	},
}

func TestAllNames(t *testing.T) {
	all := All()
	if len(all) != len(cases) {
		t.Fatalf("All() returns %d examples, want %d", len(all), len(cases))
	}
	for i, ex := range all {
		if ex.Name != cases[i].name {
			t.Errorf("All()[%d].Name = %q, want %q", i, ex.Name, cases[i].name)
		}
		if ex.Doc == nil {
			t.Errorf("All()[%d].Doc is nil", i)
		}
	}
}

func TestSeeds(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := c.doc()
			if err := d.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if got := len(d.Body); got != c.blocks {
				t.Errorf("%d body blocks, want %d:\n%s", got, c.blocks, strings.Join(outline(d), "\n"))
			}
			for _, k := range []struct {
				kind bhytdoc.BlockKind
				want int
			}{
				{bhytdoc.Section, c.sections},
				{bhytdoc.Item, c.items},
				{bhytdoc.Dash, c.dashes},
				{bhytdoc.Paragraph, c.paragraphs},
			} {
				if got := count(d, k.kind); got != k.want {
					t.Errorf("%d %s blocks, want %d", got, k.kind, k.want)
				}
			}
			var labels []string
			for _, b := range d.Body {
				if b.Kind == bhytdoc.Section || b.Kind == bhytdoc.Item {
					labels = append(labels, b.Label)
				}
			}
			if got := strings.Join(labels, " "); got != c.labels {
				t.Errorf("labels %q, want %q", got, c.labels)
			}

			text := bodyText(d)
			for _, p := range c.phrases {
				if !strings.Contains(text, p) {
					t.Errorf("body lacks %q", p)
				}
			}
			// The hard-wrapped lines were joined with single spaces.
			for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
				if strings.Contains(line, "  ") || line != strings.TrimSpace(line) {
					t.Errorf("block %d has stray spaces: %q", i, line)
				}
			}

			var bold []string
			for _, b := range d.Body {
				for _, s := range b.Text {
					if s.Italic {
						t.Errorf("italic span %q: the seeds mark no italics", s.Text)
					}
					if s.Bold {
						bold = append(bold, s.Text)
					}
				}
			}
			if got, want := fmt.Sprint(bold), fmt.Sprint(c.bold); len(bold)+len(c.bold) > 0 && got != want {
				t.Errorf("bold spans %s, want %s", got, want)
			}
		})
	}
}

// TestHeadings checks that the plan's numbered titles are item headings
// while the numbered directives of the two công văn are not (the seeds do
// not set them apart: seed 001 marks its bold text and leaves them plain).
func TestHeadings(t *testing.T) {
	for _, c := range cases {
		d := c.doc()
		for i, b := range d.Body {
			if b.Kind != bhytdoc.Item {
				continue
			}
			want := c.name == "nam-toan-KH-2022"
			if b.Heading != want {
				t.Errorf("%s: Body[%d] %q: Heading = %v, want %v", c.name, i, b.Label, b.Heading, want)
			}
		}
	}
}

func TestFresh(t *testing.T) {
	for _, c := range cases {
		a, b := c.doc(), c.doc()
		a.Body[0].Text[0].Text = "changed"
		a.Recipients[0].Name = "changed"
		a.Luu[0] = "changed"
		if b.Body[0].Text[0].Text == "changed" || b.Recipients[0].Name == "changed" || b.Luu[0] == "changed" {
			t.Errorf("%s: two calls share data", c.name)
		}
	}
	x, y := All(), All()
	x[0].Doc.Summary = "changed"
	if y[0].Doc.Summary == "changed" {
		t.Error("All: two calls share documents")
	}
}

func TestHeaders(t *testing.T) {
	cr, sd, nt := CaiRang(), SonDuong(), NamToan()
	for _, tc := range []struct{ got, want string }{
		{cr.NumberSymbol(), "898/UBND"},
		{cr.PlaceDate(), "Cái Răng, ngày 18 tháng 5 năm 2020"},
		{strings.TrimSpace(sd.NumberSymbol()), "/UBND-VX"},
		{strings.TrimSpace(nt.NumberSymbol()), "/KH-UBND"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if len(cr.Addressees) != 3 || len(sd.Addressees) != 2 || len(nt.Bases) != 3 {
		t.Errorf("recipients %d, %d; bases %d", len(cr.Addressees), len(sd.Addressees), len(nt.Bases))
	}
}
