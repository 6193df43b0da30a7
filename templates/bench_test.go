package templates

import (
	"testing"
)

// BenchmarkFill fills the letter merge makes for each row
// (cong-van-xa-bhyt): its cost per row is what merge pays before layout.
func BenchmarkFill(b *testing.B) {
	m := load(b, "cong-van-xa-bhyt")
	b.Run("Source", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Source("cong-van-xa-bhyt", m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Fill", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Fill("cong-van-xa-bhyt", m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
