package templates

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestParseData(t *testing.T) {
	for _, name := range Names() {
		b, err := os.ReadFile("testdata/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseData(b, name+".json")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Fill(name, m); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		// A byte-order mark first is skipped.
		if _, err := ParseData(append([]byte("\uFEFF"), b...), name+".json"); err != nil {
			t.Errorf("%s with BOM: %v", name, err)
		}
	}
	m, err := ParseData([]byte("\uFEFFSo: 12\nTen: \"x\"\nDs: [a, b]\n"), "d.yaml")
	if err != nil || m["So"] != 12 || m["Ten"] != "x" || len(m["Ds"].([]any)) != 2 {
		t.Errorf("YAML: %#v, %v", m, err)
	}
	if m, _ := ParseData([]byte(`{"So": 898}`), "d.json"); m["So"] != json.Number("898") {
		t.Errorf("JSON number %#v", m["So"])
	}
}

// A key given twice silently took the last value (So 898 became 05).
func TestParseDataErrors(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"d.json", "{\"So\": 898,\n \"Ten\": \"x\",\n \"So\": 5}", `d.json:3: key "So" given twice`},
		{"d.json", "{\"A\": {\"B\": 1,\n \"B\": 2}}", `d.json:2: key "B" given twice`},
		{"d.yaml", "So: 898\nTen: x\nSo: 5\n", `d.yaml:3: key "So" given twice (first on line 1)`},
		{"d.yaml", "a: &x [1]\nb: *x\n", `d.yaml:2: YAML aliases`},
		{"d.json", "{\"So\": 1,\n \"x\": }", `d.json:2: invalid character '}'`},
		{"d.json", "[1, 2]", `d.json:1: want an object of data fields`},
		{"d.json", "{} {}", `d.json:1: data after the top-level object`},
		{"d.json", "{\"a\": ", `d.json:1: unexpected end of data`},
		{"d.json", strings.Repeat("[", 100) + strings.Repeat("]", 100), "nested deeper than 32 levels"},
		{"d.yaml", "a: [\n", `d.yaml:`},
	} {
		_, err := ParseData([]byte(tc.data), tc.name)
		var de *DataError
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &de) {
			t.Errorf("%q: %v, want %q", tc.data, err, tc.want)
		}
	}
}

// Values are checked against their use: a list a sentence enumerates has
// items, text is text; the field is named.
func TestFillTypes(t *testing.T) {
	for _, tc := range []struct {
		field string
		value any
		want  string
	}{
		{"MocTienDo", []any{}, `.MocTienDo: items: the list is empty`},
		{"MocTienDo", "2020-06-30", `.MocTienDo: want a list of sets of fields (Ngay, TyLe, Nhan), got the text "2020-06-30"`},
		{"DiaBan", true, `.DiaBan: want text, got true`},
		{"DiaBan", json.Number("12"), `.DiaBan: want text, got the number 12`},
		{"DonViCoSo", []any{"a"}, `.DonViCoSo: want text, got a list`},
		{"NguoiChiDao", map[string]any{"a": "b"}, `.NguoiChiDao: want text, got a set of fields`},
		{"NhiemVu", "làm ngay", `.NhiemVu: want a list of texts, got the text "làm ngay"`},
	} {
		m := load(t, "cong-van-bhyt")
		m[tc.field] = tc.value
		_, err := Fill("cong-van-bhyt", m)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s = %#v: %v, want %q", tc.field, tc.value, err, tc.want)
		}
	}
	m := load(t, "cong-van-bhyt")
	m["NhiemVu"] = []any{} // optional tasks: the numbering starts at 1
	if _, err := Fill("cong-van-bhyt", m); err != nil {
		t.Errorf("no extra tasks: %v", err)
	}
	// The annex of units is optional; without it, the report does not
	// refer to it.
	for _, name := range []string{"bao-cao-bhyt", "ke-hoach-bhyt"} {
		m := load(t, name)
		m["DonVi"] = []any{}
		d, err := Fill(name, m)
		if err != nil || len(d.Annexes) != 0 {
			t.Errorf("%s without units: %v", name, err)
			continue
		}
		src, _ := Source(name, m)
		if strings.Contains(string(src), "Phụ lục kèm theo") {
			t.Errorf("%s refers to an annex it does not have", name)
		}
		section := map[string]string{"bao-cao-bhyt": "KetQua", "ke-hoach-bhyt": "GiaiPhap"}[name]
		m[section] = []any{}
		if _, err := Fill(name, m); err == nil || !strings.Contains(err.Error(), "items: the list is empty") {
			t.Errorf("%s with an empty section: %v", name, err)
		}
	}
}

func TestParseDataYAMLDates(t *testing.T) {
	m, err := ParseData([]byte("Ngay: 2025-03-10\nHan: 10/03/2025\n"), "d.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if m["Ngay"] != "2025-03-10" {
		t.Errorf("Ngay = %#v, want the text as written", m["Ngay"])
	}
	for _, k := range []string{"Ngay", "Han"} {
		if s, err := ngay(m[k]); err != nil || s != "ngày 10 tháng 3 năm 2025" {
			t.Errorf("ngay(%s) = %q, %v", k, s, err)
		}
	}
}

func TestParseDataYAMLSecondDocument(t *testing.T) {
	_, err := ParseData([]byte("A: x\n---\nB: y\n"), "d.yaml")
	var de *DataError
	if !errors.As(err, &de) || de.Line != 2 || !strings.Contains(de.Msg, "second YAML document") {
		t.Fatalf("err = %v, want a DataError at line 2 (the ---) about a second document", err)
	}
	if _, err := ParseData([]byte("---\nA: x\n---\n"), "d.yaml"); err != nil {
		t.Errorf("a leading --- and an empty trailing one: %v", err)
	}
}
