// Package progress draws how far a long run has got on one terminal
// line, redrawn in place: a bar, the count, the rate and the time left.
//
// It replaces github.com/schollz/progressbar, of which merge used only
// this: that module's colour package compiles two case-insensitive
// regular expressions when the program starts, in every process that
// links it, which was 5% of the instructions of a cold `bhytdoc render`.
package progress

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// barWidth is the number of cells of the bar.
const barWidth = 20

// Line is a progress line of Total items. Its methods are called from one
// goroutine. The zero Every redraws on every Set.
type Line struct {
	W     io.Writer
	Label string        // what is being done: "rendering"
	Unit  string        // what is counted: "documents"
	Total int           // the number of items; 0 or less shows no bar
	Every time.Duration // the least time between two redraws
	Now   func() time.Time

	start time.Time // the first Set
	drawn time.Time // the last redraw
	done  int
	width int // of the last line drawn, in runes, to blank what is left of it
}

func (l *Line) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// Set records that done items are finished and redraws the line unless
// it was redrawn less than Every ago.
func (l *Line) Set(done int) {
	now := l.now()
	if l.start.IsZero() {
		l.start = now
	}
	l.done = done
	if !l.drawn.IsZero() && now.Sub(l.drawn) < l.Every {
		return
	}
	l.draw(l.text(now, false), now)
}

// Finish draws the line a last time, with the time taken, and ends it.
func (l *Line) Finish() {
	now := l.now()
	if l.start.IsZero() {
		l.start = now
	}
	l.draw(l.text(now, true), now)
	fmt.Fprintln(l.W)
}

func (l *Line) draw(s string, now time.Time) {
	n := len([]rune(s))
	pad := ""
	if n < l.width {
		pad = strings.Repeat(" ", l.width-n)
	}
	fmt.Fprintf(l.W, "\r%s%s", s, pad)
	l.width = n
	l.drawn = now
}

// text is the line: "rendering  45% [=========           ] 450/1000
// documents, 120 documents/s, 5s left" ("… in 8s" when finished).
func (l *Line) text(now time.Time, finished bool) string {
	var b strings.Builder
	b.WriteString(l.Label)
	if l.Total > 0 {
		done := min(max(l.done, 0), l.Total)
		fill := done * barWidth / l.Total
		fmt.Fprintf(&b, " %3d%% [%s%s] %d/%d", done*100/l.Total,
			strings.Repeat("=", fill), strings.Repeat(" ", barWidth-fill), l.done, l.Total)
	} else {
		fmt.Fprintf(&b, " %d", l.done)
	}
	fmt.Fprintf(&b, " %s", l.Unit)
	elapsed := now.Sub(l.start)
	if elapsed > 0 && l.done > 0 {
		rate := float64(l.done) / elapsed.Seconds()
		fmt.Fprintf(&b, ", %.0f %s/s", rate, l.Unit)
		if !finished && l.Total > l.done {
			left := time.Duration(float64(l.Total-l.done) / rate * float64(time.Second))
			fmt.Fprintf(&b, ", %s left", left.Round(time.Second))
		}
	}
	if finished {
		fmt.Fprintf(&b, " in %s", elapsed.Round(100*time.Millisecond))
	}
	return b.String()
}
