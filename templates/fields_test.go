package templates

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/typo"
)

// Every built-in template is declared, and its declared examples make a
// document.
func TestDeclaredExamplesFill(t *testing.T) {
	for _, name := range Names() {
		if _, ok := declared[name]; !ok {
			t.Errorf("%s: no field declaration", name)
			continue
		}
		if err := Check(name, Example(name)); err != nil {
			t.Errorf("%s: the declared examples fail the check: %v", name, err)
		}
		if _, err := Fill(name, Example(name)); err != nil {
			t.Errorf("%s: the declared examples do not fill: %v", name, err)
		}
	}
}

// Each declaration is complete: a label, help, a type, an example for
// every scalar; names unique.
func TestDeclarationsComplete(t *testing.T) {
	var walk func(name, path string, fs []Field)
	walk = func(name, path string, fs []Field) {
		seen := map[string]bool{}
		for _, f := range fs {
			p := path + "." + f.Name
			if seen[f.Name] {
				t.Errorf("%s: %s declared twice", name, p)
			}
			seen[f.Name] = true
			if f.Label == "" || f.Help == "" {
				t.Errorf("%s: %s lacks a label or help", name, p)
			}
			switch f.Type {
			case TypeObject, TypeObjects:
				if len(f.Fields) == 0 {
					t.Errorf("%s: %s has no fields", name, p)
				}
				walk(name, p, f.Fields)
			case TypeText, TypeInt, TypeNumber, TypeDate, TypeBool, TypeList:
				if f.Example == nil {
					t.Errorf("%s: %s has no example", name, p)
				}
			default:
				t.Errorf("%s: %s: unknown type %q", name, p, f.Type)
			}
		}
	}
	for name, fs := range declared {
		walk(name, "", fs)
	}
}

// The typed structs hold exactly the declared fields, each of the Go
// type its declared type maps to.
func TestStructsMatchDeclarations(t *testing.T) {
	types := []typed{CongVan{}, CongVanXa{}, KeHoach{}, BaoCao{}, QuyetDinhGiaoChiTieu{},
		ToTrinhGiaoChiTieu{}, GiayMoiSoKet{}, BienBanHop{}, CongDienDonDoc{}}
	have := map[string]bool{}
	for _, v := range types {
		name := v.templateName()
		have[name] = true
		matchStruct(t, name, "", reflect.TypeOf(v), declared[name])
	}
	for name := range declared {
		if !have[name] {
			t.Errorf("%s: declared, but has no typed struct", name)
		}
	}
}

func matchStruct(t *testing.T, name, path string, st reflect.Type, fs []Field) {
	t.Helper()
	var got, want []string
	for i := range st.NumField() {
		got = append(got, st.Field(i).Name)
	}
	for _, f := range fs {
		want = append(want, f.Name)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: %s%s has fields %v, the declaration %v", name, st.Name(), path, got, want)
		return
	}
	for _, f := range fs {
		sf, _ := st.FieldByName(f.Name)
		ft, p := sf.Type, path+"."+f.Name
		ok := true
		switch f.Type {
		case TypeText, TypeDate:
			ok = ft.Kind() == reflect.String
		case TypeInt:
			ok = ft.Kind() == reflect.Int64
		case TypeNumber:
			ok = ft.Kind() == reflect.Float64
		case TypeBool:
			ok = ft.Kind() == reflect.Bool
		case TypeList:
			ok = ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String
		case TypeObject:
			ok = ft.Kind() == reflect.Struct
			if ok {
				matchStruct(t, name, p, ft, f.Fields)
			}
		case TypeObjects:
			ok = ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct
			if ok {
				matchStruct(t, name, p, ft.Elem(), f.Fields)
			}
		}
		if !ok {
			t.Errorf("%s: %s is a Go %v, declared %s", name, p, ft, f.Type)
		}
	}
}

