package mailmerge

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/internal/rows"
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

// A CSV row, its cells kept by column, gives the data a map of the same
// fields gives: empty cells keep the common value, "A.B" nests.
func TestDataOfTableRow(t *testing.T) {
	rs, err := rows.ReadCSV(strings.NewReader("Ten,NguoiKy.HoTen,DiaBan,Ghi\nAn Bình,Nguyễn Văn B,,x\nHai\n"), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	common := map[string]any{"DiaBan": "quận 1", "NguoiKy": map[string]any{"HoTen": "A", "ChucVu": "CT"}}
	for i, want := range []map[string]any{
		{"Ten": "An Bình", "NguoiKy.HoTen": "Nguyễn Văn B", "DiaBan": "", "Ghi": "x"},
		{"Ten": "Hai", "NguoiKy.HoTen": "", "DiaBan": "", "Ghi": ""},
	} {
		r := &rs[i]
		if r.Fields != nil || r.Len() != len(want) {
			t.Fatalf("row %d: Fields %v, %d fields; want cells only, %d", i, r.Fields, r.Len(), len(want))
		}
		for k, v := range want {
			if got, ok := r.Field(k); !ok || got != v {
				t.Errorf("row %d: Field(%q) = %v, %v; want %q", i, k, got, ok, v)
			}
		}
		if _, ok := r.Field("Khac"); ok {
			t.Errorf("row %d: a field no column names", i)
		}
		got, err := dataOf(common, r.Sorted())
		if err != nil {
			t.Fatal(err)
		}
		exp, _ := Data(common, want)
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("row %d: data %v, want %v", i, got, exp)
		}
	}
}
