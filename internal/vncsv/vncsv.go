// Package vncsv opens CSV files as Vietnamese offices save them: UTF-8
// with or without a byte-order mark, fields separated by "," or, where
// the spreadsheet's decimal mark is ",", by ";".
package vncsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
)

// NewReader returns a csv.Reader over br with the byte-order mark
// skipped and the separator the first line has more of; a first line
// longer than br's buffer is judged on what the buffer shows. Records may
// have any number of fields, and the slice of one is reused by the next.
func NewReader(br *bufio.Reader) *csv.Reader {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		br.Discard(3)
	}
	first, _ := br.Peek(br.Size())
	first, _, _ = bytes.Cut(first, []byte("\n"))
	cr := csv.NewReader(br)
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr
}
