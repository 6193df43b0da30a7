package bhytdoc_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// annexLabels returns, for each annex page of d that opens an annex, the
// first line pdftotext reads above the annex title.
func annexFirstWords(t *testing.T, d *bhytdoc.Document) []string {
	t.Helper()
	var out []string
	for _, page := range bboxWords(t, d) {
		for i, w := range page {
			if w.s == "BIỂU" {
				line := ""
				if i > 0 {
					for _, v := range page[:i] {
						if near(v.y0, page[i-1].y0, 0.5) {
							line += v.s + " "
						}
					}
				}
				out = append(out, strings.TrimSpace(line))
				break
			}
		}
	}
	return out
}

// TestAnnexLabels checks the label line over each annex in the PDF, the
// DOCX, the Markdown view and the XLSX sheet names: "Phụ lục I", "Phụ lục
// II" for several annexes, "Phụ lục" for one, the annex's own label when
// set, and none with NoLabel.
func TestAnnexLabels(t *testing.T) {
	annex := func(title string) bhytdoc.Annex {
		a := resultAnnex()
		a.Title = "Biểu " + title
		return a
	}
	for _, tc := range []struct {
		name    string
		annexes []bhytdoc.Annex
		want    []string // label line in the PDF, "" for none
		sheets  []string
	}{
		{"several", []bhytdoc.Annex{annex("một"), annex("hai")}, []string{"Phụ lục I", "Phụ lục II"}, []string{"Phụ lục I", "Phụ lục II"}},
		{"one", []bhytdoc.Annex{annex("một")}, []string{"Phụ lục"}, []string{"Phụ lục"}},
		{"custom and none", []bhytdoc.Annex{func() bhytdoc.Annex { a := annex("một"); a.Label = "Biểu số 01"; return a }(),
			func() bhytdoc.Annex { a := annex("hai"); a.NoLabel = true; return a }()},
			[]string{"Biểu số 01", ""}, []string{"Biểu số 01", "Phụ lục"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := annexDoc(t, tc.annexes...)
			if got := annexFirstWords(t, d); !reflect.DeepEqual(got, tc.want) {
				// With no label the line above the title is the header's
				// last line or nothing; a label would be there.
				t.Errorf("PDF label lines %q, want %q", got, tc.want)
			}
			b, err := bhytdoc.RenderMarkdown(d, nil)
			if err != nil {
				t.Fatal(err)
			}
			md := string(b)
			docx, err := bhytdoc.RenderDOCX(d, nil)
			if err != nil {
				t.Fatal(err)
			}
			parts, _ := unzip(t, docx)
			var paras []string
			parseXML(t, "document.xml", parts["word/document.xml"]).each(func(n *xmlNode) {
				if n.name.Local == "p" {
					paras = append(paras, textOf(n))
				}
			})
			for i, want := range tc.want {
				title := strings.ToUpper(tc.annexes[i].Title)
				// Markdown view: the label in bold on the line before the title.
				mdWant := "**" + want + "**\\\n**" + title + "**"
				if want == "" {
					mdWant = "---\n\n**" + title + "**"
				}
				if !strings.Contains(md, mdWant) {
					t.Errorf("Markdown view lacks %q", mdWant)
				}
				// DOCX: the paragraph before the title's.
				for j, p := range paras {
					if p == title {
						if prev := paras[j-1]; want != "" && prev != want || want == "" && strings.HasPrefix(prev, "Phụ lục") {
							t.Errorf("DOCX paragraph before %q is %q, want %q", title, prev, want)
						}
					}
				}
			}
			if got := openXLSX(t, renderXLSX(t, d)).GetSheetList(); !reflect.DeepEqual(got, tc.sheets) {
				t.Errorf("XLSX sheets %q, want %q", got, tc.sheets)
			}
		})
	}
}

func TestAnnexLabelValidation(t *testing.T) {
	d := annexDoc(t, resultAnnex())
	d.Annexes[0].NoLabel = true
	d.Annexes[0].Label = "Phụ lục A"
	if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "Annexes[0].Label") {
		t.Errorf("Label with NoLabel: %v, want an error naming Annexes[0].Label", err)
	}
	d.Annexes[0].NoLabel = false
	d.Annexes[0].Label = strings.Repeat("Phụ lục ", 20)
	if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "Annexes[0].Label") {
		t.Errorf("long label: %v, want an error naming Annexes[0].Label", err)
	}
}
