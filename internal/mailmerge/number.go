package mailmerge

import (
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/rows"
)

// checkNumbers refuses a So in the common data that a row would inherit:
// every document of a merge needs its own number, and a common one
// would give the same number to every row that has none of its own.
// NumberFrom, or a So in every row, gives each its own. The error is the
// first such row's, naming the field.
func checkNumbers(t *rows.Table, o Options) error {
	if _, ok := o.Common["So"]; !ok || o.NumberFrom > 0 {
		return nil
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		if v, ok := r.Field("So"); !ok || v == "" {
			return r.Err(&bhytdoc.FieldError{Field: "So", Msg: "every document needs its own number, and this row has none but would take the common data's: " +
				"number them from N (--number-from, number_from), give each row its So, or leave So out of the common data for drafts"})
		}
	}
	return nil
}
