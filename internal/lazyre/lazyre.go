// Package lazyre is a regular expression compiled when it is first used,
// not at program start-up, after the Go toolchain's own
// internal/lazyregexp. A package-level regexp.MustCompile runs in every
// process that links the package: bhytdoc's CLI compiled some forty of
// them (a tenth of a millisecond and 20 kB of garbage each, on a 2-core
// machine) before `bhytdoc version` or `annex plan`, which use none.
//
// A *Regexp has the methods of *regexp.Regexp that the module uses; the
// pattern is checked by the tests that use it, and an invalid one panics
// on first use as regexp.MustCompile would have at start-up.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regexp.Regexp compiled on first use; safe for concurrent
// use as regexp.Regexp is.
type Regexp struct {
	str  string
	once sync.Once
	rx   *regexp.Regexp
}

// New returns the lazily compiled expr.
func New(expr string) *Regexp { return &Regexp{str: expr} }

// Re returns the compiled expression, compiling it on the first call.
func (r *Regexp) Re() *regexp.Regexp {
	r.once.Do(func() { r.rx = regexp.MustCompile(r.str) })
	return r.rx
}

// String returns the source text of the expression.
func (r *Regexp) String() string { return r.str }

// The methods below are regexp.Regexp's, on the compiled expression.

func (r *Regexp) Match(b []byte) bool                  { return r.Re().Match(b) }
func (r *Regexp) MatchString(s string) bool            { return r.Re().MatchString(s) }
func (r *Regexp) FindString(s string) string           { return r.Re().FindString(s) }
func (r *Regexp) FindStringIndex(s string) []int       { return r.Re().FindStringIndex(s) }
func (r *Regexp) FindStringSubmatch(s string) []string { return r.Re().FindStringSubmatch(s) }
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.Re().FindStringSubmatchIndex(s)
}
func (r *Regexp) FindSubmatch(b []byte) [][]byte { return r.Re().FindSubmatch(b) }
func (r *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	return r.Re().FindAllSubmatch(b, n)
}
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Re().FindAllStringSubmatchIndex(s, n)
}
func (r *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return r.Re().ReplaceAllFunc(src, repl)
}
