package xlsx

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

func sheetXML(n int, tail string) string {
	var b strings.Builder
	b.WriteString("<worksheet><sheetData>")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>x%d</t></is></c></row>`, i, i, i)
	}
	b.WriteString(tail + "</sheetData></worksheet>")
	return b.String()
}

func pipeRead(wb *Workbook, xml string, fn func(int, []Value) error) error {
	ra := newReadAhead(strings.NewReader(xml))
	defer ra.Close()
	sr := sheetReader{wb: wb, s: newScanner(ra), row: -1}
	return pipeRows(&sr, fn)
}

// Rows are read in a goroutine of their own, but the caller sees what a
// read in its own goroutine gave: every row in order up to an error,
// the error, nothing after its own error, the reader's panic.
func TestPipeRows(t *testing.T) {
	wb := &Workbook{}
	seen := 0
	err := pipeRead(wb, sheetXML(1000, `<row r="5"/>`), func(r int, v []Value) error {
		if r != seen || v[0].Text != fmt.Sprint("x", r+1) {
			return fmt.Errorf("row %d %v after %d rows", r, v, seen)
		}
		seen++
		return nil
	})
	if seen != 1000 || err == nil || !strings.Contains(err.Error(), "row 5 is out of order") {
		t.Errorf("%d rows, error %v; want 1000 and the row out of order", seen, err)
	}
	stop := errors.New("stop")
	seen = 0
	err = pipeRead(wb, sheetXML(5000, ""), func(r int, _ []Value) error {
		seen++
		if r == 299 {
			return stop
		}
		return nil
	})
	if err != stop || seen != 300 {
		t.Errorf("%d rows, error %v; want 300 and the caller's", seen, err)
	}
	// The caller's panic stops the reading goroutines.
	before := runtime.NumGoroutine()
	func() {
		defer func() { recover() }()
		pipeRead(wb, sheetXML(5000, ""), func(r int, _ []Value) error {
			if r == 10 {
				panic("caller")
			}
			return nil
		})
	}()
	for i := 0; runtime.NumGoroutine() > before; i++ {
		if i == 100 {
			t.Fatalf("%d goroutines left running", runtime.NumGoroutine()-before)
		}
		time.Sleep(10 * time.Millisecond)
	}
	defer func() {
		if p := recover(); p == nil {
			t.Error("the reader's panic was lost")
		}
	}()
	// A nil workbook makes the reader panic at a styled cell.
	pipeRead(nil, sheetXML(700, `<row r="701"><c r="A701" s="1"><v>1</v></c></row>`), func(int, []Value) error { return nil })
}
