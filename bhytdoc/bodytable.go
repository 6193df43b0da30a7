package bhytdoc

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// gfmAlign maps a GFM delimiter row's alignment to a column's.
var gfmAlign = map[extast.Alignment]Align{
	extast.AlignLeft: AlignLeft, extast.AlignCenter: AlignCenter, extast.AlignRight: AlignRight,
}

// Cell emphasis classes.
const (
	cellEmpty = iota
	cellPlain
	cellBold
	cellMixed
)

func cellClass(spans []Span) int {
	if len(spans) == 0 {
		return cellEmpty
	}
	plain, bold := true, true
	for _, s := range spans {
		plain = plain && !s.Bold && !s.Italic
		bold = bold && s.Bold && !s.Italic
	}
	switch {
	case plain:
		return cellPlain
	case bold:
		return cellBold
	}
	return cellMixed
}

// table turns a GFM table into a TableBlock: the header row becomes the
// header, the delimiter row the column alignments (none: automatic), and
// a last row whose every filled cell is wholly bold the totals row, as
// Markdown written by bhytdoc marks it. Cells are plain text otherwise:
// other emphasis has no printed form in a cell, so it is an error rather
// than dropped.
func (p *bodyParser) table(n *extast.Table) {
	t := &Table{}
	ok := true
	cols := len(n.Alignments)
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		// GFM pads short rows and drops cells beyond the header's: a
		// cell that would be printed blank, or not at all, is an error.
		if c := p.cellsWritten(row); c != cols {
			p.fail(row, "%d cells, the table's header has %d", c, cols)
			ok = false
			continue
		}
		var cells []string
		plain, bold := 0, 0
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			spans, good := p.inlines(cell)
			if !good {
				ok = false
				break
			}
			switch cellClass(spans) {
			case cellPlain:
				plain++
			case cellBold:
				bold++
			case cellMixed:
				p.fail(cell, "emphasis inside a table cell is not printed: write the cell as plain text (only a totals row is all bold)")
				ok = false
			}
			cells = append(cells, spansText(spans))
		}
		_, head := row.(*extast.TableHeader)
		switch {
		case head && bold > 0:
			p.fail(row, "header cells are printed bold already: write them without **")
			ok = false
		case head:
			hr := make([]HeaderCell, len(cells))
			for i, s := range cells {
				hr[i].Text = s
			}
			t.Header = append(t.Header, hr)
		case bold > 0 && plain == 0 && row.NextSibling() == nil:
			t.Totals = cells
		case bold > 0:
			p.fail(row, "only the last row of a table, its totals, is bold, and all of it")
			ok = false
		default:
			t.Rows = append(t.Rows, cells)
		}
	}
	for _, a := range n.Alignments {
		t.Columns = append(t.Columns, Column{Align: gfmAlign[a]})
	}
	if allAuto(t.Columns) {
		t.Columns = nil
	}
	if ok {
		p.emit(n, Block{Kind: TableBlock, Table: t})
	}
}

func allAuto(cs []Column) bool {
	for _, c := range cs {
		if c != (Column{}) {
			return false
		}
	}
	return true
}

// cellsWritten counts the cells written on row's source line: the pipes
// that are not escaped and not at either end, plus one.
func (p *bodyParser) cellsWritten(row ast.Node) int {
	if row.Pos() < 0 || row.Pos() >= len(p.src) {
		return row.ChildCount()
	}
	line := p.src[row.Pos():]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimSpace(line)
	line = bytes.TrimPrefix(line, []byte("|"))
	if len(line) > 0 && line[len(line)-1] == '|' && (len(line) < 2 || line[len(line)-2] != '\\') {
		line = line[:len(line)-1]
	}
	n := 1
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++ // an escaped character, "\|" included
		case '|':
			n++
		}
	}
	return n
}
