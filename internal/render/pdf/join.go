package pdf

// Join appends next's pages to l's, for a decision of Mẫu 1.3 printed on
// paper with the document it issues: next starts on a new page and keeps
// its own page numbers. The file's metadata stay l's.
func (l *Laid) Join(next *Laid) {
	l.Pages = append(l.Pages, next.Pages...)
	for st, f := range next.m.faces {
		if l.m.faces[st] == nil {
			l.m.faces[st] = f
		}
	}
}
