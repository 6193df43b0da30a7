package fonts_test

import (
	"fmt"

	"github.com/bhytdoc/bhytdoc/fonts"
)

// Measure a heading before drawing it, and find characters the face cannot
// draw.
func ExampleLiberation() {
	family := fonts.Liberation()
	bold, err := family.Face(fonts.Bold) // parsed on first use, then memoised
	if err != nil {
		panic(err)
	}
	heading := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	fmt.Printf("%s %s, 13 pt: %.2f pt wide\n", family.Name(), bold.Style(), bold.Width(heading, 13))
	fmt.Printf("ascent %d, descent %d, cap height %d (1/1000 em)\n", bold.Ascent(), bold.Descent(), bold.CapHeight())
	fmt.Printf("missing: %q\n", bold.MissingRunes("Ủy ban ☃ 中"))
	// Output:
	// Liberation Serif bold, 13 pt: 271.19 pt wide
	// ascent 891, descent -216, cap height 654 (1/1000 em)
	// missing: ['☃' '中']
}
