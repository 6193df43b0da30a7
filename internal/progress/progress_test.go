package progress

import (
	"strings"
	"testing"
	"time"
)

// clock is a fake time that the test moves on.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestLine(t *testing.T) {
	var out strings.Builder
	c := &clock{time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	l := &Line{W: &out, Label: "rendering", Unit: "documents", Total: 1000, Every: 100 * time.Millisecond, Now: c.now}

	l.Set(0)
	c.t = c.t.Add(50 * time.Millisecond)
	l.Set(10) // within Every of the last redraw: not drawn
	c.t = c.t.Add(1950 * time.Millisecond)
	l.Set(450)
	c.t = c.t.Add(2 * time.Second)
	l.Set(1000)
	l.Finish()

	draws := strings.Split(out.String(), "\r")[1:]
	want := []string{
		"rendering   0% [                    ] 0/1000 documents",
		"rendering  45% [=========           ] 450/1000 documents, 225 documents/s, 2s left",
		"rendering 100% [====================] 1000/1000 documents, 250 documents/s",
		"rendering 100% [====================] 1000/1000 documents, 250 documents/s in 4s\n",
	}
	if len(draws) != len(want) {
		t.Fatalf("%d redraws, want %d:\n%q", len(draws), len(want), draws)
	}
	for i, w := range want {
		// A shorter line ends in blanks over what is left of the longer one.
		got := strings.TrimRight(strings.TrimSuffix(draws[i], "\n"), " ")
		if strings.HasSuffix(draws[i], "\n") {
			got += "\n"
		}
		if got != w {
			t.Errorf("redraw %d:\n got %q\nwant %q", i, draws[i], w)
		}
	}
	if n, prev := len([]rune(draws[2])), len([]rune(draws[1])); n < prev {
		t.Errorf("redraw 2 is %d runes after one of %d: the end of the longer line stays on screen", n, prev)
	}
}

// A total of zero (not known) counts without a bar or a time left, and a
// count past the total does not overfill the bar.
func TestLineEdges(t *testing.T) {
	var out strings.Builder
	c := &clock{time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)}
	l := &Line{W: &out, Label: "rendering", Unit: "documents", Now: c.now}
	l.Set(0)
	c.t = c.t.Add(time.Second)
	l.Set(7)
	if got := out.String(); !strings.HasSuffix(got, "\rrendering 7 documents, 7 documents/s") {
		t.Errorf("no total: %q", got)
	}

	out.Reset()
	l = &Line{W: &out, Label: "rendering", Unit: "documents", Total: 4, Now: c.now}
	l.Set(9)
	if got := out.String(); !strings.Contains(got, "100% [====================] 9/4") {
		t.Errorf("past the total: %q", got)
	}
}
