package edxml

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// FuzzRead feeds Read arbitrary bytes: no panic, and a package it
// accepts writes and reads back the same.
func FuzzRead(f *testing.F) {
	b, err := os.ReadFile("testdata/sample.edxml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/3])
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadWith(bytes.NewReader(data), &ReadOptions{MaxHeaderBytes: 1 << 20, MaxAttachmentBytes: 1 << 20})
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, p); err != nil {
			t.Fatalf("Write of a package Read accepted: %v", err)
		}
		q, err := Read(&buf)
		if err != nil {
			t.Fatalf("Read(Write(p)): %v", err)
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("round trip differs:\n%+v\n%+v", p, q)
		}
	})
}
