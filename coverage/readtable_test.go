package coverage

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadTable(t *testing.T) {
	// Not a coverage table: read as it is, the totals row found by its
	// label, rows above the header (a title) left out.
	csv := "Phân công thực hiện,,\nTT,Cơ quan,Số buổi\n1,Phòng Y tế,3\n2,BHXH huyện,4\n,Cộng,7\n"
	tf, err := ReadTable([]byte(csv), "pc.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	tb := tf.Table
	if tf.Sheet != "" || len(tb.Header) != 1 || tb.Header[0][1].Text != "Cơ quan" || len(tb.Rows) != 2 {
		t.Errorf("table: %+v, sheet %q", tb, tf.Sheet)
	}
	if !reflect.DeepEqual(tb.Totals, []string{"", "Cộng", "7"}) {
		t.Errorf("totals: %q", tb.Totals)
	}
	// Cells are named where the file has them: the title row and the
	// header come first.
	if got := []string{tf.Cell(0, 1), tf.Cell(1, 2), tf.Cell(-1, 2)}; !reflect.DeepEqual(got, []string{"B3", "C4", "C5"}) {
		t.Errorf("cells: %q", got)
	}
	for _, c := range []struct{ name, sheet, data, want string }{
		{"pc.csv", "S", csv, "pc.csv: a CSV file has no sheets"},
		{"pc.ods", "", csv, "pc.ods: unknown table file type"},
		{"one.csv", "", "chỉ một ô\n\n", "one.csv: no table header"},
		{"head.csv", "", "TT,Cơ quan\n", "head.csv: the table under row 1 has no rows"},
		{"bad.xlsx", "", "not a zip", "bad.xlsx: "},
	} {
		if _, err := ReadTable([]byte(c.data), c.name, c.sheet); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}
