package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/coverage"
	"github.com/bhytdoc/bhytdoc/internal/plan"
)

// annexTemplate is the template that takes its annex from a file
// (--annex) when it is not planned from --units.
const annexTemplate = "quyet-dinh-giao-chi-tieu"

// readAnnexFile reads --annex: the coverage table of a workbook or CSV
// file (as a Markdown source's file: annex), its arithmetic checked
// before anything is rendered; a finding names the file and the cell, and
// is an error unless allow. It fills the data's SoDonVi, when not given,
// with the units the table lists, and takes the annex's title from
// PhuLuc.TieuDe.
func readAnnexFile(file string, data any, dataPath string, allow bool) (bhytdoc.Annex, error) {
	var a bhytdoc.Annex
	m, ok := data.(map[string]any)
	if !ok {
		return a, inFile(dataPath, errors.New("want an object of data fields"))
	}
	o, err := plan.OptionsOf(m)
	if err != nil {
		return a, inFile(dataPath, err)
	}
	delete(m, "PhuLuc")
	b, err := readInput(file, maxTableBytes)
	if err != nil {
		return a, &fileError{err}
	}
	tf, err := coverage.ReadTable(b, file, "")
	if err != nil {
		return a, &fileError{err}
	}
	tf.File = file
	found, err := coverage.CheckAt(&tf.Table, tf.Cell)
	if err != nil {
		return a, &fileError{fmt.Errorf("%s: not a coverage table: %w", tf, err)}
	}
	a = bhytdoc.Annex{Title: o.Title, Table: tf.Table, Coverage: bhytdoc.CoverageYes}
	if a.Title == "" {
		a.Title = fmt.Sprint("Chỉ tiêu phát triển người tham gia bảo hiểm y tế năm ", m["Nam"])
	}
	if len(found) > 0 && !allow {
		// The template has no annex of its own: this one is Annexes[0].
		e := &coverage.AnnexError{}
		for _, f := range found {
			e.Findings = append(e.Findings, coverage.AnnexFinding{Title: a.Title, File: tf, Finding: f})
		}
		return bhytdoc.Annex{}, &fileError{e}
	}
	if _, given := m["SoDonVi"]; !given {
		m["SoDonVi"] = unitRows(tf.Table.Rows)
	}
	return a, nil
}

// unitRows counts the rows numbered as units (STT 1, 2 …), not group
// rows (I, II) or subtotals; every row when none is numbered.
func unitRows(rows [][]string) int {
	n := 0
	for _, r := range rows {
		if len(r) > 0 {
			if i, err := strconv.Atoi(r[0]); err == nil && i > 0 {
				n++
			}
		}
	}
	if n == 0 {
		return len(rows)
	}
	return n
}