// A typed struct fills like the map it mirrors.
func TestTypedStructFills(t *testing.T) {
	d := CongVanXa{
		CoQuan: CoQuan{Ten: "Ủy ban nhân dân\nquận Cái Răng", VietTat: "UBND"}, So: 1020, DonViSoanThao: "LĐTBXH",
		DiaDanh: "Cái Răng", Ngay: "15/01/2019", DiaBan: "quận Cái Răng", KeHoach: "Kế hoạch số 131/KH-UBND",
		NguoiChiDao: "Ủy ban nhân dân quận", NgaySoLieu: "2018-12-31", NoiBaoCao: "Ủy ban nhân dân quận", HanBaoCao: "2019-07-05",
		DonVi: "Phường Lê Bình", DonViThuong: "phường Lê Bình", DanSo: 10125, DaThamGia: 9980, ChuaThamGia: 145, TyLe: 98.57,
		ChiTieu: []ChiTieuMoc{{Ngay: "2019-12-31", Nhan: "Đến hết năm 2019", TyLe: 99.5, SoNguoi: 10075, DanSo: 10125, PhatTrienMoi: 95}},
		NguoiKy: NguoiKy{QuyenHan: []string{"KT. Chủ tịch"}, ChucVu: "Phó Chủ tịch", HoTen: "Vương Công Khanh"},
		NoiNhan: []string{"Như trên"}, Luu: []string{"VT"},
	}
	doc, err := Fill("cong-van-xa-bhyt", d)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.NumberSymbol(); got != "1020/UBND-LĐTBXH" {
		t.Errorf("number %q", got)
	}
	if _, err := Fill("cong-van-bhyt", d); err == nil || !strings.Contains(err.Error(), "for template cong-van-xa-bhyt") {
		t.Errorf("a CongVanXa filled as cong-van-bhyt: %v", err)
	}
	d.NguoiKy.HoTen = ""
	_, err = Fill("cong-van-xa-bhyt", d)
	var fe *bhytdoc.FieldError
	if !errors.As(err, &fe) || fe.Field != "Signatures[0].Name" {
		t.Errorf("empty signer: %v does not unwrap to the FieldError of Signatures[0].Name", err)
	}
}

// Unknown keys, at any depth, are errors with a suggestion; an optional
// field's typo no longer drops it silently.
func TestUnknownFields(t *testing.T) {
	m := load(t, "cong-van-xa-bhyt")
	m["DonViSoanthao"] = m["DonViSoanThao"]
	delete(m, "DonViSoanThao")
	m["NguoiKy"].(map[string]any)["Hoten"] = "x"
	m["ChiTieu"].([]any)[1].(map[string]any)["Tyle"] = 1
	m["Extra"] = "x"
	err := Check("cong-van-xa-bhyt", m)
	want := []string{
		`.ChiTieu[1].Tyle: unknown field (did you mean TyLe?)`,
		`.DonViSoanthao: unknown field (did you mean DonViSoanThao?)`,
		`.Extra: unknown field`,
		`.NguoiKy.Hoten: unknown field (did you mean HoTen?)`,
	}
	for _, w := range want {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in\n%v", w, err)
		}
	}
	var fe *bhytdoc.FieldError
	if !errors.As(err, &fe) || !strings.Contains(fe.Field, "Tyle") && !strings.Contains(fe.Field, "DonViSoanthao") {
		t.Errorf("errors.As to *bhytdoc.FieldError: %v", fe)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 4 {
		t.Errorf("%d problems, want 4:\n%v", n, err)
	}
}

// Types are checked before anything is filled, all problems at once.
func TestTypesChecked(t *testing.T) {
	m := load(t, "cong-van-xa-bhyt")
	m["DanSo"] = "mười nghìn"
	m["Ngay"] = "15.1.2019"
	m["NoiNhan"] = []any{"a", 3}
	m["ChiTieu"].([]any)[0].(map[string]any)["SoNguoi"] = 10.5
	err := Check("cong-van-xa-bhyt", m)
	for _, w := range []string{
		`.DanSo: "mười nghìn" is not a whole number`,
		`.Ngay: "15.1.2019" is not a date`,
		`.NoiNhan: item 2: want text, got`,
		`.ChiTieu[0].SoNguoi: 10.5 is not a whole number`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in\n%v", w, err)
		}
	}
	// Numbers and dates as a table gives them are accepted.
	m = load(t, "cong-van-xa-bhyt")
	m["DanSo"], m["Ngay"], m["TyLe"] = "10.125", "15/01/2019", "98,57"
	if err := Check("cong-van-xa-bhyt", m); err != nil {
		t.Errorf("table-style values: %v", err)
	}
}

