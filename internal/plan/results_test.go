package plan

import (
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
)

func TestResults(t *testing.T) {
	d := bhytdoc.Date{Year: 2021, Month: 6, Day: 30}
	end := bhytdoc.Date{Year: 2021, Month: 12, Day: 31}
	bs := []coverage.Baseline{
		{Unit: coverage.ParseUnit("Xã Vĩnh Lợi"), Date: d, Population: 9845, Participants: 9390,
			Targets: map[bhytdoc.Date]coverage.Percent{end: 94 * coverage.OnePercent}},
		{Unit: coverage.ParseUnit("Xã Hồng Lạc"), Date: d, Population: 8730, Participants: 8021},
	}
	m := map[string]any{"ChiTieu": 93.5}
	if err := Results(m, bs); err != nil {
		t.Fatal(err)
	}
	if m["DanSo"] != int64(18575) || m["DaThamGia"] != int64(17411) || m["NgaySoLieu"] != "2021-06-30" {
		t.Errorf("sums %v %v %v", m["DanSo"], m["DaThamGia"], m["NgaySoLieu"])
	}
	rows := m["DonVi"].([]any)
	if r := rows[0].(map[string]any); r["Ten"] != "Xã Vĩnh Lợi" || r["ChiTieu"] != 94.0 {
		t.Errorf("row 1 %v", r)
	}
	if r := rows[1].(map[string]any); r["ChiTieu"] != 93.5 || r["DanSo"] != int64(8730) {
		t.Errorf("row 2 %v", r)
	}

	for _, c := range []struct {
		data map[string]any
		bs   []coverage.Baseline
		want string
	}{
		{map[string]any{"NgaySoLieu": "31/3/2021"}, bs, "NgaySoLieu: 31/3/2021, but the units file counts at 2021-06-30"},
		{map[string]any{"DonVi": []any{}}, bs, "DonVi: given by the units file"},
		{map[string]any{}, []coverage.Baseline{bs[0], {Unit: bs[1].Unit, Date: end, Population: 1, Participants: 1}}, "unit 2 (Xã Hồng Lạc): counts of 2021-12-31"},
		{map[string]any{}, []coverage.Baseline{{Unit: bs[1].Unit, Population: 1, Targets: map[bhytdoc.Date]coverage.Percent{d: 1, end: 2}}}, "2 target columns"},
		{map[string]any{}, nil, "no units"},
	} {
		err := Results(c.data, c.bs)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: got %v, want %q", c.data, err, c.want)
		}
	}
}
