package rows

import (
	"errors"
	"strings"
	"testing"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
)

// TestRowErrorPlaces checks the row and column each reader puts in its
// *coverage.RowError, not only the text.
func TestRowErrorPlaces(t *testing.T) {
	for _, c := range []struct {
		name, content  string
		row, col       int
		column, prefix string
	}{
		{"u.csv", "Ten,DanSo\nA,1\nB,2,3\n", 3, 3, "", "u.csv: row 3, column 3: a value under no header"},
		{"u.csv", "Ten,DanSo\nA,\"1\n", 2, 0, "", "u.csv: row 2: "},
		{"u.csv", "Ten,Ten\n", 1, 2, "", `u.csv: row 1, column 2: repeats the header "Ten"`},
		{"u.json", `[{"Ten": "A"}, {"Ten": "B", "Ten": "C"}]`, 2, 0, "", `u.json: row 2: key "Ten" given twice`},
		{"u.json", `[{"Ten": "A"}, 3]`, 2, 0, "", "u.json: row 2: want an object of fields"},
		{"u.json", `{}`, 0, 0, "", "u.json: want an array"},
	} {
		_, err := readAll(t, c.name, c.content)
		var re *coverage.RowError
		if !errors.As(err, &re) {
			t.Errorf("%s %q: want a *coverage.RowError, got %T %v", c.name, c.content, err, err)
			continue
		}
		if re.File != c.name || re.Row != c.row || re.Col != c.col || re.Column != c.column || !strings.HasPrefix(err.Error(), c.prefix) {
			t.Errorf("%s %q: got %+v: %v\nwant row %d col %d column %q, text %q…", c.name, c.content, *re, err, c.row, c.col, c.column, c.prefix)
		}
	}
}

// TestRowErr checks the error of a document made from a row: at the
// row's place in its file, naming the column of the data field at fault,
// still unwrapping to the field error.
func TestRowErr(t *testing.T) {
	rs, err := readAll(t, "u.csv", "Ten,NguoiKy.HoTen,DanSo\nA,Lê B,1\nC,,2\n")
	if err != nil {
		t.Fatal(err)
	}
	fe := &bhytdoc.FieldError{Field: "NguoiKy.HoTen", Msg: "empty"}
	re := rs[1].Err(fe)
	if re.File != "u.csv" || re.Row != 3 || re.Col != 2 || re.Column != "NguoiKy.HoTen" {
		t.Errorf("got %+v", *re)
	}
	if got, want := re.Error(), "u.csv: row 3, column 2 (NguoiKy.HoTen): NguoiKy.HoTen: empty"; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	var back *bhytdoc.FieldError
	if !errors.As(error(re), &back) || back != fe {
		t.Errorf("errors.As to the field error: %v", back)
	}
	// A field below a column's: the column.
	if re := rs[0].Err(&bhytdoc.FieldError{Field: "NguoiKy.HoTen[0]", Msg: "x"}); re.Col != 2 {
		t.Errorf("sub-field: %+v", *re)
	}
	// A field of no column (the common data's, the document's): the row only.
	if re := rs[0].Err(&bhytdoc.FieldError{Field: "Signatures[0].Name", Msg: "empty"}); re.Col != 0 || re.Column != "" || re.Row != 2 {
		t.Errorf("no column: %+v", *re)
	}
	// JSON rows have no column numbers: the field names the column.
	js, err := readAll(t, "u.json", `[{"Ten": "A", "DanSo": "x"}]`)
	if err != nil {
		t.Fatal(err)
	}
	re = js[0].Err(&bhytdoc.FieldError{Field: "DanSo", Msg: "not a number"})
	if re.Row != 1 || re.Col != 0 || re.Column != "DanSo" || re.Error() != "u.json: row 1, field DanSo: DanSo: not a number" {
		t.Errorf("json: %+v %v", *re, re)
	}
}