// An optional field left out takes its default.
func TestDefaults(t *testing.T) {
	m := load(t, "cong-van-xa-bhyt")
	delete(m, "DonViSoanThao")
	delete(m, "So")
	doc, err := Fill("cong-van-xa-bhyt", m)
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Draft {
		t.Error("no So: want a draft")
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"DonViSoanThao", "DonVi", "DiaBan", "NgaySoLieu"}
	for in, want := range map[string]string{"DonViSoanthao": "DonViSoanThao", "donvi": "DonVi", "DiaBn": "DiaBan", "Xyz": "", "NgaySoLieuu": "NgaySoLieu"} {
		if got := Suggest(in, names); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// The schema is valid JSON, describes every declared field, refuses
// unknown keys, and its date pattern agrees with the engine's rule.
func TestSchema(t *testing.T) {
	for _, name := range Names() {
		b, err := Schema(name)
		if err != nil {
			t.Fatal(err)
		}
		var s map[string]any
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		props := s["properties"]
		fs, _ := Fields(name)
		if len(props.(map[string]any)) != len(fs) || s["additionalProperties"] != false {
			t.Errorf("%s: %d properties for %d fields", name, len(props.(map[string]any)), len(fs))
		}
	}
	b, _ := Schema("cong-van-xa-bhyt")
	var s struct {
		Properties map[string]struct {
			Type    string
			Title   string
			Pattern string
			Items   struct {
				Required []string
			}
		}
		Required []string
	}
	json.Unmarshal(b, &s)
	if p := s.Properties["NgaySoLieu"]; p.Type != "string" || p.Title != "Ngày số liệu" {
		t.Errorf("NgaySoLieu: %+v", p)
	}
	re := regexp.MustCompile(s.Properties["NgaySoLieu"].Pattern)
	for _, d := range []string{"2020-06-30", "30/6/2020", "2020-06", "30.6.2020"} {
		_, _, _, ok := typo.ParseDate(d, false)
		if re.MatchString(d) != ok {
			t.Errorf("%q: schema pattern %v, engine %v", d, re.MatchString(d), ok)
		}
	}
	if !slices.Contains(s.Properties["ChiTieu"].Items.Required, "SoNguoi") || !slices.Contains(s.Required, "DonViThuong") || slices.Contains(s.Required, "DonViSoanThao") {
		t.Errorf("required: %v, ChiTieu items %v", s.Required, s.Properties["ChiTieu"].Items.Required)
	}
}

// The README's field reference is the declarations'. BHYTDOC_UPDATE_README=1
// rewrites it.
func TestREADMEFields(t *testing.T) {
	const begin, end = "<!-- fields:begin (generated from templates/declare.go) -->\n", "<!-- fields:end -->"
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README lacks the fields markers")
	}
	want := fieldsMarkdown()
	if got := s[i+len(begin) : j]; got != want {
		if os.Getenv("BHYTDOC_UPDATE_README") == "1" {
			os.WriteFile("../README.md", []byte(s[:i+len(begin)]+want+s[j:]), 0o644)
			return
		}
		t.Error("README's field reference differs from the declarations; run with BHYTDOC_UPDATE_README=1")
	}
}

// Each typed struct, decoded from its template's test data, fills the
// same document as the data does as a map: the structs carry every
// field, with the types the template text expects.
func TestTypedStructsFillTestdata(t *testing.T) {
	for _, v := range []typed{CongVan{}, CongVanXa{}, KeHoach{}, BaoCao{}, QuyetDinhGiaoChiTieu{},
		ToTrinhGiaoChiTieu{}, GiayMoiSoKet{}, BienBanHop{}, CongDienDonDoc{}} {
		name := v.templateName()
		b, err := os.ReadFile("testdata/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		p := reflect.New(reflect.TypeOf(v))
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(p.Interface()); err != nil {
			t.Errorf("%s: test data into %T: %v", name, v, err)
			continue
		}
		typedDoc, err := Fill(name, p.Elem().Interface())
		if err != nil {
			t.Errorf("%s: typed: %v", name, err)
			continue
		}
		mapDoc, err := Fill(name, load(t, name))
		if err != nil {
			t.Errorf("%s: map: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(typedDoc, mapDoc) {
			t.Errorf("%s: the %T fills another document than the map", name, v)
		}
	}
}

// checker.object finds unknown keys by counting the fields found: it
// needs the names of an object's fields to be unique.
func TestFieldNamesUnique(t *testing.T) {
	var walk func(path string, fs []Field)
	walk = func(path string, fs []Field) {
		seen := map[string]bool{}
		for _, f := range fs {
			if seen[f.Name] {
				t.Errorf("%s: field %s declared twice", path, f.Name)
			}
			seen[f.Name] = true
			walk(path+"."+f.Name, f.Fields)
		}
	}
	for name, fs := range declared {
		walk(name, fs)
	}
}
