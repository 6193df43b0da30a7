package batch

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
)

// Shard is one of N deterministic shares of a batch, so that N machines
// can split it: shard I of N takes the documents whose 0-based input
// index is I modulo N. Interleaving rather than contiguous blocks needs no
// count of the input in advance, and gives every shard a like mix of
// long and short documents. Together the N shards take every document
// exactly once.
type Shard struct {
	I, N int // 0 ≤ I < N
}

// ParseShard reads "I/N" ("0/4" … "3/4").
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	sh := Shard{I: i, N: n}
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("batch: shard %q: want I/N, e.g. 0/4", s)
	}
	return sh, sh.Valid()
}

// Valid reports a shard outside 0 ≤ I < N.
func (s Shard) Valid() error {
	if s.N < 1 || s.I < 0 || s.I >= s.N {
		return fmt.Errorf("batch: shard %d/%d: want 0 ≤ I < N", s.I, s.N)
	}
	return nil
}

// Has reports whether the document at 0-based index belongs to s. The
// zero Shard has every document.
func (s Shard) Has(index int) bool {
	if s.N <= 1 {
		return true
	}
	return index%s.N == s.I
}

// Of yields the items of seq that belong to s.
func (s Shard) Of(seq iter.Seq2[Item, error]) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		i := 0
		for it, err := range seq {
			if s.Has(i) && !yield(it, err) {
				return
			}
			i++
		}
	}
}
