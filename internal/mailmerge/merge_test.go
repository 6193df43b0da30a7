package mailmerge

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/bhytdoc/bhytdoc/batch"
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/plan"
	"github.com/bhytdoc/bhytdoc/internal/rows"
	"github.com/bhytdoc/bhytdoc/templates"
)

// testPlan plans units (each "Kind Name"), in the order given, sorted
// when asked.
func testPlan(t *testing.T, sorted bool, labels ...string) *plan.Plan {
	t.Helper()
	var bs []coverage.Baseline
	for i, l := range labels {
		bs = append(bs, coverage.Baseline{Unit: coverage.ParseUnit(l), Population: int64(1000 * (i + 1)), Participants: int64(900 * (i + 1))})
	}
	if sorted {
		coverage.SortBaselines(bs)
	}
	r, _ := coverage.ParsePercent("95")
	p, err := plan.Make(bs, []coverage.Milestone{{Date: bhytdoc.Date{Year: 2026, Month: 12, Day: 31}, Rate: r}}, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// unitRows are rows naming units in column "Ten" (code in "Ma").
func unitRows(cells ...string) *rows.Table {
	t := &rows.Table{}
	for i, c := range cells {
		t.Rows = append(t.Rows, rows.MapRow(i, "r.csv", 2+i, map[string]any{"Ten": c, "Ghi": "x"}))
	}
	return t
}

func TestTieUnitsByName(t *testing.T) {
	// Units: Đông Hải (0), Xã An Phú (1), Phường An Phú (2), Đông Hải again (3).
	p := testPlan(t, false, "Xã Đông Hải", "Xã An Phú", "Phường An Phú", "Xã Đông Hải")
	rs := unitRows("Phường An Phú", "xã  đông hải", "Xã An Phú", "Đông Hải")
	got, err := tieUnits(rs.Rows, p, "r.csv", "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	// "Đông Hải" is one label's name: tied by name, to the second unit of it.
	if want := []int{2, 0, 1, 3}; !equalInts(got, want) {
		t.Errorf("tied %v, want %v", got, want)
	}
	// "An Phú" is the name of two labels: not a key.
	_, err = tieUnits(unitRows("An Phú", "Xã Đông Hải", "Xã An Phú", "Xã Đông Hải").Rows, p, "r.csv", "u.csv")
	for _, w := range []string{`r.csv: row 2, field Ten: unit "An Phú" names 2 units of u.csv (Xã An Phú, Phường An Phú): write the label`, `u.csv: unit "Phường An Phú" has no row in r.csv`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v lacks %q", err, w)
		}
	}
	if re := (*coverage.RowError)(nil); !errors.As(err, &re) || re.File != "r.csv" || re.Row != 2 || re.Column != "Ten" {
		t.Errorf("a unit problem is no *coverage.RowError at r.csv row 2, Ten: %#v", re)
	}
	_, err = tieUnits(unitRows("Xã Đông Hải", "Xã Đông Hải", "Xã Đông Hải", "Xã An Phú", "Phường An Phú").Rows, p, "r.csv", "u.csv")
	if err == nil || !strings.Contains(err.Error(), `r.csv: row 4, field Ten: unit "Xã Đông Hải" is in u.csv 2 times, and the row before naming it, r.csv: row 3, has it`) {
		t.Errorf("a unit named too often: %v", err)
	}
	// By code, in whatever column holds the codes; a code read as a number.
	p.Table.Rows[0].Unit.Code, p.Table.Rows[3].Unit.Code = "31150", "31151"
	codes := unitRows("31151", "Xã An Phú", "Phường An Phú", "31150")
	codes.Rows[0].Fields["Ten"] = int64(31151)
	if got, err := tieUnits(codes.Rows, p, "r.csv", "u.csv"); err != nil || !equalInts(got, []int{3, 1, 2, 0}) {
		t.Errorf("by code: %v, %v", got, err)
	}
	_, err = tieUnits(unitRows("1", "2", "3", "4").Rows, p, "r.csv", "u.csv")
	if err == nil || !strings.Contains(err.Error(), "no column names the units of u.csv") {
		t.Errorf("no unit column: %v", err)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// With PlanOrder the letters follow the sorted plan; numbers and names
// follow the letters; each letter's data is its own unit's share.
func TestNewOrderNumbersNames(t *testing.T) {
	rs := unitRows("Xã Yên Lạc", "Xã Ân Thi", "Xã Đông Hải", "Xã Yên Lạc")
	for _, sorted := range []bool{false, true} {
		p := testPlan(t, sorted, "Xã Đông Hải", "Xã Yên Lạc", "Xã Ân Thi", "Xã Yên Lạc")
		name := template.Must(template.New("n").Parse("{{.DonVi}}"))
		m, err := New(context.Background(), rs, Options{Template: "cong-van-xa-bhyt", Plan: p, PlanOrder: sorted, NumberFrom: 7, Name: name, ASCIINames: true})
		if err != nil {
			t.Fatal(err)
		}
		wantRows := []int{0, 1, 2, 3}
		wantNames := []string{"Xa-Yen-Lac", "Xa-An-Thi", "Xa-Dong-Hai", "Xa-Yen-Lac-2"}
		if sorted {
			wantRows = []int{1, 2, 0, 3} // Ân Thi, Đông Hải, Yên Lạc, Yên Lạc
			wantNames = []string{"Xa-An-Thi", "Xa-Dong-Hai", "Xa-Yen-Lac", "Xa-Yen-Lac-2"}
		}
		for i, l := range m.Letters() {
			if l.Row.Index != wantRows[i] || l.Name != wantNames[i] || l.Number != 7+i || l.Seq != i {
				t.Errorf("sorted %v: letter %d is row %d, %q, number %d; want row %d, %q, %d", sorted, i, l.Row.Index, l.Name, l.Number, wantRows[i], wantNames[i], 7+i)
			}
			d, err := m.Data(&l)
			if err != nil {
				t.Fatal(err)
			}
			// The unit's share is its own: Yên Lạc is units 2 and 4 of the file
			// (population 2000, 4000), tied in file order.
			unit := rs.Rows[l.Row.Index].Fields["Ten"]
			if d["DonVi"] != unit || d["So"] != 7+i {
				t.Errorf("sorted %v: letter %d data DonVi %v So %v, want %v %d", sorted, i, d["DonVi"], d["So"], unit, 7+i)
			}
			wantPop := map[int]int64{0: 2000, 1: 3000, 2: 1000, 3: 4000}[l.Row.Index]
			if d["DanSo"] != wantPop {
				t.Errorf("sorted %v: row %d population %v, want %d", sorted, l.Row.Index, d["DanSo"], wantPop)
			}
		}
	}
}

// Without a plan a column that is no field is an error, once; a row's
// bad --name is its own error, found by Items; a cancelled context stops
// the items; Failures maps the Renderer's errors back to rows.
func TestNewItemsFailures(t *testing.T) {
	tbl := &rows.Table{Rows: []rows.Row{
		rows.MapRow(0, "r.csv", 2, map[string]any{"DiaBan": "huyện A"}),
		rows.MapRow(1, "r.csv", 3, map[string]any{"DiaBan": "huyện\u202eB"}),
	}}
	if _, err := New(context.Background(), &rows.Table{Rows: []rows.Row{{Fields: map[string]any{"DiaBn": "x"}}}}, Options{Template: "cong-van-bhyt", Rows: "r.csv"}); err == nil ||
		!strings.Contains(err.Error(), `r.csv: column "DiaBn" is not a field of cong-van-bhyt (did you mean DiaBan?)`) {
		t.Errorf("unknown column: %v", err)
	}
	if _, err := New(context.Background(), tbl, Options{Template: "cong-van-bhyt", NumberFrom: MaxNumber}); err == nil {
		t.Error("numbers past MaxNumber: no error")
	}
	name := template.Must(template.New("n").Parse("{{.DiaBan}}"))
	m, err := New(context.Background(), tbl, Options{Template: "cong-van-bhyt", Name: name, NameLabel: "--name"})
	if err != nil {
		t.Fatal(err)
	}
	letters := m.Letters()
	var errs []error
	for _, e := range m.Items(context.Background(), letters) {
		errs = append(errs, e)
	}
	if len(errs) != 2 || errs[0] != nil || errs[1] == nil || !strings.Contains(errs[1].Error(), "--name:") {
		t.Errorf("item errors %v", errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for range m.Items(ctx, letters) {
		t.Error("an item after cancellation")
	}
	if _, err := New(ctx, tbl, Options{Template: "cong-van-bhyt"}); !errors.Is(err, context.Canceled) {
		t.Errorf("New with a done context: %v", err)
	}
	joined := errors.Join(&batch.ItemError{Index: 1, Err: errors.New("bad")})
	fs, ok := Failures(joined, letters)
	if !ok || len(fs) != 1 || fs[0].Letter.Row.Where() != "r.csv: row 3" {
		t.Errorf("failures %+v, %v", fs, ok)
	}
	if _, ok := Failures(errors.Join(joined, errors.New("disk full")), letters); ok {
		t.Error("an output's error taken for a row's")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Xã  An Phú ":           "xã an phú",
		"xã an phú":             "xã an phú",
		"Xa\u0303 An Phu\u0301": "xã an phú", // NFD
		"31150":                 "31150",
		"\tPhường\u00a0Lê Bình": "phường lê bình",
		"":                      "",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkNew10000 is the core's planning of a 10,000-unit merge: each
// row tied to its unit by name, sorted, numbered and named (--name
// '{{.DonVi}}'), before any document is filled.
func BenchmarkNew10000(b *testing.B) {
	const n = 10000
	var bs []coverage.Baseline
	t := &rows.Table{}
	for i := range n {
		u := coverage.Unit{Name: "Số " + strconv.Itoa(n-i), Kind: coverage.Xa}
		bs = append(bs, coverage.Baseline{Unit: u, Population: 5000, Participants: 4500})
		t.Rows = append(t.Rows, rows.MapRow(i, "r.csv", i+2, map[string]any{"STT": strconv.Itoa(i + 1), "Đơn vị": u.Label(), "Dân số": "5000", "Số người tham gia BHYT": "4500"}))
	}
	coverage.SortBaselines(bs)
	r, _ := coverage.ParsePercent("95")
	p, err := plan.Make(bs, []coverage.Milestone{{Date: bhytdoc.Date{Year: 2026, Month: 12, Day: 31}, Rate: r}}, plan.Options{})
	if err != nil {
		b.Fatal(err)
	}
	name := template.Must(template.New("n").Parse("{{.DonVi}}"))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(context.Background(), t, Options{Template: "cong-van-xa-bhyt", Plan: p, PlanOrder: true, NumberFrom: 1, Name: name}); err != nil {
			b.Fatal(err)
		}
	}
}

// 10,000 rows listing their units in the reverse of the units file's
// order, some names twice: sorted or not, every letter gets its own
// unit's figures, numbers follow the letters' order and the order is the
// rows' or the sorted units'.
func TestTie10000(t *testing.T) {
	const n = 10000
	var bs []coverage.Baseline
	for i := range n {
		// Units 2k and 2k+1 share a label: tied in file order.
		u := coverage.Unit{Name: "Số " + strconv.Itoa(i/2), Kind: coverage.Xa}
		bs = append(bs, coverage.Baseline{Unit: u, Population: int64(10000 + i), Participants: 9000})
	}
	tbl := &rows.Table{}
	for i := range n {
		u := bs[n-1-i].Unit
		tbl.Rows = append(tbl.Rows, rows.MapRow(i, "r.csv", i+2, map[string]any{"STT": strconv.Itoa(i + 1), "Đơn vị": u.Label()}))
	}
	r, _ := coverage.ParsePercent("95")
	ms := []coverage.Milestone{{Date: bhytdoc.Date{Year: 2026, Month: 12, Day: 31}, Rate: r}}
	for _, sorted := range []bool{false, true} {
		b := slices.Clone(bs)
		if sorted {
			coverage.SortBaselines(b)
		}
		p, err := plan.Make(b, ms, plan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m, err := New(context.Background(), tbl, Options{Template: "cong-van-xa-bhyt", Plan: p, PlanOrder: sorted, NumberFrom: 1})
		if err != nil {
			t.Fatal(err)
		}
		prevUnit := -1
		for i, l := range m.Letters() {
			d, err := m.Data(&l)
			if err != nil {
				t.Fatal(err)
			}
			// Row i names the unit n-1-i of the file, or its twin: the
			// first row naming a label gets the first unit of it.
			label := tbl.Rows[l.Row.Index].Fields["Đơn vị"]
			file := n - 1 - l.Row.Index
			if file%2 == 1 {
				file-- // the rows meet the second twin first
			} else {
				file++
			}
			if d["DonVi"] != label || d["DanSo"] != int64(10000+file) || d["So"] != i+1 {
				t.Fatalf("sorted %v: letter %d (row %d, %v): DonVi %v DanSo %v So %v, want population %d", sorted, i, l.Row.Index+1, label, d["DonVi"], d["DanSo"], d["So"], 10000+file)
			}
			if !sorted && l.Row.Index != i {
				t.Fatalf("letter %d is row %d, want the rows' order", i, l.Row.Index)
			}
			if sorted && l.Unit <= prevUnit {
				t.Fatalf("sorted: letter %d is unit %d after unit %d", i, l.Unit, prevUnit)
			}
			prevUnit = l.Unit
		}
	}
}

// A wrong units file gives at most maxTieErrors problems and a line
// saying so, not one per row.
func TestTieErrorsBounded(t *testing.T) {
	var labels, cells []string
	for i := range 500 {
		labels = append(labels, "Xã Số "+strconv.Itoa(i))
		cells = append(cells, "Xã Số "+strconv.Itoa(i+250)) // half not in the units
	}
	_, err := tieUnits(unitRows(cells...).Rows, testPlan(t, false, labels...), "r.csv", "u.csv")
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxTieErrors+1 || !strings.Contains(lines[maxTieErrors], "stopped after 20 problems") {
		t.Errorf("%d lines:\n%s", len(lines), err)
	}
	// Units without rows are bounded too.
	_, err = tieUnits(unitRows(labels[:1]...).Rows, testPlan(t, false, labels...), "r.csv", "u.csv")
	if lines := strings.Split(fmt.Sprint(err), "\n"); len(lines) != maxTieErrors+1 || !strings.Contains(lines[maxTieErrors], "u.csv: stopped after 20 problems") {
		t.Errorf("%d lines:\n%s", len(lines), err)
	}
}

// Titles are made on every core in chunks of 1,024 letters; names are
// then made in order. 5,000 rows whose names come in pairs, two with a
// bad name: every title is its own row's, the names are what one pass in
// order gives, and the problems sit at their letters.
func TestTitlesAcrossCores(t *testing.T) {
	const n = 5000
	bad := map[int]bool{1500: true, 4000: true}
	tbl := &rows.Table{}
	for i := range n {
		ten := "Đơn vị " + strconv.Itoa(i/2)
		if bad[i] {
			ten = "hỏng\x01"
		}
		tbl.Rows = append(tbl.Rows, rows.MapRow(i, "r.csv", i+2, map[string]any{"Ten": ten}))
	}
	name := template.Must(template.New("n").Parse("{{.Ten}}"))
	m, err := New(context.Background(), tbl, Options{Template: "cong-van-xa-bhyt", Name: name})
	if err != nil {
		t.Fatal(err)
	}
	var names batch.Names
	for seq, l := range m.Letters() {
		want := "Đơn vị " + strconv.Itoa(seq/2)
		if bad[seq] {
			want = fmt.Sprintf("%05d", seq+1)
			if m.errs[seq] == nil {
				t.Errorf("letter %d: no problem with its control character", seq)
			}
		} else if m.errs[seq] != nil {
			t.Errorf("letter %d: %v", seq, m.errs[seq])
		}
		if l.Title != want {
			t.Fatalf("letter %d: title %q, want %q", seq, l.Title, want)
		}
		if w := names.Unique(want); l.Name != w {
			t.Fatalf("letter %d: name %q, want %q", seq, l.Name, w)
		}
	}
	if len(m.errs) != len(bad) {
		t.Errorf("%d problems, want %d", len(m.errs), len(bad))
	}
}

// A name that reads only fields is made from those fields alone, and
// comes out as from the whole data; one that reads the dot, a variable
// or another template is made from the whole data.
func TestNameData(t *testing.T) {
	rs := unitRows("Xã Yên Lạc", "Xã Ân Thi", "Xã Đông Hải")
	rs.Rows[1].Fields["Ghi"] = "" // an empty cell passes, as in Data
	p := testPlan(t, false, "Xã Đông Hải", "Xã Yên Lạc", "Xã Ân Thi")
	common := map[string]any{"NoiNhan": []any{"Như trên"}, "Ten": "common"}
	for _, c := range []struct {
		text string
		some bool // made from its fields alone
	}{
		{"{{.DonVi}}", true},
		{"{{printf \"%03d-%s\" .So .DonVi}} {{.Ten}}", true},
		{"{{if .TyLe}}{{.DonViThuong}}{{else}}x{{end}}{{with .ChiTieu}}{{len .}}{{end}}", false},
		{"{{with .ChiTieu}}{{range .}}{{.Nhan}}{{end}}{{end}}-{{.Ghi}}", false},
		{"{{range .ChiTieu}}{{.Nhan}}{{end}}-{{.Ghi}}-{{.Missing}}", true},
		{"{{.DonVi}}{{.}}", false},
		{"{{$x := .DonVi}}{{$x}}", false},
		{"{{index . \"DonVi\"}}", false},
	} {
		name := template.Must(template.New("n").Option("missingkey=error").Parse(c.text))
		for _, number := range []int{0, 5} {
			m, err := New(context.Background(), rs, Options{Template: "cong-van-xa-bhyt", Plan: p, Common: common, NumberFrom: number, Name: name, IgnoreExtra: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := m.nameKeys != nil; got != c.some {
				t.Errorf("%s: from its fields alone %v, want %v", c.text, got, c.some)
			}
			for _, l := range m.Letters() {
				full, err := m.Data(&l)
				if err != nil {
					t.Fatal(err)
				}
				var want strings.Builder
				werr := name.Execute(&want, full)
				some, ok, err := m.nameData(&l)
				if ok != c.some || err != nil {
					t.Fatalf("%s: nameData ok %v, %v", c.text, ok, err)
				}
				if !ok {
					continue
				}
				for k, v := range some {
					if fmt.Sprint(full[k]) != fmt.Sprint(v) {
						t.Errorf("%s: %s is %v, want %v", c.text, k, v, full[k])
					}
				}
				var got strings.Builder
				gerr := name.Execute(&got, some)
				if got.String() != want.String() || (gerr == nil) != (werr == nil) {
					t.Errorf("%s: name %q (%v), want %q (%v)", c.text, got.String(), gerr, want.String(), werr)
				}
			}
		}
	}
	// An unknown column is Data's error.
	name := template.Must(template.New("n").Parse("{{.DonVi}}"))
	m, err := New(context.Background(), unitRows("Xã Yên Lạc"), Options{Template: "cong-van-xa-bhyt", Plan: testPlan(t, false, "Xã Yên Lạc"), Name: name, IgnoreExtra: true})
	if err != nil {
		t.Fatal(err)
	}
	m.o.IgnoreExtra = false
	m.verdict = map[string]bool{"Ghi": false, "Ten": false}
	l := m.Letters()[0]
	l.Row.Fields["DonViSoanthao"] = "x"
	_, derr := m.Data(&l)
	_, ok, err := m.nameData(&l)
	if !ok || err == nil || derr == nil || err.Error() != derr.Error() {
		t.Errorf("unknown column: %v (ok %v), want %v", err, ok, derr)
	}
}

// TestFillCheckedCommon checks that a letter filled with the common data
// checked once in New is the letter templates.Fill makes of the same data,
// also where a row replaces a common mapping's field (setPath copies the
// mapping: checked again), and that New did check the lists and mappings.
func TestFillCheckedCommon(t *testing.T) {
	common := map[string]any{
		"CoQuan":  map[string]any{"ChuQuan": "", "Ten": "Ủy ban nhân dân\nquận Cái Răng", "VietTat": "UBND"},
		"NguoiKy": map[string]any{"QuyenHan": []any{"KT. Chủ tịch"}, "ChucVu": "Phó Chủ tịch", "HoTen": "Vương Công Khanh"},
		"NoiNhan": []any{"Như kính gửi", "BHXH quận"}, "Luu": []any{"VT"},
		"DiaDanh": "Cái Răng", "Ngay": "2019-01-15", "DiaBan": "quận Cái Răng", "KeHoach": "Kế hoạch số 131/KH-UBND",
		"NguoiChiDao": "Ủy ban nhân dân quận", "NgaySoLieu": "2018-12-31", "NoiBaoCao": "Ủy ban nhân dân quận", "HanBaoCao": "2019-07-05",
	}
	rs := unitRows("Xã Yên Lạc", "Xã Ân Thi")
	rs.Rows[1].Fields["CoQuan.Ten"] = "Ủy ban nhân dân\nhuyện Ân Thi"
	p := testPlan(t, false, "Xã Yên Lạc", "Xã Ân Thi")
	m, err := New(context.Background(), rs, Options{Template: "cong-van-xa-bhyt", Plan: p, Common: common, NumberFrom: 1, IgnoreExtra: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"CoQuan", "NguoiKy", "NoiNhan", "Luu"} {
		if _, ok := m.checked[k]; !ok {
			t.Errorf("%s not checked in New", k)
		}
	}
	for _, l := range m.Letters() {
		data, err := m.Data(&l)
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.fill(data)
		if err != nil {
			t.Fatal(err)
		}
		d := map[string]any{}
		for k, v := range data {
			if _, c := common[k]; m.declared[k] || c {
				d[k] = v
			}
		}
		want, err := templates.Fill("cong-van-xa-bhyt", d)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("letter %d: the letter from the checked common data differs from templates.Fill's", l.Seq)
		}
		if l.Seq == 1 && !strings.Contains(got.Issuer.Name, "Ân Thi") {
			t.Errorf("the row's CoQuan.Ten is lost: %q", got.Issuer.Name)
		}
	}
}
