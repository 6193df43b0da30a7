package mailmerge

import (
	"reflect"
	"testing"
)

func TestData(t *testing.T) {
	common := map[string]any{"DiaBan": "quận Cái Răng", "NguoiKy": map[string]any{"HoTen": "A", "ChucVu": "Phó Chủ tịch"}}
	got, err := Data(common, map[string]any{"NguoiKy.HoTen": "B", "DiaBan": "", "So": 12})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"DiaBan": "quận Cái Răng", "So": 12, "NguoiKy": map[string]any{"HoTen": "B", "ChucVu": "Phó Chủ tịch"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if common["NguoiKy"].(map[string]any)["HoTen"] != "A" {
		t.Error("the common data changed")
	}
	for _, bad := range []string{"DiaBan.X", "A..B", ".A"} {
		if _, err := Data(common, map[string]any{bad: "x"}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
