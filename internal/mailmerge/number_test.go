package mailmerge

import (
	"context"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/rows"
)

// A So in the common data would number alike every row that has none of
// its own: New refuses it, naming the first such row, unless NumberFrom
// or every row's own So numbers them.
func TestCommonSoNeedsOwnNumbers(t *testing.T) {
	common := map[string]any{"So": 898}
	table := func(csv string) *rows.Table {
		rs, err := rows.ReadCSV(strings.NewReader(csv), "r.csv")
		if err != nil {
			t.Fatal(err)
		}
		return &rows.Table{Rows: rs}
	}
	for _, c := range []struct {
		name, csv string
		from      int
		want      string // "" when New must accept
	}{
		{"no So column", "DiaBan,Ghi\nhuyện A,x\nhuyện B,y\n", 0, "r.csv: row 2"},
		{"one row without", "DiaBan,So\nhuyện A,1\nhuyện B,\n", 0, "r.csv: row 3"},
		{"each row its own", "DiaBan,So\nhuyện A,1\nhuyện B,2\n", 0, ""},
		{"numbered from N", "DiaBan,Ghi\nhuyện A,x\nhuyện B,y\n", 5, ""},
	} {
		_, err := New(context.Background(), table(c.csv), Options{Template: "cong-van-bhyt", Common: common, NumberFrom: c.from, IgnoreExtra: true})
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), "So: every document needs its own number") || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one naming So and %s", c.name, err, c.want)
		}
	}
	// JSON rows: a row without the key inherits the common So.
	rs := &rows.Table{Rows: []rows.Row{
		rows.MapRow(0, "r.json", 2, map[string]any{"DiaBan": "huyện A", "So": 1.0}),
		rows.MapRow(1, "r.json", 3, map[string]any{"DiaBan": "huyện B"}),
	}}
	if _, err := New(context.Background(), rs, Options{Template: "cong-van-bhyt", Common: common}); err == nil || !strings.Contains(err.Error(), "r.json") {
		t.Errorf("JSON row without So: %v", err)
	}
}
