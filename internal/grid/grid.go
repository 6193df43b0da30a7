// Package grid places table header cells, given row by row with their
// column and row spans, on the grid of columns they cover. Validation and
// every renderer need the same placement, so it is written once here.
package grid

import "math"

// span is the half-open range of columns [from, to) a cell takes in a row.
type span struct{ from, to int }

// Walk calls fn for each cell of rows with its row r, its index i in the
// row and the first grid column it covers. Cells fill each row left to
// right, skipping columns taken by row spans from the rows above; spans
// below 1 count as 1, and row spans past the last row are cut off. Walk
// returns, per row, the number of grid columns covered.
//
// Work and memory grow with the number of cells, never with the span
// values: a header cell claiming a hundred million columns is measured,
// not allocated, so callers can check it against the table's real size.
// Column positions saturate at math.MaxInt instead of overflowing.
func Walk[C any](rows [][]C, spans func(C) (cols, rows int), fn func(r, i, col int, c C)) []int {
	busy := make([][]span, len(rows))
	widths := make([]int, len(rows))
	for r, row := range rows {
		col := 0
		for i, c := range row {
			col = skip(busy[r], col)
			cs, rs := spans(c)
			cs, rs = max(cs, 1), max(rs, 1)
			end := add(col, cs)
			for dr := 0; dr < rs && r+dr < len(rows); dr++ {
				busy[r+dr] = append(busy[r+dr], span{col, end})
			}
			if fn != nil {
				fn(r, i, col, c)
			}
			col = end
		}
		n := 0
		for _, s := range busy[r] {
			n = add(n, s.to-s.from)
		}
		widths[r] = n
	}
	return widths
}

// skip returns the first column at or after col that no span in busy
// takes. The spans never overlap: each was placed by skipping the others.
func skip(busy []span, col int) int {
	for moved := true; moved; {
		moved = false
		for _, s := range busy {
			if col >= s.from && col < s.to {
				col, moved = s.to, true
			}
		}
	}
	return col
}

// add returns a+b for non-negative a and b, saturating at math.MaxInt.
func add(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}
