package coverage_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bhytdoc/bhytdoc/coverage"
)

// A problem of a cell names the file, the row and the column; errors.As
// gives them to a program, to point at the cell in a form.
func ExampleRowError() {
	csv := "Đơn vị,Số người tham gia BHYT,Dân số\nPhường Lê Bình,9.980,10.125\nPhường Hưng Phú,\"15,1\",15.300\n"
	_, err := coverage.ReadCSV(strings.NewReader(csv), "units.csv")
	fmt.Println(err)
	var re *coverage.RowError
	if errors.As(err, &re) {
		fmt.Println(re.File, re.Row, re.Col, re.Column)
	}
	// Output:
	// units.csv: row 3, column 2 (Số người tham gia BHYT): "15,1" is not a whole number written the Vietnamese way (10.125)
	// units.csv 3 2 Số người tham gia BHYT
}
