package tablefit

// Split plans the pages of a table taller than its first page: it returns
// the index of the row that starts each page after the first, the totals
// row counting as row len(RowH). first is the height for rows under the
// header on the table's first page, rest on each later page, under the
// repeated header. The totals row never stands alone: it takes the last
// two body rows with it when a page holds the three. A row taller than
// rest starts a page of its own (the writer splits it by lines).
func (l *Layout) Split(first, rest float64) []int {
	n := len(l.RowH)
	total := n
	if l.TotalsH > 0 {
		total++
	}
	h := func(r int) float64 {
		if r == n {
			return l.TotalsH
		}
		return l.RowH[r]
	}
	// keepFrom is the first row of the block kept with the totals.
	keepFrom := total
	if l.TotalsH > 0 {
		from := max(n-2, 0)
		tail := l.TotalsH
		for r := from; r < n; r++ {
			tail += l.RowH[r]
		}
		if tail <= rest+1e-9 {
			keepFrom = from
		}
	}
	var breaks []int
	room, onPage := first, 0
	for r := 0; r < total; r++ {
		need := h(r)
		if r == keepFrom {
			for k := r + 1; k < total; k++ {
				need += h(k)
			}
		}
		// A page breaks before a row that does not fit under rows already
		// there; before the first row only when a later page would hold
		// it (the table then starts on the next page).
		if need > room+1e-9 && (onPage > 0 || (r == 0 && need <= rest+1e-9)) {
			breaks = append(breaks, r)
			room, onPage = rest, 0
		}
		room -= h(r)
		onPage++
	}
	return breaks
}
