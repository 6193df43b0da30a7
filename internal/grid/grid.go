// Package grid places table header cells, given row by row with their
// column and row spans, on the grid of columns they cover. Validation and
// every renderer need the same placement, so it is written once here.
package grid

// Walk calls fn for each cell of rows with its row r, its index i in the
// row and the first grid column it covers. Cells fill each row left to
// right, skipping columns taken by row spans from the rows above; spans
// below 1 count as 1, and row spans past the last row are cut off. Walk
// returns, per row, the number of grid columns covered.
func Walk[C any](rows [][]C, spans func(C) (cols, rows int), fn func(r, i, col int, c C)) []int {
	busy := make([]map[int]bool, len(rows))
	for r := range busy {
		busy[r] = map[int]bool{}
	}
	widths := make([]int, len(rows))
	for r, row := range rows {
		col := 0
		for i, c := range row {
			for busy[r][col] {
				col++
			}
			cs, rs := spans(c)
			cs, rs = max(cs, 1), max(rs, 1)
			for dr := 0; dr < rs && r+dr < len(rows); dr++ {
				for dc := range cs {
					busy[r+dr][col+dc] = true
				}
			}
			if fn != nil {
				fn(r, i, col, c)
			}
			col += cs
		}
		widths[r] = len(busy[r])
	}
	return widths
}
