// Package pdf lays out a document (package ir) on A4 pages following
// Decree 30/2020/NĐ-CP, Appendix I, and writes it with fpdf.
//
// Layout and writing are separate steps: layout turns the document into
// pages of positioned drawing operations (testable without a PDF), and
// the writer only replays them. Every size, style and position comes from
// package pagespec.
package pdf

import "github.com/bhytdoc/bhytdoc/internal/pagespec"

// font is how element e is set in the document being laid out.
func (l *layout) font(e pagespec.Element) pagespec.Font { return l.sp.Font(e) }

// width is the width of s in mm, set as element e.
func (l *layout) width(s string, e pagespec.Element) float64 {
	f := l.sp.Font(e)
	return l.m.w(s, f.Style, f.Size)
}
