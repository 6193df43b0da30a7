package markdown

import (
	"fmt"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/excerpt"
)

// TableReader reads the annex table of a spreadsheet file (.xlsx, .xlsm,
// .csv) that an annex's file: key names. data is the file, name its path
// as messages should give it, sheet the worksheet the source names ("":
// the one the workbook opens on). An error should name the file, sheet
// and cell. coverage.ReadTable is one: package markdown does not read
// spreadsheets itself, so that it need not depend on the package that
// checks their arithmetic.
type TableReader func(data []byte, name, sheet string) (*TableFile, error)

// TableFile is an annex table read from a spreadsheet file.
type TableFile struct {
	// File is the file's path in the fsys given to ParseSourceWith; set
	// by the parser.
	File string
	// Sheet is the worksheet read; "" for a CSV file.
	Sheet string
	// Table is the table, as the annex holds it.
	Table bhytdoc.Table
	// Cell, when not nil, returns the reference ("F7") in Sheet of body
	// row i (0-based; -1 for the totals row) and column c, for messages
	// about a cell (see coverage.CheckAt).
	Cell func(i, c int) string
}

// String returns "units.xlsx!Phụ lục 1", or the file's path alone for a
// CSV file.
func (f *TableFile) String() string {
	if f.Sheet == "" {
		return f.File
	}
	return f.File + "!" + f.Sheet
}

// ParseOptions are the options of ParseSourceWith.
type ParseOptions struct {
	// Tables reads annex tables from spreadsheet files. When nil, an
	// annex naming such a file is an error.
	Tables TableReader
}

// maxSheetName is the longest worksheet name a workbook may hold.
const maxSheetName = 31

// MaxTableFileRows bounds the rows of an annex table read from a
// spreadsheet file: a file of 16 MiB can hold hundreds of thousands. It is
// the model's bound on a document's table rows, checked here as soon as
// the table is read rather than after it is held whole.
const MaxTableFileRows = bhytdoc.MaxTableRows

// tableFile decodes an annex entry {file: name.xlsx|csv, sheet, label, title,
// reference, landscape, coverage}: the table from the file, the rest from
// the entry. The file holds only the table, so the title is required.
func (d *fmDecoder) tableFile(n *yaml.Node, i int, name string) bhytdoc.Annex {
	where, field := fmt.Sprintf("annexes[%d]", i), fmt.Sprintf("Annexes[%d]", i)
	var a bhytdoc.Annex
	var sheet string
	var fileNode, sheetNode *yaml.Node
	d.fields(n, where, map[string]func(*yaml.Node){
		"file": func(v *yaml.Node) { fileNode = v },
		"sheet": func(v *yaml.Node) {
			if s, ok := d.text(v, where+".sheet"); ok {
				if utf8.RuneCountInString(s) > maxSheetName {
					d.fail(v, where+".sheet", "a worksheet name has at most %d characters, got %s", maxSheetName, excerpt.Quote(s))
					return
				}
				sheet, sheetNode = s, v
			}
		},
		"title":     func(v *yaml.Node) { d.str(v, where+".title", field+".Title", &a.Title) },
		"label":     func(v *yaml.Node) { d.annexLabel(v, where+".label", field, &a) },
		"reference": func(v *yaml.Node) { d.str(v, where+".reference", field+".Reference", &a.Reference) },
		"landscape": func(v *yaml.Node) { a.Landscape, _ = d.boolean(v, where+".landscape") },
		"coverage":  func(v *yaml.Node) { a.Coverage = d.coverage(v, where+".coverage") },
	})
	if fileNode == nil {
		return a
	}
	if a.Title == "" {
		d.fail(n, where+".title", "an annex read from %s needs a title: the file holds only the table", excerpt.Quote(name))
	}
	if d.tables == nil {
		d.fail(fileNode, where+".file", "cannot read the table of %s: spreadsheet files are read only by a parser given a TableReader (ParseSourceWith)", excerpt.Quote(name))
		return a
	}
	b, p := d.readFile(fileNode, where+".file", name)
	if b == nil {
		return a
	}
	tf, err := d.tables(b, p, sheet)
	if err == nil && tf == nil {
		err = fmt.Errorf("%s: the table reader returned no table", p)
	}
	if err != nil {
		at := fileNode
		if sheetNode != nil {
			at = sheetNode
		}
		d.fail(at, where+".file", "%v", err)
		(*d.errs)[len(*d.errs)-1].Err = err // errors.As finds the reader's error
		return a
	}
	if n := len(tf.Table.Rows); n > MaxTableFileRows {
		d.fail(fileNode, where+".file", "%s: a table of %d rows; at most %d in an annex read from a file", p, n, MaxTableFileRows)
		return a
	}
	a.Table = tf.Table
	tf.File = p
	if d.annexFiles != nil {
		d.annexFiles[i] = tf
	}
	// Messages about the table (a cell too long for the page) point at
	// the entry's file: line.
	d.mark(field+".Table", fileNode)
	return a
}

// coverage decodes the coverage: key of an annex.
func (d *fmDecoder) coverage(v *yaml.Node, where string) bhytdoc.CoverageDecl {
	b, ok := d.boolean(v, where)
	switch {
	case !ok:
		return bhytdoc.CoverageAuto
	case b:
		return bhytdoc.CoverageYes
	}
	return bhytdoc.CoverageNo
}

// AnnexFile returns the file annex i's table was read from, or nil when
// it was not read from a spreadsheet file. Its Table is the table as
// read; Doc's annex holds the same table in canonical form.
func (s *Source) AnnexFile(i int) *TableFile { return s.annexFiles[i] }

// coverageNode writes a declaration other than CoverageAuto.
func coverageNode(c bhytdoc.CoverageDecl) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(c == bhytdoc.CoverageYes)}
}
