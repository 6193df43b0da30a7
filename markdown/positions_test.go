package markdown

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestPositionsLikeMap checks positions, a list turned into a map on the
// first lookup, against the map it replaced: fields recorded again, lists
// of lines, lookups between recordings.
func TestPositionsLikeMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 6))
	fields := []string{"Kind", "Body", "Body[1]", "Issues", "Issues.Body", "Signatures[0].Name"}
	for range 200 {
		ps, want := newPositions(), map[string]pos{}
		for range rng.IntN(30) {
			f := fields[rng.IntN(len(fields))]
			switch rng.IntN(3) {
			case 0:
				p := pos{"a.md", rng.IntN(100)}
				ps.set(f, p)
				want[f] = p
			case 1:
				lines := make([]int, rng.IntN(4))
				for i := range lines {
					lines[i] = rng.IntN(100)
					want[f+"["+strconv.Itoa(i)+"]"] = pos{"b.md", lines[i]}
				}
				ps.setLines(f, "b.md", lines)
			default:
				g := fields[rng.IntN(len(fields))]
				if p, ok := ps.get(g); p != want[g] || ok != (want[g] != pos{}) {
					t.Fatalf("get(%q) = %v, %v; want %v", g, p, ok, want[g])
				}
			}
		}
		got := map[string]pos{}
		ps.each(func(f string, p pos) { got[f] = p })
		for f, p := range want {
			if got[f] != p {
				t.Fatalf("each: %q at %v, want %v", f, got[f], p)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("each gives %d fields, want %d", len(got), len(want))
		}
	}
}
