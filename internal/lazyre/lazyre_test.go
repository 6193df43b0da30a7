package lazyre

import (
	"regexp"
	"slices"
	"sync"
	"testing"
)

func TestDelegates(t *testing.T) {
	const expr = `(\d+)-(\d+)`
	lz, re := New(expr), regexp.MustCompile(expr)
	if lz.rx != nil {
		t.Fatal("New compiled the expression")
	}
	s := "a 1-2 b 30-40"
	if lz.String() != expr || lz.Re().String() != expr {
		t.Errorf("String() = %q, Re().String() = %q; want %q", lz.String(), lz.Re().String(), expr)
	}
	if lz.Re() != lz.Re() {
		t.Error("Re compiles more than once")
	}
	if lz.MatchString(s) != re.MatchString(s) || lz.Match([]byte("x")) != re.Match([]byte("x")) {
		t.Error("Match/MatchString differ")
	}
	if lz.FindString(s) != re.FindString(s) ||
		!slices.Equal(lz.FindStringIndex(s), re.FindStringIndex(s)) ||
		!slices.Equal(lz.FindStringSubmatch(s), re.FindStringSubmatch(s)) ||
		!slices.Equal(lz.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s)) {
		t.Error("FindString* differ")
	}
	if len(lz.FindSubmatch([]byte(s))) != 3 || len(lz.FindAllSubmatch([]byte(s), -1)) != 2 ||
		len(lz.FindAllStringSubmatchIndex(s, -1)) != 2 {
		t.Error("FindSubmatch/FindAll* differ")
	}
	repl := func(b []byte) []byte { return []byte("#") }
	if got, want := string(lz.ReplaceAllFunc([]byte(s), repl)), string(re.ReplaceAllFunc([]byte(s), repl)); got != want {
		t.Errorf("ReplaceAllFunc = %q, want %q", got, want)
	}
}

// TestConcurrentFirstUse: many goroutines using a fresh Regexp at once
// see one compiled expression (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	lz := New(`^x+$`)
	var wg sync.WaitGroup
	res := make([]*regexp.Regexp, 8)
	for i := range res {
		wg.Go(func() {
			if !lz.MatchString("xxx") {
				t.Error("no match")
			}
			res[i] = lz.Re()
		})
	}
	wg.Wait()
	for _, r := range res {
		if r != res[0] {
			t.Fatal("compiled more than once")
		}
	}
}

func TestInvalidPanicsOnFirstUse(t *testing.T) {
	lz := New(`(`) // no panic here
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on first use")
		}
	}()
	lz.MatchString("")
}
