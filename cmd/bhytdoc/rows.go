package main

import (
	"github.com/bhytdoc/bhytdoc/internal/rows"
)

// dataRow is one row of a rows file.
type dataRow = rows.Row

// loadRows reads the rows file path whole, once (see internal/rows): the
// rows are a snapshot, so a file changed during the run cannot change
// what is written. Only a regular file is opened (see openInput).
func loadRows(path, sheet string) (*rows.Table, error) {
	f, err := openInput(path, rows.MaxBytes)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return rows.ReadFile(f, path, sheet)
}
