package seeds

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
)

// CaiRangCopies returns n distinct Cái Răng letters, as a batch of real
// letters differs: each has its own number (898 + i) and its own coverage
// figure in the first paragraph, so glyph sets and content streams vary
// from letter to letter. With names, each letter also has a different
// signer's name, so the glyph sets of the bold face differ too. The
// benchmarks and the Typst comparison (bench/typst) render the same
// letters from here.
func CaiRangCopies(n int, names bool) ([]*bhytdoc.Document, error) {
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middle := []string{"Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Quốc", "Thanh"}
	given := []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Lộc", "Mỹ", "Nhung", "Phúc", "Quỳnh", "Sơn", "Tú", "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Ẩn"}
	const old = "78,11%"
	docs := make([]*bhytdoc.Document, n)
	for i := range docs {
		d := CaiRang()
		d.Number = 898 + i
		figure := strconv.Itoa(60+i%37) + "," + strconv.Itoa(10+i*7%90) + "%"
		found := false
		for j, s := range d.Body[0].Text {
			if strings.Contains(s.Text, old) {
				d.Body[0].Text[j].Text = strings.Replace(s.Text, old, figure, 1)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("seeds: figure %q not in the first paragraph of the Cái Răng letter", old)
		}
		if names {
			d.Signatures[0].Name = family[i%len(family)] + " " + middle[i/len(family)%len(middle)] + " " + given[i%len(given)]
		}
		docs[i] = d
	}
	return docs, nil
}
