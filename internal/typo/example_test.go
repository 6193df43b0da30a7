package typo_test

import (
	"fmt"

	"github.com/bhytdoc/bhytdoc/internal/typo"
)

func ExampleLongDate() {
	fmt.Println(typo.LongDate(2021, 2, 5))
	fmt.Println(typo.LongDate(2020, 5, 18))
	fmt.Printf("%q\n", typo.LongDate(2021, 6, 0)) // day left blank for registration
	// Output:
	// ngày 05 tháng 02 năm 2021
	// ngày 18 tháng 5 năm 2020
	// "ngày    tháng 6 năm 2021"
}

func ExampleInt() {
	fmt.Println(typo.Int(102233))
	fmt.Println(typo.Int(-1234567))
	fmt.Println(typo.Decimal(1234.5, 1))
	fmt.Println(typo.Percent(78.11, 2))
	// Output:
	// 102.233
	// -1.234.567
	// 1.234,5
	// 78,11%
}

func ExampleTone() {
	s := "Uỷ ban nhân dân tỉnh Khánh Hoà; quý, hoàng"
	fmt.Println(typo.Tone(s, typo.ToneTraditional))
	fmt.Println(typo.Tone(s, typo.ToneModern))
	// Output:
	// Ủy ban nhân dân tỉnh Khánh Hòa; quý, hoàng
	// Uỷ ban nhân dân tỉnh Khánh Hoà; quý, hoàng
}

func ExampleUpper() {
	fmt.Println(typo.Upper("Ủy ban nhân dân quận Cái Răng"))
	// Output:
	// ỦY BAN NHÂN DÂN QUẬN CÁI RĂNG
}
