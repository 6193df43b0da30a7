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
	tb, sheet, err := ReadTable([]byte(csv), "pc.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	if sheet != "" || len(tb.Header) != 1 || tb.Header[0][1].Text != "Cơ quan" || len(tb.Rows) != 2 {
		t.Errorf("table: %+v, sheet %q", tb, sheet)
	}
	if !reflect.DeepEqual(tb.Totals, []string{"", "Cộng", "7"}) {
		t.Errorf("totals: %q", tb.Totals)
	}
	for _, c := range []struct{ name, sheet, data, want string }{
		{"pc.csv", "S", csv, "pc.csv: a CSV file has no sheets"},
		{"pc.ods", "", csv, "pc.ods: unknown table file type"},
		{"one.csv", "", "chỉ một ô\n\n", "one.csv: no table header"},
		{"head.csv", "", "TT,Cơ quan\n", "head.csv: the table under row 1 has no rows"},
		{"bad.xlsx", "", "not a zip", "bad.xlsx: "},
	} {
		if _, _, err := ReadTable([]byte(c.data), c.name, c.sheet); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}
